package corpus

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/klauspost/compress/zstd"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// format is what a name's extension says a stream holds.
type format int

const (
	formatUnknown format = iota
	formatText           // .txt: one article
	formatJSONL          // .jsonl, .ndjson: one article per line
	formatHTML           // .html, .htm: one page
	formatGzip           // .gz: a compressed stream of the inner name
	formatZstd           // .zst: a compressed stream of the inner name
	formatTar            // .tar: members
	formatZip            // .zip: members
)

// extensions maps a lower-case name suffix to its format and to the suffix
// that replaces it for the stream inside (.tgz holds a .tar).
var extensions = []struct {
	suffix string
	format format
	inner  string
}{
	{".txt", formatText, ""},
	{".jsonl", formatJSONL, ""},
	{".ndjson", formatJSONL, ""},
	{".html", formatHTML, ""},
	{".htm", formatHTML, ""},
	{".tgz", formatGzip, ".tar"},
	{".gz", formatGzip, ""},
	{".tzst", formatZstd, ".tar"},
	{".zst", formatZstd, ""},
	{".tar", formatTar, ""},
	{".zip", formatZip, ""},
}

// formatOf returns the format of a file name and, for a compressed stream,
// the name of the stream inside it (x.txt.gz holds x.txt).
func formatOf(name string) (format, string) {
	lower := strings.ToLower(name)
	for _, e := range extensions {
		if strings.HasSuffix(lower, e.suffix) {
			return e.format, name[:len(name)-len(e.suffix)] + e.inner
		}
	}
	return formatUnknown, name
}

// knownName reports whether a file name has a type the reader reads,
// looking through compression suffixes (x.txt.gz yes, x.jpg.gz no).
func knownName(name string) bool {
	for {
		f, inner := formatOf(name)
		switch f {
		case formatUnknown:
			return false
		case formatGzip, formatZstd:
			name = inner
		default:
			return true
		}
	}
}

// input is one stream to read: a file, an archive member or a
// decompressed stream.
type input struct {
	name   string      // the base name whose extension says the format
	source string      // the source of documents read from it
	r      io.Reader   // the bytes
	ra     io.ReaderAt // the same bytes with random access, or nil
	size   int64       // the size of ra
	depth  int         // how many containers it is inside
}

// docID is the doc_id of a whole-file article read from in: the file's
// name without compression suffixes.
func (in input) docID() string { return path.Base(in.name) }

// readStream reads in according to its name. explicit says the user named
// the stream, so an unknown type is an error rather than a member to skip.
func (l limits) readStream(in input, explicit bool, yield yieldFunc) bool {
	f, inner := formatOf(in.name)
	if f != formatUnknown && in.depth > l.maxDepth {
		return fail(yield, in.source, fmt.Errorf("%w: containers nested more than %d deep", ErrTooLarge, l.maxDepth))
	}
	switch f {
	case formatText:
		return l.readText(in, yield)
	case formatJSONL:
		return l.readJSONL(in, yield)
	case formatHTML:
		return l.readHTML(in, yield)
	case formatGzip:
		return l.readGzip(in, inner, yield)
	case formatZstd:
		return l.readZstd(in, inner, yield)
	case formatTar:
		return l.readTar(in, yield)
	case formatZip:
		return l.readZip(in, yield)
	}
	if explicit {
		return fail(yield, in.source, fmt.Errorf("%w: %q (want .txt, .jsonl, .ndjson, .html, .htm, .gz, .zst, .tar, .tgz, .zip)", ErrUnsupported, path.Ext(in.name)))
	}
	return true
}

// decompressed returns the input inside a compressed one, guarded against
// expanding too much.
func (l limits) decompressed(codec string, in input, inner string, r io.Reader, compressed *countingReader) input {
	g := &expansionGuard{r: &codecReader{codec, r}, in: compressed, floor: l.maxArticle, ratio: l.maxExpansion}
	return input{name: inner, source: in.source, r: g, size: -1, depth: in.depth + 1}
}

func (l limits) readGzip(in input, inner string, yield yieldFunc) bool {
	c := &countingReader{r: in.r}
	zr, err := gzip.NewReader(c)
	if err != nil {
		if errors.Is(err, io.EOF) {
			err = ErrEmpty
		}
		return fail(yield, in.source, fmt.Errorf("gzip: %w", err))
	}
	defer zr.Close()
	return l.readStream(l.decompressed("gzip", in, inner, zr, c), true, yield)
}

func (l limits) readZstd(in input, inner string, yield yieldFunc) bool {
	c := &countingReader{r: in.r}
	zr, err := zstd.NewReader(c,
		zstd.WithDecoderConcurrency(1),
		zstd.WithDecoderLowmem(true),
		zstd.WithDecoderMaxWindow(MaxZstdWindow))
	if err != nil {
		return fail(yield, in.source, fmt.Errorf("zstd: %w", err))
	}
	defer zr.Close()
	return l.readStream(l.decompressed("zstd", in, inner, zr, c), true, yield)
}

func (l limits) readTar(in input, yield yieldFunc) bool {
	tr := tar.NewReader(in.r)
	for n := 0; ; n++ {
		h, err := tr.Next()
		if err == io.EOF {
			if n == 0 {
				return fail(yield, in.source, fmt.Errorf("tar: %w", ErrEmpty))
			}
			return true
		}
		if err != nil {
			return fail(yield, in.source, fmt.Errorf("tar: %w", err))
		}
		name := cleanName(strings.TrimPrefix(h.Name, "./"))
		if h.Typeflag != tar.TypeReg || !knownName(path.Base(name)) {
			continue
		}
		m := input{name: path.Base(name), source: in.source + "!/" + name, r: tr, size: -1, depth: in.depth + 1}
		if !l.readStream(m, false, yield) {
			return false
		}
	}
}

func (l limits) readZip(in input, yield yieldFunc) bool {
	ra, size := in.ra, in.size
	if ra == nil {
		// A zip needs random access: hold a nested one in memory, capped.
		b, err := readCapped(in.r, l.maxNestedZip)
		if err != nil {
			return fail(yield, in.source, fmt.Errorf("zip inside a stream: %w", err))
		}
		ra, size = bytes.NewReader(b), int64(len(b))
	}
	if size == 0 {
		return fail(yield, in.source, fmt.Errorf("zip: %w", ErrEmpty))
	}
	zr, err := zip.NewReader(ra, size)
	if err != nil {
		return fail(yield, in.source, err) // "zip: not a valid zip file"
	}
	for _, f := range zr.File {
		if f.FileInfo().IsDir() {
			continue
		}
		name := cleanName(f.Name)
		source := in.source + "!/" + name
		if !knownName(path.Base(name)) {
			continue
		}
		if !l.readZipMember(f, input{name: path.Base(name), source: source, size: -1, depth: in.depth + 1}, yield) {
			return false
		}
	}
	return true
}

func (l limits) readZipMember(f *zip.File, m input, yield yieldFunc) bool {
	allowed := l.maxArticle + l.maxExpansion*int64(f.CompressedSize64)
	if f.UncompressedSize64 > uint64(allowed) {
		return fail(yield, m.source, fmt.Errorf("%w: %d bytes from %d compressed", ErrBomb, f.UncompressedSize64, f.CompressedSize64))
	}
	rc, err := f.Open()
	if err != nil {
		return fail(yield, m.source, fmt.Errorf("zip: %w", err))
	}
	defer rc.Close()
	// The header may lie: guard the stream itself too.
	m.r = &expansionGuard{r: rc, in: &countingReader{n: int64(f.CompressedSize64)}, floor: l.maxArticle, ratio: l.maxExpansion}
	return l.readStream(m, false, yield)
}

// cleanName returns a file or member name as valid UTF-8, for sources and
// doc_ids: archives made on Chinese Windows write names in GB18030, and a
// Unix file name may be any bytes. Bytes that decode neither way become
// U+FFFD: a name is a label, not article text.
func cleanName(name string) string {
	if utf8.ValidString(name) {
		return name
	}
	if invalidGB18030([]byte(name)) < 0 {
		if s, err := simplifiedchinese.GB18030.NewDecoder().String(name); err == nil {
			return s
		}
	}
	return strings.ToValidUTF8(name, "\uFFFD")
}

// codecReader names the codec in its read errors ("gzip: unexpected EOF").
type codecReader struct {
	codec string
	r     io.Reader
}

func (c *codecReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	if err != nil && err != io.EOF {
		err = fmt.Errorf("%s: %w", c.codec, err)
	}
	return n, err
}

// countingReader counts the bytes read through it. With r nil it only
// holds a fixed count.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// expansionGuard fails a decompressed stream once it has produced more
// than floor + ratio × the compressed bytes consumed.
type expansionGuard struct {
	r            io.Reader
	in           *countingReader
	out          int64
	floor, ratio int64
}

func (g *expansionGuard) Read(p []byte) (int, error) {
	n, err := g.r.Read(p)
	g.out += int64(n)
	if g.out > g.floor+g.ratio*g.in.n {
		return n, fmt.Errorf("%w: %d bytes from %d compressed", ErrBomb, g.out, g.in.n)
	}
	return n, err
}

// readCapped reads all of r, failing with ErrTooLarge beyond max bytes.
func readCapped(r io.Reader, max int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, max)
	}
	return b, nil
}
