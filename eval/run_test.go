package eval

import (
	"path/filepath"
	"reflect"
	"testing"

	"govx"
	"govx/output"
)

// results are two processed articles, the second without mentions.
func results() []govx.Result {
	text := "今年完成2亿元。"
	year := len("今年")
	return []govx.Result{{
		Article: govx.Article{ID: govx.ArticleID(text), DocID: "a.txt", Source: "in/a.txt", Text: text,
			Published: govx.DateOf(2024, 7, 15), Region: "甲县"},
		Mentions: govx.Mentions{
			Quantities: []govx.Quantity{{Span: govx.Span{Start: year + len("完成"), End: year + len("完成2亿元")},
				Value: 2e8, Unit: govx.UnitCNY, SurfaceUnit: "亿元", Kind: govx.KindMoney, Qualifier: govx.QualifierExact}},
			Periods: []govx.Period{{Span: govx.Span{Start: 0, End: year},
				Period:      govx.DateRange{Start: govx.DateOf(2024, 1, 1), End: govx.DateOf(2024, 12, 31)},
				Granularity: govx.GranularityYear, Relative: true}},
		},
	}, {
		Article: govx.Article{ID: govx.ArticleID("无。"), DocID: "b.txt", Source: "in/b.txt", Text: "无。"},
	}}
}

func TestReadRowsGroupsByArticle(t *testing.T) {
	for _, format := range []output.Format{output.Parquet, output.JSONL} {
		t.Run(format.String(), func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "out")
			w, err := output.Create(output.Options{Dir: dir, Format: format})
			if err != nil {
				t.Fatal(err)
			}
			var want []output.Rows
			for _, r := range results() {
				if err := w.Write(&r); err != nil {
					t.Fatal(err)
				}
				want = append(want, output.RowsOf(&r))
			}
			if err := w.Close(&output.Manifest{Version: "test"}); err != nil {
				t.Fatal(err)
			}
			got, m, err := ReadRows(dir)
			if err != nil {
				t.Fatal(err)
			}
			if m.Version != "test" || len(got) != len(want) {
				t.Fatalf("version %q, %d articles, want %d", m.Version, len(got), len(want))
			}
			for i := range want {
				if !reflect.DeepEqual(PredictedItems(&got[i], Quantities), PredictedItems(&want[i], Quantities)) ||
					!reflect.DeepEqual(PredictedItems(&got[i], Periods), PredictedItems(&want[i], Periods)) ||
					!reflect.DeepEqual(itemOf(got[i].Article), itemOf(want[i].Article)) {
					t.Errorf("article %d read back as %+v, want %+v", i, got[i], want[i])
				}
			}
		})
	}
	if _, _, err := ReadRows(filepath.Join(t.TempDir(), "nope")); err == nil {
		t.Error("a missing directory reads")
	}
}

func TestGroupRowsWithoutArticle(t *testing.T) {
	run := &output.Run{
		Articles:   []output.ArticleRow{{ArticleID: "a", DocID: "a.txt"}},
		Quantities: []output.QuantityRow{{ArticleID: "b", Text: "1个"}, {ArticleID: "a", Text: "2个"}, {ArticleID: "b", Text: "3个"}},
	}
	got := Group(run)
	if len(got) != 2 || got[0].Article.DocID != "a.txt" || len(got[0].Quantities) != 1 ||
		got[1].Article.ArticleID != "b" || len(got[1].Quantities) != 2 || got[1].Quantities[1].Text != "3个" {
		t.Errorf("Group = %+v", got)
	}
}
