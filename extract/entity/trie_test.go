package entity

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"govx/extract/extracttest"
)

// TestIsHan checks the fast paths of isHan against Unicode's Han script.
func TestIsHan(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if got, want := isHan(r), unicode.Is(unicode.Han, r); got != want {
			t.Fatalf("isHan(%U) = %v, want %v", r, got, want)
		}
	}
}

func TestTrie(t *testing.T) {
	b := newTrieBuilder()
	words := []string{"镇江", "镇江市", "江苏", "江苏省", "A", "ab", "镇"}
	for i, w := range words {
		if err := b.add(w, int32(i)); err != nil {
			t.Fatal(err)
		}
	}
	if err := b.add("镇江", 99); err != nil { // a second add keeps the first id
		t.Fatal(err)
	}
	if err := b.add("\xff", 100); err == nil {
		t.Error("invalid UTF-8 added")
	}
	tr := b.build()
	text := "在镇江市和江苏\xff镇江ab"
	var got []string
	for i := range len(text) {
		for _, m := range tr.at(text, i, nil) {
			got = append(got, words[m.id]+"@"+text[i:m.end])
		}
	}
	want := []string{"镇@镇", "镇江@镇江", "镇江市@镇江市", "江苏@江苏", "镇@镇", "镇江@镇江", "ab@ab"}
	if !slices.Equal(got, want) {
		t.Errorf("matches %v, want %v", got, want)
	}
	// Shortest first, and the same through the decoded runes of a scan.
	x := extractor(t)
	doc := segmentedDoc(t, text)
	s := newScan(x, doc)
	defer s.done()
	for q := range s.rs {
		a := tr.at(text, int(s.ro[q]), nil)
		r := tr.atRune(s, q, nil)
		if !slices.Equal(a, r) {
			t.Errorf("at %d: at %v, atRune %v", s.ro[q], a, r)
		}
	}
}

func TestPairSet(t *testing.T) {
	s := newPairSet(10)
	pairs := [][2]rune{{'镇', '江'}, {'江', '苏'}, {'a', 'b'}}
	for _, p := range pairs {
		s.add(p[0], p[1])
	}
	for _, p := range pairs {
		if !s.has(p[0], p[1]) {
			t.Errorf("pair %q missing", string(p[:]))
		}
	}
	// Rarely a false positive, never most of them.
	n := 0
	for r := rune(0x4E00); r < 0x4E00+1000; r++ {
		if s.has(r, '江') {
			n++
		}
	}
	if n > 100 {
		t.Errorf("%d of 1000 absent pairs found", n)
	}
}

// TestRunes checks the rune counts read from the decoded text against
// utf8.RuneCountInString, also at bytes inside runes and stray bytes.
func TestRunes(t *testing.T) {
	x := extractor(t)
	text := "本报记者 王晓明\xe4\xb8常州\xff高新区ab"
	s := newScan(x, extracttest.Doc(text))
	defer s.done()
	for i := 0; i <= len(text); i++ {
		for j := i; j <= len(text); j++ {
			if got, want := s.runes(i, j), utf8.RuneCountInString(text[i:j]); got != want {
				t.Fatalf("runes(%d, %d) = %d, want %d", i, j, got, want)
			}
		}
	}
	if !strings.Contains(text, "\xff") || utf8.ValidString(text) {
		t.Fatal("the test text must hold stray bytes")
	}
}

func TestTagKey(t *testing.T) {
	seen := map[uint64]string{}
	for _, tag := range []string{"", "n", "nr", "nrfg", "\x00n", "n\x00", "eng", "abcdefg"} {
		k, ok := tagKey(tag)
		if !ok {
			t.Fatalf("tagKey(%q) not ok", tag)
		}
		if other, dup := seen[k]; dup {
			t.Errorf("tagKey(%q) = tagKey(%q)", tag, other)
		}
		seen[k] = tag
	}
	if _, ok := tagKey("abcdefgh"); ok {
		t.Error("tagKey takes 8 bytes")
	}
}

// TestLexiconHoldsForms checks that every written form of a division is a
// word of the gazetteer's trie, which the scans and shortForms read in
// place of the forms map.
func TestLexiconHoldsForms(t *testing.T) {
	x := extractor(t)
	for w := range x.gaz.forms {
		if n := utf8.RuneCountInString(w); n < 2 || n > maxLexRunes {
			t.Errorf("form %q has %d runes", w, n)
			continue
		}
		ms := x.lexicon.at(w, 0, nil)
		if len(ms) == 0 || ms[len(ms)-1].end != len(w) || x.lexWords[ms[len(ms)-1].id].forms == nil {
			t.Errorf("form %q is not in the lexicon", w)
		}
	}
}

// TestDecoding checks the runes a scan decodes against range, on every
// three bytes that open with the lead byte of a three-byte rune, followed
// by a Han rune, and cut short.
func TestDecoding(t *testing.T) {
	x := extractor(t)
	var b strings.Builder
	for b0 := 0xE0; b0 <= 0xEF; b0++ {
		for b1 := range 256 {
			for b2 := 0; b2 < 256; b2 += 3 {
				b.WriteString(string([]byte{byte(b0), byte(b1), byte(b2)}))
				b.WriteString("镇")
			}
		}
	}
	for _, text := range []string{b.String(), "镇江\xe9\x95", "a\xe9"} {
		s := newScan(x, extracttest.Doc(text))
		n := 0
		for i, r := range text {
			if n >= len(s.rs) || s.rs[n] != r || int(s.ro[n]) != i || int(s.ri[i]) != n {
				t.Fatalf("rune %d at byte %d: want %U", n, i, r)
			}
			n++
		}
		if n != len(s.rs) || int(s.ro[n]) != len(text) {
			t.Fatalf("%d runes decoded, want %d", len(s.rs), n)
		}
		s.done()
	}
}
