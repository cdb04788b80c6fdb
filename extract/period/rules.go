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
	// none is needed): a run without any is not tried, which saves most
	// regexp calls.
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
	{kindPlan, `(?P<pq>[“"])?(?P<plan>十[一二三四五六]?五)(?P<pq2>[”"])?(?P<pe>末)?`, "五"},
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
// backtracker on the short strings it is given.
type scanner struct {
	rules []compiledRule
	// patternChars holds every character the patterns are written with,
	// one bit per character: a match lies inside a run of them, so the
	// rules are tried only there.
	patternChars []uint64
	// chars says, for the characters of the patterns, which rules a match
	// can start with (bit i for rule i) and which rules need them (bit
	// needShift+i: see rule.needs).
	chars charTable
}

// isPatternChar reports whether the patterns are written with c.
func (s *scanner) isPatternChar(c rune) bool {
	i := int(c >> 6)
	return c >= 0 && i < len(s.patternChars) && s.patternChars[i]&(1<<(c&63)) != 0
}

// The bits of an entry of scanner.chars: the rules a match can start with
// the character (startBits), and the rules that need it (shifted by
// needShift).
const (
	startBits = 1<<31 - 1
	needShift = 32
)

// charTable holds a set of bits per character, in a hash table with open
// addressing: the scanner reads it at every character of a text, and the
// table stays small (a few KB for the hundred characters of the patterns).
type charTable struct {
	chars []rune // noChar for an empty slot
	bits  []uint64
	shift uint // 32 - log2(len(chars))
	n     int  // the characters held
}

// noChar marks an empty slot of a charTable.
const noChar = -1

func (t *charTable) slot(c rune) int { return int(uint32(c) * 0x9E3779B1 >> t.shift) }

func (t *charTable) get(c rune) uint64 {
	if len(t.chars) == 0 {
		return 0
	}
	mask := len(t.chars) - 1
	for i := t.slot(c); ; i = (i + 1) & mask {
		switch t.chars[i] {
		case c:
			return t.bits[i]
		case noChar:
			return 0
		}
	}
}

func (t *charTable) set(c rune, v uint64) {
	if c < 0 || c > unicode.MaxRune {
		return
	}
	if 2*(t.n+1) > len(t.chars) {
		t.grow()
	}
	mask := len(t.chars) - 1
	i := t.slot(c)
	for t.chars[i] != c && t.chars[i] != noChar {
		i = (i + 1) & mask
	}
	if t.chars[i] == noChar {
		t.chars[i] = c
		t.n++
	}
	t.bits[i] |= v
}

// grow doubles the table (to 16 slots at first) and inserts its
// characters again.
func (t *charTable) grow() {
	old := *t
	size := max(16, 2*len(old.chars))
	*t = charTable{chars: make([]rune, size), bits: make([]uint64, size), shift: uint(32 - bits.TrailingZeros(uint(size)))}
	for i := range t.chars {
		t.chars[i] = noChar
	}
	for i, c := range old.chars {
		if c != noChar {
			t.set(c, old.bits[i])
		}
	}
}

// newScanner compiles the rules.
func newScanner() (*scanner, error) {
	if len(rules) >= 31 {
		return nil, fmt.Errorf("%d rules: the scanner holds at most 31", len(rules))
	}
	s := &scanner{}
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
			s.chars.set(c, 1<<(needShift+i))
		}
		tree, err := syntax.Parse(r.pattern, syntax.Perl)
		if err != nil {
			return nil, err
		}
		tree = tree.Simplify()
		cr.maxLen = maxLen(tree)
		s.rules = append(s.rules, cr)
		in, first := map[rune]bool{}, map[rune]bool{}
		addRunes(tree, in)
		for c := range in {
			for int(c>>6) >= len(s.patternChars) {
				s.patternChars = append(s.patternChars, 0)
			}
			s.patternChars[c>>6] |= 1 << (c & 63)
		}
		addFirst(tree, first)
		for c := range first {
			s.chars.set(c, 1<<i)
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

// scan returns the matches in text, in order, not overlapping.
func (s *scanner) scan(text string) []atom {
	var atoms []atom
	start := -1
	for i, c := range text {
		if s.isPatternChar(c) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			atoms = s.scanRun(text, start, i, atoms)
		}
		start = -1
	}
	if start >= 0 {
		atoms = s.scanRun(text, start, len(text), atoms)
	}
	return atoms
}

// scanRun appends the matches in text[from:to], a run of pattern
// characters.
func (s *scanner) scanRun(text string, from, to int, atoms []atom) []atom {
	// lastNeeded[i] is where the last character that rule i needs stands
	// in the run (-1 for none), found on first use: a rule is tried at p
	// only when one stands at p or after.
	var lastNeeded [31]int
	needsKnown := false
	for p := from; p < to; {
		c, size := utf8.DecodeRuneInString(text[p:to])
		best, bestLoc := -1, []int(nil)
		for set := uint32(s.chars.get(c) & startBits); set != 0; set &= set - 1 {
			i := bits.TrailingZeros32(set)
			r := &s.rules[i]
			if r.needs != "" {
				if !needsKnown {
					s.lastNeeded(text[:to], from, &lastNeeded)
					needsKnown = true
				}
				if lastNeeded[i] < p {
					continue
				}
			}
			if r.opens != nil && !hasAnyPrefix(text[p:to], r.opens[c]...) {
				continue
			}
			end := to
			if r.maxLen >= 0 && p+r.maxLen < end {
				end = p + r.maxLen
			}
			loc := r.prefix.FindStringSubmatchIndex(text[p:end])
			if loc != nil && (bestLoc == nil || loc[1] > bestLoc[1]) {
				best, bestLoc = i, loc
			}
		}
		if best < 0 || bestLoc[1] == 0 {
			p += size
			continue
		}
		end := p + bestLoc[1]
		atoms = append(atoms, atom{rule: &s.rules[best], start: p, end: end, loc: bestLoc, text: text[p:end]})
		p = end
	}
	return atoms
}

// lastNeeded sets last[i] to where the last character that rule i needs
// stands in text[from:], -1 for none.
func (s *scanner) lastNeeded(text string, from int, last *[31]int) {
	for i := range last {
		last[i] = -1
	}
	for q, c := range text[from:] {
		for set := uint32(s.chars.get(c) >> needShift); set != 0; set &= set - 1 {
			last[bits.TrailingZeros32(set)] = from + q
		}
	}
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

// addFirst adds the first characters of re to set and reports whether re
// can match the empty string.
func addFirst(re *syntax.Regexp, set map[rune]bool) (nullable bool) {
	switch re.Op {
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return true
		}
		set[re.Rune[0]] = true
		return false
	case syntax.OpCharClass:
		addClass(re.Rune, set)
		return false
	case syntax.OpCapture, syntax.OpPlus:
		return addFirst(re.Sub[0], set)
	case syntax.OpStar, syntax.OpQuest:
		addFirst(re.Sub[0], set)
		return true
	case syntax.OpRepeat:
		n := addFirst(re.Sub[0], set)
		return n || re.Min == 0
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			if !addFirst(sub, set) {
				return false
			}
		}
		return true
	case syntax.OpAlternate:
		nullable := false
		for _, sub := range re.Sub {
			nullable = addFirst(sub, set) || nullable
		}
		return nullable
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return true
	}
	return false // any character: not used by the rules
}
