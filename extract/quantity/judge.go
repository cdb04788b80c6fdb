package quantity

import (
	"math"
	"strings"
	"unicode"

	"govx"
)

// This file holds the judgments of what is not a quantity, or not one
// by itself: years, lone 一 with a measure word, codes, quoted slogans,
// and when a number without a unit still measures something.

// acceptable applies the rules of what a numeral with its unit is not:
// a year (2023年), a lone 一 with a measure word (一个好项目, 一批), a
// scale word alone that is no money threshold (百亿级, 千万).
func (e *Extractor) acceptable(s string, m *measure, start int) bool {
	n := &m.n
	if m.unit == nil {
		return !n.scaleOnly || m.currencyOf != nil
	}
	u := m.unit
	switch {
	case n.scaleOnly && (u.kind == govx.KindCount || u.kind == govx.KindMoney):
		// A scale word alone is a threshold only with a qualifier:
		// 亿元以上, 近万名, 超亿元; 亿元项目 and 万元GDP are tiers.
		pq, _ := e.prefixAt(s, start)
		sq, _ := e.suffixAt(s, m.end)
		return pq != govx.QualifierNone || sq != govx.QualifierNone
	case n.scaleOnly:
		return false
	case n.lone && u.kind == govx.KindCount && strings.HasPrefix(s[n.start:], "二"):
		// A count of two is written 两 (两次, 两家); a lone 二 with a measure
		// word is an ordinal (二次会议, 二期).
		return false
	case n.lone && !n.pair && n.value == 1 && (u.kind == govx.KindCount || u.kind == govx.KindDuration):
		// 一个好项目, 一批, 过去一年, 关键一年 are words; a count (not a
		// duration) of one stands at the end of its clause (新增孵化器一家。).
		return u.kind == govx.KindCount && clauseEnds(s, m.end)
	case n.lone && n.value == 0:
		return false // 零部件, 零售
	case u.word == "年" && (looksLikeYear(n) || e.dateFollows(s, m.uEnd)):
		return false
	case n.digitString && u.kind != govx.KindPercent:
		return false
	case u.word == "折" && m.value >= 10:
		return false // a discount is under 十折
	case u.kind == govx.KindDuration && e.opensPeriod(s[:start]):
		return false // 前5个月 is a period
	}
	return true
}

// opensPeriod reports whether before ends with a period opener (前, 头)
// that is not the end of another word (提前, 之前).
func (e *Extractor) opensPeriod(before string) bool {
	for _, o := range e.lang.periodOpeners {
		if rest, ok := strings.CutSuffix(before, o.word); ok {
			r, _ := decodeLastRune(rest)
			return !strings.ContainsRune(o.notAfter, r)
		}
	}
	return false
}

// clauseEnds reports whether a clause ends at s[p:]: a stop, a comma, a
// line break or the end of the text (not the 、 of a list of words).
func clauseEnds(s string, p int) bool {
	switch runeAt(s, p) {
	case 0, '\n', '。', '，', '；', '！', '？', '：', ',', ';', '!', '?':
		return true
	}
	return false
}

// looksLikeYear reports whether n followed by 年 is a year: 2023, 两千,
// 一九九八, 07.
func looksLikeYear(n *numeral) bool {
	switch {
	case n.digitString, n.plainInt > 4:
		return true
	case n.plainInt == 2 && n.value < 10:
		return true // 07年
	}
	return n.value >= 1000 && n.value <= 2200 && n.value == math.Trunc(n.value)
}

// dateFollows reports whether a month follows 年 at s[p:] (康熙三年五月,
// 98年4月): the number before 年 is then a year.
func (e *Extractor) dateFollows(s string, p int) bool {
	n, ok := readNumeral(s, p, readOptions{})
	return ok && strings.HasPrefix(s[n.end:], "月")
}

// indexReading reports whether the number at start follows an index
// word: 总指数为99.5, PMI为52.4.
func (e *Extractor) indexReading(s string, start int) bool {
	before := s[:start]
	if r, _ := decodeLastRune(before); !e.indexEnds.mayHold(r) {
		return false
	}
	for _, v := range e.lang.indexVerbs {
		if !strings.HasSuffix(before, v) {
			continue
		}
		b := before[:len(before)-len(v)]
		for _, cue := range e.lang.indexCues {
			if strings.HasSuffix(b, cue) {
				return true
			}
		}
	}
	return false
}

// bareAmountEnds reports whether an amount in 万 or 亿 without a unit
// ends at s[p:]: anything may follow (投资85亿开工) but a word that starts
// like a unit (14亿人口) or makes the amount a tier (百亿级).
func (e *Extractor) bareAmountEnds(s string, p int) bool {
	r := runeAt(s, p)
	if r == '级' || r == '多' || r == '余' || r == '%' || r == '.' || isDigitRune(r) || isASCIILetterRune(r) {
		return false
	}
	return len(e.unitsFrom(r)) == 0
}

// bareEnd reports whether a number without a unit ends at s[p:]: the next
// character is punctuation, a space, the end, or 的.
func bareEnd(s string, p int) bool {
	r := runeAt(s, p)
	if r == 0 || r == '的' {
		return true
	}
	return !unicode.Is(unicode.Han, r) && !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '.' && r != '%'
}

// quoted reports whether the numeral s[start:end] stands inside a short
// quotation or a title (“136”, “四种形态”, 《…八条举措》): a slogan or a
// name, not a measurement.
func quoted(s string, start, end int) bool {
	const reach = 12 // runes
	if !hasOpener(s[max(0, start-quoteWindow):start]) {
		return false
	}
	open := rune(0)
	for k, p := 0, start; k < titleReach && p > 0; k++ {
		r, size := decodeLastRune(s[:p])
		if r == '《' || (r == '“' || r == '「') && k < reach {
			open = r
			break
		}
		switch r {
		case '”', '》', '」', '。', '！', '？', '；', '\n':
			return false
		}
		p -= size
	}
	if open == 0 {
		return false
	}
	closer := '”'
	switch open {
	case '《':
		closer = '》'
	case '「':
		closer = '」'
	}
	limit := reach
	if open == '《' {
		limit = titleReach
	}
	for k, p := 0, end; k < limit && p < len(s); k++ {
		r, size := decodeRune(s[p:])
		if r == closer {
			return true
		}
		switch r {
		case '“', '《', '「', '。', '！', '？', '；', '\n':
			return false
		}
		p += size
	}
	return false
}

// titleReach is how far, in runes, a title's opener (《) may stand
// before a numeral it quotes and its closer after it.
const titleReach = 40

// quoteWindow is how far, in bytes, quoted looks back for an opener.
const quoteWindow = titleReach * 3

// isOpener reports whether r opens a quotation or a title: “, 《 or 「.
func isOpener(r rune) bool { return r == '“' || r == '《' || r == '「' }

// lastOpener returns where the last quotation or title opener that
// starts in s[i:j] starts, or -1. The openers have 0x80 as their middle
// byte; s[i:j] is short (what a match jumped over), so a loop over its
// bytes costs less than IndexByte.
func lastOpener(s string, i, j int) int {
	last := -1
	for p := i + 1; p <= j && p+1 < len(s); p++ {
		if s[p] == 0x80 && isOpener(runeAt(s, p-1)) {
			last = p - 1
		}
	}
	return last
}

// hasOpener reports whether s holds a mark that opens a quotation or a
// title: “, 《 or 「. The three are written with 0x80 as their middle byte
// (U+201C, U+300A, U+300C), so the search goes from one 0x80 to the next.
func hasOpener(s string) bool {
	for i := 1; i+1 < len(s); i++ {
		k := strings.IndexByte(s[i:len(s)-1], 0x80)
		if k < 0 {
			return false
		}
		i += k
		switch s[i-1 : i+2] {
		case "“", "《", "「":
			return true
		}
	}
	return false
}

// skipNumber moves past the rest of a number or code (5G, 346国道) so that
// its tail is not read as a number of its own.
func skipNumber(s string, p int) int {
	if p == 0 || !(isDigitByte(s[p-1]) || isASCIILetter(s[p-1])) {
		return p
	}
	for p < len(s) && (isDigitByte(s[p]) || isASCIILetter(s[p]) || s[p] == '.') {
		p++
	}
	return p
}
