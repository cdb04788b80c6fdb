package quantity

import (
	"errors"
	"fmt"
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
	n := numeral{start: i, scaleStart: -1, scaleMul: 1}
	var (
		total, section, pending float64
		hasPending              bool
		pendingChinese          bool // pending is one Chinese digit
		last                    = atomNone
		lastUnit                float64 // the last scale read (for 十三万五)
		lastSmall               float64 // the last small scale in this section
		prevBig                 float64 // the last big scale read
		sawScale                bool
		run                     int // consecutive Chinese digits
		pairLow, pairHigh       = -1, 0
		digits                  bool
		decimal                 bool
		arabicSeen              bool
		atoms                   int
	)
	markScale := func(p int) {
		if n.scaleStart < 0 {
			n.scaleStart = p
		}
	}
	p := i
	for p < len(s) {
		r, size := utf8.DecodeRuneInString(s[p:])
		switch {
		case r >= '0' && r <= '9':
			if hasPending || n.scaleOnly || decimal {
				goto done
			}
			v, end := readArabic(s, p)
			if atoms == 0 {
				n.arabic = true
			}
			pending, hasPending, pendingChinese = v, true, false
			digits, arabicSeen = true, true
			n.scaleStart, n.scaleMul = -1, 1
			last = atomDigit
			run = 0
			p = end
			atoms++
			// k and w after Arabic digits are scales (15k, 30w).
			if p < len(s) && (s[p] == 'k' || s[p] == 'K' || s[p] == 'w' || s[p] == 'W') &&
				(p+1 >= len(s) || !isASCIILetter(s[p+1])) {
				mul := 1e3
				if s[p] == 'w' || s[p] == 'W' {
					mul = 1e4
				}
				total += pending * mul
				pending, hasPending = 0, false
				markScale(p)
				n.scaleMul *= mul
				sawScale = true
				last = atomBig
				p++
				goto done
			}
			continue
		case isDecimalPoint(r):
			// 点 is a decimal point only in a Chinese numeral followed by a
			// Chinese digit (八点五); after Arabic digits it tells the time.
			if arabicSeen || decimal || !(hasPending || section > 0) || n.scaleOnly {
				goto done
			}
			frac, end := readChineseFraction(s, p+size)
			if end == p+size {
				goto done
			}
			if hasPending && pendingChinese && run == 1 && lastUnit >= 100 && last == atomDigit && prevAtomWasScale(s, i, p) {
				pending *= lastUnit / 10 // 两千三点一 = 2300.1
			}
			pending = section + pending + frac
			section, hasPending, pendingChinese = 0, true, false
			decimal = true
			last = atomDigit
			run = 0
			n.scaleStart, n.scaleMul = -1, 1
			p = end
			atoms++
			continue
		case r == '个' && last == atomDigit && strings.HasPrefix(s[p+size:], "亿"):
			// 3个亿: a colloquial 3亿.
			p += size
			continue
		case r == '多' || r == '余':
			// 5000多亿, 十余万: an approximation before a big scale.
			r2, _ := utf8.DecodeRuneInString(s[p+size:])
			if _, ok := bigScale(r2); !ok || n.infix || n.scaleOnly || !(last == atomDigit || last == atomSmall) {
				goto done
			}
			n.infix = true
			p += size
			continue
		case r == ' ':
			// Spaces may separate Arabic digits from a big scale (177.1 亿).
			q := p
			for q < len(s) && s[q] == ' ' && q-p < 2 {
				q++
			}
			r2, _ := utf8.DecodeRuneInString(s[q:])
			if _, ok := bigScale(r2); !ok || last != atomDigit || !arabicSeen {
				goto done
			}
			p = q
			continue
		}
		if d, ok := chineseDigit(r); ok {
			if n.scaleOnly || decimal {
				goto done
			}
			if (r == '两' || r == '兩') && (last == atomSmall || last == atomBig) && !nextIsScale(s, p+size) {
				goto done // 三十两, 两万两: 两 is the unit liang here
			}
			if d == 0 && sawScale {
				// 零 between scales is a placeholder: 一百零一.
				last = atomZero
				p += size
				atoms++
				continue
			}
			if hasPending {
				if last != atomDigit || !pendingChinese && run == 0 || sawScale {
					goto done
				}
				// A second Chinese digit: a pair (两三) or a digit string (一九九八).
				prev := int(pending)
				if opt.pairs && run == 1 && d > prev && d-prev <= 2 && prev > 0 && !nextIsChineseDigit(s, p+size) {
					pairLow, pairHigh = prev, d
					pending = float64(d)
				} else if pairLow >= 0 {
					goto done
				} else {
					pending = pending*10 + float64(d)
				}
				run++
			} else {
				pending, hasPending = float64(d), true
				run = 1
			}
			if atoms == 0 {
				n.chinese = true
			}
			pendingChinese = true
			digits = true
			last = atomDigit
			n.scaleStart, n.scaleMul = -1, 1
			p += size
			atoms++
			continue
		}
		if u, ok := smallScale(r); ok {
			if opt.startsUnit != nil && opt.startsUnit(s, p) {
				goto done
			}
			if run >= 2 && pairLow < 0 {
				goto done
			}
			if n.scaleOnly {
				goto done
			}
			if atoms == 0 && u != 10 {
				// 百, 千 without a digit: only a threshold such as 百万.
				n.scaleOnly = true
				section = u
				markScale(p)
				n.scaleMul *= u
				lastSmall, lastUnit = u, u
				sawScale = true
				last = atomSmall
				p += size
				atoms++
				continue
			}
			if lastSmall != 0 && u >= lastSmall {
				goto done
			}
			if decimal && !hasPending {
				goto done
			}
			v := 1.0
			if hasPending {
				v = pending
			} else if u != 10 {
				goto done // 百, 千 need a digit after another scale
			}
			if atoms == 0 {
				n.chinese = true
			}
			if last == atomDigit && !pendingChinese && !sawScale {
				markScale(p) // 3千万: Arabic digits take the whole scale
				n.scaleMul *= u
			}
			section += v * u
			pending, hasPending = 0, false
			lastSmall, lastUnit = u, u
			sawScale, digits = true, true
			last = atomSmall
			p += size
			atoms++
			continue
		}
		if u, ok := bigScale(r); ok {
			if run >= 2 && pairLow < 0 {
				goto done
			}
			group := section + pending
			switch {
			case group == 0 && total == 0:
				if digits {
					goto done
				}
				n.scaleOnly = true
				total = u
				prevBig = u
			case group == 0:
				if last != atomBig || u <= prevBig && !(u == 1e4 && prevBig == 1e4) {
					goto done
				}
				total *= u // 万亿, 万万
				prevBig *= u
			case prevBig == 0 || u > prevBig:
				total = (total + group) * u
				prevBig = u
			default:
				total += group * u
				prevBig = u
			}
			markScale(p)
			n.scaleMul *= u
			section, pending, hasPending = 0, 0, false
			lastSmall, lastUnit = 0, u
			sawScale = true
			last = atomBig
			p += size
			atoms++
			continue
		}
		break
	}
done:
	if atoms == 0 || (!digits && !n.scaleOnly) {
		return numeral{}, false
	}
	if last == atomZero {
		// A trailing 零 belongs to what follows, not to the numeral.
		_, size := utf8.DecodeLastRuneInString(s[:p])
		p -= size
	}
	// 十三万五, 一百二, 两千六: a last digit after a scale is a tenth of it.
	if hasPending && pendingChinese && run == 1 && lastUnit >= 100 && last == atomDigit && !decimal && prevAtomWasScale(s, i, p) {
		pending *= lastUnit / 10
	}
	n.end = p
	n.scaled = sawScale
	n.value = total + section + pending
	n.low = n.value
	if pairLow >= 0 && run == 2 {
		n.pair = true
		n.low = n.value * float64(pairLow) / float64(pairHigh)
	}
	if n.scaleStart < 0 {
		n.scaleStart, n.scaleMul = p, 1
	}
	n.scaleEnd = p
	n.digitString = run >= 2 && !sawScale && !n.pair && !decimal
	n.lone = atoms == 1 && n.chinese && run == 1
	if n.arabic && atoms == 1 && !strings.ContainsAny(s[i:p], ".,") {
		n.plainInt = p - i
	}
	return n, true
}

// prevAtomWasScale reports whether the rune before the last one of
// s[i:p] is a scale word (so that the last digit directly follows it).
func prevAtomWasScale(s string, i, p int) bool {
	_, size := utf8.DecodeLastRuneInString(s[i:p])
	r, _ := utf8.DecodeLastRuneInString(s[i : p-size])
	if _, ok := smallScale(r); ok {
		return true
	}
	_, ok := bigScale(r)
	return ok
}

// nextIsScale reports whether a scale word starts at s[p:].
func nextIsScale(s string, p int) bool {
	r, _ := utf8.DecodeRuneInString(s[p:])
	if _, ok := smallScale(r); ok {
		return true
	}
	_, ok := bigScale(r)
	return ok
}

// nextIsChineseDigit reports whether a Chinese digit starts at s[p:].
func nextIsChineseDigit(s string, p int) bool {
	r, _ := utf8.DecodeRuneInString(s[p:])
	_, ok := chineseDigit(r)
	return ok
}

// readArabic reads ASCII digits with thousands separators (1,234) and a
// decimal part (.5) at s[p:], which starts with a digit.
func readArabic(s string, p int) (float64, int) {
	var b [64]byte
	buf := b[:0]
	q := p
	for q < len(s) {
		c := s[q]
		switch {
		case c >= '0' && c <= '9':
			buf = append(buf, c)
			q++
			continue
		case c == ',' && isGroup(s[q+1:]) && !strings.Contains(string(buf), "."):
			q++
			continue
		case c == '.' && q+1 < len(s) && isDigitByte(s[q+1]) && !strings.Contains(string(buf), "."):
			buf = append(buf, c)
			q++
			continue
		}
		break
	}
	v, err := strconv.ParseFloat(string(buf), 64)
	if err != nil {
		return 0, p + 1 // cannot happen: buf holds digits and at most one point
	}
	return v, q
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
		r, size := utf8.DecodeRuneInString(s[q:])
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
