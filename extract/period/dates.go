package period

import (
	"strconv"
	"time"
	"unicode/utf8"

	"govx"
)

// Calendar helpers. All ranges are inclusive.

// yearRange is the whole year y (its first and last days need no
// normalizing by govx.DateOf).
func yearRange(y int) govx.DateRange {
	return govx.DateRange{Start: govx.Date{Year: y, Month: time.January, Day: 1}, End: govx.Date{Year: y, Month: time.December, Day: 31}}
}

func monthRange(y, m int) govx.DateRange {
	return govx.DateRange{Start: govx.DateOf(y, time.Month(m), 1), End: govx.DateOf(y, time.Month(m+1), 0)}
}

func monthsRange(y, m1, m2 int) govx.DateRange {
	return govx.DateRange{Start: govx.DateOf(y, time.Month(m1), 1), End: govx.DateOf(y, time.Month(m2+1), 0)}
}

func dayDate(y, m, d int) govx.Date { return govx.DateOf(y, time.Month(m), d) }

// validDay reports whether y-m-d is a real calendar day.
func validDay(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	return d <= govx.DateOf(y, time.Month(m+1), 0).Day
}

// number reads a small number written in ASCII digits or Chinese numerals
// up to 九十九 (十二, 二十三, 三十一). It returns -1 when s is not one.
func number(s string) int {
	if s == "" {
		return -1
	}
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	switch s {
	case "首":
		return 1
	}
	n, tens, seen := 0, 0, false
	for _, r := range s {
		switch {
		case r == '十':
			if seen {
				tens = n * 10
			} else {
				tens = 10
			}
			n, seen = 0, false
		default:
			v, ok := cnDigits[r]
			if !ok {
				if r >= '0' && r <= '9' {
					v = int(r - '0')
				} else {
					return -1
				}
			}
			n, seen = v, true
		}
	}
	return tens + n
}

// yearNumber reads a year written in four digits, ASCII or Chinese
// (二〇二三). It returns -1 when s is not one.
func yearNumber(s string) int {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	if utf8.RuneCountInString(s) != 4 {
		return -1
	}
	y := 0
	for _, r := range s {
		v, ok := cnDigits[r]
		if !ok || r == '两' {
			return -1
		}
		y = y*10 + v
	}
	return y
}

// quarterNumbers reads the quarters named in s: one (一季度, 第三季度, 首季,
// Q2) or two (1-3季度).
func quarterNumbers(s string) []int {
	var qs []int
	for _, r := range s {
		if n := quarterNumber(string(r)); n > 0 {
			qs = append(qs, n)
		}
	}
	return qs
}

// quarterNumber reads the quarter of 一季度, 第三季度, 首季, Q2.
func quarterNumber(s string) int {
	for _, r := range s {
		switch {
		case r == '首':
			return 1
		case r >= '1' && r <= '4':
			return int(r - '0')
		}
		if v, ok := cnDigits[r]; ok && v >= 1 && v <= 4 {
			return v
		}
	}
	return -1
}
