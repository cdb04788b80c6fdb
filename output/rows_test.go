package output

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parquet-go/parquet-go"
)

// TestCodePoints converts byte offsets visited in every order the rows
// visit them (forwards, a step back, far back, the same offset again) and
// checks each against a count from the start of the text, which counts an
// invalid byte as one code point, in valid UTF-8 (counted from the last
// eighth byte) and in invalid UTF-8 (looked up in a table). An offset
// inside a code point converts to 0.
func TestCodePoints(t *testing.T) {
	valid := "青湖区2025年GDP增长6.5%，高于全省0.3个百分点。末"
	var words []int32 // reused from one converter to the next, longer text first
	for _, text := range []string{strings.Repeat(valid, 5), valid, valid + "\xff\x80末"} {
		starts := map[int]bool{len(text): true}
		for i := range text {
			starts[i] = true
		}
		want := func(off int) int32 {
			if !starts[off] {
				return 0
			}
			return int32(utf8.RuneCountInString(text[:off]))
		}
		var all []int
		for off := 0; off <= len(text); off++ {
			all = append(all, off)
		}
		orders := map[string][]int{
			"forwards":  all,
			"backwards": reversed(all),
			"zigzag":    {0, 9, 3, 29, 25, 29, len(text), 0, 12, 12, 6, len(text), 40, 41, 60, 7},
		}
		for name, offs := range orders {
			cp := newCodePoints(text, words)
			words = cp.words
			for _, off := range offs {
				if got := cp.at(off); got != want(off) {
					t.Errorf("%q %s: at(%d) = %d, want %d", text, name, off, got, want(off))
				}
			}
		}
	}
}

func reversed(s []int) []int {
	r := make([]int, len(s))
	for i, v := range s {
		r[len(s)-1-i] = v
	}
	return r
}

// TestParquetForms checks that the Parquet form of each row type has the
// same columns as the row type, in the same order.
func TestParquetForms(t *testing.T) {
	for _, c := range []struct{ row, form any }{
		{ArticleRow{}, articleParquet{}},
		{QuantityRow{}, quantityParquet{}},
		{EntityRow{}, entityParquet{}},
		{IndicatorRow{}, indicatorParquet{}},
	} {
		row, form := parquet.SchemaOf(c.row).Fields(), parquet.SchemaOf(c.form).Fields()
		if len(row) != len(form) {
			t.Errorf("%T: %d columns, its Parquet form %d", c.row, len(row), len(form))
			continue
		}
		for i := range row {
			if row[i].Name() != form[i].Name() || !parquet.EqualNodes(row[i], form[i]) {
				t.Errorf("%T column %d: %s, in the Parquet form %s", c.row, i, row[i].Name(), form[i].Name())
			}
		}
	}
}
