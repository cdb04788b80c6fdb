package period

import (
	"testing"

	"govx"
	"govx/extract/extracttest"
)

func newExtractor(t testing.TB) *Extractor {
	t.Helper()
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// run extracts the periods of text with the given reference date.
func run(t testing.TB, e *Extractor, text, ref string) []govx.Period {
	t.Helper()
	doc := extracttest.Doc(text)
	if ref != "" {
		d, err := govx.ParseDate(ref)
		if err != nil {
			t.Fatal(err)
		}
		doc.Article.Published, doc.Article.ReferenceDate = d, d
	}
	var m govx.Mentions
	e.Extract(doc, &m)
	extracttest.Check(t, doc, &m)
	return m.Periods
}
