package period

import (
	"regexp/syntax"
	"strings"
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

// TestRulesOf checks that rulesOf finds each pattern character's own
// bits: those of the rules that need it, and only those.
func TestRulesOf(t *testing.T) {
	s, err := newScanner()
	if err != nil {
		t.Fatal(err)
	}
	for c := rune(0); c < 1<<16; c++ {
		if !s.isPatternChar(c) {
			continue
		}
		var want uint32
		for i, r := range s.rules {
			if strings.ContainsRune(r.needs, c) {
				want |= 1 << i
			}
		}
		if got := s.rulesOf(c).need; got != want {
			t.Errorf("rulesOf(%q).need = %b, want %b", c, got, want)
		}
	}
	if s.rulesOf('年').start == 0 {
		t.Error("no rule starts with 年")
	}
}
