package entity

import (
	"math/bits"
	"slices"
	"strings"
	"unicode/utf8"

	"govx"
)

// maxListItem is the longest item of an enumeration, in runes.
const maxListItem = 10

// maxHeadGap is how many runes may stand between 等 and the head noun of an
// enumeration (等7个外资项目).
const maxHeadGap = 8

// lists adds the items of enumerations that end in 等 and a head noun that
// says what they are: 海姆霍兹、光皓光学、矽佳测试、芯视达等企业.
func (s *scan) lists() {
	for _, k := range s.dengs {
		tk := &s.toks[k]
		if int(k)+1 == len(s.toks) {
			continue
		}
		head, typ := s.listHead(tk.End)
		if head == "" {
			continue
		}
		for end := tk.Start; ; {
			start := s.itemStart(end)
			if start < end {
				s.listItem(start, end, head, typ)
			}
			if start < len("、") || s.text[start-len("、"):start] != "、" {
				break
			}
			end = start - len("、")
		}
	}
}

// listHead finds the head noun after 等 at byte b, within maxHeadGap runes
// and before any punctuation.
func (s *scan) listHead(b int) (string, govx.EntityType) {
	e := b
	for n := 0; n <= maxHeadGap && e < len(s.text); n++ {
		if ms := s.wordsAt(s.x.listHeads, e); len(ms) > 0 {
			h := s.t.listhead[ms[len(ms)-1].id] // the longest
			return h.word, h.typ
		}
		r, size := utf8.DecodeRuneInString(s.text[e:])
		if isPunct(string(r)) {
			break
		}
		e += size
	}
	return "", govx.EntityNone
}

// itemStart walks left from byte end over the tokens of one list item. An
// item after 、 may hold verbs (矽佳测试, 远海包装); the first item of the
// list ends at a verb (服务保障哈电 → 哈电).
func (s *scan) itemStart(end int) int {
	if end == 0 {
		return end
	}
	walk := func(verbs bool) int {
		start := end
		for k := s.tokIndex(end - 1); k >= 0; k-- {
			tk := s.toks[k]
			if tk.End != start || s.class(k)&(wordPunct|wordStop) != 0 || s.runes(tk.Start, end) > maxListItem ||
				s.stopTagged(k, classCompany) || !verbs && strings.HasPrefix(tk.Pos, "v") && s.runes(tk.Start, tk.End) >= 2 {
				break
			}
			start = tk.Start
		}
		return start
	}
	if start := walk(true); strings.HasSuffix(s.text[:start], "、") {
		return start
	}
	return walk(false)
}

// listItem adds text[start:end] as an item of a list with the given head.
func (s *scan) listItem(start, end int, head string, typ govx.EntityType) {
	item := s.text[start:end]
	n := utf8.RuneCountInString(item)
	if n < 2 || s.t.isGeneric(item) || strings.ContainsAny(item, "0123456789") || !s.proper(start, end) {
		return
	}
	if head == "项目" {
		// Under 项目, a park or a phase is the project itself.
		for i := range item {
			if sf, ok := s.suffixAt(start + i); ok && start+i+len(sf.text) == end &&
				(sf.class == classZone || sf.class == classProject) {
				typ = govx.EntityProject
			}
		}
	}
	s.add(cand{Span: govx.Span{Start: start, End: end}, typ: typ, prio: prioList})
}

// legalSuffixes end the full names of companies; the name without them
// (and without its place and a bracketed place) is its short name:
// 莱克电气绿能科技（苏州）有限公司 → 莱克电气绿能科技.
var legalSuffixes = []string{"股份有限公司", "有限责任公司", "有限公司"}

// minTail is the shortest tail of a long organization name that is read
// as that organization when it stands alone, in runes.
const minTail = 5

// zoneShort gives the short form of the long endings of zone names:
// 丹徒高新技术产业园 → 丹徒高新园.
var zoneShort = [][2]string{
	{"高新技术产业开发区", "高新区"},
	{"高新技术产业园区", "高新园"},
	{"高新技术产业园", "高新园"},
	{"经济技术开发区", "经开区"},
}

// propagate finds again, wherever they recur, the names chosen once, and
// the short names of chosen full names (with Normalized set to the full
// name).
func (s *scan) propagate(chosen []cand) []cand {
	if s.byText == nil {
		s.byText = map[string]bool{}
	}
	byText, aliases := s.byText, s.aliases[:0]
	clear(byText)
	// add records the name w, unless recorded already.
	add := func(w string, a alias) {
		if !byText[w] {
			byText[w] = true
			a.w = w
			aliases = append(aliases, a)
		}
	}
	for _, c := range chosen {
		w := s.text[c.Start:c.End]
		if c.runes < 2 { // set by resolve
			continue
		}
		add(w, alias{c: c})
		if short, sp, ok := s.statedShort(c); ok {
			// 常州星宇车灯股份有限公司（以下简称星宇股份）
			a := alias{c: cand{typ: c.typ, prio: prioRule}, full: w}
			add(short, a)
			if !s.overlapsAny(chosen, sp) {
				nc := a.c
				nc.Span, nc.norm = sp, w
				chosen = append(chosen, nc)
			}
		}
		for _, short := range s.shortForms(c) {
			add(short, alias{c: cand{typ: c.typ, prio: prioRule}, full: w})
		}
	}
	s.aliases = aliases
	// The names longest first, then in byte order: order holds the
	// indexes in aliases of words.
	order := resize(s.order, len(aliases))
	for k := range order {
		order[k] = int32(k)
	}
	slices.SortFunc(order, func(i, j int32) int {
		a, b := aliases[i].w, aliases[j].w
		if len(a) != len(b) {
			return len(b) - len(a)
		}
		return strings.Compare(a, b)
	})
	s.order = order
	words := s.words[:0]
	for _, k := range order {
		words = append(words, aliases[k].w)
	}
	occ := s.occurrences(words)
	// owner[b] is 1 + the index in chosen of the name that covers byte b,
	// 0 for none. A name found inside a longer one is marked dead, and
	// dropped at the end.
	owner := resize(s.owner, len(s.text))
	s.owner = owner
	clear(owner)
	place := func(j int) {
		for b := chosen[j].Start; b < chosen[j].End; b++ {
			owner[b] = int32(j) + 1
		}
	}
	for j := range chosen {
		place(j)
	}
	s.words = words
	dead := resize(s.dead, len(chosen))
	clear(dead)
	for k, w := range words {
		a := &aliases[order[k]]
		twoRunes := len(w) <= 2*utf8.UTFMax && utf8.RuneCountInString(w) == 2
		off := 0
		for _, i := range occ[k] {
			if i < off {
				continue // overlaps the previous occurrence
			}
			off = i + len(w)
			sp := govx.Span{Start: i, End: off}
			if twoRunes && !(s.aligned(i) && s.aligned(off)) {
				continue
			}
			// The name wins over shorter names inside it (中核 in 中核苏阀)
			// and yields to any other name it overlaps.
			free, inside := true, 0
			for b := sp.Start; b < sp.End; {
				if owner[b] == 0 {
					b++
					continue
				}
				o := &chosen[owner[b]-1]
				if o.Span == sp && a.full != "" && o.norm == "" {
					o.norm = a.full
				}
				if sp.Contains(o.Span) && o.Span != sp {
					inside++
				} else {
					free = false
				}
				b = o.End
			}
			if !free || s.blocked(sp) {
				continue
			}
			if inside > 0 {
				for b := sp.Start; b < sp.End; b++ {
					if owner[b] > 0 {
						dead[owner[b]-1] = true
					}
				}
			}
			c := a.c
			c.Span = sp
			if a.full != "" {
				c.norm = a.full
			}
			chosen = append(chosen, c)
			dead = append(dead, false)
			place(len(chosen) - 1)
		}
	}
	s.dead = dead
	kept := chosen[:0]
	for j, c := range chosen {
		if !dead[j] {
			kept = append(kept, c)
		}
	}
	return kept
}

// alias is a name propagate looks for: the candidate it makes, and the
// full name it stands for, if it is a short name.
type alias struct {
	w    string // the name
	c    cand
	full string
}

// occurrences returns, for each word, the byte offsets where it occurs in
// the text, in order. One pass over the text looks up, at each rune, the
// words that start with it and the rune after it.
func (s *scan) occurrences(words []string) [][]int {
	occ := resize(s.occ, len(words))
	for k := range occ {
		occ[k] = occ[k][:0]
	}
	s.occ = occ
	// The words by their first two runes, in buckets of a hash table of
	// at least twice as many buckets as words: heads[h] is the first word
	// of bucket h, next[k] the word after word k, -1 for none; pairs[k]
	// holds the two runes, compared before the bytes.
	hashBits := max(minOccBits, bits.Len(uint(2*len(words))))
	heads, next, pairs := resize(s.occHeads, 1<<hashBits), resize(s.occNext, len(words)), resize(s.occPairs, len(words))
	s.occHeads, s.occNext, s.occPairs = heads, next, pairs
	for h := range heads {
		heads[h] = -1
	}
	// firsts holds the first runes of the words: most runes of the text
	// open none, and the scan passes them at the cost of one bit test.
	firsts := runeBits(resize(s.occFirsts, runeBitsWords))
	clear(firsts)
	s.occFirsts = firsts
	for k, w := range words {
		r, size := utf8.DecodeRuneInString(w)
		r2, size2 := utf8.DecodeRuneInString(w[size:])
		if r == utf8.RuneError && size <= 1 || r2 == utf8.RuneError && size2 <= 1 {
			// A stray byte among its first two runes: search for its
			// bytes.
			for off := 0; ; {
				i := strings.Index(s.text[off:], w)
				if i < 0 {
					break
				}
				occ[k] = append(occ[k], off+i)
				off += i + 1
			}
			continue
		}
		h := pairHash(r, r2, hashBits)
		next[k], heads[h], pairs[k] = heads[h], int32(k), runePair(r, r2)
		firsts.add(r)
	}
	for q := range len(s.rs) - 1 {
		r := s.rs[q]
		if !firsts.has(r) {
			continue
		}
		r2 := s.rs[q+1]
		for k := heads[pairHash(r, r2, hashBits)]; k >= 0; k = next[k] {
			if i := int(s.ro[q]); pairs[k] == runePair(r, r2) && strings.HasPrefix(s.text[i:], words[k]) {
				occ[k] = append(occ[k], i)
			}
		}
	}
	return occ
}

// runeBits is a set of runes as a bitmap of runeBitsWords words, each
// rune at the bit of its low 16 bits: runes above U+FFFF share the bits of
// others, so has may report a rune that was not added, never the reverse.
type runeBits []uint64

// runeBitsWords is the length of a runeBits.
const runeBitsWords = 1 << 16 / 64

func (b runeBits) add(r rune)      { b[r>>6&(runeBitsWords-1)] |= 1 << (r & 63) }
func (b runeBits) has(r rune) bool { return b[r>>6&(runeBitsWords-1)]&(1<<(r&63)) != 0 }

// runePair packs two runes into a number.
func runePair(r, r2 rune) uint64 { return uint64(uint32(r))<<32 | uint64(uint32(r2)) }

// minOccBits is the least size of the hash table of occurrences, in bits.
const minOccBits = 4

// statedPrefixes open the short name an article gives a full name right
// after it: 某某股份有限公司（以下简称某某股份）.
var statedPrefixes = []string{"（以下简称", "(以下简称", "（简称", "(简称", "（下称", "(下称"}

// statedShort returns the short name stated right after c, and its span.
func (s *scan) statedShort(c cand) (string, govx.Span, bool) {
	rest := s.text[c.End:]
	if !strings.HasPrefix(rest, "（") && !strings.HasPrefix(rest, "(") {
		return "", govx.Span{}, false // how every prefix opens
	}
	for _, p := range statedPrefixes {
		if !strings.HasPrefix(rest, p) {
			continue
		}
		b := c.End + len(p)
		b += len(rest[len(p):]) - len(strings.TrimLeft(rest[len(p):], "“\"‘:："))
		e := strings.IndexAny(s.text[b:], "”\"’）)")
		if e <= 0 {
			return "", govx.Span{}, false
		}
		short := s.text[b : b+e]
		if n := utf8.RuneCountInString(short); n < 2 || n > 10 || strings.ContainsAny(short, "，。、；\n") {
			return "", govx.Span{}, false
		}
		return short, govx.Span{Start: b, End: b + e}, true
	}
	return "", govx.Span{}, false
}

// overlapsAny reports whether sp overlaps one of cs.
func (s *scan) overlapsAny(cs []cand, sp govx.Span) bool {
	for _, c := range cs {
		if c.Overlaps(sp) {
			return true
		}
	}
	return false
}

// shortForms returns the short names of a chosen full name: a company
// without its place and legal form, a zone with its short ending.
func (s *scan) shortForms(c cand) []string {
	w := s.text[c.Start:c.End]
	out := s.shorts[:0] // reused: the caller reads the result before the next call
	switch c.typ {
	case govx.EntityOrg:
		// Where the division names that open w end.
		placeEnds := s.placeEnds[:0]
		for _, m := range s.wordsAt(s.x.lexicon, c.Start) {
			if s.x.lexWords[m.id].forms != nil {
				placeEnds = append(placeEnds, m.end)
			}
		}
		for _, suf := range legalSuffixes {
			if !strings.HasSuffix(w, suf) {
				continue
			}
			core := strings.TrimSuffix(w, suf)
			if i := strings.LastIndexAny(core, "（("); i > 0 {
				core = core[:i]
			}
			// Drop a leading division name, the longest: 苏州市, 江苏, 镇江.
			for k := len(placeEnds) - 1; k >= 0; k-- {
				if l := placeEnds[k] - c.Start; l <= len(core) {
					core = core[l:]
					break
				}
			}
			if utf8.RuneCountInString(core) >= 2 && core != w {
				out = append(out, core)
			}
			break
		}
		// The tail of a long body's name, written alone elsewhere:
		// 春运工作专班 for 国务院联防联控机制春运工作专班.
		if c.runes >= 8 { // set by resolve
			for b := c.Start + 1; b < c.End; b++ {
				head, tail := s.text[c.Start:b], s.text[b:c.End]
				if !s.aligned(b) || s.runes(b, c.End) < minTail || s.runes(c.Start, b) < 2 {
					continue
				}
				// Not the agency of a place (西藏自治区交通运输厅 →
				// 交通运输厅 is any region's).
				if slices.Contains(placeEnds, b) || s.endsClass(head, classAdmin) ||
					strings.HasSuffix(head, "省") || strings.HasSuffix(head, "市") || strings.HasSuffix(head, "县") ||
					s.leadWithin(b, c.End) {
					continue
				}
				out = append(out, tail)
			}
		}
		s.placeEnds = placeEnds
	case govx.EntityLoc:
		for _, z := range zoneShort {
			if strings.HasSuffix(w, z[0]) && len(w) > len(z[0]) {
				out = append(out, strings.TrimSuffix(w, z[0])+z[1])
			}
		}
		// A town named without its suffix: 北滘 for 北滘镇, 容桂 for 容桂街道.
		if c.code == "" {
			for _, suf := range townSuffixes {
				if core, ok := strings.CutSuffix(w, suf); ok && utf8.RuneCountInString(core) >= 2 {
					out = append(out, core)
					break
				}
			}
		}
	}
	s.shorts = out
	return out
}

// headPlaceAround returns the place the first sentence (the heading) names,
// when the place named most often (key bestKey) lies inside it and the
// heading does not name that place itself: a list of a city's districts
// is about the city. Of several such places it takes the smallest.
func (s *scan) headPlaceAround(chosen []cand, key func(cand) string, bestKey string) (string, bool) {
	var best *cand
	for k := range chosen {
		if c := &chosen[k]; c.typ == govx.EntityLoc && c.code != "" && key(*c) == bestKey {
			best = c
			break
		}
	}
	if best == nil {
		return "", false
	}
	head, headLen := "", 0
	for _, c := range chosen {
		if c.typ != govx.EntityLoc || c.code == "" || s.sentence(c.Start) != 0 {
			continue
		}
		if c.code == best.code {
			return "", false // the heading names the place itself
		}
		// The codes of the divisions inside c share its leading pairs of
		// digits: 4406… inside 440600 (佛山市), 44… inside 440000.
		prefix := strings.TrimRight(c.code, "0")
		if len(prefix)%2 == 1 {
			prefix += "0"
		}
		if strings.HasPrefix(best.code, prefix) && len(prefix) > headLen {
			head, headLen = s.text[c.Start:c.End], len(prefix)
		}
	}
	return head, head != ""
}

// regionGroup counts the votes of a place for the region, and where it is
// first named.
type regionGroup struct{ votes, first int }

// region returns the main place of the article: the place named most often
// (its forms counted together), written as it is written most often; 中国
// when 我国 outnumbers every place.
func (s *scan) region(chosen []cand) string {
	if s.groups == nil {
		s.groups = map[string]regionGroup{}
	}
	groups := s.groups
	clear(groups)
	key := func(c cand) string {
		if c.norm != "" {
			return c.norm
		}
		return s.text[c.Start:c.End]
	}
	for _, c := range chosen {
		if c.typ != govx.EntityLoc {
			continue
		}
		k := key(c)
		g, seen := groups[k]
		if !seen {
			g.first = c.Start
		}
		g.votes++
		g.first = min(g.first, c.Start)
		groups[k] = g
	}
	var best regionGroup
	bestKey := ""
	for k, g := range groups {
		if best.votes == 0 || g.votes > best.votes || g.votes == best.votes && g.first < best.first {
			best, bestKey = g, k
		}
	}
	if best.votes == 0 || s.weGuo > best.votes {
		if s.weGuo > 0 {
			return china
		}
		return ""
	}
	if h, ok := s.headPlaceAround(chosen, key, bestKey); ok {
		return h // 【佛山区域经济动态】●顺德：…顺德区…: the place the heading names
	}
	// The surface written most often among the forms of the best place.
	type surface struct {
		w string
		n int
	}
	var surfaces []surface
	for _, c := range chosen {
		if c.typ != govx.EntityLoc || key(c) != bestKey {
			continue
		}
		w := s.text[c.Start:c.End]
		k := slices.IndexFunc(surfaces, func(sf surface) bool { return sf.w == w })
		if k < 0 {
			k = len(surfaces)
			surfaces = append(surfaces, surface{w: w})
		}
		surfaces[k].n++
	}
	region, n := "", 0
	for _, sf := range surfaces {
		if sf.n > n || sf.n == n && sf.w < region {
			region, n = sf.w, sf.n
		}
	}
	return region
}
