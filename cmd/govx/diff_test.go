package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"govx"
	"govx/corpus"
	"govx/extract"
	"govx/extract/extracttest"
	"govx/output"
	"govx/pipeline"
	"govx/segment"
)

func ptr[T any](v T) *T { return &v }

// twoArticles is a small run.
func twoArticles() []output.Rows {
	return []output.Rows{{
		Article: output.ArticleRow{ArticleID: "aaaaaaaaaaaaaaaa", DocID: "a.txt", Text: "收入完成2亿元，增长5%。"},
		Quantities: []output.QuantityRow{
			{ArticleID: "aaaaaaaaaaaaaaaa", Start: 4, End: 7, Text: "2亿元", Value: 2e8, Unit: ptr("CNY"), Kind: "money", Qualifier: "exact"},
			{ArticleID: "aaaaaaaaaaaaaaaa", Start: 10, End: 12, Text: "5%", Value: 5, Unit: ptr("%"), Kind: "percent", Qualifier: "exact"},
		},
	}, {
		Article: output.ArticleRow{ArticleID: "bbbbbbbbbbbbbbbb", DocID: "b.txt", Text: "今年新签约项目3个。"},
		Periods: []output.PeriodRow{
			{ArticleID: "bbbbbbbbbbbbbbbb", Start: 0, End: 2, Text: "今年", Granularity: "year", Relative: true},
		},
	}}
}

func TestDiffCommand(t *testing.T) {
	dir := t.TempDir()
	base := filepath.Join(dir, "base")
	writeRun(t, base, output.SchemaVersion, twoArticles())
	same := filepath.Join(dir, "same")
	writeRun(t, same, output.SchemaVersion, twoArticles())
	// One rule change: 5% now reads as approx, and 3个 is found.
	changed := twoArticles()
	changed[0].Quantities[1].Qualifier = "approx"
	changed[1].Quantities = append(changed[1].Quantities, output.QuantityRow{
		ArticleID: "bbbbbbbbbbbbbbbb", Start: 7, End: 9, Text: "3个", Value: 3, Unit: ptr("个"), Kind: "count", Qualifier: "exact"})
	newer := filepath.Join(dir, "new")
	writeRun(t, newer, output.SchemaVersion, changed)
	otherVersion := filepath.Join(dir, "other")
	writeRun(t, otherVersion, output.SchemaVersion+1, twoArticles())

	tests := []struct {
		name   string
		args   []string
		status int
		want   []string
	}{
		{"a run against itself", []string{"diff", base, base}, 0, []string{"no change\n"}},
		{"two identical runs", []string{"diff", base, same}, 0, []string{"no change\n", "quantities        2       2       0       0       0\n"}},
		{"one rule change", []string{"diff", base, newer}, 1, []string{
			"1 rows added, 0 removed, 1 changed in 2 articles\n",
			"== a.txt (article aaaaaaaaaaaaaaaa)\n~ quantities 10-12 \"5%\" qualifier: \"exact\" → \"approx\"\n",
			"== b.txt (article bbbbbbbbbbbbbbbb)\n+ quantities 7-9 \"3个\"",
		}},
		{"summary only", []string{"diff", "--summary", base, newer}, 1, []string{"1 rows added"}},
		{"only the table that changed", []string{"diff", "--tables", "quantities", base, newer}, 1, []string{"1 rows added"}},
		{"only a table that did not change", []string{"diff", "--tables", "periods,entities", base, newer}, 0, []string{"no change\n"}},
		{"unknown table", []string{"diff", "--tables", "numbers", base, newer}, 2, []string{`unknown table "numbers"`}},
		{"no arguments", []string{"diff"}, 2, []string{"want two output directories"}},
		{"one argument", []string{"diff", base}, 2, []string{"got 1 arguments"}},
		{"missing directory", []string{"diff", base, filepath.Join(dir, "nope")}, 2, []string{"no such file or directory"}},
		{"not an output", []string{"diff", dir, base}, 2, []string{"not a govx output"}},
		{"output of another version", []string{"diff", base, otherVersion}, 2, []string{"output schema version"}},
		{"bad flag", []string{"diff", "--colour", base, base}, 2, []string{"flag provided but not defined"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, _ := checkCLI(t, tt.args, tt.status, tt.want)
			if len(tt.args) > 1 && tt.args[1] == "--summary" && strings.Contains(stdout, "==") {
				t.Errorf("--summary printed details:\n%s", stdout)
			}
		})
	}

	status, stdout, _ := runCLI(t, "diff", "--json", base, newer)
	var rep struct {
		Changed bool `json:"changed"`
		Changes []struct {
			Op, Table, Label string
			Fields           []string
		} `json:"changes"`
	}
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatalf("--json: %v\n%s", err, stdout)
	}
	if status != 1 || !rep.Changed || len(rep.Changes) != 2 || rep.Changes[0].Fields[0] != "qualifier" || rep.Changes[1].Op != "added" {
		t.Errorf("--json: status %d, %+v", status, rep)
	}
}

// noPercent is a rule change for the tests: it runs the quantity
// extractor and then forgets every percentage it found.
type noPercent struct{ extract.Extractor }

func (x noPercent) Extract(doc *extract.Doc, m *govx.Mentions) {
	n := len(m.Quantities)
	x.Extractor.Extract(doc, m)
	kept := m.Quantities[:n]
	for _, q := range m.Quantities[n:] {
		if q.Unit != govx.UnitPercent {
			kept = append(kept, q)
		}
	}
	m.Quantities = kept
}

// writeRealRun extracts the shared corpus with the given extractors into
// dir through the real output writer.
func writeRealRun(t *testing.T, dir string, format output.Format, seg *segment.Segmenter, extractors []extract.Extractor, corpusDir string) {
	t.Helper()
	w, err := output.Create(output.Options{Dir: dir, Format: format})
	if err != nil {
		t.Fatal(err)
	}
	p := pipeline.New(seg, extractors, pipeline.Options{})
	for doc, err := range corpus.Read([]string{corpusDir}) {
		if err != nil {
			t.Fatal(err)
		}
		r := p.Process(doc)
		if err := w.Write(&r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(&output.Manifest{Version: version}); err != nil {
		t.Fatal(err)
	}
}

// TestDiffAfterRuleChange is the bar of issue 7 end to end, on Parquet
// runs of the shared corpus: a run against itself (or against the same
// run written as JSON Lines) exits 0; after one rule change (percentages
// dropped) diff exits 1 and names the rows that moved, and eval reads
// both runs.
func TestDiffAfterRuleChange(t *testing.T) {
	shared := extracttest.SharedDir(t)
	seg, extractors := extractParts(t)
	dir := t.TempDir()
	before, after := filepath.Join(dir, "before"), filepath.Join(dir, "after")
	writeRealRun(t, before, output.Parquet, seg, extractors, filepath.Join(shared, "corpus"))
	changed := append([]extract.Extractor{noPercent{extractors[0]}}, extractors[1:]...)
	writeRealRun(t, after, output.Parquet, seg, changed, filepath.Join(shared, "corpus"))
	asJSONL := filepath.Join(dir, "jsonl")
	writeRealRun(t, asJSONL, output.JSONL, seg, extractors, filepath.Join(shared, "corpus"))

	if status, stdout, stderr := runCLI(t, "diff", before, before); status != 0 || !strings.HasPrefix(stdout, "no change\n") {
		t.Errorf("a run against itself: status %d\n%s%s", status, stdout, stderr)
	}
	if status, stdout, stderr := runCLI(t, "diff", before, asJSONL); status != 0 || !strings.HasPrefix(stdout, "no change\n") {
		t.Errorf("the same run as Parquet and as JSON Lines: status %d\n%.3000s%s", status, stdout, stderr)
	}
	status, stdout, stderr := runCLI(t, "diff", before, after)
	if status != 1 {
		t.Fatalf("after a rule change: status %d, want 1\n%s", status, stderr)
	}
	removed := 0
	for _, line := range strings.Split(stdout, "\n") {
		if strings.HasPrefix(line, "- quantities ") {
			removed++
			if !strings.Contains(line, `unit="%"`) {
				t.Errorf("a removed quantity that is not a percentage: %s", line)
			}
		}
	}
	t.Logf("diff after the rule change: %s; %d percentages removed", strings.SplitN(stdout, "\n", 2)[0], removed)
	if removed == 0 || !strings.Contains(stdout, "removed") {
		t.Errorf("diff names no removed percentage:\n%.2000s", stdout)
	}
	for _, out := range []string{before, after} {
		if status, stdout, stderr := runCLI(t, "eval", "--gold", filepath.Join(shared, "gold"), out); status != 0 || !strings.Contains(stdout, "quantities") {
			t.Errorf("eval %s: status %d\n%s%s", out, status, stdout, stderr)
		}
	}
	// eval sees the rule change too: fewer quantities found.
	_, s1, _ := runCLI(t, "eval", "--json", "--gold", filepath.Join(shared, "gold"), before)
	_, s2, _ := runCLI(t, "eval", "--json", "--gold", filepath.Join(shared, "gold"), after)
	var r1, r2 evalJSON
	if json.Unmarshal([]byte(s1), &r1) != nil || json.Unmarshal([]byte(s2), &r2) != nil {
		t.Fatalf("eval --json:\n%s\n%s", s1, s2)
	}
	if r2.Tables["quantities"].Matched >= r1.Tables["quantities"].Matched {
		t.Errorf("quantities matched %d before, %d after dropping percentages",
			r1.Tables["quantities"].Matched, r2.Tables["quantities"].Matched)
	}
}
