package segment

import (
	"math"
	"unicode/utf8"

	"github.com/go-ego/gse"
)

// trie is gse's dictionary as a trie over units (a character, or a run of
// Latin letters and digits) instead of bytes: one step per unit is one
// probe of a hash table, where gse's byte trie walks three steps and reads
// a value per Chinese character. It holds the same words, so lookups find
// the same words gse's Dictionary.LookupTokens finds.
type trie struct {
	root  []edge // the edges from the root by rune, for runes below rootRunes
	edges []edge // open addressing; a zero key is an empty slot
	mask  uint64
	shift uint              // 64 minus the bits of the table size
	runs  map[string]uint32 // codes of the units that are not one rune
}

// edge is a step from a node by a unit to a child node, with the word that
// ends at the child, if any.
type edge struct {
	key   uint64 // parent node << 32 | unit code; nodes start at 1
	child int32
	word  int32 // index into the dictionary's tokens, or noWord
}

// rootNode is the node every lookup starts from.
const rootNode = 1

// rootRunes is the size of the trie's direct table of first characters:
// the Basic Multilingual Plane, where nearly every character of the text is.
// Every word's first step is a read there instead of a probe of the hash
// table.
const rootRunes = 1 << 16

// noCode is the code of a unit no dictionary word holds.
const noCode = 0

// firstRunCode is the first code given to units of several runes (GDP,
// 2023): codes below it are the runes themselves.
const firstRunCode = utf8.MaxRune + 1

// newTrie builds the trie of a dictionary's words and their facts,
// numbered as gse numbers them: in order, the first entry of a word
// winning. A word's path length is gse's (CalcToken): log2 of the total
// frequency minus log2 of the word's, both as float32.
func newTrie(words []dictWord) (*trie, []wordInfo) {
	t := &trie{runs: make(map[string]uint32)}
	size := 1
	for size < 2*len(words) { // the words have about 1.3 nodes each; grow keeps it at most half full
		size <<= 1
	}
	t.resize(size)
	nodes := int32(rootNode)
	infos := make([]wordInfo, 0, len(words))
	var freqs []float64
	var units []gse.Text
	for _, w := range words {
		units = splitUnits(units[:0], nil, []byte(w.text))
		node := int32(rootNode)
		for k, u := range units {
			code := t.code(u)
			if code == noCode {
				code = firstRunCode + uint32(len(t.runs))
				t.runs[string(u)] = code
			}
			e := t.find(node, code)
			if e.key == 0 {
				if int(nodes) >= len(t.edges)/2 { // keep probes short
					t.grow()
					e = t.find(node, code)
				}
				nodes++
				*e = edge{key: edgeKey(node, code), child: nodes, word: noWord}
			}
			if k == len(units)-1 && e.word == noWord {
				e.word = int32(len(infos))
				infos = append(infos, wordInfo{pos: w.pos})
				freqs = append(freqs, w.freq)
			}
			node = e.child
		}
	}
	t.root = make([]edge, rootRunes)
	for code := range t.root {
		t.root[code] = *t.find(rootNode, uint32(code))
	}
	total := 0.0
	for _, f := range freqs {
		total += f
	}
	logTotal := float32(math.Log2(total))
	for i, f := range freqs {
		infos[i].distance = logTotal - float32(math.Log2(f))
	}
	return t, infos
}

// code is the code of a unit: the rune of a one-rune unit, the number
// given to a longer unit, or noCode for a unit no word holds.
func (t *trie) code(u []byte) uint32 {
	if r, size := utf8.DecodeRune(u); size == len(u) && r != utf8.RuneError && r != noCode {
		return uint32(r)
	}
	return t.runs[string(u)]
}

func edgeKey(node int32, code uint32) uint64 {
	return uint64(node)<<32 | uint64(code)
}

// step returns the edge from node by code; its key is zero when there is
// none.
func (t *trie) step(node int32, code uint32) *edge {
	if node == rootNode && code < rootRunes {
		return &t.root[code]
	}
	return t.find(node, code)
}

// find returns the slot of the edge from node by code: the edge, or the
// empty slot where it would go.
func (t *trie) find(node int32, code uint32) *edge {
	key := edgeKey(node, code)
	for h := (key * 0x9E3779B97F4A7C15) >> t.shift; ; h = (h + 1) & t.mask {
		if e := &t.edges[h]; e.key == key || e.key == 0 {
			return e
		}
	}
}

// resize makes an empty table of size slots, a power of two.
func (t *trie) resize(size int) {
	t.edges = make([]edge, size)
	t.mask = uint64(size - 1)
	t.shift = 64
	for ; size > 1; size >>= 1 {
		t.shift--
	}
}

// grow doubles the table.
func (t *trie) grow() {
	old := t.edges
	t.resize(2 * len(old))
	for _, e := range old {
		if e.key != 0 {
			*t.find(int32(e.key>>32), uint32(e.key)) = e
		}
	}
}
