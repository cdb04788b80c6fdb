package diff_test

import (
	"os"

	"govx/diff"
	"govx/output"
)

func ExampleCompare() {
	unit := "%"
	run := func(value float64) []output.Rows {
		return []output.Rows{{
			Article: output.ArticleRow{ArticleID: "1f2e3d4c5b6a7980", DocID: "a.txt", Text: "同比增长5%。"},
			Quantities: []output.QuantityRow{{ArticleID: "1f2e3d4c5b6a7980", Start: 4, End: 6, Text: "5%",
				Value: value, Unit: &unit, Kind: "percent", Qualifier: "exact"}},
		}}
	}
	rep := diff.Compare(run(5), run(0.05))
	rep.WriteText(os.Stdout)
	// Output:
	// 0 rows added, 0 removed, 1 changed in 1 articles
	// table           old     new   added removed changed
	// articles          1       1       0       0       0
	// quantities        1       1       0       0       1
	//
	// == a.txt (article 1f2e3d4c5b6a7980)
	// ~ quantities 4-6 "5%" value: 5 → 0.05
}
