package segment

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/go-ego/gse"

	"govx"
	"govx/normalize"
)

// TestSplitUnits checks the units gse's Segment works on: a run of Latin
// letters and digits (one- and two-byte runes) is one unit, every other
// rune one unit.
func TestSplitUnits(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"", nil},
		{"GDP增长6.5%", []string{"GDP", "增", "长", "6", ".", "5", "%"}},
		{"café和Ωmega", []string{"café", "和", "Ωmega"}},
		{"３２亿", []string{"３", "２", "亿"}}, // full-width digits are three bytes
		{"a b", []string{"a", " ", "b"}},
		{"\xff1x", []string{"\xff", "1x"}},
		{"½年", []string{"½", "年"}}, // a number rune of two bytes
	}
	for _, tt := range tests {
		var starts []int
		units := splitUnits(nil, &starts, []byte(tt.text))
		var got []string
		for i, u := range units {
			got = append(got, string(u))
			if !strings.HasPrefix(tt.text[starts[i]:], string(u)) {
				t.Errorf("%q: unit %d %q does not start at %d", tt.text, i, u, starts[i])
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("splitUnits(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestPathMatchesGSE compares Tokens with gse's own Segment on every text
// in the repository (the built-in sample and the held-out articles) and on
// the shared corpus when GOVX_SHARED or ../shared holds it.
func TestPathMatchesGSE(t *testing.T) {
	s := load(t)
	var files []string
	for _, pattern := range []string{"../corpus/sample/*", "../testdata/holdout*/*.txt", sharedCorpus() + "/*"} {
		m, _ := filepath.Glob(pattern)
		files = append(files, m...)
	}
	if len(files) < 10 {
		t.Fatalf("found only %d texts to compare", len(files))
	}
	texts := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil || !utf8.Valid(b) {
			continue
		}
		for line := range strings.Lines(string(b)) { // a JSON Lines file is compared line by line
			if diff := compareWithGSE(s, line); diff != "" {
				t.Errorf("%s: %s", f, diff)
			}
		}
		texts++
	}
	t.Logf("compared %d files", texts)
}

// sharedCorpus is the shared corpus directory, or "" when absent.
func sharedCorpus() string {
	dir := os.Getenv("GOVX_SHARED")
	if dir == "" {
		dir = "../../shared"
	}
	return filepath.Join(dir, "corpus")
}

// compareWithGSE segments text both ways and describes the first
// difference, or returns "".
func compareWithGSE(s *Segmenter, text string) string {
	text = normalize.Text(text)
	sents := normalize.Sentences(text)
	got, want := s.Tokens(text, sents), s.GSETokens(text, sents)
	for i := range min(len(got), len(want)) {
		if got[i] != want[i] {
			return "token " + show(text, got[i]) + ", gse " + show(text, want[i])
		}
	}
	if len(got) != len(want) {
		return "token count differs from gse's"
	}
	return ""
}

func show(text string, t govx.Token) string {
	return t.In(text) + "/" + t.Pos
}

// FuzzPath checks that Tokens and gse's Segment agree on any text.
func FuzzPath(f *testing.F) {
	for _, seed := range []string{
		"示例市高新区2023年GDP增长6.5%以上。",
		"一般公共预算收入完成３．２亿元， 同比增长12%。",
		"café Ωmega ½年 \u3000 \xff\xfe 中华人民共和国国家统计局",
		"1-6月，规模以上工业增加值增长8.1%；其中制造业增长9.0%。",
	} {
		f.Add(seed)
	}
	s := load(f)
	f.Fuzz(func(t *testing.T, text string) {
		if diff := compareWithGSE(s, text); diff != "" {
			t.Errorf("%q: %s", text, diff)
		}
	})
}

// TestTrieHoldsEveryWord walks the trie along each word of the dictionary
// and checks that the walk ends at that word, and that a unit no word
// holds leads nowhere.
func TestTrieHoldsEveryWord(t *testing.T) {
	s := load(t)
	var units []gse.Text
	for i := range s.seg.Dict.Tokens {
		text := s.seg.Dict.Tokens[i].Text()
		units = splitUnits(units[:0], nil, []byte(text))
		node, word := int32(rootNode), int32(noWord)
		for _, u := range units {
			e := s.trie.step(node, s.trie.code(u))
			if e.key == 0 {
				t.Fatalf("word %d %q: no edge for unit %q", i, text, u)
			}
			node, word = e.child, e.word
		}
		if word != int32(i) {
			t.Fatalf("word %d %q: the walk ends at word %d", i, text, word)
		}
	}
	if e := s.trie.step(rootNode, s.trie.code([]byte("Zq9x"))); e.key != 0 {
		t.Error("a unit no word holds has an edge")
	}
}
