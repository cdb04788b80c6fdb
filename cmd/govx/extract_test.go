package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"

	"govx"
	"govx/extract/extracttest"
	"govx/output"
)

// extractRun runs govx extract with args and returns its stdout, failing
// the test on an exit status other than want.
func extractRun(t *testing.T, want int, args ...string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if got := run(context.Background(), append([]string{"extract"}, args...), &stdout, &stderr); got != want {
		t.Fatalf("govx extract %s: exit status %d, want %d\nstderr: %s", strings.Join(args, " "), got, want, stderr.String())
	}
	return stdout.String()
}

// TestExtractCorpus runs the whole pipeline on the shared corpus, reads the
// Parquet back and checks that every mention's offsets give its text, and
// that the rows do not depend on the number of workers.
func TestExtractCorpus(t *testing.T) {
	corpusDir := filepath.Join(extracttest.SharedDir(t), "corpus")
	one, four := t.TempDir(), t.TempDir()
	extractRun(t, 0, "--quiet", "--workers", "1", "--tables", "all", "-o", one, corpusDir)
	extractRun(t, 0, "--quiet", "--workers", "4", "--tables", "all", "-o", four, corpusDir)

	r1, err := output.ReadRun(one)
	if err != nil {
		t.Fatal(err)
	}
	r4, err := output.ReadRun(four)
	if err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(corpusDir)
	if len(r1.Articles) != len(entries) {
		t.Errorf("%d articles written from %d files", len(r1.Articles), len(entries))
	}
	tables := map[string][2]any{
		"articles":   {r1.Articles, r4.Articles},
		"quantities": {r1.Quantities, r4.Quantities},
		"periods":    {r1.Periods, r4.Periods},
		"entities":   {r1.Entities, r4.Entities},
		"indicators": {r1.Indicators, r4.Indicators},
		"tokens":     {r1.Tokens, r4.Tokens},
	}
	for name, pair := range tables {
		if reflect.ValueOf(pair[0]).Len() == 0 {
			t.Errorf("%s: no rows from the corpus", name)
		}
		if !reflect.DeepEqual(pair[0], pair[1]) {
			t.Errorf("%s: rows differ between --workers 1 and --workers 4", name)
		}
	}

	texts := map[string][]rune{}
	for _, a := range r1.Articles {
		texts[a.ArticleID] = []rune(a.Text)
	}
	check := func(table, id string, start, end int32, want string) {
		t.Helper()
		text, ok := texts[id]
		switch {
		case !ok:
			t.Errorf("%s: row of unknown article %s", table, id)
		case start < 0 || start >= end || int(end) > len(text):
			t.Errorf("%s: %s: offsets %d-%d outside the text (%d code points)", table, id, start, end, len(text))
		case string(text[start:end]) != want:
			t.Errorf("%s: %s: text[%d:%d] = %q, row says %q", table, id, start, end, string(text[start:end]), want)
		}
	}
	for _, r := range r1.Quantities {
		check("quantities", r.ArticleID, r.Start, r.End, r.Text)
	}
	for _, r := range r1.Periods {
		check("periods", r.ArticleID, r.Start, r.End, r.Text)
	}
	for _, r := range r1.Entities {
		check("entities", r.ArticleID, r.Start, r.End, r.Text)
	}
	for _, r := range r1.Indicators {
		check("indicators", r.ArticleID, r.Start, r.End, r.Evidence)
	}
	for _, r := range r1.Tokens {
		check("tokens", r.ArticleID, r.Start, r.End, r.Text)
	}
}

// TestExtractSample is what make run does: the built-in sample into a
// directory, with a summary of rows per table on stdout.
func TestExtractSample(t *testing.T) {
	dir := t.TempDir()
	out := extractRun(t, 0, "-o", dir)
	for _, table := range []string{"articles", "quantities", "periods", "entities", "indicators"} {
		if !strings.Contains(out, table) {
			t.Errorf("summary does not mention %s:\n%s", table, out)
		}
		parts, _ := filepath.Glob(filepath.Join(dir, table, "part-*.parquet"))
		if len(parts) == 0 {
			t.Errorf("no part file for %s", table)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, output.ManifestName)); err != nil {
		t.Error(err)
	}
}

// TestExtractOneWorker runs the sample with one worker and a CPU profile:
// the profile is written, and the CPU cap of --workers 1 is lifted again
// when the command returns.
func TestExtractOneWorker(t *testing.T) {
	dir := t.TempDir()
	prof := filepath.Join(dir, "cpu.pprof")
	before := runtime.GOMAXPROCS(0)
	extractRun(t, 0, "--workers", "1", "--cpuprofile", prof, "-o", filepath.Join(dir, "out"))
	if after := runtime.GOMAXPROCS(0); after != before {
		t.Errorf("GOMAXPROCS is %d after the run, was %d", after, before)
	}
	if st, err := os.Stat(prof); err != nil || st.Size() == 0 {
		t.Errorf("no CPU profile written: %v", err)
	}
}

func TestExtractBadArguments(t *testing.T) {
	for _, args := range [][]string{
		{"--workers", "0"},
		{"--format", "csv"},
		{"--tables", "articles,nope"},
		{"--reference-date", "2024/01/05"},
		{"--no-such-flag"},
		{"--cpuprofile", "/nonexistent-dir/cpu.pprof"},
	} {
		var stdout, stderr bytes.Buffer
		if got := run(context.Background(), append([]string{"extract", "-o", t.TempDir()}, args...), &stdout, &stderr); got != 2 {
			t.Errorf("extract %v: exit status %d, want 2", args, got)
		}
		if stderr.Len() == 0 {
			t.Errorf("extract %v: nothing on stderr", args)
		}
	}
}

// TestExtractReportsFailures: bad inputs mixed with good ones. Every good
// article is written, every bad input is in the manifest with its source,
// nothing panics, and the exit status is 2.
func TestExtractReportsFailures(t *testing.T) {
	in := t.TempDir()
	good := func(i int) string {
		return fmt.Sprintf("示例区第%d期：今年以来新增企业%d家。", i, i+10)
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(strings.Repeat(good(99), 200)))
	zw.Close()
	files := map[string][]byte{
		"good1.txt":     []byte(good(1)),
		"good2.jsonl":   []byte(`{"id":"g2","text":"` + good(2) + `","published":"2024-07-15"}` + "\n" + `{"id":"bad","text":42}` + "\n"),
		"sub/good3.txt": []byte(good(3)),
		"empty.txt":     nil,
		"binary.txt":    {0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x10},
		"invalid.txt":   append([]byte(good(4)), 0xff, 0xfe, 0xfd),
		"trunc.txt.gz":  gz.Bytes()[:gz.Len()/2],
	}
	for name, b := range files {
		path := filepath.Join(in, name)
		os.MkdirAll(filepath.Dir(path), 0o755)
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dir := t.TempDir()
	extractRun(t, 2, "--quiet", "-o", dir, in)
	m, err := output.ReadManifest(dir)
	if err != nil {
		t.Fatal(err)
	}
	if m.ArticlesWritten != 3 {
		t.Errorf("%d articles written, want the 3 good ones", m.ArticlesWritten)
	}
	var failed []string
	for _, f := range m.Failures {
		failed = append(failed, filepath.Base(f.Source))
		if f.Reason == "" {
			t.Errorf("failure of %s has no reason", f.Source)
		}
	}
	slices.Sort(failed)
	want := []string{"binary.txt", "empty.txt", "good2.jsonl#2", "invalid.txt", "trunc.txt.gz"}
	if !slices.Equal(failed, want) {
		t.Errorf("failures %v, want %v", failed, want)
	}
}

// TestExtractInterrupted: an interrupt mid-run (the context cancelled, as
// Ctrl-C does) still leaves a complete output of the articles finished so
// far, with no temporary files, and exit status 1.
func TestExtractInterrupted(t *testing.T) {
	dir := t.TempDir()
	c, err := parseExtract([]string{"--quiet", "--workers", "2", "-o", dir}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	c.docs = func(yield func(govx.Document, error) bool) {
		for i := range 1000 {
			if i == 40 {
				cancel() // the interrupt arrives while articles are in flight
			}
			text := fmt.Sprintf("示例区第%d期简报：今年以来新增企业%d家，同比增长%d%%。", i, i+3, i%17)
			if !yield(govx.Document{DocID: fmt.Sprint(i), Source: fmt.Sprint("mem#", i), Text: text}, nil) {
				return
			}
		}
	}
	var ee *exitError
	if err := extractWith(ctx, c, io.Discard, io.Discard); !errors.As(err, &ee) || ee.status != 1 {
		t.Fatalf("interrupted run returned %v, want exit status 1", err)
	}
	run, err := output.ReadRun(dir)
	if err != nil {
		t.Fatal(err)
	}
	n := len(run.Articles)
	if n == 0 || n >= 1000 || int64(n) != run.Manifest.ArticlesWritten {
		t.Errorf("%d articles read back, manifest says %d", n, run.Manifest.ArticlesWritten)
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, "*", ".*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}
