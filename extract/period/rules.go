package period

import (
	"fmt"
	"maps"
	"math/bits"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The pattern fragments the rules are written with. The scanner reads the
// folded text, so digits are ASCII.
const (
	// year: 1800–2099 in digits or four Chinese digits (二〇二三).
	yr = `(?:1[89][0-9]{2}|20[0-9]{2}|[〇零一二三四五六七八九]{4})`
	// month and day, in digits or Chinese numerals.
	mon  = `(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])`
	day  = `(?:3[01]|[12][0-9]|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])`
	dash = `(?:-|~|—{1,2}|–|至|到)`
	// part of a day kept inside a day span (3月22日下午, 2月6日零时).
	dayPart = `(?:上午|下午|中午|晚上|晚间|凌晨|零时|零点|早上|早晨|清晨|傍晚|夜间|深夜|晚)`
	// quarters and halves of a year.
	quarter = `(?:前(?:[2-9]|1[01]|[二两三四五六七八九]|十一?)个月|前[二两三]个?季度|[一二三1-3]` + dash + `[二三四2-4]季度|[一二三四1-4]季度末?|第[一二三四1-4]季度末?|首季度?|上半年|下半年|[Qq][1-4])`
	// what may follow a year (2016年全年, 今年以来, 2011年底, 明年二季度).
	yearTail = `(?:全年|年底|年末|年初以来|年初至今|年初|首月|底|末|初|以来|至今|内|度|` + quarter + `)`
	// what may follow a month (3月末, 1月以来, 6月上旬).
	monthTail = `(?:底|末|初|以来|至今|上旬|中旬|下旬)`
	// a month, a month range or a day, after an optional year.
	monthPart = `(?P<m1>` + mon + `)(?:` + dash + `(?P<m2>` + mon + `))?月份?` +
		`(?:(?P<d>` + day + `)(?:[日号]?` + dash + `(?P<d2>` + day + `))?[日号](?P<dp>` + dayPart + `)?|(?P<mt>` + monthTail + `))?`
)

// ruleKind names what a rule recognizes; the resolver turns each kind into
// dates.
type ruleKind uint8

const (
	kindYearBased     ruleKind = iota + 1 // 2023年…, 今年…, 去年…
	kindMonthBased                        // 1-6月, 3月25日, 3月末
	kindDay                               // 25日
	kindQuarter                           // 一季度, 上半年, 前三季度
	kindYearWord                          // 全年, 年底, 年内
	kindRelMonth                          // 上月, 本月
	kindRelQuarter                        // 上季度
	kindDeicticDay                        // 今天, 昨日
	kindClock                             // 9点半, 下午3时
	kindVague                             // 近年来, 未来
	kindPastYear                          // 过去一年
	kindThisNextYears                     // 今明两年
	kindPlan                              // “十四五”
	kindYearRange                         // 2021—2035年
	kindNumericDate                       // 2010.01.29
	kindBareYear                          // 2024 (招才引智)
	kindHoliday                           // 元宵夜, 元旦
)

// rule is one pattern of the scanner. Its named groups are read by the
// resolver.
type rule struct {
	kind    ruleKind
	pattern string
	// needs lists characters of which every match holds one ("" when
	// none is needed): the rule is not tried where none stands within
	// its longest match, which saves most regexp calls.
	needs string
}

// rules are the patterns of period expressions. The scanner takes, at each
// position, the longest match of any rule; a rule's order does not matter.
var rules = []rule{
	{kindYearBased, `(?:(?P<y>` + yr + `) ?|(?P<y2>[0-9]{2}|[〇零一二三四五六七八九]{2})|(?P<dy>[今去明前上当本次翌]|上一))年(?:` + monthPart + `|(?P<yt>` + yearTail + `))?`, "年"},
	{kindMonthBased, monthPart, "月"},
	{kindDay, `(?P<d>3[01]|[12][0-9]|0?[1-9])日(?P<dp>` + dayPart + `)?`, "日"},
	{kindQuarter, `(?P<q>` + quarter + `)`, "季半Qq月"},
	{kindYearWord, `(?P<w>全年|年底|年末|年初以来|年初至今|年初|年内)`, "年"},
	{kindRelMonth, `(?P<rm>上个?|本|当|下个?|这个)月份?(?:(?P<d>` + day + `)[日号]|(?P<mt>底|末|初))?`, "月"},
	{kindRelQuarter, `(?P<rq>上|本|下)一?个?季度(?P<qe>末)?`, "季"},
	{kindDeicticDay, `(?P<dd>今天|今日|今晚|今早|今晨|昨天|昨日|昨晚|昨夜|明天|明日|明晚|前天|后天)(?P<dp>` + dayPart + `)?`, ""},
	{kindClock, `(?P<cdp>` + dayPart + `)?(?P<h>[01]?[0-9]|2[0-4])(?:点|时)(?:(?P<half>半)|(?P<min>[0-5]?[0-9])分|整)?`, "点时"},
	{kindVague, `(?P<v>` + vagueAlternation() + `)`, ""},
	{kindPastYear, `过去的?一年`, "年"},
	{kindThisNextYears, `今明两年`, "年"},
	{kindPlan, `(?P<pq>[“"])?(?P<plan>十[一二三四五六]?五)(?P<pq2>[”"])?(?:(?P<pe>末)|(?P<ps>以来|至今))?`, "五"},
	{kindYearRange, `(?P<ya>` + yr + `)年?` + dash + `(?P<yb>` + yr + `)年|(?P<ya2>(?:1[89]|20)[0-9]{2})` + dash + `(?P<yb2>(?:1[89]|20)[0-9]{2})`, "-~—–至到"},
	{kindNumericDate, `(?P<ny>1[0-9]{3}|20[0-9]{2})(?P<s1>[./-])(?P<nm>[01]?[0-9])(?P<s2>[./-])(?P<nd>[0-3]?[0-9])`, "./-"},
	{kindBareYear, `(?P<by>(?:1[89]|20)[0-9]{2})`, ""},
	{kindHoliday, `(?P<hd>元宵夜|元宵节|除夕夜|除夕|大年初一|元旦|国庆节)`, ""},
}

// vagueAlternation returns the vague words as a regexp alternation.
func vagueAlternation() string {
	words := make([]string, len(vagueWords))
	for i, w := range vagueWords {
		words[i] = regexp.QuoteMeta(w.word)
	}
	return strings.Join(words, "|")
}

// compiledRule is a rule ready to match: prefix finds a match at the
// start of a string.
type compiledRule struct {
	rule
	prefix *regexp.Regexp
	// maxLen is the longest match of the rule, in bytes (-1 when there is
	// no bound): the text the regexp is given is cut there, which keeps
	// the regexp's work small on long runs.
	maxLen int
	// opens lists, by their first character, the words every match of
	// the rule starts with (nil when the rule has no such list): the rule
	// is tried only where one of them starts.
	opens map[rune][]string
}

// ruleOpens are the words the matches of some rules start with, taken
// from the tables the resolver reads or from the pattern.
func ruleOpens(k ruleKind) []string {
	var words []string
	switch k {
	case kindDeicticDay:
		words = slices.Collect(maps.Keys(deicticDays))
	case kindVague:
		for _, w := range vagueWords {
			words = append(words, w.word)
		}
	case kindHoliday:
		words = slices.Collect(maps.Keys(holidays))
	case kindBareYear:
		words = []string{"18", "19", "20"} // (?:1[89]|20)
	case kindYearWord:
		words = []string{"全年", "年底", "年末", "年初", "年内"}
	case kindPastYear:
		words = []string{"过去"}
	case kindThisNextYears:
		words = []string{"今明两年"}
	}
	return words
}

// scanner finds period expressions. At each character that some rule can
// start with, it tries those rules, anchored, and takes the longest match;
// the rules' programs are small, so Go's regexp runs them with its fast
// backtracker on the short strings it is given. Before a regexp runs, cheap
// tests on the characters that follow rule out most positions: the
// characters a match can have next (charRules.follow), a character the
// rule needs close enough (rule.needs), the words it opens with
// (compiledRule.opens).
type scanner struct {
	rules []compiledRule
	// patternChars holds every character the patterns are written with,
	// one bit per character of the Basic Multilingual Plane: a match lies
	// inside a run of them, so the rules are tried only there.
	patternChars [1 << 16 / 64]uint64
	// shortest is the fewest characters a match has: a shorter run
	// holds none.
	shortest int
	// free has, in free[j-1], bit i set when charRules.follow does not
	// tell which characters stand j characters after the first of a match
	// of rule i (a match may be shorter, or any character may stand
	// there).
	free [followDepth]uint32
	// chars says, for each pattern character in order, what the rules
	// do with it; charIndex[c>>6] is the index in chars of the first
	// pattern character of c's word of patternChars (see rulesOf).
	chars     []charRules
	charIndex [1 << 16 / 64]uint16
}

// maxRules is how many rules the bits of a charRules hold.
const maxRules = 32

// followDepth is how many characters after the first of a match the
// scanner checks with charRules.follow.
const followDepth = 2

// charRules says what the rules do with one character, one bit per rule.
type charRules struct {
	start uint32 // the rules a match can start with the character
	need  uint32 // the rules that need it (see rule.needs)
	// follow has, in follow[j-1], bit i set when the character can
	// stand j characters after the first of a match of rule i.
	follow [followDepth]uint32
}

func (c *charRules) add(o charRules) {
	c.start |= o.start
	c.need |= o.need
	for j := range c.follow {
		c.follow[j] |= o.follow[j]
	}
}

// isPatternChar reports whether the patterns are written with c.
func (s *scanner) isPatternChar(c rune) bool {
	return uint32(c) < 1<<16 && s.patternChars[c>>6]&(1<<(c&63)) != 0
}

// rulesOf returns what the rules do with pattern character c: its
// index in chars is the first of its word of patternChars plus the
// pattern characters before it in the word.
func (s *scanner) rulesOf(c rune) charRules {
	w := s.patternChars[c>>6]
	return s.chars[int(s.charIndex[c>>6])+bits.OnesCount64(w&(1<<(c&63)-1))]
}

// newScanner compiles the rules.
func newScanner() (*scanner, error) {
	if len(rules) > maxRules {
		return nil, fmt.Errorf("%d rules: the scanner holds at most %d", len(rules), maxRules)
	}
	s := &scanner{}
	byChar := map[rune]charRules{} // what the rules do with each character
	add := func(c rune, v charRules) {
		o := byChar[c]
		o.add(v)
		byChar[c] = o
	}
	for i, r := range rules {
		re, err := regexp.Compile(`^(?:` + r.pattern + `)`)
		if err != nil {
			return nil, err
		}
		re.Longest()
		cr := compiledRule{rule: r, prefix: re}
		for _, w := range ruleOpens(r.kind) {
			if cr.opens == nil {
				cr.opens = map[rune][]string{}
			}
			c, _ := utf8.DecodeRuneInString(w)
			cr.opens[c] = append(cr.opens[c], w)
		}
		for _, c := range r.needs {
			add(c, charRules{need: 1 << i})
		}
		tree, err := syntax.Parse(r.pattern, syntax.Perl)
		if err != nil {
			return nil, err
		}
		tree = tree.Simplify()
		cr.maxLen = maxLen(tree)
		in := map[rune]bool{}
		addRunes(tree, in)
		for c := range in {
			if c >= 1<<16 {
				return nil, fmt.Errorf("rule %d (%s): %U is outside the Basic Multilingual Plane", r.kind, r.pattern, c)
			}
			s.patternChars[c>>6] |= 1 << (c & 63)
		}
		prog, err := syntax.Compile(tree)
		if err != nil {
			return nil, err
		}
		sets := charSets(prog, 1+followDepth)
		if len(sets) == 0 {
			return nil, fmt.Errorf("rule %d (%s): a match can start with any character", r.kind, r.pattern)
		}
		for c := range sets[0] {
			add(c, charRules{start: 1 << i})
		}
		for j := range followDepth {
			if j+1 >= len(sets) {
				s.free[j] |= 1 << i
				continue
			}
			var v charRules
			v.follow[j] = 1 << i
			for c := range sets[j+1] {
				add(c, v)
			}
		}
		if i == 0 || len(sets) < s.shortest {
			s.shortest = len(sets)
		}
		s.rules = append(s.rules, cr)
	}
	// Only pattern characters are looked up: the others end a run.
	for c := rune(0); c < 1<<16; c++ {
		if c&63 == 0 {
			s.charIndex[c>>6] = uint16(len(s.chars))
		}
		if s.isPatternChar(c) {
			s.chars = append(s.chars, byChar[c])
		}
	}
	return s, nil
}

// addRunes adds to set every character re can match.
func addRunes(re *syntax.Regexp, set map[rune]bool) {
	switch re.Op {
	case syntax.OpLiteral:
		for _, c := range re.Rune {
			set[c] = true
			if re.Flags&syntax.FoldCase != 0 { // [Qq] is Q, case folded
				for f := unicode.SimpleFold(c); f != c; f = unicode.SimpleFold(f) {
					set[f] = true
				}
			}
		}
	case syntax.OpCharClass:
		addClass(re.Rune, set)
	}
	for _, sub := range re.Sub {
		addRunes(sub, set)
	}
}

// addClass adds the ranges of a character class (lo, hi pairs) to set.
func addClass(ranges []rune, set map[rune]bool) {
	for i := 0; i+1 < len(ranges); i += 2 {
		for c := ranges[i]; c <= ranges[i+1] && c-ranges[i] < 0x10000; c++ {
			set[c] = true
		}
	}
}

// atom is one match of one rule in the folded text.
type atom struct {
	rule       *compiledRule
	start, end int    // byte offsets in the folded text
	loc        []int  // submatch offsets, relative to start
	text       string // the matched text
}

// group returns the text of the named group of a's rule, "" when it did
// not take part in the match.
func (a *atom) group(name string) string {
	i := a.rule.prefix.SubexpIndex(name)
	if i < 0 || 2*i+1 >= len(a.loc) || a.loc[2*i] < 0 {
		return ""
	}
	return a.text[a.loc[2*i]:a.loc[2*i+1]]
}

// runChar is one character of a run of pattern characters.
type runChar struct {
	pos   int  // byte offset in the text
	c     rune // the character
	rules charRules
}

// memoKey names a text that the regexp of one rule ran on.
type memoKey struct {
	rule int
	text string
}

// scan appends the matches in text to atoms, in order, not overlapping.
// memo holds the results of the regexps on text (the same words come back
// in an article); it is filled as they run.
func (s *scanner) scan(text string, atoms []atom, memo map[memoKey][]int) []atom {
	run := make([]runChar, 0, 64)
	for p := 0; p < len(text); {
		if len(run) == 0 {
			// Outside a run, skip the three-byte characters (most of
			// Chinese) that are no pattern characters, reading their
			// bits in patternChars straight from their bytes. An
			// invalid one (overlong, a surrogate) is skipped as well:
			// its bytes are no pattern characters either.
			for p+2 < len(text) && text[p]&0xF0 == 0xE0 && text[p+1]&0xC0 == 0x80 && text[p+2]&0xC0 == 0x80 &&
				s.patternChars[int(text[p]&0x0F)<<6|int(text[p+1]&0x3F)]&(1<<(text[p+2]&0x3F)) == 0 {
				p += 3
			}
			if p == len(text) {
				break
			}
		}
		// Decode the character at p: inline for ASCII and the
		// three-byte characters Chinese is written with (not an
		// overlong form), with utf8 for the rest.
		c, size := rune(text[p]), 1
		if c >= utf8.RuneSelf {
			if p+2 < len(text) && c&0xF0 == 0xE0 && text[p+1]&0xC0 == 0x80 && text[p+2]&0xC0 == 0x80 && (c != 0xE0 || text[p+1] >= 0xA0) {
				c, size = (c&0x0F)<<12|rune(text[p+1]&0x3F)<<6|rune(text[p+2]&0x3F), 3
			} else {
				c, size = utf8.DecodeRuneInString(text[p:])
			}
		}
		if s.isPatternChar(c) {
			run = append(run, runChar{}) // its fields set in place: quicker than copying them in
			run[len(run)-1].pos, run[len(run)-1].c = p, c
		} else if len(run) > 0 {
			if len(run) >= s.shortest {
				atoms = s.scanRun(text[:p], s.withRules(run), atoms, memo)
			}
			run = run[:0]
		}
		p += size
	}
	if len(run) >= max(s.shortest, 1) {
		atoms = s.scanRun(text, s.withRules(run), atoms, memo)
	}
	return atoms
}

// withRules sets the rules of the characters of run and returns it. The
// scanner looks them up only for the runs long enough to hold a match.
func (s *scanner) withRules(run []runChar) []runChar {
	for k := range run {
		run[k].rules = s.rulesOf(run[k].c)
	}
	return run
}

// scanRun appends the matches that start in run, a run of pattern
// characters that ends where text does.
func (s *scanner) scanRun(text string, run []runChar, atoms []atom, memo map[memoKey][]int) []atom {
	for k := 0; k < len(run); {
		p := run[k].pos
		best, bestLoc := -1, []int(nil)
		// The rules a match can start with run[k] and go on with the
		// characters after it.
		set := run[k].rules.start
		for j := range followDepth {
			next := uint32(0)
			if k+j+1 < len(run) {
				next = run[k+j+1].rules.follow[j]
			}
			set &= next | s.free[j]
		}
		for ; set != 0; set &= set - 1 {
			i := bits.TrailingZeros32(set)
			r := &s.rules[i]
			end := len(text)
			if r.maxLen >= 0 {
				end = min(end, p+r.maxLen)
				if bestLoc != nil && r.maxLen <= bestLoc[1] {
					continue // cannot beat the match found
				}
			}
			if r.needs != "" && !s.needed(run[k:], i, end) {
				continue
			}
			if r.opens != nil && !hasAnyPrefix(text[p:], r.opens[run[k].c]...) {
				continue
			}
			key := memoKey{i, text[p:end]}
			loc, ok := memo[key]
			if !ok {
				loc = r.prefix.FindStringSubmatchIndex(key.text)
				memo[key] = loc
			}
			if loc != nil && (bestLoc == nil || loc[1] > bestLoc[1]) {
				best, bestLoc = i, loc
			}
		}
		if best < 0 || bestLoc[1] == 0 {
			k++
			continue
		}
		end := p + bestLoc[1]
		atoms = append(atoms, atom{rule: &s.rules[best], start: p, end: end, loc: bestLoc, text: text[p:end]})
		for k < len(run) && run[k].pos < end {
			k++
		}
	}
	return atoms
}

// needed reports whether a character that rule i needs stands in run
// before offset end.
func (s *scanner) needed(run []runChar, i, end int) bool {
	for _, rc := range run {
		if rc.pos >= end {
			break
		}
		if rc.rules.need&(1<<i) != 0 {
			return true
		}
	}
	return false
}

// charSets returns, for j = 0, 1, … up to n-1, the characters that can
// stand j characters into a match of prog, as long as every match is
// longer than j characters and the characters are few enough to list.
func charSets(prog *syntax.Prog, n int) []map[rune]bool {
	var sets []map[rune]bool
	states := closure(prog, []uint32{uint32(prog.Start)})
	for len(sets) < n {
		set, next := map[rune]bool{}, []uint32(nil)
		for _, pc := range states {
			in := &prog.Inst[pc]
			switch {
			case in.Op == syntax.InstRune1:
				set[in.Rune[0]] = true
			case in.Op == syntax.InstRune && len(in.Rune) == 1: // folded case
				set[in.Rune[0]] = true
				for c := unicode.SimpleFold(in.Rune[0]); c != in.Rune[0]; c = unicode.SimpleFold(c) {
					set[c] = true
				}
			case in.Op == syntax.InstRune && len(in.Rune)%2 == 0 && classSize(in.Rune) <= 1<<12:
				addClass(in.Rune, set)
			default: // a match, any character
				return sets
			}
			next = append(next, in.Out)
		}
		sets = append(sets, set)
		states = closure(prog, next)
	}
	return sets
}

// closure returns the instructions of prog that match a character or end
// a match and that can be reached from pcs without reading a character.
// Assertions (^, \b) are taken as true.
func closure(prog *syntax.Prog, pcs []uint32) []uint32 {
	seen := map[uint32]bool{}
	var out []uint32
	var visit func(pc uint32)
	visit = func(pc uint32) {
		if seen[pc] {
			return
		}
		seen[pc] = true
		switch in := &prog.Inst[pc]; in.Op {
		case syntax.InstAlt, syntax.InstAltMatch:
			visit(in.Out)
			visit(in.Arg)
		case syntax.InstCapture, syntax.InstNop, syntax.InstEmptyWidth:
			visit(in.Out)
		case syntax.InstFail:
		default:
			out = append(out, pc)
		}
	}
	for _, pc := range pcs {
		visit(pc)
	}
	return out
}

// classSize returns how many characters the ranges of a character class
// (lo, hi pairs) hold.
func classSize(ranges []rune) int {
	n := 0
	for i := 0; i+1 < len(ranges); i += 2 {
		n += int(ranges[i+1]-ranges[i]) + 1
	}
	return n
}

// maxLen returns the longest text re can match, in bytes, or -1 when it
// has no bound or looks at what follows its match.
func maxLen(re *syntax.Regexp) int {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpBeginText:
		return 0
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return len(re.Rune) * utf8.UTFMax // a case may take more bytes
		}
		n := 0
		for _, c := range re.Rune {
			n += runeLen(c)
		}
		return n
	case syntax.OpCharClass:
		n := 0
		for i := 1; i < len(re.Rune); i += 2 {
			n = max(n, runeLen(re.Rune[i]))
		}
		return n
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return utf8.UTFMax
	case syntax.OpCapture, syntax.OpQuest:
		return maxLen(re.Sub[0])
	case syntax.OpRepeat:
		n := maxLen(re.Sub[0])
		if n < 0 || re.Max < 0 {
			return -1
		}
		return n * re.Max
	case syntax.OpConcat, syntax.OpAlternate:
		total := 0
		for _, sub := range re.Sub {
			n := maxLen(sub)
			if n < 0 {
				return -1
			}
			if re.Op == syntax.OpConcat {
				total += n
			} else {
				total = max(total, n)
			}
		}
		return total
	}
	return -1 // OpStar, OpPlus, end of text or line, word boundaries
}

// runeLen is the length of c in UTF-8, the longest for a rune that has
// none (a surrogate).
func runeLen(c rune) int {
	if n := utf8.RuneLen(c); n > 0 {
		return n
	}
	return utf8.UTFMax
}
