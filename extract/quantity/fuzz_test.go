package quantity

import (
	"math"
	"testing"

	"govx"
	"govx/extract/extracttest"
	"govx/normalize"
)

// FuzzExtract checks the invariants of every quantity on any text: no
// panic, spans inside the text on character boundaries, finite values,
// value_max at least value, kind and qualifier set.
func FuzzExtract(f *testing.F) {
	for _, cases := range quantityCases {
		for _, tc := range cases {
			text, _ := extracttest.Marked(tc.marked)
			f.Add(text)
		}
	}
	for _, s := range []string{"１２，３４５．６７亿元", "负-3%", "5 -- 10 万", "亿亿亿", "三分之零", "百分之", "1e308亿元", "99999999999999999999999万亿元", "两三五百", "个多", "“1”2”"} {
		f.Add(s)
	}
	e, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		text := normalize.Text(raw)
		doc := extracttest.Doc(text)
		var m govx.Mentions
		e.Extract(doc, &m)
		for _, err := range extracttest.Violations(text, &m) {
			t.Errorf("%q: %v", text, err)
		}
	})
}

// FuzzParseNumeral checks that the numeral parser never panics and
// returns a finite number or an error.
func FuzzParseNumeral(f *testing.F) {
	for _, s := range []string{"一百零八", "2.58亿", "5亿1万4千6百", "壹仟", "十三万五", "两三", "零点零一", "1,234.5", "万万", "负"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseNumeral(s)
		if err == nil && (math.IsNaN(v) || math.IsInf(v, 0)) {
			t.Errorf("ParseNumeral(%q) = %v", s, v)
		}
	})
}
