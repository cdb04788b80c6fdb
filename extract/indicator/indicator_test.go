package indicator

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"govx"
	"govx/extract"
	"govx/extract/extracttest"
)

// The table tests write their sentences with the mentions the earlier
// extractors would have found marked inline: [2.58亿元] a quantity,
// {1-6月} a period, <中能建…项目|PROJECT> an entity. The marks are read by
// annotate below, so each case shows exactly what the binder is given.

// testPeriods resolves the period marks, as the periods extractor would
// for an article published 2024-07-15.
var testPeriods = map[string]govx.DateRange{
	"2023年":     year(2023),
	"2024年":     year(2024),
	"2030年":     year(2030),
	"明年":        year(2025),
	"今年":        year(2024),
	"全年":        year(2024),
	"2022年末":    {Start: govx.DateOf(2022, 12, 1), End: govx.DateOf(2022, 12, 31)},
	"1-6月":      {Start: govx.DateOf(2024, 1, 1), End: govx.DateOf(2024, 6, 30)},
	"上半年":       {Start: govx.DateOf(2024, 1, 1), End: govx.DateOf(2024, 6, 30)},
	"一季度":       {Start: govx.DateOf(2024, 1, 1), End: govx.DateOf(2024, 3, 31)},
	"4月":        {Start: govx.DateOf(2024, 4, 1), End: govx.DateOf(2024, 4, 30)},
	"3月25日":     {Start: govx.DateOf(2024, 3, 25), End: govx.DateOf(2024, 3, 25)},
	"截至3月末":     {End: govx.DateOf(2024, 3, 31)},
	"2016年全年":   year(2016),
	"上年":        year(2023),
	"近年来":       {},
	"目前":        {},
	"近日":        {},
	"5月":        {Start: govx.DateOf(2024, 5, 1), End: govx.DateOf(2024, 5, 31)},
	"1-4月":      {Start: govx.DateOf(2024, 1, 1), End: govx.DateOf(2024, 4, 30)},
	"5月15日":     {Start: govx.DateOf(2024, 5, 15), End: govx.DateOf(2024, 5, 15)},
	"2024年第二季度": {Start: govx.DateOf(2024, 4, 1), End: govx.DateOf(2024, 6, 30)},
	"年末":        {Start: govx.DateOf(2024, 12, 1), End: govx.DateOf(2024, 12, 31)},
	"上年末":       {Start: govx.DateOf(2023, 12, 1), End: govx.DateOf(2023, 12, 31)},
	"6月末":       {Start: govx.DateOf(2024, 6, 1), End: govx.DateOf(2024, 6, 30)},
}

func year(y int) govx.DateRange {
	return govx.DateRange{Start: govx.DateOf(y, 1, 1), End: govx.DateOf(y, 12, 31)}
}

// quantityMark reads a marked quantity: qualifier words, a number, a
// scale, a unit.
var quantityMark = regexp.MustCompile(`^(近|超过|超|约|逾|突破)?([0-9.，]+|八成|两)?(万亿|万|亿)?(.*?)(以上|以下|左右|余|多)?$`)

// testUnits gives the canonical unit, kind and factor of a written unit.
var testUnits = map[string]struct {
	unit   govx.Unit
	kind   govx.Kind
	factor float64
}{
	"元": {govx.UnitCNY, govx.KindMoney, 1}, "美元": {govx.UnitUSD, govx.KindMoney, 1},
	"%": {govx.UnitPercent, govx.KindPercent, 1}, "个百分点": {govx.UnitPercentPoint, govx.KindPercentPoint, 1},
	"吨": {govx.UnitTonne, govx.KindMass, 1}, "条": {"条", govx.KindCount, 1}, "亩": {govx.UnitMu, govx.KindArea, 1},
	"个月": {govx.UnitMonth, govx.KindDuration, 1}, "米": {govx.UnitMetre, govx.KindLength, 1},
	"倍": {govx.UnitMultiple, govx.KindMultiple, 1}, "个多小时": {govx.UnitHour, govx.KindDuration, 1},
	"小时": {govx.UnitHour, govx.KindDuration, 1}, "千瓦时": {govx.UnitKilowattHour, govx.KindEnergy, 1},
	"千瓦": {govx.UnitKilowatt, govx.KindPower, 1}, "年": {govx.UnitYear, govx.KindDuration, 1},
	"": {govx.UnitNone, govx.KindNumber, 1},
}

// annotate reads a marked sentence into a document and the mentions the
// earlier extractors would have found in it.
func annotate(t testing.TB, marked string) (*extract.Doc, govx.Mentions) {
	t.Helper()
	var b strings.Builder
	var m govx.Mentions
	start := 0
	for _, r := range marked {
		switch r {
		case '[', '{', '<':
			start = b.Len()
		case ']':
			m.Quantities = append(m.Quantities, testQuantity(t, b.String()[start:], govx.Span{Start: start, End: b.Len()}))
		case '}':
			text := b.String()[start:]
			r, ok := testPeriods[text]
			if !ok {
				t.Fatalf("no test period %q", text)
			}
			g := govx.GranularityYear
			if r.End.IsZero() {
				g = govx.GranularityVague
			}
			m.Periods = append(m.Periods, govx.Period{Span: govx.Span{Start: start, End: b.Len()}, Period: r, Granularity: g})
		case '>':
			text := b.String()[start:]
			name, typ, _ := strings.Cut(text, "|")
			et, err := govx.ParseEntityType(typ)
			if err != nil {
				t.Fatal(err)
			}
			s := b.String()[:start] + name
			b.Reset()
			b.WriteString(s)
			m.Entities = append(m.Entities, govx.Entity{Span: govx.Span{Start: start, End: b.Len()}, Type: et})
		default:
			b.WriteRune(r)
		}
	}
	doc := extracttest.Doc(b.String())
	doc.Article.Region = "高新区"
	doc.Article.ReferenceDate = govx.DateOf(2024, 7, 15)
	return doc, m
}

func testQuantity(t testing.TB, text string, span govx.Span) govx.Quantity {
	t.Helper()
	g := quantityMark.FindStringSubmatch(text)
	if g == nil {
		t.Fatalf("cannot read test quantity %q", text)
	}
	var v float64
	g[2] = strings.ReplaceAll(g[2], "，", "")
	switch g[2] {
	case "八成":
		v = 80
	case "两":
		v = 2
	case "":
		v = 1 // 亿元以上
	default:
		var err error
		if v, err = strconv.ParseFloat(g[2], 64); err != nil {
			t.Fatal(err)
		}
	}
	v *= map[string]float64{"": 1, "万": 1e4, "亿": 1e8, "万亿": 1e12}[g[3]]
	q := govx.Quantity{Span: span, Value: v, SurfaceUnit: g[3] + g[4], Qualifier: govx.QualifierExact}
	if u, ok := testUnits[g[4]]; ok {
		q.Unit, q.Kind, q.Value = u.unit, u.kind, v*u.factor
	} else {
		q.Unit, q.Kind = govx.Unit(g[4]), govx.KindCount // a measure word
	}
	if g[2] == "八成" {
		q.Unit, q.Kind = govx.UnitPercent, govx.KindPercent
	}
	switch {
	case g[1] == "近":
		q.Qualifier = govx.QualifierAtMost
	case g[1] == "约" || g[5] == "左右":
		q.Qualifier = govx.QualifierApprox
	case g[1] != "" || g[5] == "以上" || g[5] == "余" || g[5] == "多":
		q.Qualifier = govx.QualifierAtLeast
	}
	return q
}

// row is the expected indicator, written compactly: value and change are
// strings so that "" means null.
type row struct {
	name     string
	period   string // "" null, else a key of testPeriods
	value    string
	unit     govx.Unit
	change   string
	basis    govx.ChangeBasis
	modality govx.Modality
}

func (r row) String() string {
	return fmt.Sprintf("%s period=%q value=%s %s change=%s %s %s", r.name, r.period, r.value, r.unit, r.change, r.basis, r.modality)
}

func rowOf(in govx.Indicator) row {
	f := func(p *float64) string {
		if p == nil {
			return ""
		}
		return strconv.FormatFloat(math.Round(*p*1e6)/1e6, 'f', -1, 64)
	}
	r := row{name: in.Name, value: f(in.Value), unit: in.Unit, change: f(in.ChangePct), basis: in.ChangeBasis, modality: in.Modality}
	for k, v := range testPeriods {
		if v == in.Period && !v.End.IsZero() && !strings.Contains(k, "上半年") && k != "今年" && k != "全年" && k != "上年" {
			r.period = k
		}
	}
	if r.period == "" && !in.Period.End.IsZero() {
		r.period = in.Period.Start.String() + ".." + in.Period.End.String()
	}
	return r
}

const (
	actual   = govx.ModalityActual
	estimate = govx.ModalityEstimate
	target   = govx.ModalityTarget
	plan     = govx.ModalityPlan
	yoy      = govx.BasisYoY
	mom      = govx.BasisMoM
	none     = govx.BasisNone
)

func TestShapes(t *testing.T) {
	tests := []struct {
		name, text string
		want       []row
	}{
		{"level and yoy growth, one row",
			"{1-6月}，一般公共预算收入完成[2.58亿元]，同比增长[57.73%]。",
			[]row{{"一般公共预算收入", "1-6月", "258000000", govx.UnitCNY, "57.73", yoy, actual}}},
		{"one 预计 and one period govern a list",
			"{2023年}预计全区GDP增长[6.5%以上]，一般公共预算收入增长[8.1%]，R&D占比[3.5%]。",
			[]row{
				{"GDP", "2023年", "", "", "6.5", none, estimate},
				{"一般公共预算收入", "2023年", "", "", "8.1", none, estimate},
				{"R&D占比", "2023年", "3.5", govx.UnitPercent, "", none, estimate},
			}},
		{"period between name and value",
			"工业总产值{1-6月}完成[109.56亿元]，同比增长[11.1%]。",
			[]row{{"工业总产值", "1-6月", "10956000000", govx.UnitCNY, "11.1", yoy, actual}}},
		{"counts are indicators, thresholds stay in the name",
			"{2023年}，新签约[亿元以上]产业项目[21个]，总投资[近100亿元]，其中[10亿元以上]项目[4个]。",
			[]row{
				{"新签约亿元以上产业项目", "2023年", "21", "个", "", none, actual},
				{"总投资", "2023年", "10000000000", govx.UnitCNY, "", none, actual},
				{"10亿元以上项目", "2023年", "4", "个", "", none, actual},
			}},
		{"a bound before a count is a threshold in its name",
			"{1-6月}共签约项目[42个]，其中[超10亿元]项目[6个]。",
			[]row{
				{"签约项目", "1-6月", "42", "个", "", none, actual},
				{"超10亿元项目", "1-6月", "6", "个", "", none, actual},
			}},
		{"a count takes the noun after it",
			"{3月25日}，全市共签约[33个]项目，签约金额达[175.65亿元]。",
			[]row{
				{"签约项目", "3月25日", "33", "个", "", none, actual},
				{"签约金额", "3月25日", "17565000000", govx.UnitCNY, "", none, actual},
			}},
		{"percentage points compare growth rates and stay out",
			"{一季度}全市实现地区生产总值[626.9亿元]，同比增长[2%]，比同期增速高[0.8个百分点]，比{2016年全年}增速高[0.3个百分点]。",
			[]row{{"地区生产总值", "一季度", "62690000000", govx.UnitCNY, "2", yoy, actual}}},
		{"a change with its own period and modality is a row of its own",
			"{2023年}全区实现营业收入[12亿元]，{今年}预计增长[20%以上]。",
			[]row{
				{"营业收入", "2023年", "1200000000", govx.UnitCNY, "", none, actual},
				{"营业收入", "2024年", "", "", "20", none, estimate},
			}},
		{"a comparison row does not take the growth",
			"{一季度}全市实现地区生产总值[626.9亿元]，现价总量比同期增加[73.5亿元]，同比增长[2%]。",
			[]row{
				{"地区生产总值", "一季度", "62690000000", govx.UnitCNY, "2", yoy, actual},
				{"现价总量比同期增加", "一季度", "7350000000", govx.UnitCNY, "", none, actual},
			}},
		{"percentage points after 拉动 are a level",
			"{一季度}投资拉动GDP增长[1.1个百分点]。",
			[]row{{"投资拉动GDP增长", "一季度", "1.1", govx.UnitPercentPoint, "", none, actual}}},
		{"下降 is negative",
			"{一季度}中直工业实现增加值[268亿元]，同比下降[3.5%]。",
			[]row{{"中直工业增加值", "一季度", "26800000000", govx.UnitCNY, "-3.5", yoy, actual}}},
		{"减少 and 回落 are negative",
			"{上半年}，能耗总量减少[2.1%]，工业用电量回落[0.6%]。",
			[]row{
				{"能耗总量", "1-6月", "", "", "-2.1", none, actual},
				{"工业用电量", "1-6月", "", "", "-0.6", none, actual},
			}},
		{"持平 is 0 against its basis",
			"{4月}，出口订单指数为[61.11%]，与上月持平。",
			[]row{{"出口订单指数", "4月", "61.11", govx.UnitPercent, "0", mom, actual}}},
		{"持平 with a name of its own",
			"{一季度}，全市工业用电量与上年同期持平。",
			[]row{{"工业用电量", "一季度", "", "", "0", yoy, actual}}},
		{"a stock up to a date dates the sentences after it that day",
			"{截至3月末}，全区共有企业[312家]。全区企业总资产[15亿元]。",
			[]row{
				{"企业", "2024-03-31..2024-03-31", "312", "家", "", none, actual},
				{"企业总资产", "2024-03-31..2024-03-31", "1500000000", govx.UnitCNY, "", none, actual},
			}},
		{"基本持平 is 0 too",
			"{一季度}，全市工业用电量同比基本持平。",
			[]row{{"工业用电量", "一季度", "", "", "0", yoy, actual}}},
		{"a figure brought to a new level is named without the verb",
			"{2023年}，城镇调查失业率下降至[4.5%]。",
			[]row{{"城镇调查失业率", "2023年", "4.5", govx.UnitPercent, "", none, actual}}},
		{"翻番 is 100 for each item",
			"{2023年}，产品销量、销售收入实现翻番。",
			[]row{
				{"产品销量", "2023年", "", "", "100", none, actual},
				{"销售收入", "2023年", "", "", "100", none, actual},
			}},
		{"预期目标是 governs the list after it; a rise kept within a bound is a change",
			"{2024年}主要预期目标是：地区生产总值增长[6%左右]，居民消费价格涨幅控制在[3%左右]。",
			[]row{
				{"地区生产总值", "2024年", "", "", "6", none, target},
				{"居民消费价格", "2024年", "", "", "3", none, target},
			}},
		{"预计 before 将 is an estimate",
			"{2024年}，全区经济稳中有进。“预计{全年}产值将[突破5亿元]。”",
			[]row{{"产值", "2024年", "500000000", govx.UnitCNY, "", none, estimate}}},
		{"a multiple is a growth in percent",
			"{2023年}，全区进出口总额比上年增长[1.5倍]。",
			[]row{{"进出口总额", "2023年", "", "", "150", yoy, actual}}},
		{"环比 is month on month",
			"{4月}，全市用电量环比增长[3.2%]。",
			[]row{{"用电量", "4月", "", "", "3.2", mom, actual}}},
		{"a share",
			"{2023年}，民生支出占比保持在[八成以上]。",
			[]row{{"民生支出占比", "2023年", "80", govx.UnitPercent, "", none, actual}}},
		{"a share of the figure before",
			"{上半年}，实际采购金额[10.31亿元]，占全市的[62.6%]。",
			[]row{
				{"实际采购金额", "1-6月", "1031000000", govx.UnitCNY, "", none, actual},
				{"实际采购金额占全市", "1-6月", "62.6", govx.UnitPercent, "", none, actual},
			}},
		{"shares in brackets after their names",
			"{上半年}，采购主要集中在电梯（占比[11.3%]）、标准化货物（计算机、空调等，占比[7.0%]）。",
			[]row{
				{"采购主要集中在电梯占比", "1-6月", "11.3", govx.UnitPercent, "", none, actual},
				{"标准化货物占比", "1-6月", "7", govx.UnitPercent, "", none, actual},
			}},
		{"a long name keeps what follows its list of examples",
			"{2023年}，解决安置小区监控系统升级、便民集中充电点建设、道路修缮等“群众身边事”[62个]。",
			[]row{{"“群众身边事”", "2023年", "62", "个", "", none, actual}}},
		{"a comparison period leaves the name with its mark",
			"{2023年}，全市粮食总产量[45.6万吨]，比{上年}增产[2.3%]；居民消费价格比{上年}上涨[2.1%]。",
			[]row{
				{"粮食总产量", "2023年", "456000", govx.UnitTonne, "2.3", yoy, actual},
				{"居民消费价格", "2023年", "", "", "2.1", yoy, actual},
			}},
		{"an absolute change is named after the figure it changes",
			"{2023年}，全市户籍人口[312.4万人]，比{上年}减少[1.2万人]。",
			[]row{
				{"户籍人口", "2023年", "3124000", "人", "", none, actual},
				{"户籍人口减少", "2023年", "12000", "人", "", none, actual},
			}},
		{"a space parts a headline: the count's noun ends there",
			"<赣州高新区|LOC>集中签约[12个]项目 总投资[86.5亿元]",
			[]row{
				{"集中签约项目", "", "12", "个", "", none, actual},
				{"总投资", "", "8650000000", govx.UnitCNY, "", none, actual},
			}},
		{"a clause that says how figures are counted names nothing",
			"{2023年}全市实现地区生产总值[7062亿元]，按可比价格计算，比{上年}增长[6.3%]。分产业看，第一产业增加值[153亿元]，增长[2.9%]。",
			[]row{
				{"地区生产总值", "2023年", "706200000000", govx.UnitCNY, "6.3", yoy, actual},
				{"第一产业增加值", "2023年", "15300000000", govx.UnitCNY, "2.9", none, actual},
			}},
		{"what a place has at a date is a stock, and so is its change",
			"{年末}共有规模以上工业企业[7816家]，比{上年末}增加[402家]。{年末}生猪存栏[41.3万头]。{年末}完成出栏[12万头]。{年末}新能源装机容量达到[2150万千瓦]。",
			[]row{
				{"规模以上工业企业", "2024-12-31..2024-12-31", "7816", "家", "", none, actual},
				{"规模以上工业企业增加", "2024-12-31..2024-12-31", "402", "家", "", none, actual},
				{"生猪存栏", "2024-12-31..2024-12-31", "413000", "头", "", none, actual},
				{"出栏", "年末", "120000", "头", "", none, actual},
				{"新能源装机容量", "2024-12-31..2024-12-31", "21500000", govx.UnitKilowatt, "", none, actual},
			}},
		{"a count of what a place has at a period's end is a stock, what was added is not",
			"{6月末}，全县规模以上工业企业达到[156家]。{6月末}，全县新增市场主体[320户]。",
			[]row{
				{"规模以上工业企业", "2024-06-30..2024-06-30", "156", "家", "", none, actual},
				{"新增市场主体", "6月末", "320", "户", "", none, actual},
			}},
		{"a second change against another basis is a row of its own",
			"{5月}，全市进出口总值为[702.3亿元]，同比增长[9.8%]，环比增长[4.1%]。{5月}，出口[300亿元]，同比增长[5%]，增长[5%]。",
			[]row{
				{"进出口总值", "5月", "70230000000", govx.UnitCNY, "9.8", yoy, actual},
				{"进出口总值", "5月", "", "", "4.1", mom, actual},
				{"出口", "5月", "30000000000", govx.UnitCNY, "5", yoy, actual},
			}},
		{"对 and a trading partner opens no policy",
			"{1-6月}，对<美国|LOC>进出口[543亿元]，下降[2.3%]；对新认定的企业奖励[30万元]。",
			[]row{{"对美国进出口", "1-6月", "54300000000", govx.UnitCNY, "-2.3", none, actual}}},
		{"a vague period leaves its figure undated",
			"{全年}计划投资[320亿元]。{近日}，双方将共建[2个]联合实验室。全区将新建[3个]实验室。",
			[]row{
				{"投资", "2024年", "32000000000", govx.UnitCNY, "", none, plan},
				{"双方将共建联合实验室", "", "2", "个", "", none, plan},
				{"新建实验室", "2024年", "3", "个", "", none, plan},
			}},
		{"a speaker's own period dates the list, the passage's does not",
			"{1-6月}，全县生产总值[100亿元]。<王立新|PER>表示，{全年}地区生产总值力争增长[7%以上]，一般公共预算收入[突破40亿元]。<李华|PER>表示，税收将[突破20亿元]。",
			[]row{
				{"生产总值", "1-6月", "10000000000", govx.UnitCNY, "", none, actual},
				{"地区生产总值", "2024年", "", "", "7", none, target},
				{"一般公共预算收入", "2024年", "4000000000", govx.UnitCNY, "", none, target},
				{"税收", "", "2000000000", govx.UnitCNY, "", none, plan},
			}},
		{"分别 with one name for several figures gives a row per figure",
			"{2024年}城乡居民人均可支配收入分别增长[5.5%]、[7%]；合同额和执行额分别增长[14.2%]和[10.3%]。",
			[]row{
				{"城乡居民人均可支配收入", "2024年", "", "", "5.5", none, actual},
				{"城乡居民人均可支配收入", "2024年", "", "", "7", none, actual},
				{"合同额", "2024年", "", "", "14.2", none, actual},
				{"执行额", "2024年", "", "", "10.3", none, actual},
			}},
		{"a clause headed by a company does not take the modality before it",
			"签约项目中，<锐驰公司|ORG>拟投资[8亿元]；<华坚铜箔项目|PROJECT>总投资[6.2亿元]，计划{今年}开工。{2024年}预计全区产值[50亿元]，税收[5亿元]。",
			[]row{
				{"投资", "", "800000000", govx.UnitCNY, "", none, plan},
				{"总投资", "", "620000000", govx.UnitCNY, "", none, actual},
				{"产值", "2024年", "5000000000", govx.UnitCNY, "", none, estimate},
				{"税收", "2024年", "500000000", govx.UnitCNY, "", none, estimate},
			}},
		{"a share of a group the next figure is about is no row",
			"{2023年}，带动[30%以上]的农户人均增收[3000元]；民营企业占[90%以上]。",
			[]row{
				{"农户人均增收", "2023年", "3000", govx.UnitCNY, "", none, actual},
				{"民营企业占", "2023年", "90", govx.UnitPercent, "", none, actual},
			}},
		{"an estimate heading a figureless clause makes the next clause's 将 an estimate",
			"预计到{2030年}，全市光伏装机容量将达到[500万千瓦]。预计{今年}产值增长[6%]，{明年}产值将达到[80亿元]。",
			[]row{
				{"光伏装机容量", "2030年", "5000000", govx.UnitKilowatt, "", none, estimate},
				{"产值", "今年", "", "", "6", none, estimate},
				{"产值", "明年", "8000000000", govx.UnitCNY, "", none, plan},
			}},
		{"a bound before the projects whose figure follows is part of the name",
			"{上半年}，全县固定资产投资增长[5%]，其中[亿元以上]项目完成投资[12.5亿元]，增长[8%]。{上半年}，[5000万元以上]企业实现营业收入[30亿元]。",
			[]row{
				{"固定资产投资", "上半年", "", "", "5", none, actual},
				{"亿元以上项目投资", "上半年", "1250000000", govx.UnitCNY, "8", none, actual},
				{"5000万元以上企业营业收入", "上半年", "3000000000", govx.UnitCNY, "", none, actual},
			}},
		{"a change after a ratio of the figure before is that figure's change",
			"{2024年}，全县一般公共预算收入[32.5亿元]，完成年初预算的[103.2%]，同比增长[6.1%]。",
			[]row{
				{"一般公共预算收入", "2024年", "3250000000", govx.UnitCNY, "6.1", yoy, actual},
				{"完成年初预算", "2024年", "103.2", govx.UnitPercent, "", none, actual},
			}},
		{"a nameless level after a change is the level the change reaches",
			"{明年}全县一般公共预算收入计划增长[5%]，达到[35亿元]；支出计划安排[40亿元]。",
			[]row{
				{"一般公共预算收入", "明年", "3500000000", govx.UnitCNY, "5", none, plan},
				{"支出计划安排", "明年", "4000000000", govx.UnitCNY, "", none, plan},
			}},
		{"the base of a multiple dates nothing",
			"{截至3月末}，园区高新技术企业达到[486家]，是{2022年末}的[2.3倍]；科技型中小企业[712家]。",
			[]row{
				{"园区高新技术企业", "2024-03-31..2024-03-31", "486", "家", "", none, actual},
				{"科技型中小企业", "2024-03-31..2024-03-31", "712", "家", "", none, actual},
			}},
		{"a paragraph after one about the last month alone is about the months since January again",
			"{1-4月}，全市进出口总值[500亿元]，同比增长[8%]。\n{4月}，全市进出口[90亿元]，同比增长[5%]。其中出口[50亿元]。\n从贸易方式看，一般贸易进出口[400亿元]，增长[9%]。",
			[]row{
				{"进出口总值", "1-4月", "50000000000", govx.UnitCNY, "8", yoy, actual},
				{"进出口", "4月", "9000000000", govx.UnitCNY, "5", yoy, actual},
				{"出口", "4月", "5000000000", govx.UnitCNY, "", none, actual},
				{"一般贸易进出口", "1-4月", "40000000000", govx.UnitCNY, "9", none, actual},
			}},
		{"a month after months since January that end elsewhere stays the passage's period",
			"{1-6月}，全市进出口总值[500亿元]。\n{5月}，全市进出口[90亿元]。\n一般贸易进出口[40亿元]。",
			[]row{
				{"进出口总值", "1-6月", "50000000000", govx.UnitCNY, "", none, actual},
				{"进出口", "5月", "9000000000", govx.UnitCNY, "", none, actual},
				{"一般贸易进出口", "5月", "4000000000", govx.UnitCNY, "", none, actual},
			}},
		{"a nameless level with a period of its own is a figure of the row before",
			"{2023年}，全区规上工业总产值增长[10%]，{今年}预计[突破500亿元]，同比增长[8%]。",
			[]row{
				{"规上工业总产值", "2023年", "", "", "10", none, actual},
				{"规上工业总产值", "今年", "50000000000", govx.UnitCNY, "8", yoy, estimate},
			}},
		{"要确保 leaves the name",
			"{一季度}要确保煤炭产量[5800万吨以上]。",
			[]row{{"煤炭产量", "一季度", "58000000", govx.UnitTonne, "", none, target}}},
		{"a numbered list of indicators with colons",
			"{一季度}主要指标完成情况：\n1.地区生产总值：完成[520亿元]，增长[5.2%]。\n（二）一般公共预算收入：[38.6亿元]。\n一是工业增加值增长[7.1%]。",
			[]row{
				{"地区生产总值", "一季度", "52000000000", govx.UnitCNY, "5.2", none, actual},
				{"一般公共预算收入", "一季度", "3860000000", govx.UnitCNY, "", none, actual},
				{"工业增加值", "一季度", "", "", "7.1", none, actual},
			}},
		{"a travel time is a duration that is an indicator, twice",
			"<贵南高铁|PROJECT>计划年内开通，贵阳至南宁通行时间将从{目前}[5个多小时]缩短至[2小时左右]。",
			[]row{
				{"贵阳至南宁通行时间", "", "5", govx.UnitHour, "", none, actual},
				{"贵阳至南宁通行时间", "", "2", govx.UnitHour, "", none, plan},
			}},
		{"a time preposition goes with its period",
			"计划到{2024年}产值[突破5亿元]，可再生能源发电量[3亿千瓦时]。",
			[]row{
				{"产值", "2024年", "500000000", govx.UnitCNY, "", none, plan},
				{"可再生能源发电量", "2024年", "300000000", govx.UnitKilowattHour, "", none, plan},
			}},
		{"a thousands comma does not end a clause",
			"{上半年}，全区税收收入[82，225万元]，同比增长[5%]。",
			[]row{{"税收收入", "1-6月", "822250000", govx.UnitCNY, "5", yoy, actual}}},
		{"a bracket without figures stays in the name",
			"{4月}，我省制造业采购经理指数(PMI)为[59.39%]。",
			[]row{{"制造业采购经理指数(PMI)", "4月", "59.39", govx.UnitPercent, "", none, actual}}},
		{"a statistical-bulletin list without 同比",
			"{一季度}，其中，一产实现增加值[16.9亿元]，增长[4.3%]；二产实现增加值[375.6亿元]，增长[0.4%]。",
			[]row{
				{"一产增加值", "一季度", "1690000000", govx.UnitCNY, "4.3", none, actual},
				{"二产增加值", "一季度", "37560000000", govx.UnitCNY, "0.4", none, actual},
			}},
		{"同比分别增长 hands its figures to the rows before",
			"{一季度}，增值税[12.8亿元]、房产税[1.3亿元]，同比分别增长[21%]、[17.8%]。",
			[]row{
				{"增值税", "一季度", "1280000000", govx.UnitCNY, "21", yoy, actual},
				{"房产税", "一季度", "130000000", govx.UnitCNY, "17.8", yoy, actual},
			}},
		{"分别 with a list of names",
			"{一季度}专用设备制造业、酒和饮料制造业同比分别增长[73.1%]、[42%]。",
			[]row{
				{"专用设备制造业", "一季度", "", "", "73.1", yoy, actual},
				{"酒和饮料制造业", "一季度", "", "", "42", yoy, actual},
			}},
		{"a name before a bracketed change",
			"{一季度}产量同比增长较快的有发酵酒（增长[87%]）。",
			[]row{{"发酵酒", "一季度", "", "", "87", yoy, actual}}},
		{"a project is the subject and takes no passage period",
			"{2023年}，全区经济稳中有进。<中能建新能源电池材料项目|PROJECT>加快推进设备调试，项目完全达产后新增年销售[超10亿元]。",
			[]row{{"新增年销售", "", "1000000000", govx.UnitCNY, "", none, estimate}}},
		{"the passage's reporting period dates a sentence without one",
			"{上半年}，全区经济稳中有进。全区固定资产投资[10.89亿元]。",
			[]row{{"固定资产投资", "1-6月", "1089000000", govx.UnitCNY, "", none, actual}}},
		{"a stock up to a date is dated that day",
			"{截至3月末}，备春耕资金到位率达[92%]。",
			[]row{{"备春耕资金到位率", "2024-03-31..2024-03-31", "92", govx.UnitPercent, "", none, actual}}},
		{"a balance at the end of a year is dated its last day",
			"{2022年末}，绿色贷款余额[22.03万亿元]。",
			[]row{{"绿色贷款余额", "2022-12-31..2022-12-31", "22030000000000", govx.UnitCNY, "", none, actual}}},
		{"目标 力争 确保 争取 are targets",
			"{今年}年产目标是[5万吨]，力争完成投资[10亿元以上]，确保新增企业[20家]，争取认定[75家以上]。",
			[]row{
				{"年产目标", "2024年", "50000", govx.UnitTonne, "", none, target},
				{"投资", "2024年", "1000000000", govx.UnitCNY, "", none, target},
				{"新增企业", "2024年", "20", "家", "", none, target},
				{"认定", "2024年", "75", "家", "", none, target},
			}},
		{"将 and 计划 are plans, 有望 an estimate",
			"{今年}全区将完成公路建设投资[85亿元]。{今年}计划播种面积[1128万亩]。{今年}销售规模有望达到[5000亿元]。",
			[]row{
				{"公路建设投资", "2024年", "8500000000", govx.UnitCNY, "", none, plan},
				{"播种面积", "2024年", "11280000", govx.UnitMu, "", none, plan},
				{"销售规模", "2024年", "500000000000", govx.UnitCNY, "", none, estimate},
			}},
		{"a period after the figure does not govern the next clause",
			"{2024年}，全区经济平稳。<协鑫光伏|ORG>一期项目[600万吨]于{2023年}建成，二期总投资[3.3亿美元]。",
			[]row{
				{"一期项目", "2023年", "6000000", govx.UnitTonne, "", none, actual},
				{"二期总投资", "", "330000000", govx.UnitUSD, "", none, actual},
			}},
		{"a figure after production starts takes no passage period",
			"{2023年}，全区经济稳中有进。项目建成投产后，预计可实现年上交税收[6亿元]。",
			[]row{{"年上交税收", "", "600000000", govx.UnitCNY, "", none, estimate}}},
		{"a figure accumulated over a stated span takes no passage period",
			"{2023年}，全区经济稳中有进。产业园经过[两年多]发展，培育了[1家]准上市公司。",
			[]row{{"培育准上市公司", "", "1", "家", "", none, actual}}},
		{"a production rate names the figure",
			"{2023年}，企业建设日产[6200吨]熟料生产线。",
			[]row{{"日产", "2023年", "6200", govx.UnitTonne, "", none, actual}}},
		{"the base of a partition is no row, nor is its part",
			"{2023年}，[20个]项目中有[5个]总投资超过[10亿元]。",
			nil},
		{"a comparison period governs nothing",
			"全区工业增加值[5亿元]，增速比{2016年全年}高[0.3个百分点]。",
			[]row{{"工业增加值", "", "500000000", govx.UnitCNY, "", none, actual}}},

		// Figures that are not indicators.
		{"an address number", "办公地点位于建设路[88号]。", nil},
		{"a slogan's rhetoric", "大家都说“[9个]城市就是[1个]城市”。", nil},
		{"a threshold in a definition", "PMI高于[50%]时，反映经济扩张。", nil},
		{"a run of months above a line", "该指数连续[4个月]位于[50%以上]。", nil},
		{"a person's race", "<苏炳添|PER>以[6.59]秒夺得男子[60米]冠军。", nil},
		{"a survey's sample", "调查总队对全省[148家]企业调查结果显示，指数回升。", nil},
		{"phases of a project", "项目分[3期]进行。", nil},
		{"a policy's parameters", "《若干措施》共[10条]，对新认定的企业给予[30万元]奖励，符合条件的企业可享受最高[500万元]补贴。", nil},
		{"对外 is no policy", "{2023年}，对外贸易进出口总额[120亿元]。", []row{{"对外贸易进出口总额", "2023年", "12000000000", govx.UnitCNY, "", none, actual}}},
	}
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, m := annotate(t, tt.text)
			e.Extract(doc, &m)
			extracttest.Check(t, doc, &m)
			var got []row
			for _, in := range m.Indicators {
				got = append(got, rowOf(in))
				if in.Evidence != doc.Article.Text[in.Start:in.End] {
					t.Errorf("evidence %q is not the text of its span %q", in.Evidence, doc.Article.Text[in.Start:in.End])
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(normalizeRows(tt.want)) {
				t.Errorf("%s\n got: %v\nwant: %v", tt.text, got, normalizeRows(tt.want))
			}
		})
	}
}

// normalizeRows maps the aliases of the want tables to the keys rowOf
// gives (上半年 and 1-6月 are the same dates; so are 今年 and 2024年).
func normalizeRows(rows []row) []row {
	out := append([]row(nil), rows...)
	for i := range out {
		switch out[i].period {
		case "1-6月", "上半年":
			out[i].period = periodKey(testPeriods["1-6月"])
		case "今年", "2024年":
			out[i].period = periodKey(testPeriods["2024年"])
		}
	}
	return out
}

func periodKey(r govx.DateRange) string {
	for k, v := range testPeriods {
		if v == r && !strings.Contains(k, "上半年") && k != "今年" && k != "全年" && k != "上年" {
			return k
		}
	}
	return ""
}

// TestSubjects checks whose figure each row is.
func TestSubjects(t *testing.T) {
	tests := []struct{ text, want string }{
		{"{2023年}全区新签约项目[21个]。", "高新区"},
		{"<中船动力|ORG>预计{今年}销售收入[10亿元]。", "中船动力"},
		{"总投资[20亿元]的<哈电储能基地项目|PROJECT>进展顺利。", "哈电储能基地项目"},
		{"<阳新|LOC>签约项目[18个]。", "阳新"},
		{"其中<阳新|LOC>签约项目[18个]，签约金额达[126.4亿元]。", "阳新"},
		{"“我们年产目标是[5万吨]，订单量也提升了[10%]。”走进<龙源铝业有限公司|ORG>，机器轰鸣。", "龙源铝业有限公司"},
		{"<半导体产业园|LOC>经过两年发展，培育了[1家]准上市公司。", "半导体产业园"},
		{"<国家统计局|ORG>发布，全国粮食产量[6.9亿吨]。", "高新区"},
		{"<三菱树脂|ORG>、<横滨轮胎|ORG>等[7个]外资项目开工。", "高新区"},
		{"<镇江新区|LOC>实现规上工业产值[1020亿元]，占全市比重达到[35%]。", "镇江新区"},
		{"<江苏恒达科技有限公司|ORG>成立于2005年，现有员工[500人]。公司营业收入[12亿元]。", "江苏恒达科技有限公司"},
	}
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		doc, m := annotate(t, tt.text)
		e.Extract(doc, &m)
		if len(m.Indicators) == 0 {
			t.Errorf("%s: no rows", tt.text)
		}
		for _, in := range m.Indicators {
			if in.Subject != tt.want {
				t.Errorf("%s: %s: subject %q, want %q", tt.text, in.Name, in.Subject, tt.want)
			}
		}
	}
}

// TestTokenNoun checks that the segmenter's nouns end the noun after a
// count when a list follows it, and only then.
func TestTokenNoun(t *testing.T) {
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		toks []string // word/pos after the count
		want string
	}{
		{"{2023年}集中开工的[20个]项目涵盖了新能源、新材料。", []string{"项目/n", "涵盖/v", "了/ul", "新/a", "能源/n"}, "集中开工的项目"},
		{"{2023年}年产[2万台]闸阀、截止阀等阀门。", []string{"闸阀/n"}, "年产"},
	}
	for _, tt := range tests {
		doc, m := annotate(t, tt.text)
		off := m.Quantities[0].End
		for _, wp := range tt.toks {
			w, pos, _ := strings.Cut(wp, "/")
			doc.Tokens = append(doc.Tokens, govx.Token{Span: govx.Span{Start: off, End: off + len(w)}, Pos: pos})
			off += len(w)
		}
		e.Extract(doc, &m)
		if len(m.Indicators) != 1 || m.Indicators[0].Name != tt.want {
			t.Errorf("%s: rows %+v, want one named %q", tt.text, m.Indicators, tt.want)
		}
	}
}

// TestEventPeriod checks that a period inside the object of a verb names
// an event (举行2024年第二季度…签约仪式), and so does one in the subject of
// a clause that says the event took place (…签约活动举行), and leaves the
// sentence dated by the date at its head; the verb is known from the
// segmenter's tag.
func TestEventPeriod(t *testing.T) {
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text, word string // word is tagged pos where it stands
		pos, want  string
	}{
		{"{5月15日}，园区举行{2024年第二季度}重大项目集中签约仪式，共签约项目[12个]。", "举行", "v", "5月15日"},
		{"{5月15日}，园区的{2024年第二季度}重大项目集中签约，共签约项目[12个]。", "的", "uj", "2024年第二季度"},
		{"{5月15日}，园区举行仪式，{2024年第二季度}共签约项目[12个]。", "举行", "v", "2024年第二季度"},
		{"{5月15日}，园区在{2024年第二季度}，共签约项目[12个]。", "在", "p", "2024年第二季度"},
		// The event is the subject of a clause saying it took place.
		{"{5月15日}，示例新区{2024年第二季度}重大项目集中签约活动举行，现场签约项目[12个]。", "新区", "n", "5月15日"},
		{"{5月15日}，示例新区{2024年第二季度}招商推介会隆重召开，现场签约项目[12个]。", "新区", "n", "5月15日"},
		{"{5月15日}，示例新区{2024年第二季度}重大项目集中签约，现场签约项目[12个]。", "新区", "n", "2024年第二季度"},
	}
	for _, tt := range tests {
		doc, m := annotate(t, tt.text)
		at := strings.Index(doc.Article.Text, tt.word)
		doc.Tokens = []govx.Token{{Span: govx.Span{Start: at, End: at + len(tt.word)}, Pos: tt.pos}}
		e.Extract(doc, &m)
		if len(m.Indicators) != 1 || m.Indicators[0].Period != testPeriods[tt.want] {
			t.Errorf("%s: rows %+v, want one dated %s", tt.text, m.Indicators, tt.want)
		}
	}
}

// TestUnsortedMentions checks that the binder does not rely on the order
// in which the earlier extractors appended their mentions.
func TestUnsortedMentions(t *testing.T) {
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	doc, m := annotate(t, "{1-6月}，一般公共预算收入完成[2.58亿元]，同比增长[57.73%]。")
	m.Quantities[0], m.Quantities[1] = m.Quantities[1], m.Quantities[0]
	e.Extract(doc, &m)
	if len(m.Indicators) != 1 || m.Indicators[0].ChangePct == nil || m.Indicators[0].Value == nil {
		t.Fatalf("rows %+v", m.Indicators)
	}
}

// FuzzExtract feeds arbitrary text with mentions found by a naive scanner
// (every run of digits is a quantity, every 4 digits plus 年 a period) and
// checks the invariants: no panic, valid spans, evidence is the span's
// text, finite values, names and modality set.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"2023年预计全区GDP增长6.5%以上，一般公共预算收入增长8.1%。",
		"一般公共预算收入完成2.58亿元，同比增长57.73%；",
		"新签约亿元以上产业项目21个，总投资近100亿元，其中10亿元以上项目4个",
		"（其中，“2015和2016年同期增速分别为3.3%、0.5%）与上月持平，翻番",
		"“我们年产目标是5万吨，”占比",
		"", "，，。", "50%", "增长5%",
	} {
		f.Add(s)
	}
	e, err := New()
	if err != nil {
		f.Fatal(err)
	}
	digits := regexp.MustCompile(`[0-9]+(\.[0-9]+)?(%|亿元|个|家)?`)
	years := regexp.MustCompile(`[0-9]{4}年`)
	f.Fuzz(func(t *testing.T, text string) {
		doc := extracttest.Doc(text)
		doc.Article.Region = "高新区"
		var m govx.Mentions
		for _, loc := range years.FindAllStringIndex(text, -1) {
			y, _ := strconv.Atoi(text[loc[0] : loc[0]+4])
			m.Periods = append(m.Periods, govx.Period{Span: govx.Span{Start: loc[0], End: loc[1]},
				Period: year(y), Granularity: govx.GranularityYear})
		}
		for _, loc := range digits.FindAllStringIndex(text, -1) {
			v, _ := strconv.ParseFloat(strings.TrimRight(text[loc[0]:loc[1]], "%亿元个家"), 64)
			q := govx.Quantity{Span: govx.Span{Start: loc[0], End: loc[1]}, Value: v,
				Kind: govx.KindCount, Unit: "个", Qualifier: govx.QualifierExact}
			if strings.HasSuffix(text[loc[0]:loc[1]], "%") {
				q.Kind, q.Unit = govx.KindPercent, govx.UnitPercent
			}
			m.Quantities = append(m.Quantities, q)
			if loc[1]+1 < len(text) && loc[0]%2 == 0 {
				// An overlapping, longer reading of the same figure, as
				// a faulty upstream extractor might give.
				q.Span.End = loc[1] + 1
				m.Quantities = append(m.Quantities, q)
			}
		}
		e.Extract(doc, &m) // must not panic, whatever the bytes
		if !utf8.ValidString(text) {
			return // articles are valid UTF-8 after normalization
		}
		for _, err := range extracttest.Violations(text, &govx.Mentions{Indicators: m.Indicators}) {
			t.Error(err)
		}
		for _, in := range m.Indicators {
			if in.Evidence != text[in.Start:in.End] {
				t.Errorf("evidence %q is not the text of span %d-%d", in.Evidence, in.Start, in.End)
			}
			if in.Value != nil && (math.IsNaN(*in.Value) || math.IsInf(*in.Value, 0)) {
				t.Errorf("value %v", *in.Value)
			}
		}
	})
}

// benchText is an invented passage in the style of the genre.
const benchText = "{上半年}，全区经济运行稳中有进。{1-6月}，一般公共预算收入完成[2.58亿元]，同比增长[57.73%]；" +
	"固定资产投资{1-6月}完成[10.89亿元]，同比增长[11.69%]，工业应税销售[72.47亿元]，同比增长[6.22%]。" +
	"{2023年}预计全区GDP增长[6.5%以上]，一般公共预算收入增长[8.1%]，R&D占比[3.5%]。" +
	"新签约[亿元以上]产业项目[21个]，总投资[近100亿元]，其中[10亿元以上]项目[4个]。" +
	"<中能建新能源电池材料项目|PROJECT>加快推进设备调试，项目完全达产后新增年销售[超10亿元]。\n"

func BenchmarkExtract(b *testing.B) {
	e, err := New()
	if err != nil {
		b.Fatal(err)
	}
	doc, m := annotate(b, strings.Repeat(benchText, 20))
	b.SetBytes(int64(len(doc.Article.Text)))
	b.ReportAllocs()
	for b.Loop() {
		mm := m
		mm.Indicators = nil
		e.Extract(doc, &mm)
	}
}

func TestBenchTextBinds(t *testing.T) {
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	doc, m := annotate(t, benchText)
	e.Extract(doc, &m)
	if len(m.Indicators) != 10 {
		for _, in := range m.Indicators {
			t.Log(rowOf(in))
		}
		t.Errorf("%d rows, want 10", len(m.Indicators))
	}
}

// TestConcurrentUse runs one Extractor from several goroutines, as the
// pipeline does; run with -race to check that it keeps no shared state.
func TestConcurrentUse(t *testing.T) {
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	doc, m := annotate(t, benchText)
	want := m
	e.Extract(doc, &want)
	var wg sync.WaitGroup
	got := make([]govx.Mentions, 4)
	for i := range got {
		got[i] = m
		wg.Go(func() { e.Extract(doc, &got[i]) })
	}
	wg.Wait()
	rows := func(m govx.Mentions) string {
		var b strings.Builder
		for _, in := range m.Indicators {
			fmt.Fprintln(&b, rowOf(in), in.Span, in.Subject)
		}
		return b.String()
	}
	for i := range got {
		if rows(got[i]) != rows(want) {
			t.Errorf("goroutine %d: rows differ:\n%s\nwant:\n%s", i, rows(got[i]), rows(want))
		}
	}
}

// TestClauseSeps checks that the fast test of a clause separator agrees
// with the table clauseSeps.
func TestClauseSeps(t *testing.T) {
	for _, r := range clauseSeps {
		if !isClauseSep(r) {
			t.Errorf("%q is in clauseSeps but not a separator", r)
		}
	}
	for _, r := range "、 年亿%.的“”《》" {
		if isClauseSep(r) {
			t.Errorf("%q is a separator but not in clauseSeps", r)
		}
	}
}

// BenchmarkLong binds long stretches without a break: a sentence of 16,000
// figures (a table pasted without full stops), a paragraph of 4,000
// sentences, a clause of 12,000 figures with modality words, clauses of
// 4,000 figures among periods or companies. The cost per figure must not grow with them.
func BenchmarkLong(b *testing.B) {
	e, err := New()
	if err != nil {
		b.Fatal(err)
	}
	for _, bm := range []struct{ name, text string }{
		{"sentence", "{2023年}" + strings.Repeat("工业产值增长[5%]，增值税[1亿元]、房产税[2亿元]，同比分别增长[3%]、[4%]，", 4000) + "。"},
		{"paragraph", strings.Repeat("<某某科技有限公司|ORG>营业收入[5亿元]，同比增长[3%]。", 4000)},
		{"clause", "{2023年}" + strings.Repeat("工业产值增长[5%] 预计增值税[1亿元] 将房产税[2亿元] ", 4000) + "。"},
		{"periods", strings.Repeat("{2023年}产值[5亿元] 比{上年}增长[3%] ", 4000) + "。"},
		{"entities", strings.Repeat("与<某某公司|ORG>合作产值[5亿元] ", 4000) + "。"},
	} {
		b.Run(bm.name, func(b *testing.B) {
			doc, m := annotate(b, bm.text)
			b.SetBytes(int64(len(doc.Article.Text)))
			for b.Loop() {
				mm := m
				mm.Indicators = nil
				e.Extract(doc, &mm)
			}
		})
	}
}
