package normalize

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Folded is a text in which full-width digits, Latin letters and number
// punctuation are replaced by their ASCII forms, with the alignment back to
// the text it came from. Extractors scan Folded.Text with ASCII patterns and
// report spans in the original with Orig.
type Folded struct {
	Text string
	// folds are the offsets in Text of the folded characters, in order.
	// Each was three bytes in the original (every foldable character is)
	// and is one byte in Text.
	folds []int32
}

// Orig maps a byte offset in f.Text (0 ≤ i ≤ len(f.Text)) to the offset in
// the original text. The end of a folded character maps to the end of the
// original character, so a span [i, j) maps to [Orig(i), Orig(j)).
func (f Folded) Orig(i int) int {
	before, _ := slices.BinarySearch(f.folds, int32(i)) // folded characters before i
	return i + 2*before
}

// Fold returns text with full-width forms read as ASCII:
//
//   - digits ０-９ and Latin letters Ａ-Ｚ ａ-ｚ;
//   - the number punctuation ％ ． ＋ － ／ ～ and the ideographic space;
//   - a full-width comma between digits when exactly three digits follow it
//     (82，225.00), which is a thousands separator there and a clause
//     separator everywhere else.
//
// Other Chinese punctuation (，。、：) is left alone. When nothing needs
// folding, Fold returns text itself and costs one scan.
func Fold(text string) Folded {
	first := firstFoldable(text)
	if first < 0 {
		return Folded{Text: text}
	}
	var b strings.Builder
	b.Grow(len(text))
	var folds []int32
	copied := 0 // text[:copied] is in b
	for i := first; i < len(text); {
		if !mayFold(text[i]) {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if a, ok := foldRune(text, i, r, size); ok {
			b.WriteString(text[copied:i])
			folds = append(folds, int32(b.Len()))
			b.WriteByte(a)
			copied = i + size
		}
		i += size
	}
	b.WriteString(text[copied:])
	return Folded{Text: b.String(), folds: folds}
}

// mayFold reports whether a character that starts with byte c may be
// folded: every foldable character is U+3000 or in U+FF00–U+FFEF, which
// start with these lead bytes (never a continuation byte).
func mayFold(c byte) bool { return c == 0xE3 || c == 0xEF }

// firstFoldable returns the offset of the first rune Fold would change, or -1.
func firstFoldable(text string) int {
	for i := 0; i < len(text); {
		if !mayFold(text[i]) {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if _, ok := foldRune(text, i, r, size); ok {
			return i
		}
		i += size
	}
	return -1
}

// foldRune returns the ASCII byte that rune r at text[i:i+size] reads as.
func foldRune(text string, i int, r rune, size int) (byte, bool) {
	switch {
	case r < utf8.RuneSelf:
		return 0, false
	case r >= '０' && r <= '９', r >= 'Ａ' && r <= 'Ｚ', r >= 'ａ' && r <= 'ｚ':
		return byte(r - 0xFEE0), true
	}
	switch r {
	case '％', '．', '＋', '－', '／', '～':
		return byte(r - 0xFEE0), true
	case '\u3000':
		return ' ', true
	case '，':
		if isDigitBefore(text, i) && isThousandsGroup(text[i+size:]) {
			return ',', true
		}
	}
	return 0, false
}

// isDigitBefore reports whether the rune ending at text[i] is a digit,
// ASCII or full-width.
func isDigitBefore(text string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return isDigit(r)
}

// isThousandsGroup reports whether s starts with exactly three digits.
func isThousandsGroup(s string) bool {
	n := 0
	for _, r := range s {
		if !isDigit(r) {
			break
		}
		n++
		if n > 3 {
			return false
		}
	}
	return n == 3
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }
