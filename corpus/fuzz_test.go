package corpus_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"govx/corpus"
)

func FuzzParseLine(f *testing.F) {
	f.Add([]byte(lineD))
	f.Add([]byte(`{"id":7,"title":"标题","content":"正文。","date":"2023年4月8日 10时"}`))
	f.Add([]byte(`{"text":42}`))
	f.Add([]byte(`{"text":"x","published":1681776000000}`))
	f.Add([]byte("\xef\xbb\xbf{\"text\":\"\xd5\xfd\xce\xc4\"}"))
	f.Fuzz(func(t *testing.T, line []byte) {
		d, err := corpus.ParseLine(line)
		if err != nil {
			return
		}
		if strings.TrimSpace(d.Text) == "" {
			t.Errorf("no error but empty text for %q", line)
		}
		for _, s := range []string{d.Text, d.Title, d.DocID} {
			if !utf8.ValidString(s) {
				t.Errorf("invalid UTF-8 %q from %q", s, line)
			}
		}
		if !d.Published.IsZero() {
			back, err := corpus.ParsePublished(d.Published.String())
			if err != nil || back != d.Published {
				t.Errorf("published %v does not round-trip: %v %v", d.Published, back, err)
			}
		}
	})
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte(textA))
	f.Add([]byte("\uFEFF" + textB))
	f.Add([]byte("\xd5\xfd\xce\xc4\x81\x30\x81\x30"))
	f.Add([]byte("\xff\xfe\x3d\xd8\x00\xde"))
	f.Add([]byte("\xfe\xff\xd8\x3d"))
	f.Add([]byte("abc\xff"))
	f.Fuzz(func(t *testing.T, b []byte) {
		s, err := corpus.Decode(b)
		if err != nil {
			if s != "" {
				t.Errorf("text %q with error %v", s, err)
			}
			return
		}
		if !utf8.ValidString(s) || strings.HasPrefix(s, "\uFEFF") || strings.ContainsRune(s, 0) || strings.TrimSpace(s) == "" {
			t.Errorf("Decode(%q) = %q", b, s)
		}
		if utf8.Valid(b) && !bytes.HasPrefix(b, []byte("\uFEFF")) && s != string(b) {
			t.Errorf("UTF-8 input changed: %q → %q", b, s)
		}
		if strings.ContainsRune(s, utf8.RuneError) && !bytes.Contains(b, []byte("\uFFFD")) &&
			!bytes.Contains(b, []byte{0x84, 0x31, 0xA4, 0x37}) && !bytes.Contains(b, []byte{0xFD, 0xFF}) && !bytes.Contains(b, []byte{0xFF, 0xFD}) {
			t.Errorf("Decode(%q) replaced bytes silently: %q", b, s)
		}
	})
}

func FuzzParseHTML(f *testing.F) {
	f.Add(page(`<meta name="PubDate" content="2023-04-18">`, "标题_网站", "发布时间：2023-04-18"))
	f.Add("<p>段落一<p>段落二<br>第三行")
	f.Add("<div><div><table><tr><td>表格里的文字")
	f.Fuzz(func(t *testing.T, s string) {
		d, err := corpus.ParseHTML(s)
		if err != nil {
			return
		}
		if !utf8.ValidString(d.Text) && utf8.ValidString(s) {
			t.Errorf("invalid UTF-8 text from valid page")
		}
		if strings.TrimSpace(d.Text) == "" || strings.Count(d.Text, "\n\n") > 1 || strings.ContainsRune(d.Text, 0) {
			t.Errorf("text %q", d.Text)
		}
		if d.Title != "" && !strings.HasPrefix(d.Text, d.Title+"\n\n") {
			t.Errorf("text %q does not start with the title %q", d.Text, d.Title)
		}
	})
}

// benchCorpus writes n articles of about 1 KB as one .jsonl.gz, one
// .tar.gz of .txt files and one directory of GB18030 .txt files.
func benchCorpus(b *testing.B, n int) (dir string, bytes int64) {
	b.Helper()
	dir = b.TempDir()
	var jsonl, gbText strings.Builder
	var members []member
	body := strings.Repeat("今年以来，全区实现地区生产总值128.6亿元，同比增长7.2%；规模以上工业总产值213.45亿元。", 8)
	for i := range n {
		text := fmt.Sprintf("第%d篇测试文章\n\n%s\n", i, body)
		fmt.Fprintf(&jsonl, `{"id":"a%d","title":"第%d篇","text":%q,"published":"2024-07-15"}`+"\n", i, i, text)
		members = append(members, member{fmt.Sprintf("a%05d.txt", i), text})
		gbText.WriteString(text)
		bytes += int64(len(text))
	}
	files := map[string]string{
		"a.jsonl.gz": gzipBytes(b, jsonl.String()),
		"b.tar.gz":   gzipBytes(b, tarBytes(b, members...)),
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return dir, 2 * bytes
}

// BenchmarkRead reads compressed JSON Lines and a .tar.gz of .txt files;
// MB/s are of article text.
func BenchmarkRead(b *testing.B) {
	dir, size := benchCorpus(b, 2000)
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for _, err := range corpus.Read([]string{dir}) {
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != 4000 {
			b.Fatalf("%d documents", n)
		}
	}
}

func BenchmarkDecodeGB18030(b *testing.B) {
	text := strings.Repeat("今年以来，全区实现地区生产总值128.6亿元，同比增长7.2%。\n", 200)
	enc := []byte(gbk(b, text))
	b.SetBytes(int64(len(enc)))
	for b.Loop() {
		if _, err := corpus.Decode(enc); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseHTML(b *testing.B) {
	p := page(`<meta name="PubDate" content="2023-04-18">`, "标题_网站", "发布时间：2023-04-18")
	b.SetBytes(int64(len(p)))
	for b.Loop() {
		if _, err := corpus.ParseHTML(p); err != nil {
			b.Fatal(err)
		}
	}
}
