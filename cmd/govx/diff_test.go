package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"govx/output"
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
		{"two identical runs", []string{"diff", base, same}, 0, []string{"no change\n", "quantities    2    2      0        0        0"}},
		{"one rule change", []string{"diff", base, newer}, 1, []string{
			"1 rows added, 0 removed, 1 changed in 2 articles\n",
			"== a.txt (article aaaaaaaaaaaaaaaa)\n~ quantities 10-12 \"5%\" qualifier: \"exact\" → \"approx\"\n",
			"== b.txt (article bbbbbbbbbbbbbbbb)\n+ quantities 7-9 \"3个\"",
		}},
		{"summary only", []string{"diff", "--summary", base, newer}, 1, []string{"1 rows added"}},
		{"no arguments", []string{"diff"}, 2, []string{"want two output directories"}},
		{"one argument", []string{"diff", base}, 2, []string{"got 1 arguments"}},
		{"missing directory", []string{"diff", base, filepath.Join(dir, "nope")}, 2, []string{"no such file or directory"}},
		{"not an output", []string{"diff", dir, base}, 2, []string{"not a govx output"}},
		{"output of another version", []string{"diff", base, otherVersion}, 2, []string{"output schema version"}},
		{"bad flag", []string{"diff", "--colour", base, base}, 2, []string{"flag provided but not defined"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, stdout, stderr := runCLI(t, tt.args...)
			all := stdout + stderr
			if status != tt.status {
				t.Errorf("status %d, want %d\n%s", status, tt.status, all)
			}
			for _, w := range tt.want {
				if !strings.Contains(all, w) {
					t.Errorf("output lacks %q:\n%s", w, all)
				}
			}
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
