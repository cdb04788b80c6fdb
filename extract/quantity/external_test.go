package quantity

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"govx"
	"govx/extract/extracttest"
)

// The external suites are other libraries' test cases (see
// ../shared/external/README.md). A suite of quantities is run through the
// Extractor; a suite of bare numerals (cn2an, Recognizers' NumberModel)
// through the numeral reader, since SPEC emits bare numbers as quantities
// only when they clearly measure something. An expected item is recalled
// when a result overlaps its span with the same value (either end of a
// range, or the value in the unit as written: 168公分 is 1.68 m, written
// 168). A case whose results are empty, or that expects an error, counts a
// false positive when anything is found.

// externalSuite is one suite file and how it is run.
type externalSuite struct {
	file     string
	numerals bool    // run the numeral reader instead of the extractor
	floor    float64 // recall floor (the bar of issue 3 where it sets one)
	maxFP    int     // false positives allowed on negative cases (as measured)
}

var externalSuites = []externalSuite{
	{file: "recognizers-currency", floor: 0.85},
	{file: "recognizers-percent", floor: 0.95, maxFP: 1}, // 五百分之2.2
	{file: "recognizers-dimension", floor: 0.90},
	{file: "jionlp-money", floor: 0.95},
	{file: "jionlp-money-extractor", floor: 0.95},
	{file: "cn2an-numerals", numerals: true, floor: 0.97},
	{file: "recognizers-number", numerals: true, floor: 0.70, maxFP: 1}, // 两两
	// Comparisons (大于二十, 小于等于三十五) and bare numbers: SPEC keeps
	// neither, so the recall is low by design; the figure is reported.
	{file: "recognizers-numberrange", floor: 0.15},
}

// specWins lists the external cases that contradict SPEC.md, with the
// reason; they are left out of the figures.
var specWins = map[string]string{
	"NumberWithUnit/CurrencyModel#22":  "人民币/美元 without a number are currency names, not quantities",
	"NumberWithUnit/DimensionModel#10": "一位 (one bit): in this genre 位 counts people; the count is found, the bit is not",
	"NumberWithUnit/DimensionModel#20": "三千比特 = 3 kilobit: SPEC applies the scale to the value (3000), not to the unit",
	"NumberWithUnit/DimensionModel#22": "六千字节 = 6 kilobyte: SPEC applies the scale to the value (6000), not to the unit",
	"NumberWithUnit/CurrencyModel#30":  "$20，300美圆: a full-width comma before exactly three digits is a thousands separator (SPEC's 82，225.00), so this reads 20300",
	"jionlp/money_extractor#4":         "9000台 and 一台 are counts: SPEC emits counts with a measure word",
	"jionlp/money_extractor#6":         "两瓶 is a count: SPEC emits counts with a measure word",
	"jionlp/money_extractor#8":         "不足一个月 is a duration: SPEC emits durations",
	"jionlp/money_extractor#10":        "三年以上, 十年以下 are durations: SPEC emits durations",
	"jionlp/money_parser#30":           "几十万: 几 is no number; SPEC gives a value only for numbers",
	"jionlp/money_parser#32":           "数十亿: 数 is no number; SPEC gives a value only for numbers",
	"Number/PercentModel#48":           "二三十个百分点 is a range of points; Recognizers finds nothing, SPEC reads 20 to 30 pp",
	"Number/PercentModel#116":          "二三十個百分點 is a range of points; Recognizers finds nothing, SPEC reads 20 to 30 pp",
	"cn2an/error_strict_datas#1":       "壹壹: cn2an's strict mode rejects it, its normal mode reads 11 (cn2an/normal_data_dict): govx reads every numeral",
}

type externalCase struct {
	Suite       string           `json:"suite"`
	ID          string           `json:"id"`
	Input       string           `json:"input"`
	ExpectError bool             `json:"expect_error"`
	Results     []externalResult `json:"results"`
}

type externalResult struct {
	Text      string          `json:"text"`
	Value     json.RawMessage `json:"value"`
	ValueNum  *float64        `json:"value_num"`
	ByteStart int             `json:"byte_start"`
	ByteEnd   int             `json:"byte_end"`
}

// values returns the expected values of r: one, two for a range or an
// interval, none when the suite gives no value.
func (r externalResult) values() []float64 {
	if r.ValueNum != nil {
		return []float64{*r.ValueNum}
	}
	var one string
	if json.Unmarshal(r.Value, &one) == nil {
		one = strings.Trim(one, "%()[]")
		var vs []float64
		for _, part := range strings.Split(one, ",") {
			if v, err := strconv.ParseFloat(strings.TrimSpace(part), 64); err == nil {
				vs = append(vs, v)
			}
		}
		return vs
	}
	var many []string
	if json.Unmarshal(r.Value, &many) == nil {
		var vs []float64
		for _, s := range many {
			if v, err := strconv.ParseFloat(s, 64); err == nil {
				vs = append(vs, v)
			}
		}
		return vs
	}
	return nil
}

// found is a number found in a case's input: a span and the values it
// may be compared with.
type found struct {
	span   govx.Span
	values []float64
}

func TestExternalSuites(t *testing.T) {
	dir := filepath.Join(extracttest.SharedDir(t), "external")
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	surfaceFactor := make(map[string]float64)
	for _, d := range unitTable() {
		surfaceFactor[d.word] = d.factor
	}
	for _, suite := range externalSuites {
		cases := readCases(t, filepath.Join(dir, suite.file+".jsonl"))
		var expected, recalled, negatives, falsePos, skipped int
		for _, c := range cases {
			if _, skip := specWins[c.ID]; skip {
				skipped++
				continue
			}
			var got []found
			got = extractAll(t, e, c.Input, surfaceFactor)
			if suite.numerals {
				got = append(scanNumerals(c.Input), got...)
			}
			if len(c.Results) == 0 || c.ExpectError {
				negatives++
				bad := len(got) > 0
				if suite.numerals {
					_, err := ParseNumeral(c.Input)
					bad = err == nil
				}
				if bad {
					falsePos++
					if testing.Verbose() {
						t.Logf("%s: false positive on %q: %v", c.ID, c.Input, got)
					}
				}
				continue
			}
			for _, r := range c.Results {
				want := r.values()
				span := govx.Span{Start: r.ByteStart, End: r.ByteEnd}
				expected++
				if hit(got, span, want) {
					recalled++
				} else if testing.Verbose() {
					t.Logf("%s: missed %q (%v) in %q; found %v", c.ID, r.Text, want, c.Input, got)
				}
			}
		}
		recall := float64(recalled) / float64(max(1, expected))
		t.Logf("%-26s recall %.3f (%d/%d)  false positives %d/%d  skipped (SPEC wins) %d",
			suite.file, recall, recalled, expected, falsePos, negatives, skipped)
		if recall < suite.floor {
			t.Errorf("%s: recall %.3f below the floor %.2f", suite.file, recall, suite.floor)
		}
		if falsePos > suite.maxFP {
			t.Errorf("%s: %d false positives, at most %d allowed", suite.file, falsePos, suite.maxFP)
		}
	}
}

// hit reports whether a found number overlaps span with one of the
// wanted values (any, when the suite gives none).
func hit(got []found, span govx.Span, want []float64) bool {
	for _, f := range got {
		if !f.span.Overlaps(span) {
			continue
		}
		if len(want) == 0 {
			return true
		}
		for _, w := range want {
			for _, v := range f.values {
				if near(v, w) {
					return true
				}
			}
		}
	}
	return false
}

// extractAll runs the extractor on a case's input. Each quantity may be
// compared by its value, its upper end, and its value in the unit as
// written.
func extractAll(t *testing.T, e *Extractor, input string, surfaceFactor map[string]float64) []found {
	doc := extracttest.Doc(input)
	var m govx.Mentions
	e.Extract(doc, &m)
	extracttest.Check(t, doc, &m)
	var out []found
	for _, q := range m.Quantities {
		f := found{span: q.Span, values: []float64{q.Value}}
		if q.ValueMax != nil {
			f.values = append(f.values, *q.ValueMax)
		}
		for word, factor := range surfaceFactor {
			if factor != 1 && strings.HasSuffix(q.SurfaceUnit, word) {
				f.values = append(f.values, q.Value/factor)
			}
		}
		out = append(out, f)
	}
	return out
}

// scanNumerals lists the numerals of a text the way the extractor reads
// them, with a sign (负, -) where one is written.
func scanNumerals(input string) []found {
	v := newView(extracttest.Doc(input).Folded)
	s := v.text
	var out []found
	for i := 0; i < len(s); {
		p, sign := i, 1.0
		if rest, ok := cutPrefix(s[i:], "负", "負", "-"); ok && startsNumber(rest) {
			p, sign = len(s)-len(rest), -1
		}
		n, ok := readNumeral(s, p, readOptions{})
		if !ok || n.scaleOnly {
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
			continue
		}
		out = append(out, found{
			span:   govx.Span{Start: v.start(i), End: v.end(n.end)},
			values: []float64{sign * n.value},
		})
		i = n.end
	}
	return out
}

func readCases(t *testing.T, path string) []externalCase {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases []externalCase
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var c externalCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return cases
}
