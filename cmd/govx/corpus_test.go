package main

import (
	"bytes"
	"path/filepath"
	"testing"

	"govx/eval"
	"govx/output"
)

// corpusFloors are the F1 floors of the project's extractors on
// ../shared/gold, scored with govx eval's logic. Raise a floor when the
// extractors improve; never lower one to make the test pass.
var corpusFloors = map[string]float64{
	eval.Quantities: 0.99,
	eval.Periods:    0.99,
	eval.Entities:   0.95,
	eval.Indicators: 0.86,
}

// TestCorpusFloors runs the extractors of govx extract over the shared
// corpus and holds each table's F1 on the gold at its floor.
func TestCorpusFloors(t *testing.T) {
	shared, _, gold := sharedGold(t)
	run := extractCorpus(t, filepath.Join(shared, "corpus"))
	rep := eval.Score(gold, run)
	rep.Articles = nil
	var b bytes.Buffer
	if err := writeEvalText(&b, &rep, &output.Manifest{Version: version}); err != nil {
		t.Fatal(err)
	}
	t.Logf("scores on %s:\n%s", filepath.Join(shared, "gold"), b.String())
	if rep.MissingArticles > 0 {
		t.Errorf("%d gold articles were not extracted", rep.MissingArticles)
	}
	for _, table := range eval.Tables {
		if f1 := rep.Tables[table].F1; f1 < corpusFloors[table] {
			t.Errorf("%s: F1 %.3f is below its floor %.2f (run govx eval -v to see what moved)", table, f1, corpusFloors[table])
		}
	}
}
