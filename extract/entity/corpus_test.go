package entity

import (
	"sort"
	"strings"
	"sync"
	"testing"

	"govx"
	"govx/eval"
	"govx/extract"
	"govx/extract/extracttest"
	"govx/segment"
)

// The segmenter takes seconds to load; the tests of this package share one.
var (
	segOnce sync.Once
	seg     *segment.Segmenter
	segErr  error
)

func segmenter(t testing.TB) *segment.Segmenter {
	t.Helper()
	segOnce.Do(func() { seg, segErr = segment.Load() })
	if segErr != nil {
		t.Fatal(segErr)
	}
	return seg
}

// extractor builds one Extractor per test.
func extractor(t testing.TB) *Extractor {
	t.Helper()
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// segmentedDoc prepares text as the pipeline does: sentences and tokens.
func segmentedDoc(t testing.TB, text string) *extract.Doc {
	t.Helper()
	d := extracttest.Doc(text)
	d.Tokens = segmenter(t).Tokens(text, d.Sentences)
	return d
}

// goldEntity is the part of a gold entity this package is scored on; a
// field the gold leaves out or gives as null is "".
type goldEntity struct{ Text, Type, Normalized, AdminCode string }

func goldEntityOf(it eval.Item) goldEntity {
	str := func(key string) string { s, _ := it[key].(string); return s }
	return goldEntity{Text: it.Text(), Type: str("type"), Normalized: str("normalized"), AdminCode: str("admin_code")}
}

// score counts matches by text as multisets (SPEC "Matching").
type score struct{ tp, fp, fn int }

func (s score) prf() (p, r, f float64) {
	if s.tp+s.fp > 0 {
		p = float64(s.tp) / float64(s.tp+s.fp)
	}
	if s.tp+s.fn > 0 {
		r = float64(s.tp) / float64(s.tp+s.fn)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// The floors this package holds on the shared gold (issue 5).
const (
	floorF1        = 0.85
	floorTypeF1    = 0.80
	floorTypeAcc   = 0.95
	floorRegionHit = 7 // of 9 articles
)

func TestCorpus(t *testing.T) {
	golds, docs := extracttest.CorpusDocs(t)
	x := extractor(t)
	var all score
	perType := map[string]*score{}
	for _, ty := range []string{"ORG", "LOC", "PER", "PROJECT"} {
		perType[ty] = &score{}
	}
	typeOK, typeN, codeOK, codeN, regionOK, normOK, normN := 0, 0, 0, 0, 0, 0, 0
	for i, g := range golds {
		doc := extracttest.Prepare(docs[i], segmenter(t))
		art := doc.Article
		var m govx.Mentions
		x.Extract(doc, &m)
		extracttest.Check(t, doc, &m)

		if art.Region == g.Region {
			regionOK++
		} else {
			t.Logf("%s: region %q, gold %q", g.Source, art.Region, g.Region)
		}
		// Overall: match by text.
		unused := map[string][]govx.Entity{}
		for _, e := range m.Entities {
			w := e.In(art.Text)
			unused[w] = append(unused[w], e)
		}
		var missed []string
		for _, it := range g.Entities {
			ge := goldEntityOf(it)
			ps := unused[ge.Text]
			if len(ps) == 0 {
				all.fn++
				missed = append(missed, ge.Type+":"+ge.Text)
				continue
			}
			p := ps[0]
			unused[ge.Text] = ps[1:]
			all.tp++
			typeN++
			if p.Type.String() == ge.Type {
				typeOK++
			} else {
				t.Logf("%s: %s typed %s, gold %s", g.Source, ge.Text, p.Type, ge.Type)
			}
			if ge.Normalized != "" {
				normN++
				if p.Normalized == ge.Normalized {
					normOK++
				} else {
					t.Logf("%s: %s normalized %q, gold %q", g.Source, ge.Text, p.Normalized, ge.Normalized)
				}
			}
			if ge.AdminCode != "" {
				codeN++
				if p.AdminCode == ge.AdminCode {
					codeOK++
				} else {
					t.Errorf("%s: %s admin_code %q, gold %q", g.Source, ge.Text, p.AdminCode, ge.AdminCode)
				}
			}
		}
		var extra []string
		for w, ps := range unused {
			for _, p := range ps {
				all.fp++
				extra = append(extra, p.Type.String()+":"+w)
			}
		}
		sort.Strings(extra)
		if len(missed)+len(extra) > 0 {
			t.Logf("%s:\n  missed: %s\n  extra:  %s", g.Source, strings.Join(missed, " "), strings.Join(extra, " "))
		}
		// Per type: match by text within the type.
		for ty, sc := range perType {
			unused := map[string]int{}
			for _, e := range m.Entities {
				if e.Type.String() == ty {
					unused[e.In(art.Text)]++
				}
			}
			for _, it := range g.Entities {
				ge := goldEntityOf(it)
				if ge.Type != ty {
					continue
				}
				if unused[ge.Text] > 0 {
					unused[ge.Text]--
					sc.tp++
				} else {
					sc.fn++
				}
			}
			for _, n := range unused {
				sc.fp += n
			}
		}
	}
	p, r, f := all.prf()
	t.Logf("entities: P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d)", p, r, f, all.tp, all.fp, all.fn)
	if f < floorF1 {
		t.Errorf("entities F1 %.3f below %.2f", f, floorF1)
	}
	for _, ty := range []string{"ORG", "LOC", "PER", "PROJECT"} {
		p, r, f := perType[ty].prf()
		t.Logf("%-7s P %.3f R %.3f F1 %.3f", ty, p, r, f)
		if f < floorTypeF1 {
			t.Errorf("%s F1 %.3f below %.2f", ty, f, floorTypeF1)
		}
	}
	acc := float64(typeOK) / float64(max(typeN, 1))
	t.Logf("type accuracy %.3f (%d/%d); admin_code %d/%d; normalized %d/%d; region %d/%d",
		acc, typeOK, typeN, codeOK, codeN, normOK, normN, regionOK, len(golds))
	if acc < floorTypeAcc {
		t.Errorf("type accuracy %.3f below %.2f", acc, floorTypeAcc)
	}
	if regionOK < floorRegionHit {
		t.Errorf("region right in %d articles, want at least %d", regionOK, floorRegionHit)
	}
}

// BenchmarkCorpus extracts the entities of the shared corpus, segmented
// beforehand: one pass over its articles per iteration.
func BenchmarkCorpus(b *testing.B) {
	_, corpus := extracttest.CorpusDocs(b)
	var docs []*extract.Doc
	size := 0
	for _, d := range corpus {
		docs = append(docs, extracttest.Prepare(d, segmenter(b)))
		size += len(d.Text)
	}
	x := extractor(b)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, doc := range docs {
			var m govx.Mentions
			x.Extract(doc, &m)
		}
	}
}
