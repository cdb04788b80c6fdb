package period

import (
	"strings"

	"govx"
	"govx/normalize"
)

// datelineWindow is how many characters at the top and at the bottom of an
// article are searched for the date it was issued.
const datelineWindow = 200

// ResolveReference makes sure a has a reference date and reports where it
// came from. A non-zero a.ReferenceDate is kept: it is govx.RefPublished when it
// equals a.Published, else govx.RefFlag (the caller set it). A zero one is set
// to a.Published when that is known. Otherwise the date
// is taken from a full date near the top or bottom of the text (a dateline,
// 2024年7月15日: govx.RefText), else inferred (govx.RefInferred) from the dates the
// article names (see inferDate). Call it once per article, before
// Extract (which calls it too, to no effect when the date is set).
func (e *Extractor) ResolveReference(a *govx.Article) govx.RefSource {
	src, _, _ := e.resolveAndScan(a)
	return src
}

// resolveAndScan is ResolveReference. When it reads the date from the
// text, it also returns the folded text and its matches, which Extract
// then need not find again.
func (e *Extractor) resolveAndScan(a *govx.Article) (govx.RefSource, string, []atom) {
	src, text, atoms := e.resolveReference(a)
	a.RefSource = src
	if a.RefSource == govx.RefText && a.Published.IsZero() {
		a.Published = a.ReferenceDate // SPEC: published may be found in the text
	}
	return src, text, atoms
}

func (e *Extractor) resolveReference(a *govx.Article) (src govx.RefSource, text string, atoms []atom) {
	if !a.ReferenceDate.IsZero() {
		if a.ReferenceDate == a.Published {
			return govx.RefPublished, "", nil
		}
		return govx.RefFlag, "", nil
	}
	if !a.Published.IsZero() {
		a.ReferenceDate = a.Published
		return govx.RefPublished, "", nil
	}
	text = normalize.Fold(a.Text).Text
	atoms = e.scan.scan(text, nil, map[memoKey][]int{})
	head, tail := runeOffset(text, datelineWindow), len(text)-runeOffsetFromEnd(text, datelineWindow)
	var fromTail govx.Date
	for _, at := range atoms {
		d, ok := fullDate(at)
		if !ok {
			continue
		}
		if at.start < head {
			a.ReferenceDate = d
			return govx.RefText, text, atoms
		}
		if at.start >= tail {
			fromTail = d
		}
	}
	if !fromTail.IsZero() {
		a.ReferenceDate = fromTail
		return govx.RefText, text, atoms
	}
	if d, ok := inferDate(text, atoms, head); ok {
		a.ReferenceDate = d
		return govx.RefInferred, text, atoms
	}
	return govx.RefNone, text, atoms
}

// fullDate returns the date of an atom that writes year, month and day.
func fullDate(a atom) (govx.Date, bool) {
	switch a.rule.kind {
	case kindYearBased:
		y, m, d := yearNumber(a.group("y")), number(a.group("m1")), number(a.group("d"))
		if y > 0 && a.group("m2") == "" && a.group("d2") == "" && validDay(y, m, d) {
			return dayDate(y, m, d), true
		}
	case kindNumericDate:
		y, m, d := yearNumber(a.group("ny")), number(a.group("nm")), number(a.group("nd"))
		if a.group("s1") == a.group("s2") && validDay(y, m, d) {
			return dayDate(y, m, d), true
		}
	}
	return govx.Date{}, false
}

// inferDate guesses the issue date from the dates an article names. The
// year is the latest year it states (not as the end of a range or after
// 到/至: targets are later than the issue). The month and day are those of
// the first day named near the top without a year (5月25日讯, 3月25日，…);
// else the day after the latest month or quarter it reports on in that
// year (1-6月 gives 1 July: reports follow their period); else 1 January.
func inferDate(text string, atoms []atom, head int) (govx.Date, bool) {
	best := 0
	for _, at := range atoms {
		if y := statedYear(text, at); y > best {
			best = y
		}
	}
	if best == 0 {
		return govx.Date{}, false
	}
	var after govx.Date // the day after the latest period reported on
	for _, at := range atoms {
		switch at.rule.kind {
		case kindYearBased:
			m := max(number(at.group("m1")), number(at.group("m2")))
			if t := at.group("mt"); yearNumber(at.group("y")) == best && m >= 1 && m <= 12 && t != "以来" && t != "至今" {
				after = later(after, dayDate(best, m+1, 1))
			}
		case kindMonthBased:
			m, d := number(at.group("m1")), number(at.group("d"))
			if at.start < head && d > 0 && at.group("m2") == "" && validDay(best, m, d) {
				return dayDate(best, m, d), true
			}
			if m2 := number(at.group("m2")); m2 > m {
				m = m2
			}
			if t := at.group("mt"); m >= 1 && m <= 12 && t != "以来" && t != "至今" {
				after = later(after, dayDate(best, m+1, 1))
			}
		case kindQuarter:
			if f, ok := quarterPart(mention{}, best, at.group("q"), false); ok {
				after = later(after, f.r.End.AddDays(1))
			}
		}
	}
	if !after.IsZero() {
		return after, true
	}
	return dayDate(best, 1, 1), true
}

// statedYear returns the year an atom states as a year the article is in,
// or 0: ranges, 以来 and targets after 到/至 do not count.
func statedYear(text string, at atom) int {
	if strings.HasSuffix(text[:at.start], "到") || strings.HasSuffix(text[:at.start], "至") {
		return 0
	}
	switch at.rule.kind {
	case kindYearBased:
		if t := at.group("yt"); at.group("y") != "" && t != "以来" && t != "至今" {
			return max(yearNumber(at.group("y")), 0)
		}
	case kindNumericDate:
		return max(yearNumber(at.group("ny")), 0)
	case kindBareYear:
		next := nextRune(text, at.end)
		if isHan(next) && !strings.ContainsRune(yearBlockers, next) && !isNumeral(prevRune(text, at.start)) {
			return max(yearNumber(at.group("by")), 0)
		}
	}
	return 0
}

func later(a, b govx.Date) govx.Date {
	if a.Before(b) {
		return b
	}
	return a
}

// runeOffset returns the byte offset of the n-th rune of s (len(s) when s
// is shorter).
func runeOffset(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}

// runeOffsetFromEnd returns how many bytes the last n runes of s take.
func runeOffsetFromEnd(s string, n int) int {
	i := len(s)
	for i > 0 && n > 0 {
		i--
		for i > 0 && s[i]&0xC0 == 0x80 {
			i--
		}
		n--
	}
	return len(s) - i
}
