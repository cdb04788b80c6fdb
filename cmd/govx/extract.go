package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"runtime"
	"runtime/pprof"
	"strings"
	"time"

	"govx"
	"govx/corpus"
	"govx/output"
	"govx/pipeline"
)

// version is the govx version written into every manifest.
const version = "0.1.0"

// listFlag is a flag that may be given several times.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(s string) error { *l = append(*l, s); return nil }

// extractConfig is the parsed command line of govx extract.
type extractConfig struct {
	inputs  []string
	out     output.Options
	workers int
	refDate govx.Date
	dicts   []string
	quiet   bool
	resume  bool
	// cpuProfile, when set, is the file that receives a CPU profile of
	// the run (go tool pprof reads it).
	cpuProfile string
	manifest   output.RunOptions
	// docs, when set, replaces the inputs (tests use it to stream
	// documents of their own).
	docs iter.Seq2[govx.Document, error]
}

func parseExtract(args []string, stderr io.Writer) (*extractConfig, error) {
	fs := newFlags("extract", "extract [flags] [PATH ...]", stderr)
	dir := fs.String("o", "out", "output `DIR`")
	workers := fs.Int("workers", runtime.NumCPU(), "number of worker goroutines, and the most CPUs govx uses")
	ref := fs.String("reference-date", "", "fallback `DATE` (2006-01-02) for relative time words when an article carries none")
	var dicts listFlag
	fs.Var(&dicts, "dict", "extra user dictionary `FILE` (word [freq [pos]] per line); may be repeated")
	tables := fs.String("tables", "", "comma-separated `LIST` of tables to write (default all but tokens; \"all\" for every table)")
	format := fs.String("format", "parquet", "output format: parquet or jsonl")
	quiet := fs.Bool("quiet", false, "print nothing but errors (no progress, no summary)")
	resume := fs.Bool("resume", false, "keep what DIR holds and add only the articles not written yet")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the run to `FILE` (for go tool pprof)")
	inputs, err := parseArgs(fs, args)
	if err != nil {
		return nil, err
	}
	c := &extractConfig{inputs: inputs, workers: *workers, dicts: dicts, quiet: *quiet, resume: *resume, cpuProfile: *cpuProfile}
	if c.workers < 1 {
		return nil, &exitError{2, fmt.Errorf("--workers must be at least 1, got %d", c.workers)}
	}
	if *ref != "" {
		if c.refDate, err = govx.ParseDate(*ref); err != nil {
			return nil, &exitError{2, fmt.Errorf("--reference-date: %w", err)}
		}
	}
	c.out = output.Options{Dir: *dir, Resume: *resume}
	if c.out.Format, err = output.ParseFormat(*format); err != nil {
		return nil, &exitError{2, fmt.Errorf("--format: %w", err)}
	}
	if *tables != "" {
		if c.out.Tables, err = output.ParseTables(*tables); err != nil {
			return nil, &exitError{2, fmt.Errorf("--tables: %w", err)}
		}
	}
	c.manifest = output.RunOptions{Inputs: inputs, Workers: c.workers, ReferenceDate: *ref, Dicts: dicts}
	return c, nil
}

// runExtract is govx extract: read the inputs, run the pipeline, write the
// tables and the manifest. The exit status is 2 when some inputs failed.
func runExtract(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	c, err := parseExtract(args, stderr)
	if err != nil {
		return err
	}
	if c.cpuProfile != "" {
		f, err := os.Create(c.cpuProfile)
		if err != nil {
			return &exitError{2, fmt.Errorf("--cpuprofile: %w", err)}
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return &exitError{2, fmt.Errorf("--cpuprofile: %w", err)}
		}
		defer pprof.StopCPUProfile()
	}
	return extractWith(ctx, c, stdout, stderr)
}

// extractWith runs govx extract as configured by c.
func extractWith(ctx context.Context, c *extractConfig, stdout, stderr io.Writer) error {
	started := time.Now()
	var written map[string]bool
	var err error
	if c.resume {
		if written, err = output.ArticleIDs(c.out.Dir); err != nil {
			return err
		}
	}
	seg, extractors, err := load(c.dicts)
	if err != nil {
		return err
	}
	// N workers use at most N CPUs, reading, writing and garbage
	// collection included: --workers 1 leaves the other cores alone.
	if c.workers < runtime.GOMAXPROCS(0) {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(c.workers))
	}
	p := pipeline.New(seg, extractors, pipeline.Options{
		ReferenceDate: c.refDate,
		KeepTokens:    wants(c.out.Tables, output.Tokens),
		Skip:          written,
	})

	w, err := output.Create(c.out)
	if err != nil {
		return err
	}
	var show *progress
	reader := corpus.Reader{}
	if !c.quiet && isTerminal(stderr) {
		show = startProgress(stderr, corpus.TotalBytes(c.inputs))
		reader.Progress = show.read
	}
	emit := func(r *govx.Result) error {
		if show != nil {
			show.article()
		}
		return w.Write(r)
	}
	m := &output.Manifest{Version: version, Options: c.manifest, Failures: []output.Failure{}}
	m.ReferenceDates.Fallback = c.manifest.ReferenceDate
	docs := c.docs
	if docs == nil {
		docs = documents(&reader, c.inputs)
	}
	stats, runErr := p.Run(ctx, docs, c.workers, emit, func(err error) {
		m.Failures = append(m.Failures, failure(err))
		fmt.Fprintf(stderr, "govx: %v\n", err)
	})
	if show != nil {
		show.close()
	}
	m.InputsRead = int64(stats.Articles + stats.Duplicates + stats.Skipped + stats.Failures)
	m.DuplicatesSkipped = int64(stats.Duplicates)
	m.WallSeconds = time.Since(started).Seconds()
	if runErr != nil && !errors.Is(runErr, context.Canceled) {
		w.Abort()
		return runErr
	}
	if err := w.Close(m); err != nil {
		return err
	}
	if !c.quiet {
		printSummary(stdout, c.out.Dir, m)
	}
	switch {
	case runErr != nil:
		return &exitError{1, fmt.Errorf("interrupted; wrote the %d articles finished so far", stats.Articles)}
	case stats.Failures > 0:
		return &exitError{2, fmt.Errorf("%d inputs failed; see %s/%s", stats.Failures, c.out.Dir, output.ManifestName)}
	}
	return nil
}

// documents streams the inputs, or the built-in sample when there are none.
func documents(r *corpus.Reader, inputs []string) iter.Seq2[govx.Document, error] {
	if len(inputs) == 0 {
		return corpus.Sample()
	}
	return r.Read(inputs)
}

// failure turns a read or processing error into a manifest entry.
func failure(err error) output.Failure {
	var ce *corpus.Error
	if errors.As(err, &ce) {
		return output.Failure{Source: ce.Source, Reason: ce.Err.Error()}
	}
	return output.Failure{Reason: err.Error()}
}

func wants(tables []output.Table, t output.Table) bool {
	for _, x := range tables {
		if x == t {
			return true
		}
	}
	return false
}

// printSummary prints the rows written per table.
func printSummary(w io.Writer, dir string, m *output.Manifest) {
	fmt.Fprintf(w, "govx %s: %d articles from %d inputs in %.1fs → %s/", m.Version, m.ArticlesWritten, m.InputsRead, m.WallSeconds, dir)
	if m.DuplicatesSkipped > 0 {
		fmt.Fprintf(w, " (%d duplicates skipped)", m.DuplicatesSkipped)
	}
	if len(m.Failures) > 0 {
		fmt.Fprintf(w, " (%d failed)", len(m.Failures))
	}
	fmt.Fprintln(w)
	for _, t := range output.AllTables {
		if info, ok := m.Tables[t]; ok {
			fmt.Fprintf(w, "  %-11s %7d rows\n", t, info.Rows)
		}
	}
}
