package period

import (
	"slices"
	"strings"
	"testing"

	"govx"
	"govx/extract/extracttest"
)

func newExtractor(t testing.TB) *Extractor {
	t.Helper()
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// run extracts the periods of text with the given reference date.
func run(t testing.TB, e *Extractor, text, ref string) []govx.Period {
	t.Helper()
	doc := extracttest.Doc(text)
	if ref != "" {
		d, err := govx.ParseDate(ref)
		if err != nil {
			t.Fatal(err)
		}
		doc.Article.Published, doc.Article.ReferenceDate = d, d
	}
	var m govx.Mentions
	e.Extract(doc, &m)
	extracttest.Check(t, doc, &m)
	return m.Periods
}

// want is an expected period written "start end granularity rel|abs",
// with "-" for a null date: "2024-01-01 2024-06-30 range rel".
type want string

// periodCase is a test sentence with its periods marked in brackets, the
// reference date it is read against, and the expected dates in order.
type periodCase struct {
	ref    string
	marked string
	want   []want
}

func (w want) parse(t *testing.T) (govx.DateRange, govx.Granularity, bool) {
	t.Helper()
	f := strings.Fields(string(w))
	if len(f) != 4 {
		t.Fatalf("bad want %q", w)
	}
	var r govx.DateRange
	for i, d := range []*govx.Date{&r.Start, &r.End} {
		if f[i] == "-" {
			continue
		}
		v, err := govx.ParseDate(f[i])
		if err != nil {
			t.Fatal(err)
		}
		*d = v
	}
	g, err := govx.ParseGranularity(f[2])
	if err != nil {
		t.Fatal(err)
	}
	return r, g, f[3] == "rel"
}

func runCases(t *testing.T, cases []periodCase) {
	t.Helper()
	e := newExtractor(t)
	for _, c := range cases {
		text, spans := extracttest.Marked(c.marked)
		got := run(t, e, text, c.ref)
		var gotSpans []govx.Span
		for _, p := range got {
			gotSpans = append(gotSpans, p.Span)
		}
		if !slices.Equal(gotSpans, spans) {
			t.Errorf("ref %s\n got  %s\n want %s", c.ref, extracttest.Show(text, gotSpans), c.marked)
			continue
		}
		if len(c.want) != len(got) {
			t.Fatalf("%s: %d spans marked but %d wants", c.marked, len(spans), len(c.want))
		}
		for i, w := range c.want {
			r, g, rel := w.parse(t)
			p := got[i]
			if p.Period != r || p.Granularity != g || p.Relative != rel {
				t.Errorf("ref %s %s: %q got %v..%v %v rel=%v, want %s",
					c.ref, c.marked, p.Span.In(text), p.Period.Start, p.Period.End, p.Granularity, p.Relative, w)
			}
		}
	}
}

func TestAbsolute(t *testing.T) {
	runCases(t, []periodCase{
		{"2024-07-15", "[2023年]全区GDP增长6.5%", []want{"2023-01-01 2023-12-31 year abs"}},
		{"2024-07-15", "[2024年1-6月]，产值增长", []want{"2024-01-01 2024-06-30 range abs"}},
		{"2024-07-15", "[2011年3月25日]，奠基仪式举行", []want{"2011-03-25 2011-03-25 day abs"}},
		{"2024-07-15", "[２０１１年]是开局之年", []want{"2011-01-01 2011-12-31 year abs"}},
		{"2024-07-15", "[二〇二三年]工作回顾", []want{"2023-01-01 2023-12-31 year abs"}},
		{"2024-07-15", "成功举办[2024]招才引智活动", []want{"2024-01-01 2024-12-31 year abs"}},
		{"2017-04-25", "[2015]和[2016年]同期增速分别为3.3%", []want{"2015-01-01 2015-12-31 year abs", "2016-01-01 2016-12-31 year abs"}},
		{"2024-07-15", "[2016年全年]增速", []want{"2016-01-01 2016-12-31 year abs"}},
		{"2023-02-03", "[2022年末]，贷款余额增长", []want{"2022-12-01 2022-12-31 month abs"}},
		{"2011-03-29", "预计[2011年底]竣工", []want{"2011-12-01 2011-12-31 month abs"}},
		{"2021-06-14", "[2013年一季度末]的余额", []want{"2013-03-01 2013-03-31 month abs"}},
		{"2021-06-14", "[2019年4月12-19日]举行", []want{"2019-04-12 2019-04-19 range abs"}},
		{"2021-06-14", "[98年4月]开业", []want{"1998-04-01 1998-04-30 month abs"}},
		{"2021-06-14", "发布于[2010.01.29]", []want{"2010-01-29 2010-01-29 day abs"}},
		// Not years: amounts, counts, durations and anniversaries.
		{"2024-07-15", "投资2000万元，招聘2024人，连续两年翻番，经过7年时间，近20年的开发", nil},
		{"2024-07-15", "全市共有2000家企业，1998名职工，2010个村，约2000万元，2000多家，2000余人，G2024次列车，5点建议，热线0511-12345678", nil},
		{"2024-07-15", "江苏柳工举行成立二十周年暨新品发布会，庆祝75周年", nil},
		{"2024-07-15", "编号G2024的车次，版本2.2024", nil},
	})
}

func TestWithinYear(t *testing.T) {
	runCases(t, []periodCase{
		{"2024-07-15", "[1-6月]，技术合同成交额3.65亿元", []want{"2024-01-01 2024-06-30 range rel"}},
		{"2024-07-15", "[1—5月]研发投入增长", []want{"2024-01-01 2024-05-31 range rel"}},
		{"2024-07-15", "[1至6月]累计", []want{"2024-01-01 2024-06-30 range rel"}},
		{"2024-07-15", "[1-2月份]出口", []want{"2024-01-01 2024-02-29 range rel"}},
		{"2024-07-15", "[1月至6月]", []want{"2024-01-01 2024-06-30 range rel"}},
		{"2017-04-25", "[一季度]全市实现地区生产总值626.9亿元", []want{"2017-01-01 2017-03-31 quarter rel"}},
		{"2017-04-25", "[第三季度]和[首季]", []want{"2017-07-01 2017-09-30 quarter rel", "2017-01-01 2017-03-31 quarter rel"}},
		{"2017-10-25", "[前三季度]增长", []want{"2017-01-01 2017-09-30 range rel"}},
		{"2017-04-25", "[一季度末]，生猪出栏", []want{"2017-03-01 2017-03-31 month rel"}},
		{"2017-10-25", "完成[1-3季度]目标", []want{"2017-01-01 2017-09-30 range rel"}},
		{"2024-07-15", "[Q2]营收增长，[q1]回落", []want{"2024-04-01 2024-06-30 quarter rel", "2024-01-01 2024-03-31 quarter rel"}},
		{"2011-07-19", "[上半年]，全市完成采购；[下半年]将", []want{"2011-01-01 2011-06-30 half rel", "2011-07-01 2011-12-31 half rel"}},
		{"2011-03-29", "[年底]前完成，[年末]余额，[年初]开工", []want{"2011-12-01 2011-12-31 month rel", "2011-12-01 2011-12-31 month rel", "2011-01-01 2011-01-31 month rel"}},
		{"2024-07-15", "争取[全年]完成75家", []want{"2024-01-01 2024-12-31 year rel"}},
		{"2024-07-15", "[2023年]，全区项目[当年]开工", []want{"2023-01-01 2023-12-31 year abs", "2023-01-01 2023-12-31 year rel"}},
		{"2024-01-15", "[12月]，订单增长", []want{"2023-12-01 2023-12-31 month rel"}},
		{"2011-03-29", "[3月25日]，开工仪式举行", []want{"2011-03-25 2011-03-25 day rel"}},
		{"2011-05-10", "[4月28日]签约，[30日]开工", []want{"2011-04-28 2011-04-28 day rel", "2011-04-30 2011-04-30 day rel"}},
		// Not periods: durations and names.
		{"2024-07-15", "用了3个月，前后两个季度的时间，一月一次，年产10万吨，日产6200吨", nil},
		{"2024-07-15", "[1-6月]12个项目开工，[5至6月份]，[3月至今]", []want{"2024-01-01 2024-06-30 range rel", "2024-05-01 2024-06-30 range rel", "2024-03-01 2024-07-15 range rel"}},
		{"2017-04-25", "结束了自[2015年以来]首季增速连续负增长局面", []want{"2015-01-01 2017-04-25 range rel"}},
	})
}

func TestRelative(t *testing.T) {
	runCases(t, []periodCase{
		{"2024-07-15", "[今年以来]，高新园强化理念", []want{"2024-01-01 2024-07-15 range rel"}},
		{"2017-04-25", "[年初以来]，[去年以来]", []want{"2017-01-01 2017-04-25 range rel", "2016-01-01 2017-04-25 range rel"}},
		{"2011-05-25", "[今年4月]，指数为59%，比[3月]高", []want{"2011-04-01 2011-04-30 month rel", "2011-03-01 2011-03-31 month rel"}},
		{"2011-05-25", "[今年4月]指数上升。生产指数比[上月]提升，[本月]持平", []want{"2011-04-01 2011-04-30 month rel", "2011-03-01 2011-03-31 month rel", "2011-04-01 2011-04-30 month rel"}},
		{"2011-05-25", "[1月以来]的上升趋势", []want{"2011-01-01 2011-05-25 range rel"}},
		{"2011-03-24", "[今年]将完成投资，[去年]整治完成，[明年]开工", []want{"2011-01-01 2011-12-31 year rel", "2010-01-01 2010-12-31 year rel", "2012-01-01 2012-12-31 year rel"}},
		{"2023-02-03", "[今年内]开通，[年内]具备条件，[今年1月]发送量", []want{"2023-01-01 2023-12-31 year rel", "2023-01-01 2023-12-31 year rel", "2023-01-01 2023-01-31 month rel"}},
		{"2024-07-15", "[截至目前]，5个项目开工", []want{"- 2024-07-15 vague rel"}},
		{"2017-04-25", "[截至3月末]，资金到位率92%", []want{"- 2017-03-31 range rel"}},
		{"2023-02-03", "[截至2020年底]，累计完成", []want{"- 2020-12-31 range abs"}},
		{"2011-07-19", "[昨日]，市财政局发布消息", []want{"2011-07-18 2011-07-18 day rel"}},
		{"2023-02-03", "[今天]，[今晚][9点半]，[2月6日零时]起", []want{"2023-02-03 2023-02-03 day rel", "2023-02-03 2023-02-03 day rel", "2023-02-03 2023-02-03 day rel", "2023-02-06 2023-02-06 day rel"}},
		{"2011-03-24", "[3月22日下午]，会议召开", []want{"2011-03-22 2011-03-22 day rel"}},
		{"2024-07-15", "3点要求：[3月5日上午][9时]开幕", []want{"2024-03-05 2024-03-05 day rel", "2024-03-05 2024-03-05 day rel"}},
		{"2023-02-03", "[元宵夜]，《[2023年]元宵晚会》与春节市场", []want{"2023-02-05 2023-02-05 day rel", "2023-01-01 2023-12-31 year abs"}},
		{"2024-01-10", "[元旦]期间，[除夕]前", []want{"2024-01-01 2024-01-01 day rel", "2024-02-09 2024-02-09 day rel"}},
		{"2024-07-15", "[年初至今]，[2020年至今]，[3月份以来]", []want{"2024-01-01 2024-07-15 range rel", "2020-01-01 2024-07-15 range rel", "2024-03-01 2024-07-15 range rel"}},
		{"2024-07-15", "项目[2022年]开工，[次年]投产", []want{"2022-01-01 2022-12-31 year abs", "2023-01-01 2023-12-31 year rel"}},
		{"2024-07-15", "[本月底]前完成，近3日客流，30日内办结", []want{"2024-07-01 2024-07-31 month rel"}},
		// Comparison bases are not periods.
		{"2024-07-15", "订单量与同期相比提升，比去年同期增长，上年同期", nil},
		// A deictic word after 比 is annotated, as 上月 in 比上月 is in the gold.
		{"2024-07-15", "比[上年]增长8.4%，比[上月]提高", []want{"2023-01-01 2023-12-31 year rel", "2024-06-01 2024-06-30 month rel"}},
		{"2025-04-16", "[前4个月]，[今年前五个月]", []want{"2025-01-01 2025-04-30 range rel", "2025-01-01 2025-05-31 range rel"}},
		// A statistical communiqué issued the next spring reports on its title's year.
		{"2025-03-10", "云溪县[2024年]统计公报\n初步核算，[全年]地区生产总值586亿元。[一季度]", []want{
			"2024-01-01 2024-12-31 year abs", "2024-01-01 2024-12-31 year rel", "2024-01-01 2024-03-31 quarter rel"}},
		// Year boundaries: an article of 2024-01-05.
		{"2024-01-05", "[去年]完成规划，一期将于[明年二季度]投产", []want{"2023-01-01 2023-12-31 year rel", "2025-04-01 2025-06-30 quarter rel"}},
		{"2024-01-05", "[过去一年]，项目进展顺利，一期将于[明年二季度]投产，[去年]完成规划，[全年]增长，[今年]翻番", []want{
			"2023-01-01 2023-12-31 year rel", "2024-04-01 2024-06-30 quarter rel", "2023-01-01 2023-12-31 year rel",
			"2023-01-01 2023-12-31 year rel", "2023-01-01 2023-12-31 year rel"}},
		{"2024-01-15", "过去的[2023年]，党建引领", []want{"2023-01-01 2023-12-31 year abs"}},
		// A January review that turns to the new year: 今年 with a target is
		// the reference year, and from that clause on the article reports on
		// it; a day written without its year in the month before the
		// reference date is in the reference year.
		{"2024-01-10", "[去年]稳中有进 [今年]力争突破\n[1月9日]，会议召开。[过去一年]，全县增长6.1%。[全年]收入增长4.3%，[11月8日]签约。[今年]全县力争增长6%，[今年一季度]确保产量，到[明年底]装机500万千瓦。[2023年]获评百强。", []want{
			"2023-01-01 2023-12-31 year rel", "2024-01-01 2024-12-31 year rel", "2024-01-09 2024-01-09 day rel",
			"2023-01-01 2023-12-31 year rel", "2023-01-01 2023-12-31 year rel", "2023-11-08 2023-11-08 day rel",
			"2024-01-01 2024-12-31 year rel", "2024-01-01 2024-03-31 quarter rel", "2025-12-01 2025-12-31 month rel",
			"2023-01-01 2023-12-31 year abs"}},
		// 今年 that says what the year is, or with an expected figure
		// (预期), is the new year too.
		{"2025-02-12", "[过去一年]，全市增长5.8%。[今年]是规划收官之年，[今年]全市生产总值预期增长6%左右。", []want{
			"2024-01-01 2024-12-31 year rel", "2025-01-01 2025-12-31 year rel", "2025-01-01 2025-12-31 year rel"}},
		// 上年 is the year before the one the passage reports on: a spring
		// communiqué on 2023 compares with 2022.
		{"2024-03-15", "泰州市[2023年]统计公报\n[2023年]全市地区生产总值比[上年]增长6.3%。[年末]存栏41万头，比[上年末]增加2万头。", []want{
			"2023-01-01 2023-12-31 year abs", "2023-01-01 2023-12-31 year abs", "2022-01-01 2022-12-31 year rel",
			"2023-12-01 2023-12-31 month rel", "2022-12-01 2022-12-31 month rel"}},
	})
}

func TestPlansAndVague(t *testing.T) {
	runCases(t, []periodCase{
		{"2024-07-15", "全面完成[“十四五”]规划目标", []want{"2021-01-01 2025-12-31 multi_year abs"}},
		{"2024-07-15", "[十四五]期间，[“十三五”]时期", []want{"2021-01-01 2025-12-31 multi_year abs", "2016-01-01 2020-12-31 multi_year abs"}},
		{"2011-03-24", "[“十一五”]和[十五]期间", []want{"2006-01-01 2010-12-31 multi_year abs", "2001-01-01 2005-12-31 multi_year abs"}},
		{"2023-02-03", "到[“十四五”末]，有望实现", []want{"2025-01-01 2025-12-31 year abs"}},
		{"2025-01-16", "收入完成年初预算的101.8%，完成年初目标；[年初以来]，[年初]开工", []want{"2025-01-01 2025-01-16 range rel", "2025-01-01 2025-01-31 month rel"}},
		{"2024-07-15", "[“十四五”以来]，全区产值年均增长8%；[十三五以来]", []want{"2021-01-01 2024-07-15 range rel", "2016-01-01 2024-07-15 range rel"}},
		{"2024-01-15", "分区规划([2021—2035年])", []want{"2021-01-01 2035-12-31 multi_year abs"}},
		{"2023-02-03", "实施周期从[2023年—2025年]", []want{"2023-01-01 2025-12-31 multi_year abs"}},
		{"2021-06-14", "[今明两年]", []want{"2021-01-01 2022-12-31 multi_year rel"}},
		{"2024-07-15", "[近年来]，[未来]将成为基地，[现在]每月产量，[近日]建成", []want{"- - vague rel", "- - vague rel", "- - vague rel", "- - vague rel"}},
		{"2011-03-24", "[目前]，[今后]，[当前]，[届时]", []want{"- - vague rel", "- - vague rel", "- - vague rel", "- - vague rel"}},
		// Not periods: numbers, ordinals, names.
		{"2024-07-15", "十五个项目，二十五家企业，第十五届大会", nil},
		{"2024-07-15", "体现在同城化发展，未来燃料发动机研发制造项目签约，适当前移", nil},
	})
}

func TestReferenceDate(t *testing.T) {
	e := newExtractor(t)
	date := func(s string) govx.Date {
		d, err := govx.ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	cases := []struct {
		text            string
		published, flag string
		want            string
		src             govx.RefSource
	}{
		{"今年以来，产值增长。", "2024-07-15", "", "2024-07-15", govx.RefPublished},
		{"今年以来，产值增长。", "", "2020-05-01", "2020-05-01", govx.RefFlag},
		{"今年以来，产值增长。", "2024-07-15", "2020-05-01", "2020-05-01", govx.RefFlag},
		{"本报讯 2024年7月15日，高新园召开大会。今年以来，产值增长。", "", "", "2024-07-15", govx.RefText},
		{"今年以来产值增长。\n（2019年3月2日）", "", "", "2019-03-02", govx.RefText},
		{"5月25日讯 今年4月，指数上升，进入2011年后增速加快。", "", "", "2011-05-25", govx.RefInferred},
		{"2024年1-6月，技术合同成交额3.65亿元。", "", "", "2024-07-01", govx.RefInferred},
		{"今年以来，产值增长。", "", "", "", govx.RefNone},
	}
	for _, c := range cases {
		a := govx.Article{Text: c.text}
		if c.published != "" {
			a.Published = date(c.published) // ReferenceDate left zero: taken from Published
		}
		if c.flag != "" {
			a.ReferenceDate = date(c.flag)
		}
		src := e.ResolveReference(&a)
		if src != c.src || a.ReferenceDate.String() != c.want {
			t.Errorf("%q: got %v (%v), want %s (%v)", c.text, a.ReferenceDate, src, c.want, c.src)
		}
	}
}

func TestNoReferenceDate(t *testing.T) {
	e := newExtractor(t)
	got := run(t, e, "今年以来，全年目标，近年来", "")
	if len(got) != 3 {
		t.Fatalf("got %d periods, want 3", len(got))
	}
	for _, p := range got {
		if p.Granularity != govx.GranularityVague || !p.Period.Start.IsZero() {
			t.Errorf("%v: unresolvable words should be vague with null dates", p)
		}
	}
}

func TestYearRange(t *testing.T) {
	for y := 1; y <= 9999; y++ {
		want := govx.DateRange{Start: govx.DateOf(y, 1, 1), End: govx.DateOf(y, 12, 31)}
		if got := yearRange(y); got != want {
			t.Fatalf("yearRange(%d) = %v, want %v", y, got, want)
		}
	}
}
