package quantity

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"govx/normalize"
)

// This file is the numeral parser: it reads Arabic numbers (with
// thousands separators and decimals), Chinese numbers (小写 and 大写, with
// 两 and 〇), and their mixtures (2.58亿, 5亿1万4千6百, 200亿零四千230) as
// float64. It knows nothing of units; the extractor decides what a number
// measures.

// chineseDigit returns the value of a Chinese digit, simplified,
// traditional or financial (大写).
func chineseDigit(r rune) (int, bool) {
	switch r {
	case '零', '〇':
		return 0, true
	case '一', '壹':
		return 1, true
	case '二', '两', '贰', '貳', '兩':
		return 2, true
	case '三', '叁', '參':
		return 3, true
	case '四', '肆':
		return 4, true
	case '五', '伍':
		return 5, true
	case '六', '陆', '陸':
		return 6, true
	case '七', '柒':
		return 7, true
	case '八', '捌':
		return 8, true
	case '九', '玖':
		return 9, true
	}
	return 0, false
}

// smallScale returns the value of a scale word inside a section of four
// digits: 十 百 千 and their 大写 forms.
func smallScale(r rune) (float64, bool) {
	switch r {
	case '十', '拾':
		return 10, true
	case '百', '佰':
		return 100, true
	case '千', '仟':
		return 1000, true
	}
	return 0, false
}

// bigScale returns the value of a scale word that multiplies whole
// sections: 万 and 亿 (万亿 is read as 万 then 亿).
func bigScale(r rune) (float64, bool) {
	switch r {
	case '万', '萬':
		return 1e4, true
	case '亿', '億':
		return 1e8, true
	}
	return 0, false
}

// isDecimalPoint reports whether r is the Chinese decimal point 点.
func isDecimalPoint(r rune) bool { return r == '点' || r == '點' }

// numeral is a number read from a text by readNumeral.
type numeral struct {
	start, end int     // byte offsets of the numeral in the text
	value      float64 // the number, scales applied
	low        float64 // for a pair of digits (两三, 三五百): the lower value; else = value

	pair        bool // two neighbouring Chinese digits read as a range (两三个)
	infix       bool // 多 or 余 stands before the last scale (5000多亿): at least
	scaled      bool // has a scale word anywhere (5亿1万, 两万四千)
	scaleOnly   bool // scale words without a digit (亿, 百万): a threshold
	arabic      bool // starts with Arabic digits
	chinese     bool // starts with a Chinese digit or 十
	digitString bool // two or more Chinese digits and no scale (一九九八)
	lone        bool // a single Chinese digit and nothing else (一, 两)
	plainInt    int  // number of digits when the numeral is a plain Arabic integer, else 0

	scaleStart int // the trailing scale words: s[scaleStart:scaleEnd] (empty when none)
	scaleEnd   int
	scaleMul   float64 // the product of the trailing scale words (1 when none)
}

// atom kinds, for the reader's memory of what it read last.
const (
	atomNone = iota
	atomDigit
	atomZero
	atomSmall
	atomBig
)

// readOptions tune readNumeral for its two users.
type readOptions struct {
	// pairs reads two neighbouring rising Chinese digits as a range
	// (两三个 = 2 to 3); without it they are a digit string (一二 = 12).
	pairs bool
	// startsUnit reports whether a unit word starts at s[i:] (千瓦,
	// 千克); the reader then leaves a scale character to the unit.
	startsUnit func(s string, i int) bool
}

// readNumeral reads the longest numeral that starts at s[i:] in a folded
// text (ASCII digits). It returns false when none starts there.
func readNumeral(s string, i int, opt readOptions) (numeral, bool) {
	var n numeral
	if !readNumeralInto(s, i, opt, &n) {
		return numeral{}, false
	}
	return n, true
}

// readNumeralInto is readNumeral into *n, for the callers that keep the
// numeral in a larger struct: it saves copying it there. *n is not
// defined when it returns false.
func readNumeralInto(s string, i int, opt readOptions, n *numeral) bool {
	if i < len(s) && isDigitByte(s[i]) {
		// Most numerals are Arabic digits alone (2023, 15.6): read them
		// without the reader when nothing after them may go on.
		if v, end, plain := readArabic(s, i); !arabicGoesOn(s, end) {
			// The fields set in place: quicker than copying a literal in.
			*n = numeral{}
			n.start, n.end, n.value, n.low, n.arabic = i, end, v, v, true
			n.scaleStart, n.scaleEnd, n.scaleMul = end, end, 1
			if plain {
				n.plainInt = end - i
			}
			return true
		}
	}
	// The reader keeps the numeral in itself, not in *n: it gives its
	// text to opt.startsUnit, which would make n escape.
	// Its fields are set in place, as those of n above.
	var r numeralReader
	r.s, r.opt, r.pairLow = s, opt, -1
	r.n.start, r.n.scaleStart, r.n.scaleMul = i, -1, 1
	p := i
	for p < len(s) && !r.closed {
		next, ok := r.step(p)
		if !ok {
			break
		}
		p = next
		r.atoms++
	}
	return r.finish(p, n)
}

// arabicGoesOn reports whether a numeral whose Arabic digits end at
// s[end:] may go on there: a scale (2.58亿, 3千万, 15k), 个亿, 多 or 余
// before a scale, spaces before a scale. It may say true when the reader
// then stops; never false when the reader goes on.
func arabicGoesOn(s string, end int) bool {
	if end >= len(s) {
		return false
	}
	switch c := s[end]; {
	case c == ' ' || c == 'k' || c == 'K' || c == 'w' || c == 'W':
		return true
	case c < utf8.RuneSelf:
		return false
	}
	switch r, _ := decodeRune(s[end:]); r {
	case '个', '多', '余':
		return true
	default:
		return isScale(r)
	}
}

// numeralReader is the state of readNumeral. A numeral is read atom by
// atom (a digit or an Arabic number, a small scale 十百千, a big scale
// 万亿, 零, a decimal point); the value so far is total + section +
// pending, where section is the group of four digits being read and
// pending the last digit, not yet multiplied by its scale.
type numeralReader struct {
	s   string
	opt readOptions
	n   numeral

	total, section, pending float64
	hasPending              bool
	pendingChinese          bool    // pending is one Chinese digit
	last                    int     // the kind of atom read last
	lastUnit                float64 // the last scale read (for 十三万五)
	lastSmall               float64 // the last small scale of this section
	prevBig                 float64 // the last big scale read
	sawScale                bool
	digits                  bool // a digit was read (十 counts as one)
	decimal                 bool // a Chinese decimal point was read
	arabicSeen              bool
	run                     int // consecutive Chinese digits
	pairLow, pairHigh       int // 两三: the two digits of a pair; pairLow < 0 when none
	atoms                   int
	closed                  bool // the numeral ends after the atom just read (15k)
}

// step reads the atom at p and returns the offset after it; false when
// the numeral ends before p.
func (r *numeralReader) step(p int) (int, bool) {
	c, size := rune(r.s[p]), 1
	if c >= utf8.RuneSelf {
		c, size = decodeWide(r.s[p:])
	}
	switch {
	case c >= '0' && c <= '9':
		return r.arabic(p)
	case isDecimalPoint(c):
		return r.point(p, size)
	case c == '个' && r.last == atomDigit && strings.HasPrefix(r.s[p+size:], "亿"):
		return p + size, true // 3个亿: a colloquial 3亿
	case c == '多' || c == '余':
		return r.infix(p, size)
	case c == ' ':
		return r.space(p)
	}
	if d, ok := chineseDigit(c); ok {
		return r.chineseDigit(p, size, c, d)
	}
	if u, ok := smallScale(c); ok {
		return r.small(p, size, u)
	}
	if u, ok := bigScale(c); ok {
		return r.big(p, size, u)
	}
	return p, false
}

func (r *numeralReader) markScale(p int) {
	if r.n.scaleStart < 0 {
		r.n.scaleStart = p
	}
}

// digitRead records that a digit (Chinese or Arabic) was read: the scale
// words after the numeral's last digit are its trailing scale.
func (r *numeralReader) digitRead() {
	r.digits = true
	r.last = atomDigit
	r.n.scaleStart, r.n.scaleMul = -1, 1
}

// arabic reads Arabic digits, and a k or w scale right after them (15k,
// 30w), which ends the numeral.
func (r *numeralReader) arabic(p int) (int, bool) {
	if r.hasPending || r.n.scaleOnly || r.decimal {
		return p, false
	}
	v, end, _ := readArabic(r.s, p)
	if r.atoms == 0 {
		r.n.arabic = true
	}
	r.pending, r.hasPending, r.pendingChinese = v, true, false
	r.arabicSeen = true
	r.run = 0
	r.digitRead()
	s := r.s
	if end < len(s) && (s[end] == 'k' || s[end] == 'K' || s[end] == 'w' || s[end] == 'W') &&
		(end+1 >= len(s) || !isASCIILetter(s[end+1])) {
		mul := 1e3
		if s[end] == 'w' || s[end] == 'W' {
			mul = 1e4
		}
		r.total += r.pending * mul
		r.pending, r.hasPending = 0, false
		r.markScale(end)
		r.n.scaleMul *= mul
		r.sawScale = true
		r.last = atomBig
		r.closed = true
		return end + 1, true
	}
	return end, true
}

// point reads a Chinese decimal point and the digits after it (八点五).
// After Arabic digits 点 tells the time (9点半) and ends the numeral.
func (r *numeralReader) point(p, size int) (int, bool) {
	if r.arabicSeen || r.decimal || !(r.hasPending || r.section > 0) || r.n.scaleOnly {
		return p, false
	}
	frac, end := readChineseFraction(r.s, p+size)
	if end == p+size {
		return p, false
	}
	if r.abbreviated(p) {
		r.pending *= r.lastUnit / 10 // 两千三点一 = 2300.1
	}
	r.pending = r.section + r.pending + frac
	r.section, r.hasPending, r.pendingChinese = 0, true, false
	r.decimal = true
	r.run = 0
	r.digitRead()
	return end, true
}

// infix reads 多 or 余 before a big scale: 5000多亿, 十余万 (at least).
func (r *numeralReader) infix(p, size int) (int, bool) {
	next, _ := decodeRune(r.s[p+size:])
	if _, ok := bigScale(next); !ok || r.n.infix || r.n.scaleOnly || !(r.last == atomDigit || r.last == atomSmall) {
		return p, false
	}
	r.n.infix = true
	return p + size, true
}

// space reads up to two spaces between Arabic digits and a big scale
// (177.1 亿).
func (r *numeralReader) space(p int) (int, bool) {
	q := p
	for q < len(r.s) && r.s[q] == ' ' && q-p < 2 {
		q++
	}
	next, _ := decodeRune(r.s[q:])
	if _, ok := bigScale(next); !ok || r.last != atomDigit || !r.arabicSeen {
		return p, false
	}
	return q, true
}

// chineseDigit reads a Chinese digit d (written c): a new digit, 零 as a
// placeholder (一百零一), the second digit of a pair (两三) or of a digit
// string (一九九八).
func (r *numeralReader) chineseDigit(p, size int, c rune, d int) (int, bool) {
	if r.n.scaleOnly || r.decimal {
		return p, false
	}
	if (c == '两' || c == '兩') && (r.last == atomSmall || r.last == atomBig) && !nextIsScale(r.s, p+size) {
		return p, false // 三十两, 两万两: 两 is the unit liang here
	}
	if d == 0 && r.sawScale {
		r.last = atomZero
		return p + size, true
	}
	if r.hasPending {
		if r.last != atomDigit || !r.pendingChinese && r.run == 0 || r.sawScale {
			return p, false
		}
		prev := int(r.pending)
		switch {
		case r.opt.pairs && r.run == 1 && d > prev && d-prev <= 2 && prev > 0 && !nextIsChineseDigit(r.s, p+size):
			r.pairLow, r.pairHigh = prev, d
			r.pending = float64(d)
		case r.pairLow >= 0:
			return p, false
		default:
			r.pending = r.pending*10 + float64(d)
		}
		r.run++
	} else {
		r.pending, r.hasPending = float64(d), true
		r.run = 1
	}
	if r.atoms == 0 {
		r.n.chinese = true
	}
	r.pendingChinese = true
	r.digitRead()
	return p + size, true
}

// small reads 十, 百 or 千 (value u), which multiplies the pending digit
// into the section. 百 and 千 without a digit start a threshold (百万).
func (r *numeralReader) small(p, size int, u float64) (int, bool) {
	switch {
	case r.opt.startsUnit != nil && r.opt.startsUnit(r.s, p):
		return p, false // 千瓦, 千克: the unit's, not a scale
	case r.run >= 2 && r.pairLow < 0, r.n.scaleOnly:
		return p, false
	case r.atoms == 0 && u != 10:
		r.n.scaleOnly = true
		r.section = u
		r.markScale(p)
		r.n.scaleMul *= u
		r.lastSmall, r.lastUnit = u, u
		r.sawScale = true
		r.last = atomSmall
		return p + size, true
	case r.lastSmall != 0 && u >= r.lastSmall, r.decimal && !r.hasPending:
		return p, false // 十一十二
	}
	v := 1.0
	if r.hasPending {
		v = r.pending
	} else if u != 10 {
		return p, false // 百, 千 need a digit after another scale
	}
	if r.atoms == 0 {
		r.n.chinese = true
	}
	if r.last == atomDigit && !r.pendingChinese && !r.sawScale {
		r.markScale(p) // 3千万: Arabic digits take the whole scale
		r.n.scaleMul *= u
	}
	r.section += v * u
	r.pending, r.hasPending = 0, false
	r.lastSmall, r.lastUnit = u, u
	r.sawScale, r.digits = true, true
	r.last = atomSmall
	return p + size, true
}

// big reads 万 or 亿 (value u), which multiplies the section, or the whole
// number read so far when it is larger than the scales before it (1.2万亿,
// 1万5千亿).
func (r *numeralReader) big(p, size int, u float64) (int, bool) {
	if r.run >= 2 && r.pairLow < 0 {
		return p, false
	}
	group := r.section + r.pending
	switch {
	case group == 0 && r.total == 0:
		if r.digits {
			return p, false
		}
		r.n.scaleOnly = true // 亿元以上
		r.total = u
		r.prevBig = u
	case group == 0:
		if r.last != atomBig || u <= r.prevBig && !(u == 1e4 && r.prevBig == 1e4) {
			return p, false
		}
		r.total *= u // 万亿, 万万
		r.prevBig *= u
	case r.prevBig == 0 || u > r.prevBig:
		r.total = (r.total + group) * u
		r.prevBig = u
	default:
		r.total += group * u // 5亿1万
		r.prevBig = u
	}
	r.markScale(p)
	r.n.scaleMul *= u
	r.section, r.pending, r.hasPending = 0, 0, false
	r.lastSmall, r.lastUnit = 0, u
	r.sawScale = true
	r.last = atomBig
	return p + size, true
}

// abbreviated reports whether the pending digit, which ends at p, is the
// abbreviated last digit of 十三万五, 一百二, 两千六: a tenth of the scale
// right before it.
func (r *numeralReader) abbreviated(p int) bool {
	return r.hasPending && r.pendingChinese && r.run == 1 && r.lastUnit >= 100 &&
		r.last == atomDigit && prevAtomWasScale(r.s, r.n.start, p)
}

// finish completes the numeral read, which ends at p, into n.
func (r *numeralReader) finish(p int, n *numeral) bool {
	if r.atoms == 0 || (!r.digits && !r.n.scaleOnly) {
		return false
	}
	*n = r.n
	if r.last == atomZero {
		// A trailing 零 belongs to what follows, not to the numeral.
		_, size := decodeLastRune(r.s[:p])
		p -= size
	}
	if !r.decimal && r.abbreviated(p) {
		r.pending *= r.lastUnit / 10
	}
	n.end = p
	n.scaled = r.sawScale
	n.value = r.total + r.section + r.pending
	n.low = n.value
	if r.pairLow >= 0 && r.run == 2 {
		n.pair = true
		n.low = n.value * float64(r.pairLow) / float64(r.pairHigh)
	}
	if n.scaleStart < 0 {
		n.scaleStart, n.scaleMul = p, 1
	}
	n.scaleEnd = p
	n.digitString = r.run >= 2 && !r.sawScale && !n.pair && !r.decimal
	n.lone = r.atoms == 1 && n.chinese && r.run == 1
	if n.arabic && r.atoms == 1 && strings.IndexByte(r.s[n.start:p], '.') < 0 && strings.IndexByte(r.s[n.start:p], ',') < 0 {
		n.plainInt = p - n.start
	}
	return true
}

// prevAtomWasScale reports whether the rune before the last one of
// s[i:p] is a scale word (so that the last digit directly follows it).
func prevAtomWasScale(s string, i, p int) bool {
	_, size := decodeLastRune(s[i:p])
	r, _ := decodeLastRune(s[i : p-size])
	if _, ok := smallScale(r); ok {
		return true
	}
	_, ok := bigScale(r)
	return ok
}

// nextIsScale reports whether a scale word starts at s[p:].
func nextIsScale(s string, p int) bool {
	r, _ := decodeRune(s[p:])
	return isScale(r)
}

// isScale reports whether r is a scale word.
func isScale(r rune) bool {
	if _, ok := smallScale(r); ok {
		return true
	}
	_, ok := bigScale(r)
	return ok
}

// nextIsChineseDigit reports whether a Chinese digit starts at s[p:].
func nextIsChineseDigit(s string, p int) bool {
	r, _ := decodeRune(s[p:])
	_, ok := chineseDigit(r)
	return ok
}

// readArabic reads ASCII digits with thousands separators (1,234) and a
// decimal part (.5) at s[p:], which starts with a digit. plain reports
// whether it read digits only.
func readArabic(s string, p int) (v float64, end int, plain bool) {
	var mantissa uint64   // the digits as an integer, while there are 15 or fewer
	digits, frac := 0, -1 // frac counts the digits after the point, -1 before it
	q := p
	for q < len(s) {
		c := s[q]
		switch {
		case c >= '0' && c <= '9':
			mantissa = mantissa*10 + uint64(c-'0')
			digits++
			if frac >= 0 {
				frac++
			}
			q++
			continue
		case c == ',' && frac < 0 && isGroup(s[q+1:]):
			q++
			continue
		case c == '.' && frac < 0 && q+1 < len(s) && isDigitByte(s[q+1]):
			frac = 0
			q++
			continue
		}
		break
	}
	plain = digits == q-p
	if v, ok := shortDecimal(mantissa, digits, frac); ok {
		return v, q, plain
	}
	buf := make([]byte, 0, 64)
	for k := p; k < q; k++ {
		if s[k] != ',' {
			buf = append(buf, s[k])
		}
	}
	v, err := strconv.ParseFloat(string(buf), 64)
	if err != nil {
		return 0, p + 1, true // a number too large for a float64: its first digit
	}
	return v, q, plain
}

// shortDecimal returns the number whose digits, point left out, are
// mantissa, with frac digits after the point (-1 when it has none), when
// it has 15 digits or fewer (most numbers in news): the digits as an
// integer and the power of ten are exact in a float64, so one division
// gives the correctly rounded value, the one strconv.ParseFloat returns.
func shortDecimal(mantissa uint64, digits, frac int) (float64, bool) {
	if digits > 15 {
		return 0, false
	}
	if frac <= 0 {
		return float64(mantissa), true
	}
	return float64(mantissa) / math.Pow10(frac), true
}

// isGroup reports whether s starts with exactly three digits, the group
// after a thousands separator.
func isGroup(s string) bool {
	if len(s) < 3 || !isDigitByte(s[0]) || !isDigitByte(s[1]) || !isDigitByte(s[2]) {
		return false
	}
	return len(s) == 3 || !isDigitByte(s[3])
}

// readChineseFraction reads the Chinese digits after a decimal point and
// returns them as a fraction (五 → 0.5).
func readChineseFraction(s string, p int) (float64, int) {
	var b strings.Builder
	b.WriteString("0.")
	q := p
	for q < len(s) {
		r, size := decodeRune(s[q:])
		d, ok := chineseDigit(r)
		if !ok {
			break
		}
		b.WriteByte(byte('0' + d))
		q += size
	}
	if q == p {
		return 0, p
	}
	v, _ := strconv.ParseFloat(b.String(), 64)
	return v, q
}

func isDigitByte(c byte) bool   { return c >= '0' && c <= '9' }
func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// ErrNotNumeral is returned by ParseNumeral for text that is not a numeral.
var ErrNotNumeral = errors.New("not a numeral")

// ParseNumeral parses s, all of it, as a number: Arabic (1,234.5, full
// width １２０), Chinese (一百二十三, 两千零五, 壹仟, 二〇〇二), or mixed
// (2.58亿, 5亿1万4千6百), with an optional sign (负, -). Two Chinese digits
// side by side are a digit string (一七二零 = 1720).
func ParseNumeral(s string) (float64, error) {
	t := normalize.Fold(strings.TrimSpace(s)).Text
	sign := 1.0
	switch {
	case strings.HasPrefix(t, "负"):
		sign, t = -1, t[len("负"):]
	case strings.HasPrefix(t, "-"):
		sign, t = -1, t[1:]
	}
	n, ok := readNumeral(t, 0, readOptions{})
	if !ok || n.end != len(t) || n.scaleOnly {
		return 0, fmt.Errorf("parse numeral %q: %w", s, ErrNotNumeral)
	}
	return sign * n.value, nil
}
