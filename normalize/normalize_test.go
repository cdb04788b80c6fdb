package normalize

import (
	"strings"
	"testing"
	"unicode/utf8"

	"govx"
)

// long is a sentence fragment long enough to be taken for running text.
const long = "示例区围绕主导产业链条编制招商地图开展精准招商，全年引进项目的数量和质量都有明显提升，"

func TestText(t *testing.T) {
	tests := []struct {
		name, raw, want string
	}{
		{"paragraph broken mid-word", long + "突\n\n出重点。\n", long + "突出重点。"},
		{"broken before a name", long + "参与建设了某国\n\n友谊大桥等工程。", long + "参与建设了某国友谊大桥等工程。"},
		{"real paragraph break kept", long + "完成目标。\n\n第二段开始。", long + "完成目标。\n\n第二段开始。"},
		{"heading kept", "产业集群效应更加凸显\n\n" + long + "。", "产业集群效应更加凸显\n\n" + long + "。"},
		{"headline with spaces kept", "挂出新图 亮出新举措 跑出加速度 在发展赛道上奋勇争先的示例园区全力以赴\n\n“我们的目标是5万吨。”",
			"挂出新图 亮出新举措 跑出加速度 在发展赛道上奋勇争先的示例园区全力以赴\n\n“我们的目标是5万吨。”"},
		{"byline and caption kept", "本报记者 张三\n\n" + long + "。\n\n示例大会现场", "本报记者 张三\n\n" + long + "。\n\n示例大会现场"},
		{"BOM, CRLF and trailing spaces", "\uFEFF第一行。  \r\n\r\n第二行。\r\n", "第一行。\n\n第二行。"},
		{"leading blank lines", "\n\n\n标题\n\n正文。", "标题\n\n正文。"},
		{"joined paragraph stays open", long + "甲\n\n乙" + long + "丙\n\n丁。", long + "甲乙" + long + "丙丁。"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Text(tt.raw); got != tt.want {
				t.Errorf("Text(%q)\n got %q\nwant %q", tt.raw, got, tt.want)
			}
		})
	}
}

func TestArticle(t *testing.T) {
	a := Article(govx.Document{DocID: "x.txt", Source: "dir/x.txt", Title: " 标题 ", Text: "正文。\r\n", Published: govx.DateOf(2024, 7, 15)})
	if a.Text != "正文。" || a.Title != "标题" || a.ReferenceDate != a.Published || a.ID != govx.ArticleID("正文。") || len(a.ID) != 16 {
		t.Errorf("unexpected article %+v", a)
	}
}

func TestSentences(t *testing.T) {
	text := "今年以来，全区增长5%。他说：“干！”随后散会。\n\n  标题行\n末句没有句号"
	var got []string
	for _, s := range Sentences(text) {
		got = append(got, s.In(text))
	}
	want := []string{"今年以来，全区增长5%。", "他说：“干！”", "随后散会。", "标题行", "末句没有句号"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ text, want string }{
		{"投资１２０亿元", "投资120亿元"},
		{"增长５．２％，高于预期", "增长5.2%，高于预期"},
		{"合计82，225.00元", "合计82,225.00元"},
		{"分别为1，2，3个", "分别为1，2，3个"},
		{"ＧＤＰ增长", "GDP增长"},
		{"no change。", "no change。"},
	}
	for _, tt := range tests {
		f := Fold(tt.text)
		if f.Text != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.text, f.Text, tt.want)
		}
		checkAlignment(t, tt.text, f)
	}
	// Spans found in the folded text map back to the original characters.
	text := "投资１２０亿元"
	f := Fold(text)
	i := strings.Index(f.Text, "120亿元")
	if got := text[f.Orig(i):f.Orig(i+len("120亿元"))]; got != "１２０亿元" {
		t.Errorf("mapped span = %q", got)
	}
}

// checkAlignment verifies that every folded offset maps to a character
// boundary of text, monotonically, ending at len(text).
func checkAlignment(t *testing.T, text string, f Folded) {
	t.Helper()
	prev := 0
	for i := 0; i <= len(f.Text); i++ {
		o := f.Orig(i)
		if o < prev || o > len(text) {
			t.Fatalf("Orig(%d) = %d after %d (text %q)", i, o, prev, text)
		}
		if i < len(f.Text) && utf8.RuneStart(f.Text[i]) && !utf8.RuneStart(text[o]) {
			t.Fatalf("Orig(%d) = %d is inside a character of %q", i, o, text)
		}
		prev = o
	}
	if f.Orig(len(f.Text)) != len(text) {
		t.Fatalf("Orig(end) = %d, want %d", f.Orig(len(f.Text)), len(text))
	}
}

func FuzzNormalize(f *testing.F) {
	f.Add(long + "突\n\n出重点。")
	f.Add("ＧＤＰ增长５．２％，合计82，225元\r\n")
	f.Add("\uFEFF\n  标题 \n\n正文")
	f.Fuzz(func(t *testing.T, raw string) {
		text := Text(raw)
		if again := Text(text); again != text {
			t.Fatalf("Text not idempotent: %q → %q", text, again)
		}
		checkAlignment(t, text, Fold(text))
		end := 0
		for _, s := range Sentences(text) {
			if s.Start < end || s.End <= s.Start || s.End > len(text) {
				t.Fatalf("bad sentence %v after %d in %q", s, end, text)
			}
			end = s.End
		}
	})
}

func BenchmarkNormalize(b *testing.B) {
	raw := strings.Repeat(long+"增长５．２％。\n\n", 200)
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		text := Text(raw)
		Fold(text)
		Sentences(text)
	}
}

// TestTextInvalidUTF8 checks that bytes that are not UTF-8 become U+FFFD,
// so that later steps (the segmenter) only ever see valid text.
func TestTextInvalidUTF8(t *testing.T) {
	for raw, want := range map[string]string{
		"增长\xff6%":     "增长\uFFFD6%",
		"\x80\x80示例区":  "\uFFFD示例区",
		"完成\xe4\xb8投资": "完成\uFFFD投资",
	} {
		if got := Text(raw); got != want {
			t.Errorf("Text(%q) = %q, want %q", raw, got, want)
		}
	}
}
