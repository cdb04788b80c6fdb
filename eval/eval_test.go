package eval

import (
	"encoding/json"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"govx/output"
)

// rowsOf builds the predicted rows of one article from items written like
// gold items, through the rows' JSON form.
func rowsOf(t testing.TB, docID string, table string, items ...Item) output.Rows {
	t.Helper()
	r := output.Rows{Article: output.ArticleRow{ArticleID: "a-" + docID, DocID: docID}}
	for _, it := range items {
		b, err := json.Marshal(it)
		if err != nil {
			t.Fatal(err)
		}
		switch table {
		case Quantities:
			err = appendJSON(b, &r.Quantities)
		case Periods:
			err = appendJSON(b, &r.Periods)
		case Entities:
			err = appendJSON(b, &r.Entities)
		case Indicators:
			err = appendJSON(b, &r.Indicators)
		default:
			err = errors.New("unknown table")
		}
		if err != nil {
			t.Fatalf("%s row %v: %v", table, it, err)
		}
	}
	return r
}

// appendJSON decodes one row from its JSON form and appends it to rows.
func appendJSON[R any](b []byte, rows *[]R) error {
	var row R
	if err := json.Unmarshal(b, &row); err != nil {
		return err
	}
	*rows = append(*rows, row)
	return nil
}

// goldRows turns a gold article into the rows of a perfect run.
func goldRows(t testing.TB, g *Gold) output.Rows {
	t.Helper()
	r := output.Rows{Article: output.ArticleRow{ArticleID: "id-" + g.Source, DocID: g.Source, Region: &g.Region}}
	r.Article.Published = output.DayOf(g.Published)
	for _, table := range Tables {
		one := rowsOf(t, g.Source, table, g.Items(table)...)
		r.Quantities = append(r.Quantities, one.Quantities...)
		r.Periods = append(r.Periods, one.Periods...)
		r.Entities = append(r.Entities, one.Entities...)
		r.Indicators = append(r.Indicators, one.Indicators...)
	}
	return r
}

func TestMatching(t *testing.T) {
	q := func(text string, value float64) Item {
		return Item{"text": text, "value": value, "unit": "CNY", "kind": "money", "qualifier": "exact"}
	}
	ind := func(name, start, end string) Item {
		it := Item{"indicator": name, "subject": "x", "modality": "actual", "period_start": nil, "period_end": nil}
		if start != "" {
			it["period_start"] = start
		}
		if end != "" {
			it["period_end"] = end
		}
		return it
	}
	tests := []struct {
		name                  string
		table                 string
		gold, pred            []Item
		matched, missed, extr int
	}{
		{"same text matches", Quantities, []Item{q("2亿元", 2e8)}, []Item{q("2亿元", 2e8)}, 1, 0, 0},
		{"other text does not", Quantities, []Item{q("2亿元", 2e8)}, []Item{q("近2亿元", 2e8)}, 0, 1, 1},
		{"multiset: two gold, one prediction", Quantities, []Item{q("2个", 2), q("2个", 2)}, []Item{q("2个", 2)}, 1, 1, 0},
		{"multiset: one gold, two predictions", Quantities, []Item{q("2个", 2)}, []Item{q("2个", 2), q("2个", 2)}, 1, 0, 1},
		{"wrong value still matches", Quantities, []Item{q("2亿元", 2e8)}, []Item{q("2亿元", 2)}, 1, 0, 0},
		{"name contained in gold", Indicators, []Item{ind("一般公共预算收入", "", "")}, []Item{ind("预算收入", "", "")}, 1, 0, 0},
		{"gold contained in name", Indicators, []Item{ind("GDP", "", "")}, []Item{ind("全区GDP", "", "")}, 1, 0, 0},
		{"names apart", Indicators, []Item{ind("GDP", "", "")}, []Item{ind("工业产值", "", "")}, 0, 1, 1},
		{"both periods null", Indicators, []Item{ind("GDP", "", "")}, []Item{ind("GDP", "", "")}, 1, 0, 0},
		{"null against dated", Indicators, []Item{ind("GDP", "", "")}, []Item{ind("GDP", "2023-01-01", "2023-12-31")}, 0, 1, 1},
		{"dated against null", Indicators, []Item{ind("GDP", "2023-01-01", "2023-12-31")}, []Item{ind("GDP", "", "")}, 0, 1, 1},
		{"overlapping periods", Indicators, []Item{ind("GDP", "2023-01-01", "2023-12-31")}, []Item{ind("GDP", "2023-04-01", "2023-06-30")}, 1, 0, 0},
		{"touching on one day", Indicators, []Item{ind("GDP", "2023-01-01", "2023-06-30")}, []Item{ind("GDP", "2023-06-30", "2023-12-31")}, 1, 0, 0},
		{"disjoint periods", Indicators, []Item{ind("GDP", "2023-01-01", "2023-06-30")}, []Item{ind("GDP", "2023-07-01", "2023-12-31")}, 0, 1, 1},
		{"open start overlaps", Indicators, []Item{ind("存款", "", "2017-03-31")}, []Item{ind("存款", "2017-01-01", "2017-03-31")}, 1, 0, 0},
		{"open start before", Indicators, []Item{ind("存款", "", "2016-12-31")}, []Item{ind("存款", "2017-01-01", "2017-03-31")}, 0, 1, 1},
		{"first fitting prediction taken", Indicators,
			[]Item{ind("GDP", "2023-01-01", "2023-12-31"), ind("GDP", "2022-01-01", "2022-12-31")},
			[]Item{ind("GDP", "2022-01-01", "2022-12-31"), ind("GDP", "2023-01-01", "2023-12-31")}, 2, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := Gold{Source: "a.txt"}
			switch tt.table {
			case Quantities:
				g.Quantities = tt.gold
			case Indicators:
				g.Indicators = tt.gold
			}
			rep := Score([]Gold{g}, []output.Rows{rowsOf(t, "a.txt", tt.table, tt.pred...)})
			ts := rep.Tables[tt.table]
			if ts.Matched != tt.matched || ts.Missed != tt.missed || ts.Extra != tt.extr {
				t.Errorf("matched/missed/extra = %d/%d/%d, want %d/%d/%d",
					ts.Matched, ts.Missed, ts.Extra, tt.matched, tt.missed, tt.extr)
			}
		})
	}
}

func TestScoreFigures(t *testing.T) {
	gold := []Gold{{
		Source: "a.txt",
		Quantities: []Item{
			{"text": "2亿元", "value": 2e8, "unit": "CNY", "kind": "money", "qualifier": "exact"},
			{"text": "3个", "value": 3.0, "unit": "个", "kind": "count", "qualifier": "exact"},
			{"text": "5%", "value": 5.0, "unit": "%", "kind": "percent", "qualifier": "exact"},
		},
	}, {
		Source:     "missing.txt",
		Quantities: []Item{{"text": "1家", "value": 1.0}},
	}}
	run := []output.Rows{
		rowsOf(t, "a.txt", Quantities,
			Item{"text": "2亿元", "value": 2e8 * (1 + 1e-9), "unit": "CNY", "kind": "money", "qualifier": "exact"},
			Item{"text": "3个", "value": 3.0, "unit": "个", "kind": "count", "qualifier": "approx"},
			Item{"text": "7年", "value": 7.0, "unit": "year", "kind": "duration", "qualifier": "exact"},
		),
		rowsOf(t, "no-gold.txt", Quantities, Item{"text": "9个", "value": 9.0}),
	}
	rep := Score(gold, run)
	ts := rep.Tables[Quantities]
	// matched 2 (2亿元, 3个), missed 2 (5%, 1家), extra 1 (7年; no-gold.txt is ignored).
	if ts.Matched != 2 || ts.Missed != 2 || ts.Extra != 1 {
		t.Fatalf("matched/missed/extra = %d/%d/%d, want 2/2/1", ts.Matched, ts.Missed, ts.Extra)
	}
	near := func(what string, got, want float64) {
		t.Helper()
		if math.Abs(got-want) > 1e-9 {
			t.Errorf("%s = %v, want %v", what, got, want)
		}
	}
	near("precision", ts.Precision, 2.0/3)
	near("recall", ts.Recall, 0.5)
	near("f1", ts.F1, 2*(2.0/3)*0.5/(2.0/3+0.5))
	near("value accuracy", ts.Fields["value"].Accuracy, 1) // within 1e-6
	near("qualifier accuracy", ts.Fields["qualifier"].Accuracy, 0.5)
	near("accuracy", ts.Accuracy, 7.0/8) // 2 items × 4 scored fields, one wrong
	if _, ok := ts.Fields["text"]; ok {
		t.Error("text is scored as a field")
	}
	if rep.MissingArticles != 1 || rep.GoldArticles != 2 {
		t.Errorf("gold/missing articles = %d/%d, want 2/1", rep.GoldArticles, rep.MissingArticles)
	}
	wrong := rep.Articles[0].Tables[Quantities].Wrong
	if len(wrong) != 1 || wrong[0].Field != "qualifier" || wrong[0].Got != "approx" {
		t.Errorf("wrong fields = %+v, want the qualifier of 3个", wrong)
	}
	// A table with nothing to find and nothing found is perfect.
	if p := rep.Tables[Entities]; p.F1 != 1 || p.Precision != 1 || p.Recall != 1 {
		t.Errorf("empty table: %+v", p)
	}
}

func TestEqual(t *testing.T) {
	tests := []struct {
		gold, got any
		want      bool
	}{
		{nil, nil, true},
		{nil, "CNY", false},
		{nil, 0.0, false},
		{"CNY", nil, false},
		{"CNY", "CNY", true},
		{"CNY", "USD", false},
		{258000000.0, 258000000.0 * (1 + 5e-7), true},
		{258000000.0, 258000000.0 * (1 + 5e-6), false},
		{0.0, 0.0, true},
		{0.0, 1e-12, false},
		{57.73, "57.73", false},
		{true, true, true},
		{true, false, false},
	}
	for _, tt := range tests {
		if got := Equal(tt.gold, tt.got); got != tt.want {
			t.Errorf("Equal(%#v, %#v) = %v, want %v", tt.gold, tt.got, got, tt.want)
		}
	}
}

func TestParseGoldErrors(t *testing.T) {
	tests := []struct{ name, json, want string }{
		{"not json", `{`, "unexpected EOF"},
		{"no source", `{"quantities": []}`, "no source"},
		{"bad date", `{"source": "a", "published": "2024-13-01"}`, "2024-13-01"},
		{"quantity without text", `{"source": "a", "quantities": [{"value": 1}]}`, `quantities[0]: no "text"`},
		{"indicator without name", `{"source": "a", "indicators": [{"value": 1}]}`, `indicators[0]: no "indicator"`},
		{"misspelled table", `{"source": "a", "quantites": []}`, "quantites"},
	}
	for _, tt := range tests {
		_, err := ParseGold([]byte(tt.json))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want it to mention %q", tt.name, err, tt.want)
		}
	}
	if g, err := ParseGold([]byte(`{"source": "a", "notes": "one note"}`)); err != nil || len(g.Notes) != 1 {
		t.Errorf("a single-string note: %v, %v", g.Notes, err)
	}
}

func TestLoadGoldErrors(t *testing.T) {
	if _, err := LoadGold(filepath.Join(t.TempDir(), "nowhere")); err == nil {
		t.Error("a missing directory loads")
	}
	empty := t.TempDir()
	if _, err := LoadGold(empty); err == nil || !strings.Contains(err.Error(), "no *.json") {
		t.Errorf("an empty directory: %v", err)
	}
	dup := t.TempDir()
	for _, name := range []string{"a.json", "b.json"} {
		if err := os.WriteFile(filepath.Join(dup, name), []byte(`{"source": "x.txt"}`), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := LoadGold(dup); err == nil || !strings.Contains(err.Error(), "annotated again") {
		t.Errorf("two files for one source: %v", err)
	}
}

// FuzzParseGold feeds arbitrary bytes to the gold parser: it must return
// an error or a Gold whose items all carry their key, never panic.
func FuzzParseGold(f *testing.F) {
	f.Add([]byte(`{"source": "a.txt", "published": "2024-07-15", "quantities": [{"text": "2个", "value": 2}]}`))
	f.Add([]byte(`{"source": "a", "indicators": [{"indicator": "GDP", "period_start": null}], "notes": "x"}`))
	f.Add([]byte(`{"source": "", "entities": [{}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		g, err := ParseGold(b)
		if err != nil {
			return
		}
		if g.Source == "" {
			t.Error("a gold without source parsed")
		}
		for _, table := range Tables {
			for _, it := range g.Items(table) {
				if it.Label() == "" {
					t.Errorf("%s item without text or name parsed: %v", table, it)
				}
			}
		}
		Score([]Gold{g}, nil) // must not panic
	})
}
