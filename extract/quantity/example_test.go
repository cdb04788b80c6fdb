package quantity_test

import (
	"fmt"

	"govx"
	"govx/extract/extracttest"
	"govx/extract/quantity"
)

func Example() {
	e, err := quantity.New()
	if err != nil {
		panic(err)
	}
	text := "上半年新签约亿元以上产业项目21个，一般公共预算收入完成2.58亿元，同比增长57.73%，约三成来自园区。"
	doc := extracttest.Doc(text)
	var m govx.Mentions
	e.Extract(doc, &m)
	for _, q := range m.Quantities {
		fmt.Printf("%s\t%v %s\t%s %s\n", q.In(text), q.Value, q.Unit, q.Kind, q.Qualifier)
	}
	// Output:
	// 亿元以上	1e+08 CNY	money at_least
	// 21个	21 个	count exact
	// 2.58亿元	2.58e+08 CNY	money exact
	// 57.73%	57.73 %	percent exact
	// 约三成	30 %	percent approx
}

func ExampleParseNumeral() {
	for _, s := range []string{"一百二十三", "两千零五", "2.58亿", "5亿1万4千6百", "壹仟", "１２０"} {
		v, _ := quantity.ParseNumeral(s)
		fmt.Println(s, v)
	}
	// Output:
	// 一百二十三 123
	// 两千零五 2005
	// 2.58亿 2.58e+08
	// 5亿1万4千6百 5.000146e+08
	// 壹仟 1000
	// １２０ 120
}
