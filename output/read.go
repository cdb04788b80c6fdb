package output

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"

	"github.com/parquet-go/parquet-go"
)

// Row is the constraint satisfied by the row types of the tables.
type Row interface {
	ArticleRow | QuantityRow | PeriodRow | EntityRow | IndicatorRow | TokenRow
}

// TableOf returns the table whose rows have type T.
func TableOf[T Row]() Table {
	var zero T
	switch any(zero).(type) {
	case ArticleRow:
		return Articles
	case QuantityRow:
		return Quantities
	case PeriodRow:
		return Periods
	case EntityRow:
		return Entities
	case IndicatorRow:
		return Indicators
	default:
		return Tokens
	}
}

// Run is a whole output directory read into memory: its manifest and the
// rows of every table it holds (nil for a table that was not written).
type Run struct {
	Dir        string
	Manifest   *Manifest
	Articles   []ArticleRow
	Quantities []QuantityRow
	Periods    []PeriodRow
	Entities   []EntityRow
	Indicators []IndicatorRow
	Tokens     []TokenRow
}

// ReadRun reads the manifest and every table of the output directory dir,
// in either format.
func ReadRun(dir string) (*Run, error) {
	m, err := ReadManifest(dir)
	if err != nil {
		return nil, err
	}
	r := &Run{Dir: dir, Manifest: m}
	for t := range m.Tables {
		switch t {
		case Articles:
			r.Articles, err = readTable[ArticleRow](dir, m)
		case Quantities:
			r.Quantities, err = readTable[QuantityRow](dir, m)
		case Periods:
			r.Periods, err = readTable[PeriodRow](dir, m)
		case Entities:
			r.Entities, err = readTable[EntityRow](dir, m)
		case Indicators:
			r.Indicators, err = readTable[IndicatorRow](dir, m)
		case Tokens:
			r.Tokens, err = readTable[TokenRow](dir, m)
		default:
			err = fmt.Errorf("output: %s: unknown table %q", filepath.Join(dir, ManifestName), t)
		}
		if err != nil {
			return nil, err
		}
	}
	return r, nil
}

// ReadTable reads every row of one table of the output directory dir,
// part after part, in either format:
//
//	quantities, err := output.ReadTable[output.QuantityRow]("out")
func ReadTable[T Row](dir string) ([]T, error) {
	m, err := ReadManifest(dir)
	if err != nil {
		return nil, err
	}
	return readTable[T](dir, m)
}

func readTable[T Row](dir string, m *Manifest) ([]T, error) {
	return readParts[T](dir, m, TableOf[T](), true)
}

// readParts reads the parts of table into rows of type T. T may hold a
// subset of the columns only when strict is false.
func readParts[T any](dir string, m *Manifest, t Table, strict bool) ([]T, error) {
	info, ok := m.Tables[t]
	if !ok {
		return nil, fmt.Errorf("output: %s: table %s was not written in this run", dir, t)
	}
	rows := []T{}
	for _, part := range info.Parts {
		p := filepath.Join(dir, filepath.FromSlash(part))
		if path.Ext(part) != m.Options.Format.Ext() {
			return nil, fmt.Errorf("output: %s: not a %s file, the format of this run", p, m.Options.Format)
		}
		var err error
		switch m.Options.Format {
		case JSONL:
			rows, err = readJSONL(p, rows, strict)
		default:
			var more []T
			more, err = parquet.ReadFile[T](p)
			rows = append(rows, more...)
		}
		if err != nil {
			return nil, fmt.Errorf("output: %s: %w", p, err)
		}
	}
	return rows, nil
}

// readJSONL appends the rows of one JSON Lines part to rows.
func readJSONL[T any](path string, rows []T, strict bool) ([]T, error) {
	f, err := os.Open(path)
	if err != nil {
		return rows, err
	}
	defer f.Close()
	dec := json.NewDecoder(f)
	if strict {
		dec.DisallowUnknownFields()
	}
	for line := 1; ; line++ {
		var r T
		err := dec.Decode(&r)
		if errors.Is(err, io.EOF) {
			return rows, nil
		}
		if err != nil {
			return rows, fmt.Errorf("row %d: %w", line, err)
		}
		rows = append(rows, r)
	}
}

// ArticleIDs returns the ids of the articles in the output directory dir,
// for --resume: those of the articles table, or, in a run written without
// it, those of every row of the other tables.
func ArticleIDs(dir string) (map[string]bool, error) {
	m, err := ReadManifest(dir)
	if err != nil {
		return nil, err
	}
	type idRow struct {
		ArticleID string `parquet:"article_id" json:"article_id"`
	}
	ids := map[string]bool{}
	for _, t := range AllTables {
		if _, ok := m.Tables[t]; !ok {
			continue
		}
		rows, err := readParts[idRow](dir, m, t, false)
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			ids[r.ArticleID] = true
		}
		if t == Articles {
			break
		}
	}
	return ids, nil
}
