package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"govx"
	"govx/eval"
	"govx/output"
	"govx/pipeline"
)

// holdoutDir holds articles written for the project and annotated by hand
// without looking at what govx extracts from them (see its README). The
// extractors' rules were never tuned on them, so their scores say how the
// rules generalize.
const holdoutDir = "../../testdata/holdout"

// holdoutFloors are the scores the extractors reach on the held-out set,
// per table: F1 and field accuracy. Raise a floor when the extractors
// improve; never lower one to make the test pass.
var holdoutFloors = map[string]struct{ f1, accuracy float64 }{
	eval.Quantities: {1, 1},
	eval.Periods:    {1, 1},
	eval.Entities:   {0.982, 1},
	eval.Indicators: {1, 0.992},
}

// TestHoldout runs the extractors of govx extract over testdata/holdout,
// each article with the published date its gold gives (as the shared
// corpus tests do), and holds each table's F1 and field accuracy at its
// floor. With -v the log lists every miss, extra and wrong field.
func TestHoldout(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the segmenter")
	}
	gold, err := eval.LoadGold(filepath.Join(holdoutDir, "gold"))
	if err != nil {
		t.Fatal(err)
	}
	if len(gold) == 0 {
		t.Fatalf("no gold files in %s", holdoutDir)
	}
	run := extractHoldout(t, gold)
	rep := eval.Score(gold, run)
	if !testing.Verbose() {
		rep.Articles = nil
	}
	var b bytes.Buffer
	if err := writeEvalText(&b, &rep, &output.Manifest{Version: version}); err != nil {
		t.Fatal(err)
	}
	t.Logf("scores on %s:\n%s", holdoutDir, b.String())
	if rep.MissingArticles > 0 {
		t.Errorf("%d gold articles were not extracted", rep.MissingArticles)
	}
	for _, table := range eval.Tables {
		ts, floor := rep.Tables[table], holdoutFloors[table]
		if ts.F1 < floor.f1 {
			t.Errorf("%s: F1 %.3f is below its floor %.3f", table, ts.F1, floor.f1)
		}
		if ts.Accuracy < floor.accuracy {
			t.Errorf("%s: field accuracy %.3f is below its floor %.3f", table, ts.Accuracy, floor.accuracy)
		}
	}
}

// extractHoldout runs the pipeline of govx extract over the article of
// each gold file, published on the gold's date.
func extractHoldout(t *testing.T, gold []eval.Gold) []output.Rows {
	t.Helper()
	seg, err := loadSegmenter()
	if err != nil {
		t.Fatal(err)
	}
	extractors, err := newExtractors()
	if err != nil {
		t.Fatal(err)
	}
	p := pipeline.New(seg, extractors, pipeline.Options{})
	run := make([]output.Rows, 0, len(gold))
	for _, g := range gold {
		raw, err := os.ReadFile(filepath.Join(holdoutDir, g.Source))
		if err != nil {
			t.Fatal(err)
		}
		r := p.Process(govx.Document{DocID: g.Source, Source: g.Source, Published: g.Published, Text: string(raw)})
		run = append(run, output.RowsOf(&r))
	}
	return run
}
