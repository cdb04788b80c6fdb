package quantity

import (
	"errors"
	"math"
	"strconv"
	"testing"
)

func TestParseNumeral(t *testing.T) {
	tests := []struct {
		in   string
		want float64
	}{
		// Arabic, separators, full width.
		{"0", 0},
		{"42", 42},
		{"1,234.5", 1234.5},
		{"82，225.00", 82225},
		{"１２０", 120},
		{"２．４", 2.4},
		{"-3.5", -3.5},
		// Chinese.
		{"十", 10},
		{"十五", 15},
		{"一十一", 11},
		{"一百二十三", 123},
		{"一百零八", 108},
		{"一百十六", 116},
		{"两千零五", 2005},
		{"一千零十", 1010},
		{"三万零六", 30006},
		{"二十万亿", 20e12},
		{"一千零一亿一千零一万一千零一", 100110011001},
		{"〇", 0},
		{"二〇二六", 2026},
		{"九八七", 987},
		{"零点零五", 0.05},
		{"十二点五", 12.5},
		{"一点五亿", 1.5e8},
		{"负十二", -12},
		// 大写 and traditional forms.
		{"壹仟", 1000},
		{"叁佰陆拾伍", 365},
		{"貳萬", 20000},
		{"兩百", 200},
		// Abbreviated tails.
		{"十三万五", 135000},
		{"一百二", 120},
		{"两千六", 2600},
		// Mixed.
		{"2.58亿", 2.58e8},
		{"1.2万亿", 1.2e12},
		{"3千万", 3e7},
		{"5亿1万4千6百", 500014600},
		{"300亿零七千120", 30000007120},
		{"2百07", 207},
		{"15k", 15000},
		{"177.1 亿", 177.1e8},
	}
	for _, tt := range tests {
		got, err := ParseNumeral(tt.in)
		if err != nil {
			t.Errorf("ParseNumeral(%q): %v", tt.in, err)
			continue
		}
		if math.Abs(got-tt.want) > 1e-9*math.Max(1, math.Abs(tt.want)) {
			t.Errorf("ParseNumeral(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestParseNumeralRejects(t *testing.T) {
	for _, in := range []string{
		"", "负", "点五", "元", "亿", "百万", "百十一", "十一十二", "3..5", "五个", "一切", "1.2.3",
	} {
		if v, err := ParseNumeral(in); !errors.Is(err, ErrNotNumeral) {
			t.Errorf("ParseNumeral(%q) = %v, %v; want ErrNotNumeral", in, v, err)
		}
	}
}

func TestReadNumeralPairs(t *testing.T) {
	tests := []struct {
		in        string
		low, high float64
		text      string
	}{
		{"两三个", 2, 3, "两三"},
		{"三五百块", 300, 500, "三五百"},
		{"七八十万人", 70e4, 80e4, "七八十万"},
		{"一两年", 1, 2, "一两"},
	}
	for _, tt := range tests {
		n, ok := readNumeral(tt.in, 0, readOptions{pairs: true})
		if !ok || !n.pair || n.low != tt.low || n.value != tt.high || tt.in[:n.end] != tt.text {
			t.Errorf("readNumeral(%q) = %+v, want pair %v-%v over %q", tt.in, n, tt.low, tt.high, tt.text)
		}
	}
	// Without pairs, two digits are a digit string.
	if n, _ := readNumeral("一二", 0, readOptions{}); n.pair || n.value != 12 {
		t.Errorf("readNumeral(一二) without pairs = %+v, want 12", n)
	}
}

func TestReadNumeralScale(t *testing.T) {
	tests := []struct {
		in, scale string
		mul       float64
	}{
		{"2.58亿元", "亿", 1e8},
		{"3千万元", "千万", 1e7},
		{"二十万元", "万", 1e4},
		{"1.2万亿元", "万亿", 1e12},
		{"亿元", "亿", 1e8},
		{"45元", "", 1},
		{"5亿1万4千6百元", "", 1},
	}
	for _, tt := range tests {
		n, ok := readNumeral(tt.in, 0, readOptions{})
		if !ok || tt.in[n.scaleStart:n.end] != tt.scale || n.scaleMul != tt.mul {
			t.Errorf("readNumeral(%q): scale %q ×%v, want %q ×%v", tt.in, tt.in[n.scaleStart:n.end], n.scaleMul, tt.scale, tt.mul)
		}
	}
}

// TestFloorLog10 checks floorLog10 against math.Floor(math.Log10), near
// the powers of ten and between them.
func TestFloorLog10(t *testing.T) {
	var values []float64
	for e := -3; e <= 24; e++ {
		p := math.Pow(10, float64(e))
		values = append(values, p, math.Nextafter(p, 0), math.Nextafter(p, math.Inf(1)), p*(1+1e-9), p*(1-1e-9), p*1.5, p*9.99)
	}
	for v := 0.001; v < 1e25; v *= 1.0001 {
		values = append(values, v)
	}
	for _, v := range values {
		if got, want := floorLog10(v), math.Floor(math.Log10(v)); got != want {
			t.Errorf("floorLog10(%v) = %v, want %v", v, got, want)
		}
	}
}

func TestCleanValue(t *testing.T) {
	tests := []struct{ in, want float64 }{
		{2.58 * 1e8, 258000000},
		{0.1 + 0.2, 0.3},
		{1.0439, 1.0439},
		{-57.73, -57.73},
		{379.4 * 1e12, 379.4e12},
		{0.0005, 0.0005},
		{7e-30, 7e-30},
		{1e300 * 3, 3e300},
	}
	for _, tt := range tests {
		if got := cleanValue(tt.in); got != tt.want {
			t.Errorf("cleanValue(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
	// The table gives the powers math.Pow gives.
	for k, p := range powersOfTen {
		if want := math.Pow(10, float64(k)); p != want {
			t.Errorf("powersOfTen[%d] = %v, math.Pow gives %v", k, p, want)
		}
	}
	// Integers are kept as they are, as the rounding would keep them.
	for _, v := range []float64{1, -7, 999, 1000, 123456789, 999999999999, 1e11, 2023} {
		k := 11 - math.Floor(math.Log10(math.Abs(v)))
		p := math.Pow(10, k)
		if got, want := cleanValue(v), math.Round(v*p)/p; got != want || got != v {
			t.Errorf("cleanValue(%v) = %v, rounding gives %v", v, got, want)
		}
	}
}

// TestShortDecimal checks the quick path of readArabic against
// strconv.ParseFloat, and that it declines numbers of over 15 digits.
func TestShortDecimal(t *testing.T) {
	for _, tc := range []struct {
		in string
		ok bool
	}{
		{"0", true}, {"7", true}, {"2024", true}, {"6.5", true}, {"0.1", true}, {"0.3", true},
		{"177.1", true}, {"2.58", true}, {"99.99", true}, {"0.000001", true},
		{"123456789012345", true}, {"12345678901234.5", true}, {"900719925474.993", true},
		{"1234567890123456", false}, {"0.1234567890123456", false},
	} {
		var mantissa uint64
		digits, frac := 0, -1
		for _, c := range tc.in {
			if c == '.' {
				frac = 0
				continue
			}
			mantissa = mantissa*10 + uint64(c-'0')
			digits++
			if frac >= 0 {
				frac++
			}
		}
		got, ok := shortDecimal(mantissa, digits, frac)
		if ok != tc.ok {
			t.Errorf("shortDecimal(%q) ok = %v, want %v", tc.in, ok, tc.ok)
			continue
		}
		want, _ := strconv.ParseFloat(tc.in, 64)
		if ok && got != want {
			t.Errorf("shortDecimal(%q) = %v, want %v", tc.in, got, want)
		}
		if v, end, _ := readArabic(tc.in, 0); v != want || end != len(tc.in) {
			t.Errorf("readArabic(%q) = %v, %d; want %v, %d", tc.in, v, end, want, len(tc.in))
		}
	}
}

// TestCodeBeforeASCII guards the quick test in match, which looks
// codeBefore up only for an ASCII rune.
func TestCodeBeforeASCII(t *testing.T) {
	for _, r := range codeBefore {
		if r >= 0x80 {
			t.Errorf("codeBefore holds %q, not ASCII", r)
		}
	}
}
