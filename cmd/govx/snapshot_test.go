package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"govx/corpus"
	"govx/diff"
	"govx/extract"
	"govx/extract/extracttest"
	"govx/output"
	"govx/pipeline"
	"govx/segment"
)

var update = flag.Bool("update", false, "rewrite testdata/snapshot.jsonl from the current extractors")

// snapshotPath holds the mention rows extracted from ../shared/corpus: one
// JSON object per line, "table" first, grouped by article. It keeps spans,
// values and fields, not the articles' text, title or source, nor the
// indicators' evidence, which stay in ../shared.
const snapshotPath = "testdata/snapshot.jsonl"

// TestSnapshot runs the extractors over the shared corpus and compares the
// rows with the snapshot by the logic of govx diff, so that every rule
// change shows up in review as a readable diff of testdata/snapshot.jsonl.
// Accept a change with: go test ./cmd/govx -run TestSnapshot -update
func TestSnapshot(t *testing.T) {
	shared := extracttest.SharedDir(t)
	current := stripText(extractCorpus(t, filepath.Join(shared, "corpus")))
	if len(current) < 9 {
		t.Fatalf("extracted %d articles from the shared corpus, want at least 9", len(current))
	}
	if *update {
		if err := writeSnapshot(snapshotPath, current); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s", snapshotPath)
		return
	}
	saved, err := readSnapshot(snapshotPath)
	if err != nil {
		t.Fatalf("%v (create it with: go test ./cmd/govx -run TestSnapshot -update)", err)
	}
	rep := diff.Compare(saved, current)
	if !rep.Empty() {
		var b bytes.Buffer
		rep.WriteText(&b)
		t.Errorf("the extracted rows differ from %s (accept with -update if the change is wanted):\n%s", snapshotPath, b.String())
	}
}

// TestSnapshotRoundTrip checks that the snapshot format keeps every row:
// rows written and read back compare equal, and a changed value does not.
func TestSnapshotRoundTrip(t *testing.T) {
	rows := stripText(twoArticles())
	path := filepath.Join(t.TempDir(), "snap.jsonl")
	if err := writeSnapshot(path, rows); err != nil {
		t.Fatal(err)
	}
	back, err := readSnapshot(path)
	if err != nil {
		t.Fatal(err)
	}
	if rep := diff.Compare(rows, back); !rep.Empty() {
		t.Errorf("round trip changed rows: %+v", rep.Changes)
	}
	back[0].Quantities[0].Value++
	if rep := diff.Compare(rows, back); rep.Empty() {
		t.Error("a changed value is not seen")
	}
	if _, err := readSnapshot(filepath.Join(t.TempDir(), "nope.jsonl")); err == nil {
		t.Error("a missing snapshot reads")
	}
}

// loadSegmenter loads the segmenter once for the tests of this package
// that call the pipeline directly (the commands load their own).
var loadSegmenter = sync.OnceValues(func() (*segment.Segmenter, error) { return segment.Load() })

// extractParts returns what the pipeline of govx extract runs: the
// segmenter (loaded once) and the extractors.
func extractParts(t testing.TB) (*segment.Segmenter, []extract.Extractor) {
	t.Helper()
	seg, err := loadSegmenter()
	if err != nil {
		t.Fatal(err)
	}
	extractors, err := newExtractors()
	if err != nil {
		t.Fatal(err)
	}
	return seg, extractors
}

// extractCorpus runs the pipeline of govx extract over dir.
func extractCorpus(t *testing.T, dir string) []output.Rows {
	t.Helper()
	seg, extractors := extractParts(t)
	p := pipeline.New(seg, extractors, pipeline.Options{})
	var all []output.Rows
	for doc, err := range corpus.Read([]string{dir}) {
		if err != nil {
			t.Fatal(err)
		}
		r := p.Process(doc)
		all = append(all, output.RowsOf(&r))
	}
	return all
}

// stripText drops what the snapshot does not keep: the articles' text,
// title and source path, and the indicators' evidence.
func stripText(rows []output.Rows) []output.Rows {
	for i := range rows {
		a := &rows[i].Article
		a.Text, a.Title, a.Source = "", nil, ""
		for j := range rows[i].Indicators {
			rows[i].Indicators[j].Evidence = ""
		}
		rows[i].Tokens = nil
	}
	return rows
}

// snapshotLine writes one row as {"table": …, columns…}.
func snapshotLine(b *bytes.Buffer, table output.Table, row any) error {
	cols, err := json.Marshal(row)
	if err != nil {
		return err
	}
	fmt.Fprintf(b, "{\"table\":%q,", table)
	b.Write(cols[1:])
	b.WriteByte('\n')
	return nil
}

func writeSnapshot(path string, rows []output.Rows) error {
	var b bytes.Buffer
	var err error
	add := func(table output.Table, row any) {
		if err == nil {
			err = snapshotLine(&b, table, row)
		}
	}
	for _, r := range rows {
		add(output.Articles, struct { // the article without its text, title and source
			ArticleID     string      `json:"article_id"`
			DocID         string      `json:"doc_id"`
			Published     *output.Day `json:"published"`
			ReferenceDate *output.Day `json:"reference_date"`
			Region        *string     `json:"region"`
		}{r.Article.ArticleID, r.Article.DocID, r.Article.Published, r.Article.ReferenceDate, r.Article.Region})
		for _, x := range r.Quantities {
			add(output.Quantities, x)
		}
		for _, x := range r.Periods {
			add(output.Periods, x)
		}
		for _, x := range r.Entities {
			add(output.Entities, x)
		}
		for _, x := range r.Indicators {
			add(output.Indicators, struct { // the row without its evidence
				output.IndicatorRow
				Evidence *struct{} `json:"evidence,omitempty"`
			}{IndicatorRow: x})
		}
	}
	if err != nil {
		return fmt.Errorf("snapshot: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, b.Bytes(), 0o644)
}

// decodeRow decodes one row and appends it to rows.
func decodeRow[R any](dec *json.Decoder, rows *[]R) error {
	var row R
	if err := dec.Decode(&row); err != nil {
		return err
	}
	*rows = append(*rows, row)
	return nil
}

func readSnapshot(path string) ([]output.Rows, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("snapshot: %w", err)
	}
	defer f.Close()
	var rows []output.Rows
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for line := 1; sc.Scan(); line++ {
		var head struct {
			Table output.Table `json:"table"`
		}
		if err := json.Unmarshal(sc.Bytes(), &head); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		if head.Table != output.Articles && len(rows) == 0 {
			return nil, fmt.Errorf("%s:%d: a %s row before any article", path, line, head.Table)
		}
		var r *output.Rows
		if len(rows) > 0 {
			r = &rows[len(rows)-1]
		}
		dec := json.NewDecoder(strings.NewReader(sc.Text()))
		switch head.Table {
		case output.Articles:
			rows = append(rows, output.Rows{})
			err = dec.Decode(&rows[len(rows)-1].Article)
		case output.Quantities:
			err = decodeRow(dec, &r.Quantities)
		case output.Periods:
			err = decodeRow(dec, &r.Periods)
		case output.Entities:
			err = decodeRow(dec, &r.Entities)
		case output.Indicators:
			err = decodeRow(dec, &r.Indicators)
		default:
			err = fmt.Errorf("unknown table %q", head.Table)
		}
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return rows, nil
}
