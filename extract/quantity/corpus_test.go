package quantity

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"govx"
	"govx/extract"
	"govx/extract/extracttest"
	"govx/normalize"
)

// Floors of the corpus test: the bars of issue 3, measured against every
// gold file with SPEC's matching (article and exact span text, multisets).
const (
	minF1            = 0.95
	minFieldAccuracy = 0.97
)

// goldQuantity is a quantity of a gold file. Pointers tell a field the
// gold leaves out (not scored) from one it gives as null.
type goldQuantity struct {
	Text        string   `json:"text"`
	Value       *float64 `json:"value"`
	ValueMax    *float64 `json:"value_max"`
	Unit        *string  `json:"unit"`
	SurfaceUnit *string  `json:"surface_unit"`
	Kind        *string  `json:"kind"`
	Qualifier   *string  `json:"qualifier"`
	given       map[string]bool
}

func (g *goldQuantity) UnmarshalJSON(b []byte) error {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	type plain goldQuantity
	var p plain
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	*g = goldQuantity(p)
	g.given = make(map[string]bool)
	for k := range raw {
		g.given[k] = true
	}
	return nil
}

type goldFile struct {
	Source     string         `json:"source"`
	Quantities []goldQuantity `json:"quantities"`
}

// corpusDocs returns the corpus articles prepared for extraction, by file
// name.
func corpusDocs(t testing.TB) (map[string]*extract.Doc, []string) {
	dir := extracttest.SharedDir(t)
	paths, err := filepath.Glob(filepath.Join(dir, "corpus", "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no corpus files in %s: %v", dir, err)
	}
	docs := make(map[string]*extract.Doc)
	var names []string
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(p)
		a := normalize.Article(govx.Document{DocID: name, Source: p, Text: string(raw)})
		docs[name] = &extract.Doc{Article: &a, Folded: normalize.Fold(a.Text), Sentences: normalize.Sentences(a.Text)}
		names = append(names, name)
	}
	sort.Strings(names)
	return docs, names
}

// fieldScore counts the matched fields of one gold item against a
// prediction, and logs the ones that differ.
func fieldScore(t *testing.T, name string, g goldQuantity, q govx.Quantity) (right, total int) {
	check := func(field string, ok bool, want, got any) {
		if !g.given[field] {
			return
		}
		total++
		if ok {
			right++
		} else if testing.Verbose() {
			t.Logf("%s: %q %s: got %v, want %v", name, g.Text, field, got, want)
		}
	}
	check("value", g.Value != nil && near(*g.Value, q.Value), deref(g.Value), q.Value)
	check("value_max", (g.ValueMax == nil) == (q.ValueMax == nil) && (g.ValueMax == nil || near(*g.ValueMax, *q.ValueMax)), deref(g.ValueMax), derefMax(q.ValueMax))
	check("unit", strOr(g.Unit) == string(q.Unit), strOr(g.Unit), q.Unit)
	check("surface_unit", strOr(g.SurfaceUnit) == q.SurfaceUnit, strOr(g.SurfaceUnit), q.SurfaceUnit)
	check("kind", strOr(g.Kind) == q.Kind.String(), strOr(g.Kind), q.Kind)
	check("qualifier", strOr(g.Qualifier) == q.Qualifier.String(), strOr(g.Qualifier), q.Qualifier)
	return right, total
}

func TestCorpusAgainstGold(t *testing.T) {
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	docs, names := corpusDocs(t)
	dir := extracttest.SharedDir(t)
	var tp, fp, fn, right, total int
	for _, name := range names {
		b, err := os.ReadFile(filepath.Join(dir, "gold", name+".json"))
		if err != nil {
			t.Errorf("gold for %s: %v", name, err)
			continue
		}
		var gold goldFile
		if err := json.Unmarshal(b, &gold); err != nil {
			t.Fatalf("gold for %s: %v", name, err)
		}
		doc := docs[name]
		var m govx.Mentions
		e.Extract(doc, &m)
		extracttest.Check(t, doc, &m)
		used := make([]bool, len(m.Quantities))
		var atp, afn int
		for _, g := range gold.Quantities {
			k := -1
			for j, q := range m.Quantities {
				if !used[j] && q.In(doc.Article.Text) == g.Text {
					k = j
					break
				}
			}
			if k < 0 {
				afn++
				if testing.Verbose() {
					t.Logf("%s: missed %q", name, g.Text)
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
	docs, names := corpusDocs(t)
	want := make(map[string]int)
	for _, name := range names {
		var m govx.Mentions
		e.Extract(docs[name], &m)
		want[name] = len(m.Quantities)
	}
	errs := make(chan string, 4*len(names))
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, name := range names {
				var m govx.Mentions
				e.Extract(docs[name], &m)
				if len(m.Quantities) != want[name] {
					errs <- name
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

func derefMax(p *float64) any { return deref(p) }

func strOr(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}
