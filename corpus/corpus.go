// Package corpus reads news archives into a stream of govx.Documents.
//
// Inputs are files and directories (walked recursively, in sorted order, so
// that two runs over the same tree yield the same stream):
//
//   - .txt: one article per file. doc_id is the file name, the title is the
//     first line when it looks like a headline; the text keeps everything.
//   - .jsonl / .ndjson: one article per line with the fields id, title,
//     text or content, url, published or date. doc_id is the id, else
//     name.jsonl#N; source is path.jsonl#N for line N.
//   - .html / .htm: the page's main text, laid out as the .txt files are
//     (title, blank line, body paragraphs), with title and publish date
//     from the page's meta tags or its dateline (发布时间：…).
//
// Any of these may sit inside .gz, .zst, .tar, .tar.gz/.tgz and .zip
// containers, nested, which are streamed without unpacking to disk; a
// member's source is archive!/member. Text is decoded from UTF-8 (with or
// without a byte-order mark), GB18030/GBK (detected from the bytes, no
// meta tag needed), Big5, or UTF-16 with a byte-order mark; bytes that do
// not decode are an error, never silently replaced (see Decode).
//
// An input that cannot be read is yielded as an *Error naming its source,
// and the stream goes on with the next input: only the consumer stopping
// the iteration ends it early. Memory does not grow with the archive:
// inputs are streamed and every article, line and nested archive that has
// to be held whole is capped (see Reader).
package corpus

import (
	"errors"
	"iter"

	"govx"
)

// Default limits used by a zero Reader.
const (
	// DefaultMaxArticleBytes caps one article: a .txt or .html file, or a
	// JSON line, after decompression and before decoding.
	DefaultMaxArticleBytes = 16 << 20
	// DefaultMaxNestedZipBytes caps a .zip found inside another stream
	// (a tar member, a .zip.gz), which has to be held in memory to be read.
	DefaultMaxNestedZipBytes = 64 << 20
	// DefaultMaxExpansion caps how many bytes a compressed stream may
	// expand to per compressed byte, beyond a first DefaultMaxArticleBytes.
	// Text compresses 3–10 times, but an archive of near-duplicate articles
	// under zstd --long reaches several hundred (measured: 458); gzip
	// cannot pass 1032, zstd and nested bombs go far beyond.
	DefaultMaxExpansion = 1000
	// MaxZstdWindow is the largest zstd window accepted: that of
	// zstd --long (128 MiB), memory the decoder has to hold.
	MaxZstdWindow = 128 << 20
	// DefaultMaxDepth caps how deeply containers may nest (a.tar.gz!/b.zip
	// is depth 3: gzip, tar, zip).
	DefaultMaxDepth = 8
)

// Sentinel errors wrapped by the *Error values of the stream; test them
// with errors.Is.
var (
	ErrEmpty       = errors.New("empty input")
	ErrTooLarge    = errors.New("too large")
	ErrBinary      = errors.New("binary data, not text")
	ErrEncoding    = errors.New("undecodable text")
	ErrUnsupported = errors.New("unsupported format")
	ErrBomb        = errors.New("expands too much (zip bomb?)")
	ErrLoop        = errors.New("directory loop through a symlink")
	ErrRecord      = errors.New("malformed record")
)

// Error is a failure to read one input: a file, an archive member or a
// JSON line. The stream yields it and goes on with the next input.
type Error struct {
	Source string // the input's source, as a Document's would be
	Err    error  // what went wrong; wraps one of the Err* sentinels where one applies
}

// Error returns "source: reason".
func (e *Error) Error() string { return e.Source + ": " + e.Err.Error() }

// Unwrap returns the reason, for errors.Is and errors.As.
func (e *Error) Unwrap() error { return e.Err }

// Reader reads inputs with explicit limits. The zero Reader uses the
// defaults above; a Reader is safe for concurrent use.
type Reader struct {
	MaxArticleBytes   int64 // 0: DefaultMaxArticleBytes
	MaxNestedZipBytes int64 // 0: DefaultMaxNestedZipBytes
	MaxExpansion      int64 // 0: DefaultMaxExpansion
	MaxDepth          int   // 0: DefaultMaxDepth

	// Progress, when set, is called with the number of bytes read from
	// each file on disk as they are read (compressed bytes for a
	// compressed file), on the goroutine that ranges over the stream.
	// With TotalBytes it gives MB/s and an ETA.
	Progress func(n int64)
}

// Read streams the documents of the files and directories in paths with
// the default limits. See Reader.Read.
func Read(paths []string) iter.Seq2[govx.Document, error] {
	var r Reader
	return r.Read(paths)
}

// Read streams the documents of the files and directories in paths, in
// order; directories are walked recursively in sorted order. Each failure
// is yielded as an *Error with a zero Document, and reading goes on. Files
// of unknown type met while walking a directory are skipped; a file named
// in paths must have a known type.
func (r *Reader) Read(paths []string) iter.Seq2[govx.Document, error] {
	return func(yield func(govx.Document, error) bool) {
		lim := r.limits()
		for _, p := range paths {
			if !lim.readPath(p, yield) {
				return
			}
		}
	}
}

// limits is a Reader with every default filled in.
type limits struct {
	maxArticle   int64
	maxNestedZip int64
	maxExpansion int64
	maxDepth     int
	progress     func(int64)
}

func (r *Reader) limits() limits {
	l := limits{DefaultMaxArticleBytes, DefaultMaxNestedZipBytes, DefaultMaxExpansion, DefaultMaxDepth, nil}
	if r == nil {
		return l
	}
	l.progress = r.Progress
	if r.MaxArticleBytes > 0 {
		l.maxArticle = r.MaxArticleBytes
	}
	if r.MaxNestedZipBytes > 0 {
		l.maxNestedZip = r.MaxNestedZipBytes
	}
	if r.MaxExpansion > 0 {
		l.maxExpansion = r.MaxExpansion
	}
	if r.MaxDepth > 0 {
		l.maxDepth = r.MaxDepth
	}
	return l
}

// yieldFunc is the consumer of a stream; it returns false to stop.
type yieldFunc = func(govx.Document, error) bool

// fail yields an *Error for source.
func fail(yield yieldFunc, source string, err error) bool {
	return yield(govx.Document{}, &Error{Source: cleanName(source), Err: err})
}
