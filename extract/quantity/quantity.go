// Package quantity finds the quantities of an article: every number that
// measures something, with its scale, unit or measure word and the
// qualifiers that touch it (近100亿元, 6.5%以上, 30余家, 两年多, 6-8亿元),
// read into a value in SPEC's canonical unit.
//
// The extractor scans the folded text (full-width digits read as ASCII,
// spaces next to Chinese characters dropped: view.go) character by
// character; it does not rely on word segmentation, which splits 6.5% into
// pieces. The rules are kept apart so that each reads on its own:
//
//   - numeral.go reads a numeral (Arabic, Chinese, mixed) as a float64;
//   - tables.go lists the language: units with their canonical unit, kind
//     and factor, measure words, qualifiers, idioms that are not quantities;
//   - match.go reads a quantity at a position: numeral, unit, qualifiers,
//     range;
//   - judge.go decides what is not a quantity (years, ordinals, codes,
//     quoted slogans, lone 一 with a measure word, a duration after 前 or
//     头 that says when: 前5个月);
//   - this file scans the text and builds each govx.Quantity, normalizing
//     its value.
package quantity

import (
	"fmt"
	"math"
	"math/bits"
	"slices"
	"sort"
	"strconv"
	"sync"
	"unicode/utf8"

	"govx"
	"govx/extract"
)

// Extractor finds quantities. Build it with New; it is safe for
// concurrent use.
type Extractor struct {
	byFirst map[rune][]*unitDef // unit words by first rune, longest first
	// unitFirst has bit r set when a unit word starts with rune r (below
	// 1<<16): most runes after a number start none. The lists of byFirst
	// for those runes are unitLists, in the order of the runes: the
	// list of r is at unitRank[r>>6] plus the bits set below r in its
	// word of unitFirst.
	unitFirst *[1 << 16 / 64]uint64
	unitRank  *[1 << 16 / 64]uint16
	unitLists [][]*unitDef
	words     map[string]*unitDef // unit words by word
	lang      language            // the other tables; prefixes longest first
	// prefixesBy lists the prefix qualifiers by their last byte, longest
	// first: before most numbers no word ends.
	prefixesBy [256][]qualifierDef
	// signLead holds the first bytes of the currency signs: most numbers
	// have none before them.
	signLead [256]bool
	// suffixFirst and rangeFirst hold the first runes of the suffix
	// qualifiers (and of （含）) and of the range separators: most
	// quantities are followed by neither.
	suffixFirst, rangeFirst runeFilter
	// cueBefore holds the Chinese runes that, right before a numeral,
	// may make it no quantity: ordinalBefore, vagueBefore and the last
	// runes of the weekWords.
	cueBefore runeFilter
	// indexEnds holds the last runes of the index verbs and cues: an
	// index reading ends with one of them.
	indexEnds runeFilter
	// fixed holds the idioms and slogans by each numeral rune in them:
	// the numerals are few, and a loop over them costs less than a map.
	fixed []*fixedGroup
	opts  readOptions // how match reads a numeral
	// rangeOpts is how rangeFrom reads the second end of a range; built
	// once, as the method value in it would be allocated at each use.
	rangeOpts readOptions
	// stops has bit r set when the scan stops at rune r: a quantity may
	// start with it (mayStart) or it opens a quotation (isOpener).
	stops *[1 << 16 / 64]uint64
	// found holds *[]govx.Quantity for Extract to collect an article's
	// quantities in before it appends them to the mentions at once.
	found sync.Pool
}

var _ extract.Extractor = (*Extractor)(nil)

// fixedAt is a fixed term (an idiom, a slogan) and the byte offset of one
// of its numerals.
type fixedAt struct {
	term string
	off  int
}

// fixedGroup holds the fixed terms with one numeral rune in them.
type fixedGroup struct {
	numeral rune
	at      []fixedAt
	// next holds the runes that follow the numeral in the terms, and
	// last is set when it ends one: a term may stand at a numeral only
	// when the rune after it is in next, or when last is set.
	next runeFilter
	last bool
}

// New builds an Extractor from the tables of this package.
func New() (*Extractor, error) {
	e := &Extractor{
		byFirst:   make(map[rune][]*unitDef),
		unitFirst: new([1 << 16 / 64]uint64),
		words:     make(map[string]*unitDef),
	}
	for _, term := range fixedTerms() {
		found := false
		for off, r := range term {
			if !isNumberRune(r) {
				continue
			}
			f := e.fixedWith(r)
			if f == nil {
				f = &fixedGroup{numeral: r}
				e.fixed = append(e.fixed, f)
			}
			f.at = append(f.at, fixedAt{term: term, off: off})
			if next := off + utf8.RuneLen(r); next < len(term) {
				f.next.addFirst(term[next:])
			} else {
				f.last = true
			}
			found = true
		}
		if !found {
			return nil, fmt.Errorf("quantity: fixed term %q has no numeral", term)
		}
	}
	rules := countRules()
	for _, d := range unitTable() {
		d := d
		if r, ok := rules[d.word]; ok && d.kind == govx.KindCount {
			d.notBefore, d.needBefore = r.notBefore, r.needBefore
		}
		if d.word == "" || d.factor == 0 || d.kind == govx.KindNone {
			return nil, fmt.Errorf("quantity: unit table: bad entry %+v", d)
		}
		if _, dup := e.words[d.word]; dup {
			return nil, fmt.Errorf("quantity: unit table: %q listed twice", d.word)
		}
		e.words[d.word] = &d
		r, _ := utf8.DecodeRuneInString(d.word)
		e.byFirst[r] = append(e.byFirst[r], &d)
		if r < 1<<16 {
			e.unitFirst[r>>6] |= 1 << (r & 63)
		}
	}
	for _, list := range e.byFirst {
		sort.Slice(list, func(i, j int) bool { return len(list[i].word) > len(list[j].word) })
	}
	e.unitRank = new([1 << 16 / 64]uint16)
	for r := rune(0); r < 1<<16; r++ {
		if r&63 == 0 {
			e.unitRank[r>>6] = uint16(len(e.unitLists))
		}
		if e.unitFirst[r>>6]&(1<<(r&63)) != 0 {
			e.unitLists = append(e.unitLists, e.byFirst[r])
		}
	}
	e.lang = tables()
	sort.SliceStable(e.lang.prefixes, func(i, j int) bool { return len(e.lang.prefixes[i].word) > len(e.lang.prefixes[j].word) })
	for _, d := range e.lang.currencySigns {
		e.signLead[d.word[0]] = true
	}
	for _, d := range e.lang.suffixes {
		e.suffixFirst.addFirst(d.word)
	}
	for _, w := range e.lang.suffixIncludes {
		e.suffixFirst.addFirst(w)
	}
	for _, w := range e.lang.rangeSeparators {
		e.rangeFirst.addFirst(w)
	}
	for _, r := range ordinalBefore + vagueBefore {
		e.cueBefore.add(r)
	}
	for _, w := range slices.Concat(e.lang.indexVerbs, e.lang.indexCues) {
		if r, size := decodeLastRune(w); size > 0 {
			e.indexEnds.add(r)
		}
	}
	for _, w := range e.lang.weekWords {
		r, _ := decodeLastRune(w)
		e.cueBefore.add(r)
	}
	for _, d := range e.lang.prefixes {
		last := d.word[len(d.word)-1]
		e.prefixesBy[last] = append(e.prefixesBy[last], d)
	}
	e.opts = readOptions{pairs: true, startsUnit: e.startsScaleUnit}
	e.rangeOpts = readOptions{startsUnit: e.startsScaleUnit}
	e.found.New = func() any { return new([]govx.Quantity) }
	e.stops = new([1 << 16 / 64]uint64)
	for r := rune(0); r < 1<<16; r++ {
		if mayStart(r) || isOpener(r) {
			e.stops[r>>6] |= 1 << (r & 63)
		}
	}
	return e, nil
}

// fixedWith returns the fixed terms with numeral r in them, or nil.
func (e *Extractor) fixedWith(r rune) *fixedGroup {
	for _, f := range e.fixed {
		if f.numeral == r {
			return f
		}
	}
	return nil
}

// unitsFrom returns the unit words that start with r, longest first.
func (e *Extractor) unitsFrom(r rune) []*unitDef {
	if r >= 1<<16 {
		return e.byFirst[r]
	}
	w, bit := e.unitFirst[r>>6], uint64(1)<<(r&63)
	if w&bit == 0 {
		return nil
	}
	return e.unitLists[int(e.unitRank[r>>6])+bits.OnesCount64(w&(bit-1))]
}

// runeFilter is a filter on a few runes: it has bit r%64 set for each
// rune r of them. A rune may be one of them only when its bit is set.
type runeFilter uint64

// add sets the bit of r.
func (f *runeFilter) add(r rune) { *f |= 1 << (r & 63) }

// addFirst sets the bit of the first rune of word.
func (f *runeFilter) addFirst(word string) {
	r, _ := decodeRune(word)
	f.add(r)
}

// mayHold reports whether r may be one of the runes.
func (f runeFilter) mayHold(r rune) bool { return f&(1<<(r&63)) != 0 }

// mayStart reports whether one of the runes may start s[p:].
func (f runeFilter) mayStart(s string, p int) bool {
	if p >= len(s) {
		return false
	}
	r := rune(s[p])
	if r >= utf8.RuneSelf {
		r, _ = decodeWide(s[p:])
	}
	return f.mayHold(r)
}

// startsScaleUnit reports whether a unit whose word begins with a scale
// character (千瓦, 千克, 百分点) starts at s[i:].
func (e *Extractor) startsScaleUnit(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	for _, d := range e.unitsFrom(r) {
		if len(d.word) > utf8.RuneLen(r) && hasPrefix(s[i:], d.word) {
			return true
		}
	}
	return false
}

// Extract appends the quantities of doc to m.
func (e *Extractor) Extract(doc *extract.Doc, m *govx.Mentions) {
	v := newView(doc.Folded)
	s := v.text
	text := doc.Article.Text
	found := e.found.Get().(*[]govx.Quantity)
	defer e.found.Put(found)
	qs := (*found)[:0]
	opener := -1 // where the last quotation or title opener passed starts
	for i := 0; i < len(s); {
		// Skip the three-byte characters (most of Chinese) the scan does
		// not stop at, reading their bits in stops straight from their
		// bytes. An invalid one (overlong, a surrogate) with its bit
		// clear is skipped as well: utf8 reads each of its bytes as an
		// error, no stop either.
		for i+2 < len(s) && s[i]&0xF0 == 0xE0 && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 &&
			e.stops[int(s[i]&0x0F)<<6|int(s[i+1]&0x3F)]&(1<<(s[i+2]&0x3F)) == 0 {
			i += 3
		}
		if i == len(s) {
			break
		}
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = decodeWide(s[i:])
		}
		if r >= 1<<16 || e.stops[r>>6]&(1<<(r&63)) == 0 {
			i += size
			continue
		}
		if isOpener(r) {
			opener = i
			i += size
			continue
		}
		var c candidate
		next := e.match(s, i, opener >= i-quoteWindow, &c)
		if c.ok {
			if span := (govx.Span{Start: v.start(c.start), End: v.end(c.end)}); onBoundaries(text, span) {
				qs = append(qs, govx.Quantity{}) // its fields set in place: quicker than copying them in
				q := &qs[len(qs)-1]
				q.Span = span
				c.fill(q, &v, text)
			}
		}
		if next <= i {
			next = i + size
		}
		// The scan does not see the characters it jumps over (the one at
		// i is no opener).
		if next > i+size {
			if k := lastOpener(s, i, next); k >= 0 {
				opener = k
			}
		}
		i = next
	}
	m.Quantities = append(slices.Grow(m.Quantities, len(qs)), qs...)
	clear(qs) // let the surface units go
	*found = qs
}

// mayStart reports whether a quantity may start with r: a digit, a
// Chinese numeral or scale, a sign, a currency sign, or the first rune of
// a word quantity (对折, 半成). It keeps the scan cheap on other text.
func mayStart(r rune) bool {
	switch {
	case r >= '0' && r <= '9':
		return true
	case r < utf8.RuneSelf:
		return r == '-' || r == '$' || r == 'U' || r == 'H'
	}
	if isNumberRune(r) {
		return true
	}
	switch r {
	case '负', '負', '￥', '¥', '€', '£', '对', '半':
		return true
	}
	return false
}

// onBoundaries reports whether span s starts and ends on character
// boundaries of text (it may not when the text holds invalid UTF-8).
func onBoundaries(text string, s govx.Span) bool {
	return s.Start < s.End && utf8.RuneStart(text[s.Start]) && (s.End == len(text) || utf8.RuneStart(text[s.End]))
}

// candidate is a quantity found in the scanned view of the text.
type candidate struct {
	ok         bool
	start, end int // span in the scanned view
	value      float64
	max        float64
	hasMax     bool
	unit       govx.Unit
	kind       govx.Kind
	qualifier  govx.Qualifier
	surface    [2][2]int // ranges of the view whose original text is the surface unit
}

// fill sets the fields of q but its span from c, with the surface unit
// in the original text.
func (c *candidate) fill(q *govx.Quantity, v *view, text string) {
	q.Value = cleanValue(c.value)
	q.Unit, q.Kind, q.Qualifier = c.unit, c.kind, c.qualifier
	if c.hasMax {
		v := cleanValue(c.max)
		q.ValueMax = &v
	}
	// The surface unit is the text of its ranges; when they touch in the
	// article (亿 then 元), it is one slice of the article, not a new string.
	from, to := -1, -1 // the article text not yet added to q.SurfaceUnit
	for _, r := range c.surface {
		if r[1] <= r[0] {
			continue
		}
		start, end := v.start(r[0]), v.end(r[1])
		switch {
		case from < 0:
			from, to = start, end
		case start == to:
			to = end
		default:
			q.SurfaceUnit += text[from:to]
			from, to = start, end
		}
	}
	switch {
	case from < 0:
	case q.SurfaceUnit == "":
		q.SurfaceUnit = text[from:to]
	default:
		q.SurfaceUnit += text[from:to]
	}
}

// powersOfTen are the powers of ten that float64 holds exactly.
var powersOfTen = [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// floorLog10 is math.Floor(math.Log10(a)) for a > 0, found among the
// powers of ten when a is not within a billionth of one of them (there
// Log10 is left to decide, as its rounding may fall either side).
func floorLog10(a float64) float64 {
	for e := 0; e+1 < len(powersOfTen) && a >= 1; e++ {
		lo, hi := powersOfTen[e], powersOfTen[e+1]
		if a >= hi {
			continue
		}
		if a > lo*(1+1e-9) && a < hi*(1-1e-9) {
			return float64(e)
		}
		break
	}
	return math.Floor(math.Log10(a))
}

// cleanValue rounds away the binary noise of decimal arithmetic
// (2.58 × 1e8 = 258000000.00000003) by keeping 12 significant digits.
func cleanValue(v float64) float64 {
	if v == 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return v
	}
	// An integer under 10^12 has no noise: v×10^k below is exact.
	if math.Abs(v) < 1e12 && v == math.Trunc(v) {
		return v
	}
	// Fast path: with a power of ten exact in float64, v×10^k rounded to
	// an integer and divided back is the nearest float64 to the decimal.
	if k := 11 - floorLog10(math.Abs(v)); k >= 0 && k <= 22 {
		p := powersOfTen[int(k)]
		if r := math.Round(v * p); math.Abs(r) < 1<<53 {
			return r / p
		}
	}
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 12, 64), 64)
	if err != nil {
		return v
	}
	return r
}
