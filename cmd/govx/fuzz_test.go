package main

import (
	"sync"
	"testing"

	"govx"
	"govx/extract/extracttest"
	"govx/pipeline"
	"govx/segment"
)

// fuzzPipeline is built once for all fuzz inputs: loading is slow.
var (
	fuzzOnce sync.Once
	fuzzPipe *pipeline.Pipeline
	fuzzErr  error
)

// FuzzProcess feeds arbitrary text through the whole per-article pipeline
// (normalize, segment, the four extractors) and checks the invariants of
// every mention: no panic, spans inside the text on character boundaries,
// finite values, value_max ≥ value, required fields set.
func FuzzProcess(f *testing.F) {
	f.Add("示例区今年以来实现地区生产总值１２３．４亿元，同比增长5.6%，新签约亿元以上项目21个。")
	f.Add("本报记者 张三\n\n2023年预计全区GDP增长6.5%以上，一般公共预算收入增长8.1%。\n“十四五”期间，示例新能源科技有限公司总投资近100亿元。")
	f.Add("1-6月，工业总产值完成109.56亿元；其中，一产实现增加值16.9亿元，增长4.3%；")
	f.Add("两三个 三分之一 八成以上 0.8个百分点 5-10亿元 第七届 346国道 5G")
	f.Fuzz(func(t *testing.T, text string) {
		fuzzOnce.Do(func() {
			seg, err := segment.Load()
			if err != nil {
				fuzzErr = err
				return
			}
			extractors, err := newExtractors()
			if err != nil {
				fuzzErr = err
				return
			}
			fuzzPipe = pipeline.New(seg, extractors, pipeline.Options{})
		})
		if fuzzErr != nil {
			t.Fatal(fuzzErr)
		}
		r := fuzzPipe.Process(govx.Document{Text: text, Published: govx.DateOf(2024, 1, 5)})
		for _, err := range extracttest.Violations(r.Article.Text, &r.Mentions) {
			t.Error(err)
		}
	})
}
