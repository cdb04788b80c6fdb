package indicator_test

import (
	"fmt"
	"strings"

	"govx"
	"govx/extract/extracttest"
	"govx/extract/indicator"
)

// The indicators extractor runs after the quantity, period and entity
// extractors and binds what they found. Here their mentions are written
// by hand.
func Example() {
	text := "1-6月，一般公共预算收入完成2.58亿元，同比增长57.73%。"
	doc := extracttest.Doc(text)
	doc.Article.Region = "丹徒高新园"
	span := func(s string) govx.Span {
		i := strings.Index(text, s)
		return govx.Span{Start: i, End: i + len(s)}
	}
	m := govx.Mentions{
		Quantities: []govx.Quantity{
			{Span: span("2.58亿元"), Value: 258000000, Unit: govx.UnitCNY, SurfaceUnit: "亿元",
				Kind: govx.KindMoney, Qualifier: govx.QualifierExact},
			{Span: span("57.73%"), Value: 57.73, Unit: govx.UnitPercent, SurfaceUnit: "%",
				Kind: govx.KindPercent, Qualifier: govx.QualifierExact},
		},
		Periods: []govx.Period{{
			Span:        span("1-6月"),
			Period:      govx.DateRange{Start: govx.DateOf(2024, 1, 1), End: govx.DateOf(2024, 6, 30)},
			Granularity: govx.GranularityRange,
		}},
	}
	x, err := indicator.New()
	if err != nil {
		panic(err)
	}
	x.Extract(doc, &m)
	for _, in := range m.Indicators {
		fmt.Printf("%s | %s | %s..%s | %.0f %s %s | %+.2f%% %s | %s\n", in.Subject, in.Name,
			in.Period.Start, in.Period.End, *in.Value, in.Unit, in.Qualifier,
			*in.ChangePct, in.ChangeBasis, in.Modality)
		fmt.Println(in.Evidence)
	}
	// Output:
	// 丹徒高新园 | 一般公共预算收入 | 2024-01-01..2024-06-30 | 258000000 CNY exact | +57.73% yoy | actual
	// 一般公共预算收入完成2.58亿元，同比增长57.73%
}
