package main

import (
	"fmt"
	"strings"
	"testing"

	"govx"
	"govx/extract"
	"govx/extract/extracttest"
	"govx/normalize"
	"govx/pipeline"
)

// corpusDocs reads the shared corpus as documents, dated as the gold
// dates them, and returns them with their size in bytes.
func corpusDocs(b *testing.B) ([]govx.Document, int64) {
	_, docs := extracttest.CorpusDocs(b)
	var size int64
	for _, d := range docs {
		size += int64(len(d.Text))
	}
	return docs, size
}

// BenchmarkPipeline is the whole per-article work on the shared corpus, one
// goroutine: normalize, segment and the four extractors.
func BenchmarkPipeline(b *testing.B) {
	docs, size := corpusDocs(b)
	seg, extractors := extractParts(b)
	p := pipeline.New(seg, extractors, pipeline.Options{})
	b.SetBytes(size)
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			p.Process(d)
		}
	}
}

// BenchmarkSegmentOnly is the floor: the same articles normalized and
// segmented, no extraction.
func BenchmarkSegmentOnly(b *testing.B) {
	docs, size := corpusDocs(b)
	seg, _ := extractParts(b)
	b.SetBytes(size)
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			text := normalize.Text(d.Text)
			seg.Tokens(text, normalize.Sentences(text))
		}
	}
}

// BenchmarkExtractors times each extractor alone on the prepared corpus.
func BenchmarkExtractors(b *testing.B) {
	docs, size := corpusDocs(b)
	seg, extractors := extractParts(b)
	var prepared []*extract.Doc
	for _, d := range docs {
		prepared = append(prepared, extracttest.Prepare(d, seg))
	}
	for _, name := range []string{"quantity", "period", "entity", "indicator"} {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(size)
			for b.Loop() {
				for _, doc := range prepared {
					var m govx.Mentions
					for _, ex := range extractors {
						ex.Extract(doc, &m)
						if extractorName(ex) == name {
							break
						}
					}
				}
			}
		})
	}
}

// extractorName returns the package name of an extractor: *quantity.Extractor → quantity.
func extractorName(ex extract.Extractor) string {
	name := fmt.Sprintf("%T", ex)
	return strings.TrimPrefix(strings.TrimSuffix(name, ".Extractor"), "*")
}
