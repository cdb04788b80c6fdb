package indicator

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"govx"
	"govx/eval"
	"govx/extract"
	"govx/extract/entity"
	"govx/extract/extracttest"
	"govx/extract/period"
	"govx/extract/quantity"
	"govx/normalize"
	"govx/output"
	"govx/segment"
)

// upstream runs the extractors that come before this one on a document.
type upstream func(t *testing.T, doc *extract.Doc, g *eval.Gold) govx.Mentions

// corpusFloors are the scores reached against the shared gold; a change
// that falls below one fails. They are raised as the binder improves and
// never lowered to pass.
type corpusFloors struct{ f1, accuracy float64 }

// TestCorpus scores the whole chain as it runs in production: the shared
// corpus, normalized and segmented, through the quantity, period, entity
// and indicator extractors, against the gold's indicators.
func TestCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the segmenter")
	}
	scoreCorpus(t, realMentions(t), corpusFloors{f1: 0.955, accuracy: 0.99})
}

// realMentions returns an upstream that runs the real extractors before
// this one, with the segmenter loaded once.
func realMentions(t *testing.T) upstream {
	seg, err := segment.Load()
	if err != nil {
		t.Fatal(err)
	}
	ups := earlierExtractors(t)
	return func(t *testing.T, doc *extract.Doc, g *eval.Gold) govx.Mentions {
		doc.Tokens = seg.Tokens(doc.Article.Text, doc.Sentences)
		var m govx.Mentions
		for _, x := range ups {
			x.Extract(doc, &m)
		}
		return m
	}
}

// earlierExtractors returns the extractors the pipeline runs before this
// one, in order.
func earlierExtractors(tb testing.TB) []extract.Extractor {
	var ups []extract.Extractor
	for _, build := range []func() (extract.Extractor, error){
		func() (extract.Extractor, error) { return quantity.New() },
		func() (extract.Extractor, error) { return period.New() },
		func() (extract.Extractor, error) { return entity.New() },
	} {
		x, err := build()
		if err != nil {
			tb.Fatal(err)
		}
		ups = append(ups, x)
	}
	return ups
}

// TestCorpusOracle scores the binder alone: the quantities, periods and
// entities it reads are the gold's own, found in the text in gold order,
// and the region is the gold's. It measures the binder's own errors.
func TestCorpusOracle(t *testing.T) {
	scoreCorpus(t, oracleMentions, corpusFloors{f1: 0.95, accuracy: 0.99})
}

// scoreCorpus normalizes every gold article of the shared corpus, runs
// the upstream extractors and this one, and scores the indicators.
func scoreCorpus(t *testing.T, up upstream, floors corpusFloors) {
	shared := extracttest.SharedDir(t)
	gold, err := eval.LoadGold(filepath.Join(shared, "gold"))
	if err != nil {
		t.Fatal(err)
	}
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	var run []output.Rows
	for i := range gold {
		g := &gold[i]
		raw, err := os.ReadFile(filepath.Join(shared, "corpus", g.Source))
		if err != nil {
			t.Fatalf("%s: %v", g.Source, err)
		}
		a := normalize.Article(govx.Document{DocID: g.Source, Source: g.Source, Published: g.Published, Text: string(raw)})
		doc := &extract.Doc{Article: &a, Folded: normalize.Fold(a.Text), Sentences: normalize.Sentences(a.Text)}
		m := up(t, doc, g)
		if os.Getenv("GOVX_DETAIL") != "" {
			t.Logf("%s: %d quantities (gold %d), %d periods (gold %d), %d entities (gold %d), region %q (gold %q)",
				g.Source, len(m.Quantities), len(g.Quantities), len(m.Periods), len(g.Periods),
				len(m.Entities), len(g.Entities), a.Region, g.Region)
		}
		e.Extract(doc, &m)
		// The pipeline hands rows to the writers in reading order.
		sort.SliceStable(m.Indicators, func(i, j int) bool {
			a, b := m.Indicators[i].Span, m.Indicators[j].Span
			return a.Start < b.Start || a.Start == b.Start && a.End < b.End
		})
		for _, err := range extracttest.Violations(a.Text, &govx.Mentions{Indicators: m.Indicators}) {
			t.Errorf("%s: %v", g.Source, err)
		}
		res := govx.Result{Article: a, Mentions: m}
		run = append(run, output.RowsOf(&res))
	}
	rep := eval.Score(gold, run)
	ts := rep.Tables[eval.Indicators]
	t.Logf("indicators: matched %d missed %d extra %d  P %.3f R %.3f F1 %.3f  field accuracy %.3f",
		ts.Matched, ts.Missed, ts.Extra, ts.Precision, ts.Recall, ts.F1, ts.Accuracy)
	same, pairs := subjectAgreement(gold, run)
	t.Logf("  %-13s %.3f (%d/%d, not scored by eval)", "subject", float64(same)/float64(max(pairs, 1)), same, pairs)
	var fields []string
	for f := range ts.Fields {
		fields = append(fields, f)
	}
	sort.Strings(fields)
	for _, f := range fields {
		fs := ts.Fields[f]
		t.Logf("  %-13s %.3f (%d/%d)", f, fs.Accuracy, fs.Correct, fs.Total)
	}
	if testing.Verbose() && os.Getenv("GOVX_DETAIL") != "" {
		for _, ar := range rep.Articles {
			at := ar.Tables[eval.Indicators]
			for _, it := range at.Missed {
				t.Logf("%s MISSED %s", ar.Source, brief(it))
			}
			for _, it := range at.Extra {
				t.Logf("%s EXTRA  %s", ar.Source, brief(it))
			}
			for _, w := range at.Wrong {
				t.Logf("%s WRONG  %s.%s gold %v got %v", ar.Source, w.Item, w.Field, w.Gold, w.Got)
			}
		}
	}
	if ts.F1 < floors.f1 {
		t.Errorf("indicator F1 %.3f below the floor %.3f", ts.F1, floors.f1)
	}
	if ts.Accuracy < floors.accuracy {
		t.Errorf("indicator field accuracy %.3f below the floor %.3f", ts.Accuracy, floors.accuracy)
	}
}

// subjectAgreement pairs gold and predicted indicators with the matching
// rule of SPEC.md (overlapping names and periods, first unused prediction)
// and counts the pairs whose subjects agree.
func subjectAgreement(gold []eval.Gold, run []output.Rows) (same, pairs int) {
	byDoc := map[string]*output.Rows{}
	for i := range run {
		byDoc[run[i].Article.DocID] = &run[i]
	}
	overlap := func(a, b string) bool {
		return a != "" && b != "" && (strings.Contains(a, b) || strings.Contains(b, a))
	}
	period := func(it eval.Item) (string, string) {
		s, _ := it["period_start"].(string)
		e, _ := it["period_end"].(string)
		return s, e
	}
	for _, g := range gold {
		rows := byDoc[g.Source]
		if rows == nil {
			continue
		}
		preds := eval.PredictedItems(rows, eval.Indicators)
		used := make([]bool, len(preds))
		for _, gi := range g.Indicators {
			gs, ge := period(gi)
			for k, p := range preds {
				ps, pe := period(p)
				fits := overlap(str(gi["indicator"]), str(p["indicator"])) &&
					((gs == "" && ge == "") == (ps == "" && pe == "")) &&
					(gs == "" && ge == "" || !(ge != "" && ps != "" && ge < ps) && !(pe != "" && gs != "" && pe < gs))
				if used[k] || !fits {
					continue
				}
				used[k] = true
				pairs++
				if str(gi["subject"]) == str(p["subject"]) {
					same++
				} else if os.Getenv("GOVX_DETAIL") != "" {
					fmt.Printf("%s SUBJECT %s: gold %q got %q\n", g.Source, str(gi["indicator"]), str(gi["subject"]), str(p["subject"]))
				}
				break
			}
		}
	}
	return same, pairs
}

func brief(it eval.Item) string {
	var b strings.Builder
	for _, k := range []string{"indicator", "value", "unit", "change_pct", "change_basis", "modality", "period_start", "period_end"} {
		if v, ok := it[k]; ok && v != nil {
			fmt.Fprintf(&b, "%s=%v ", k, v)
		}
	}
	return b.String()
}

// oracleMentions builds the mentions of the gold: each gold quantity,
// period and entity is found in the text after the previous one of its
// table (the gold lists them in text order).
func oracleMentions(t *testing.T, doc *extract.Doc, g *eval.Gold) govx.Mentions {
	text := doc.Article.Text
	doc.Article.Region = g.Region
	var m govx.Mentions
	locate := func(items []eval.Item, add func(govx.Span, eval.Item)) {
		pos := 0
		for _, it := range items {
			i := strings.Index(text[pos:], it.Text())
			if i < 0 {
				continue // across a joined line break; the gold keeps the raw text
			}
			s := govx.Span{Start: pos + i, End: pos + i + len(it.Text())}
			add(s, it)
			pos = s.Start + 1
		}
	}
	locate(g.Quantities, func(s govx.Span, it eval.Item) {
		q := govx.Quantity{Span: s, Value: num(it["value"]), SurfaceUnit: str(it["surface_unit"])}
		q.Unit = govx.Unit(str(it["unit"]))
		q.Kind, _ = govx.ParseKind(str(it["kind"]))
		q.Qualifier, _ = govx.ParseQualifier(str(it["qualifier"]))
		if v, ok := it["value_max"].(float64); ok {
			q.ValueMax = &v
		}
		m.Quantities = append(m.Quantities, q)
	})
	locate(g.Periods, func(s govx.Span, it eval.Item) {
		p := govx.Period{Span: s}
		p.Period.Start, _ = govx.ParseDate(str(it["period_start"]))
		p.Period.End, _ = govx.ParseDate(str(it["period_end"]))
		p.Granularity, _ = govx.ParseGranularity(str(it["granularity"]))
		m.Periods = append(m.Periods, p)
	})
	locate(g.Entities, func(s govx.Span, it eval.Item) {
		e := govx.Entity{Span: s, Normalized: str(it["normalized"])}
		e.Type, _ = govx.ParseEntityType(str(it["type"]))
		m.Entities = append(m.Entities, e)
	})
	return m
}

func str(v any) string { s, _ := v.(string); return s }
func num(v any) float64 {
	f, _ := v.(float64)
	return f
}

// BenchmarkCorpus binds the mentions of the gold over the shared corpus:
// the binder's speed on real articles.
func BenchmarkCorpus(b *testing.B) {
	shared := extracttest.SharedDir(b)
	gold, err := eval.LoadGold(filepath.Join(shared, "gold"))
	if err != nil {
		b.Fatal(err)
	}
	var arts []boundArticle
	for i := range gold {
		raw, err := os.ReadFile(filepath.Join(shared, "corpus", gold[i].Source))
		if err != nil {
			b.Fatal(err)
		}
		a := normalize.Article(govx.Document{DocID: gold[i].Source, Published: gold[i].Published, Text: string(raw)})
		doc := &extract.Doc{Article: &a, Folded: normalize.Fold(a.Text), Sentences: normalize.Sentences(a.Text)}
		arts = append(arts, boundArticle{doc, oracleMentions(nil, doc, &gold[i])})
	}
	benchBind(b, arts)
}

// BenchmarkPipelineMentions binds the shared corpus with the mentions the
// pipeline's earlier extractors find, timing the indicator extractor alone.
func BenchmarkPipelineMentions(b *testing.B) {
	_, docs := extracttest.CorpusDocs(b)
	seg, err := segment.Load()
	if err != nil {
		b.Fatal(err)
	}
	earlier := earlierExtractors(b)
	var arts []boundArticle
	for _, d := range docs {
		doc := extracttest.Prepare(d, seg)
		var m govx.Mentions
		for _, ex := range earlier {
			ex.Extract(doc, &m)
		}
		arts = append(arts, boundArticle{doc, m})
	}
	benchBind(b, arts)
}

// boundArticle is a document with the mentions the binder reads.
type boundArticle struct {
	doc *extract.Doc
	m   govx.Mentions
}

// benchBind times the indicator extractor on arts.
func benchBind(b *testing.B, arts []boundArticle) {
	e, err := New()
	if err != nil {
		b.Fatal(err)
	}
	var size int64
	for _, a := range arts {
		size += int64(len(a.doc.Article.Text))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, a := range arts {
			m := a.m
			m.Indicators = nil
			e.Extract(a.doc, &m)
		}
	}
}
