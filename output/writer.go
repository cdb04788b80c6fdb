// Package output writes and reads the tables of govx extract: one
// directory per table holding part files (zstd Parquet, or JSON Lines with
// --format jsonl), and a _manifest.json that describes the run:
//
//	OUT/_manifest.json
//	OUT/articles/part-00000.parquet
//	OUT/quantities/part-00000.parquet
//	…
//
// The columns are the fields of the row types (ArticleRow, QuantityRow…);
// RowsOf converts a processed article into them. Missing values are null
// in both formats; dates are Parquet DATE, or "2006-01-02" in JSON.
//
// Create, Writer.Write and Writer.Close write a run; ReadManifest,
// ReadTable and ReadRun read one back, in either format.
//
// # Atomicity
//
// A Writer writes every part under a hidden temporary name
// (.part-00000.parquet.tmp) and publishes nothing until Close: then it
// removes the previous run's manifest and parts of the tables being
// written, renames the new parts into place and writes _manifest.json
// last. An output directory with a manifest is therefore always complete;
// a run that crashed or was aborted leaves the previous run (or nothing)
// behind, plus temporary files that the next run removes.
package output

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"time"

	"govx"
)

// Writer writes processed articles into an output directory. Its methods
// must be called from one goroutine.
type Writer struct {
	opts  Options
	start time.Time

	// One writer per table; nil when the table is not selected.
	articles   *tableWriter[ArticleRow]
	quantities *tableWriter[QuantityRow]
	periods    *tableWriter[PeriodRow]
	entities   *tableWriter[EntityRow]
	indicators *tableWriter[IndicatorRow]
	tokens     *tableWriter[TokenRow]
	tables     []table // the same writers, in canonical order
	rows       rowBuilder

	prev    *Manifest // the run resumed, or nil
	written int64
	refs    ReferenceDates
	err     error // the first error; the Writer is unusable after it
	done    bool  // Close or Abort was called
}

// Create prepares opts.Dir for a run and returns a Writer for it. The
// directory must be missing, empty, or hold an earlier govx output;
// Create refuses any other non-empty directory.
func Create(opts Options) (*Writer, error) {
	opts, err := opts.check()
	if err != nil {
		return nil, err
	}
	prev, err := previousRun(opts)
	if err != nil {
		return nil, err
	}
	if prev == nil {
		if err := prepareDir(opts.Dir); err != nil {
			return nil, err
		}
	}
	w := &Writer{opts: opts, start: time.Now(), prev: prev}
	for _, t := range opts.Tables {
		dir := filepath.Join(opts.Dir, string(t))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("output: %w", err)
		}
		if err := removeEntries(dir, isTemp); err != nil {
			return nil, err
		}
		switch t {
		case Articles:
			w.articles = openTable[ArticleRow](w, t)
		case Quantities:
			w.quantities = openTable[QuantityRow](w, t)
		case Periods:
			w.periods = openTable[PeriodRow](w, t)
		case Entities:
			w.entities = openTable[EntityRow](w, t)
		case Indicators:
			w.indicators = openTable[IndicatorRow](w, t)
		case Tokens:
			w.tokens = openTable[TokenRow](w, t)
		}
	}
	if err := removeEntries(opts.Dir, isTemp); err != nil {
		return nil, err
	}
	return w, nil
}

// openTable returns the writer of table t, with rows of type T, and adds
// it to w.tables.
func openTable[T sizedRow](w *Writer, t Table) *tableWriter[T] {
	tw := newTableWriter[T](t, w.opts, w.prev)
	w.tables = append(w.tables, tw)
	return tw
}

// Write adds the rows of one processed article. Articles are written in
// the order of the calls.
func (w *Writer) Write(r *govx.Result) error {
	if w.done {
		return errors.New("output: Write after Close or Abort")
	}
	if w.err != nil {
		return w.err
	}
	// The rows go straight into the batches of the selected tables.
	b := &w.rows
	b.start(r)
	if t := w.articles; t != nil {
		t.batch = append(t.batch, b.article())
	}
	if t := w.quantities; t != nil {
		t.batch = b.quantities(t.batch)
	}
	if t := w.periods; t != nil {
		t.batch = b.periods(t.batch)
	}
	if t := w.entities; t != nil {
		t.batch = b.entities(t.batch)
	}
	if t := w.indicators; t != nil {
		t.batch = b.indicators(t.batch)
	}
	if t := w.tokens; t != nil {
		t.batch = b.tokens(t.batch)
	}
	for _, t := range w.tables {
		if err := t.flushFull(); err != nil {
			w.err = err
			return err
		}
	}
	w.written++
	w.refs.add(&r.Article)
	return nil
}

// Close finishes every part, publishes the parts (replacing those of an
// earlier run in the same tables, or adding to them with Options.Resume)
// and writes the manifest m, completed with the fields the writer knows,
// as DIR/_manifest.json last. m may be nil. After a resumed run the
// tables, articles written and reference dates of m count the whole
// directory; the other fields are the caller's. On error the run's files
// are removed as by Abort.
func (w *Writer) Close(m *Manifest) error {
	if w.done {
		return errors.New("output: Close after Close or Abort")
	}
	if w.err != nil {
		w.Abort()
		return w.err
	}
	for _, t := range w.tables {
		if err := t.finish(); err != nil {
			w.Abort()
			return err
		}
	}
	w.done = true

	// From here on the old run is replaced: first drop its manifest, so
	// that a crash below leaves a directory without one.
	if err := os.Remove(filepath.Join(w.opts.Dir, ManifestName)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		w.abortTables()
		return fmt.Errorf("output: %w", err)
	}
	if err := w.removeStaleTables(); err != nil {
		w.abortTables()
		return err
	}
	if m == nil {
		m = &Manifest{}
	}
	m.Tables = map[Table]TableInfo{}
	for _, t := range w.tables {
		info, err := t.commit()
		if err != nil {
			w.abortTables()
			return err
		}
		m.Tables[t.name()] = info
	}
	m.Tool, m.SchemaVersion = Tool, SchemaVersion
	m.Options.Output, m.Options.Format, m.Options.Tables, m.Options.Resume = w.opts.Dir, w.opts.Format, w.opts.Tables, w.opts.Resume
	m.ArticlesWritten = w.written
	fallback := m.ReferenceDates.Fallback
	m.ReferenceDates = w.refs
	m.ReferenceDates.Fallback = fallback
	if p := w.prev; p != nil { // the counts describe the whole directory
		m.ArticlesWritten += p.ArticlesWritten
		m.ReferenceDates = m.ReferenceDates.plus(p.ReferenceDates)
	}
	if m.WallSeconds == 0 {
		m.WallSeconds = time.Since(w.start).Seconds()
	}
	return writeManifest(w.opts.Dir, m)
}

// removeStaleTables removes the part files of the tables this run does
// not write, left by an earlier run, so that a glob over OUT/<table> never
// reads rows the manifest does not describe.
func (w *Writer) removeStaleTables() error {
	for _, t := range AllTables {
		if slices.Contains(w.opts.Tables, t) {
			continue
		}
		dir := filepath.Join(w.opts.Dir, string(t))
		if err := removeEntries(dir, isPart); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		os.Remove(dir) // only if it is empty now
	}
	return nil
}

// Abort ends an interrupted run: it closes and removes the run's
// temporary files, leaving the directory as it was before Create (apart
// from empty table directories). Abort after Close does nothing.
func (w *Writer) Abort() {
	if w.done {
		return
	}
	w.done = true
	w.abortTables()
}

func (w *Writer) abortTables() {
	for _, t := range w.tables {
		t.abort()
	}
}

// table is the part of a tableWriter that does not depend on its row type.
type table interface {
	name() Table
	flushFull() error           // writes the buffered rows when they fill a batch
	finish() error              // writes buffered rows and completes the parts
	commit() (TableInfo, error) // replaces the old parts by the new ones
	abort()                     // removes the new parts
}

// tableWriter writes the part files of one table.
type tableWriter[T sizedRow] struct {
	table   Table
	dir     string
	format  Format
	maxRows int
	maxSize int64

	prev  *TableInfo   // the parts of the run resumed, or nil
	first int          // the number of the first new part
	batch []T          // rows not yet handed to the encoder
	cur   *partFile[T] // the open part, nil between parts
	parts []string     // names of the finished parts (still temporary)
	rows  int64
}

func newTableWriter[T sizedRow](t Table, opts Options, prev *Manifest) *tableWriter[T] {
	tw := &tableWriter[T]{
		table:   t,
		dir:     filepath.Join(opts.Dir, string(t)),
		format:  opts.Format,
		maxRows: opts.MaxRowsPerPart,
		maxSize: opts.MaxBytesPerPart,
		batch:   make([]T, 0, batchRows),
	}
	if prev != nil {
		info := prev.Tables[t]
		tw.prev = &info
		for _, p := range info.Parts {
			var n int
			if _, err := fmt.Sscanf(path.Base(p), partPrefix+"%d", &n); err == nil && n >= tw.first {
				tw.first = n + 1
			}
		}
	}
	return tw
}

// partName returns the name of the next new part.
func (t *tableWriter[T]) partName() string { return partName(t.first+len(t.parts), t.format) }

func (t *tableWriter[T]) name() Table { return t.table }

// flushFull writes the buffered rows when they fill a batch.
func (t *tableWriter[T]) flushFull() error {
	if len(t.batch) >= batchRows {
		return t.flush()
	}
	return nil
}

// flush hands the buffered rows to the encoder, rolling to a new part
// whenever the current one reaches a limit.
func (t *tableWriter[T]) flush() error {
	rows := t.batch
	for len(rows) > 0 {
		if t.cur == nil {
			p, err := createPart[T](t.dir, t.partName(), t.format)
			if err != nil {
				return err
			}
			t.cur = p
		}
		// Take rows while the part has room; a part holds at least one row.
		n, size := 0, int64(0)
		for n < len(rows) && t.cur.rows+n < t.maxRows && (n == 0 || t.cur.bytes+size < t.maxSize) {
			size += int64(rows[n].approxSize())
			n++
		}
		if err := t.cur.write(rows[:n], size); err != nil {
			return err
		}
		t.rows += int64(n)
		rows = rows[n:]
		if t.cur.rows >= t.maxRows || t.cur.bytes >= t.maxSize {
			if err := t.endPart(); err != nil {
				return err
			}
		}
	}
	clear(t.batch) // let the article texts go
	t.batch = t.batch[:0]
	return nil
}

func (t *tableWriter[T]) endPart() error {
	err := t.cur.finish()
	t.parts = append(t.parts, t.partName())
	t.cur = nil
	return err
}

func (t *tableWriter[T]) finish() error {
	if err := t.flush(); err != nil {
		return err
	}
	if t.cur == nil && len(t.parts) == 0 && (t.prev == nil || len(t.prev.Parts) == 0) {
		// An empty table still gets a part, so that globs match and
		// readers see the schema.
		p, err := createPart[T](t.dir, t.partName(), t.format)
		if err != nil {
			return err
		}
		t.cur = p
	}
	if t.cur != nil {
		return t.endPart()
	}
	return nil
}

func (t *tableWriter[T]) commit() (TableInfo, error) {
	info := TableInfo{Rows: t.rows}
	keep := map[string]bool{} // the parts of the run resumed
	if t.prev != nil {
		info.Rows += t.prev.Rows
		info.Parts = append(info.Parts, t.prev.Parts...)
		for _, p := range t.prev.Parts {
			keep[path.Base(p)] = true
		}
	}
	if err := removeEntries(t.dir, func(name string) bool { return isPart(name) && !keep[name] }); err != nil {
		return info, err
	}
	for _, name := range t.parts {
		if err := os.Rename(filepath.Join(t.dir, tmpName(name)), filepath.Join(t.dir, name)); err != nil {
			return info, fmt.Errorf("output: %w", err)
		}
		info.Parts = append(info.Parts, path.Join(string(t.table), name))
	}
	return info, syncDir(t.dir)
}

func (t *tableWriter[T]) abort() {
	if t.cur != nil {
		t.cur.discard()
		t.cur = nil
	}
	for _, name := range t.parts {
		os.Remove(filepath.Join(t.dir, tmpName(name)))
	}
	t.parts = nil
}

// previousRun returns the manifest of the run to resume, or nil when
// there is none (no Resume, or no manifest in the directory).
func previousRun(opts Options) (*Manifest, error) {
	if !opts.Resume {
		return nil, nil
	}
	if _, err := os.Stat(filepath.Join(opts.Dir, ManifestName)); errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	m, err := ReadManifest(opts.Dir)
	if err != nil {
		return nil, err
	}
	if m.Options.Format != opts.Format {
		return nil, fmt.Errorf("output: cannot resume %s: it holds %s, not %s", opts.Dir, m.Options.Format, opts.Format)
	}
	if had := canonical(tableSet(m)); !slices.Equal(had, opts.Tables) {
		return nil, fmt.Errorf("output: cannot resume %s: it holds the tables %s, not %s",
			opts.Dir, joinTables(had), joinTables(opts.Tables))
	}
	return m, nil
}

func tableSet(m *Manifest) map[Table]bool {
	set := map[Table]bool{}
	for t := range m.Tables {
		set[t] = true
	}
	return set
}

// prepareDir creates dir, or checks that it may be written into: it is
// empty, holds an earlier run (a manifest), or holds only what a crashed
// run leaves (table directories with part and temporary files).
func prepareDir(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("output: %w", err)
		}
		return nil
	}
	if err != nil {
		return fmt.Errorf("output: %w", err)
	}
	leftovers := true
	for _, e := range entries {
		switch {
		case e.Name() == ManifestName && e.Type().IsRegular():
			return checkTool(filepath.Join(dir, ManifestName))
		case isTemp(e.Name()):
		case e.IsDir() && Table(e.Name()).valid():
			if !onlyParts(filepath.Join(dir, e.Name())) {
				leftovers = false
			}
		default:
			leftovers = false
		}
	}
	if !leftovers {
		return fmt.Errorf("output: %s is not empty and holds no %s, so it is not a govx output; "+
			"refusing to write into it (choose a new or empty directory)", dir, ManifestName)
	}
	return nil
}

// checkTool checks that the manifest at path was written by govx (of any
// schema version, since a new run replaces it).
func checkTool(path string) error {
	var m struct{ Tool string }
	b, err := os.ReadFile(path)
	if err == nil {
		err = json.Unmarshal(b, &m)
	}
	if err == nil && m.Tool != Tool {
		err = fmt.Errorf("written by %q, not by %s", m.Tool, Tool)
	}
	if err != nil {
		return fmt.Errorf("output: %s: %w; refusing to write into its directory", path, err)
	}
	return nil
}

// onlyParts reports whether dir holds nothing but part and temporary files.
func onlyParts(dir string) bool {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	for _, e := range entries {
		if !e.Type().IsRegular() || !(isPart(e.Name()) || isTemp(e.Name())) {
			return false
		}
	}
	return true
}

// removeEntries removes the files of dir whose names match.
func removeEntries(dir string, match func(name string) bool) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("output: %w", err)
	}
	for _, e := range entries {
		if e.Type().IsRegular() && match(e.Name()) {
			if err := os.Remove(filepath.Join(dir, e.Name())); err != nil {
				return fmt.Errorf("output: %w", err)
			}
		}
	}
	return nil
}

// sizedRow is a row type that can estimate its size, for the row-group
// and part limits.
type sizedRow interface {
	Row
	approxSize() int
}

// The approximate size of a row: its strings plus a fixed amount for the
// other columns.
const rowOverhead = 48

func (r ArticleRow) approxSize() int {
	return rowOverhead + len(r.ArticleID) + len(r.DocID) + len(r.Source) + len(r.Text) + strLen(r.Title) + strLen(r.Region)
}
func (r QuantityRow) approxSize() int {
	return rowOverhead + len(r.ArticleID) + len(r.Text) + strLen(r.Unit) + strLen(r.SurfaceUnit) + len(r.Kind) + len(r.Qualifier)
}
func (r PeriodRow) approxSize() int {
	return rowOverhead + len(r.ArticleID) + len(r.Text) + len(r.Granularity)
}
func (r EntityRow) approxSize() int {
	return rowOverhead + len(r.ArticleID) + len(r.Text) + len(r.Type) + strLen(r.Normalized) + strLen(r.AdminCode)
}
func (r IndicatorRow) approxSize() int {
	return rowOverhead + len(r.ArticleID) + strLen(r.Subject) + len(r.Indicator) + strLen(r.Unit) +
		strLen(r.Qualifier) + strLen(r.ChangeBasis) + len(r.Modality) + len(r.Evidence)
}
func (r TokenRow) approxSize() int {
	return rowOverhead + len(r.ArticleID) + len(r.Text) + len(r.Pos)
}

func strLen(s *string) int {
	if s == nil {
		return 0
	}
	return len(*s)
}
