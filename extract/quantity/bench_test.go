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
	docs, names := corpusDocs(b)
	var size int64
	for _, name := range names {
		size += int64(len(docs[name].Article.Text))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, name := range names {
			var m govx.Mentions
			e.Extract(docs[name], &m)
		}
	}
}
