package period

import (
	"regexp/syntax"
	"testing"
)

func TestMaxLen(t *testing.T) {
	for _, c := range []struct {
		pattern string
		want    int
	}{
		{`ab`, 2},
		{`年?`, 3},
		{`[0-9]{2}`, 2},
		{`(?:1[89]|20)[0-9]{2}`, 4},
		{`上|上个|这个`, 6},
		{`(?P<x>十[一二]?)月`, 9},
		{`(?i)k`, 4}, // the Kelvin sign K folds to k
		{`a*`, -1},
		{`a+`, -1},
		{`a{2,}`, -1},
		{`a$`, -1},
		{`a\b`, -1},
	} {
		re, err := syntax.Parse(c.pattern, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		if got := maxLen(re.Simplify()); got != c.want {
			t.Errorf("maxLen(%s) = %d, want %d", c.pattern, got, c.want)
		}
	}
	// Every rule is bounded, so the scanner cuts the text it gives the
	// regexps.
	s, err := newScanner()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range s.rules {
		if r.maxLen <= 0 {
			t.Errorf("rule %d (%s): maxLen %d", r.kind, r.pattern, r.maxLen)
		}
	}
}

func TestCharTable(t *testing.T) {
	var tab charTable
	if tab.get('年') != (charRules{}) {
		t.Error("empty table holds 年")
	}
	for i, c := range "年月日季度0123456789上下本今明去前次翌" {
		tab.add(c, charRules{start: 1 << i})
		tab.add(c, charRules{follow: [followDepth]uint32{1 << 20}})
	}
	for i, c := range "年月日季度0123456789上下本今明去前次翌" {
		if got, want := tab.get(c), (charRules{start: 1 << i, follow: [followDepth]uint32{1 << 20}}); got != want {
			t.Errorf("get(%q) = %+v, want %+v", c, got, want)
		}
	}
	for _, c := range "国家省市aZ\x00" {
		if tab.get(c) != (charRules{}) {
			t.Errorf("get(%q) = %+v, want none", c, tab.get(c))
		}
	}
}
