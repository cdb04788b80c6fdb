package indicator

// Finding the words of the rule tables: one pass over an article finds
// every occurrence of every word the sentences and clauses ask about, so
// that a clause looks its words up among the hits instead of searching
// its text once per word.

import (
	"sort"
	"unicode/utf8"
)

// table names a word table the article pass looks for.
type table uint8

const (
	tBasis      table = iota // basisWords
	tFuture                  // futureWords
	tCumulative              // cumulativeWords
	tModality                // modalityWords
	tNotMod                  // notModality
	tFlat                    // flatPhrases
	tFixed                   // fixedChanges
	tPolicy                  // policyWords
	tRun                     // runWords
	tSegment                 // segmentSeps
	tClause                  // clauseSeps
	tQuote                   // quoteMarks
	tStock                   // stockVerbs
	tSpeech                  // speechVerbs
	tPresent                 // presentWords
	numTables
)

// quoteMarks open and close a quotation.
var quoteMarks = [2]string{"“", "”"}

// lexWord is one word of a table and its index in the Extractor's copy of
// that table.
type lexWord struct {
	word  string
	table table
	last  byte // the word's last byte, compared first
	entry int32
}

// lexicon finds the words of all the tables in one pass over a text.
type lexicon struct {
	slot   [lexBits]uint16 // by the key of a first character: 1 + the index of its words in groups, or 0
	groups [][]lexWord     // the words whose first characters share a key, longest first
	// The first characters of the words, by code point, for those below
	// U+10000 (all of Chinese): most characters of a text start no word,
	// and this tells so without the words that share their key.
	firsts [1 << 16 / 64]uint64
	// The two bytes after the lead byte of a character of three bytes,
	// by their value as a number: set where both are continuation bytes
	// and a first character ends with them (whatever its lead byte), and
	// where either is not. A character whose bytes are clear starts no
	// word, and is passed over without being decoded.
	pairs [1 << 16 / 64]uint64
}

// lexBits is the number of character keys.
const lexBits = 4096

// keyAt returns the key of the character that starts at s[i] and its
// length in bytes (1 for a byte that starts no character). The key of a
// three-byte character (all of Chinese) is read from its last two bytes
// without decoding it; keys are only a filter, words are compared whole.
func keyAt(s string, i int) (uint32, int) {
	c := s[i]
	switch {
	case c < utf8.RuneSelf:
		return uint32(c), 1
	case c >= 0xE0 && c < 0xF0 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
		return uint32(s[i+1]&0x3F)<<6 | uint32(s[i+2]&0x3F), 3
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	return uint32(r) % lexBits, size
}

// add adds the words of a table; entry i is words[i].
func (lx *lexicon) add(t table, words []string) {
	if lx.pairs[0] == 0 { // not set up yet: bit 0 is two bytes 00, no continuation bytes
		for k := range 1 << 16 {
			if k>>8&0xC0 != 0x80 || k&0xC0 != 0x80 {
				lx.pairs[k/64] |= 1 << (k % 64)
			}
		}
	}
	for i, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); r < 1<<16 {
			lx.firsts[r/64] |= 1 << (r % 64)
			if utf8.RuneLen(r) == 3 {
				k := uint32(w[1])<<8 | uint32(w[2])
				lx.pairs[k/64] |= 1 << (k % 64)
			}
		}
		k, _ := keyAt(w, 0)
		if lx.slot[k] == 0 {
			lx.groups = append(lx.groups, nil)
			lx.slot[k] = uint16(len(lx.groups))
		}
		g := &lx.groups[lx.slot[k]-1]
		*g = append(*g, lexWord{w, t, w[len(w)-1], int32(i)})
		sort.SliceStable(*g, func(i, j int) bool { return len((*g)[i].word) > len((*g)[j].word) })
	}
}

// affixIndex groups words by the key of their first (or last) character,
// longest first, for the words a string may start (or end) with.
type affixIndex struct {
	slot   [lexBits]uint16 // by key: 1 + the index of its words in groups, or 0
	groups [][]string
}

// add adds words, keyed by their last characters when last is set.
func (x *affixIndex) add(words []string, last bool) {
	for _, w := range byLength(words, ident) {
		k, _ := keyAt(w, 0)
		if last {
			k = lastKey(w)
		}
		if x.slot[k] == 0 {
			x.groups = append(x.groups, nil)
			x.slot[k] = uint16(len(x.groups))
		}
		x.groups[x.slot[k]-1] = append(x.groups[x.slot[k]-1], w)
	}
}

// starting returns the words s may start with, longest first: those whose
// first characters share the key of its first one.
func (x *affixIndex) starting(s string) []string {
	if s == "" {
		return nil
	}
	k, _ := keyAt(s, 0)
	if g := x.slot[k]; g != 0 {
		return x.groups[g-1]
	}
	return nil
}

// ending returns the words s may end with, longest first.
func (x *affixIndex) ending(s string) []string {
	if s == "" {
		return nil
	}
	if g := x.slot[lastKey(s)]; g != 0 {
		return x.groups[g-1]
	}
	return nil
}

// lastKey returns the key of the last character of s (not empty), as
// keyAt gives it: a word that ends s has the key of s's last character.
func lastKey(s string) uint32 {
	n := len(s)
	if c := s[n-1]; c < utf8.RuneSelf {
		return uint32(c)
	}
	if n >= 3 && s[n-3] >= 0xE0 && s[n-3] < 0xF0 && s[n-2]&0xC0 == 0x80 && s[n-1]&0xC0 == 0x80 {
		return uint32(s[n-2]&0x3F)<<6 | uint32(s[n-1]&0x3F)
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return uint32(r) % lexBits
}

// hit is one occurrence of a word: the bytes it spans and its index in its
// table.
type hit struct {
	start, end int
	entry      int32
}

// hits are the occurrences of the words of each table in an article, in
// order of start, the longest first at one start.
type hits [numTables][]hit

// scan finds every occurrence in text of the lexicon's words.
func (lx *lexicon) scan(text string, h *hits) {
	for t := range h {
		h[t] = h[t][:0]
	}
	for i, k, size := lx.next(text, 0); i < len(text); i, k, size = lx.next(text, i+size) {
		if g := lx.slot[k]; g != 0 {
			for _, w := range lx.groups[g-1] {
				// The last byte first: most words that share a key differ there.
				if n := len(w.word); len(text)-i >= n && text[i+n-1] == w.last && text[i:i+n] == w.word {
					h[w.table] = append(h[w.table], hit{i, i + n, w.entry})
				}
			}
		}
	}
}

// next returns the first offset from i on where a character starts that
// a word may start with, with the key of that character and its length
// in bytes (as keyAt gives them); len(s) when there is none. A word
// starts where a character starts, so the bytes inside a character are
// passed over. The two common cases of keyAt are written out, with the
// test of firsts that rules out most characters at once.
func (lx *lexicon) next(s string, i int) (int, uint32, int) {
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if lx.firsts[c/64]&(1<<(c%64)) != 0 {
				return i, uint32(c), 1
			}
			i++
			continue
		}
		if c-0xE0 < 0x10 && i+2 < len(s) {
			// A lead byte of three: the two bytes after it rule out
			// most characters at once (see pairs). The others are
			// decoded and tested against firsts.
			w := s[i : i+3]
			c1, c2 := w[1], w[2]
			if k := uint32(c1)<<8 | uint32(c2); lx.pairs[k/64]&(1<<(k%64)) == 0 {
				i += 3
				continue
			}
			if c1&0xC0 == 0x80 && c2&0xC0 == 0x80 { // continuation bytes (10xxxxxx)
				if r := uint32(c&0x0F)<<12 | uint32(c1&0x3F)<<6 | uint32(c2&0x3F); lx.firsts[r/64]&(1<<(r%64)) != 0 {
					return i, r % lexBits, 3 // keyAt's key: the last two bytes' payload
				}
				i += 3
				continue
			}
		}
		k, size := keyAt(s, i)
		return i, k, size
	}
	return len(s), 0, 0
}

// The tables of the words clean looks for in a name.
const (
	nameCut   table = iota // nameCuts
	nameRate               // rateWords
	nameAside              // the closing words of asides
	nameInner              // innerWords
)

// The tables of the words binder.nameFacts looks for in a name.
const (
	factStock     table = iota // stockWords
	factReporting              // reportingWords
)

// nameFacts returns the set of the tables of Extractor.nameFacts (bit
// 1<<t for table t) whose words name holds. The answer for the last name
// asked about is kept: a level's name is asked about when it is named,
// and again when its row is dated.
func (b *binder) nameFacts(name string) uint64 {
	if !b.factsDone || name != b.factsName {
		b.factsName, b.factsSet, b.factsDone = name, b.e.nameFacts.tablesIn(name), true
	}
	return b.factsSet
}

// tablesIn returns the set of the tables (bit 1<<t for table t) whose
// words s holds, in one pass.
func (lx *lexicon) tablesIn(s string) uint64 {
	var set uint64
	for i, k, size := lx.next(s, 0); i < len(s); i, k, size = lx.next(s, i+size) {
		if g := lx.slot[k]; g != 0 {
			for _, w := range lx.groups[g-1] {
				if hasPrefix(s[i:], w.word) {
					set |= 1 << w.table
				}
			}
		}
	}
	return set
}

// first returns the index of the first of hs (in order of start, the
// longest first at one start) that lies inside [from, to), or -1.
func first(hs []hit, from, to int) int {
	for k := searchHit(hs, from); k < len(hs) && hs[k].start < to; k++ {
		if hs[k].end <= to {
			return k
		}
	}
	return -1
}

// anyIn reports whether one of hs lies inside [from, to).
func anyIn(hs []hit, from, to int) bool { return first(hs, from, to) >= 0 }

// searchHit returns the index of the first of hs that starts at from or
// after it.
func searchHit(hs []hit, from int) int {
	lo, hi := 0, len(hs)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if hs[mid].start < from {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}
