package indicator

// Matching the word tables against text.

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"govx"
)

// growthBefore reports whether head ends with a growth verb (after the
// fillers 了, 达到, 分别 …), with the verb's offset in head and its sign.
func (e *Extractor) growthBefore(head string) (int, float64, bool) {
	s := head
	for changed := true; changed; {
		changed = false
		if !e.fillerEnds.mayEnd(s) {
			break
		}
		for _, f := range e.fillers {
			if hasSuffix(s, f) {
				s, changed = s[:len(s)-len(f)], true
			}
		}
	}
	for _, g := range e.growthTail.ending(s) {
		if hasSuffix(s, g) {
			return len(s) - len(g), e.growthSign[g], true
		}
	}
	return 0, 0, false
}

// isGrowthVerb reports whether s is a growth verb and nothing else.
func (e *Extractor) isGrowthVerb(s string) bool {
	for _, g := range e.growthTail.ending(s) {
		if s == g {
			return true
		}
	}
	return false
}

// isJoiner reports whether s only joins two figures of a list.
func (e *Extractor) isJoiner(s string) bool {
	for _, j := range e.joiners {
		if s == j {
			return true
		}
	}
	return false
}

// isThreshold reports whether the clause text right before a figure makes
// it a threshold: 位于50%以上, 都位于50%以上.
func (e *Extractor) isThreshold(before string) bool {
	s := strings.TrimRight(before, " ")
	if !e.thresholdEnds.mayEnd(s) && !e.adverbEnds.mayEnd(s) {
		return false // most figures: no adverb to trim, and no threshold word
	}
	for _, w := range thresholdAdverbs {
		s = strings.TrimSuffix(s, w)
	}
	if !e.thresholdEnds.mayEnd(s) {
		return false
	}
	for _, w := range e.threshold {
		if hasSuffix(s, w) {
			return true
		}
	}
	return false
}

// skipUnit reports whether u counts phases or batches.
func (e *Extractor) skipUnit(u govx.Unit) bool {
	if !e.skipUnitEnds.mayEnd(string(u)) {
		return false // most units: the last byte tells
	}
	for _, s := range skipUnits {
		if u == s {
			return true
		}
	}
	return false
}

// isAgency reports whether an organization name is a reporting body.
func (e *Extractor) isAgency(name string) bool {
	if !e.agencyEnds.mayEnd(name) {
		return false
	}
	for _, w := range e.agencies {
		if hasSuffix(name, w) {
			return true
		}
	}
	return false
}

// endSet holds the last bytes of the words of a list: a string that ends
// in none of them ends in none of the words. Most strings are ruled out so,
// without a test of each word.
type endSet struct {
	last  [4]uint64
	empty bool // the list has the empty word, which ends every string
}

func endsOf(words []string) endSet {
	var s endSet
	for _, w := range words {
		if w == "" {
			s.empty = true
			continue
		}
		c := w[len(w)-1]
		s.last[c>>6] |= 1 << (c & 63)
	}
	return s
}

// mayEnd reports whether str may end with a word of the list.
func (s *endSet) mayEnd(str string) bool {
	if s.empty {
		return true
	}
	n := len(str)
	return n > 0 && s.last[str[n-1]>>6]&(1<<(str[n-1]&63)) != 0
}

func hasPrefixAny(s string, words []string) bool {
	for _, w := range words {
		if hasPrefix(s, w) {
			return true
		}
	}
	return false
}

func hasSuffixAny(s string, words []string) bool {
	for _, w := range words {
		if hasSuffix(s, w) {
			return true
		}
	}
	return false
}

// cutSuffixAny returns s without the first of words it ends with, and
// whether it ends with one.
func cutSuffixAny(s string, words []string) (string, bool) {
	for _, w := range words {
		if before, ok := strings.CutSuffix(s, w); ok {
			return before, true
		}
	}
	return s, false
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// hasSuffix is strings.HasSuffix, comparing the last bytes first: the
// words of a table mostly differ from the text there, and the test runs
// for every word of a table.
func hasSuffix(s, w string) bool {
	n := len(w)
	return n == 0 || len(s) >= n && s[len(s)-1] == w[n-1] && s[len(s)-n:] == w
}

// hasPrefix is strings.HasPrefix, comparing the word's last byte first.
func hasPrefix(s, w string) bool {
	n := len(w)
	return n == 0 || len(s) >= n && s[n-1] == w[n-1] && s[:n] == w
}

// trimSpace is strings.TrimSpace, quick when the bytes at the ends of s
// tell that it neither starts nor ends with a space, as most clauses
// (and figures) do.
func trimSpace(s string) string {
	if s == "" || !spaceAtStart(s) && !spaceAtEnd(s) {
		return s
	}
	return strings.TrimSpace(s)
}

// spaceAtStart reports whether s (not empty) may start with a space
// (unicode.IsSpace): an ASCII space, U+0085, U+00A0, U+1680,
// U+2000–U+205F or U+3000. When it reports false, s does not.
func spaceAtStart(s string) bool {
	switch s[0] {
	case '\t', '\n', '\v', '\f', '\r', ' ':
		return true
	case 0xC2, 0xE1, 0xE2:
		return true
	case 0xE3: // U+3000 is E3 80 80; 、 and 。 are E3 80 81 and E3 80 82
		return len(s) < 3 || s[1] == 0x80 && s[2] == 0x80
	}
	return false
}

// spaceAtEnd reports whether s (not empty) may end with a space. When it
// reports false, s does not (TestSpaceBytes checks every space).
func spaceAtEnd(s string) bool {
	n := len(s)
	switch c := s[n-1]; {
	case c < utf8.RuneSelf:
		return c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' || c == ' '
	case n >= 2 && s[n-2] == 0xC2:
		return true // U+0085, U+00A0
	case n >= 3 && s[n-3] == 0xE1:
		return true // U+1680
	case n >= 3 && s[n-3] == 0xE2: // U+2000–U+200A, U+2028, U+2029, U+202F, U+205F; not ” (E2 80 9D)
		return s[n-2] == 0x80 && (c <= 0x8A || c == 0xA8 || c == 0xA9 || c == 0xAF) || s[n-2] == 0x81 && c == 0x9F
	case n >= 3 && s[n-3] == 0xE3:
		return s[n-2] == 0x80 && c == 0x80 // U+3000
	}
	return false
}

// hasRunes reports whether s has n runes or more, counting them only when
// its length in bytes does not tell.
func hasRunes(s string, n int) bool {
	switch {
	case len(s) < n: // a rune has a byte at least
		return false
	case len(s) >= n*utf8.UTFMax: // and at most utf8.UTFMax
		return true
	}
	return runeCount(s) >= n
}

// runeCount is utf8.RuneCountInString, quick for Chinese: a character of
// three bytes whose lead byte is E1–EC or EE–EF (never overlong, never a
// surrogate) is counted without being decoded.
func runeCount(s string) int {
	n := 0
	for i := 0; i < len(s); n++ {
		switch c := s[i]; {
		case c < utf8.RuneSelf:
			i++
		case c >= 0xE1 && c <= 0xEF && c != 0xED && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
			i += 3
		default:
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
		}
	}
	return n
}

// lastIndex is strings.LastIndex, quicker when w is absent: a name is
// searched for many words, and most are not in it.
func lastIndex(s, w string) int {
	if strings.Index(s, w) < 0 {
		return -1
	}
	return strings.LastIndex(s, w)
}

// lastRune returns the last rune of s, or 0.
func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// lastRunes returns the last n runes of s.
func lastRunes(s string, n int) string {
	i := len(s)
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}

// hasLetter reports whether s has a letter or an ideograph.
func hasLetter(s string) bool {
	// Quick: a character of U+5000–U+8FFF (lead byte E5–E8) is an
	// ideograph, and so a letter.
	for i := 0; i+2 < len(s); i++ {
		if s[i] >= 0xE5 && s[i] <= 0xE8 && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			return true
		}
	}
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// trimSuffixAny returns s without the longest of words it ends with.
func trimSuffixAny(s string, words []string) string {
	longest := ""
	for _, w := range words {
		if hasSuffix(s, w) && len(w) > len(longest) {
			longest = w
		}
	}
	return s[:len(s)-len(longest)]
}

// isClauseSep reports whether r ends a clause: one of clauseSeps, tested
// with a switch because it runs for every character (TestClauseSeps keeps
// the two in step).
func isClauseSep(r rune) bool {
	switch r {
	case '，', ',', '；', ';', '：', ':', '。', '！', '？', '!', '?', '（', '）', '(', ')', '\n':
		return true
	}
	return false
}
