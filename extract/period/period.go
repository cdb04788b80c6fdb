// Package period finds the expressions of time in an article — 2023年,
// 1-6月, 一季度, 今年以来, “十四五”, 近年来 — and resolves each to an
// inclusive date range with a granularity, filling the periods table.
//
// Relative words are resolved against the article's reference date and
// against the year the passage reports on: an article issued in January
// that reviews the previous year (过去一年, 2023年…) reads 今年, 全年 and
// 当年 as that year and 明年 as the year after it, while 去年 stays one
// year before the reference date — until a clause sets a target for 今年
// (今年力争…): that 今年 is the reference year, and past the headline the
// article reports on it from there on. Month-only and quarter-only
// expressions take the year stated earlier in the same sentence, else the
// reporting year, but a day in the month before the reference date is in
// the reference year (1月9日 in an article of 10 January); 上年 is the
// year before the one reported on (比上年 in a communiqué on 2023 is 2022);
// 上月 and 本月 are read from the month the article reports on (the
// last month it named), not from the issue date.
//
// The conventions follow the shared gold (../shared/gold): 年底, 年末 and
// 季度末 are the last month (granularity month); 年初 the first month;
// 今年以来, 1月以来 and 2015年以来 run to the reference date (range);
// 截至3月末 is a range open at its start; 近年来, 未来, 目前 are vague rows
// with null dates (截至目前 ends on the reference date); a quoted plan
// keeps its quotes (“十四五”, 2021–2025, multi_year) and “十四五”末 is its
// last year; comparison bases (同期, 去年同期, 比上年) are not periods, nor
// are anniversaries (75周年) and durations (连续两年, 7年时间). Rules are
// data: the patterns in rules.go, the word lists in tables.go.
//
// The extractor also owns the article's reference date: when the input
// gives none, ResolveReference takes it from a date written in the text
// or infers it from the dates the article names.
package period

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"govx"
	"govx/extract"
)

// Extractor finds periods. Build it with New; it is safe for concurrent
// use.
type Extractor struct {
	scan *scanner
	// vague maps each vague word to whether it runs to the reference date.
	vague map[string]bool
	plans map[string]fiveYearPlan
	// buffers holds *buffers for Extract to reuse.
	buffers sync.Pool
}

// buffers are the slices of one Extract call, kept for the next.
type buffers struct {
	atoms  []atom
	memo   map[memoKey][]int
	found  []mention
	quants []govx.Span
}

// New builds the extractor from its rule tables.
func New() (*Extractor, error) {
	s, err := newScanner()
	if err != nil {
		return nil, fmt.Errorf("period: compile rules: %w", err)
	}
	e := &Extractor{scan: s, vague: map[string]bool{}, plans: map[string]fiveYearPlan{}}
	e.buffers.New = func() any { return &buffers{memo: map[memoKey][]int{}} }
	for _, w := range vagueWords {
		e.vague[w.word] = w.toRef
	}
	for _, p := range fiveYearPlans {
		e.plans[p.name] = p
	}
	return e, nil
}

var _ extract.Extractor = (*Extractor)(nil)

// Extract appends the periods of doc to m. When doc.Article.ReferenceDate
// is zero it is filled first (see ResolveReference). Relative words that
// cannot be resolved, because the article has no reference date at all,
// are given as vague rows with null dates.
func (e *Extractor) Extract(doc *extract.Doc, m *govx.Mentions) {
	_, folded, atoms := e.resolveAndScan(doc.Article)
	text := doc.Folded.Text
	buf := e.buffers.Get().(*buffers)
	defer e.buffers.Put(buf)
	if folded != text {
		atoms = e.scan.scan(text, buf.atoms[:0], buf.memo)
		buf.atoms = atoms
		defer clear(buf.memo) // let the text go
		defer clear(atoms)
	}
	ref := doc.Article.ReferenceDate
	r := &resolver{
		e:          e,
		doc:        doc,
		text:       text,
		ref:        ref,
		refOK:      !ref.IsZero(),
		report:     reportingYear(doc.Article.Title, text, ref),
		sentence:   -1,
		lastDayEnd: -1,
	}
	r.quants = quantitySpans(m.Quantities, buf.quants[:0])
	buf.quants = r.quants
	found := buf.found[:0]
	for _, a := range atoms {
		if f, ok := r.resolve(a); ok {
			found = append(found, f)
		}
	}
	buf.found = found
	found = mergeRanges(text, found)
	m.Periods = slices.Grow(m.Periods, len(found))
	for _, f := range found {
		start, end := doc.Folded.Orig(f.start), doc.Folded.Orig(f.end)
		m.Periods = append(m.Periods, govx.Period{
			Span:        govx.Span{Start: start, End: end},
			Sentence:    doc.SentenceAt(start),
			Period:      f.r,
			Granularity: f.g,
			Relative:    f.rel,
		})
	}
}

// mention is a resolved expression, in folded-text offsets.
type mention struct {
	start, end int
	r          govx.DateRange
	g          govx.Granularity
	rel        bool
}

// reviewCue and reviewTails are the words by which an article issued
// early in a year says it reviews the year before: 过去 and a tail (过去一年,
// 过去的一年), or 过去的 and that year (过去的2023年).
const reviewCue = "过去"

var reviewTails = []string{"一年", "的一年"}

// reportingYear returns the year the article reports on: the reference
// year, or the year before it when an article issued in the first quarter
// reviews that year (过去一年, 过去的2023年), or when one issued in the
// first half names that year, and not its own, in its title (云溪县2024年
// 统计公报, issued in 2025).
func reportingYear(title, text string, ref govx.Date) int {
	if ref.IsZero() {
		return 0
	}
	last := strconv.Itoa(ref.Year-1) + "年"
	if ref.Month <= 3 && reviewsYear(text, last) {
		return ref.Year - 1
	}
	if title == "" { // the title is the text's first line
		title, _, _ = strings.Cut(strings.TrimSpace(text), "\n")
	}
	if ref.Month <= 6 && strings.Contains(title, last) && !strings.Contains(title, strconv.Itoa(ref.Year)+"年") {
		return ref.Year - 1
	}
	return ref.Year
}

// reviewsYear reports whether text says that it reviews a year (year,
// 2023年): 过去一年, 过去的一年, 过去的2023年.
func reviewsYear(text, year string) bool {
	for {
		i := strings.Index(text, reviewCue)
		if i < 0 {
			return false
		}
		text = text[i+len(reviewCue):]
		if hasAnyPrefix(text, reviewTails...) || strings.HasPrefix(text, "的") && strings.HasPrefix(text[len("的"):], year) {
			return true
		}
	}
}

// quantitySpans appends to spans the spans of the quantities found
// before, sorted.
func quantitySpans(qs []govx.Quantity, spans []govx.Span) []govx.Span {
	for _, q := range qs {
		spans = append(spans, q.Span)
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	return spans
}

// dashes are the separators that join two periods into one range.
var dashes = []string{"-", "~", "—", "——", "–", "至", "到"}

// untilWords before a period make it a range open at its start (截至3月末).
var untilWords = []string{"截至到", "截止到", "截至", "截止"}

// mergeRanges joins two periods separated only by a dash into one range
// (1月至6月, 2023年1月—2024年6月) and opens the start of a period after
// 截至 (截至2020年底). It reuses the array of found.
func mergeRanges(text string, found []mention) []mention {
	out := found[:0]
	for i := 0; i < len(found); i++ {
		f := found[i]
		if i+1 < len(found) && f.g != govx.GranularityVague && found[i+1].g != govx.GranularityVague {
			next := found[i+1]
			between := strings.TrimSpace(text[f.end:next.start])
			if isDash(between) && !next.r.End.Before(f.r.Start) {
				g := govx.GranularityRange
				if isYears(f.g) && isYears(next.g) {
					g = govx.GranularityMultiYear
				}
				f = mention{start: f.start, end: next.end, r: govx.DateRange{Start: f.r.Start, End: next.r.End}, g: g, rel: f.rel || next.rel}
				i++
			}
		}
		if f.g != govx.GranularityVague && !f.r.End.IsZero() {
			for _, w := range untilWords {
				if strings.HasSuffix(text[:f.start], w) {
					f.start -= len(w)
					f.r.Start = govx.Date{}
					f.g = govx.GranularityRange
					break
				}
			}
		}
		out = append(out, f)
	}
	return out
}

func isDash(s string) bool {
	for _, d := range dashes {
		if s == d {
			return true
		}
	}
	return false
}

func isYears(g govx.Granularity) bool {
	return g == govx.GranularityYear || g == govx.GranularityMultiYear
}

// prevRune returns the rune before offset i of s, or 0.
func prevRune(s string, i int) rune {
	r, n := utf8.DecodeLastRuneInString(s[:i])
	if n == 0 {
		return 0
	}
	return r
}

// nextRune returns the rune at offset i of s, or 0.
func nextRune(s string, i int) rune {
	r, n := utf8.DecodeRuneInString(s[i:])
	if n == 0 {
		return 0
	}
	return r
}

// isNumeral reports whether r is a digit or a Chinese numeral character.
func isNumeral(r rune) bool {
	if r >= '0' && r <= '9' {
		return true
	}
	_, ok := cnDigits[r]
	return ok || r == '十' || r == '百' || r == '千'
}

// isHan reports whether r is a Chinese character.
func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }
