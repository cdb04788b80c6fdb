package segment

import (
	"unicode"
	"unicode/utf8"

	"github.com/go-ego/gse"
)

// This file is gse's shortest-path segmentation (Segmenter.Segment) done
// again at a third of the cost: the same units, the same words of gse's
// dictionary (looked up in a trie over units, trie.go), the same float32
// path lengths and ties, so the same tokens (TestPathMatchesGSE and
// FuzzPath compare the two). gse's Segment spends much of its time
// building slices and a token per unknown character for every sentence;
// here they live in a scratch buffer reused from sentence to sentence.

// wordInfo is what the path needs of a dictionary word: its path length
// and its part of speech. The trie numbers the words as gse's
// Dictionary.Tokens does.
type wordInfo struct {
	distance float32
	pos      string
}

// unknownDistance is gse's path length of a unit that is no dictionary
// word (a pseudo-token with frequency 1).
const unknownDistance = 32

// noWord marks a step of the path that is a single unknown unit.
const noWord = -1

// step is the best path found so far that ends at one unit.
type step struct {
	distance float32 // zero: no path ends here yet
	word     int32   // index into wordInfos, or noWord
	units    int32
}

// scratch holds one sentence's working buffers.
type scratch struct {
	units  []gse.Text // the sentence split into gse's units
	starts []int      // byte offset of each unit, and the sentence's length
	codes  []uint32   // each unit's code in the trie
	steps  []step
	out    []span
}

// span is one token of the path: a byte range and a part of speech.
type span struct {
	start, end int
	pos        string
}

// splitUnits cuts text into gse's units, as gse's SplitTextToWords does
// with its default options: a run of Latin letters and digits (runes of one
// or two bytes) is one unit, every other rune is a unit of its own. It
// appends the units to units and, when starts is not nil, their byte
// offsets to starts.
func splitUnits(units []gse.Text, starts *[]int, text []byte) []gse.Text {
	runStart, inRun := 0, false
	for i := 0; i < len(text); {
		size := 1
		alnum := false
		switch c := text[i]; {
		case c < utf8.RuneSelf:
			alnum = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
		case c < 0xE0: // a two-byte rune, or a byte that is not UTF-8
			var r rune
			r, size = utf8.DecodeRune(text[i:])
			alnum = size == 2 && (unicode.IsLetter(r) || unicode.IsNumber(r))
		default:
			_, size = utf8.DecodeRune(text[i:])
		}
		if alnum {
			if !inRun {
				runStart, inRun = i, true
			}
			i += size
			continue
		}
		if inRun {
			units = appendUnit(units, starts, text, runStart, i)
			inRun = false
		}
		units = appendUnit(units, starts, text, i, i+size)
		i += size
	}
	if inRun {
		units = appendUnit(units, starts, text, runStart, len(text))
	}
	return units
}

func appendUnit(units []gse.Text, starts *[]int, text []byte, start, end int) []gse.Text {
	if starts != nil {
		*starts = append(*starts, start)
	}
	return append(units, text[start:end:end])
}

// path segments one sentence along gse's shortest path and returns its
// tokens, in order, in sc.out (valid until the next call with sc).
func (s *Segmenter) path(sc *scratch, text []byte) []span {
	sc.out = sc.out[:0]
	if len(text) == 0 {
		return sc.out
	}
	sc.starts = sc.starts[:0]
	sc.units = splitUnits(sc.units[:0], &sc.starts, text)
	sc.starts = append(sc.starts, len(text))
	n := len(sc.units)
	sc.codes = sc.codes[:0]
	for _, u := range sc.units {
		sc.codes = append(sc.codes, s.trie.code(u))
	}
	if cap(sc.steps) < n {
		sc.steps = make([]step, n)
	}
	steps := sc.steps[:n]
	clear(steps)

	// Forward: every dictionary word starting at each unit extends the
	// best path ending just before it. The words are met shortest first,
	// as gse's LookupTokens returns them.
	for cur := range n {
		var base float32
		if cur > 0 {
			base = steps[cur-1].distance
		}
		oneUnitWord := false // gse adds the unit alone as an unknown word when no word is just that unit
		node := int32(rootNode)
		for k := cur; k < n; k++ {
			e := s.trie.step(node, sc.codes[k])
			if e.key == 0 {
				break
			}
			if e.word != noWord {
				oneUnitWord = oneUnitWord || k == cur
				relax(&steps[k], base+s.words[e.word].distance, e.word, int32(k-cur+1))
			}
			node = e.child
		}
		if !oneUnitWord {
			relax(&steps[cur], base+unknownDistance, noWord, 1)
		}
	}

	// Backward: follow the best path from the last unit, then reverse.
	for end := n - 1; end >= 0; {
		st := steps[end]
		first := end - int(st.units) + 1
		pos := "x"
		if st.word != noWord {
			pos = s.words[st.word].pos
		}
		sc.out = append(sc.out, span{start: sc.starts[first], end: sc.starts[end+1], pos: pos})
		end = first - 1
	}
	for i, j := 0, len(sc.out)-1; i < j; i, j = i+1, j-1 {
		sc.out[i], sc.out[j] = sc.out[j], sc.out[i]
	}
	return sc.out
}

// relax keeps a path ending at st if it is shorter than the one there (gse's
// updateJumper: a zero distance means no path yet).
func relax(st *step, distance float32, word, units int32) {
	if st.distance == 0 || st.distance > distance {
		*st = step{distance: distance, word: word, units: units}
	}
}
