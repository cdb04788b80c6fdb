package diff

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"govx/output"
)

// hidden reports whether a column is left out when a row is printed for a
// person: the line already shows it (article, span, label) or it is long
// text.
func hidden(column string) bool {
	switch column {
	case "article_id", "start", "end", "text", "indicator", "evidence":
		return true
	}
	return false
}

// WriteText writes the report for a person: a summary first (one line per
// table), then each change, grouped by article.
func (r *Report) WriteText(w io.Writer) error {
	ew := &errWriter{w: w}
	added, removed, changed := 0, 0, 0
	for _, t := range r.Tables {
		added += t.Added
		removed += t.Removed
		changed += t.Changed
	}
	if r.Empty() {
		ew.printf("no change\n")
	} else {
		ew.printf("%d rows added, %d removed, %d changed in %d articles\n", added, removed, changed, r.Articles)
	}
	ew.printf("%-11s %7s %7s %7s %7s %7s\n", "table", "old", "new", "added", "removed", "changed")
	for _, t := range r.Tables {
		ew.printf("%-11s %7d %7d %7d %7d %7d\n", t.Table, t.Old, t.New, t.Added, t.Removed, t.Changed)
	}
	article := ""
	for _, c := range r.Changes {
		if c.ArticleID != article {
			article = c.ArticleID
			ew.printf("\n== %s (article %s)\n", c.DocID, c.ArticleID)
		}
		ew.printf("%s %s", c.Op.mark(), c.Table)
		if c.Table != string(output.Articles) {
			ew.printf(" %d-%d", c.Start, c.End)
		}
		ew.printf(" %q", c.Label)
		switch c.Op {
		case Added:
			ew.printf(" %s\n", fieldsText(c.New))
		case Removed:
			ew.printf(" %s\n", fieldsText(c.Old))
		case Changed:
			parts := make([]string, len(c.Fields))
			for i, f := range c.Fields {
				parts[i] = fmt.Sprintf("%s: %s → %s", f, short(c.Old[f]), short(c.New[f]))
			}
			ew.printf(" %s\n", strings.Join(parts, "; "))
		}
	}
	return ew.err
}

// mark is the sign of an operation in the text report: + - ~.
func (o Op) mark() string {
	switch o {
	case Added:
		return "+"
	case Removed:
		return "-"
	}
	return "~"
}

// fieldsText prints the shown columns of a row as name=value, in name
// order.
func fieldsText(r Row) string {
	names := make([]string, 0, len(r))
	for name := range r {
		if !hidden(name) && string(r[name]) != "null" {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	parts := make([]string, len(names))
	for i, name := range names {
		parts[i] = name + "=" + short(r[name])
	}
	return strings.Join(parts, " ")
}

// short prints a JSON value, cut to a readable length.
func short(v json.RawMessage) string {
	if len(v) == 0 {
		return "null"
	}
	s := string(v)
	if r := []rune(s); len(r) > 60 {
		s = string(r[:57]) + "…"
	}
	return s
}

// WriteJSON writes the report as one indented JSON object:
// {"changed": bool, "articles_changed": n, "tables": […], "changes": […]}.
func (r *Report) WriteJSON(w io.Writer) error {
	out := struct {
		Changed bool `json:"changed"`
		Report
	}{!r.Empty(), *r}
	if out.Changes == nil {
		out.Changes = []Change{} // [] rather than null
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// errWriter keeps the first write error, so that printing code need not
// check every call.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}

func (e *errWriter) printf(format string, args ...any) { fmt.Fprintf(e, format, args...) }
