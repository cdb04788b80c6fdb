package govx

import (
	"crypto/sha256"
	"encoding/hex"
)

// Document is one article as read from the input, before normalization.
// Corpus readers produce Documents.
type Document struct {
	DocID     string // the input's own identifier, else the file name
	Source    string // where it came from: path, path#line, archive!/member
	Title     string // "" when unknown
	Published Date   // zero when unknown
	Text      string // raw UTF-8 text
}

// Article is a normalized article: the row of the articles table.
// Empty strings and zero Dates are written as null.
type Article struct {
	ID            string // ArticleID(Text)
	DocID         string
	Source        string
	Title         string
	Published     Date
	ReferenceDate Date      // the date relative time words are resolved against
	RefSource     RefSource // where ReferenceDate came from; set by the periods extractor
	Text          string
	Region        string // the main place the article reports on
}

// ArticleID returns the article identifier of a normalized text: the
// first 16 hex digits of its SHA-256.
func ArticleID(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:8])
}

// Span is a half-open range [Start, End) of byte offsets into Article.Text.
type Span struct {
	Start, End int
}

// Len returns the length of s in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether s covers t.
func (s Span) Contains(t Span) bool { return s.Start <= t.Start && t.End <= s.End }

// Overlaps reports whether s and t share at least one byte.
func (s Span) Overlaps(t Span) bool { return s.Start < t.End && t.Start < s.End }

// In returns the text s covers in text.
func (s Span) In(text string) string { return text[s.Start:s.End] }

// Token is one segment from the word segmenter.
type Token struct {
	Span
	Sentence int
	Pos      string // part-of-speech tag, e.g. "ns", "m", "x"
}
