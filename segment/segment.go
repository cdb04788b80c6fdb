// Package segment splits article text into words with part-of-speech tags,
// using github.com/go-ego/gse.
//
// The dictionary is gse's simplified-Chinese one cut down to what the genre
// needs (zh_genre.txt, made by go generate: every word seen at least four
// times in gse's corpus, and every place, organization and proper name), plus
// the project dictionary dict.txt. It loads in about a third of the time and
// half the memory of gse's full dictionary and segments the genre alike
// (97% of token boundaries agree on the shared corpus).
//
// A Segmenter is loaded once per process (it holds a dictionary of about
// 170,000 words) and is safe for concurrent use. It segments along
// gse's shortest path and returns exactly the tokens gse's Segment returns,
// with exact byte spans and ASCII case preserved (GDP stays GDP), but at
// about a third of the cost: the path is computed without allocating, over
// a trie of gse's words by character (path.go, trie.go), and checked
// against gse's own Segment by the tests and a fuzz target. Numbers come
// out in pieces (6 . 5 %): extractors that read numbers scan characters,
// not only tokens.
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

// genreDict is gse's dictionary cut down to the genre; see gendict.
//
//go:generate go run ./internal/gendict -o zh_genre.txt
//go:embed zh_genre.txt
var genreDict string

// Segmenter segments text into tagged tokens. It is safe for concurrent use.
type Segmenter struct {
	seg     gse.Segmenter
	words   []wordInfo // parallel to seg.Dict.Tokens; see path.go
	trie    *trie      // seg.Dict's words by units; see trie.go
	scratch sync.Pool  // of *scratch, one sentence's buffers

	// gsePaths computes gse's own path lengths, which only GSETokens needs.
	gsePaths sync.Once
}

// caseOnce turns off gse's lowercasing of ASCII once per process. gse keeps
// that switch in a package variable; with it on, GDP would become gdp and
// tokens would no longer match the text.
var caseOnce sync.Once

// Load builds a Segmenter from the project dictionary, the user
// dictionaries (one "word [freq [pos]]" per line) and the genre dictionary,
// in that order of precedence. Load costs about a third of a CPU-second:
// call it once per process and share the result.
func Load(userDicts ...string) (*Segmenter, error) {
	caseOnce.Do(func() { gse.ToLower = false })
	s := &Segmenter{}
	s.seg.SkipLog = true
	// Segment uses the dictionary only; gse's HMM model (for Cut with
	// hmm=true) would cost start-up time and lives in global maps.
	s.seg.NotLoadHMM = true
	// gse keeps the first entry of a word, so our words go in first.
	var dict strings.Builder
	dict.WriteString(projectDict)
	for _, path := range userDicts {
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("user dictionary: %w", err)
		}
		dict.WriteString("\n")
		dict.Write(b)
	}
	dict.WriteString("\n")
	dict.WriteString(genreDict)
	if err := s.addWords(dict.String()); err != nil {
		return nil, fmt.Errorf("loading dictionaries: %w", err)
	}
	s.words = wordTable(s.seg.Dict)
	s.trie = newTrie(s.seg.Dict)
	s.scratch.New = func() any { return new(scratch) }
	return s, nil
}

// addWords adds the words of a dictionary, one "word [freq [pos]]" per
// line, to gse's dictionary as gse's LoadDictStr does, without what
// LoadDictStr does next: compute every word's own segmentation for gse's
// search mode and path lengths for its Segment, a third of the loading time
// that Tokens does not need (GSETokens does it when first called).
func (s *Segmenter) addWords(dict string) error {
	s.seg.Dict = gse.NewDict()
	s.seg.Init()
	for line := range strings.SplitSeq(dict, "\n") {
		fields := strings.Split(line, s.seg.DictSep+" ")
		word, freqText, pos := strings.TrimSpace(fields[0]), "", ""
		if len(fields) > 1 {
			freqText = strings.TrimSpace(fields[1])
		}
		if len(fields) > 2 {
			pos = strings.TrimSpace(fields[2])
		}
		freq := s.seg.Size(len(fields), word, freqText)
		if freq == 0 || word == "" {
			continue // as gse: a line without a valid frequency is no word
		}
		if err := s.seg.AddToken(word, freq, pos); err != nil {
			return fmt.Errorf("word %q: %w", word, err)
		}
	}
	return nil
}

// Tokens segments each sentence of text and returns the tokens in order,
// with their sentence index. Spaces between words are not tokens.
func (s *Segmenter) Tokens(text string, sentences []govx.Span) []govx.Token {
	b := []byte(text) // one copy per article; the path reads but never writes it
	sc := s.scratch.Get().(*scratch)
	defer s.scratch.Put(sc)
	tokens := make([]govx.Token, 0, len(text)/4)
	for i, sent := range sentences {
		for _, sp := range s.path(sc, b[sent.Start:sent.End]) {
			tokens = appendToken(tokens, text, sent.Start+sp.start, sent.Start+sp.end, i, sp.pos)
		}
	}
	return tokens
}

// GSETokens is Tokens done by gse's own Segment. It returns the same tokens
// as Tokens at a higher cost; it is the reference Tokens is tested against
// and the floor make bench measures govx against.
func (s *Segmenter) GSETokens(text string, sentences []govx.Span) []govx.Token {
	s.gsePaths.Do(s.seg.CalcToken)
	b := []byte(text)
	tokens := make([]govx.Token, 0, len(text)/4)
	for i, sent := range sentences {
		for _, sg := range s.seg.Segment(b[sent.Start:sent.End]) {
			tokens = appendToken(tokens, text, sent.Start+sg.Start(), sent.Start+sg.End(), i, sg.Token().Pos())
		}
	}
	return tokens
}

// appendToken appends the token text[start:end] unless it is white space.
// Tokens without a part of speech are tagged x, as gse tags unknown ones.
func appendToken(tokens []govx.Token, text string, start, end, sentence int, pos string) []govx.Token {
	if isSpace(text[start:end]) {
		return tokens
	}
	if pos == "" {
		pos = "x"
	}
	return append(tokens, govx.Token{Span: govx.Span{Start: start, End: end}, Sentence: sentence, Pos: pos})
}

// isSpace reports whether a token is white space only. Most tokens start
// with a Chinese character or a digit, so the first byte usually decides.
func isSpace(tok string) bool {
	if c := tok[0]; c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != 0xE3 && c != 0xC2 && c != 0xE2 {
		return false // neither ASCII space nor the lead byte of U+3000, U+00A0, U+2000…
	}
	return strings.TrimSpace(tok) == ""
}
