package quantity

import (
	"math"
	"strings"
	"unicode/utf8"

	"govx"
)

// This file reads a quantity at a position of the scanned text: the
// numeral, its unit, the qualifiers around it, the other end of a range.

// measure is a numeral with what follows it: its unit, an infix
// qualifier, and the extent of both.
type measure struct {
	n           numeral
	value       float64 // numeral value, plus fractions read after the unit (元角分, 秒, 半)
	unit        *unitDef
	rateUnit    govx.Unit // set for a rate (吨标准煤/万元)
	rateWritten bool      // the rate's numerator is as written (微克/立方米): no factor
	uStart      int       // the unit's range in the folded text
	uEnd        int
	end         int // end of numeral, unit and infix qualifier
	qualifier   govx.Qualifier
	currencyOf  *unitDef // a currency sign before the number ($20)
}

// match tries to read a quantity starting at s[i:] into c, which is
// zero: c.ok is left false when there is none. It returns where scanning
// goes on. nearOpener is false when no quotation or title opener starts
// in the quoteWindow bytes before i: the quantity is then not quoted.
func (e *Extractor) match(s string, i int, nearOpener bool, c *candidate) int {
	c0 := s[i]
	if c0 < utf8.RuneSelf && !isDigitByte(c0) && c0 != '-' && c0 != '$' && c0 != 'U' && c0 != 'H' {
		return i
	}
	for k := 0; k < len(e.lang.wordQuantities) && c0 >= utf8.RuneSelf; k++ {
		if w := &e.lang.wordQuantities[k]; s[i] == w.word[0] && strings.HasPrefix(s[i:], w.word) {
			end := i + len(w.word)
			*c = candidate{ok: true, start: i, end: end, value: w.value, unit: w.unit, kind: w.kind,
				qualifier: govx.QualifierExact, surface: [2][2]int{{i, end}}}
			return end
		}
	}
	start := i
	p := i
	sign := 1.0
	var sigil *unitDef
	prev, _ := decodeLastRune(s[:start])
	// A sign: 负3.9%, -22.2%, but not the dash of 1-6月.
	if c0 == '-' || c0 >= utf8.RuneSelf {
		if rest, ok := cutPrefix(s[p:], "负", "負", "-"); ok && startsNumber(rest) && !isNumberRune(prev) && !isASCIILetterRune(prev) {
			sign = -1
			p = len(s) - len(rest)
		}
	}
	for k := 0; k < len(e.lang.currencySigns) && p < len(s) && e.signLead[s[p]]; k++ {
		d := &e.lang.currencySigns[k]
		if strings.HasPrefix(s[p:], d.word) && p+len(d.word) < len(s) && isDigitByte(s[p+len(d.word)]) {
			sigil = d
			p += len(d.word)
			break
		}
	}
	var m measure // its numeral, then what follows it
	n := &m.n
	if !readNumeralInto(s, p, e.opts, n) {
		return i
	}
	skip := n.end
	// Codes and names: 5G, V8, G20.
	if isASCIILetterRune(prev) || isDigitRune(prev) || prev < utf8.RuneSelf && strings.ContainsRune(codeBefore, prev) {
		return skipNumber(s, skip)
	}
	if e.cueBefore.mayHold(prev) {
		// Ordinals 第七届, 周一, 初三; days of the week 星期三.
		if containsRune(ordinalBefore, prev) {
			return skipNumber(s, skip)
		}
		for _, w := range e.lang.weekWords {
			if strings.HasSuffix(s[:start], w) {
				return skip
			}
		}
		if n.chinese && containsRune(vagueBefore, prev) {
			return skip // 数十年, 几十万人: no number is said
		}
	}
	if s[n.start] >= utf8.RuneSelf { // the fixed terms have Chinese numerals
		r, size := decodeWide(s[n.start:])
		if f := e.fixedWith(r); f != nil && (f.last || f.next.mayHold(runeAt(s, n.start+size))) {
			for _, t := range f.at {
				if n.start >= t.off && hasPrefix(s[n.start-t.off:], t.term) {
					return n.start - t.off + len(t.term)
				}
			}
		}
	}

	if strings.HasPrefix(s[n.end:], "分之") {
		var ok bool
		if *c, ok = e.fraction(s, n); !ok {
			return n.end + len("分之")
		}
	} else {
		e.measureAt(s, prev, &m)
		m.currencyOf = sigil
		if !e.acceptable(s, &m, start) {
			return max(skip, m.end)
		}
		c.end = m.end
		c.value = m.value
		c.qualifier = m.qualifier
		e.setUnit(c, &m)
		switch r, end, ok := e.rangeFrom(s, &m); {
		case n.pair && n.value > 0:
			// 两三个, 三五百块: the numeral read the higher digit.
			c.value, c.max, c.hasMax = c.value*n.low/n.value, c.value, true
		case ok:
			*c = r // 20%—30%, 5-10亿元, 三至五年, 1万-5万元
			c.end = end
		case end > c.end && m.unit == nil:
			return end // a range of years or dates
		}
		if c.kind == govx.KindNone && !e.bare(s, n, start, c) {
			return skipNumber(s, skip)
		}
	}
	c.start = start
	c.value *= sign
	if c.hasMax {
		c.max *= sign
		if c.max < c.value {
			c.value, c.max = c.max, c.value
		}
	}
	e.qualify(s, c)
	if !finite(c.value) || c.hasMax && !finite(c.max) {
		return c.end
	}
	if nearOpener && quoted(s, start, n.end) {
		return skipNumber(s, n.end)
	}
	c.ok = true
	return c.end
}

// fraction reads a fraction whose denominator is n: 三分之一, 百分之三十,
// 千分之一, 百分之百. Its value is in percent.
func (e *Extractor) fraction(s string, n *numeral) (candidate, bool) {
	n2, ok := readNumeral(s, n.end+len("分之"), readOptions{})
	if !ok || n.value == 0 || n2.scaleOnly && n2.value != 100 {
		return candidate{}, false
	}
	c := candidate{end: n2.end, value: fractionPercent(n2.value, n.value), unit: govx.UnitPercent, kind: govx.KindPercent}
	if n.scaleOnly {
		c.surface[0] = [2]int{n.start, n.end + len("分之")} // 百分之
	} else {
		c.surface[0] = [2]int{n.end, n.end + len("分之")}
	}
	return c, true
}

// bare decides what a number without a unit measures, if anything: an
// amount in 亿 is money in this genre (投资85亿); an index reading is a
// number (总指数为99.5); an amount in 万 is a number in the unit as
// written (1600万). It sets c and reports whether the number is kept.
func (e *Extractor) bare(s string, n *numeral, start int, c *candidate) bool {
	switch {
	case n.scaleOnly:
		return false
	case n.scaleMul >= 1e8 && e.bareAmountEnds(s, n.end):
		c.kind, c.unit = govx.KindMoney, govx.UnitCNY
	case n.arabic && e.indexReading(s, start) && bareEnd(s, n.end):
		c.kind = govx.KindNumber
	case n.scaleMul >= 1e4 && e.bareAmountEnds(s, n.end):
		c.kind = govx.KindNumber
	default:
		return false
	}
	c.surface[0] = [2]int{n.scaleStart, n.scaleEnd}
	return true
}

// qualify extends c over the qualifiers written before and after it and
// sets its qualifier: a range, else the prefix (近100亿元), else the
// suffix or infix (6.5%以上, 30余家), else exact.
func (e *Extractor) qualify(s string, c *candidate) {
	pq, start := e.prefixAt(s, c.start)
	sq, end := e.suffixAt(s, c.end)
	c.start, c.end = start, end
	switch {
	case c.hasMax:
		c.qualifier = govx.QualifierRange
	case pq != govx.QualifierNone:
		c.qualifier = pq
	case sq != govx.QualifierNone:
		c.qualifier = sq
	case c.qualifier == govx.QualifierNone:
		c.qualifier = govx.QualifierExact
	}
}

// fractionPercent returns num/den in percent. A fraction whose
// denominator is not a power of ten (三分之一) does not end; it is given
// to two decimals, as the percentages it stands for are (33.33).
func fractionPercent(num, den float64) float64 {
	v := num / den * 100
	if p := math.Log10(den); p == math.Trunc(p) {
		return v
	}
	return math.Round(v*100) / 100
}

// setUnit copies the unit of m into c, with its surface ranges.
func (e *Extractor) setUnit(c *candidate, m *measure) {
	switch {
	case m.unit != nil:
		c.unit, c.kind = m.unit.unit, m.unit.kind
		c.value = m.value * m.unit.factor
		if m.rateUnit != "" {
			c.unit, c.kind = m.rateUnit, govx.KindNumber
			if m.rateWritten {
				c.value = m.value
			}
		}
		c.surface[0] = [2]int{m.n.scaleStart, m.n.scaleEnd}
		c.surface[1] = [2]int{m.uStart, m.uEnd}
	case m.currencyOf != nil:
		c.unit, c.kind = m.currencyOf.unit, m.currencyOf.kind
		c.value = m.value
		w := len(m.currencyOf.word)
		c.surface[0] = [2]int{m.n.start - w, m.n.start} // $, ￥
		c.surface[1] = [2]int{m.n.scaleStart, m.n.scaleEnd}
	}
}

// measureAt reads into m, which holds only its numeral, what follows the
// numeral: spaces, an infix qualifier (30余家), the unit, the fractions of
// a yuan, a rate's denominator. prev is the rune before the numeral.
func (e *Extractor) measureAt(s string, prev rune, m *measure) {
	n := &m.n
	m.value, m.end = n.value, n.end
	if n.infix {
		m.qualifier = govx.QualifierAtLeast // 5000多亿元
	}
	p := n.end
	for k := 0; k < 2 && p < len(s) && s[p] == ' '; k++ {
		p++
	}
	// 30余家, 100多亩, 3亿余元.
	for _, w := range e.lang.infixes {
		if hasPrefix(s[p:], w) && e.unitWord(s, p+len(w), prev) != nil {
			m.qualifier = govx.QualifierAtLeast
			p += len(w)
		}
	}
	if e.splitUnit(s, p, m) {
		return
	}
	u := e.unitWord(s, p, prev)
	if u == nil {
		return
	}
	m.unit = u
	m.uStart, m.uEnd = p, p+len(u.word)
	if u.word == "折" && n.digitString {
		m.value /= 10 // 五五折 is 5.5折
	}
	p = e.valueTail(s, m.uEnd, m)
	p = e.rate(s, p, m)
	p = e.alternative(s, p, m)
	// 两年多, 七成多: 多 or 余 after a duration or 成.
	if (u.kind == govx.KindDuration || u.word == "成") && m.qualifier == govx.QualifierNone {
		if rest, ok := cutPrefix(s[p:], e.lang.infixes...); ok {
			m.qualifier = govx.QualifierAtLeast
			p = len(s) - len(rest)
		}
	}
	m.end = p
}

// splitUnit reads a unit written with 个 that has 多, 余 or 半 inside it
// (5个多小时, 三个多月, 两个半月) at s[p:] into m.
func (e *Extractor) splitUnit(s string, p int, m *measure) bool {
	rest, ok := strings.CutPrefix(s[p:], "个")
	if !ok {
		return false
	}
	for _, w := range [...]string{"多", "余", "半"} {
		if !strings.HasPrefix(rest, w) {
			continue
		}
		q := p + len("个") + len(w)
		d := e.splitGe(s, q)
		if d == nil {
			continue
		}
		if w == "半" {
			m.value += 0.5
		} else {
			m.qualifier = govx.QualifierAtLeast
		}
		m.unit = d
		m.uStart, m.uEnd = q, q+len(d.word)-len("个")
		m.end = m.uEnd
		return true
	}
	return false
}

// valueTail reads what adds to the value right after the unit at s[p:]:
// the 角 and 分 of a yuan (50元6角3分, 十块三毛, 壹拾壹元整), the
// hundredths of a race time (6秒59), a half (两米半, 三成半, 两年半).
func (e *Extractor) valueTail(s string, p int, m *measure) int {
	u := m.unit
	switch {
	case u.word == "元" || u.word == "圆" || u.word == "块":
		if frac, end := yuanTail(s, p, e.lang.yuanParts); end > p {
			m.value += frac
			p = end
			if u.word == "块" {
				m.unit = e.words["块钱"] // 块 with 毛 is money, not a measure word
			}
		}
		if u.word != "块" {
			if rest, ok := cutPrefix(s[p:], e.lang.yuanEnds...); ok {
				p = len(s) - len(rest)
			}
		}
	case u.word == "秒" && p+2 <= len(s) && isDigitByte(s[p]) && isDigitByte(s[p+1]) && (p+2 == len(s) || !isDigitByte(s[p+2])):
		m.value += float64(s[p]-'0')/10 + float64(s[p+1]-'0')/100
		p += 2
	case strings.HasPrefix(s[p:], "半") && !strings.ContainsRune("年月天小个", runeAt(s, p+len("半"))) &&
		(u.kind == govx.KindLength || u.kind == govx.KindMass || u.kind == govx.KindPercent || u.kind == govx.KindDuration):
		m.value += 0.5
		p += len("半")
	}
	return p
}

// rate reads the denominator of a rate at s[p:] (1.0439吨标准煤/万元,
// 3000元/吨, 5万元/人) into m. The numerator is canonical when that
// changes no value (吨标准煤 → t); otherwise the rate keeps its written
// form (微克/立方米).
func (e *Extractor) rate(s string, p int, m *measure) int {
	if p >= len(s) || s[p] != '/' {
		return p
	}
	q := p + 1
	for q < len(s) {
		r, size := decodeRune(s[q:])
		if _, ok := bigScale(r); !ok {
			break
		}
		q += size
	}
	d := e.unitWord(s, q, 0)
	if d == nil {
		return p
	}
	num := m.unit.unit
	if m.unit.factor != 1 {
		num = govx.Unit(s[m.uStart:p])
		m.rateWritten = true
	}
	m.rateUnit = num + "/" + govx.Unit(s[p+1:q+len(d.word)])
	m.uEnd = q + len(d.word)
	return m.uEnd
}

// alternative reads an alternative measure word in brackets after a
// count's (32.8万台（套）) at s[p:] into the unit's span.
func (e *Extractor) alternative(s string, p int, m *measure) int {
	if m.unit.kind != govx.KindCount {
		return p
	}
	for _, br := range [][2]string{{"（", "）"}, {"(", ")"}} {
		if !strings.HasPrefix(s[p:], br[0]) {
			continue
		}
		q := p + len(br[0])
		if d := e.unitWord(s, q, 0); d != nil && d.kind == govx.KindCount && strings.HasPrefix(s[q+len(d.word):], br[1]) {
			m.uEnd = q + len(d.word) + len(br[1])
			return m.uEnd
		}
	}
	return p
}

// splitGe returns the unit written with 个 (个月, 个小时) whose word
// without 个 starts at s[q:] (三个多月: 月 after 个多), or nil.
func (e *Extractor) splitGe(s string, q int) *unitDef {
	for _, d := range e.byFirst['个'] {
		if rest := d.word[len("个"):]; rest != "" && d.kind != govx.KindCount && hasPrefix(s[q:], rest) {
			return d
		}
	}
	return nil
}

// unitWord returns the unit word at s[p:], longest first, or nil. prev is
// the rune before the number (for words that need one, 分三期).
func (e *Extractor) unitWord(s string, p int, prev rune) *unitDef {
	if p >= len(s) {
		return nil
	}
	r := rune(s[p])
	if r >= utf8.RuneSelf {
		r, _ = decodeWide(s[p:])
	}
	for _, d := range e.unitsFrom(r) {
		if !hasPrefix(s[p:], d.word) {
			continue
		}
		end := p + len(d.word)
		if d.word[0] < utf8.RuneSelf && d.word[0] != '%' && end < len(s) && (isASCIILetter(s[end]) || isDigitByte(s[end])) {
			continue // km in kmh, m in mm; t in the word tons
		}
		if d.notBefore != "" {
			if next := runeAt(s, end); next != 0 && containsRune(d.notBefore, next) {
				continue
			}
		}
		if d.needBefore != "" && (prev == 0 || !containsRune(d.needBefore, prev)) {
			continue
		}
		if prev != 0 && containsRune(d.notAfter, prev) {
			continue
		}
		return d
	}
	return nil
}

// rangeFrom reads the second end of a range after m (20%—30%, 6-8亿元).
// It returns the range candidate and its end; when the text after the
// separator is a year or a date, it returns false and the end of it so
// that scanning skips it.
func (e *Extractor) rangeFrom(s string, m *measure) (candidate, int, bool) {
	p := m.end
	if !e.rangeFirst.mayStart(s, p) {
		return candidate{}, p, false
	}
	rest, ok := cutPrefix(s[p:], e.lang.rangeSeparators...)
	if !ok {
		return candidate{}, p, false
	}
	q := len(s) - len(rest)
	var m2 measure
	n2 := &m2.n
	if !readNumeralInto(s, q, e.rangeOpts, n2) || n2.scaleOnly || n2.pair {
		return candidate{}, p, false
	}
	e.measureAt(s, 0, &m2)
	if m2.unit != nil && m2.unit.word == "年" && (looksLikeYear(n2) || looksLikeYear(&m.n)) {
		return candidate{}, m2.end, false
	}
	if m2.unit == nil || !e.acceptable(s, &m2, q) {
		return candidate{}, p, false
	}
	if m.unit != nil && (m.unit.unit != m2.unit.unit || m.rateUnit != m2.rateUnit) {
		return candidate{}, p, false
	}
	lo := m.value
	if m.unit == nil && !m.n.scaled && n2.scaleMul > 1 {
		lo *= n2.scaleMul // 6-8亿元, 两到三万港元
	}
	var c candidate
	e.setUnit(&c, &m2)
	hi := c.value
	c.value = lo * m2.unit.factor
	if m.unit != nil {
		c.value = m.value * m.unit.factor
	}
	if hi < c.value {
		return candidate{}, p, false
	}
	c.max, c.hasMax = hi, true
	c.qualifier = govx.QualifierRange
	return c, m2.end, true
}

// prefixAt returns the qualifier written right before start, and where the
// span starts with it.
func (e *Extractor) prefixAt(s string, start int) (govx.Qualifier, int) {
	if start == 0 {
		return govx.QualifierNone, start
	}
	for _, d := range e.prefixesBy[s[start-1]] {
		if !strings.HasSuffix(s[:start], d.word) {
			continue
		}
		b := start - len(d.word)
		if r, _ := decodeLastRune(s[:b]); d.notAfter != "" && containsRune(d.notAfter, r) {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(s[start:]); d.scaleOnly && !containsRune(scaleRunes, r) {
			continue
		}
		return d.q, b
	}
	return govx.QualifierNone, start
}

// suffixAt returns the qualifier written right after end (an optional
// (含) may come between: 50万元（含）以上), and where the span ends with it.
func (e *Extractor) suffixAt(s string, end int) (govx.Qualifier, int) {
	p := end
	if !e.suffixFirst.mayStart(s, p) {
		return govx.QualifierNone, end
	}
	if rest, ok := cutPrefix(s[p:], e.lang.suffixIncludes...); ok {
		p = len(s) - len(rest)
	}
	for _, d := range e.lang.suffixes {
		if !hasPrefix(s[p:], d.word) {
			continue
		}
		q := p + len(d.word)
		if r := runeAt(s, q); r != 0 && containsRune(d.notBefore, r) {
			continue
		}
		return d.q, q
	}
	return govx.QualifierNone, end
}

// yuanTail reads the 角 and 分 after 元 (50元6角3分), returning them in yuan.
func yuanTail(s string, p int, parts []yuanPart) (float64, int) {
	var frac float64
	q := p
	for _, part := range parts {
		r, size := decodeRune(s[q:])
		d, ok := chineseDigit(r)
		if r >= '0' && r <= '9' {
			d, ok, size = int(r-'0'), true, 1
		}
		if !ok || !hasPrefix(s[q+size:], part.word) {
			continue
		}
		frac += float64(d) * part.factor
		q += size + len(part.word)
	}
	return frac, q
}
