package govx

import "fmt"

// The enumerations below are small integer types whose String method gives
// the exact strings of SPEC.md; that table is the only place those strings
// are written. Each zero value means "not set" and prints as "", which the
// writers store as null.

// Kind is what a quantity measures.
type Kind uint8

// The kinds of quantity.
const (
	KindNone Kind = iota
	KindMoney
	KindPercent
	KindPercentPoint
	KindCount
	KindMass
	KindArea
	KindVolume
	KindLength
	KindPower
	KindEnergy
	KindMultiple
	KindDuration
	KindNumber
)

var kindNames = []string{"", "money", "percent", "percent_point", "count", "mass", "area",
	"volume", "length", "power", "energy", "multiple", "duration", "number"}

// Qualifier says how a quantity's value bounds the real figure.
type Qualifier uint8

// The qualifiers.
const (
	QualifierNone    Qualifier = iota
	QualifierExact             // 2.58亿元
	QualifierApprox            // 约, 左右, 上下
	QualifierAtLeast           // 以上, 超过, 逾, 多, 余
	QualifierAtMost            // 近, 不到, 不足, 以下
	QualifierRange             // 20%—30%, value_max set
)

var qualifierNames = []string{"", "exact", "approx", "at_least", "at_most", "range"}

// Granularity is the size of a period.
type Granularity uint8

// The granularities.
const (
	GranularityNone Granularity = iota
	GranularityDay
	GranularityMonth
	GranularityQuarter
	GranularityHalf
	GranularityYear
	GranularityMultiYear
	GranularityRange
	GranularityVague
)

var granularityNames = []string{"", "day", "month", "quarter", "half", "year", "multi_year", "range", "vague"}

// EntityType is the class of a named entity.
type EntityType uint8

// The entity types.
const (
	EntityNone    EntityType = iota
	EntityOrg                // companies, institutes, universities, agencies
	EntityLoc                // administrative areas, zones and parks, rivers, roads, countries
	EntityPer                // people
	EntityProject            // named construction or investment projects
)

var entityTypeNames = []string{"", "ORG", "LOC", "PER", "PROJECT"}

// Modality says whether an indicator reports a fact, an estimate, a target
// or a plan.
type Modality uint8

// The modalities.
const (
	ModalityNone     Modality = iota
	ModalityActual            // no keyword
	ModalityEstimate          // 预计, 有望
	ModalityTarget            // 目标, 力争, 确保, 争取
	ModalityPlan              // 将, 计划
)

var modalityNames = []string{"", "actual", "estimate", "target", "plan"}

// ChangeBasis is what a growth rate compares with.
type ChangeBasis uint8

// The change bases.
const (
	BasisNone ChangeBasis = iota // unstated
	BasisYoY                     // 同比
	BasisMoM                     // 环比
)

var changeBasisNames = []string{"", "yoy", "mom"}

// RefSource says where an article's reference date came from.
type RefSource uint8

// The sources of a reference date, from the most to the least certain.
const (
	RefNone      RefSource = iota // no date anywhere: relative words stay unresolved
	RefPublished                  // the input's published date
	RefFlag                       // the fallback given by the caller (--reference-date)
	RefText                       // a full date written near the top or bottom of the text
	RefInferred                   // inferred from the dates the article speaks of
)

var refSourceNames = []string{"none", "published", "flag", "text", "inferred"}

func enumString[E ~uint8](names []string, e E) string {
	if int(e) < len(names) {
		return names[e]
	}
	return fmt.Sprintf("%d?", uint8(e))
}

func parseEnum[E ~uint8](what string, names []string, s string) (E, error) {
	for i, n := range names {
		if n == s {
			return E(i), nil
		}
	}
	return 0, fmt.Errorf("unknown %s %q", what, s)
}

func (k Kind) String() string        { return enumString(kindNames, k) }
func (q Qualifier) String() string   { return enumString(qualifierNames, q) }
func (g Granularity) String() string { return enumString(granularityNames, g) }
func (t EntityType) String() string  { return enumString(entityTypeNames, t) }
func (m Modality) String() string    { return enumString(modalityNames, m) }
func (b ChangeBasis) String() string { return enumString(changeBasisNames, b) }
func (s RefSource) String() string   { return enumString(refSourceNames, s) }

// ParseKind returns the Kind named s ("" gives KindNone).
func ParseKind(s string) (Kind, error) { return parseEnum[Kind]("kind", kindNames, s) }

// ParseQualifier returns the Qualifier named s.
func ParseQualifier(s string) (Qualifier, error) {
	return parseEnum[Qualifier]("qualifier", qualifierNames, s)
}

// ParseGranularity returns the Granularity named s.
func ParseGranularity(s string) (Granularity, error) {
	return parseEnum[Granularity]("granularity", granularityNames, s)
}

// ParseEntityType returns the EntityType named s.
func ParseEntityType(s string) (EntityType, error) {
	return parseEnum[EntityType]("entity type", entityTypeNames, s)
}

// ParseModality returns the Modality named s.
func ParseModality(s string) (Modality, error) {
	return parseEnum[Modality]("modality", modalityNames, s)
}

// ParseChangeBasis returns the ChangeBasis named s.
func ParseChangeBasis(s string) (ChangeBasis, error) {
	return parseEnum[ChangeBasis]("change basis", changeBasisNames, s)
}

// Unit is the canonical unit of a quantity. The named constants are the
// canonical units of SPEC.md; a count's unit is its measure word
// (Unit("家")) and a rate keeps its written form (Unit("t/万元")). The empty
// Unit is a bare number and is written as null.
type Unit string

// The canonical units.
const (
	UnitNone         Unit = ""
	UnitCNY          Unit = "CNY"
	UnitUSD          Unit = "USD"
	UnitEUR          Unit = "EUR"
	UnitHKD          Unit = "HKD"
	UnitJPY          Unit = "JPY"
	UnitGBP          Unit = "GBP"
	UnitPercent      Unit = "%"
	UnitPercentPoint Unit = "pp"
	UnitTonne        Unit = "t"
	UnitKilogram     Unit = "kg"
	UnitMu           Unit = "mu"
	UnitSquareMetre  Unit = "m2"
	UnitSquareKm     Unit = "km2"
	UnitCubicMetre   Unit = "m3"
	UnitKilometre    Unit = "km"
	UnitMetre        Unit = "m"
	UnitKilowatt     Unit = "kW"
	UnitKilowattHour Unit = "kWh"
	UnitMultiple     Unit = "x"
	UnitYear         Unit = "year"
	UnitMonth        Unit = "month"
	UnitDay          Unit = "day"
	UnitHour         Unit = "hour"
	UnitSecond       Unit = "second"
)
