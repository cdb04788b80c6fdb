package output

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/parquet-go/parquet-go"
)

// File names inside a table directory: part files are written under a
// hidden temporary name and renamed when the run closes.
const (
	partPrefix = "part-"
	tmpSuffix  = ".tmp"
)

// partName returns the name of part i: part-00003.parquet.
func partName(i int, f Format) string { return fmt.Sprintf("%s%05d%s", partPrefix, i, f.Ext()) }

// tmpName returns the temporary name of a part: .part-00003.parquet.tmp.
func tmpName(part string) string { return "." + part + tmpSuffix }

// isPart reports whether name is a finished part file of either format.
func isPart(name string) bool {
	if !strings.HasPrefix(name, partPrefix) {
		return false
	}
	for f := range formatNames {
		if strings.HasSuffix(name, Format(f).Ext()) {
			return true
		}
	}
	return false
}

// isTemp reports whether name is a part or manifest still being written.
func isTemp(name string) bool {
	return strings.HasPrefix(name, ".") && strings.HasSuffix(name, tmpSuffix) &&
		(isPart(strings.TrimSuffix(name[1:], tmpSuffix)) || name == "."+ManifestName+tmpSuffix)
}

// Row batching and row groups. Rows are handed to the encoder in batches;
// a Parquet row group is closed (and its compressed pages leave memory)
// every rowGroupRows rows or about rowGroupBytes bytes of row data.
const (
	batchRows     = 1024
	rowGroupRows  = 128 * 1024
	rowGroupBytes = 32 << 20
)

// encoder writes rows of type T into one open part file.
type encoder[T any] interface {
	write(rows []T) error
	endRowGroup() error // a no-op for formats without row groups
	close() error       // writes the footer, if any; does not close the file
}

// parquetEncoder writes rows of type T as zstd-compressed Parquet.
type parquetEncoder[T any] struct{ w *parquet.GenericWriter[T] }

// newParquetEncoder returns the encoder of the rows of type T: it writes
// them in their Parquet form when T has one (see parquetrows.go).
func newParquetEncoder[T any](w *bufio.Writer) encoder[T] {
	var enc any
	switch any((*T)(nil)).(type) {
	case *ArticleRow:
		enc = newFormEncoder(w, (*ArticleRow).parquetForm)
	case *QuantityRow:
		enc = newFormEncoder(w, (*QuantityRow).parquetForm)
	case *EntityRow:
		enc = newFormEncoder(w, (*EntityRow).parquetForm)
	case *IndicatorRow:
		enc = newFormEncoder(w, (*IndicatorRow).parquetForm)
	default:
		enc = newPlainEncoder[T](w)
	}
	return enc.(encoder[T])
}

// newPlainEncoder returns an encoder writing the rows of type T as they
// are, under the schema name of the type (parquet-go's default).
func newPlainEncoder[T any](w *bufio.Writer) parquetEncoder[T] {
	return newParquetWriter[T](w, parquet.SchemaOf(new(T)).Name())
}

// newParquetWriter returns an encoder writing the rows of type T under the
// schema name given.
func newParquetWriter[T any](w *bufio.Writer, name string) parquetEncoder[T] {
	return parquetEncoder[T]{parquet.NewGenericWriter[T](w,
		parquet.NewSchema(name, parquet.SchemaOf(new(T))),
		parquet.Compression(&parquet.Zstd),
		// The min and max of each page go into the column index and the
		// column chunk statistics only, not into every page header as
		// well: computing them a second time would cost as much.
		parquet.DataPageStatistics(false),
	)}
}

func (e parquetEncoder[T]) write(rows []T) error {
	_, err := e.w.Write(rows)
	return err
}
func (e parquetEncoder[T]) endRowGroup() error { return e.w.Flush() }
func (e parquetEncoder[T]) close() error       { return e.w.Close() }

// formEncoder writes rows of type T in their Parquet form P, under the
// schema name of T.
type formEncoder[T, P any] struct {
	parquetEncoder[P]
	form  func(*T) P
	forms []P // the forms of the rows being written
}

func newFormEncoder[T, P any](w *bufio.Writer, form func(*T) P) *formEncoder[T, P] {
	name := parquet.SchemaOf(new(T)).Name()
	return &formEncoder[T, P]{parquetEncoder: newParquetWriter[P](w, name), form: form}
}

func (e *formEncoder[T, P]) write(rows []T) error {
	for i := range rows {
		e.forms = append(e.forms, e.form(&rows[i]))
	}
	err := e.parquetEncoder.write(e.forms)
	clear(e.forms) // let the article texts go
	e.forms = e.forms[:0]
	return err
}

// jsonlEncoder writes one JSON object per line.
type jsonlEncoder[T any] struct{ enc *json.Encoder }

func newJSONLEncoder[T any](w *bufio.Writer) encoder[T] {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return jsonlEncoder[T]{enc}
}

func (e jsonlEncoder[T]) write(rows []T) error {
	for i := range rows {
		if err := e.enc.Encode(&rows[i]); err != nil {
			return err
		}
	}
	return nil
}
func (e jsonlEncoder[T]) endRowGroup() error { return nil }
func (e jsonlEncoder[T]) close() error       { return nil }

// partFile is one part being written under its temporary name.
type partFile[T any] struct {
	tmp   string // path of the temporary file
	f     *os.File
	buf   *bufio.Writer
	enc   encoder[T]
	rows  int   // rows in the part
	bytes int64 // approximate row data in the part
	group int   // rows in the current row group
	gsize int64 // approximate row data in the current row group
}

func createPart[T any](dir, name string, format Format) (*partFile[T], error) {
	tmp := filepath.Join(dir, tmpName(name))
	f, err := os.Create(tmp)
	if err != nil {
		return nil, fmt.Errorf("output: %w", err)
	}
	p := &partFile[T]{tmp: tmp, f: f, buf: bufio.NewWriterSize(f, 1<<20)}
	switch format {
	case JSONL:
		p.enc = newJSONLEncoder[T](p.buf)
	default:
		p.enc = newParquetEncoder[T](p.buf)
	}
	return p, nil
}

// write appends rows whose approximate size is size.
func (p *partFile[T]) write(rows []T, size int64) error {
	if err := p.enc.write(rows); err != nil {
		return fmt.Errorf("output: write %s: %w", p.tmp, err)
	}
	p.rows += len(rows)
	p.bytes += size
	p.group += len(rows)
	p.gsize += size
	if p.group >= rowGroupRows || p.gsize >= rowGroupBytes {
		if err := p.enc.endRowGroup(); err != nil {
			return fmt.Errorf("output: write %s: %w", p.tmp, err)
		}
		p.group, p.gsize = 0, 0
	}
	return nil
}

// finish completes the part and makes its bytes durable. The file keeps
// its temporary name.
func (p *partFile[T]) finish() error {
	err := p.enc.close()
	if err == nil {
		err = p.buf.Flush()
	}
	if err == nil {
		err = p.f.Sync()
	}
	if cerr := p.f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("output: finish %s: %w", p.tmp, err)
	}
	return nil
}

// discard closes and removes the part.
func (p *partFile[T]) discard() {
	p.f.Close()
	os.Remove(p.tmp)
}
