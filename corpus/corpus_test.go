package corpus_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"govx"
	"govx/corpus"
	"govx/extract/extracttest"
	"govx/normalize"
)

// got is one item of a stream, flattened for comparison.
type got struct {
	DocID, Source, Title, Published, Text string
	Err                                   string // "" for a document
}

// collect reads paths and returns every document and error.
func collect(t *testing.T, seq func(func(govx.Document, error) bool)) []got {
	t.Helper()
	var out []got
	for d, err := range seq {
		if err != nil {
			var ce *corpus.Error
			if !errors.As(err, &ce) {
				t.Fatalf("error %v is a %T, want *corpus.Error", err, err)
			}
			if ce.Source == "" {
				t.Errorf("error without a source: %v", err)
			}
			out = append(out, got{Source: ce.Source, Err: ce.Err.Error()})
			continue
		}
		out = append(out, got{d.DocID, d.Source, d.Title, d.Published.String(), d.Text, ""})
	}
	return out
}

// writeFiles creates files under dir from a map of relative path to content.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

const article = "高新区上半年经济运行良好\n\n1-6月，全区实现地区生产总值128.6亿元，同比增长7.2%。（测试用句）\n"

func TestReadText(t *testing.T) {
	tests := []struct {
		name    string
		content string
		title   string
		text    string // "" means content itself
		err     error
	}{
		{"title.txt", article, "高新区上半年经济运行良好", "", nil},
		{"bom.txt", "\uFEFF" + article, "高新区上半年经济运行良好", article, nil},
		{"crlf.txt", strings.ReplaceAll(article, "\n", "\r\n"), "高新区上半年经济运行良好", "", nil},
		{"notitle.txt", "今年以来，全区实现地区生产总值128.6亿元。\n同比增长7.2%。\n", "", "", nil},
		{"oneline.txt", "高新区上半年经济运行良好", "", "", nil},
		{"byline.txt", "本报记者 张三 李四\n\n正文第一段。\n", "", "", nil},
		{"colon.txt", "丹徒高新园：\n正文第一段。\n", "", "", nil},
		{"exclaim.txt", "推介会在武汉成功举行！\n\n正文第一段。\n", "推介会在武汉成功举行！", "", nil},
		{"long.txt", strings.Repeat("长", 41) + "\n正文。\n", "", "", nil},
		{"empty.txt", "", "", "", corpus.ErrEmpty},
		{"blank.txt", " \n\n\t\n", "", "", corpus.ErrEmpty},
		{"nul.txt", "正文\x00\x01\x02", "", "", corpus.ErrBinary},
		{"badutf8.txt", "\uFEFF正文\xff\xfe结束", "", "", corpus.ErrEncoding},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			p := filepath.Join(dir, tt.name)
			writeFiles(t, dir, map[string]string{tt.name: tt.content})
			var n int
			for d, err := range corpus.Read([]string{p}) {
				n++
				if tt.err != nil {
					if !errors.Is(err, tt.err) {
						t.Fatalf("err = %v, want %v", err, tt.err)
					}
					continue
				}
				if err != nil {
					t.Fatal(err)
				}
				want := tt.text
				if want == "" {
					want = tt.content
				}
				if d.Text != want || d.Title != tt.title || d.DocID != tt.name || d.Source != p {
					t.Errorf("got %q %q title %q text %q\nwant %q %q title %q text %q", d.DocID, d.Source, d.Title, d.Text, tt.name, p, tt.title, want)
				}
			}
			if n != 1 {
				t.Errorf("%d items, want 1", n)
			}
		})
	}
}

func TestReadJSONL(t *testing.T) {
	content := strings.Join([]string{
		`{"id":"a1","title":"标题","text":"正文一。","url":"https://example.org/1","published":"2023-04-18","extra":[1,2]}`,
		`{"title":"无编号","content":"正文二。","date":"2023年4月8日"}`,
		``,
		`{"id":7,"text":"正文三。","published":"2023-04-18T23:30:00+08:00"}`,
		`{"id":"bad-text","text":42}`,
		`{"id":"no-text","title":"只有标题"}`,
		`{"id":"bad-date","text":"正文。","published":"下周二"}`,
		`not json`,
		`{"id":"b2","text":"正文四。","published":1681776000}` + "\r",
		`{"id":"b3","text":"正文五。","date":"20230418 10:00"}`,
		`{"id":[1],"text":"正文。"}`,
		`{"text":"正文。","published":true}`,
		`{"text":"正文。","title":{"a":1}}`,
	}, "\n")
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"news.jsonl": content})
	p := filepath.Join(dir, "news.jsonl")
	want := []got{
		{DocID: "a1", Source: p + "#1", Title: "标题", Published: "2023-04-18", Text: "正文一。"},
		{DocID: "news.jsonl#2", Source: p + "#2", Title: "无编号", Published: "2023-04-08", Text: "正文二。"},
		{DocID: "7", Source: p + "#4", Published: "2023-04-18", Text: "正文三。"},
		{Source: p + "#5", Err: "malformed record: field text is a number, want a string"},
		{Source: p + "#6", Err: "malformed record: no text (fields text and content are missing or empty)"},
		{Source: p + "#7", Err: `malformed record: field published: unrecognized date "下周二"`},
		{Source: p + "#8", Err: "malformed record: invalid character 'o' in literal null (expecting 'u')"},
		{DocID: "b2", Source: p + "#9", Published: "2023-04-18", Text: "正文四。"},
		{DocID: "b3", Source: p + "#10", Published: "2023-04-18", Text: "正文五。"},
		{Source: p + "#11", Err: "malformed record: field id is an array, want a string or an integer"},
		{Source: p + "#12", Err: "malformed record: field published is a boolean, want a date"},
		{Source: p + "#13", Err: "malformed record: field title is an object, want a string"},
	}
	checkStream(t, collect(t, corpus.Read([]string{p})), want)
}

func checkStream(t *testing.T, got, want []got) {
	t.Helper()
	for i := range max(len(got), len(want)) {
		switch {
		case i >= len(got):
			t.Errorf("missing item %d: %+v", i, want[i])
		case i >= len(want):
			t.Errorf("extra item %d: %+v", i, got[i])
		case got[i] != want[i]:
			t.Errorf("item %d:\n got %+v\nwant %+v", i, got[i], want[i])
		}
	}
}

func TestParsePublished(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"2023-04-18", "2023-04-18", true},
		{"2023-4-8", "2023-04-08", true},
		{"2023/04/18", "2023-04-18", true},
		{"2023.04.18", "2023-04-18", true},
		{"2023年4月18日", "2023-04-18", true},
		{"2023年4月18日 10时", "2023-04-18", true},
		{"2023-04-18 10:00:00", "2023-04-18", true},
		{"2023-04-18T23:59:59Z", "2023-04-18", true},
		{"2023-04-18T01:00:00+08:00", "2023-04-18", true},
		{"20230418", "2023-04-18", true},
		{"1681776000", "2023-04-18", true},
		{"1681776000000", "2023-04-18", true},
		{"Tue, 18 Apr 2023 10:00:00 +0800", "2023-04-18", true},
		{"", "", true},
		{"2023-02-30", "", false},
		{"2023-13-01", "", false},
		{"2023-04", "", false},
		{"2023-04-18abc", "", false},
		{"昨天", "", false},
		{"12345", "", false},
	}
	for _, tt := range tests {
		d, err := corpus.ParsePublished(tt.in)
		if (err == nil) != tt.ok || d.String() != tt.want {
			t.Errorf("ParsePublished(%q) = %v, %v; want %q ok=%v", tt.in, d, err, tt.want, tt.ok)
		}
	}
}

func TestSample(t *testing.T) {
	n, dated, titled := 0, 0, 0
	for d, err := range corpus.Sample() {
		if err != nil {
			t.Fatal(err)
		}
		n++
		if !strings.Contains(d.Text, "样例") {
			t.Errorf("%s does not say it is a sample", d.Source)
		}
		if !strings.HasPrefix(d.Source, "sample/") || d.DocID == "" {
			t.Errorf("bad source or doc_id: %q %q", d.Source, d.DocID)
		}
		if !d.Published.IsZero() {
			dated++
		}
		if d.Title != "" {
			titled++
		}
	}
	if n < 4 || n > 8 || dated == 0 || titled < n-1 {
		t.Errorf("sample: %d documents, %d dated, %d titled", n, dated, titled)
	}
}

// TestSampleShapes checks that the sample holds the shapes it is there to
// show: a sentence broken across lines that normalization joins again, and
// full-width figures.
func TestSampleShapes(t *testing.T) {
	var all strings.Builder
	for d, err := range corpus.Sample() {
		if err != nil {
			t.Fatal(err)
		}
		all.WriteString(normalize.Text(d.Text))
	}
	text := all.String()
	for _, want := range []string{"各板块第一。", "５８．６％", "2.58亿元", "同比增长57.73%", "1-6月", "今年以来", "“十四五”", "有限公司", "本报记者"} {
		if !strings.Contains(text, want) {
			t.Errorf("the normalized sample has no %q", want)
		}
	}
}

func TestReadStopsWhenConsumerStops(t *testing.T) {
	n := 0
	for range corpus.Sample() {
		n++
		if n == 2 {
			break
		}
	}
	if n != 2 {
		t.Fatalf("n = %d", n)
	}
}

func TestReadMissingPath(t *testing.T) {
	p := filepath.Join(t.TempDir(), "gone.txt")
	items := collect(t, corpus.Read([]string{p}))
	if len(items) != 1 || items[0].Err == "" || items[0].Source != p {
		t.Fatalf("got %+v, want one error for %s", items, p)
	}
}

func ExampleRead() {
	dir, _ := os.MkdirTemp("", "govx-example")
	defer os.RemoveAll(dir)
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("示例标题\n\n今年以来，产值增长5%。\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "b.jsonl"), []byte(`{"id":"n1","text":"1-6月，投资增长3.2%。","published":"2024-07-15"}`+"\n{oops}\n"), 0o644)
	for d, err := range corpus.Read([]string{dir}) {
		if err != nil {
			fmt.Println("error:", strings.TrimPrefix(err.Error(), dir+"/"))
			continue
		}
		fmt.Printf("%s title=%q published=%s\n", d.DocID, d.Title, d.Published)
	}
	// Output:
	// a.txt title="示例标题" published=
	// n1 title="" published=2024-07-15
	// error: b.jsonl#2: malformed record: invalid character 'o' looking for beginning of object key string
}

func TestProgressAndTotalBytes(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": textA, "sub/b.jsonl": lineD, "c.md": "skipped", ".git/x.txt": "skipped"})
	total := corpus.TotalBytes([]string{dir, filepath.Join(dir, "missing.txt")})
	if want := int64(len(textA) + len(lineD)); total != want {
		t.Errorf("TotalBytes = %d, want %d", total, want)
	}
	var read int64
	r := corpus.Reader{Progress: func(n int64) { read += n }}
	for _, err := range r.Read([]string{dir}) {
		if err != nil {
			t.Fatal(err)
		}
	}
	if read != total {
		t.Errorf("Progress reported %d bytes, want %d", read, total)
	}
}

// TestSharedCorpus reads the shared corpus: every file is read, and every
// doc_id names a gold file (gold files are named <doc_id>.json).
func TestSharedCorpus(t *testing.T) {
	shared := extracttest.SharedDir(t)
	n := 0
	for d, err := range corpus.Read([]string{filepath.Join(shared, "corpus")}) {
		if err != nil {
			t.Fatal(err)
		}
		n++
		if _, err := os.Stat(filepath.Join(shared, "gold", d.DocID+".json")); err != nil {
			t.Errorf("doc_id %q has no gold file: %v", d.DocID, err)
		}
		if strings.Contains(d.Title, "\n") || len(d.Title) > 0 && !strings.HasPrefix(strings.TrimSpace(d.Text), d.Title) {
			t.Errorf("%s: title %q is not the text's first line", d.DocID, d.Title)
		}
	}
	if n < 9 {
		t.Errorf("%d documents, want at least 9", n)
	}
}

func TestReadLimits(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"notes.md": "# not an article format",
		"a.tgz":    gzipBytes(t, tarBytes(t, member{"in.zip", zipBytes(t, member{"a.txt", textA})})),
		"b.zip":    zipBytes(t, member{"b.txt", textB}),
	})
	var read int64
	r := corpus.Reader{MaxDepth: 2, Progress: func(n int64) { read += n }}
	var errs []error
	n := 0
	for _, err := range r.Read([]string{filepath.Join(dir, "notes.md"), filepath.Join(dir, "a.tgz"), filepath.Join(dir, "b.zip")}) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		n++
	}
	if len(errs) != 2 || !errors.Is(errs[0], corpus.ErrUnsupported) || !errors.Is(errs[1], corpus.ErrTooLarge) || n != 1 {
		t.Errorf("got %d documents and errors %v; want 1 document, an unsupported format and a nesting too deep", n, errs)
	}
	if read == 0 {
		t.Error("no progress reported")
	}
}

func ExampleSample() {
	for d, err := range corpus.Sample() {
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		fmt.Println(d.Source, d.Published, d.Title)
	}
	// Output:
	// sample/01_qinghu_gaoxin_banian.txt  青湖高新区上半年主要经济指标稳中有进
	// sample/02_yunxi_tongji_gongbao.txt  云溪县2024年国民经济和社会发展统计公报（样例）
	// sample/03_xiangmu_qianyue.txt  我市举行重大产业项目集中签约活动
	// sample/04_kuaixun.jsonl#1 2025-04-16 东江县一季度外贸进出口增长12.4%（样例）
	// sample/04_kuaixun.jsonl#2 2025-05-20 北山开发区前4个月实际使用外资1.2亿美元（样例）
	// sample/04_kuaixun.jsonl#3 2025-07-08 云溪县今年以来新增市场主体1.6万户（样例）
}

// TestJSONLLongLines checks lines around the reader's 64 KiB buffer and
// over the article cap: each line is one item, in order.
func TestJSONLLongLines(t *testing.T) {
	line := func(id string, n int) string {
		pad := n - len(`{"id":"`+id+`","text":""}`)
		return `{"id":"` + id + `","text":"` + strings.Repeat("x", pad) + `"}`
	}
	var lines []string
	for i, n := range []int{65535, 65536, 65537, 131072, 200001, 30} {
		lines = append(lines, line(fmt.Sprint(i), n))
	}
	p := writeOne(t, "long.jsonl", strings.Join(lines, "\r\n"))
	r := corpus.Reader{MaxArticleBytes: 200000}
	var ids []string
	for d, err := range r.Read([]string{p}) {
		if err != nil {
			if !errors.Is(err, corpus.ErrTooLarge) || !strings.HasSuffix(err.(*corpus.Error).Source, "#5") {
				t.Errorf("unexpected error %v", err)
			}
			ids = append(ids, "err")
			continue
		}
		ids = append(ids, d.DocID)
	}
	if got := strings.Join(ids, ","); got != "0,1,2,3,err,5" {
		t.Errorf("items %s, want 0,1,2,3,err,5", got)
	}
}
