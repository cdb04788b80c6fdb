package pipeline

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"strings"
	"testing"

	"govx"
	"govx/corpus"
	"govx/extract"
)

// digits is a toy extractor: every ASCII digit run is a count.
type digits struct{}

func (digits) Extract(doc *extract.Doc, m *govx.Mentions) {
	text := doc.Folded.Text
	for i := 0; i < len(text); {
		if text[i] < '0' || text[i] > '9' {
			i++
			continue
		}
		j := i
		for j < len(text) && text[j] >= '0' && text[j] <= '9' {
			j++
		}
		m.Quantities = append(m.Quantities, govx.Quantity{
			Span: govx.Span{Start: doc.Folded.Orig(i), End: doc.Folded.Orig(j)},
			Kind: govx.KindNumber, Qualifier: govx.QualifierExact,
		})
		i = j
	}
}

// panicky panics on articles that mention 炸.
type panicky struct{}

func (panicky) Extract(doc *extract.Doc, m *govx.Mentions) {
	if strings.Contains(doc.Article.Text, "炸") {
		panic("boom")
	}
}

func docs(texts ...string) iter.Seq2[govx.Document, error] {
	return func(yield func(govx.Document, error) bool) {
		for i, t := range texts {
			var err error
			if t == "" {
				err = fmt.Errorf("doc%d: unreadable", i)
			}
			if !yield(govx.Document{DocID: fmt.Sprint("doc", i), Source: fmt.Sprint("doc", i), Text: t}, err) {
				return
			}
		}
	}
}

func TestProcessSetsSentencesAndOrder(t *testing.T) {
	p := New(nil, []extract.Extractor{digits{}}, Options{ReferenceDate: govx.DateOf(2024, 1, 5)})
	r := p.Process(govx.Document{Text: "\uFEFF第一句有１２个。第二句有3个和45个。"})
	if r.Article.ReferenceDate != govx.DateOf(2024, 1, 5) {
		t.Errorf("reference date %v, want the fallback", r.Article.ReferenceDate)
	}
	var got []string
	for _, q := range r.Mentions.Quantities {
		got = append(got, fmt.Sprintf("%s@%d", q.In(r.Article.Text), q.Sentence))
	}
	if want := "１２@0 3@1 45@1"; strings.Join(got, " ") != want {
		t.Errorf("got %v, want %s", got, want)
	}
}

func TestRunSameRowsWhateverWorkers(t *testing.T) {
	var texts []string
	for i := range 200 {
		texts = append(texts, fmt.Sprintf("第%d篇。今年新增%d家企业。", i, i*7))
	}
	texts = append(texts, "", texts[3], "炸了12次。", "最后5个。")
	p := New(nil, []extract.Extractor{digits{}, panicky{}}, Options{})
	run := func(workers int) (string, Stats) {
		var b strings.Builder
		stats, err := p.Run(context.Background(), docs(texts...), workers,
			func(r *govx.Result) error {
				fmt.Fprintf(&b, "%s:%d;", r.Article.DocID, len(r.Mentions.Quantities))
				return nil
			},
			func(err error) { fmt.Fprintf(&b, "FAIL %v;", err) })
		if err != nil {
			t.Fatal(err)
		}
		return b.String(), stats
	}
	one, s1 := run(1)
	four, s4 := run(4)
	if one != four {
		t.Errorf("workers=1 and workers=4 differ:\n%s\n%s", one, four)
	}
	if want := (Stats{Articles: 201, Duplicates: 1, Failures: 2}); s1 != want || s4 != want {
		t.Errorf("stats %+v and %+v, want %+v", s1, s4, want)
	}
	if !strings.Contains(one, "FAIL doc200: unreadable") || !strings.Contains(one, "FAIL doc202: internal error processing the article: boom") {
		t.Errorf("failures not reported with their source: %s", one)
	}
}

func TestRunStopsOnEmitError(t *testing.T) {
	p := New(nil, nil, Options{})
	stop := errors.New("disk full")
	n := 0
	texts := make([]string, 100)
	for i := range texts {
		texts[i] = fmt.Sprint("文章", i)
	}
	_, err := p.Run(context.Background(), docs(texts...), 2, func(*govx.Result) error {
		n++
		if n == 3 {
			return stop
		}
		return nil
	}, func(error) {})
	if !errors.Is(err, stop) || n != 3 {
		t.Errorf("Run returned %v after %d emits, want %v after 3", err, n, stop)
	}
}

func TestRunSkipsWrittenArticles(t *testing.T) {
	done := New(nil, nil, Options{}).Process(govx.Document{Text: "已写过的文章。"}).Article.ID
	p := New(nil, nil, Options{Skip: map[string]bool{done: true}})
	var got []string
	stats, err := p.Run(context.Background(), docs("已写过的文章。", "新文章。"), 2,
		func(r *govx.Result) error { got = append(got, r.Article.Text); return nil }, func(error) {})
	if err != nil || stats.Skipped != 1 || stats.Articles != 1 || len(got) != 1 || got[0] != "新文章。" {
		t.Errorf("stats %+v, got %q, err %v", stats, got, err)
	}
}

// A panic in an extractor becomes a *corpus.Error naming the input, so the
// manifest lists it with its source like any unreadable input.
func TestRunPanicNamesSource(t *testing.T) {
	p := New(nil, []extract.Extractor{panicky{}}, Options{})
	var got []error
	stats, err := p.Run(context.Background(), docs("好文章。", "炸了。"), 1,
		func(*govx.Result) error { return nil }, func(err error) { got = append(got, err) })
	var ce *corpus.Error
	if err != nil || stats.Failures != 1 || len(got) != 1 || !errors.As(got[0], &ce) || ce.Source != "doc1" {
		t.Errorf("stats %+v, failures %v, err %v; want one *corpus.Error from doc1", stats, got, err)
	}
}
