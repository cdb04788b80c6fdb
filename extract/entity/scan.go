package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"govx"
	"govx/extract"
)

// scan is the state of one Extract call: the text, its tokens indexed by
// byte, and the candidates found so far.
type scan struct {
	x     *Extractor
	t     *tables
	text  string
	toks  []govx.Token
	tokAt []int32 // tokAt[b]: 1 + the index of the token covering byte b, 0 for none (see tokIndex)
	// known[b] is true where a gazetteer name or division covers byte b: a
	// proper-name signal for the suffix rules.
	known  []bool
	blocks []govx.Span // generic words that hide the names inside them (中国式)
	cands  []cand
	weGuo  int // occurrences of 我国: votes for 中国 as the region
	// matches is a buffer for the words the tries find at one position.
	matches []match
	// The text decoded once for the scans that visit every rune: rs[k]
	// is its k-th rune (utf8.RuneError for a stray byte), starting at
	// byte ro[k]; ro[len(rs)] is len(text).
	rs []rune
	ro []int32
	// ri[b] is the index in rs of the rune that starts at byte b, for the
	// bytes where a rune starts (and len(text)); other entries are stale.
	ri []int32
	// suffixSpots are the indexes in rs, in order, of the runes that may
	// open a suffix (a suffix of one rune, or the first two runes of a
	// longer one), personSpots of those that may open a title, a byline
	// (their first two runes) or a byline in parentheses: the scans of
	// suffixes and people look there only.
	suffixSpots, personSpots []int32
	// lexSpots are the indexes in rs where a word of the gazetteer may
	// start: the rune and the next are in Extractor.lexPairs (every word
	// has two runes or more).
	lexSpots []int32
	// ownToks holds the tokens of a text that comes without them.
	ownToks []govx.Token
	// tokClass holds the classes of each token, looked up on first use.
	tokClass []wordClass
	// dengs are the tokens 等 (lists), names the tokens tagged as names
	// (people), in order.
	dengs, names []int32
	// Buffers of gazetteer, resolve and propagate.
	hits      []gazHit
	mentioned map[string]bool
	taken     []bool
	chosen    []cand
	keys      []uint64 // sort keys of resolve and inTextOrder
	sorted    []cand
	owner     []int32
	byText    map[string]bool
	aliases   []alias
	order     []int32
	words     []string
	dead      []bool
	occ       [][]int
	occHeads  []int32
	occNext   []int32
	occPairs  []uint64
	occFirsts []uint64
	groups    map[string]regionGroup
	// Buffers of people, shortForms and gazetteer.
	found     []govx.Span
	shorts    []string
	placeEnds []int
	fits      []form
}

// wordClass is a set of the lists of data/words.tsv a word is on, with
// other facts about a token that the rules ask again and again.
type wordClass uint8

const (
	wordStop wordClass = 1 << iota
	wordGeneric
	wordTitle
	wordAfter
	wordPunct      // punctuation or space only (isPunct)
	wordProperTag  // tagged as a proper name (properTags)
	wordStopTag    // tagged as a word that never stands inside a name (stopTags)
	wordClassKnown // the classes of the token have been looked up
)

// class returns the classes of token k.
func (s *scan) class(k int32) wordClass {
	c := s.tokClass[k]
	if c&wordClassKnown == 0 {
		tk := &s.toks[k]
		w := s.text[tk.Start:tk.End]
		c = wordClassKnown
		r := s.firstRuneOf(tk.Start, tk.End)
		if s.t.classShapes.has(r, rune(len(w))) {
			c |= s.t.classes[w]
		}
		if !isCommonHan(r) && isPunct(w) {
			c |= wordPunct
		}
		if key, ok := tagKey(tk.Pos); ok {
			c |= s.t.tagClasses.get(key)
		}
		s.tokClass[k] = c
	}
	return c
}

// classAt returns the classes of the token that starts at byte b, 0 when
// none does.
func (s *scan) classAt(b int) wordClass {
	if b < 0 || b >= len(s.text) || s.tokIndex(b) < 0 || s.toks[s.tokIndex(b)].Start != b {
		return 0
	}
	return s.class(s.tokIndex(b))
}

// properTags are the part-of-speech tags of proper names.
var properTags = map[string]bool{"ns": true, "nr": true, "nrt": true, "nrfg": true, "nz": true, "nt": true, "j": true, "eng": true}

// newScan prepares the scan of doc. It reuses the buffers of a finished
// scan (see done).
func newScan(x *Extractor, doc *extract.Doc) *scan {
	text := doc.Article.Text
	s, _ := x.scans.Get().(*scan)
	if s == nil {
		s = &scan{}
	}
	// done left the buffers only in s.
	s.x, s.t, s.text, s.toks = x, x.t, text, doc.Tokens
	s.blocks, s.cands, s.matches, s.ownToks = s.blocks[:0], s.cands[:0], s.matches[:0], s.ownToks[:0]
	if len(s.toks) == 0 {
		// No segmenter: every rune is a token of unknown tag.
		for i := 0; i < len(text); {
			r, size := utf8.DecodeRuneInString(text[i:])
			i += size
			if unicode.IsSpace(r) {
				continue
			}
			s.ownToks = append(s.ownToks, govx.Token{
				Span:     govx.Span{Start: i - size, End: i},
				Sentence: doc.SentenceAt(i - size),
				Pos:      "x",
			})
		}
		s.toks = s.ownToks
	}
	s.tokAt = resize(s.tokAt, len(text)+1)
	clear(s.tokAt)
	dengs, names := s.dengs[:0], s.names[:0]
	for k := range s.toks {
		tk := &s.toks[k]
		if tk.Pos == "nr" || tk.Pos == "nrfg" {
			names = append(names, int32(k))
		}
		if tk.Start < 0 || tk.End > len(text) || tk.Start >= tk.End {
			continue
		}
		// The first byte first: a third of the tokens are of one rune,
		// few open with the byte of 等.
		if text[tk.Start] == "等"[0] && text[tk.Start:tk.End] == "等" {
			dengs = append(dengs, int32(k))
		}
		at := s.tokAt[tk.Start:tk.End]
		for b := range at {
			at[b] = int32(k) + 1
		}
	}
	s.dengs, s.names = dengs, names
	s.tokClass = resize(s.tokClass, len(s.toks))
	clear(s.tokClass)
	s.known = resize(s.known, len(text))
	clear(s.known)
	// A text has at most as many runes as bytes.
	rs, ro, ri := resize(s.rs, len(text)), resize(s.ro, len(text)+1), resize(s.ri, len(text)+1)
	// The spots are written branch-free: at every rune each list gets
	// an entry, kept (its length moved on) only where the rune is a spot.
	suffixSpots, lexSpots := resize(s.suffixSpots, len(text)+1), resize(s.lexSpots, len(text)+1)
	n, nSuffix, nLex, personSpots := 0, 0, 0, s.personSpots[:0]
	prev, prevKind := rune(-1), runeKind(0)
	for i, size := 0, 0; i < len(text); i += size {
		// Decoded as range decodes, the three-byte runes of Chinese here
		// (not E0 or ED, which open overlong forms and surrogates).
		r := rune(text[i])
		size = 1
		if r >= utf8.RuneSelf {
			if c := threeBytes(text, i); c&0xF0C0C0 == 0xE08080 && c>>16 != 0xE0 && c>>16 != 0xED {
				r, size = rune(c>>4&0xF000|c>>2&0xFC0|c&0x3F), 3
			} else {
				r, size = utf8.DecodeRuneInString(text[i:])
			}
		}
		rs[n], ro[n], ri[i] = r, int32(i), int32(n)
		kind := x.kinds.of(r)
		// The words of two runes or more that may start at the previous
		// rune, then the suffixes of one rune and the parentheses here.
		pairs := (prevKind & kindHeads) << secondShift & kind
		h := pairHash(prev, r, 32)
		// A suffix of two runes or more, unless a suffix of one rune already.
		suffixSpots[nSuffix] = int32(n - 1)
		nSuffix += int(pairs>>kindSuffixSecondBit&^(prevKind>>kindSuffixBit)&1) & x.suffixPairs.bit(h)
		lexSpots[nLex] = int32(n - 1)
		nLex += int(pairs>>kindLexSecondBit&1) & x.lexPairs.bit(h)
		if pairs&kindPersonSecond != 0 && x.personPairs.hasHash(h) {
			personSpots = append(personSpots, int32(n-1))
		}
		suffixSpots[nSuffix] = int32(n)
		nSuffix += int(kind >> kindSuffixBit & 1)
		if kind&kindParen != 0 {
			personSpots = append(personSpots, int32(n))
		}
		prev, prevKind = r, kind
		n++
	}
	suffixSpots, lexSpots = suffixSpots[:nSuffix], lexSpots[:nLex]
	s.suffixSpots, s.personSpots, s.lexSpots = suffixSpots, personSpots, lexSpots
	ro[n], ri[len(text)] = int32(len(text)), int32(n)
	s.rs, s.ro, s.ri = rs[:n], ro[:n+1], ri
	return s
}

// threeBytes returns the three bytes of text from i as a number, or 0
// when the text ends before.
func threeBytes(text string, i int) uint32 {
	if i+2 >= len(text) {
		return 0
	}
	return uint32(text[i])<<16 | uint32(text[i+1])<<8 | uint32(text[i+2])
}

// maxPooledText is the longest text whose scan buffers are kept for the
// next scan, in bytes: a huge article does not hold its memory after it.
const maxPooledText = 1 << 18

// done hands the buffers of s to the next scan.
func (s *scan) done() {
	x := s.x
	if len(s.text) > maxPooledText {
		return
	}
	*s = scan{tokAt: s.tokAt, known: s.known, blocks: s.blocks, cands: s.cands, matches: s.matches,
		rs: s.rs, ro: s.ro, ri: s.ri, suffixSpots: s.suffixSpots, personSpots: s.personSpots, lexSpots: s.lexSpots, ownToks: s.ownToks, tokClass: s.tokClass,
		dengs: s.dengs, names: s.names,
		hits: s.hits, mentioned: s.mentioned, taken: s.taken, chosen: s.chosen,
		keys: s.keys, sorted: s.sorted, owner: s.owner, byText: s.byText, aliases: s.aliases, order: s.order, words: s.words, dead: s.dead, occ: s.occ,
		occHeads: s.occHeads, occNext: s.occNext, occPairs: s.occPairs, occFirsts: s.occFirsts, groups: s.groups,
		found: s.found, shorts: s.shorts, placeEnds: s.placeEnds, fits: s.fits}
	x.scans.Put(s)
}

// resize returns buf with length n, reallocated when it is too short.
func resize[T any](buf []T, n int) []T {
	if cap(buf) < n {
		return make([]T, n)
	}
	return buf[:n]
}

// wordsAt returns the words of t that start at byte i, shortest first, in
// s.matches.
func (s *scan) wordsAt(t *trie, i int) []match {
	if s.runeStart(i) {
		s.matches = t.atRune(s, int(s.ri[i]), s.matches[:0])
	} else {
		s.matches = t.at(s.text, i, s.matches[:0])
	}
	return s.matches
}

// stray reports whether the k-th rune of the text is a stray byte.
func (s *scan) stray(k int) bool { return s.rs[k] == utf8.RuneError && s.ro[k+1]-s.ro[k] == 1 }

// tokIndex returns the index of the token covering byte b, -1 for none.
func (s *scan) tokIndex(b int) int32 { return s.tokAt[b] - 1 }

// tok returns the token covering byte b, or nil.
func (s *scan) tok(b int) *govx.Token {
	if b < 0 || b >= len(s.text) || s.tokIndex(b) < 0 {
		return nil
	}
	return &s.toks[s.tokIndex(b)]
}

// aligned reports whether byte offset b falls between two tokens (or at
// the text's ends, or next to a space).
func (s *scan) aligned(b int) bool {
	if b <= 0 || b >= len(s.text) {
		return true
	}
	return s.tokIndex(b) < 0 || s.tokIndex(b-1) < 0 || s.tokIndex(b) != s.tokIndex(b-1)
}

// tokenText returns the text of the token that starts at b, or "".
func (s *scan) tokenText(b int) string {
	tk := s.tok(b)
	if tk == nil || tk.Start != b {
		return ""
	}
	return s.text[tk.Start:tk.End]
}

// sentence returns the sentence index of the token covering b, -1 for none.
func (s *scan) sentence(b int) int {
	if tk := s.tok(b); tk != nil {
		return tk.Sentence
	}
	return -1
}

// runes returns the number of runes of text[i:j].
func (s *scan) runes(i, j int) int {
	if s.runeStart(i) && s.runeStart(j) {
		return int(s.ri[j] - s.ri[i])
	}
	return utf8.RuneCountInString(s.text[i:j])
}

// runeStart reports whether a rune of the text starts at byte b, or b is
// its end.
func (s *scan) runeStart(b int) bool {
	if b < 0 || b >= len(s.ri) {
		return false
	}
	k := int(s.ri[b])
	return k < len(s.ro) && int(s.ro[k]) == b
}

// firstRuneOf returns the first rune of text[i:j] (utf8.RuneError when
// there is none), read from the decoded text when it can be.
func (s *scan) firstRuneOf(i, j int) rune {
	if i < j && s.runeStart(i) {
		if k := s.ri[i]; int(s.ro[k+1]) <= j {
			return s.rs[k]
		}
	}
	return firstRune(s.text[i:j])
}

// add records a candidate.
func (s *scan) add(c cand) {
	if c.Start < 0 || c.End > len(s.text) || c.Start >= c.End {
		return
	}
	s.cands = append(s.cands, c)
}

// blocked reports whether sp lies inside a generic word that hides names.
func (s *scan) blocked(sp govx.Span) bool {
	for _, b := range s.blocks {
		if b.Contains(sp) && b != sp {
			return true
		}
	}
	return false
}

// isHan reports whether r is a CJK ideograph.
func isHan(r rune) bool {
	switch {
	case isCommonHan(r):
		return true
	case r < firstHan:
		return false
	}
	return unicode.Is(unicode.Han, r)
}

// The block of the common CJK ideographs, all of them Han, and the first
// Han rune of Unicode: the fast paths of isHan.
const (
	firstCommonHan = 0x4E00
	lastCommonHan  = 0x9FFF
	firstHan       = 0x2E80
)

func isCommonHan(r rune) bool { return r >= firstCommonHan && r <= lastCommonHan }

// isPunct reports whether w is punctuation or space.
func isPunct(w string) bool {
	for _, r := range w {
		if isCommonHan(r) {
			return false
		}
		if !unicode.IsPunct(r) && !unicode.IsSpace(r) && !unicode.IsSymbol(r) {
			return false
		}
	}
	return true
}

// nounish reports whether a one-rune token's tag may belong to a name the
// segmenter cut up (鹰/n 普/ad, 何/r 家/zg 圩/zg).
func nounish(pos string) bool {
	return strings.HasPrefix(pos, "n") || pos == "zg" || pos == "g" || pos == "j" || pos == "x"
}

// isLatin reports whether w is made of ASCII letters.
func isLatin(w string) bool {
	for _, r := range w {
		if !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z') {
			return false
		}
	}
	return w != ""
}

// isDigits reports whether w is made of ASCII or full-width digits.
func isDigits(w string) bool {
	// Most words open with neither: their first byte tells, undecoded.
	if w == "" || w[0] != fullWidthDigitsLead && (w[0] < '0' || w[0] > '9') {
		return false
	}
	for _, r := range w {
		if !(r >= '0' && r <= '9' || r >= '０' && r <= '９') {
			return false
		}
	}
	return true
}

// fullWidthDigitsLead is the first byte of the full-width digits (０ to ９,
// EF BC 90 to EF BC 99 in UTF-8).
const fullWidthDigitsLead = 0xEF

// proper reports whether text[i:j] looks like (or contains) a proper name:
// a token tagged as one, an out-of-vocabulary Han token, a known name, a
// core opening with a national word (中国, 国家 but not 国家级), or two
// one-rune tokens in a row, which is how the segmenter cuts names it does
// not know (鹰 普, 何 家 圩).
func (s *scan) proper(i, j int) bool {
	if ms := s.wordsAt(s.x.nationals, i); len(ms) > 0 && ms[0].end <= j && !strings.HasPrefix(s.text[i:j], "国家级") {
		return true
	}
	single, nounSeen := 0, false
	for b := i; b < j; {
		if s.known[b] {
			return true
		}
		tk := s.tok(b)
		if tk == nil {
			b++
			continue
		}
		w := s.text[tk.Start:tk.End]
		n := s.runes(tk.Start, tk.End)
		class := s.class(s.tokIndex(b))
		if class&wordGeneric != 0 {
			single, nounSeen = 0, false
			b = tk.End
			continue
		}
		if n >= 2 && (class&wordProperTag != 0 || tk.Pos == "x" && strings.IndexFunc(w, isHan) >= 0) {
			return true
		}
		if tk.Pos == "x" && isLatin(w) {
			return true // SGS, U谷
		}
		r := firstRune(w)
		if n == 1 && isHan(r) && !s.t.notLast[r] && class&wordStop == 0 && tk.Start >= i && tk.End <= j {
			single++
			nounSeen = nounSeen || nounish(tk.Pos)
			if single >= 2 && nounSeen {
				return true
			}
		} else {
			single, nounSeen = 0, false
		}
		b = tk.End
	}
	return false
}

// gazHit is a division form found in the text.
type gazHit struct {
	span  govx.Span
	forms []form
}

// gazetteer adds the known names and the division names found in the text.
func (s *scan) gazetteer() {
	hits := s.hits[:0]
	for _, q := range s.lexSpots {
		i := int(s.ro[q])
		s.matches = s.x.lexicon.atRune(s, int(q), s.matches[:0])
		// Longest first.
		for k := len(s.matches) - 1; k >= 0; k-- {
			j := s.matches[k].end
			lw := &s.x.lexWords[s.matches[k].id]
			if lw.generic {
				s.blocks = append(s.blocks, govx.Span{Start: i, End: j})
			}
			if lw.country {
				s.weGuo++
			}
			if kn := lw.name; kn != nil && s.aligned(i) && (lw.runes > 2 || s.aligned(j)) {
				s.add(cand{Span: govx.Span{Start: i, End: j}, typ: kn.typ, norm: kn.normalized, prio: prioName})
				s.mark(i, j)
			}
			if lw.forms != nil {
				hits = append(hits, gazHit{govx.Span{Start: i, End: j}, lw.forms})
			}
		}
	}
	// Divisions named in full, or provinces and prefectures in short
	// form, give the context in which a county's short name is read.
	s.hits = hits
	if s.mentioned == nil {
		s.mentioned = map[string]bool{}
	}
	mentioned := s.mentioned
	clear(mentioned)
	for _, h := range hits {
		for _, f := range h.forms {
			if !f.short || f.div.Level < 3 {
				mentioned[f.div.Code] = true
			}
		}
	}
	for _, h := range hits {
		i, j := h.span.Start, h.span.End
		l := s.runes(i, j)
		ok := s.fits[:0]
		for _, f := range h.forms {
			if s.divisionFits(f, i, j, l, mentioned) {
				ok = append(ok, f)
			}
		}
		s.fits = ok
		if len(ok) == 0 {
			continue
		}
		f, unique := s.x.gaz.pick(ok, mentioned)
		c := cand{Span: h.span, typ: govx.EntityLoc, prio: prioStrong}
		if unique {
			c.div = f.div
			c.code = f.div.Code
			if f.full != s.text[i:j] {
				c.norm = f.full
			}
		}
		s.add(c)
		s.mark(i, j)
	}
}

// divisionFits reports whether the form f of a division, written at
// text[i:j] (l runes), is read as that division here.
func (s *scan) divisionFits(f form, i, j, l int, mentioned map[string]bool) bool {
	w := s.text[i:j]
	if !f.short {
		// 黄石市县领导 is 黄石 and 市县: a full name ends a token.
		if l >= 3 {
			return s.aligned(j)
		}
		// 和县, 沛县: two-rune names must be whole tokens; 城区, 郊区 are
		// generic words.
		return !strings.HasSuffix(w, "区") && s.aligned(i) && s.aligned(j) && !s.t.isGeneric(w)
	}
	if !s.aligned(i) || !s.aligned(j) || s.t.isGeneric(w) {
		return false
	}
	if f.div.Level < 3 {
		return true
	}
	// A county's short name is read only where its prefecture is named
	// too (阳新 beside 黄石, 大同 beside 大庆), or its province and the
	// segmenter sees a name there (革吉 beside 西藏; not 资源 beside 广西).
	anc := s.x.gaz.ancestors(f.div)
	if len(anc) == 0 {
		return false
	}
	if mentioned[anc[0]] {
		return true
	}
	if len(anc) < 2 || !mentioned[anc[1]] {
		return false
	}
	for b := i; b < j; {
		tk := s.tok(b)
		if tk == nil {
			return false
		}
		if s.runes(tk.Start, tk.End) > 1 && s.class(s.tokIndex(b))&wordProperTag == 0 {
			return false
		}
		b = tk.End
	}
	return true
}

// pick chooses among the divisions a name may stand for: the one whose
// prefecture or province is mentioned, else the one of highest level. It
// reports false when the choice stays ambiguous.
func (g *gazetteer) pick(fs []form, mentioned map[string]bool) (form, bool) {
	if len(fs) == 1 {
		return fs[0], true
	}
	fs = g.dropNamesakes(fs)
	if len(fs) == 1 {
		return fs[0], true
	}
	var inContext []form
	for _, f := range fs {
		for _, a := range g.ancestors(f.div) {
			if mentioned[a] {
				inContext = append(inContext, f)
				break
			}
		}
	}
	if len(inContext) == 1 {
		return inContext[0], true
	}
	best := fs[0]
	for _, f := range fs {
		if f.div.Level < best.div.Level {
			best = f
		}
	}
	n := 0
	for _, f := range fs {
		if f.div.Level == best.div.Level {
			n++
		}
	}
	return best, n == 1
}

// dropNamesakes drops the forms of divisions that lie inside another
// division of fs: a county named after its prefecture (衡阳县 in 衡阳市)
// is not what the bare shared name (衡阳) means.
func (g *gazetteer) dropNamesakes(fs []form) []form {
	kept := fs[:0:0]
	for _, f := range fs {
		inner := false
		for _, a := range g.ancestors(f.div) {
			for _, o := range fs {
				inner = inner || o.div.Code == a
			}
		}
		if !inner {
			kept = append(kept, f)
		}
	}
	if len(kept) == 0 {
		return fs
	}
	return kept
}

// mark notes that text[i:j] is a known name.
func (s *scan) mark(i, j int) {
	for b := i; b < j; b++ {
		s.known[b] = true
	}
}
