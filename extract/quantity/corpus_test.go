package quantity

import (
	"math"
	"strings"
	"sync"
	"testing"

	"govx"
	"govx/eval"
	"govx/extract"
	"govx/extract/extracttest"
)

// Floors of the corpus test: the bars of issue 3, measured against every
// gold file with SPEC's matching (article and exact span text, multisets).
const (
	minF1            = 0.95
	minFieldAccuracy = 0.97
)

// corpusDocs returns the shared gold and its corpus articles prepared for
// extraction, in the same order.
func corpusDocs(t testing.TB) ([]eval.Gold, []*extract.Doc) {
	gold, docs := extracttest.CorpusDocs(t)
	prepared := make([]*extract.Doc, len(docs))
	for i, d := range docs {
		prepared[i] = extracttest.Prepare(d, nil)
	}
	return gold, prepared
}

// fieldScore counts the matched fields of one gold item against a
// prediction, and logs the ones that differ.
func fieldScore(t *testing.T, name string, g eval.Item, q govx.Quantity) (right, total int) {
	check := func(field string, ok bool, want, got any) {
		if _, given := g[field]; !given {
			return
		}
		total++
		if ok {
			right++
		} else if testing.Verbose() {
			t.Logf("%s: %q %s: got %v, want %v", name, g.Text(), field, got, want)
		}
	}
	value, isValue := g["value"].(float64)
	valueMax, isMax := g["value_max"].(float64)
	check("value", isValue && near(value, q.Value), g["value"], q.Value)
	check("value_max", isMax == (q.ValueMax != nil) && (!isMax || near(valueMax, *q.ValueMax)), g["value_max"], deref(q.ValueMax))
	check("unit", str(g["unit"]) == string(q.Unit), str(g["unit"]), q.Unit)
	check("surface_unit", str(g["surface_unit"]) == q.SurfaceUnit, str(g["surface_unit"]), q.SurfaceUnit)
	check("kind", str(g["kind"]) == q.Kind.String(), str(g["kind"]), q.Kind)
	check("qualifier", str(g["qualifier"]) == q.Qualifier.String(), str(g["qualifier"]), q.Qualifier)
	return right, total
}

func TestCorpusAgainstGold(t *testing.T) {
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	golds, docs := corpusDocs(t)
	var tp, fp, fn, right, total int
	for i, gold := range golds {
		name, doc := gold.Source, docs[i]
		var m govx.Mentions
		e.Extract(doc, &m)
		extracttest.Check(t, doc, &m)
		used := make([]bool, len(m.Quantities))
		var atp, afn int
		for _, g := range gold.Quantities {
			k := -1
			for j, q := range m.Quantities {
				if !used[j] && q.In(doc.Article.Text) == g.Text() {
					k = j
					break
				}
			}
			if k < 0 {
				afn++
				if testing.Verbose() {
					t.Logf("%s: missed %q", name, g.Text())
				}
				continue
			}
			used[k] = true
			atp++
			r, n := fieldScore(t, name, g, m.Quantities[k])
			right += r
			total += n
		}
		afp := 0
		for j, q := range m.Quantities {
			if !used[j] {
				afp++
				if testing.Verbose() {
					text := doc.Article.Text
					t.Logf("%s: extra %q in …%s…", name, q.In(text), context(text, q.Span))
				}
			}
		}
		t.Logf("%-32s gold %3d  found %3d  matched %3d", name, len(gold.Quantities), len(m.Quantities), atp)
		tp, fp, fn = tp+atp, fp+afp, fn+afn
	}
	p := float64(tp) / float64(max(1, tp+fp))
	r := float64(tp) / float64(max(1, tp+fn))
	f1 := 2 * p * r / math.Max(p+r, 1e-9)
	acc := float64(right) / float64(max(1, total))
	t.Logf("quantities: precision %.4f recall %.4f F1 %.4f (tp %d fp %d fn %d); field accuracy %.4f (%d/%d)",
		p, r, f1, tp, fp, fn, acc, right, total)
	if f1 < minF1 {
		t.Errorf("F1 %.4f below the floor %.2f", f1, minF1)
	}
	if acc < minFieldAccuracy {
		t.Errorf("field accuracy %.4f below the floor %.2f", acc, minFieldAccuracy)
	}
}

// TestConcurrentUse runs one Extractor from several goroutines over the
// corpus and expects what a single goroutine finds (run with -race).
func TestConcurrentUse(t *testing.T) {
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	_, docs := corpusDocs(t)
	want := make([]int, len(docs))
	for i, doc := range docs {
		var m govx.Mentions
		e.Extract(doc, &m)
		want[i] = len(m.Quantities)
	}
	errs := make(chan string, 4*len(docs))
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i, doc := range docs {
				var m govx.Mentions
				e.Extract(doc, &m)
				if len(m.Quantities) != want[i] {
					errs <- doc.Article.DocID
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for name := range errs {
		t.Errorf("%s: a concurrent run found a different number of quantities", name)
	}
}

// context returns the text around span s, for messages.
func context(text string, s govx.Span) string {
	a, b := max(0, s.Start-24), min(len(text), s.End+12)
	for a > 0 && !isRuneStart(text[a]) {
		a--
	}
	for b < len(text) && !isRuneStart(text[b]) {
		b++
	}
	return strings.ReplaceAll(text[a:b], "\n", "⏎")
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

func near(a, b float64) bool {
	if a == b {
		return true
	}
	return math.Abs(a-b) <= 1e-6*math.Max(math.Abs(a), math.Abs(b))
}

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

func str(v any) string { s, _ := v.(string); return s }
