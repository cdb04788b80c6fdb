package quantity

import (
	"testing"

	"govx"
)

// BenchmarkExtract measures the extractor alone on the shared corpus
// (normalized, folded and split beforehand), in MB/s of article text.
func BenchmarkExtract(b *testing.B) {
	e, err := New()
	if err != nil {
		b.Fatal(err)
	}
	_, docs := corpusDocs(b)
	var size int64
	for _, doc := range docs {
		size += int64(len(doc.Article.Text))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, doc := range docs {
			var m govx.Mentions
			e.Extract(doc, &m)
		}
	}
}
