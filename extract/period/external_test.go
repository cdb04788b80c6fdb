package period

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"govx"
	"govx/extract/extracttest"
)

// The external suites are other libraries' test cases (see
// ../shared/external/README.md). They test generality, not this project's
// conventions, so the test reports how many expected spans are found with
// the right dates and holds a floor only on the cases of the kinds issue 4
// puts in scope.

// externalCase is one line of an external suite, reduced to what the test
// reads.
type externalCase struct {
	ID               string  `json:"id"`
	Input            string  `json:"input"`
	ReferenceDate    *string `json:"reference_date"`
	ReferencePartial string  `json:"reference_partial"`
	Results          []struct {
		Text       string          `json:"text"`
		Type       string          `json:"type"`
		Start      int             `json:"start"`
		End        int             `json:"end"`
		Resolution json.RawMessage `json:"resolution"`
	} `json:"results"`
}

// inScope selects the expected spans of the kinds issue 4 covers: Chinese
// calendar expressions made only of digits and numerals, 年 月 日 号, 季度,
// halves, 年底/年末/年初, the deictic 今 去 明 本 上 当, 以来 and range marks
// (从, 至, 到, -), plus a bare four-digit year. Left out: weeks, clock
// times, holidays, lunar dates, centuries, durations, numeric formats
// without Chinese (2010.01.29, 05/05/89) and days written without 日 or 号
// (四月十三, which JioNLP reads as a lunar date).
var inScope = regexp.MustCompile(`^从?(?:[0-9０-９〇零一二两三四五六七八九十年月日号季度今去明本上当全首第至到\-—~ ]|上半年|下半年|年底|年末|年初|以来)*[年月日号度底末初来]$|^[0-9]{4}$`)

// scopeTypes are the expected types that name dates or date ranges.
var scopeTypes = map[string]bool{"date": true, "daterange": true, "time_point": true, "time_span": true}

// readings returns the expected inclusive date ranges of a result: the
// past and future readings of Recognizers-Text (endDate exclusive), or
// JioNLP's [start, end] pair. lenient adds, for Recognizers' ranges, the
// reading with endDate inclusive: its Timex for 从一月十日到十二日 or
// 从2016到2018 ends on the written end itself, which Chinese (and this
// project's gold: 2021—2035年 ends in 2035) includes.
func readings(raw json.RawMessage) (strict, lenient []govx.DateRange) {
	var res struct {
		Past, Future map[string]string `json:"-"`
		PastRes      map[string]string `json:"PastResolution"`
		FutureRes    map[string]string `json:"FutureResolution"`
		Time         any               `json:"time"`
	}
	if json.Unmarshal(raw, &res) != nil {
		return nil, nil
	}
	var out, extra []govx.DateRange
	for _, m := range []map[string]string{res.PastRes, res.FutureRes} {
		if d, err := govx.ParseDate(m["date"]); err == nil {
			out = append(out, govx.DateRange{Start: d, End: d})
			continue
		}
		s, err1 := govx.ParseDate(m["startDate"])
		e, err2 := govx.ParseDate(m["endDate"])
		if err1 == nil && err2 == nil {
			out = append(out, govx.DateRange{Start: s, End: e.AddDays(-1)})
			extra = append(extra, govx.DateRange{Start: s, End: e})
		}
	}
	if pair, ok := res.Time.([]any); ok && len(pair) == 2 {
		s, _ := pair[0].(string)
		e, _ := pair[1].(string)
		s, _, _ = strings.Cut(s, " ")
		e, _, _ = strings.Cut(e, " ")
		ds, err1 := govx.ParseDate(s)
		de, err2 := govx.ParseDate(e)
		if err1 == nil && err2 == nil {
			out = append(out, govx.DateRange{Start: ds, End: de})
		}
	}
	return out, append(extra, out...)
}

// caseReference returns the reference date of a case: its date, or a
// date within its partial reference (a year, a month), or 2021-06-14 (the
// date most JioNLP cases use) when it has none.
func caseReference(c externalCase) govx.Date {
	if c.ReferenceDate != nil && len(*c.ReferenceDate) >= 10 {
		if d, err := govx.ParseDate((*c.ReferenceDate)[:10]); err == nil {
			return d
		}
	}
	if p := c.ReferencePartial; len(p) == 4 {
		if d, err := govx.ParseDate(p + "-07-01"); err == nil {
			return d
		}
	} else if len(p) == 7 {
		if d, err := govx.ParseDate(p + "-15"); err == nil {
			return d
		}
	}
	return govx.DateOf(2021, 6, 14)
}

// byteOffset returns the byte offset of code point n of s.
func byteOffset(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}

// suiteScore counts expected spans: all of them, those found with the
// right dates (strictly or leniently, see readings), and those in scope.
type suiteScore struct {
	total, found, lenient, exact         int
	scopeTotal, scopeFound, scopeLenient int
}

// foundIn reports whether a period overlapping span has one of the dates
// in exp, and whether it also has exactly that span.
func foundIn(ps []govx.Period, span govx.Span, exp []govx.DateRange) (ok, exact bool) {
	for _, p := range ps {
		if !p.Span.Overlaps(span) {
			continue
		}
		for _, x := range exp {
			if p.Period == x {
				ok = true
				exact = exact || p.Span == span
			}
		}
	}
	return ok, exact
}

func TestExternalSuites(t *testing.T) {
	dir := extracttest.SharedDir(t)
	e := newExtractor(t)
	floors := map[string]float64{"recognizers-dateperiod.jsonl": 0.7, "jionlp-time.jsonl": 0.7}
	for _, name := range []string{"recognizers-date.jsonl", "recognizers-dateperiod.jsonl", "jionlp-time.jsonl"} {
		f, err := os.Open(filepath.Join(dir, "external", name))
		if err != nil {
			t.Fatal(err)
		}
		var sc suiteScore
		in := bufio.NewScanner(f)
		in.Buffer(nil, 1<<20)
		for in.Scan() {
			var c externalCase
			if err := json.Unmarshal(in.Bytes(), &c); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			ref := caseReference(c)
			doc := extracttest.Doc(c.Input)
			doc.Article.ReferenceDate = ref
			var m govx.Mentions
			e.Extract(doc, &m)
			extracttest.Check(t, doc, &m)
			for _, want := range c.Results {
				strict, lenient := readings(want.Resolution)
				if len(lenient) == 0 {
					continue // a duration or a set: no dates to compare
				}
				span := govx.Span{Start: byteOffset(c.Input, want.Start), End: byteOffset(c.Input, want.End)}
				scoped := scopeTypes[want.Type] && inScope.MatchString(want.Text)
				ok, exact := foundIn(m.Periods, span, strict)
				okLenient, _ := foundIn(m.Periods, span, lenient)
				sc.total++
				sc.found += b2i(ok)
				sc.exact += b2i(exact)
				sc.lenient += b2i(okLenient)
				if scoped {
					sc.scopeTotal++
					sc.scopeFound += b2i(ok)
					sc.scopeLenient += b2i(okLenient)
					if !okLenient {
						t.Logf("%s %s: missed in-scope %q in %q (ref %v), want %v, got %v", name, c.ID, want.Text, c.Input, ref, lenient, show(c.Input, m.Periods))
					}
				}
			}
		}
		f.Close()
		if err := in.Err(); err != nil {
			t.Fatal(err)
		}
		share := float64(sc.scopeLenient) / float64(max(sc.scopeTotal, 1))
		t.Logf("%s: found with the right dates %d of %d expected spans (%d with the exact span; %d with inclusive range ends); "+
			"in scope: %d of %d strictly, %d = %.2f with inclusive range ends",
			name, sc.found, sc.total, sc.exact, sc.lenient, sc.scopeFound, sc.scopeTotal, sc.scopeLenient, share)
		if floor, ok := floors[name]; ok && share < floor {
			t.Errorf("%s: in-scope share %.2f < %.2f", name, share, floor)
		}
	}
}

// show renders periods for a log line.
func show(text string, ps []govx.Period) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString("[" + p.Span.In(text) + " " + p.Period.Start.String() + ".." + p.Period.End.String() + " " + p.Granularity.String() + "]")
	}
	return b.String()
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
