package govx

// Quantity is a number that measures something: a row of the quantities
// table. Its Span covers qualifiers, number, scale and unit (近100亿元).
type Quantity struct {
	Span
	Sentence    int
	Value       float64  // in Unit, scale applied: 2.58亿元 → 258000000
	ValueMax    *float64 // upper end of a range, nil otherwise
	Unit        Unit
	SurfaceUnit string // the unit as written: 亿元, 万美元, 家
	Kind        Kind
	Qualifier   Qualifier
}

// Period is an expression of time: a row of the periods table. The date
// range is inclusive and zero only for vague periods (近年来).
type Period struct {
	Span
	Sentence    int
	Period      DateRange
	Granularity Granularity
	Relative    bool // resolved against the reference date or the surrounding text
}

// Entity is a named organization, place, person or project: a row of the
// entities table.
type Entity struct {
	Span
	Sentence   int
	Type       EntityType
	Normalized string // canonical full name where known
	AdminCode  string // 6-digit administrative division code of a LOC
}

// Indicator is one reported figure of an indicator: a row of the
// indicators table. Its Span covers the clause that states it.
type Indicator struct {
	Span
	Sentence    int
	Subject     string    // whose figure: region or organization
	Name        string    // the indicator as written: 一般公共预算收入
	Period      DateRange // the governing period, zero when none
	Value       *float64
	Unit        Unit
	Qualifier   Qualifier // QualifierNone when no level is stated
	ChangePct   *float64  // growth in percent, negative for 下降
	ChangeBasis ChangeBasis
	Modality    Modality
	Evidence    string // the clause text
}

// DateRange is an inclusive range of dates; both ends are zero when the
// range is unknown.
type DateRange struct {
	Start, End Date
}

// Mentions collects everything the extractors found in one article. Each
// extractor appends to its own slice; later extractors (indicators) may
// read what earlier ones found.
type Mentions struct {
	Quantities []Quantity
	Periods    []Period
	Entities   []Entity
	Indicators []Indicator
}

// Result is one processed article with its tokens and mentions: what the
// pipeline hands to the output writers.
type Result struct {
	Article  Article
	Tokens   []Token // filled only when the tokens table is asked for
	Mentions Mentions
}
