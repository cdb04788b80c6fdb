package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"govx"
)

// readText reads a .txt file: one article.
func (l limits) readText(in input, yield yieldFunc) bool {
	b, err := readCapped(in.r, l.maxArticle)
	if err != nil {
		return fail(yield, in.source, err)
	}
	text, err := Decode(b)
	if err != nil {
		return fail(yield, in.source, err)
	}
	return yield(govx.Document{
		DocID:  in.docID(),
		Source: in.source,
		Title:  guessTitle(text),
		Text:   text,
	}, nil)
}

// Title shape: a headline is a short line of its own, with Chinese
// characters, that does not end like a sentence or a clause.
const (
	minTitleRunes = 4
	maxTitleRunes = 40
	// notTitleEnd are runes a headline does not end with.
	notTitleEnd = "。，、；：…,;:"
)

// notTitleWords mark a first line that is a byline, a dateline or a
// source note rather than a headline.
var notTitleWords = []string{"本报", "记者", "通讯员", "来源", "发布时间", "发布日期", "作者", "编辑"}

// guessTitle returns the first line of text when it looks like a headline
// followed by a body, else "". It prefers missing a title to taking the
// first sentence of the body for one.
func guessTitle(text string) string {
	text = strings.TrimLeftFunc(text, unicode.IsSpace)
	first, rest, ok := strings.Cut(text, "\n")
	if !ok || strings.TrimSpace(rest) == "" {
		return ""
	}
	first = strings.TrimSpace(first)
	n := utf8.RuneCountInString(first)
	if n < minTitleRunes || n > maxTitleRunes {
		return ""
	}
	last, _ := utf8.DecodeLastRuneInString(first)
	if strings.ContainsRune(notTitleEnd, last) || strings.Contains(first, "。") {
		return ""
	}
	for _, w := range notTitleWords {
		if strings.Contains(first, w) {
			return ""
		}
	}
	han := 0
	for _, r := range first {
		if unicode.Is(unicode.Han, r) {
			han++
		}
	}
	if han < minTitleRunes/2 || han*2 < n {
		return ""
	}
	return first
}
