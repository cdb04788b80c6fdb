package indicator

import (
	"fmt"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"govx"
)

// naiveHits finds the words of each table by searching the text once per
// word at every byte: what lexicon.scan must find in one pass.
func naiveHits(e *Extractor, text string) string {
	var h hits
	for _, g := range e.lex.groups {
		for _, w := range g {
			for i := 0; i+len(w.word) <= len(text); i++ {
				if strings.HasPrefix(text[i:], w.word) {
					h[w.table] = append(h[w.table], hit{i, i + len(w.word), w.entry})
				}
			}
		}
	}
	return showHits(e, &h, true)
}

// showHits writes the hits of each table, sorted when asked (by start,
// the longest first at one start, as scan gives them).
func showHits(e *Extractor, h *hits, sorted bool) string {
	var b strings.Builder
	for t, hs := range h {
		hs = append([]hit(nil), hs...)
		if sorted {
			for i := 1; i < len(hs); i++ {
				for j := i; j > 0 && (hs[j].start < hs[j-1].start || hs[j].start == hs[j-1].start && hs[j].end > hs[j-1].end); j-- {
					hs[j], hs[j-1] = hs[j-1], hs[j]
				}
			}
		}
		for _, x := range hs {
			fmt.Fprintf(&b, "%d:%d-%d#%d ", t, x.start, x.end, x.entry)
		}
	}
	return b.String()
}

func TestLexicon(t *testing.T) {
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		text string
		want []string // table:word of each hit, in order of table and start
	}{
		{"同比增长5%，环比下降", []string{"basis:同比", "basis:环比", "clause:，"}},
		{"与上年同期基本持平。", []string{"basis:同期", "flat:与上年同期基本持平", "clause:。"}},
		{"原计划将建成后投产", []string{"future:建成后", "modality:计划", "modality:将", "modality:建成后", "notMod:原计划"}},
		{"预期目标", []string{"modality:预期目标", "modality:预期", "modality:目标"}},
		{"“给予”连续；;", []string{"policy:给予", "run:连续", "segment:；", "segment:;", "clause:；", "clause:;", "quote:“", "quote:”"}},
		{"增长较快", nil},                    // no table word
		{"同\xe5\x90", nil},               // a broken character after a word's first one
		{"\xe5同比", []string{"basis:同比"}}, // a stray lead byte before a word
		{"\x80\x80同比\xff", []string{"basis:同比"}},
		{"翻了两番翻番", []string{"fixed:翻了两番", "fixed:翻番"}},
	} {
		var h hits
		e.lex.scan(tt.text, &h)
		if got, want := showHits(e, &h, false), naiveHits(e, tt.text); got != want {
			t.Errorf("%q: scan %s, naive search %s", tt.text, got, want)
		}
		var got []string
		names := [numTables]string{"basis", "future", "cumulative", "modality", "notMod", "flat", "fixed",
			"policy", "run", "segment", "clause", "quote", "stock", "speech", "present"}
		for tb, hs := range h {
			for _, x := range hs {
				got = append(got, names[tb]+":"+tt.text[x.start:x.end])
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("%q: hits %v, want %v", tt.text, got, tt.want)
		}
	}
}

// FuzzLexicon checks that one pass finds exactly what a search for each
// word finds, and that the quick helpers agree with package strings,
// whatever the bytes.
func FuzzLexicon(f *testing.F) {
	for _, s := range []string{"同比增长5%，环比下降", "原计划将建成后投产", "“给予”连续；;", "\xe5同比\xed\xa0\x80将", ""} {
		f.Add(s)
	}
	e, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		var h hits
		e.lex.scan(text, &h)
		if got, want := showHits(e, &h, false), naiveHits(e, text); got != want {
			t.Errorf("%q: scan %s, naive search %s", text, got, want)
		}
		checkHelpers(t, text)
		checkAffixes(t, e, text)
	})
}

// TestCursor checks that a cursor finds what a binary search finds,
// whether the offsets grow slowly, jump ahead or go back a little or far.
func TestCursor(t *testing.T) {
	a := []int{2, 3, 3, 5, 8, 13, 21, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 60}
	var c cursor
	for _, off := range []int{0, 1, 2, 3, 3, 4, 9, 40, 41, 61, 100, 5, 5, 6, 35, 2, 0, 46, 47, 70} {
		if got, want := c.seek(a, off), searchInts(a, off); got != want {
			t.Errorf("seek(%d) = %d, want %d", off, got, want)
		}
	}
	if got := c.seek(nil, 3); got != 0 {
		t.Errorf("seek in an empty list = %d", got)
	}
	for off := -1; off <= 62; off++ {
		for n := 0; n <= len(a); n++ {
			if got, want := searchBefore(n, off, func(k int) int { return a[k] }), searchInts(a[:n], off)-1; got != want {
				t.Errorf("searchBefore(%d, %d) = %d, want %d", n, off, got, want)
			}
		}
	}
	c = cursor{}
	for _, off := range []int{3, 3, 4, 4, 3, 60, 0, 0, 44, 39, 38, 60, 50, 46, 2, 45} { // back a little, and far
		if got, want := c.seek(a, off), searchInts(a, off); got != want {
			t.Errorf("seek(%d) = %d, want %d", off, got, want)
		}
	}
	var hs []hit
	for _, off := range a {
		hs = append(hs, hit{start: off, end: off + 1})
	}
	c = cursor{}
	for _, off := range []int{0, 1, 2, 3, 3, 4, 9, 40, 41, 61, 100, 5, 5, 6, 35, 2, 0, 46, 47, 70, 44, 39, 38} {
		if got, want := c.seekHit(hs, off), searchHit(hs, off); got != want {
			t.Errorf("seekHit(%d) = %d, want %d", off, got, want)
		}
	}
}

// TestQuickHelpers checks the quick forms of the strings functions against
// the originals, on text where their shortcuts apply and where they do not.
func TestQuickHelpers(t *testing.T) {
	for _, s := range []string{"", " ", "增长", " 增长", "增长 ", "\u3000增长\u3000", "增长\u00a0", "增\xe4\xb8 ", "a增长", "增长b", "预计 增长",
		"12%", "（一）", "\xe5\x80", "䷀", "一", "、。", "增长6.3%", "6.3% ", "增长\u3000", "\u2028增长", "增长\u0085", "\xe0\x80\x80",
		"\xed\xa0\x80", "\xef\xbf\xbd", "\xe1\x9a\x80", "a\xe2\x80", "\x80增", "增\xc2", "“增长”", "、增长。", "\u3000", "\u205f增\u2029",
		"\u2000", "增\u200b", "\xe3", "\xe2\x80\x8a"} {
		checkHelpers(t, s)
	}
}

func checkHelpers(t *testing.T, s string) {
	t.Helper()
	slowLetter := strings.IndexFunc(s, unicode.IsLetter) >= 0
	if hasLetter(s) != slowLetter {
		t.Errorf("hasLetter(%q) = %v", s, !slowLetter)
	}
	if got, want := trimSpace(s), strings.TrimSpace(s); got != want {
		t.Errorf("trimSpace(%q) = %q, want %q", s, got, want)
	}
	if got, want := runeCount(s), utf8.RuneCountInString(s); got != want {
		t.Errorf("runeCount(%q) = %d, want %d", s, got, want)
	}
	for n := range 8 {
		if got, want := hasRunes(s, n), utf8.RuneCountInString(s) >= n; got != want {
			t.Errorf("hasRunes(%q, %d) = %v", s, n, got)
		}
	}
	for _, w := range []string{"", "长", "增长", "长 ", " ", "预计 增长", "b"} {
		if hasSuffix(s, w) != strings.HasSuffix(s, w) || hasPrefix(s, w) != strings.HasPrefix(s, w) {
			t.Errorf("%q and %q: hasSuffix %v hasPrefix %v", s, w, hasSuffix(s, w), hasPrefix(s, w))
		}
		if lastIndex(s, w) != strings.LastIndex(s, w) {
			t.Errorf("lastIndex(%q, %q) = %d", s, w, lastIndex(s, w))
		}
	}
}

// TestSpaceBytes checks that trimSpace sees every space at the start or
// end of a string.
func TestSpaceBytes(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !unicode.IsSpace(r) {
			continue
		}
		for _, s := range []string{string(r), string(r) + "增", "增" + string(r), "a" + string(r) + "b"} {
			if strings.HasPrefix(s, string(r)) && !spaceAtStart(s) || strings.HasSuffix(s, string(r)) && !spaceAtEnd(s) {
				t.Errorf("%q: space %U not seen", s, r)
			}
		}
	}
}

// TestEndSet checks that the filter on last bytes never rules out a string
// that ends with a word of its list.
func TestEndSet(t *testing.T) {
	for _, tt := range []struct {
		words []string
		s     string
		may   bool
	}{
		{[]string{"增长", "下降"}, "同比增长", true},
		{[]string{"增长", "下降"}, "同比增", false},
		{[]string{"增长", "下降"}, "", false},
		{[]string{"至", "到"}, "缩短至", true},
		{[]string{"至", "到"}, "产值", false},
		{[]string{"局", ""}, "产值", true}, // the empty word ends every string
		{[]string{""}, "", true},
	} {
		set := endsOf(tt.words)
		if got := set.mayEnd(tt.s); got != tt.may {
			t.Errorf("%q may end %q: %v, want %v", tt.words, tt.s, got, tt.may)
		}
		if hasSuffixAny(tt.s, tt.words) && !set.mayEnd(tt.s) {
			t.Errorf("%q ends %q but the filter rules it out", tt.words, tt.s)
		}
	}
}

// checkAffixes checks that the affix indexes give the word a search of the
// whole list, longest first, gives: the longest lead word s starts with and
// the longest tail word it ends with; and that a name holds a word of a
// name lexicon exactly when it contains one.
func checkAffixes(t *testing.T, e *Extractor, s string) {
	t.Helper()
	firstOf := func(words []string, match func(string) bool) string {
		for _, w := range words {
			if match(w) {
				return w
			}
		}
		return "-"
	}
	all := byLength(leadWords, ident)
	if got, want := firstOf(e.lead.starting(s), func(w string) bool { return strings.HasPrefix(s, w) }),
		firstOf(all, func(w string) bool { return strings.HasPrefix(s, w) }); got != want {
		t.Errorf("%q starts with lead word %q, index gives %q", s, want, got)
	}
	all = byLength(tailWords, ident)
	if got, want := firstOf(e.tail.ending(s), func(w string) bool { return strings.HasSuffix(s, w) }),
		firstOf(all, func(w string) bool { return strings.HasSuffix(s, w) }); got != want {
		t.Errorf("%q ends with tail word %q, index gives %q", s, want, got)
	}
	var facts uint64
	for tb, words := range map[table][]string{factStock: stockWords, factReporting: reportingWords} {
		if containsAny(s, words) {
			facts |= 1 << tb
		}
	}
	if got := e.nameFacts.tablesIn(s); got != facts {
		t.Errorf("%q holds the name facts of tables %b, want %b", s, got, facts)
	}
	var closing []string
	for _, a := range asides {
		closing = append(closing, a[1])
	}
	var want uint64
	for tb, words := range map[table][]string{nameCut: nameCuts, nameRate: rateWords, nameAside: closing, nameInner: innerWords} {
		if containsAny(s, words) {
			want |= 1 << tb
		}
	}
	if got := e.nameWords.tablesIn(s); got != want {
		t.Errorf("%q holds the name words of tables %b, want %b", s, got, want)
	}
}

func TestAffixes(t *testing.T) {
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"", "全市实现", "其中全市", "增加值完成", "产值达到", "贷款余额", "余", "完成的", "\xe5全市", "全市\xe5", " 和", "、",
		"其中增幅较大的有发酵酒", "新增年产", "在沃尔沃带动下实现增加值"} {
		checkAffixes(t, e, s)
	}
}

// BenchmarkScan is the one pass over an article that finds the words of
// the tables.
func BenchmarkScan(b *testing.B) {
	e, err := New()
	if err != nil {
		b.Fatal(err)
	}
	doc, _ := annotate(b, strings.Repeat(benchText, 20))
	text := doc.Article.Text
	var h hits
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		e.lex.scan(text, &h)
	}
}

// TestReuse checks that the buffers one article leaves for the next change
// nothing: articles bound one after another, long then short and back,
// give the rows they give on their own.
func TestReuse(t *testing.T) {
	texts := []string{
		strings.Repeat(benchText, 3),
		"{一季度}，增值税[12.8亿元]、房产税[1.3亿元]，同比分别增长[21%]、[17.8%]。",
		"{今年}年产目标是[5万吨]，力争完成投资[10亿元以上]。",
		"全区固定资产投资[10.89亿元]。", // no period: none is left from the article before
		benchText,
	}
	show := func(rows []govx.Indicator) string {
		var b strings.Builder
		for _, in := range rows {
			fmt.Fprintln(&b, rowOf(in), in.Span, in.Subject, in.Evidence)
		}
		return b.String()
	}
	want := make([]string, len(texts))
	for i, text := range texts {
		e, err := New()
		if err != nil {
			t.Fatal(err)
		}
		doc, m := annotate(t, text)
		e.Extract(doc, &m)
		want[i] = show(m.Indicators)
	}
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for round := 0; round < 3; round++ {
		for i, text := range texts {
			doc, m := annotate(t, text)
			e.Extract(doc, &m)
			if got := show(m.Indicators); got != want[i] {
				t.Errorf("round %d, text %d: rows\n%s\nwant\n%s", round, i, got, want[i])
			}
		}
	}
}
