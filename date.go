package govx

import (
	"fmt"
	"time"
)

// Date is a calendar date without a time zone. The zero Date means
// "no date" and is written as null.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// DateOf returns the date y-m-d, normalizing out-of-range days and months
// the way time.Date does (DateOf(2024, 2, 30) is 2024-03-01).
func DateOf(y int, m time.Month, d int) Date {
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return Date{t.Year(), t.Month(), t.Day()}
}

// ParseDate parses a date written as 2006-01-02.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, fmt.Errorf("parse date %q: %w", s, err)
	}
	return Date{t.Year(), t.Month(), t.Day()}, nil
}

// IsZero reports whether d is the zero Date, meaning no date.
func (d Date) IsZero() bool { return d == Date{} }

// Time returns midnight UTC of d.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// AddDays returns d moved by n days.
func (d Date) AddDays(n int) Date { return DateOf(d.Year, d.Month, d.Day+n) }

// Before reports whether d comes before e.
func (d Date) Before(e Date) bool { return d.Time().Before(e.Time()) }

// EpochDays returns the number of days since 1970-01-01, the physical
// representation of a Parquet DATE.
func (d Date) EpochDays() int32 {
	return int32(d.Time().Unix() / 86400)
}

// DateFromEpochDays is the inverse of Date.EpochDays.
func DateFromEpochDays(n int32) Date {
	t := time.Unix(int64(n)*86400, 0).UTC()
	return Date{t.Year(), t.Month(), t.Day()}
}

// String formats d as 2006-01-02, or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// MarshalText implements encoding.TextMarshaler.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler; "" gives the zero Date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
