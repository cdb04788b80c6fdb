package diff

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"govx/output"
)

func ptr[T any](v T) *T { return &v }

// sample is a small run of two articles.
func sample() []output.Rows {
	return []output.Rows{{
		Article: output.ArticleRow{ArticleID: "aaaa", DocID: "a.txt", Text: "收入完成2亿元，增长5%。"},
		Quantities: []output.QuantityRow{
			{ArticleID: "aaaa", Start: 4, End: 7, Text: "2亿元", Value: 2e8, Unit: ptr("CNY"), Kind: "money", Qualifier: "exact"},
			{ArticleID: "aaaa", Start: 10, End: 12, Text: "5%", Value: 5, Unit: ptr("%"), Kind: "percent", Qualifier: "exact"},
		},
		Indicators: []output.IndicatorRow{
			{ArticleID: "aaaa", Start: 0, End: 12, Subject: ptr("x"), Indicator: "收入", Value: ptr(2e8), Modality: "actual"},
			{ArticleID: "aaaa", Start: 0, End: 12, Subject: ptr("x"), Indicator: "增长", ChangePct: ptr(5.0), Modality: "actual"},
		},
	}, {
		Article: output.ArticleRow{ArticleID: "bbbb", DocID: "b.txt", Text: "新签约项目3个。"},
		Quantities: []output.QuantityRow{
			{ArticleID: "bbbb", Start: 5, End: 7, Text: "3个", Value: 3, Unit: ptr("个"), Kind: "count", Qualifier: "exact"},
		},
	}}
}

func TestCompareItself(t *testing.T) {
	rep := Compare(sample(), sample())
	if !rep.Empty() || rep.Articles != 0 {
		t.Fatalf("a run differs from itself: %+v", rep.Changes)
	}
	for _, ts := range rep.Tables {
		if ts.Unchanged != ts.New || ts.Old != ts.New {
			t.Errorf("%s: %+v", ts.Table, ts)
		}
	}
}

func TestCompareChanges(t *testing.T) {
	tests := []struct {
		name   string
		change func(r []output.Rows) []output.Rows
		want   []string // op table label fields
	}{
		{"value changed", func(r []output.Rows) []output.Rows {
			r[0].Quantities[1].Value = 6
			return r
		}, []string{"changed quantities 5% value"}},
		{"row added", func(r []output.Rows) []output.Rows {
			r[1].Periods = append(r[1].Periods, output.PeriodRow{ArticleID: "bbbb", Start: 0, End: 2, Text: "今年", Granularity: "year"})
			return r
		}, []string{"added periods 今年"}},
		{"row removed", func(r []output.Rows) []output.Rows {
			r[0].Quantities = r[0].Quantities[:1]
			return r
		}, []string{"removed quantities 5%"}},
		{"span moved apart is a removal and an addition", func(r []output.Rows) []output.Rows {
			r[1].Quantities[0].Start, r[1].Quantities[0].End = 0, 2
			r[1].Quantities[0].Text = "新签"
			return r
		}, []string{"added quantities 新签", "removed quantities 3个"}},
		{"span grown is a change", func(r []output.Rows) []output.Rows {
			r[1].Quantities[0].Start = 4
			r[1].Quantities[0].Text = "目3个"
			return r
		}, []string{"changed quantities 目3个 start,text"}},
		{"overlapping indicators of another name are apart", func(r []output.Rows) []output.Rows {
			r[0].Indicators[1].Start, r[0].Indicators[1].Indicator = 1, "收入增长"
			return r
		}, []string{"removed indicators 增长", "added indicators 收入增长"}},
		{"indicators sharing a span are told apart by name", func(r []output.Rows) []output.Rows {
			r[0].Indicators[1].ChangeBasis = ptr("yoy")
			return r
		}, []string{"changed indicators 增长 change_basis"}},
		{"indicator renamed in its clause is changed", func(r []output.Rows) []output.Rows {
			r[0].Indicators[1].Indicator = "收入增长"
			return r
		}, []string{"changed indicators 收入增长 indicator"}},
		{"null becomes a value", func(r []output.Rows) []output.Rows {
			r[0].Quantities[0].SurfaceUnit = ptr("亿元")
			return r
		}, []string{"changed quantities 2亿元 surface_unit"}},
		{"article region found", func(r []output.Rows) []output.Rows {
			r[1].Article.Region = ptr("镇江")
			return r
		}, []string{"changed articles b.txt region"}},
		{"article gone", func(r []output.Rows) []output.Rows {
			return r[:1]
		}, []string{"removed articles b.txt", "removed quantities 3个"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep := Compare(sample(), tt.change(sample()))
			var got []string
			for _, c := range rep.Changes {
				got = append(got, strings.TrimSpace(string(c.Op)+" "+c.Table+" "+c.Label+" "+strings.Join(c.Fields, ",")))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("changes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if rep.Empty() {
				t.Error("Empty() on a changed run")
			}
		})
	}
}

func TestDuplicateKeysPairInOrder(t *testing.T) {
	old := sample()
	old[1].Quantities = append(old[1].Quantities, old[1].Quantities[0])
	rep := Compare(old, sample())
	if len(rep.Changes) != 1 || rep.Changes[0].Op != Removed {
		t.Fatalf("changes = %+v, want one removal", rep.Changes)
	}
	if s := rep.Tables[1]; s.Table != "quantities" || s.Old != 4 || s.New != 3 || s.Removed != 1 || s.Unchanged != 3 {
		t.Errorf("summary %+v", s)
	}
}

func TestWriteText(t *testing.T) {
	newer := sample()
	newer[0].Quantities[1].Value = 6
	newer[1].Quantities = nil
	var b bytes.Buffer
	if err := Compare(sample(), newer).WriteText(&b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"0 rows added, 1 removed, 1 changed in 2 articles\n",
		"quantities        3       2       0       1       1\n",
		"== a.txt (article aaaa)\n~ quantities 10-12 \"5%\" value: 5 → 6\n",
		"== b.txt (article bbbb)\n- quantities 5-7 \"3个\" kind=\"count\" qualifier=\"exact\" sentence=0 unit=\"个\" value=3\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if !strings.HasPrefix(out, "0 rows added") {
		t.Errorf("the summary does not come first:\n%s", out)
	}
	b.Reset()
	if err := Compare(sample(), sample()).WriteText(&b); err != nil || !strings.HasPrefix(b.String(), "no change\n") {
		t.Errorf("no change: %q, %v", b.String(), err)
	}
}

func TestWriteJSON(t *testing.T) {
	for _, tt := range []struct {
		newer   []output.Rows
		changed bool
		n       int
	}{{sample(), false, 0}, {sample()[:1], true, 2}} {
		var b bytes.Buffer
		if err := Compare(sample(), tt.newer).WriteJSON(&b); err != nil {
			t.Fatal(err)
		}
		var got struct {
			Changed bool              `json:"changed"`
			Tables  []json.RawMessage `json:"tables"`
			Changes []json.RawMessage `json:"changes"`
		}
		if err := json.Unmarshal(b.Bytes(), &got); err != nil {
			t.Fatalf("%v\n%s", err, b.String())
		}
		if got.Changed != tt.changed || len(got.Changes) != tt.n || got.Changes == nil || len(got.Tables) == 0 {
			t.Errorf("changed=%v changes=%d, want %v %d:\n%s", got.Changed, len(got.Changes), tt.changed, tt.n, b.String())
		}
	}
}

// BenchmarkCompare compares two runs of 2000 articles that differ in one
// value per article.
func BenchmarkCompare(b *testing.B) {
	var old, new []output.Rows
	for i := range 1000 {
		for _, r := range sample() {
			id := fmt.Sprintf("%s%04d", r.Article.ArticleID, i)
			r.Article.ArticleID = id
			for j := range r.Quantities {
				r.Quantities[j].ArticleID = id
			}
			for j := range r.Indicators {
				r.Indicators[j].ArticleID = id
			}
			old = append(old, r)
		}
	}
	for _, r := range old {
		c := r
		c.Quantities = append([]output.QuantityRow(nil), r.Quantities...)
		c.Quantities[0].Value++
		new = append(new, c)
	}
	rows := 0
	for _, r := range old {
		rows += 1 + len(r.Quantities) + len(r.Indicators)
	}
	b.ReportAllocs()
	for b.Loop() {
		if rep := Compare(old, new); len(rep.Changes) != len(old) {
			b.Fatalf("%d changes", len(rep.Changes))
		}
	}
	b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}
