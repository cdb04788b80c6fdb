package indicator_test

import (
	"testing"

	"govx"
	"govx/extract"
	"govx/extract/entity"
	"govx/extract/extracttest"
	"govx/extract/indicator"
	"govx/extract/period"
	"govx/extract/quantity"
	"govx/segment"
)

// BenchmarkPipelineMentions binds the shared corpus with the mentions the
// pipeline's earlier extractors find, timing the indicator extractor alone.
func BenchmarkPipelineMentions(b *testing.B) {
	_, docs := extracttest.CorpusDocs(b)
	seg, err := segment.Load()
	if err != nil {
		b.Fatal(err)
	}
	var earlier []extract.Extractor
	for _, build := range []func() (extract.Extractor, error){
		func() (extract.Extractor, error) { return quantity.New() },
		func() (extract.Extractor, error) { return period.New() },
		func() (extract.Extractor, error) { return entity.New() },
	} {
		ex, err := build()
		if err != nil {
			b.Fatal(err)
		}
		earlier = append(earlier, ex)
	}
	e, err := indicator.New()
	if err != nil {
		b.Fatal(err)
	}
	type article struct {
		doc *extract.Doc
		m   govx.Mentions
	}
	var arts []article
	var size int64
	for _, d := range docs {
		doc := extracttest.Prepare(d, seg)
		var m govx.Mentions
		for _, ex := range earlier {
			ex.Extract(doc, &m)
		}
		arts = append(arts, article{doc, m})
		size += int64(len(doc.Article.Text))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for i := range arts {
			m := arts[i].m
			m.Indicators = nil
			e.Extract(arts[i].doc, &m)
		}
	}
}
