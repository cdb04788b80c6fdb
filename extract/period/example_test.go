package period_test

import (
	"fmt"

	"govx"
	"govx/extract/extracttest"
	"govx/extract/period"
)

func Example() {
	e, err := period.New()
	if err != nil {
		panic(err)
	}
	text := "今年以来，高新园新签约项目21个；1-6月，技术合同成交额3.65亿元，“十四五”目标稳步推进。"
	doc := extracttest.Doc(text)
	doc.Article.Published = govx.DateOf(2024, 7, 15)
	doc.Article.ReferenceDate = doc.Article.Published
	fmt.Println("reference date from:", e.ResolveReference(doc.Article))

	var m govx.Mentions
	e.Extract(doc, &m)
	for _, p := range m.Periods {
		fmt.Println(p.Span.In(text), p.Period.Start, p.Period.End, p.Granularity, p.Relative)
	}
	// Output:
	// reference date from: published
	// 今年以来 2024-01-01 2024-07-15 range true
	// 1-6月 2024-01-01 2024-06-30 range true
	// “十四五” 2021-01-01 2025-12-31 multi_year false
}
