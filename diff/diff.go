// Package diff compares two govx runs row by row, so that a rule change
// shows exactly what it gained and broke.
//
// Articles are matched by article_id (the hash of their text). Rows of the
// mention tables are matched within their article by span (start, end);
// indicators first by span and name, since one clause can state several
// indicators, then those left over by span alone. Rows still unmatched
// pair when their spans overlap (and, for indicators, their names agree):
// a mention that a rule grew or shrank is changed, not removed and added.
// A row present in one run only is added or removed; a matched row whose
// columns differ is changed, with the columns that moved.
package diff

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"govx/output"
)

// Op says what happened to a row.
type Op string

// The operations of a Change.
const (
	Added   Op = "added"
	Removed Op = "removed"
	Changed Op = "changed"
)

// Row is one table row as its columns' JSON values, keyed by column name.
type Row map[string]json.RawMessage

// Change is one row that differs between the runs.
type Change struct {
	Op        Op     `json:"op"`
	Table     string `json:"table"`
	ArticleID string `json:"article_id"`
	DocID     string `json:"doc_id,omitempty"`
	Start     int32  `json:"start"` // 0 for the articles table
	End       int32  `json:"end"`
	Label     string `json:"label"`         // the row's text, indicator name or doc_id
	Old       Row    `json:"old,omitempty"` // nil when added
	New       Row    `json:"new,omitempty"` // nil when removed
	// Fields lists the columns that differ, in column order (changed only).
	Fields []string `json:"fields,omitempty"`
}

// TableSummary counts the rows of one table.
type TableSummary struct {
	Table     string `json:"table"`
	Old       int    `json:"old"` // rows in the old run
	New       int    `json:"new"` // rows in the new run
	Added     int    `json:"added"`
	Removed   int    `json:"removed"`
	Changed   int    `json:"changed"`
	Unchanged int    `json:"unchanged"`
}

// Report is the difference between two runs.
type Report struct {
	// Tables summarizes every table present in either run, in the order
	// of output.AllTables.
	Tables []TableSummary `json:"tables"`
	// Articles is the number of articles with at least one change.
	Articles int `json:"articles_changed"`
	// Changes lists the changed rows by article (in the new run's order,
	// then articles only the old run has), table, and position.
	Changes []Change `json:"changes"`
}

// Empty reports whether the runs have the same rows. It reads the table
// summaries, so it stays right when Changes was dropped.
func (r *Report) Empty() bool {
	for _, t := range r.Tables {
		if t.Added+t.Removed+t.Changed > 0 {
			return false
		}
	}
	return true
}

// Compare returns the rows that differ between old and new, in every
// table.
func Compare(old, new []output.Rows) *Report { return CompareTables(old, new, output.AllTables) }

// CompareTables is Compare limited to the given tables.
func CompareTables(old, new []output.Rows, tables []output.Table) *Report {
	oldRows, newRows := tablesOf(old), tablesOf(new)
	rep := &Report{}
	var changes []Change
	for _, t := range tables {
		o, n := oldRows[t], newRows[t]
		if len(o) == 0 && len(n) == 0 {
			continue
		}
		sum := TableSummary{Table: string(t), Old: len(o), New: len(n)}
		for _, c := range compareTable(t, o, n) {
			switch c.Op {
			case Added:
				sum.Added++
			case Removed:
				sum.Removed++
			case Changed:
				sum.Changed++
			}
			changes = append(changes, c)
		}
		sum.Unchanged = sum.New - sum.Added - sum.Changed
		rep.Tables = append(rep.Tables, sum)
	}

	// Order by article, then table, then position.
	articleOrder := map[string]int{}
	docIDs := map[string]string{}
	for _, run := range [][]output.Rows{new, old} {
		for _, r := range run {
			id := r.Article.ArticleID
			if _, ok := articleOrder[id]; !ok {
				articleOrder[id] = len(articleOrder)
				docIDs[id] = r.Article.DocID
			}
		}
	}
	tableOrder := map[string]int{}
	for i, t := range output.AllTables {
		tableOrder[string(t)] = i
	}
	changed := map[string]bool{}
	for i := range changes {
		c := &changes[i]
		c.DocID = docIDs[c.ArticleID]
		changed[c.ArticleID] = true
	}
	slices.SortStableFunc(changes, func(a, b Change) int {
		return cmp.Or(
			cmp.Compare(articleOrder[a.ArticleID], articleOrder[b.ArticleID]),
			cmp.Compare(tableOrder[a.Table], tableOrder[b.Table]),
			cmp.Compare(a.Start, b.Start),
			cmp.Compare(a.End, b.End),
		)
	})
	rep.Changes = changes
	rep.Articles = len(changed)
	return rep
}

// keyed is a row with the key it is matched by.
type keyed struct {
	article    string
	start, end int32
	name       string // indicator name, "" for other tables
	label      string // names the row for a person: text, indicator name or doc_id
	raw        []byte // the row's JSON
}

// row decodes the row's columns.
func (k keyed) row() Row {
	var r Row
	if err := json.Unmarshal(k.raw, &r); err != nil {
		panic(fmt.Sprintf("diff: decode %s: %v", k.raw, err)) // we encoded it
	}
	return r
}

// key is what a row is matched by first: article, span and name.
func (k keyed) key() string {
	return fmt.Sprintf("%s\x00%d\x00%d\x00%s", k.article, k.start, k.end, k.name)
}

// spanKey is what a row left over is matched by: article and span.
func (k keyed) spanKey() string { return fmt.Sprintf("%s\x00%d\x00%d", k.article, k.start, k.end) }

// compareTable matches the rows of one table: first by key (article,
// span and, for indicators, name), then the rows left over by article and
// span alone, so that an indicator renamed in the same clause is changed
// rather than removed and added, then by overlapping spans. Rows sharing a
// key pair in order.
func compareTable(t output.Table, old, new []keyed) []Change {
	cols := columnsOf(t)
	oldOf := make([]int, len(new)) // the old row paired with each new row, or -1
	paired := make([]bool, len(old))
	for i := range oldOf {
		oldOf[i] = -1
	}
	for _, key := range []func(keyed) string{keyed.key, keyed.spanKey} {
		pending := map[string][]int{} // key → indexes of unpaired old rows
		for i, o := range old {
			if !paired[i] {
				pending[key(o)] = append(pending[key(o)], i)
			}
		}
		for j, n := range new {
			if q := pending[key(n)]; oldOf[j] < 0 && len(q) > 0 {
				pending[key(n)] = q[1:]
				oldOf[j], paired[q[0]] = q[0], true
			}
		}
	}
	// Last, rows whose spans overlap (a mention grown or shrunk by a rule)
	// pair with the first unpaired old row of their article that overlaps
	// and has the same name.
	byArticle := map[string][]int{}
	for i, o := range old {
		if !paired[i] {
			byArticle[o.article] = append(byArticle[o.article], i)
		}
	}
	for j, n := range new {
		if oldOf[j] >= 0 {
			continue
		}
		for _, i := range byArticle[n.article] {
			if o := old[i]; !paired[i] && o.name == n.name && o.start < n.end && n.start < o.end {
				oldOf[j], paired[i] = i, true
				break
			}
		}
	}
	var changes []Change
	change := func(op Op, k keyed) Change {
		return Change{Op: op, Table: string(t), ArticleID: k.article, Start: k.start, End: k.end, Label: k.label}
	}
	for j, n := range new {
		if oldOf[j] < 0 {
			c := change(Added, n)
			c.New = n.row()
			changes = append(changes, c)
			continue
		}
		o := old[oldOf[j]]
		if bytes.Equal(o.raw, n.raw) {
			continue // the common case: nothing to decode
		}
		or, nr := o.row(), n.row()
		var fields []string
		for _, col := range cols {
			if !sameJSON(or[col], nr[col]) {
				fields = append(fields, col)
			}
		}
		if len(fields) > 0 {
			c := change(Changed, n)
			c.Old, c.New, c.Fields = or, nr, fields
			changes = append(changes, c)
		}
	}
	for i, o := range old {
		if !paired[i] {
			c := change(Removed, o)
			c.Old = o.row()
			changes = append(changes, c)
		}
	}
	return changes
}

// sameJSON compares two JSON values; a missing value equals null.
func sameJSON(a, b json.RawMessage) bool {
	if len(a) == 0 {
		a = json.RawMessage("null")
	}
	if len(b) == 0 {
		b = json.RawMessage("null")
	}
	return bytes.Equal(a, b)
}

// tablesOf splits a run into keyed rows by table.
func tablesOf(run []output.Rows) map[output.Table][]keyed {
	tables := map[output.Table][]keyed{}
	for i := range run {
		r := &run[i]
		id := r.Article.ArticleID
		tables[output.Articles] = append(tables[output.Articles], keyed{article: id, label: r.Article.DocID, raw: rowOf(r.Article)})
		for _, q := range r.Quantities {
			tables[output.Quantities] = append(tables[output.Quantities], keyed{id, q.Start, q.End, "", q.Text, rowOf(q)})
		}
		for _, p := range r.Periods {
			tables[output.Periods] = append(tables[output.Periods], keyed{id, p.Start, p.End, "", p.Text, rowOf(p)})
		}
		for _, e := range r.Entities {
			tables[output.Entities] = append(tables[output.Entities], keyed{id, e.Start, e.End, "", e.Text, rowOf(e)})
		}
		for _, in := range r.Indicators {
			tables[output.Indicators] = append(tables[output.Indicators], keyed{id, in.Start, in.End, in.Indicator, in.Indicator, rowOf(in)})
		}
		for _, tok := range r.Tokens {
			tables[output.Tokens] = append(tables[output.Tokens], keyed{id, tok.Start, tok.End, "", tok.Text, rowOf(tok)})
		}
	}
	return tables
}

// rowOf encodes a table row as JSON. The row types always encode, so an
// error is a programming error.
func rowOf(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("diff: encode %T: %v", v, err))
	}
	return b
}

// columnsOf lists a table's columns in the order of its row type.
func columnsOf(t output.Table) []string {
	switch t {
	case output.Articles:
		return jsonNames[output.ArticleRow]()
	case output.Quantities:
		return jsonNames[output.QuantityRow]()
	case output.Periods:
		return jsonNames[output.PeriodRow]()
	case output.Entities:
		return jsonNames[output.EntityRow]()
	case output.Indicators:
		return jsonNames[output.IndicatorRow]()
	case output.Tokens:
		return jsonNames[output.TokenRow]()
	}
	return nil
}

// jsonNames returns the JSON field names of a struct type, in order.
func jsonNames[T any]() []string {
	t := reflect.TypeFor[T]()
	var names []string
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if name != "" && name != "-" {
			names = append(names, name)
		}
	}
	return names
}
