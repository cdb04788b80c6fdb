package output

import (
	"encoding/json"
	"math/bits"
	"unicode/utf8"

	"govx"
)

// Day is a Parquet DATE: days since 1970-01-01. parquet-go v0.32.0 writes
// a time.Time tagged `date` wrongly, so dates are stored as this int32.
// In JSON a Day is written as "2006-01-02".
type Day int32

// DayOf converts a date; the zero Date gives nil (null).
func DayOf(d govx.Date) *Day {
	if d.IsZero() {
		return nil
	}
	v := Day(d.EpochDays())
	return &v
}

// Date returns the calendar date of d.
func (d Day) Date() govx.Date { return govx.DateFromEpochDays(int32(d)) }

// MarshalJSON writes d as "2006-01-02".
func (d Day) MarshalJSON() ([]byte, error) { return json.Marshal(d.Date().String()) }

// UnmarshalJSON reads "2006-01-02".
func (d *Day) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	v, err := govx.ParseDate(s)
	if err != nil {
		return err
	}
	*d = Day(v.EpochDays())
	return nil
}

// ArticleRow is a row of the articles table.
type ArticleRow struct {
	ArticleID     string  `parquet:"article_id" json:"article_id"`
	DocID         string  `parquet:"doc_id" json:"doc_id"`
	Source        string  `parquet:"source" json:"source"`
	Title         *string `parquet:"title,optional" json:"title"`
	Published     *Day    `parquet:"published,date,optional" json:"published"`
	ReferenceDate *Day    `parquet:"reference_date,date,optional" json:"reference_date"`
	Text          string  `parquet:"text" json:"text"`
	Region        *string `parquet:"region,optional" json:"region"`
}

// QuantityRow is a row of the quantities table.
type QuantityRow struct {
	ArticleID   string   `parquet:"article_id" json:"article_id"`
	Sentence    int32    `parquet:"sentence" json:"sentence"`
	Start       int32    `parquet:"start" json:"start"`
	End         int32    `parquet:"end" json:"end"`
	Text        string   `parquet:"text" json:"text"`
	Value       float64  `parquet:"value" json:"value"`
	ValueMax    *float64 `parquet:"value_max,optional" json:"value_max"`
	Unit        *string  `parquet:"unit,optional" json:"unit"`
	SurfaceUnit *string  `parquet:"surface_unit,optional" json:"surface_unit"`
	Kind        string   `parquet:"kind" json:"kind"`
	Qualifier   string   `parquet:"qualifier" json:"qualifier"`
}

// PeriodRow is a row of the periods table.
type PeriodRow struct {
	ArticleID   string `parquet:"article_id" json:"article_id"`
	Sentence    int32  `parquet:"sentence" json:"sentence"`
	Start       int32  `parquet:"start" json:"start"`
	End         int32  `parquet:"end" json:"end"`
	Text        string `parquet:"text" json:"text"`
	PeriodStart *Day   `parquet:"period_start,date,optional" json:"period_start"`
	PeriodEnd   *Day   `parquet:"period_end,date,optional" json:"period_end"`
	Granularity string `parquet:"granularity" json:"granularity"`
	Relative    bool   `parquet:"relative" json:"relative"`
}

// EntityRow is a row of the entities table.
type EntityRow struct {
	ArticleID  string  `parquet:"article_id" json:"article_id"`
	Sentence   int32   `parquet:"sentence" json:"sentence"`
	Start      int32   `parquet:"start" json:"start"`
	End        int32   `parquet:"end" json:"end"`
	Text       string  `parquet:"text" json:"text"`
	Type       string  `parquet:"type" json:"type"`
	Normalized *string `parquet:"normalized,optional" json:"normalized"`
	AdminCode  *string `parquet:"admin_code,optional" json:"admin_code"`
}

// IndicatorRow is a row of the indicators table.
type IndicatorRow struct {
	ArticleID   string   `parquet:"article_id" json:"article_id"`
	Sentence    int32    `parquet:"sentence" json:"sentence"`
	Start       int32    `parquet:"start" json:"start"`
	End         int32    `parquet:"end" json:"end"`
	Subject     *string  `parquet:"subject,optional" json:"subject"` // null when neither the clause nor the article names one
	Indicator   string   `parquet:"indicator" json:"indicator"`
	PeriodStart *Day     `parquet:"period_start,date,optional" json:"period_start"`
	PeriodEnd   *Day     `parquet:"period_end,date,optional" json:"period_end"`
	Value       *float64 `parquet:"value,optional" json:"value"`
	Unit        *string  `parquet:"unit,optional" json:"unit"`
	Qualifier   *string  `parquet:"qualifier,optional" json:"qualifier"`
	ChangePct   *float64 `parquet:"change_pct,optional" json:"change_pct"`
	ChangeBasis *string  `parquet:"change_basis,optional" json:"change_basis"`
	Modality    string   `parquet:"modality" json:"modality"`
	Evidence    string   `parquet:"evidence" json:"evidence"`
}

// TokenRow is a row of the tokens table.
type TokenRow struct {
	ArticleID string `parquet:"article_id" json:"article_id"`
	Sentence  int32  `parquet:"sentence" json:"sentence"`
	Index     int32  `parquet:"index" json:"index"`
	Start     int32  `parquet:"start" json:"start"`
	End       int32  `parquet:"end" json:"end"`
	Text      string `parquet:"text" json:"text"`
	Pos       string `parquet:"pos" json:"pos"`
}

// Rows holds the rows of every table for one article.
type Rows struct {
	Article    ArticleRow
	Quantities []QuantityRow
	Periods    []PeriodRow
	Entities   []EntityRow
	Indicators []IndicatorRow
	Tokens     []TokenRow
}

// RowsOf converts a processed article into table rows. This is the one
// place where byte offsets become code-point offsets.
func RowsOf(r *govx.Result) Rows {
	a := &r.Article
	text := a.Text
	cp := newCodePoints(text)
	m := &r.Mentions
	var strs stringStore
	rows := Rows{
		Quantities: withRoom[QuantityRow](len(m.Quantities)),
		Periods:    withRoom[PeriodRow](len(m.Periods)),
		Entities:   withRoom[EntityRow](len(m.Entities)),
		Indicators: withRoom[IndicatorRow](len(m.Indicators)),
		Tokens:     withRoom[TokenRow](len(r.Tokens)),
	}
	rows.Article = ArticleRow{
		ArticleID:     a.ID,
		DocID:         a.DocID,
		Source:        a.Source,
		Title:         strs.ptr(a.Title),
		Published:     DayOf(a.Published),
		ReferenceDate: DayOf(a.ReferenceDate),
		Text:          text,
		Region:        strs.ptr(a.Region),
	}
	for _, q := range m.Quantities {
		rows.Quantities = append(rows.Quantities, QuantityRow{
			ArticleID: a.ID, Sentence: int32(q.Sentence),
			Start: cp.at(q.Start), End: cp.at(q.End), Text: q.In(text),
			Value: q.Value, ValueMax: q.ValueMax,
			Unit: strs.ptr(string(q.Unit)), SurfaceUnit: strs.ptr(q.SurfaceUnit),
			Kind: q.Kind.String(), Qualifier: q.Qualifier.String(),
		})
	}
	for _, p := range m.Periods {
		rows.Periods = append(rows.Periods, PeriodRow{
			ArticleID: a.ID, Sentence: int32(p.Sentence),
			Start: cp.at(p.Start), End: cp.at(p.End), Text: p.In(text),
			PeriodStart: DayOf(p.Period.Start), PeriodEnd: DayOf(p.Period.End),
			Granularity: p.Granularity.String(), Relative: p.Relative,
		})
	}
	for _, e := range m.Entities {
		rows.Entities = append(rows.Entities, EntityRow{
			ArticleID: a.ID, Sentence: int32(e.Sentence),
			Start: cp.at(e.Start), End: cp.at(e.End), Text: e.In(text),
			Type: e.Type.String(), Normalized: strs.ptr(e.Normalized), AdminCode: strs.ptr(e.AdminCode),
		})
	}
	for _, in := range m.Indicators {
		rows.Indicators = append(rows.Indicators, IndicatorRow{
			ArticleID: a.ID, Sentence: int32(in.Sentence),
			Start: cp.at(in.Start), End: cp.at(in.End),
			Subject: strs.ptr(in.Subject), Indicator: in.Name,
			PeriodStart: DayOf(in.Period.Start), PeriodEnd: DayOf(in.Period.End),
			Value: in.Value, Unit: strs.ptr(string(in.Unit)), Qualifier: strs.ptr(in.Qualifier.String()),
			ChangePct: in.ChangePct, ChangeBasis: strs.ptr(in.ChangeBasis.String()),
			Modality: in.Modality.String(), Evidence: in.Evidence,
		})
	}
	for i, t := range r.Tokens {
		rows.Tokens = append(rows.Tokens, TokenRow{
			ArticleID: a.ID, Sentence: int32(t.Sentence), Index: int32(i),
			Start: cp.at(t.Start), End: cp.at(t.End), Text: t.In(text), Pos: t.Pos,
		})
	}
	return rows
}

// withRoom returns an empty slice with room for n rows, nil for none.
func withRoom[T any](n int) []T {
	if n == 0 {
		return nil
	}
	return make([]T, 0, n)
}

// stringStore hands out pointers to strings for the optional columns, nil
// for "" so that missing strings are null, never "". It stores them in
// chunks, one allocation for many, and never moves a stored string.
type stringStore struct{ chunk []string }

func (ss *stringStore) ptr(s string) *string {
	if s == "" {
		return nil
	}
	if len(ss.chunk) == cap(ss.chunk) {
		ss.chunk = make([]string, 0, 32)
	}
	ss.chunk = append(ss.chunk, s)
	return &ss.chunk[len(ss.chunk)-1]
}

// codePoints converts byte offsets of one text to code-point offsets. For
// valid UTF-8 (all the pipeline produces) it holds the number of code
// points before every 64th byte, and counts the rest of the way for each
// conversion. For invalid text it holds the count before every byte,
// built with the decoding of a range loop, in which an invalid byte counts
// as one code point (as in utf8.RuneCountInString).
//
// An offset inside a code point converts to 0 either way.
type codePoints struct {
	text   string
	blocks []int32 // valid text: entry i is the code points before byte i*blockSize
	table  []int32 // invalid text: entry b is the code points before byte b
}

// blockSize is the distance between the counts kept for valid text.
const blockSize = 64

func newCodePoints(text string) codePoints {
	cp := codePoints{text: text}
	if utf8.ValidString(text) {
		cp.blocks = make([]int32, len(text)/blockSize+1)
		for i := 1; i < len(cp.blocks); i++ {
			cp.blocks[i] = cp.blocks[i-1] + codePointsIn(text[(i-1)*blockSize:i*blockSize])
		}
		return cp
	}
	cp.table = make([]int32, len(text)+1)
	n := int32(0)
	for b := range text {
		cp.table[b] = n
		n++
	}
	cp.table[len(text)] = n
	return cp
}

// at returns the code points before byte off.
func (cp codePoints) at(off int) int32 {
	switch {
	case cp.table != nil:
		return cp.table[off]
	case off < len(cp.text) && isContinuation(cp.text[off]):
		return 0
	}
	block := off / blockSize
	return cp.blocks[block] + codePointsIn(cp.text[block*blockSize:off])
}

// isContinuation reports whether b is a UTF-8 continuation byte
// (10xxxxxx), one that does not start a code point.
func isContinuation(b byte) bool { return b&0xC0 == 0x80 }

// codePointsIn counts the code points of s, valid UTF-8: its bytes that
// are not continuation bytes, eight at a time.
func codePointsIn(s string) int32 {
	const high = 0x8080808080808080 // the top bit of every byte
	n := len(s)
	for ; len(s) >= 8; s = s[8:] {
		w := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
			uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
		// A continuation byte has its top bit set and the next one clear.
		n -= bits.OnesCount64(w &^ (w << 1) & high)
	}
	for i := range len(s) {
		if isContinuation(s[i]) {
			n--
		}
	}
	return int32(n)
}
