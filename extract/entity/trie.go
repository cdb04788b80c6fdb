package entity

import (
	"fmt"
	"maps"
	"math/bits"
	"slices"
	"unicode/utf8"
)

// trie is a set of words for finding every word of the set that starts at
// a position of a text, at the cost of one step per rune read however many
// words the set holds. Build it with a trieBuilder; it is only read
// afterwards.
type trie struct {
	// root gives the children of the root node, looked up the most.
	root runeMap
	// The children of node n are labels[first[n]:first[n+1]] (their runes,
	// sorted) and kids[first[n]:first[n+1]] (their nodes).
	first  []int32
	labels []rune
	kids   []int32
	word   []int32 // per node: the id of the word that ends there, or -1
}

// trieBuilder collects the words of a trie.
type trieBuilder struct {
	next []map[rune]int32 // per node: its children by rune
	word []int32
}

func newTrieBuilder() *trieBuilder {
	return &trieBuilder{next: []map[rune]int32{{}}, word: []int32{-1}}
}

// add inserts w, which must be valid UTF-8, under id. A word added twice
// keeps its first id.
func (b *trieBuilder) add(w string, id int32) error {
	if !utf8.ValidString(w) {
		return fmt.Errorf("entity tables: %q is not valid UTF-8", w)
	}
	n := int32(0)
	for _, r := range w {
		c, ok := b.next[n][r]
		if !ok {
			c = int32(len(b.word))
			b.next[n][r] = c
			b.next = append(b.next, map[rune]int32{})
			b.word = append(b.word, -1)
		}
		n = c
	}
	if b.word[n] < 0 {
		b.word[n] = id
	}
	return nil
}

// build lays the trie out in flat arrays.
func (b *trieBuilder) build() *trie {
	t := &trie{word: b.word, first: make([]int32, 0, len(b.next)+1)}
	for _, next := range b.next {
		t.first = append(t.first, int32(len(t.labels)))
		runes := slices.Sorted(maps.Keys(next))
		for _, r := range runes {
			t.labels = append(t.labels, r)
			t.kids = append(t.kids, next[r])
		}
	}
	t.first = append(t.first, int32(len(t.labels)))
	t.root = newRuneMap(b.next[0])
	return t
}

// child returns the child of node n by rune r, or 0 for none.
func (t *trie) child(n int32, r rune) int32 {
	if n == 0 {
		return t.root.get(r)
	}
	lo, hi := int(t.first[n]), int(t.first[n+1])
	if hi-lo <= 8 {
		for k := lo; k < hi; k++ {
			if t.labels[k] == r {
				return t.kids[k]
			}
		}
		return 0
	}
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if t.labels[m] < r {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < int(t.first[n+1]) && t.labels[lo] == r {
		return t.kids[lo]
	}
	return 0
}

// runeMap maps runes to nodes (never 0) in a hash table with open
// addressing: small and quick to read.
type runeMap struct {
	keys  []rune // noRune for an empty slot
	vals  []int32
	shift uint // 32 - log2(len(keys))
}

// noRune marks an empty slot of a runeMap.
const noRune = -1

func newRuneMap(m map[rune]int32) runeMap {
	size := 8
	for size < 2*len(m) {
		size *= 2
	}
	rm := runeMap{keys: make([]rune, size), vals: make([]int32, size), shift: uint(32 - bits.TrailingZeros(uint(size)))}
	for i := range rm.keys {
		rm.keys[i] = noRune
	}
	for _, r := range slices.Sorted(maps.Keys(m)) {
		i := rm.slot(r)
		for rm.keys[i] != noRune {
			i = (i + 1) & (size - 1)
		}
		rm.keys[i], rm.vals[i] = r, m[r]
	}
	return rm
}

// slot returns the first slot to probe for r; shift is below 32 (see
// pairHash for the mask).
func (m *runeMap) slot(r rune) int { return int(uint32(r) * 0x9E3779B1 >> (m.shift & 31)) }

// get returns the node of r, 0 for none.
func (m *runeMap) get(r rune) int32 {
	mask := len(m.keys) - 1
	for i := m.slot(r); ; i = (i + 1) & mask {
		switch m.keys[i] {
		case r:
			return m.vals[i]
		case noRune:
			return 0
		}
	}
}

// match is a word found in a text: its id and the byte offset where it
// ends.
type match struct {
	id  int32
	end int
}

// at appends to ms the words that start at byte i of text, shortest
// first, and returns the extended slice.
func (t *trie) at(text string, i int, ms []match) []match {
	n := int32(0)
	for j := i; j < len(text); {
		r, size := utf8.DecodeRuneInString(text[j:])
		if r == utf8.RuneError && size == 1 {
			break // a stray byte: no word holds one
		}
		if n = t.child(n, r); n == 0 {
			break
		}
		j += size
		if id := t.word[n]; id >= 0 {
			ms = append(ms, match{id: id, end: j})
		}
	}
	return ms
}

// atRune is at for the word that starts at the q-th rune of the text of
// s, read from its decoded runes.
func (t *trie) atRune(s *scan, q int, ms []match) []match {
	n := int32(0)
	for ; q < len(s.rs); q++ {
		if s.stray(q) {
			break
		}
		if n = t.child(n, s.rs[q]); n == 0 {
			break
		}
		if id := t.word[n]; id >= 0 {
			ms = append(ms, match{id: id, end: int(s.ro[q+1])})
		}
	}
	return ms
}

// runeKinds says, by rune, which scans may start at a rune: one byte per
// rune up to the greatest rune added, a set of runeKind bits.
type runeKinds []runeKind

// runeKind is a bit of runeKinds.
type runeKind uint8

const (
	// The first runes of the words of two runes or more that the scans
	// look for: suffix texts, titles and byline labels, gazetteer words.
	kindSuffixHead runeKind = 1 << iota
	kindPersonHead
	kindLexHead
	// A suffix text of one rune.
	kindSuffix
	// The second runes of the same words, kindHeads<<secondShift: the pair
	// of a rune of kind k and the next of kind k<<secondShift may open a
	// word.
	kindSuffixSecond
	kindPersonSecond
	kindLexSecond
	// An opening parenthesis.
	kindParen
)

// The bit numbers of kinds read one by one.
const (
	kindSuffixBit       = 3
	kindSuffixSecondBit = 4
	kindLexSecondBit    = 6
)

// kindHeads are the kinds of first runes, and secondShift moves them to
// the kinds of second runes.
const (
	kindHeads   = kindSuffixHead | kindPersonHead | kindLexHead
	secondShift = 4
)

func (ks *runeKinds) add(r rune, k runeKind) {
	if r < 0 {
		return
	}
	for int(r) >= len(*ks) {
		*ks = append(*ks, 0)
	}
	(*ks)[r] |= k
}

// of returns the kinds of r.
func (ks runeKinds) of(r rune) runeKind {
	if uint(r) < uint(len(ks)) {
		return ks[r]
	}
	return 0
}

// pairSet is a set of pairs of runes, kept as a Bloom filter of one bit
// per pair: has may report a pair that was not added (rarely), never the
// reverse. The decoding pass of newScan reads these sets where the rune
// kinds allow a word of two runes or more (a gazetteer word, a suffix, a
// title or a byline label) to start, to skip at the cost of one bit test
// most of the places where none does.
type pairSet struct {
	bits []uint64
	n    int // the set has 1<<n bits
}

// newPairSet returns a pairSet of 1<<n bits (at least 64).
func newPairSet(n int) pairSet {
	n = max(n, 6)
	return pairSet{bits: make([]uint64, 1<<n/64), n: n}
}

// hash returns the bit of the pair (a, b).
func (s *pairSet) hash(a, b rune) uint32 { return pairHash(a, b, s.n) }

// hasHash is has for the pair of pairHash(a, b, 32).
func (s *pairSet) hasHash(h32 uint32) bool {
	h := h32 >> ((32 - s.n) & 31)
	return s.bits[h>>6]&(1<<(h&63)) != 0
}

// bit is hasHash as a number, 1 or 0.
func (s *pairSet) bit(h32 uint32) int {
	h := h32 >> ((32 - s.n) & 31)
	return int(s.bits[h>>6] >> (h & 63) & 1)
}

// pairHash hashes the pair (a, b) to n bits, 1 <= n <= 32. The shifts
// here and in pairSet are masked to 31, which they never exceed: the
// compiler then leaves out its checks for negative and oversized shifts.
func pairHash(a, b rune, n int) uint32 {
	return (uint32(a)*0x9E3779B1 ^ uint32(b)*0x85EBCA77) >> ((32 - n) & 31)
}

func (s *pairSet) add(a, b rune) {
	h := s.hash(a, b)
	s.bits[h>>6] |= 1 << (h & 63)
}

func (s *pairSet) has(a, b rune) bool {
	h := s.hash(a, b)
	return s.bits[h>>6]&(1<<(h&63)) != 0
}
