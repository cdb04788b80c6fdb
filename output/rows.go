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
	m := &r.Mentions
	var b rowBuilder
	b.start(r)
	return Rows{
		Article:    b.article(),
		Quantities: b.quantities(withRoom[QuantityRow](len(m.Quantities))),
		Periods:    b.periods(withRoom[PeriodRow](len(m.Periods))),
		Entities:   b.entities(withRoom[EntityRow](len(m.Entities))),
		Indicators: b.indicators(withRoom[IndicatorRow](len(m.Indicators))),
		Tokens:     b.tokens(withRoom[TokenRow](len(r.Tokens))),
	}
}

// withRoom returns an empty slice with room for n rows, nil for none.
func withRoom[T any](n int) []T {
	if n == 0 {
		return nil
	}
	return make([]T, 0, n)
}

// rowBuilder converts one processed article after another into rows,
// which it appends to the slices it is given (a Writer's batches, so that
// rows are built where they are buffered). Start sets the article; the
// other methods build the rows of one table each.
type rowBuilder struct {
	r    *govx.Result
	cp   codePoints
	strs chunks[string]
	days chunks[Day]

	// Dates converted lately, and their Days in days, by a hash of the date.
	dayCache [64]struct {
		date govx.Date
		day  *Day
	}
}

// start sets the article whose rows the other methods build.
func (b *rowBuilder) start(r *govx.Result) {
	b.r = r
	b.cp = newCodePoints(r.Article.Text, b.cp.words)
}

// str returns a pointer to s for an optional column, nil for "" so that
// missing strings are null, never "".
func (b *rowBuilder) str(s string) *string {
	if s == "" {
		return nil
	}
	return b.strs.ptr(s)
}

// day converts d for a date column, nil for the zero Date. The same few
// dates come up again and again: rows share the Day of a date converted
// lately.
func (b *rowBuilder) day(d govx.Date) *Day {
	if d.IsZero() {
		return nil
	}
	c := &b.dayCache[uint(d.Year*31*12+int(d.Month)*31+d.Day)%uint(len(b.dayCache))]
	if c.day == nil || c.date != d {
		c.date, c.day = d, b.days.ptr(Day(d.EpochDays()))
	}
	return c.day
}

func (b *rowBuilder) article() ArticleRow {
	a := &b.r.Article
	return ArticleRow{
		ArticleID:     a.ID,
		DocID:         a.DocID,
		Source:        a.Source,
		Title:         b.str(a.Title),
		Published:     b.day(a.Published),
		ReferenceDate: b.day(a.ReferenceDate),
		Text:          a.Text,
		Region:        b.str(a.Region),
	}
}

func (b *rowBuilder) quantities(rows []QuantityRow) []QuantityRow {
	id, text, cp := b.r.Article.ID, b.r.Article.Text, b.cp
	for _, q := range b.r.Mentions.Quantities {
		rows = append(rows, QuantityRow{
			ArticleID: id, Sentence: int32(q.Sentence),
			Start: cp.at(q.Start), End: cp.at(q.End), Text: q.In(text),
			Value: q.Value, ValueMax: q.ValueMax,
			Unit: b.str(string(q.Unit)), SurfaceUnit: b.str(q.SurfaceUnit),
			Kind: q.Kind.String(), Qualifier: q.Qualifier.String(),
		})
	}
	return rows
}

func (b *rowBuilder) periods(rows []PeriodRow) []PeriodRow {
	id, text, cp := b.r.Article.ID, b.r.Article.Text, b.cp
	for _, p := range b.r.Mentions.Periods {
		rows = append(rows, PeriodRow{
			ArticleID: id, Sentence: int32(p.Sentence),
			Start: cp.at(p.Start), End: cp.at(p.End), Text: p.In(text),
			PeriodStart: b.day(p.Period.Start), PeriodEnd: b.day(p.Period.End),
			Granularity: p.Granularity.String(), Relative: p.Relative,
		})
	}
	return rows
}

func (b *rowBuilder) entities(rows []EntityRow) []EntityRow {
	id, text, cp := b.r.Article.ID, b.r.Article.Text, b.cp
	for _, e := range b.r.Mentions.Entities {
		rows = append(rows, EntityRow{
			ArticleID: id, Sentence: int32(e.Sentence),
			Start: cp.at(e.Start), End: cp.at(e.End), Text: e.In(text),
			Type: e.Type.String(), Normalized: b.str(e.Normalized), AdminCode: b.str(e.AdminCode),
		})
	}
	return rows
}

func (b *rowBuilder) indicators(rows []IndicatorRow) []IndicatorRow {
	id, cp := b.r.Article.ID, b.cp
	for _, in := range b.r.Mentions.Indicators {
		rows = append(rows, IndicatorRow{
			ArticleID: id, Sentence: int32(in.Sentence),
			Start: cp.at(in.Start), End: cp.at(in.End),
			Subject: b.str(in.Subject), Indicator: in.Name,
			PeriodStart: b.day(in.Period.Start), PeriodEnd: b.day(in.Period.End),
			Value: in.Value, Unit: b.str(string(in.Unit)), Qualifier: b.str(in.Qualifier.String()),
			ChangePct: in.ChangePct, ChangeBasis: b.str(in.ChangeBasis.String()),
			Modality: in.Modality.String(), Evidence: in.Evidence,
		})
	}
	return rows
}

func (b *rowBuilder) tokens(rows []TokenRow) []TokenRow {
	id, text, cp := b.r.Article.ID, b.r.Article.Text, b.cp
	for i, t := range b.r.Tokens {
		rows = append(rows, TokenRow{
			ArticleID: id, Sentence: int32(t.Sentence), Index: int32(i),
			Start: cp.at(t.Start), End: cp.at(t.End), Text: t.In(text), Pos: t.Pos,
		})
	}
	return rows
}

// chunks hands out pointers to values stored in chunks, one allocation
// for many; a stored value never moves.
type chunks[T any] struct{ chunk []T }

func (c *chunks[T]) ptr(v T) *T {
	if len(c.chunk) == cap(c.chunk) {
		c.chunk = make([]T, 0, 64)
	}
	c.chunk = append(c.chunk, v)
	return &c.chunk[len(c.chunk)-1]
}

// codePoints converts byte offsets of one text to code-point offsets. For
// valid UTF-8 (all the pipeline produces) it holds the number of code
// points before every eighth byte, counted eight bytes at a time, and
// counts the last few bytes for each conversion. For invalid text it
// holds the count before every byte, built with the decoding of a range
// loop, in which an invalid byte counts as one code point (as in
// utf8.RuneCountInString).
//
// An offset inside a code point converts to 0 either way.
type codePoints struct {
	text  string
	words []int32 // valid text: entry i is the code points before byte 8*i
	table []int32 // invalid text: entry b is the code points before byte b
}

// newCodePoints returns the converter of text. It may reuse the memory of
// words, the words of an earlier converter that is no longer used.
func newCodePoints(text string, words []int32) codePoints {
	cp := codePoints{text: text}
	if utf8.ValidString(text) {
		if n := len(text)/8 + 1; cap(words) >= n {
			cp.words = words[:n]
		} else {
			cp.words = make([]int32, n)
		}
		cp.words[0] = 0
		n := int32(0)
		for i := range len(text) / 8 {
			n += 8 - continuationBytes(text[8*i:])
			cp.words[i+1] = n
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
	n := cp.words[off/8]
	for i := off &^ 7; i < off; i++ {
		if !isContinuation(cp.text[i]) {
			n++
		}
	}
	return n
}

// isContinuation reports whether b is a UTF-8 continuation byte
// (10xxxxxx), one that does not start a code point.
func isContinuation(b byte) bool { return b&0xC0 == 0x80 }

// continuationBytes counts the continuation bytes among the first eight
// bytes of s.
func continuationBytes(s string) int32 {
	w := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
	// A continuation byte has its top bit set and the next one clear.
	const high = 0x8080808080808080 // the top bit of every byte
	return int32(bits.OnesCount64(w &^ (w << 1) & high))
}
