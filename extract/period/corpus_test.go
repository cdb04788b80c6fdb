package period

import (
	"testing"

	"govx"
	"govx/eval"
	"govx/extract/extracttest"
	"govx/output"
)

// Floors the corpus test holds: SPEC's matching of periods against the
// shared gold, with each gold file's published date as the article's.
const (
	minPeriodF1       = 0.90
	minFieldAccuracy  = 0.90
	minRefYearCorrect = 0.75 // reference dates inferred with the published date withheld
)

func TestCorpusGold(t *testing.T) {
	gold, docs := extracttest.CorpusDocs(t)
	e := newExtractor(t)
	var run []output.Rows
	for _, d := range docs {
		doc := extracttest.Prepare(d, nil)
		var m govx.Mentions
		e.Extract(doc, &m)
		extracttest.Check(t, doc, &m)
		run = append(run, extracttest.Rows(doc, &m))
	}
	rep := eval.Score(gold, run)
	ts := rep.Tables[eval.Periods]
	for _, ar := range rep.Articles {
		at := ar.Tables[eval.Periods]
		for _, it := range at.Missed {
			t.Logf("%s: missed %v", ar.Source, it)
		}
		for _, it := range at.Extra {
			t.Logf("%s: extra %v", ar.Source, it)
		}
		for _, w := range at.Wrong {
			t.Logf("%s: wrong %s %s: gold %v, got %v", ar.Source, w.Item, w.Field, w.Gold, w.Got)
		}
	}
	t.Logf("periods: matched %d, missed %d, extra %d; P %.3f R %.3f F1 %.3f; field accuracy %.3f",
		ts.Matched, ts.Missed, ts.Extra, ts.Precision, ts.Recall, ts.F1, ts.Accuracy)
	var core eval.FieldScore
	for name, fs := range ts.Fields {
		t.Logf("  %-12s %d/%d = %.3f", name, fs.Correct, fs.Total, fs.Accuracy)
		if name == "period_start" || name == "period_end" || name == "granularity" {
			core.Correct += fs.Correct
			core.Total += fs.Total
		}
	}
	coreAcc := 1.0
	if core.Total > 0 {
		coreAcc = float64(core.Correct) / float64(core.Total)
	}
	t.Logf("field accuracy over period_start, period_end, granularity: %.3f", coreAcc)
	if ts.F1 < minPeriodF1 {
		t.Errorf("periods F1 %.3f < %.2f", ts.F1, minPeriodF1)
	}
	if coreAcc < minFieldAccuracy {
		t.Errorf("period field accuracy %.3f < %.2f", coreAcc, minFieldAccuracy)
	}
}

// TestCorpusReferenceInferred withholds each article's published date and
// checks the reference date found in the text or inferred from it.
func TestCorpusReferenceInferred(t *testing.T) {
	gold, docs := extracttest.CorpusDocs(t)
	e := newExtractor(t)
	years, exact := 0, 0
	var run []output.Rows
	for i, d := range docs {
		g := &gold[i]
		d.Published = govx.Date{} // withheld
		doc := extracttest.Prepare(d, nil)
		src := e.ResolveReference(doc.Article)
		got := doc.Article.ReferenceDate
		t.Logf("%s: published %v, reference %v (%v)", g.Source, g.Published, got, src)
		if got.Year == g.Published.Year {
			years++
		}
		if got == g.Published {
			exact++
		}
		var m govx.Mentions
		e.Extract(doc, &m)
		run = append(run, extracttest.Rows(doc, &m))
	}
	share := float64(years) / float64(len(gold))
	t.Logf("reference year right in %d of %d articles, exact date in %d", years, len(gold), exact)
	ts := eval.Score(gold, run).Tables[eval.Periods]
	t.Logf("periods with the published dates withheld: P %.3f R %.3f F1 %.3f; field accuracy %.3f", ts.Precision, ts.Recall, ts.F1, ts.Accuracy)
	if share < minRefYearCorrect {
		t.Errorf("reference year right in %.2f of articles < %.2f", share, minRefYearCorrect)
	}
}
