package output_test

import (
	"fmt"
	"log"
	"os"
	"path/filepath"

	"govx"
	"govx/output"
)

func Example() {
	tmp, err := os.MkdirTemp("", "govx-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(tmp)
	dir := filepath.Join(tmp, "out")

	// One processed article (invented) with one quantity.
	text := "示例区新签约项目21个。"
	res := &govx.Result{Article: govx.Article{ID: govx.ArticleID(text), DocID: "a.txt", Source: "a.txt", Text: text}}
	res.Mentions.Quantities = []govx.Quantity{{
		Span:  govx.Span{Start: len("示例区新签约项目"), End: len("示例区新签约项目21个")},
		Value: 21, Unit: "个", SurfaceUnit: "个", Kind: govx.KindCount, Qualifier: govx.QualifierExact,
	}}

	w, err := output.Create(output.Options{Dir: dir, Format: output.Parquet})
	if err != nil {
		log.Fatal(err)
	}
	if err := w.Write(res); err != nil {
		log.Fatal(err)
	}
	if err := w.Close(&output.Manifest{Version: "example"}); err != nil {
		log.Fatal(err)
	}

	m, err := output.ReadManifest(dir)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(m.ArticlesWritten, "article;", m.Tables[output.Quantities].Parts)
	quantities, err := output.ReadTable[output.QuantityRow](dir)
	if err != nil {
		log.Fatal(err)
	}
	for _, q := range quantities {
		fmt.Println(q.Start, q.End, q.Text, q.Value, *q.Unit, q.Kind, q.SurfaceUnit != nil)
	}
	// Output:
	// 1 article; [quantities/part-00000.parquet]
	// 8 11 21个 21 个 count true
}
