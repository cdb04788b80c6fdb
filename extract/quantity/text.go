package quantity

import (
	"math"
	"unicode/utf8"
)

// Small helpers on the scanned text.

// startsNumber reports whether s starts with a digit or Chinese numeral.
func startsNumber(s string) bool {
	r, _ := decodeRune(s)
	return isNumberRune(r)
}

// isNumberRune reports whether r is a digit, Chinese or Arabic, or a
// Chinese scale word.
func isNumberRune(r rune) bool {
	if r >= '0' && r <= '9' {
		return true
	}
	if _, ok := chineseDigit(r); ok {
		return true
	}
	if _, ok := smallScale(r); ok {
		return true
	}
	_, ok := bigScale(r)
	return ok
}

func isDigitRune(r rune) bool { return r >= '0' && r <= '9' }

func isASCIILetterRune(r rune) bool { return r < utf8.RuneSelf && isASCIILetter(byte(r)) }

// runeAt returns the rune at s[p:], or 0 at the end.
func runeAt(s string, p int) rune {
	if p >= len(s) {
		return 0
	}
	r, _ := decodeRune(s[p:])
	return r
}

// decodeRune is utf8.DecodeRuneInString, quicker on ASCII, which the
// compiler decodes inline at the call, and on the three-byte characters
// of Chinese (decodeWide).
func decodeRune(s string) (rune, int) {
	if len(s) > 0 && s[0] < utf8.RuneSelf {
		return rune(s[0]), 1
	}
	return decodeWide(s)
}

// decodeWide is decodeRune for a character that is not ASCII: inline for
// the three-byte characters of Chinese, with utf8 for the rest.
func decodeWide(s string) (rune, int) {
	if len(s) >= 3 && s[0]&0xF0 == 0xE0 && s[1]&0xC0 == 0x80 && s[2]&0xC0 == 0x80 {
		r := rune(s[0]&0x0F)<<12 | rune(s[1]&0x3F)<<6 | rune(s[2]&0x3F)
		if r >= 0x800 && (r < 0xD800 || r > 0xDFFF) { // not overlong, not a surrogate
			return r, 3
		}
	}
	return utf8.DecodeRuneInString(s)
}

// decodeLastRune is utf8.DecodeLastRuneInString, quicker on the
// three-byte characters of Chinese, which it decodes inline.
func decodeLastRune(s string) (rune, int) {
	if n := len(s); n >= 3 && s[n-3]&0xF0 == 0xE0 && s[n-2]&0xC0 == 0x80 && s[n-1]&0xC0 == 0x80 {
		r := rune(s[n-3]&0x0F)<<12 | rune(s[n-2]&0x3F)<<6 | rune(s[n-1]&0x3F)
		if r >= 0x800 && (r < 0xD800 || r > 0xDFFF) { // not overlong, not a surrogate
			return r, 3
		}
	}
	return utf8.DecodeLastRuneInString(s)
}

// hasPrefix is strings.HasPrefix, quicker on the words of the tables: it
// compares the last byte of prefix first, as the first byte of a Chinese
// character is shared by thousands of others and the last one is not.
func hasPrefix(s, prefix string) bool {
	n := len(prefix)
	return len(s) >= n && (n == 0 || s[n-1] == prefix[n-1]) && s[:n] == prefix
}

// containsRune is strings.ContainsRune for a set of a few runes: a loop
// over them costs less than the substring search ContainsRune makes for a
// rune that is not ASCII.
func containsRune(set string, r rune) bool {
	for _, c := range set {
		if c == r {
			return true
		}
	}
	return false
}

// cutPrefix returns s without the first of prefixes it starts with.
func cutPrefix(s string, prefixes ...string) (string, bool) {
	for _, p := range prefixes {
		if hasPrefix(s, p) {
			return s[len(p):], true
		}
	}
	return s, false
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
