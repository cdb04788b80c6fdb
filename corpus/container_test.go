package corpus_test

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/klauspost/compress/zstd"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"

	"govx/corpus"
)

// member is one file of a test archive.
type member struct{ name, content string }

func gzipBytes(t testing.TB, b string) string {
	t.Helper()
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write([]byte(b))
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func zstdBytes(t testing.TB, b string) string {
	t.Helper()
	var buf bytes.Buffer
	w, err := zstd.NewWriter(&buf)
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte(b))
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func tarBytes(t testing.TB, members ...member) string {
	t.Helper()
	var buf bytes.Buffer
	w := tar.NewWriter(&buf)
	w.WriteHeader(&tar.Header{Name: "dir/", Typeflag: tar.TypeDir, Mode: 0o755})
	for _, m := range members {
		if err := w.WriteHeader(&tar.Header{Name: m.name, Mode: 0o644, Size: int64(len(m.content)), Typeflag: tar.TypeReg}); err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(m.content))
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func zipBytes(t testing.TB, members ...member) string {
	t.Helper()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for _, m := range members {
		f, err := w.Create(m.name)
		if err != nil {
			t.Fatal(err)
		}
		f.Write([]byte(m.content))
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

const (
	textA = "今年以来，全区完成工业投资23.6亿元。（测试）\n"
	textB = "1-6月，实现地区生产总值128.6亿元。（测试）\n"
	textC = "“十四五”以来，累计引进项目300个。（测试）\n"
	lineD = `{"id":"d1","text":"新签约项目21个。（测试）","published":"2024-03-18"}` + "\n"
)

func TestReadContainers(t *testing.T) {
	dir := t.TempDir()
	inner := zipBytes(t, member{"c.txt", textC}, member{"notes.md", "skipped"})
	writeFiles(t, dir, map[string]string{
		"a.txt.gz":  gzipBytes(t, textA),
		"b.txt.zst": zstdBytes(t, textB),
		"x.tar.gz": gzipBytes(t, tarBytes(t,
			member{"./dir/a.txt", textA},
			member{"dir/d.jsonl", lineD},
			member{"inner.zip", inner},
			member{"b.txt.gz", gzipBytes(t, textB)},
			member{"photo.jpg", "\xff\xd8\xff"},
		)),
		"y.zip":      zipBytes(t, member{"sub/c.txt", textC}, member{"t.tar", tarBytes(t, member{"a.txt", textA})}),
		"z.tgz":      gzipBytes(t, tarBytes(t, member{"d.ndjson", lineD})),
		"w.tar.zst":  zstdBytes(t, tarBytes(t, member{"c.txt", textC})),
		"v.jsonl.gz": gzipBytes(t, lineD+lineD),
	})
	p := func(s string) string { return filepath.Join(dir, s) }
	want := []got{
		{DocID: "a.txt", Source: p("a.txt.gz"), Text: textA},
		{DocID: "b.txt", Source: p("b.txt.zst"), Text: textB},
		{DocID: "d1", Source: p("v.jsonl.gz") + "#1", Published: "2024-03-18", Text: "新签约项目21个。（测试）"},
		{DocID: "d1", Source: p("v.jsonl.gz") + "#2", Published: "2024-03-18", Text: "新签约项目21个。（测试）"},
		{DocID: "c.txt", Source: p("w.tar.zst") + "!/c.txt", Text: textC},
		{DocID: "a.txt", Source: p("x.tar.gz") + "!/dir/a.txt", Text: textA},
		{DocID: "d1", Source: p("x.tar.gz") + "!/dir/d.jsonl#1", Published: "2024-03-18", Text: "新签约项目21个。（测试）"},
		{DocID: "c.txt", Source: p("x.tar.gz") + "!/inner.zip!/c.txt", Text: textC},
		{DocID: "b.txt", Source: p("x.tar.gz") + "!/b.txt.gz", Text: textB},
		{DocID: "c.txt", Source: p("y.zip") + "!/sub/c.txt", Text: textC},
		{DocID: "a.txt", Source: p("y.zip") + "!/t.tar!/a.txt", Text: textA},
		{DocID: "d1", Source: p("z.tgz") + "!/d.ndjson#1", Published: "2024-03-18", Text: "新签约项目21个。（测试）"},
	}
	checkStream(t, collect(t, corpus.Read([]string{dir})), want)
}

func TestReadEncodings(t *testing.T) {
	const text = "镇江高新区１－６月实现营收２．５８亿元，同比增长57.73%。𠀀（测试）\n"
	utf16le, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(text)
	utf16be, _ := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().String(text)
	tests := []struct {
		name, content string
		err           error
	}{
		{"utf8.txt", text, nil},
		{"bom.txt", "\uFEFF" + text, nil},
		{"gb18030.txt", gbk(t, text), nil},
		{"gbk.txt", gbk(t, strings.ReplaceAll(text, "𠀀", "")), nil},
		{"big5.txt", big5(t, traditional), nil},
		{"utf16le.txt", utf16le, nil},
		{"utf16be.txt", utf16be, nil},
		{"utf16odd.txt", utf16le + "x", corpus.ErrEncoding},
		{"utf16surrogate.txt", "\xff\xfe\x00\xd8a\x00", corpus.ErrEncoding},
		{"latin1.txt", "Caf\xe9 cr\xe8me br\xfbl\xe9e, d\xe9j\xe0 vu, \xe0 la carte.", corpus.ErrEncoding},
		{"gbk-truncated.txt", gbk(t, "镇江高新区")[:9], corpus.ErrEncoding},
		{"bom-invalid.txt", "\uFEFF镇江\xff", corpus.ErrEncoding},
		{"binary.txt", "\x00\x01\x02\x03PK\x03\x04\x00\x00", corpus.ErrBinary},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := 0
			for d, err := range corpus.Read([]string{writeOne(t, tt.name, tt.content)}) {
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
				want := text
				if tt.name == "big5.txt" {
					want = traditional
				}
				if tt.name == "gbk.txt" {
					want = strings.ReplaceAll(text, "𠀀", "")
				}
				if d.Text != want {
					t.Errorf("text %q, want %q", d.Text, want)
				}
			}
			if n != 1 {
				t.Errorf("%d items, want 1", n)
			}
		})
	}
}

// traditional is a test sentence in traditional characters, for Big5.
const traditional = "鎮江高新區１－６月實現營收２．５８億元，同比增長57.73%。（測試）\n"

// big5 encodes text in Big5.
func big5(t testing.TB, text string) string {
	t.Helper()
	b, err := traditionalchinese.Big5.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func writeOne(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestDecodeErrorsNameTheByte(t *testing.T) {
	_, err := corpus.Decode([]byte("\uFEFF镇江\xff"))
	if err == nil || !strings.Contains(err.Error(), "byte 9") {
		t.Errorf("err = %v, want the offset of the bad byte (9)", err)
	}
}

func TestNonUTF8Names(t *testing.T) {
	gbName := gbk(t, "新闻.txt")
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		gbName:    textA,
		"x.tar":   tarBytes(t, member{gbName, textB}, member{"bad\xff\xfe.txt", textC}),
		"bad.zip": zipBytes(t, member{gbName, textC}),
	})
	var sources []string
	for d, err := range corpus.Read([]string{dir}) {
		if err != nil {
			t.Fatal(err)
		}
		sources = append(sources, strings.TrimPrefix(d.Source, dir+"/")+" "+d.DocID)
	}
	want := []string{"bad.zip!/新闻.txt 新闻.txt", "x.tar!/新闻.txt 新闻.txt", "x.tar!/bad\uFFFD.txt bad\uFFFD.txt", "新闻.txt 新闻.txt"}
	if strings.Join(sources, "|") != strings.Join(want, "|") {
		t.Errorf("sources\n got %q\nwant %q", sources, want)
	}
}
