package pipeline_test

import (
	"context"
	"fmt"
	"strings"

	"govx"
	"govx/extract"
	"govx/pipeline"
)

// percents is a toy extractor: every "N%" with ASCII digits is a percent.
type percents struct{}

func (percents) Extract(doc *extract.Doc, m *govx.Mentions) {
	text := doc.Folded.Text
	for i := strings.IndexByte(text, '%'); i >= 0; i = strings.IndexByte(text, '%') {
		j := i
		for j > 0 && text[j-1] >= '0' && text[j-1] <= '9' {
			j--
		}
		if j < i {
			off := len(doc.Folded.Text) - len(text)
			m.Quantities = append(m.Quantities, govx.Quantity{
				Span: govx.Span{Start: doc.Folded.Orig(off + j), End: doc.Folded.Orig(off + i + 1)},
				Kind: govx.KindPercent, Qualifier: govx.QualifierExact, Unit: govx.UnitPercent,
			})
		}
		text = text[i+1:]
	}
}

func Example() {
	docs := func(yield func(govx.Document, error) bool) {
		for i, text := range []string{"甲区增长５%。", "乙区增长12%，丙区增长3%。", "甲区增长５%。"} {
			if !yield(govx.Document{DocID: fmt.Sprint("doc", i), Text: text}, nil) {
				return
			}
		}
	}
	p := pipeline.New(nil, []extract.Extractor{percents{}}, pipeline.Options{})
	stats, err := p.Run(context.Background(), docs, 2,
		func(r *govx.Result) error {
			for _, q := range r.Mentions.Quantities {
				fmt.Println(r.Article.DocID, q.In(r.Article.Text), "sentence", q.Sentence)
			}
			return nil
		},
		func(err error) { fmt.Println("failed:", err) })
	fmt.Printf("%+v %v\n", stats, err)
	// Output:
	// doc0 ５% sentence 0
	// doc1 12% sentence 0
	// doc1 3% sentence 0
	// {Articles:2 Duplicates:1 Skipped:0 Failures:0} <nil>
}
