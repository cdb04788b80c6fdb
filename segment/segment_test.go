package segment

import (
	"os"
	"strings"
	"sync"
	"testing"

	"govx"
	"govx/normalize"
)

// The segmenter is expensive to load; the tests of this package share one.
var (
	shared     *Segmenter
	sharedErr  error
	sharedOnce sync.Once
)

func load(t testing.TB) *Segmenter {
	t.Helper()
	sharedOnce.Do(func() { shared, sharedErr = Load() })
	if sharedErr != nil {
		t.Fatal(sharedErr)
	}
	return shared
}

func TestTokensCoverText(t *testing.T) {
	s := load(t)
	text := "示例市高新区2023年GDP增长6.5%以上。\n一般公共预算收入完成３．２亿元， 同比增长12%。"
	sents := normalize.Sentences(text)
	tokens := s.Tokens(text, sents)
	// Concatenating the tokens gives back every non-space byte of the text.
	var b strings.Builder
	for i, tok := range tokens {
		if i > 0 && tok.Start < tokens[i-1].End {
			t.Fatalf("token %d overlaps the previous one", i)
		}
		b.WriteString(tok.In(text))
	}
	want := strings.Join(strings.Fields(text), "")
	if b.String() != want {
		t.Errorf("tokens give %q, want %q", b.String(), want)
	}
}

func TestTokensKeepCaseAndProjectWords(t *testing.T) {
	s := load(t)
	text := "高新区GDP增长，一般公共预算收入增长8%。"
	got := map[string]string{}
	for _, tok := range s.Tokens(text, []govx.Span{{Start: 0, End: len(text)}}) {
		got[tok.In(text)] = tok.Pos
	}
	for word, pos := range map[string]string{"GDP": "", "高新区": "n", "一般公共预算收入": "n"} {
		p, ok := got[word]
		if !ok {
			t.Errorf("no token %q in %v", word, got)
			continue
		}
		if pos != "" && p != pos {
			t.Errorf("token %q tagged %q, want %q", word, p, pos)
		}
	}
}

func TestTokensSentenceIndex(t *testing.T) {
	s := load(t)
	text := "第一句话。第二句话！"
	sents := normalize.Sentences(text)
	tokens := s.Tokens(text, sents)
	last := tokens[len(tokens)-1]
	if last.Sentence != 1 {
		t.Errorf("last token in sentence %d, want 1", last.Sentence)
	}
}

// BenchmarkTokens segments a text with Tokens and, for comparison, with
// gse's own Segment (GSETokens), which returns the same tokens.
func BenchmarkTokens(b *testing.B) {
	s := load(b)
	text := strings.Repeat("今年以来，示例区实现地区生产总值123.4亿元，同比增长5.6%，高于全市平均水平。", 50)
	sents := normalize.Sentences(text)
	for _, bm := range []struct {
		name   string
		tokens func(string, []govx.Span) []govx.Token
	}{{"path", s.Tokens}, {"gse", s.GSETokens}} {
		b.Run(bm.name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				bm.tokens(text, sents)
			}
		})
	}
}

func TestUserDictionary(t *testing.T) {
	path := t.TempDir() + "/user.txt"
	if err := os.WriteFile(path, []byte("示例创新谷 1000 ns\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	text := "示例创新谷今年开园。"
	tokens := s.Tokens(text, []govx.Span{{Start: 0, End: len(text)}})
	if got := tokens[0].In(text); got != "示例创新谷" || tokens[0].Pos != "ns" {
		t.Errorf("first token %q/%s, want 示例创新谷/ns", got, tokens[0].Pos)
	}
	if _, err := Load(t.TempDir() + "/missing.txt"); err == nil {
		t.Error("Load with a missing user dictionary succeeded")
	}
}

// BenchmarkLoad measures start-up: building a Segmenter from the embedded
// dictionaries.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}
