package eval_test

import (
	"fmt"

	"govx"
	"govx/eval"
	"govx/output"
)

func ExampleScore() {
	gold := []eval.Gold{{
		Source: "002.txt",
		Quantities: []eval.Item{
			{"text": "2.58亿元", "value": 258000000.0, "unit": "CNY", "kind": "money", "qualifier": "exact"},
			{"text": "57.73%", "value": 57.73, "unit": "%", "kind": "percent", "qualifier": "exact"},
		},
	}}
	// A run normally comes from output.RowsOf(&result) or from reading an
	// output directory; here one article found one of the two quantities.
	text := "一般公共预算收入完成2.58亿元。"
	start := len("一般公共预算收入完成")
	result := govx.Result{
		Article: govx.Article{ID: govx.ArticleID(text), DocID: "002.txt", Text: text},
		Mentions: govx.Mentions{Quantities: []govx.Quantity{{
			Span:  govx.Span{Start: start, End: start + len("2.58亿元")},
			Value: 258000000, Unit: govx.UnitCNY, SurfaceUnit: "亿元",
			Kind: govx.KindMoney, Qualifier: govx.QualifierExact,
		}}},
	}
	rep := eval.Score(gold, []output.Rows{output.RowsOf(&result)})
	q := rep.Tables[eval.Quantities]
	fmt.Printf("precision %.2f recall %.2f F1 %.2f\n", q.Precision, q.Recall, q.F1)
	fmt.Printf("value accuracy %.2f over %d matched\n", q.Fields["value"].Accuracy, q.Matched)
	// Output:
	// precision 1.00 recall 0.50 F1 0.67
	// value accuracy 1.00 over 1 matched
}
