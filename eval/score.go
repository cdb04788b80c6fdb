package eval

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strings"

	"govx/output"
)

// Report is the result of Score.
type Report struct {
	// Tables holds the score of each table of Tables, by name.
	Tables map[string]*TableScore `json:"tables"`

	// GoldArticles is the number of gold files scored; MissingArticles
	// counts those whose article was not in the run (all their items
	// count as missed).
	GoldArticles    int `json:"gold_articles"`
	MissingArticles int `json:"missing_articles"`

	// ArticleFields scores the article-level fields the gold gives
	// (published, region) over the articles found.
	ArticleFields map[string]*FieldScore `json:"article_fields"`

	// Articles details each gold article, in gold order: what was
	// missed, what was extra and which fields were wrong.
	Articles []ArticleReport `json:"articles,omitempty"`
}

// TableScore is the score of one table.
type TableScore struct {
	Matched int `json:"matched"` // gold items that found a prediction
	Missed  int `json:"missed"`  // gold items that found none
	Extra   int `json:"extra"`   // predictions that no gold item took

	// Precision is Matched/(Matched+Extra), Recall is
	// Matched/(Matched+Missed), F1 their harmonic mean. A ratio whose
	// denominator is zero is 1 (nothing predicted, nothing wrong), and F1
	// is 0 when both are 0.
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`

	// Accuracy is the share of all scored fields of the matched items
	// that were right; Fields gives it field by field.
	Accuracy float64                `json:"accuracy"`
	Fields   map[string]*FieldScore `json:"fields"`
}

// FieldScore is the accuracy of one field over the matched items whose
// gold gives that field.
type FieldScore struct {
	Correct  int     `json:"correct"`
	Total    int     `json:"total"`
	Accuracy float64 `json:"accuracy"` // Correct/Total, 1 when Total is 0
}

// ArticleReport details the score of one gold article.
type ArticleReport struct {
	Source    string                   `json:"source"`
	ArticleID string                   `json:"article_id,omitempty"` // "" when the run lacks it
	Tables    map[string]*ArticleTable `json:"tables"`
	Wrong     []WrongField             `json:"wrong,omitempty"` // article fields (published, region)
}

// ArticleTable is what one table got wrong in one article.
type ArticleTable struct {
	Matched int          `json:"matched"`
	Missed  []Item       `json:"missed,omitempty"` // gold items without a prediction
	Extra   []Item       `json:"extra,omitempty"`  // predictions no gold item took
	Wrong   []WrongField `json:"wrong,omitempty"`  // fields of matched pairs that differ
}

// WrongField is a field of a matched pair whose predicted value differs
// from the gold one.
type WrongField struct {
	Item  string `json:"item"` // the gold item's Label
	Field string `json:"field"`
	Gold  any    `json:"gold"`
	Got   any    `json:"got"`
}

// unscored reports whether field accuracy leaves a field out: it
// identifies the item (text, indicator) or is free text (subject,
// evidence).
func unscored(field string) bool {
	switch field {
	case "text", "indicator", "subject", "evidence":
		return true
	}
	return false
}

// Score scores the articles of run against gold. An article is matched to
// its gold by doc_id == Source (the first, when several share a doc_id);
// run articles without gold are ignored, and a gold article absent from
// run counts all its items as missed.
//
// Items are matched per article and table, with SPEC.md's rules:
// quantities, periods and entities by exact text as multisets (each gold
// item, in gold order, takes the first unused prediction with the same
// text); indicators by overlapping names (one contains the other) and
// overlapping periods (both null counts as overlapping), each gold item
// taking the first unused prediction that fits. Field accuracy compares
// every field the gold item gives except text, indicator, subject and
// evidence: numbers within a relative 1e-6, a gold null equal only to a
// null.
func Score(gold []Gold, run []output.Rows) Report {
	byDoc := make(map[string]*output.Rows, len(run))
	for i := range run {
		if _, ok := byDoc[run[i].Article.DocID]; !ok {
			byDoc[run[i].Article.DocID] = &run[i]
		}
	}
	rep := Report{
		Tables:        make(map[string]*TableScore, len(Tables)),
		GoldArticles:  len(gold),
		ArticleFields: map[string]*FieldScore{},
	}
	for _, t := range Tables {
		rep.Tables[t] = &TableScore{Fields: map[string]*FieldScore{}}
	}
	for gi := range gold {
		g := &gold[gi]
		ar := ArticleReport{Source: g.Source, Tables: make(map[string]*ArticleTable, len(Tables))}
		rows := byDoc[g.Source]
		if rows == nil {
			rep.MissingArticles++
		} else {
			ar.ArticleID = rows.Article.ArticleID
			ar.Wrong = scoreArticle(g, itemOf(rows.Article), rep.ArticleFields)
		}
		for _, t := range Tables {
			var pred []Item
			if rows != nil {
				pred = PredictedItems(rows, t)
			}
			at := match(t, g.Items(t), pred, rep.Tables[t].Fields)
			ts := rep.Tables[t]
			ts.Matched += at.Matched
			ts.Missed += len(at.Missed)
			ts.Extra += len(at.Extra)
			ar.Tables[t] = at
		}
		rep.Articles = append(rep.Articles, ar)
	}
	for _, ts := range rep.Tables {
		ts.Precision = ratio(ts.Matched, ts.Matched+ts.Extra)
		ts.Recall = ratio(ts.Matched, ts.Matched+ts.Missed)
		if ts.Precision+ts.Recall > 0 {
			ts.F1 = 2 * ts.Precision * ts.Recall / (ts.Precision + ts.Recall)
		}
		correct, total := 0, 0
		for _, f := range ts.Fields {
			f.Accuracy = ratio(f.Correct, f.Total)
			correct += f.Correct
			total += f.Total
		}
		ts.Accuracy = ratio(correct, total)
	}
	for _, f := range rep.ArticleFields {
		f.Accuracy = ratio(f.Correct, f.Total)
	}
	return rep
}

// scoreArticle compares the article-level fields the gold gives
// (published, region) with the predicted article.
func scoreArticle(g *Gold, got Item, fields map[string]*FieldScore) []WrongField {
	want := Item{}
	if !g.Published.IsZero() {
		want["published"] = g.Published.String()
	}
	if g.Region != "" {
		want["region"] = g.Region
	}
	wrong := compare(want, got, fields)
	for i := range wrong {
		wrong[i].Item = g.Source
	}
	return wrong
}

// match pairs the gold and predicted items of one table in one article and
// adds the field comparisons of the matched pairs to fields.
func match(table string, gold, pred []Item, fields map[string]*FieldScore) *ArticleTable {
	fits := sameText
	if table == Indicators {
		fits = sameIndicator
	}
	used := make([]bool, len(pred))
	at := &ArticleTable{}
	for _, g := range gold {
		j := -1
		for k, p := range pred {
			if !used[k] && fits(g, p) {
				j = k
				break
			}
		}
		if j < 0 {
			at.Missed = append(at.Missed, g)
			continue
		}
		used[j] = true
		at.Matched++
		at.Wrong = append(at.Wrong, compare(g, pred[j], fields)...)
	}
	for k, p := range pred {
		if !used[k] {
			at.Extra = append(at.Extra, p)
		}
	}
	return at
}

// compare scores the fields of a matched pair and returns those that
// differ, in field-name order.
func compare(g, p Item, fields map[string]*FieldScore) []WrongField {
	names := make([]string, 0, len(g))
	for name := range g {
		if !unscored(name) {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	var wrong []WrongField
	for _, name := range names {
		f := fields[name]
		if f == nil {
			f = &FieldScore{}
			fields[name] = f
		}
		f.Total++
		if Equal(g[name], p[name]) {
			f.Correct++
		} else {
			wrong = append(wrong, WrongField{Item: g.Label(), Field: name, Gold: g[name], Got: p[name]})
		}
	}
	return wrong
}

// sameText is the matching rule of quantities, periods and entities.
func sameText(g, p Item) bool { return g.Text() == p.Text() }

// sameIndicator is the matching rule of indicators: names that overlap
// (one contains the other) and periods that overlap.
func sameIndicator(g, p Item) bool {
	gn, _ := g["indicator"].(string)
	pn, _ := p["indicator"].(string)
	if gn == "" || pn == "" || !(strings.Contains(gn, pn) || strings.Contains(pn, gn)) {
		return false
	}
	return periodsOverlap(g, p)
}

// periodsOverlap reports whether the periods of two indicator items
// overlap. A period with neither end is null; two nulls overlap, a null
// and a dated period do not. An open end (only one of the two dates) runs
// without limit on that side. Dates are compared as their 2006-01-02
// strings.
func periodsOverlap(g, p Item) bool {
	gs, _ := g["period_start"].(string)
	ge, _ := g["period_end"].(string)
	ps, _ := p["period_start"].(string)
	pe, _ := p["period_end"].(string)
	gNull, pNull := gs == "" && ge == "", ps == "" && pe == ""
	if gNull || pNull {
		return gNull && pNull
	}
	// [gs, ge] and [ps, pe] overlap unless one ends before the other starts.
	if ge != "" && ps != "" && ge < ps {
		return false
	}
	if pe != "" && gs != "" && pe < gs {
		return false
	}
	return true
}

// Equal reports whether a predicted value equals a gold one: numbers
// within a relative 1e-6, a gold null only to a null, strings and
// booleans exactly.
func Equal(gold, got any) bool {
	switch g := gold.(type) {
	case nil:
		return got == nil
	case float64:
		p, ok := got.(float64)
		return ok && closeEnough(g, p)
	case string:
		p, ok := got.(string)
		return ok && p == g
	case bool:
		p, ok := got.(bool)
		return ok && p == g
	}
	// Lists or objects do not occur in gold; compare their JSON.
	a, err1 := json.Marshal(gold)
	b, err2 := json.Marshal(got)
	return err1 == nil && err2 == nil && string(a) == string(b)
}

// closeEnough reports whether a and b differ by at most a relative 1e-6.
func closeEnough(a, b float64) bool {
	if a == b {
		return true
	}
	return math.Abs(a-b) <= 1e-6*math.Max(math.Abs(a), math.Abs(b))
}

func ratio(n, d int) float64 {
	if d == 0 {
		return 1
	}
	return float64(n) / float64(d)
}

// PredictedItems returns the rows of the named table of one article as
// Items, keyed by the tables' column names (null columns are present with
// value nil). An unknown table gives nil.
func PredictedItems(rows *output.Rows, table string) []Item {
	switch table {
	case Quantities:
		return itemsOf(rows.Quantities)
	case Periods:
		return itemsOf(rows.Periods)
	case Entities:
		return itemsOf(rows.Entities)
	case Indicators:
		return itemsOf(rows.Indicators)
	}
	return nil
}

func itemsOf[R any](rows []R) []Item {
	items := make([]Item, len(rows))
	for i := range rows {
		items[i] = itemOf(rows[i])
	}
	return items
}

// itemOf converts a table row to an Item through its JSON encoding, which
// carries the column names and writes dates as 2006-01-02 and nulls as
// null. The row types always encode, so an error is a programming error.
func itemOf(row any) Item {
	b, err := json.Marshal(row)
	if err != nil {
		panic(fmt.Sprintf("eval: encode %T: %v", row, err))
	}
	var it Item
	if err := json.Unmarshal(b, &it); err != nil {
		panic(fmt.Sprintf("eval: decode %T: %v", row, err))
	}
	return it
}
