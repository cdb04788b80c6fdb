// Package normalize turns a raw input document into the article text that
// every later step and every output offset refers to.
//
// It removes a byte-order mark, unifies line endings, joins lines that an
// archive broke in the middle of a sentence (突\n\n出 → 突出) while keeping
// real paragraph breaks, and splits the text into sentences. Full-width
// digits are not rewritten in the text; Fold gives extractors an ASCII view
// with an exact alignment back to it.
package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"govx"
)

// minBrokenLine is the length in code points from which a line that does
// not end a sentence is taken to be a paragraph broken in two. Headings,
// bylines and captions are shorter and stay lines of their own.
const minBrokenLine = 40

// sentenceEnds are the runes that end a sentence.
const sentenceEnds = "。！？!?…"

// lineEnds are the runes after which a line break is a real one: the ends
// of sentences, and the closing marks and colons that may follow them.
const lineEnds = sentenceEnds + "；;：:”’」』）)》】"

// closers may follow a sentence end and still belong to the sentence.
const closers = "”’」』）)》】\"'"

// Article normalizes a document into an article. The article's ID is the
// hash of the normalized text; ReferenceDate starts as Published.
func Article(d govx.Document) govx.Article {
	text := Text(d.Text)
	return govx.Article{
		ID:            govx.ArticleID(text),
		DocID:         d.DocID,
		Source:        d.Source,
		Title:         strings.TrimSpace(d.Title),
		Published:     d.Published,
		ReferenceDate: d.Published,
		Text:          text,
	}
}

// Text returns the normalized form of a raw article text: no BOM, "\n" line
// ends, no trailing spaces on a line, no leading or trailing blank lines,
// and lines broken mid-sentence joined again. Bytes that are not UTF-8
// become U+FFFD (the corpus readers refuse such text; this guards callers
// that bring their own).
func Text(raw string) string {
	if !utf8.ValidString(raw) {
		raw = strings.ToValidUTF8(raw, "\uFFFD")
	}
	raw = strings.TrimPrefix(raw, "\uFEFF")
	raw = strings.ReplaceAll(raw, "\r\n", "\n")
	raw = strings.ReplaceAll(raw, "\r", "\n")

	var b strings.Builder
	b.Grow(len(raw))
	gap := ""         // the line breaks seen since the last non-empty line
	para := ""        // the paragraph being written, when it may go on
	joinNext := false // the last line was cut mid-sentence
	for _, line := range strings.Split(raw, "\n") {
		line = strings.TrimRightFunc(line, unicode.IsSpace)
		if strings.TrimSpace(line) == "" {
			gap += "\n"
			continue
		}
		switch {
		case b.Len() == 0:
			para = line
		case joinNext:
			line = strings.TrimLeftFunc(line, unicode.IsSpace)
			para += line
		default:
			b.WriteString(gap)
			para = line
		}
		b.WriteString(line)
		gap = "\n"
		joinNext = isBroken(para)
	}
	return b.String()
}

// isBroken reports whether a line looks like a paragraph cut in the middle
// of a sentence: long, not ending with a sentence end or closing mark, and
// not a headline (headlines separate their phrases with spaces).
func isBroken(line string) bool {
	last, _ := utf8.DecodeLastRuneInString(line)
	if strings.ContainsRune(lineEnds, last) {
		return false
	}
	return utf8.RuneCountInString(line) >= minBrokenLine && !isHeadline(line)
}

// isHeadline reports whether a line separates Chinese phrases with spaces
// (挂出“作战图” 亮出“新举措”), as headlines do and running text does not.
func isHeadline(line string) bool {
	line = strings.TrimSpace(line)
	for i, r := range line {
		if r != ' ' && r != '\u3000' {
			continue
		}
		before, _ := utf8.DecodeLastRuneInString(line[:i])
		after, _ := utf8.DecodeRuneInString(strings.TrimLeft(line[i:], " \u3000"))
		if before >= utf8.RuneSelf && after >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// Sentences splits text into sentences: at sentence ends (with the closing
// quotes that follow them) and at line breaks. Each span starts and ends on
// a non-space byte; together they cover every non-space byte of text.
func Sentences(text string) []govx.Span {
	var spans []govx.Span
	start := -1 // start of the current sentence, -1 between sentences
	end := 0    // end of the last non-space rune
	flush := func() {
		if start >= 0 {
			spans = append(spans, govx.Span{Start: start, End: end})
			start = -1
		}
	}
	afterEnd := false // the previous rune ended a sentence
	for i, r := range text {
		size := utf8.RuneLen(r)
		switch {
		case r == '\n':
			flush()
			afterEnd = false
			continue
		case unicode.IsSpace(r):
			continue
		case afterEnd && !strings.ContainsRune(closers, r) && !strings.ContainsRune(sentenceEnds, r):
			flush()
			afterEnd = false
		}
		if start < 0 {
			start = i
		}
		end = i + size
		if strings.ContainsRune(sentenceEnds, r) {
			afterEnd = true
		}
	}
	flush()
	return spans
}
