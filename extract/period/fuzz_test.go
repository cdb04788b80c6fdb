package period

import (
	"slices"
	"strings"
	"testing"

	"govx"
	"govx/extract"
	"govx/extract/extracttest"
)

// FuzzExtract checks the invariants of every period on any text: no
// panic, spans inside the text on character boundaries, a granularity,
// date ranges that are ordered and null only where allowed.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"2024年1-6月，技术合同成交额3.65亿元。", "今年以来，高新园强化理念", "截至3月末，到位率92%",
		"“十四五”末", "2021—2035年", "过去一年，明年二季度", "１９９１年１月１６日晚", "九七年一季度",
		"10日元", "2月29日", "上月本月下个月15号", "今晚9点半", "2015和2016年", "“十五", "十五”",
	} {
		f.Add(s, int64(0))
		f.Add(s, int64(19723))
	}
	e, err := New()
	if err != nil {
		f.Fatal(err)
	}
	plain := withoutNeeds(e.scan)
	f.Fuzz(func(t *testing.T, text string, refDays int64) {
		if !utf8Valid(text) {
			return
		}
		if got, want := spansOf(e.scan.scan(text, nil, map[memoKey][]int{})), spansOf(plain.scan(text, nil, map[memoKey][]int{})); !slices.Equal(got, want) {
			t.Errorf("%q: the needs filter changes the matches: %v, without it %v", text, got, want)
		}
		doc := extracttest.Doc(text)
		if refDays > 0 && refDays < 60000 {
			doc.Article.ReferenceDate = govx.DateFromEpochDays(int32(refDays))
		}
		var m govx.Mentions
		e.Extract(doc, &m)
		for _, err := range extracttest.Violations(text, &m) {
			t.Error(err)
		}
		for _, p := range m.Periods {
			if p.Period.Start.IsZero() && p.Period.End.IsZero() && p.Granularity != govx.GranularityVague {
				t.Errorf("%q: null dates but granularity %v", p.Span.In(text), p.Granularity)
			}
		}
	})
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "\uFFFD") == s }

// withoutNeeds returns a copy of s that tries every rule wherever a match
// can start: the needs, follow and opens filters are optimizations and
// must not change what is found.
func withoutNeeds(s *scanner) *scanner {
	plain := *s
	plain.rules = slices.Clone(s.rules)
	plain.shortest = 1
	for j := range plain.free {
		plain.free[j] = ^uint32(0)
	}
	for i := range plain.rules {
		plain.rules[i].needs = ""
		plain.rules[i].opens = nil
	}
	return &plain
}

func spansOf(atoms []atom) []govx.Span {
	var spans []govx.Span
	for _, a := range atoms {
		spans = append(spans, govx.Span{Start: a.start, End: a.end})
	}
	return spans
}

func TestNeedsFilterOnCorpus(t *testing.T) {
	_, docs := extracttest.CorpusDocs(t)
	e := newExtractor(t)
	plain := withoutNeeds(e.scan)
	for _, d := range docs {
		if got, want := spansOf(e.scan.scan(d.Text, nil, map[memoKey][]int{})), spansOf(plain.scan(d.Text, nil, map[memoKey][]int{})); !slices.Equal(got, want) {
			t.Errorf("%s: the needs filter changes the matches", d.DocID)
		}
	}
}

// BenchmarkExtract measures the extractor alone on the shared corpus (all
// articles, prepared beforehand, reference dates the gold's published
// dates), in bytes of article text per second.
func BenchmarkExtract(b *testing.B) {
	_, corpus := extracttest.CorpusDocs(b)
	e, err := New()
	if err != nil {
		b.Fatal(err)
	}
	var docs []*extract.Doc
	size := 0
	for _, d := range corpus {
		doc := extracttest.Prepare(d, nil)
		docs = append(docs, doc)
		size += len(doc.Article.Text)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, doc := range docs {
			var m govx.Mentions
			e.Extract(doc, &m)
		}
	}
}
