package period

import (
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode"

	"govx"
	"govx/extract"
)

// resolver turns the atoms of one article into dated mentions, in text
// order, keeping the context that relative expressions are read against.
type resolver struct {
	e            *Extractor
	doc          *extract.Doc
	text         string // the folded text
	ref          govx.Date
	refOK        bool
	report       int         // the year the article reports on
	quants       []govx.Span // quantities found before, in original offsets
	sentence     int         // index of the sentence of the last atom
	sentYear     int         // a year stated earlier in that sentence, 0 if none
	dataY, dataM int         // the month the passage reports on, 0 if none yet
	lastDay      govx.Date   // the last day named, for clock times
	lastDayEnd   int         // where the last day named ends in the text
	dayY, dayM   int         // the month of the last day named with its month
}

// resolve dates one atom. ok is false when the atom is not a period after
// all (a number before a unit, a name, a comparison base).
func (r *resolver) resolve(a atom) (mention, bool) {
	if s := r.doc.SentenceAt(r.doc.Folded.Orig(a.start)); s != r.sentence {
		r.sentence, r.sentYear = s, 0
	}
	f, ok := r.resolveKind(a)
	if ok && f.g == govx.GranularityDay {
		r.lastDay, r.lastDayEnd = f.r.Start, f.end
	}
	return f, ok
}

// resolveKind dates one atom by the method of its rule's kind.
func (r *resolver) resolveKind(a atom) (mention, bool) {
	f := mention{start: a.start, end: a.end}
	prev, next := prevRune(r.text, a.start), nextRune(r.text, a.end)
	switch a.rule.kind {
	case kindYearBased:
		return r.yearBased(a, f, prev, next)
	case kindMonthBased:
		return r.monthBased(a, f, prev, next)
	case kindDay:
		return r.day(a, f, prev, next)
	case kindQuarter:
		return r.quarter(a, f, prev, next)
	case kindYearWord:
		return r.yearWord(a, f, prev, next)
	case kindRelMonth:
		return r.relMonth(a, f, prev, next)
	case kindRelQuarter:
		return r.relQuarter(a, f, prev, next)
	case kindDeicticDay:
		return r.deicticDay(a, f, prev, next)
	case kindClock:
		return r.clock(a, f, prev, next)
	case kindVague:
		return r.vagueWord(a, f, prev, next)
	case kindPastYear:
		return r.pastYear(a, f, prev, next)
	case kindThisNextYears:
		return r.thisNextYears(a, f, prev, next)
	case kindPlan:
		return r.plan(a, f, prev, next)
	case kindYearRange:
		return r.yearRange(a, f, prev, next)
	case kindNumericDate:
		return r.numericDate(a, f, prev, next)
	case kindHoliday:
		return r.holiday(a, f, prev, next)
	case kindBareYear:
		return r.bareYear(a, f, prev, next)
	}
	return f, false
}

// yearBased reads 2023年…, 今年…, 去年…: a year and what follows it.
func (r *resolver) yearBased(a atom, f mention, prev, _ rune) (mention, bool) {
	var y int
	rel := false
	if s := a.group("y"); s != "" {
		if isNumeral(prev) || prev == '.' {
			return f, false
		}
		y = yearNumber(s)
		if y < 0 {
			return f, false
		}
	} else if s := a.group("y2"); s != "" {
		// A two-digit year (98年4月, 19年底) only before a month, a
		// quarter or the year's end: alone it is a duration (近20年).
		t := a.group("yt")
		// 07年 and 〇八年, with their leading zero, are years anywhere.
		leadingZero := strings.HasPrefix(s, "0") || strings.HasPrefix(s, "〇") || strings.HasPrefix(s, "零")
		if isNumeral(prev) || prev == '.' || (a.group("m1") == "" && !leadingZero && !strings.ContainsAny(t, "季末底半首")) {
			return f, false
		}
		y = twoDigitYear(s, r.ref)
	} else {
		dy := a.group("dy")
		if strings.HasPrefix(r.text[a.end:], "同期") && a.group("yt") == "" && a.group("m1") == "" {
			return f, false // 去年同期 is a comparison base
		}
		if isNumeral(prev) || (dy != "今" && dy != "去" && dy != "明" && strings.ContainsRune("以之相适每这那", prev)) {
			return f, false
		}
		if !r.refOK {
			return vague(f), true
		}
		rel = true
		switch dy {
		case "今", "本":
			y = r.thisYear(a)
		case "去":
			y = r.ref.Year - 1
		case "上", "上一": // 比上年: the year before the one the passage reports on
			y = r.contextYear() - 1
		case "明":
			y = r.report + 1
		case "前":
			y = r.ref.Year - 2
		case "当":
			y = r.contextYear()
		case "次", "翌": // 次年: the year after the one the sentence names
			y = r.contextYear() + 1
		}
	}
	if a.group("m1") != "" {
		f, ok := r.monthPart(a, f, y, rel)
		if ok && !rel {
			r.sentYear = y
		}
		return f, ok
	}
	if t := a.group("yt"); t != "" {
		if !rel && t != "以来" && t != "至今" {
			r.sentYear = y
		}
		return r.yearTail(f, y, t, rel)
	}
	if !rel {
		r.sentYear = y
	}
	f.r, f.g, f.rel = yearRange(y), govx.GranularityYear, rel
	return f, true
}

// monthPart reads the month, month range or day of an atom in year y.
func (r *resolver) monthPart(a atom, f mention, y int, rel bool) (mention, bool) {
	m1 := number(a.group("m1"))
	if m1 < 1 || m1 > 12 {
		return f, false
	}
	f.rel = rel
	if s := a.group("m2"); s != "" {
		m2 := number(s)
		if m2 <= m1 || m2 > 12 {
			return f, false
		}
		f.r, f.g = monthsRange(y, m1, m2), govx.GranularityRange
		return f, true
	}
	if s := a.group("d"); s != "" {
		d := number(s)
		if !validDay(y, m1, d) {
			return f, false
		}
		day := dayDate(y, m1, d)
		f.r, f.g = govx.DateRange{Start: day, End: day}, govx.GranularityDay
		r.dayY, r.dayM = y, m1
		if s2 := a.group("d2"); s2 != "" {
			d2 := number(s2)
			if !validDay(y, m1, d2) || d2 <= d {
				return f, false
			}
			f.r.End, f.g = dayDate(y, m1, d2), govx.GranularityRange
		}
		return f, true
	}
	switch a.group("mt") {
	case "以来", "至今":
		f.r, f.g, f.rel = govx.DateRange{Start: dayDate(y, m1, 1), End: r.until(dayDate(y, m1, 1), monthRange(y, m1).End)}, govx.GranularityRange, true
		return f, true
	case "上旬":
		f.r, f.g = govx.DateRange{Start: dayDate(y, m1, 1), End: dayDate(y, m1, 10)}, govx.GranularityRange
		return f, true
	case "中旬":
		f.r, f.g = govx.DateRange{Start: dayDate(y, m1, 11), End: dayDate(y, m1, 20)}, govx.GranularityRange
		return f, true
	case "下旬":
		f.r, f.g = govx.DateRange{Start: dayDate(y, m1, 21), End: monthRange(y, m1).End}, govx.GranularityRange
		return f, true
	}
	f.r, f.g = monthRange(y, m1), govx.GranularityMonth
	if a.group("mt") == "" && !strings.ContainsRune(comparisonMarks, prevRune(r.text, a.start)) {
		r.dataY, r.dataM = y, m1
	}
	return f, true
}

// yearTail reads what follows a year: 全年, 年底, 以来, a quarter.
func (r *resolver) yearTail(f mention, y int, tail string, rel bool) (mention, bool) {
	f.rel = rel
	switch tail {
	case "全年", "度", "内", "年内":
		f.r, f.g = yearRange(y), govx.GranularityYear
	case "年底", "年末", "底", "末":
		f.r, f.g = monthRange(y, 12), govx.GranularityMonth
	case "年初", "初", "首月":
		f.r, f.g = monthRange(y, 1), govx.GranularityMonth
	case "以来", "至今", "年初以来", "年初至今":
		start := dayDate(y, 1, 1)
		f.r, f.g, f.rel = govx.DateRange{Start: start, End: r.until(start, yearRange(y).End)}, govx.GranularityRange, true
	default:
		return quarterPart(f, y, tail, rel)
	}
	return f, true
}

// until returns the reference date as the end of a period running from
// start "until now", or fallback when the reference date is not after start.
func (r *resolver) until(start, fallback govx.Date) govx.Date {
	if r.refOK && !r.ref.Before(start) {
		return r.ref
	}
	return fallback
}

// quarterPart reads a quarter, half or run of quarters of year y.
func quarterPart(f mention, y int, q string, rel bool) (mention, bool) {
	f.rel = rel
	switch {
	case q == "上半年":
		f.r, f.g = monthsRange(y, 1, 6), govx.GranularityHalf
	case q == "下半年":
		f.r, f.g = monthsRange(y, 7, 12), govx.GranularityHalf
	case strings.HasPrefix(q, "前") && strings.HasSuffix(q, "个月"): // 前4个月
		n := number(strings.TrimSuffix(strings.TrimPrefix(q, "前"), "个月"))
		if n < 1 || n > 11 {
			return f, false
		}
		f.r, f.g = monthsRange(y, 1, n), govx.GranularityRange
	case strings.HasPrefix(q, "前"): // 前三季度
		n := number(strings.TrimSuffix(strings.TrimSuffix(strings.TrimPrefix(q, "前"), "季度"), "个"))
		if n < 1 || n > 3 {
			return f, false
		}
		f.r, f.g = monthsRange(y, 1, 3*n), govx.GranularityRange
	case len(quarterNumbers(q)) == 2: // 1-3季度
		qs := quarterNumbers(q)
		if qs[1] <= qs[0] {
			return f, false
		}
		f.r, f.g = monthsRange(y, 3*qs[0]-2, 3*qs[1]), govx.GranularityRange
	default:
		n := quarterNumber(q)
		if n < 1 {
			return f, false
		}
		if strings.HasSuffix(q, "末") {
			f.r, f.g = monthRange(y, 3*n), govx.GranularityMonth
		} else {
			f.r, f.g = monthsRange(y, 3*n-2, 3*n), govx.GranularityQuarter
		}
	}
	return f, true
}

// plan reads a five-year plan: “十四五”, 十三五, “十四五”末, “十四五”以来.
func (r *resolver) plan(a atom, f mention, _, _ rune) (mention, bool) {
	p, ok := r.e.plans[a.group("plan")]
	if !ok {
		return f, false
	}
	open, closed := a.group("pq") != "", a.group("pq2") != ""
	switch {
	case open && !closed:
		f.start += len(a.group("pq"))
	case closed && !open && a.group("pe") == "":
		f.end -= len(a.group("pq2"))
	}
	if isNumeral(prevRune(r.text, f.start)) || prevRune(r.text, f.start) == '第' {
		return f, false
	}
	if !(open && closed) {
		rest := r.text[f.end:]
		if p.name == "十五" && a.group("pe") == "" &&
			!hasAnyPrefix(rest, "期间", "时期", "规划", "计划") {
			return f, false
		}
		if strings.ContainsRune(planBlockers, nextRune(r.text, f.end)) && a.group("pe") == "" {
			return f, false
		}
	}
	if a.group("pe") != "" {
		f.r, f.g = yearRange(p.end), govx.GranularityYear
		return f, true
	}
	if a.group("ps") != "" { // “十四五”以来 runs from the plan's first day to the reference date
		start := yearRange(p.start).Start
		f.r, f.g, f.rel = govx.DateRange{Start: start, End: r.until(start, yearRange(p.end).End)}, govx.GranularityRange, true
		return f, true
	}
	f.r = govx.DateRange{Start: yearRange(p.start).Start, End: yearRange(p.end).End}
	f.g = govx.GranularityMultiYear
	return f, true
}

func hasAnyPrefix(s string, prefixes ...string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// contextYear is the year of 全年, 当年 and other year words: a year stated
// earlier in the sentence, else the reporting year.
func (r *resolver) contextYear() int {
	if r.sentYear != 0 {
		return r.sentYear
	}
	return r.report
}

// yearForMonth is the year of a month (or the first month of a quarter)
// written without a year: a year stated earlier in the sentence, else the
// reporting year — or the year before it when the month lies more than
// half a year after the reference month (十二月 in a January article).
func (r *resolver) yearForMonth(m int) int {
	if r.sentYear != 0 {
		return r.sentYear
	}
	if r.report == r.ref.Year && m > int(r.ref.Month)+6 {
		return r.report - 1
	}
	return r.report
}

// dataMonth is the month the passage reports on: the last month named
// (not as a comparison base), else the reference month.
func (r *resolver) dataMonth() (y, m int) {
	if r.dataM != 0 {
		return r.dataY, r.dataM
	}
	return r.ref.Year, int(r.ref.Month)
}

// overlapsQuantity reports whether atom a lies inside a quantity found by
// the quantity extractor.
func (r *resolver) overlapsQuantity(a atom) bool {
	s := govx.Span{Start: r.doc.Folded.Orig(a.start), End: r.doc.Folded.Orig(a.end)}
	i := sort.Search(len(r.quants), func(i int) bool { return r.quants[i].End > s.Start })
	return i < len(r.quants) && r.quants[i].Overlaps(s)
}

// vague turns f into a vague row with null dates.
func vague(f mention) mention {
	f.r, f.g, f.rel = govx.DateRange{}, govx.GranularityVague, true
	return f
}

// beginsName reports whether the clause from offset i names something: a
// project, company or park suffix comes before the next punctuation.
func (r *resolver) beginsName(i int) bool {
	clause := r.text[i:]
	if j := strings.IndexAny(clause, "，,。；;、：:！？!?\n"); j >= 0 {
		clause = clause[:j]
	}
	for _, s := range nameSuffixes {
		if strings.Contains(clause, s) {
			return true
		}
	}
	return false
}

// twoDigitYear reads a year written with two digits: in the century that
// puts it at most ten years after the reference year (98 → 1998, 19 → 2019).
func twoDigitYear(s string, ref govx.Date) int {
	n := 0
	for _, r := range s {
		if r >= '0' && r <= '9' {
			n = n*10 + int(r-'0')
		} else {
			n = n*10 + cnDigits[r]
		}
	}
	now := ref.Year
	if now == 0 {
		now = 2020
	}
	y := now/100*100 + n
	if y > now+10 {
		y -= 100
	}
	return y
}

// monthBased reads 3月, 1-6月, 3月25日: a month without a year.
func (r *resolver) monthBased(a atom, f mention, prev, next rune) (mention, bool) {
	if isNumeral(prev) || prev == '.' || prev == '第' {
		return f, false
	}
	if m1 := a.group("m1"); m1[0] >= 0x80 && a.group("d") == "" && isNumeral(next) && !(next >= '0' && next <= '9') {
		return f, false // 一月一次: a frequency
	}
	if !r.refOK {
		return vague(f), true
	}
	return r.monthPart(a, f, r.yearForDay(a, r.yearForMonth(number(a.group("m1")))), true)
}

// recentDays is how close before the reference date a day written without
// its year is news of the moment, in the reference year.
const recentDays = 31

// yearForDay returns y, or the reference year for a day written without
// its year that falls in the month before the reference date: 1月9日 in an
// article of 10 January 2024 that reviews 2023.
func (r *resolver) yearForDay(a atom, y int) int {
	d := number(a.group("d"))
	if y == r.ref.Year || d == 0 || a.group("d2") != "" {
		return y
	}
	day := dayDate(r.ref.Year, number(a.group("m1")), d)
	if !r.ref.Before(day) && !day.Before(r.ref.AddDays(-recentDays)) {
		return r.ref.Year
	}
	return y
}

// thisYear is the year of 今年 at atom a: the reporting year, except that
// in an article that reviews the year before, 今年 in a clause that sets a
// target or a plan (今年力争…), or that says what the year is (今年是…),
// is the reference year — and, past the headline, the article has turned
// to that year for good.
func (r *resolver) thisYear(a atom) int {
	if r.report == r.ref.Year {
		return r.report
	}
	if !strings.HasPrefix(r.text[a.end:], thisYearIs) && !containsAny(clauseAround(r.text, a.start, a.end), targetWords) {
		return r.report
	}
	if nl := strings.IndexByte(r.text, '\n'); nl >= 0 && nl < a.start {
		r.report = r.ref.Year
	}
	return r.ref.Year
}

// containsAny reports whether s contains one of words.
func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// maxClauseBytes bounds the clause around a word that clauseAround looks
// at, so that a text without punctuation is not searched again for each
// word.
const maxClauseBytes = 300

// clauseAround returns the clause of text that holds text[start:end], at
// most maxClauseBytes on each side.
func clauseAround(text string, start, end int) string {
	lo, hi := max(0, start-maxClauseBytes), min(len(text), end+maxClauseBytes)
	from := lo
	if i := strings.LastIndexAny(text[lo:start], clauseEnds); i >= 0 {
		from = lo + i + 1
	}
	to := hi
	if i := strings.IndexAny(text[end:hi], clauseEnds); i >= 0 {
		to = end + i
	}
	return text[from:to]
}

// day reads 25日: a day of the month the passage reports on.
func (r *resolver) day(a atom, f mention, prev, next rune) (mention, bool) {
	if isNumeral(prev) || strings.ContainsRune(dayNotAfter, prev) || strings.ContainsRune(dayNotBefore, next) {
		return f, false
	}
	if !r.refOK {
		return vague(f), true
	}
	y, m := r.dataMonth()
	if r.dayM != 0 { // 26日 after 3月25日 is in March
		y, m = r.dayY, r.dayM
	}
	d := number(a.group("d"))
	if !validDay(y, m, d) { // 30日 in February: the month before
		first := govx.DateOf(y, time.Month(m-1), 1)
		if y, m = first.Year, int(first.Month); !validDay(y, m, d) {
			return f, false
		}
	}
	f.r = govx.DateRange{Start: dayDate(y, m, d), End: dayDate(y, m, d)}
	f.g, f.rel = govx.GranularityDay, true
	return f, true
}

// quarter reads 一季度, 上半年, 前三季度 without a year.
func (r *resolver) quarter(a atom, f mention, prev, next rune) (mention, bool) {
	q := a.group("q")
	if isNumeral(prev) || prev == '第' || (strings.HasPrefix(q, "首") && strings.HasSuffix(r.text[:a.start], "以来")) {
		return f, false
	}
	if !r.refOK {
		return vague(f), true
	}
	return quarterPart(f, r.yearForMonth(max(3*quarterNumber(q)-2, 1)), q, true)
}

// yearWord reads 全年, 年底, 年初以来, 年内: the year of the sentence or the report.
func (r *resolver) yearWord(a atom, f mention, prev, next rune) (mention, bool) {
	if a.group("w") == "年初" && hasAnyPrefix(r.text[f.end:], yearStartNames...) {
		return f, false // 完成年初预算的101.8%: the budget, not a date
	}
	if !r.refOK {
		return vague(f), true
	}
	return r.yearTail(f, r.contextYear(), a.group("w"), true)
}

// relMonth reads 上月, 本月, 下个月15日 against the month the passage reports on.
func (r *resolver) relMonth(a atom, f mention, prev, next rune) (mention, bool) {
	if prev == '以' || prev == '每' || isNumeral(prev) {
		return f, false
	}
	if !r.refOK {
		return vague(f), true
	}
	y, m := r.dataMonth()
	switch a.group("rm") {
	case "上", "上个":
		m--
	case "下", "下个":
		m++
	}
	start := govx.DateOf(y, time.Month(m), 1)
	if d := number(a.group("d")); d > 0 {
		if !validDay(start.Year, int(start.Month), d) {
			return f, false
		}
		day := dayDate(start.Year, int(start.Month), d)
		f.r, f.g = govx.DateRange{Start: day, End: day}, govx.GranularityDay
	} else {
		f.r, f.g = monthRange(start.Year, int(start.Month)), govx.GranularityMonth
	}
	f.rel = true
	return f, true
}

// relQuarter reads 上季度, 本季度末.
func (r *resolver) relQuarter(a atom, f mention, prev, next rune) (mention, bool) {
	if prev == '以' || isNumeral(prev) {
		return f, false
	}
	if !r.refOK {
		return vague(f), true
	}
	y, m := r.dataMonth()
	q := (m-1)/3 + 1
	switch a.group("rq") {
	case "上":
		q--
	case "下":
		q++
	}
	start := govx.DateOf(y, time.Month(3*q-2), 1)
	spec := fmt.Sprintf("%d季度%s", (int(start.Month)+2)/3, a.group("qe"))
	return quarterPart(f, start.Year, spec, true)
}

// deicticDay reads 今天, 昨日, 今晚 against the reference date.
func (r *resolver) deicticDay(a atom, f mention, prev, next rune) (mention, bool) {
	if !r.refOK {
		return vague(f), true
	}
	d := r.ref.AddDays(deicticDays[a.group("dd")])
	f.r, f.g, f.rel = govx.DateRange{Start: d, End: d}, govx.GranularityDay, true
	return f, true
}

// clock reads 9点半, 下午3时: a time on the last day named.
func (r *resolver) clock(a atom, f mention, prev, next rune) (mention, bool) {
	if a.group("cdp") == "" && a.group("half") == "" && a.group("min") == "" && a.start != r.lastDayEnd {
		return f, false // 3点 alone is a count (3点要求); 9点半, 下午3时, 5日9时 are times
	}
	if isNumeral(prev) || prev == '.' || strings.ContainsRune(":：", next) {
		return f, false
	}
	if !r.refOK {
		return vague(f), true
	}
	d := r.lastDay
	if d.IsZero() {
		d = r.ref
	}
	f.r, f.g, f.rel = govx.DateRange{Start: d, End: d}, govx.GranularityDay, true
	return f, true
}

// vagueWord reads 近年来, 未来, 截至目前: no dates, or up to the reference date.
func (r *resolver) vagueWord(a atom, f mention, prev, next rune) (mention, bool) {
	w := a.group("v")
	if strings.ContainsRune(vagueNotAfter[w], prev) && prev != 0 {
		return f, false
	}
	if w == "未来" && next != 0 && !strings.ContainsRune(futureFollowers, next) && r.beginsName(a.end) {
		return f, false
	}
	f = vague(f)
	if r.e.vague[w] && r.refOK {
		f.r.End = r.ref
	}
	return f, true
}

// pastYear reads 过去一年: the year before the reference date.
func (r *resolver) pastYear(a atom, f mention, prev, next rune) (mention, bool) {
	if !r.refOK {
		return vague(f), true
	}
	f.r, f.g, f.rel = yearRange(r.ref.Year-1), govx.GranularityYear, true
	return f, true
}

// thisNextYears reads 今明两年.
func (r *resolver) thisNextYears(a atom, f mention, prev, next rune) (mention, bool) {
	if !r.refOK {
		return vague(f), true
	}
	f.r = govx.DateRange{Start: yearRange(r.report).Start, End: yearRange(r.report + 1).End}
	f.g, f.rel = govx.GranularityMultiYear, true
	return f, true
}

// yearRange reads 2021—2035年, 2016到2018.
func (r *resolver) yearRange(a atom, f mention, prev, next rune) (mention, bool) {
	ya, yb := a.group("ya"), a.group("yb")
	if ya == "" {
		ya, yb = a.group("ya2"), a.group("yb2")
		if (next >= '0' && next <= '9') || strings.ContainsRune(yearBlockers, next) || next == '.' {
			return f, false
		}
	}
	y1, y2 := yearNumber(ya), yearNumber(yb)
	if isNumeral(prev) || prev == '.' || y1 < 0 || y2 <= y1 || y2-y1 > 100 {
		return f, false
	}
	f.r = govx.DateRange{Start: yearRange(y1).Start, End: yearRange(y2).End}
	f.g = govx.GranularityMultiYear
	return f, true
}

// numericDate reads 2010.01.29, 2019-05-27.
func (r *resolver) numericDate(a atom, f mention, prev, next rune) (mention, bool) {
	y, m, d := yearNumber(a.group("ny")), number(a.group("nm")), number(a.group("nd"))
	if a.group("s1") != a.group("s2") || isNumeral(prev) || prev == '.' || (next >= '0' && next <= '9') || !validDay(y, m, d) {
		return f, false
	}
	f.r = govx.DateRange{Start: dayDate(y, m, d), End: dayDate(y, m, d)}
	f.g = govx.GranularityDay
	r.sentYear = y
	return f, true
}

// holiday reads 元宵夜, 元旦: festivals, on the year of the sentence or the report.
func (r *resolver) holiday(a atom, f mention, prev, next rune) (mention, bool) {
	if hasAnyPrefix(r.text[a.end:], holidayNotBefore...) {
		return f, false
	}
	if !r.refOK {
		return vague(f), true
	}
	h := holidays[a.group("hd")]
	y := r.contextYear()
	d := dayDate(y, h.month, h.day)
	if h.lunar {
		sf, ok := springFestival[y]
		if !ok {
			return vague(f), true
		}
		d = dayDate(y, sf[0], sf[1]+h.day)
	}
	f.r, f.g, f.rel = govx.DateRange{Start: d, End: d}, govx.GranularityDay, true
	return f, true
}

// bareYear reads a bare year, 2024招才引智, unless a unit or measure word follows.
func (r *resolver) bareYear(a atom, f mention, prev, next rune) (mention, bool) {
	if isNumeral(prev) || strings.ContainsRune("./-:", prev) || (prev < 0x80 && unicode.IsLetter(prev)) || (next != 0 && !isHan(next)) || strings.ContainsRune(yearBlockers, next) {
		return f, false
	}
	if r.overlapsQuantity(a) {
		return f, false
	}
	y := yearNumber(a.group("by"))
	f.r, f.g = yearRange(y), govx.GranularityYear
	r.sentYear = y
	return f, true
}
