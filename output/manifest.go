package output

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"govx"
)

// ManifestName is the file name of the manifest inside the output directory.
const ManifestName = "_manifest.json"

// Tool is the value of Manifest.Tool in every output govx writes.
const Tool = "govx"

// SchemaVersion numbers the layout and columns of the output. It changes
// whenever a column or the directory layout changes, and readers refuse
// an output of another schema version.
const SchemaVersion = 1

// Manifest describes one run: DIR/_manifest.json, written last. The
// caller fills the fields about the run (version, options, inputs,
// failures…); Writer.Close fills the fields marked "set by the writer".
type Manifest struct {
	Tool          string `json:"tool"`           // set by the writer: "govx"
	SchemaVersion int    `json:"schema_version"` // set by the writer: SchemaVersion
	Version       string `json:"version"`        // the govx version that wrote it

	Options RunOptions `json:"options"`

	InputsRead        int64     `json:"inputs_read"`        // input files and records read
	ArticlesWritten   int64     `json:"articles_written"`   // set by the writer
	DuplicatesSkipped int64     `json:"duplicates_skipped"` // articles whose text was seen before
	Failures          []Failure `json:"failures"`           // never null in the file

	// Tables has one entry per table written (set by the writer).
	Tables map[Table]TableInfo `json:"tables"`

	WallSeconds    float64        `json:"wall_seconds"` // set by the writer when zero
	ReferenceDates ReferenceDates `json:"reference_dates"`
}

// RunOptions are the options of the run as the user gave them. Output,
// Format, Tables and Resume are set by the writer from its Options.
type RunOptions struct {
	Inputs        []string `json:"inputs"`                   // paths given; none means the built-in sample
	Output        string   `json:"output"`                   // -o
	Format        Format   `json:"format"`                   // --format
	Tables        []Table  `json:"tables"`                   // --tables
	Workers       int      `json:"workers"`                  // --workers
	ReferenceDate string   `json:"reference_date,omitempty"` // --reference-date
	Dicts         []string `json:"dicts,omitempty"`          // --dict
	Resume        bool     `json:"resume,omitempty"`         // --resume
}

// Failure is an input that could not be read, or an article that could
// not be processed.
type Failure struct {
	Source string `json:"source"`
	Reason string `json:"reason"`
}

// TableInfo says what was written for one table.
type TableInfo struct {
	Rows  int64    `json:"rows"`
	Parts []string `json:"parts"` // slash-separated paths relative to the output directory
}

// ReferenceDates counts how the articles got the date that relative time
// words were resolved against (set by the writer).
type ReferenceDates struct {
	Fallback      string `json:"fallback,omitempty"` // --reference-date, when given
	FromPublished int64  `json:"from_published"`     // the input's own publication date
	FromFlag      int64  `json:"from_flag"`          // --reference-date, for an article without one
	FromText      int64  `json:"from_text"`          // a full date written in the text (a dateline)
	Inferred      int64  `json:"inferred"`           // inferred from the dates the article speaks of
	None          int64  `json:"none"`               // no reference date: relative words stay unresolved
}

// add counts one article's reference date.
func (r *ReferenceDates) add(a *govx.Article) {
	switch {
	case a.ReferenceDate.IsZero():
		r.None++
	case a.RefSource == govx.RefFlag:
		r.FromFlag++
	case a.RefSource == govx.RefText:
		r.FromText++
	case a.RefSource == govx.RefInferred:
		r.Inferred++
	default:
		r.FromPublished++
	}
}

// plus returns the sums of r and o.
func (r ReferenceDates) plus(o ReferenceDates) ReferenceDates {
	r.FromPublished += o.FromPublished
	r.FromFlag += o.FromFlag
	r.FromText += o.FromText
	r.Inferred += o.Inferred
	r.None += o.None
	return r
}

// ReadManifest reads DIR/_manifest.json and checks that it was written by
// govx with this schema version.
func ReadManifest(dir string) (*Manifest, error) {
	if fi, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("output: %w", err)
	} else if !fi.IsDir() {
		return nil, fmt.Errorf("output: %s is not a directory", dir)
	}
	path := filepath.Join(dir, ManifestName)
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("output: %s has no %s: not a govx output, or its run did not finish", dir, ManifestName)
	}
	if err != nil {
		return nil, fmt.Errorf("output: %w", err)
	}
	var m Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("output: %s: %w", path, err)
	}
	if m.Tool != Tool {
		return nil, fmt.Errorf("output: %s: written by %q, not by %s", path, m.Tool, Tool)
	}
	if m.SchemaVersion != SchemaVersion {
		return nil, fmt.Errorf("output: %s: output schema version %d (govx %s); this govx reads version %d",
			path, m.SchemaVersion, m.Version, SchemaVersion)
	}
	return &m, nil
}

// writeManifest writes m to DIR/_manifest.json atomically.
func writeManifest(dir string, m *Manifest) error {
	if m.Failures == nil {
		m.Failures = []Failure{}
	}
	if m.Options.Inputs == nil {
		m.Options.Inputs = []string{}
	}
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return fmt.Errorf("output: manifest: %w", err)
	}
	return writeFileAtomic(filepath.Join(dir, ManifestName), append(b, '\n'))
}

// writeFileAtomic writes data to a temporary file next to path, syncs it
// and renames it to path.
func writeFileAtomic(path string, data []byte) error {
	tmp := filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+tmpSuffix)
	f, err := os.Create(tmp)
	if err != nil {
		return fmt.Errorf("output: %w", err)
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("output: %w", err)
	}
	return syncDir(filepath.Dir(path))
}

// syncDir makes the renames inside dir durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("output: %w", err)
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("output: sync %s: %w", dir, err)
	}
	return nil
}
