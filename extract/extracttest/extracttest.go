// Package extracttest holds what the tests of every extractor share: the
// location of the shared corpus and gold, the corpus articles read and
// prepared for extraction, documents built from test sentences, inline
// span markers, and the invariants every mention must satisfy.
package extracttest

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"

	"govx"
	"govx/eval"
	"govx/extract"
	"govx/normalize"
	"govx/output"
	"govx/segment"
)

// SharedDir returns the directory holding the shared corpus and gold:
// $GOVX_SHARED, else ../shared beside the repository. When it is absent the
// test is skipped with a message, except under CI=true, where it fails.
func SharedDir(t testing.TB) string {
	t.Helper()
	dir := os.Getenv("GOVX_SHARED")
	if dir == "" {
		_, file, _, _ := runtime.Caller(0) // extract/extracttest/extracttest.go
		dir = filepath.Join(filepath.Dir(file), "..", "..", "..", "shared")
	}
	if _, err := os.Stat(filepath.Join(dir, "corpus")); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("shared corpus not found at %s (set GOVX_SHARED): %v", dir, err)
		}
		t.Skipf("shared corpus not found at %s; set GOVX_SHARED to run this test", dir)
	}
	return dir
}

// CorpusDocs loads the shared gold (eval.LoadGold) and reads, for each
// gold file, its article of the shared corpus as a document: doc_id and
// source the gold's source, published the gold's published date. The
// documents come in the order of the gold; the test fails when one cannot
// be read.
func CorpusDocs(t testing.TB) ([]eval.Gold, []govx.Document) {
	t.Helper()
	dir := SharedDir(t)
	gold, err := eval.LoadGold(filepath.Join(dir, "gold"))
	if err != nil {
		t.Fatal(err)
	}
	docs := make([]govx.Document, len(gold))
	for i, g := range gold {
		raw, err := os.ReadFile(filepath.Join(dir, "corpus", g.Source))
		if err != nil {
			t.Fatalf("corpus article of %s: %v", g.File, err)
		}
		docs[i] = govx.Document{DocID: g.Source, Source: g.Source, Published: g.Published, Text: string(raw)}
	}
	return gold, docs
}

// Prepare normalizes a document and prepares it for extraction as the
// pipeline does: folded, split into sentences and, when seg is not nil,
// segmented into tokens.
func Prepare(d govx.Document, seg *segment.Segmenter) *extract.Doc {
	a := normalize.Article(d)
	doc := &extract.Doc{Article: &a, Folded: normalize.Fold(a.Text), Sentences: normalize.Sentences(a.Text)}
	if seg != nil {
		doc.Tokens = seg.Tokens(a.Text, doc.Sentences)
	}
	return doc
}

// Rows returns the output rows of the mentions m extracted from doc, the
// form eval.Score reads.
func Rows(doc *extract.Doc, m *govx.Mentions) output.Rows {
	return output.RowsOf(&govx.Result{Article: *doc.Article, Mentions: *m})
}

// Doc prepares text for extraction without segmenting it: the text is
// used as is (it must already be normalized), folded and split into
// sentences. Tokens are left empty.
func Doc(text string) *extract.Doc {
	a := &govx.Article{ID: govx.ArticleID(text), Text: text}
	return &extract.Doc{
		Article:   a,
		Folded:    normalize.Fold(text),
		Sentences: normalize.Sentences(text),
	}
}

// Marked reads a test sentence with its expected mentions marked in
// brackets, "新签约[亿元以上]产业项目[21个]", and returns the text without
// the brackets and the marked spans (byte offsets) in order.
func Marked(s string) (text string, spans []govx.Span) {
	var b strings.Builder
	start := -1
	for _, r := range s {
		switch r {
		case '[':
			start = b.Len()
		case ']':
			spans = append(spans, govx.Span{Start: start, End: b.Len()})
		default:
			b.WriteRune(r)
		}
	}
	return b.String(), spans
}

// Show renders spans of text in the bracket notation of Marked, for
// readable failure messages.
func Show(text string, spans []govx.Span) string {
	var b strings.Builder
	last := 0
	for _, s := range spans {
		if s.Start < last || s.End > len(text) || s.Start > s.End {
			fmt.Fprintf(&b, "%s<bad span %d-%d>", text[last:], s.Start, s.End)
			return b.String()
		}
		b.WriteString(text[last:s.Start])
		b.WriteString("[" + text[s.Start:s.End] + "]")
		last = s.End
	}
	b.WriteString(text[last:])
	return b.String()
}

// Check reports, through t, every mention of m that breaks an invariant:
// spans inside the text, non-empty, on UTF-8 boundaries; values finite;
// ValueMax at least Value; required enumerations set.
func Check(t testing.TB, doc *extract.Doc, m *govx.Mentions) {
	t.Helper()
	for _, err := range Violations(doc.Article.Text, m) {
		t.Error(err)
	}
}

// Violations returns the invariant violations of m as errors; see Check.
func Violations(text string, m *govx.Mentions) []error {
	var errs []error
	span := func(what string, s govx.Span) {
		switch {
		case s.Start < 0 || s.End > len(text) || s.Start >= s.End:
			errs = append(errs, fmt.Errorf("%s: span %d-%d outside text of %d bytes", what, s.Start, s.End, len(text)))
		case !utf8.RuneStart(text[s.Start]) || (s.End < len(text) && !utf8.RuneStart(text[s.End])):
			errs = append(errs, fmt.Errorf("%s: span %d-%d splits a character", what, s.Start, s.End))
		}
	}
	finite := func(what string, v *float64) {
		if v != nil && (math.IsNaN(*v) || math.IsInf(*v, 0)) {
			errs = append(errs, fmt.Errorf("%s: value %v is not finite", what, *v))
		}
	}
	for _, q := range m.Quantities {
		what := "quantity " + safe(text, q.Span)
		span(what, q.Span)
		finite(what, &q.Value)
		finite(what, q.ValueMax)
		if q.ValueMax != nil && *q.ValueMax < q.Value {
			errs = append(errs, fmt.Errorf("%s: value_max %v < value %v", what, *q.ValueMax, q.Value))
		}
		if q.Kind == govx.KindNone || q.Qualifier == govx.QualifierNone {
			errs = append(errs, fmt.Errorf("%s: kind or qualifier not set", what))
		}
	}
	for _, p := range m.Periods {
		what := "period " + safe(text, p.Span)
		span(what, p.Span)
		if p.Granularity == govx.GranularityNone {
			errs = append(errs, fmt.Errorf("%s: granularity not set", what))
		}
		// A range may be open at its start (截至3月末, 截至目前: SPEC's gold
		// gives period_start null there) but not at its end.
		if (!p.Period.Start.IsZero() && p.Period.End.IsZero()) || p.Period.End.Before(p.Period.Start) {
			errs = append(errs, fmt.Errorf("%s: bad date range %v..%v", what, p.Period.Start, p.Period.End))
		}
	}
	for _, e := range m.Entities {
		what := "entity " + safe(text, e.Span)
		span(what, e.Span)
		if e.Type == govx.EntityNone {
			errs = append(errs, fmt.Errorf("%s: type not set", what))
		}
	}
	for _, in := range m.Indicators {
		what := "indicator " + in.Name
		span(what, in.Span)
		finite(what, in.Value)
		finite(what, in.ChangePct)
		if in.Modality == govx.ModalityNone || in.Name == "" {
			errs = append(errs, fmt.Errorf("%s: name or modality not set", what))
		}
	}
	return errs
}

func safe(text string, s govx.Span) string {
	if s.Start < 0 || s.End > len(text) || s.Start > s.End {
		return fmt.Sprintf("<%d-%d>", s.Start, s.End)
	}
	return fmt.Sprintf("%q", text[s.Start:s.End])
}
