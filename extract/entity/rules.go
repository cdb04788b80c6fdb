package entity

import (
	"slices"
	"strings"
	"unicode/utf8"

	"govx"
)

// minBareProject is the shortest core, in runes outside generic words, of
// a project name with no proper name in it (天然林保护修复工程).
const minBareProject = 7

// measureRunes are the measure words and units that, after a number, make
// it a quantity rather than part of a name (21个, 2023年; not 105道班段).
const measureRunes = "年月日个家项名位人亿万元多余批期号届"

// countRunes are the measure words of a count of projects (项目18个).
const countRunes = "个项"

// countFollows reports whether text starts with a count: digits and a
// measure word of countRunes.
func countFollows(text string) bool {
	n := 0
	for n < len(text) && text[n] >= '0' && text[n] <= '9' {
		n++
	}
	return n > 0 && strings.ContainsRune(countRunes, firstRune(text[n:]))
}

// suffixAt returns the longest suffix of the tables that starts at byte i.
func (s *scan) suffixAt(i int) (suffix, bool) {
	ms := s.wordsAt(s.x.suffixTrie, i)
	if len(ms) == 0 {
		return suffix{}, false
	}
	return s.x.suffixList[ms[len(ms)-1].id], true
}

// suffixes adds the names that end in a suffix of the tables. Every rune
// is looked at, also inside a suffix found: 研究院公司 ends in 公司 too.
func (s *scan) suffixes() {
	for _, q := range s.suffixSpots {
		s.matches = s.x.suffixTrie.atRune(s, int(q), s.matches[:0])
		if len(s.matches) == 0 {
			continue
		}
		sf := s.x.suffixList[s.matches[len(s.matches)-1].id]
		i := int(s.ro[q])
		end := i + len(sf.text)
		if c, ok := s.bySuffix(i, end, sf); ok {
			s.add(c)
			if c.typ == govx.EntityLoc {
				s.mark(c.Start, c.End) // 春晓路 makes 春晓路口袋公园 a name
			}
		}
	}
}

// bySuffix builds the candidate whose suffix sf is text[i:end].
func (s *scan) bySuffix(i, end int, sf suffix) (cand, bool) {
	if !s.suffixPlaced(i, end, sf) {
		return cand{}, false
	}
	start := s.reachLeft(i, sf)
	if start == i {
		return cand{}, false
	}
	core := s.text[start:i]
	lim := classLimits[sf.class]
	n := s.runes(start, i)
	if n < lim[0] || n > lim[1] || s.t.isGeneric(core) || s.hasLeadWord(start, i) || strings.IndexFunc(core, isHan) < 0 {
		return cand{}, false
	}
	switch sf.class {
	case classRoad:
		// A road's name is short and may be any word (疏港路, 东升路).
	case classAdmin:
		// A town or village the gazetteer does not know: one place token
		// (城关镇/ns), or a short proper name before the suffix (马坪村).
		if tk := s.tok(i); tk != nil && tk.Start < i {
			if tk.Start != start || tk.Pos != "ns" {
				return cand{}, false
			}
		} else if n > 4 || !s.proper(start, i) && !s.townAfterCounty(start, sf) {
			return cand{}, false
		}
	case classWater:
		// 凤凰山, 狮泉河: one token the segmenter knows as a place.
		tk := s.tok(start)
		if tk == nil || tk.Start != start || tk.End != end || tk.Pos != "ns" {
			return cand{}, false
		}
	case classProject:
		if !s.proper(start, i) && s.specificRunes(start, i) < minBareProject {
			return cand{}, false
		}
		// 通辽市铁路: a division named in full and a project word is that
		// place's railway, not a project of that name.
		if s.isDivisionName(core) {
			return cand{}, false
		}
		// 新能源汽车零部件项目18个: projects that are counted are a kind of
		// project, not one named.
		if countFollows(s.text[end:]) {
			return cand{}, false
		}
		// 新老项目, 大项目, 好项目: an adjective before 项目 describes
		// projects, it does not name one.
		if tk := s.tok(i - 1); tk != nil && tk.Pos == "a" && s.runes(tk.Start, tk.End) == 1 {
			return cand{}, false
		}
	case classTrade:
		// 光皓光学, 中船动力 — but not 江苏能源, a place and a trade.
		if !s.proper(start, i) || !s.endsClause(end) || s.isPlace(core) {
			return cand{}, false
		}
		// 中能建华东电力装备: longer only after a known organization.
		if n > maxTradeCore && !s.opensWithOrg(core) {
			return cand{}, false
		}
	case classBody:
		if !s.proper(start, i) {
			return cand{}, false
		}
		// 局, 厅, 部 after one-rune pieces is a word (开好局), not an agency.
		if sf.runes == 1 && !s.hasWord(start, i) {
			return cand{}, false
		}
	default:
		if !s.proper(start, i) {
			return cand{}, false
		}
	}
	c := cand{Span: govx.Span{Start: start, End: end}, typ: sf.typ, prio: prioRule}
	switch sf.rule {
	case ruleSection:
		if !strings.Contains(core, "至") && !strings.Contains(core, "铁") {
			return cand{}, false
		}
	case rulePhase:
		if s.endsClass(core, classCompany) {
			return cand{}, false
		}
	case ruleParty:
		// 娲石集团党委书记 names the company, not its Party committee;
		// 西藏自治区党委 is 中国共产党西藏自治区委员会.
		if s.endsClass(core, classCompany) {
			return cand{}, false
		}
		if strings.HasSuffix(core, "省") || strings.HasSuffix(core, "自治区") || strings.HasSuffix(core, "市") {
			c.norm = "中国共产党" + core + "委员会"
		}
	case ruleCommittee:
		if name := s.text[start:end]; !strings.HasPrefix(name, "中共") {
			c.norm = "中共" + name // 武汉市委 → 中共武汉市委
		}
	}
	// 中能建集团: a known short name plus 集团 is the same organization.
	if sf.class == classCompany {
		if kn, ok := s.t.names[core]; ok && kn.typ == govx.EntityOrg {
			c.norm = kn.normalized
		}
	}
	return c, true
}

// suffixPlaced reports whether the suffix text[i:end] stands where a name
// can end: a one-rune suffix must end a token and either start one or end
// a name the segmenter knows (黄石市/ns); a longer one must end a token or
// be followed, inside its token, by a title (县委书记).
func (s *scan) suffixPlaced(i, end int, sf suffix) bool {
	tk := s.tok(i)
	if sf.runes == 1 {
		if !s.aligned(end) {
			return false
		}
		if s.aligned(i) {
			return true
		}
		if tk != nil && s.class(s.tokIndex(i))&wordGeneric != 0 {
			return false // 销路, 油路, 电路
		}
		if tk != nil && tk.Pos == "ns" && sf.typ == govx.EntityLoc {
			return true // 黄石市, 西路
		}
		if tk != nil && tk.Pos == "nt" && sf.typ == govx.EntityOrg && tk.Start > 0 && s.known[tk.Start-1] {
			return true // an agency word right after a place: 江苏省 统计局/nt
		}
		// 彭公山路 comes as 彭/nr 公/n 山路/n: a road after a name.
		if sf.class == classRoad && tk != nil && tk.Start > 0 {
			prev := s.tok(tk.Start - 1)
			return prev != nil && s.class(s.tokIndex(tk.Start-1))&wordProperTag != 0
		}
		return false
	}
	if tk != nil && tk.Start < i && s.class(s.tokIndex(i))&wordGeneric != 0 {
		return false // 大项目
	}
	if s.aligned(end) {
		return true
	}
	last := s.tok(end - 1)
	return last != nil && s.t.title[s.text[end:last.End]]
}

// stopTags are the part-of-speech tags of tokens that never stand inside
// a name: numerals, measure words, prepositions, conjunctions, particles,
// pronouns, adverbs, idioms.
var stopTags = map[string]bool{
	"m": true, "q": true, "p": true, "c": true, "u": true, "uj": true, "ul": true, "uz": true,
	"uv": true, "ud": true, "ug": true, "r": true, "d": true, "y": true, "e": true,
	"i": true,
}

// stopTagged reports whether a token's tag ends a name of the class. Only
// words of two runes or more count: the segmenter cuts unknown names into
// single runes with arbitrary tags (赫/nr 瑞/ns 特/d), and numbers with
// their measure words inside a name come as one rune (105道班段). Roads
// stop at verbs and adjectives only (县城不通公路); projects take time
// words (未来燃料发动机研发制造项目).
func (s *scan) stopTagged(k int32, class suffixClass) bool {
	tk := &s.toks[k]
	if s.runes(tk.Start, tk.End) < 2 {
		return false
	}
	switch class {
	case classRoad:
		return strings.HasPrefix(tk.Pos, "v") || tk.Pos == "a"
	case classProject:
		if tk.Pos == "t" {
			return false // 未来燃料发动机研发制造项目
		}
	}
	return s.class(k)&wordStopTag != 0
}

// measureAfterNumber reports whether token k is a measure word after a
// number (1家, 21个): the number and what it counts are not a name.
func (s *scan) measureAfterNumber(k int32) bool {
	tk, prev := &s.toks[k], &s.toks[k-1]
	return prev.End == tk.Start && isDigits(s.text[prev.Start:prev.End]) && s.runes(tk.Start, tk.End) == 1 &&
		strings.ContainsRune(measureRunes, firstRune(s.text[tk.Start:]))
}

// inNames are words whose tags would stop a name but that join its parts:
// 国道318线通麦至105道班段.
var inNames = map[string]bool{"至": true}

// reachLeft returns where a name whose suffix starts at byte i begins: it
// walks left over whole tokens until punctuation, a space, a stop word or
// tag, a title, another sentence, or a barrier of the class (another zone
// before a zone, another project before a project). It returns i when no
// token qualifies or when the name would run past the class's length
// limit (海姆霍兹海工装备 is no short company name).
func (s *scan) reachLeft(i int, sf suffix) int {
	if i == 0 {
		return i
	}
	class := sf.class
	limit := classLimits[class][1]
	sent := s.sentence(i)
	start := i
	k := s.tokIndex(i - 1)
	if k >= 0 && s.toks[k].End > i {
		// The suffix starts inside a token: its head is part of the name.
		start = s.toks[k].Start
		k--
	}
	if class == classCompany {
		start, k = s.skipBracket(start, k)
	}
	for ; k >= 0; k-- {
		tk := &s.toks[k]
		w := s.text[tk.Start:tk.End]
		wc := s.class(k)
		if tk.End != start || tk.Sentence != sent || wc&wordPunct != 0 {
			break
		}
		if class == classZone && w == "及" && k > 0 && s.joins(k-1) {
			start = tk.Start // 半导体及通信产业园
			continue
		}
		if wc&(wordStop|wordTitle) != 0 {
			break
		}
		if class == classZone && s.endsClass(w, classZone) {
			break // 浒关开发区莱克工业园 is two places
		}
		if class == classAdmin && s.townAfterCounty(tk.End, sf) {
			break // 顺德区北滘镇: a town's name starts after its county's
		}
		if s.known[tk.Start] && s.known[tk.End-1] {
			start = tk.Start // inside a name found already: 春晓路口袋公园
			continue
		}
		if s.stopTagged(k, class) && !inNames[w] {
			break
		}
		if k > 0 && s.measureAfterNumber(k) {
			break
		}
		if isDigits(w) && !s.digitsInName(tk.End, class) {
			break
		}
		multiVerb := strings.HasPrefix(tk.Pos, "v") && s.runes(tk.Start, tk.End) >= 2
		switch class {
		case classZone, classAdmin:
			if multiVerb {
				return trimJoin(s.text, start)
			}
		case classRoad:
			if multiVerb || w == "线" || strings.IndexFunc(w, isHan) < 0 {
				return trimJoin(s.text, start) // 国道219线, G42沪蓉高速
			}
		case classProject:
			if sf.text != "段" && s.endsClass(w, classProject) {
				return trimJoin(s.text, start)
			}
		}
		if s.runes(tk.Start, i) > limit {
			return i // a name would run on past the limit: no name here
		}
		start = tk.Start
	}
	return trimJoin(s.text, start)
}

// townAfterCounty reports whether a town or village (suffix sf) whose name
// starts at offset at follows a division of county level or above found
// already (顺德区北滘镇): its name starts there, whatever its characters.
func (s *scan) townAfterCounty(at int, sf suffix) bool {
	if at == 0 || !slices.Contains(townSuffixes, sf.text) || !s.known[at-1] {
		return false
	}
	tk := s.tok(at - 1)
	if tk == nil || tk.End != at || !s.known[tk.Start] {
		return false
	}
	w := s.text[tk.Start:tk.End]
	return slices.ContainsFunc(countyEnds, func(e string) bool { return strings.HasSuffix(w, e) })
}

// joins reports whether a token before 及 may be the first part of a
// zone's name: a noun that is not itself the end of a name (招商项目及…).
func (s *scan) joins(k int32) bool {
	tk := s.toks[k]
	w := s.text[tk.Start:tk.End]
	if !strings.HasPrefix(tk.Pos, "n") || s.class(k)&(wordStop|wordGeneric) != 0 {
		return false
	}
	for _, c := range []suffixClass{classCompany, classBody, classZone, classProject} {
		if s.endsClass(w, c) {
			return false
		}
	}
	return true
}

// trimJoin moves a name's start past a joining word it may not open with.
func trimJoin(text string, start int) int {
	for strings.HasPrefix(text[start:], "及") {
		start += len("及")
	}
	return start
}

// skipBracket steps over a place in brackets before a company's legal
// form: 莱克电气绿能科技（苏州）有限公司. start is where the name begins so
// far and k the token before it; it returns them moved past the bracket.
func (s *scan) skipBracket(start int, k int32) (int, int32) {
	if !strings.HasSuffix(s.text[:start], "）") && !strings.HasSuffix(s.text[:start], ")") {
		return start, k
	}
	open := strings.LastIndexAny(s.text[:start], "（(")
	if open < 0 || s.runes(open, start) > 6 {
		return start, k
	}
	inside := strings.Trim(s.text[open:start], "（()）")
	if _, ok := s.x.gaz.forms[inside]; !ok {
		return start, k
	}
	if open == 0 || s.tokIndex(open-1) < 0 {
		return start, k
	}
	return open, s.tokIndex(open - 1)
}

// digitsInName reports whether a number ending at byte b may be part of a
// name of the class: 346国道, 102滑坡群整治工程, but not 21个 or 2023年.
func (s *scan) digitsInName(b int, class suffixClass) bool {
	if class != classProject && class != classRoad {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s.text[b:])
	return isHan(r) && !strings.ContainsRune(measureRunes, r)
}

// endsClass reports whether w ends with a suffix of the class that is at
// least two runes long.
func (s *scan) endsClass(w string, class suffixClass) bool {
	for _, sf := range s.x.classSuffixes[class] {
		if strings.HasSuffix(w, sf) {
			return true
		}
	}
	return false
}

// maxTradeCore is the longest core of a short company name, in runes,
// unless it opens with a known organization.
const maxTradeCore = 4

// opensWithOrg reports whether w starts with the name of a known
// organization.
func (s *scan) opensWithOrg(w string) bool {
	for l := len(w); l > 0; l-- {
		if kn, ok := s.t.names[w[:l]]; ok && kn.typ == govx.EntityOrg {
			return true
		}
	}
	return false
}

// isPlace reports whether w is the name of a division or a known place.
func (s *scan) isPlace(w string) bool {
	if _, ok := s.x.gaz.forms[w]; ok {
		return true
	}
	kn, ok := s.t.names[w]
	return ok && kn.typ == govx.EntityLoc
}

// isDivisionName reports whether w is the full name of a division
// (通辽市, not its short form 通辽).
func (s *scan) isDivisionName(w string) bool {
	for _, f := range s.x.gaz.forms[w] {
		if !f.short {
			return true
		}
	}
	return false
}

// specificRunes counts the runes of text[i:j] outside generic words: a
// project named without a proper name must still say something of its own
// (天然林保护修复工程, not 高科技新兴产业大项目).
func (s *scan) specificRunes(i, j int) int {
	n := 0
	for b := i; b < j; {
		tk := s.tok(b)
		if tk == nil {
			b++
			continue
		}
		if s.class(s.tokIndex(b))&wordGeneric == 0 {
			n += s.runes(max(tk.Start, i), min(tk.End, j))
		}
		b = tk.End
	}
	return n
}

// hasWord reports whether text[i:j] holds a token of two runes or more.
func (s *scan) hasWord(i, j int) bool {
	for b := i; b < j; {
		tk := s.tok(b)
		if tk == nil {
			b++
			continue
		}
		if s.runes(tk.Start, tk.End) >= 2 {
			return true
		}
		b = tk.End
	}
	return false
}

// hasLeadWord reports whether the core text[i:j] opens with a generic word
// of its own (市财政局, 区党工委, 自治区交通运输厅) — a lead word that ends
// a token, so that 镇江 does not count as 镇.
func (s *scan) hasLeadWord(i, j int) bool {
	for _, m := range s.wordsAt(s.x.leads, i) {
		if m.end <= j && s.aligned(m.end) {
			return true
		}
	}
	return false
}

// leadWithin reports whether a lead word starts at byte i and ends by
// byte j.
func (s *scan) leadWithin(i, j int) bool {
	ms := s.wordsAt(s.x.leads, i)
	return len(ms) > 0 && ms[0].end <= j // shortest first
}

// endsClause reports whether a short company name ending at byte b stands
// alone: followed by punctuation, a space, the end of the text, a stop word
// or a verb.
func (s *scan) endsClause(b int) bool {
	if b >= len(s.text) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s.text[b:])
	if isPunct(string(r)) {
		return true
	}
	tk := s.tok(b)
	if tk == nil || tk.Start != b {
		return false
	}
	return s.classAt(b)&wordStop != 0 || strings.HasPrefix(tk.Pos, "v") || tk.Pos == "p" || tk.Pos == "c" || tk.Pos == "u" || tk.Pos == "ul"
}

// roadKinds are the kinds of numbered roads.
var roadKinds = [...]string{"国道", "省道", "县道"}

// roadEnd ends every kind of road of roadKinds.
const roadEnd = "道"

// roads adds the numbered roads: 346国道, 国道219线, 省道301线.
func (s *scan) roads() {
	// Where each kind of road is written, in text order: every kind is
	// one rune and 道, found by its last byte (rarer than its first).
	type hit struct{ kind, at int }
	var hits []hit
	for off := 0; ; {
		j := strings.IndexByte(s.text[off:], roadEnd[len(roadEnd)-1])
		if j < 0 {
			break
		}
		off += j + 1
		if !strings.HasSuffix(s.text[:off], roadEnd) {
			continue
		}
		for k, kind := range roadKinds {
			if i := off - len(kind); i >= 0 && s.text[i:off] == kind {
				hits = append(hits, hit{k, i})
			}
		}
	}
	for k, kind := range roadKinds {
		for _, h := range hits {
			if h.kind != k {
				continue
			}
			i := h.at
			off := i + len(kind)
			// 346国道
			j := i
			for j > 0 && s.text[j-1] >= '0' && s.text[j-1] <= '9' {
				j--
			}
			if j < i {
				s.add(cand{Span: govx.Span{Start: j, End: off}, typ: govx.EntityLoc, prio: prioRule})
			}
			// 国道219线
			e := off
			for e < len(s.text) && s.text[e] >= '0' && s.text[e] <= '9' {
				e++
			}
			if e > off && strings.HasPrefix(s.text[e:], "线") {
				s.add(cand{Span: govx.Span{Start: i, End: e + len("线")}, typ: govx.EntityLoc, prio: prioRule})
			}
		}
	}
}

// merge adds an organization known by a short name written after its
// province or city (江苏柳工), as one name.
func (s *scan) merge() {
	// The organizations known by name, looked for once.
	var buf [16]int32
	orgs := buf[:0]
	for k, c := range s.cands {
		if c.typ == govx.EntityOrg && c.prio == prioName {
			orgs = append(orgs, int32(k))
		}
	}
	if len(orgs) == 0 {
		return
	}
	var extra []cand
	for _, loc := range s.cands {
		if loc.div == nil || loc.div.Level > 2 {
			continue
		}
		for _, k := range orgs {
			if org := &s.cands[k]; org.Start == loc.End {
				extra = append(extra, cand{Span: govx.Span{Start: loc.Start, End: org.End}, typ: govx.EntityOrg, prio: prioName})
			}
		}
	}
	s.cands = append(s.cands, extra...)
}
