// Package segment splits article text into words with part-of-speech tags,
// using github.com/go-ego/gse.
//
// A Segmenter is loaded once per process (it holds a dictionary of a few
// hundred thousand words) and is safe for concurrent use. It segments with
// gse's shortest-path Segment, which returns exact byte spans, with ASCII
// case preserved (GDP stays GDP). Numbers come out in pieces (6 . 5 %):
// extractors that read numbers scan characters, not only tokens.
package segment

import (
	_ "embed"
	"fmt"
	"os"
	"strings"
	"sync"

	"github.com/go-ego/gse"

	"govx"
)

// projectDict is the embedded dictionary of the genre: indicators, zone and
// park words, agencies, and corrections to gse's tags (高新区 is not a
// person). Its words win over gse's own dictionary.
//
//go:embed dict.txt
var projectDict string

// Segmenter segments text into tagged tokens. It is safe for concurrent use.
type Segmenter struct {
	seg gse.Segmenter
}

// caseOnce turns off gse's lowercasing of ASCII once per process. gse keeps
// that switch in a package variable; with it on, GDP would become gdp and
// tokens would no longer match the text.
var caseOnce sync.Once

// Load builds a Segmenter from gse's simplified-Chinese dictionary, the
// project dictionary and the user dictionaries (one "word [freq [pos]]" per
// line). Words of the project and user dictionaries take precedence over
// gse's. Load is expensive (seconds, ~150 MB): call it once and share the
// result.
func Load(userDicts ...string) (*Segmenter, error) {
	caseOnce.Do(func() { gse.ToLower = false })
	s := &Segmenter{}
	s.seg.SkipLog = true
	// gse keeps the first entry of a word, so our words go in first.
	var own strings.Builder
	own.WriteString(projectDict)
	for _, path := range userDicts {
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("user dictionary: %w", err)
		}
		own.WriteString("\n")
		own.Write(b)
	}
	if err := s.seg.LoadDictStr(own.String()); err != nil {
		return nil, fmt.Errorf("project dictionary: %w", err)
	}
	if err := s.seg.LoadDictEmbed("zh_s"); err != nil {
		return nil, fmt.Errorf("gse dictionary: %w", err)
	}
	return s, nil
}

// Tokens segments each sentence of text and returns the tokens in order,
// with their sentence index. Spaces between words are not tokens.
func (s *Segmenter) Tokens(text string, sentences []govx.Span) []govx.Token {
	var tokens []govx.Token
	for i, sent := range sentences {
		for _, sg := range s.seg.Segment([]byte(sent.In(text))) {
			start, end := sent.Start+sg.Start(), sent.Start+sg.End()
			if strings.TrimSpace(text[start:end]) == "" {
				continue
			}
			pos := sg.Token().Pos()
			if pos == "" {
				pos = "x"
			}
			tokens = append(tokens, govx.Token{
				Span:     govx.Span{Start: start, End: end},
				Sentence: i,
				Pos:      pos,
			})
		}
	}
	return tokens
}
