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
	s.seg.Init()
	words := s.parseWords(dict.String())
	// gse's dictionary (which GSETokens uses) and the trie (which Tokens
	// uses) hold the same words; they are built side by side.
	var gseErr error
	gseDone := make(chan struct{})
	go func() {
		defer close(gseDone)
		gseErr = s.addWords(words)
	}()
	s.trie, s.words = newTrie(words)
	<-gseDone
	if gseErr != nil {
		return nil, fmt.Errorf("loading dictionaries: %w", gseErr)
	}
	if n := s.seg.Dict.NumTokens(); n != len(s.words) {
		return nil, fmt.Errorf("loading dictionaries: %d words in the trie, %d in gse's dictionary", len(s.words), n)
	}
	s.scratch.New = func() any { return new(scratch) }
	return s, nil
}

// dictWord is one line of a dictionary.
type dictWord struct {
	text string
	freq float64
	pos  string
}

// parseWords reads a dictionary, one "word [freq [pos]]" per line, by the
// rules of gse's LoadDictStr: a line without a valid frequency is no word,
// a word of one character gets gse's frequency for those.
func (s *Segmenter) parseWords(dict string) []dictWord {
	words := make([]dictWord, 0, strings.Count(dict, "\n")+1)
	for line := range strings.SplitSeq(dict, "\n") {
		fields := strings.Split(line, s.seg.DictSep+" ")
		w := dictWord{text: strings.TrimSpace(fields[0])}
		freqText := ""
		if len(fields) > 1 {
			freqText = strings.TrimSpace(fields[1])
		}
		if len(fields) > 2 {
			w.pos = strings.TrimSpace(fields[2])
		}
		if w.freq = s.seg.Size(len(fields), w.text, freqText); w.freq != 0 && w.text != "" {
			words = append(words, w)
		}
	}
	return words
}

// addWords adds words to gse's dictionary as gse's LoadDictStr does (the
// first entry of a word wins), without what LoadDictStr does next: compute
// every word's own segmentation for gse's search mode and the path lengths
// of its Segment, a third of the loading time that Tokens does not need
// (GSETokens does it when first called).
func (s *Segmenter) addWords(words []dictWord) error {
	s.seg.Dict = gse.NewDict()
	for _, w := range words {
		if err := s.seg.AddToken(w.text, w.freq, w.pos); err != nil {
			return fmt.Errorf("word %q: %w", w.text, err)
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
