package eval_test

import (
	"path/filepath"
	"testing"

	"govx/eval"
	"govx/extract/extracttest"
	"govx/output"
)

// The tests on the shared gold are in the external test package: they find
// the shared directory through extracttest, which imports eval.

// TestSharedGoldScoresItselfPerfectly loads the shared gold and scores a
// run made of the gold itself: every table and field must be perfect.
func TestSharedGoldScoresItselfPerfectly(t *testing.T) {
	dir := filepath.Join(extracttest.SharedDir(t), "gold")
	gold, err := eval.LoadGold(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(gold) < 9 {
		t.Fatalf("loaded %d gold files, want at least 9", len(gold))
	}
	var run []output.Rows
	for i := range gold {
		if gold[i].Published.IsZero() || len(gold[i].Quantities) == 0 {
			t.Errorf("%s: no published date or no quantities", gold[i].File)
		}
		run = append(run, eval.GoldRows(t, &gold[i]))
	}
	rep := eval.Score(gold, run)
	for _, table := range eval.Tables {
		ts := rep.Tables[table]
		if ts.F1 != 1 || ts.Accuracy != 1 || ts.Missed != 0 || ts.Extra != 0 || ts.Matched == 0 {
			t.Errorf("%s: %+v", table, ts)
		}
		for name, f := range ts.Fields {
			if f.Accuracy != 1 {
				t.Errorf("%s.%s accuracy %v", table, name, f.Accuracy)
			}
		}
	}
	if f := rep.ArticleFields["published"]; f == nil || f.Accuracy != 1 {
		t.Errorf("published: %+v", f)
	}
}

// BenchmarkScore scores a perfect run of the shared gold against it.
func BenchmarkScore(b *testing.B) {
	gold, err := eval.LoadGold(filepath.Join(extracttest.SharedDir(b), "gold"))
	if err != nil {
		b.Fatal(err)
	}
	var run []output.Rows
	items := 0
	for i := range gold {
		run = append(run, eval.GoldRows(b, &gold[i]))
		for _, table := range eval.Tables {
			items += len(gold[i].Items(table))
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		eval.Score(gold, run)
	}
	b.ReportMetric(float64(items)*float64(b.N)/b.Elapsed().Seconds(), "items/s")
}
