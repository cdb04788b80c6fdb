// Package extract defines what an extractor is and the document it reads.
//
// An extractor is built once from its tables (building may fail), is safe
// for concurrent use by many goroutines, and never fails on text: whatever
// the article says, Extract appends zero or more well-formed mentions.
// The extractors live in the sub-packages quantity, period, entity and
// indicator; the pipeline runs them in that order, so that later extractors
// can read what earlier ones found.
package extract

import (
	"sort"

	"govx"
	"govx/normalize"
)

// Doc is a normalized article prepared for extraction.
type Doc struct {
	// Article is the article being processed. An extractor may fill the
	// article fields it owns, and only those: the periods extractor sets
	// ReferenceDate (when it is zero), the entities extractor sets Region.
	Article *govx.Article

	// Folded is Article.Text with full-width digits, letters and number
	// punctuation read as ASCII. Use Folded.Orig to map an offset found in
	// Folded.Text back to Article.Text.
	Folded normalize.Folded

	// Sentences are the sentence spans of Article.Text, in order, covering
	// every non-space byte.
	Sentences []govx.Span

	// Tokens are the segmenter's tokens of Article.Text, in order.
	Tokens []govx.Token
}

// Text returns the article text.
func (d *Doc) Text() string { return d.Article.Text }

// SentenceAt returns the index of the sentence that contains byte offset
// off, or the last sentence that starts before it.
func (d *Doc) SentenceAt(off int) int {
	i := sort.Search(len(d.Sentences), func(i int) bool { return d.Sentences[i].Start > off })
	if i == 0 {
		return 0
	}
	return i - 1
}

// Extractor finds one kind of mention in a document.
type Extractor interface {
	// Extract appends the mentions it finds in doc to m. Spans are byte
	// offsets into doc.Article.Text; Sentence is set by the caller, so an
	// extractor may leave it zero. Extract must not keep doc or m after it
	// returns and must be safe to call from many goroutines at once.
	Extract(doc *Doc, m *govx.Mentions)
}
