package output

import (
	"testing"
	"unicode/utf8"
)

// TestCodePoints converts byte offsets visited in every order the rows
// visit them (forwards, a step back, far back, the same offset again) and
// checks each against a count from the start of the text, which counts an
// invalid byte as one code point.
func TestCodePoints(t *testing.T) {
	text := "青湖区2025年GDP增长6.5%，高于全省0.3个百分点。\xff\x80末"
	var starts []int
	for i := range text {
		starts = append(starts, i)
	}
	starts = append(starts, len(text))
	orders := map[string][]int{
		"forwards":  starts,
		"backwards": reversed(starts),
		"zigzag":    {0, 9, 3, 29, 25, 29, len(text), 0, 12, 12, 6},
	}
	for name, offs := range orders {
		cp := newCodePoints(text)
		for _, off := range offs {
			if got, want := cp.at(off), int32(utf8.RuneCountInString(text[:off])); got != want {
				t.Errorf("%s: at(%d) = %d, want %d", name, off, got, want)
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
