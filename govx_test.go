package govx

import (
	"encoding/json"
	"testing"
	"time"
)

func TestDate(t *testing.T) {
	for _, tt := range []struct {
		d    Date
		s    string
		days int32
	}{
		{DateOf(1970, 1, 1), "1970-01-01", 0},
		{DateOf(2023, 3, 15), "2023-03-15", 19431},
		{DateOf(2024, 2, 29), "2024-02-29", 19782},
		{DateOf(1969, 12, 31), "1969-12-31", -1},
		{DateOf(2024, 2, 30), "2024-03-01", 19783}, // normalized like time.Date
	} {
		if got := tt.d.String(); got != tt.s {
			t.Errorf("%v.String() = %q, want %q", tt.d, got, tt.s)
		}
		if got := tt.d.EpochDays(); got != tt.days {
			t.Errorf("%s.EpochDays() = %d, want %d", tt.s, got, tt.days)
		}
		if back := DateFromEpochDays(tt.days); back != tt.d {
			t.Errorf("DateFromEpochDays(%d) = %v, want %v", tt.days, back, tt.d)
		}
		if p, err := ParseDate(tt.s); err != nil || p != tt.d {
			t.Errorf("ParseDate(%q) = %v, %v", tt.s, p, err)
		}
	}
	if _, err := ParseDate("2024/01/05"); err == nil {
		t.Error("ParseDate accepted 2024/01/05")
	}
	var zero Date
	if !zero.IsZero() || zero.String() != "" {
		t.Errorf("zero Date: IsZero %v, String %q", zero.IsZero(), zero.String())
	}
	if d := DateOf(2024, 1, 5).AddDays(-5); d != DateOf(2023, 12, 31) || !d.Before(DateOf(2024, 1, 1)) {
		t.Errorf("AddDays/Before: %v", d)
	}
	if DateOf(2024, 7, 15).Time() != time.Date(2024, 7, 15, 0, 0, 0, 0, time.UTC) {
		t.Error("Time() is not midnight UTC")
	}
}

func TestDateJSON(t *testing.T) {
	var got struct{ A, B Date }
	if err := json.Unmarshal([]byte(`{"A":"2024-07-15","B":""}`), &got); err != nil {
		t.Fatal(err)
	}
	if got.A != DateOf(2024, 7, 15) || !got.B.IsZero() {
		t.Errorf("got %+v", got)
	}
	b, _ := json.Marshal(got)
	if string(b) != `{"A":"2024-07-15","B":""}` {
		t.Errorf("marshal: %s", b)
	}
}

func TestEnums(t *testing.T) {
	if KindPercentPoint.String() != "percent_point" || QualifierAtLeast.String() != "at_least" ||
		GranularityMultiYear.String() != "multi_year" || EntityProject.String() != "PROJECT" ||
		ModalityEstimate.String() != "estimate" || BasisYoY.String() != "yoy" || RefInferred.String() != "inferred" {
		t.Error("an enumeration does not print as SPEC.md writes it")
	}
	if KindNone.String() != "" || QualifierNone.String() != "" {
		t.Error("unset values must print as \"\" (null)")
	}
	for _, name := range kindNames[1:] {
		k, err := ParseKind(name)
		if err != nil || k.String() != name {
			t.Errorf("ParseKind(%q) = %v, %v", name, k, err)
		}
	}
	if _, err := ParseQualifier("roughly"); err == nil {
		t.Error("ParseQualifier accepted an unknown name")
	}
	if Kind(200).String() != "200?" {
		t.Errorf("out-of-range kind prints %q", Kind(200).String())
	}
}

func TestSpanAndID(t *testing.T) {
	s := Span{Start: 3, End: 9}
	if !s.Contains(Span{4, 9}) || s.Contains(Span{2, 5}) || !s.Overlaps(Span{8, 12}) || s.Overlaps(Span{9, 12}) || s.Len() != 6 {
		t.Error("Span predicates wrong")
	}
	if s.In("示例区增长") != "例区" {
		t.Errorf("In = %q", s.In("示例区增长"))
	}
	if id := ArticleID("正文。"); len(id) != 16 || id != ArticleID("正文。") || id == ArticleID("正文") {
		t.Errorf("ArticleID = %q", id)
	}
}
