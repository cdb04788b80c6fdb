package quantity

import (
	"testing"

	"govx"
	"govx/extract/extracttest"
)

// want is the expected reading of one marked span: value, upper end (0:
// none), canonical unit, kind, qualifier and, when not "", the surface unit.
type want struct {
	v, max    float64
	unit      govx.Unit
	kind      govx.Kind
	qualifier govx.Qualifier
	surface   string
}

// The shorthands keep the tables readable.
const (
	exact   = govx.QualifierExact
	approx  = govx.QualifierApprox
	atLeast = govx.QualifierAtLeast
	atMost  = govx.QualifierAtMost
	rng     = govx.QualifierRange

	money    = govx.KindMoney
	percent  = govx.KindPercent
	points   = govx.KindPercentPoint
	counts   = govx.KindCount
	mass     = govx.KindMass
	area     = govx.KindArea
	volume   = govx.KindVolume
	length   = govx.KindLength
	power    = govx.KindPower
	energy   = govx.KindEnergy
	multiple = govx.KindMultiple
	duration = govx.KindDuration
	number   = govx.KindNumber
)

// quantityCase is a test sentence with its quantities marked in brackets
// (extracttest.Marked) and their expected readings in order.
type quantityCase struct {
	marked string
	want   []want
}

var quantityCases = map[string][]quantityCase{
	"arabic numerals": {
		{"合同金额[1,234.5万元]", []want{{v: 12345000, unit: "CNY", kind: money, qualifier: exact, surface: "万元"}}},
		{"结余[82，225.00元]。", []want{{v: 82225, unit: "CNY", kind: money, qualifier: exact, surface: "元"}}},
		{"营收[19.40亿元]", []want{{v: 1940000000, unit: "CNY", kind: money, qualifier: exact}}},
	},
	"full-width digits": {
		{"投资[１２０亿元]", []want{{v: 12e9, unit: "CNY", kind: money, qualifier: exact, surface: "亿元"}}},
		{"增长[２．４％]", []want{{v: 2.4, unit: "%", kind: percent, qualifier: exact, surface: "％"}}},
	},
	"chinese numerals": {
		{"建成[一百二十三个]站点", []want{{v: 123, unit: "个", kind: counts, qualifier: exact}}},
		{"新增[两千零五家]企业", []want{{v: 2005, unit: "家", kind: counts, qualifier: exact}}},
		{"总量达到[二十万亿元]", []want{{v: 20e12, unit: "CNY", kind: money, qualifier: exact, surface: "万亿元"}}},
		{"大写[壹仟元整]", []want{{v: 1000, unit: "CNY", kind: money, qualifier: exact}}},
		{"共[十五项]", []want{{v: 15, unit: "项", kind: counts, qualifier: exact}}},
		{"利率为[〇点五%]", []want{{v: 0.5, unit: "%", kind: percent, qualifier: exact}}},
	},
	"mixed numerals": {
		{"收入[2.58亿元]", []want{{v: 258e6, unit: "CNY", kind: money, qualifier: exact, surface: "亿元"}}},
		{"贷款[1.2万亿元]", []want{{v: 1.2e12, unit: "CNY", kind: money, qualifier: exact, surface: "万亿元"}}},
		{"补贴[3千万元]", []want{{v: 3e7, unit: "CNY", kind: money, qualifier: exact, surface: "千万元"}}},
		{"合计[5亿1万4千6百元]", []want{{v: 500014600, unit: "CNY", kind: money, qualifier: exact}}},
	},
	"scale words as thresholds": {
		{"新签约[亿元以上]产业项目[21个]", []want{
			{v: 1e8, unit: "CNY", kind: money, qualifier: atLeast, surface: "亿元"},
			{v: 21, unit: "个", kind: counts, qualifier: exact}}},
		{"[万元以上]的合同", []want{{v: 1e4, unit: "CNY", kind: money, qualifier: atLeast}}},
	},
	"money": {
		{"外资[211万美元]", []want{{v: 2.11e6, unit: "USD", kind: money, qualifier: exact, surface: "万美元"}}},
		{"出口[3.5亿欧元]", []want{{v: 3.5e8, unit: "EUR", kind: money, qualifier: exact}}},
		{"融资[8000万港元]", []want{{v: 8e7, unit: "HKD", kind: money, qualifier: exact}}},
		{"订单[12亿日元]", []want{{v: 1.2e9, unit: "JPY", kind: money, qualifier: exact}}},
		{"进出口[24371亿元人民币]", []want{{v: 2.4371e12, unit: "CNY", kind: money, qualifier: exact, surface: "亿元人民币"}}},
		{"完成投资[85亿]开工建设", []want{{v: 8.5e9, unit: "CNY", kind: money, qualifier: exact, surface: "亿"}}},
		{"售价[50元6角3分]", []want{{v: 50.63, unit: "CNY", kind: money, qualifier: exact}}},
	},
	"percentages and points": {
		{"增长[6.5%以上]", []want{{v: 6.5, unit: "%", kind: percent, qualifier: atLeast}}},
		{"占[百分之三十]", []want{{v: 30, unit: "%", kind: percent, qualifier: exact, surface: "百分之"}}},
		{"满意度[八成以上]", []want{{v: 80, unit: "%", kind: percent, qualifier: atLeast, surface: "成"}}},
		{"占[七成多]", []want{{v: 70, unit: "%", kind: percent, qualifier: atLeast, surface: "成"}}},
		{"约有[三成半]", []want{{v: 35, unit: "%", kind: percent, qualifier: exact}}},
		{"提高[0.8个百分点]", []want{{v: 0.8, unit: "pp", kind: points, qualifier: exact, surface: "个百分点"}}},
		{"调升[52个基点]", []want{{v: 0.52, unit: "pp", kind: points, qualifier: exact, surface: "个基点"}}},
		{"回落[2百分点]", []want{{v: 2, unit: "pp", kind: points, qualifier: exact}}},
		{"下降[-2.3%]", []want{{v: -2.3, unit: "%", kind: percent, qualifier: exact}}},
		{"打[八五折]", []want{{v: 85, unit: "%", kind: percent, qualifier: exact}}},
	},
	"fractions and multiples": {
		{"占全省[三分之一]", []want{{v: 33.33, unit: "%", kind: percent, qualifier: exact}}},
		{"[约八分之一]", []want{{v: 12.5, unit: "%", kind: percent, qualifier: approx}}},
		{"仅[千分之五]", []want{{v: 0.5, unit: "%", kind: percent, qualifier: exact}}},
		{"增长[2倍]", []want{{v: 2, unit: "x", kind: multiple, qualifier: exact, surface: "倍"}}},
		{"是去年的[1.5倍]", []want{{v: 1.5, unit: "x", kind: multiple, qualifier: exact}}},
	},
	"mass, area, volume, length": {
		{"年产[5万吨]", []want{{v: 5e4, unit: "t", kind: mass, qualifier: exact, surface: "万吨"}}},
		{"收购[300公斤]", []want{{v: 300, unit: "kg", kind: mass, qualifier: exact}}},
		{"面积[3242公顷]", []want{{v: 3.242e7, unit: "m2", kind: area, qualifier: exact, surface: "公顷"}}},
		{"流转[100多亩]", []want{{v: 100, unit: "mu", kind: area, qualifier: atLeast, surface: "亩"}}},
		{"新建厂房[约10万平方米]", []want{{v: 1e5, unit: "m2", kind: area, qualifier: approx, surface: "万平方米"}}},
		{"规划[12.5平方公里]", []want{{v: 12.5, unit: "km2", kind: area, qualifier: exact}}},
		{"调水[53亿立方米]", []want{{v: 5.3e9, unit: "m3", kind: volume, qualifier: exact}}},
		{"全长[482公里]", []want{{v: 482, unit: "km", kind: length, qualifier: exact}}},
		{"男子[60米]决赛", []want{{v: 60, unit: "m", kind: length, qualifier: exact}}},
	},
	"power and energy": {
		{"装机[600MW]", []want{{v: 6e5, unit: "kW", kind: power, qualifier: exact, surface: "MW"}}},
		{"新增[12万千瓦]", []want{{v: 1.2e5, unit: "kW", kind: power, qualifier: exact, surface: "万千瓦"}}},
		{"发电[3.5亿千瓦时]", []want{{v: 3.5e8, unit: "kWh", kind: energy, qualifier: exact}}},
		{"能耗[729.2万吨标准煤]", []want{{v: 7.292e6, unit: "t", kind: energy, qualifier: exact, surface: "万吨标准煤"}}},
		{"均价[3000元/吨]", []want{{v: 3000, unit: "CNY/吨", kind: number, qualifier: exact, surface: "元/吨"}}},
		{"补贴[5万元/人]", []want{{v: 5e4, unit: "CNY/人", kind: number, qualifier: exact, surface: "万元/人"}}},
		{"单位能耗[1.04吨标准煤/万元]", []want{{v: 1.04, unit: "t/万元", kind: number, qualifier: exact, surface: "吨标准煤/万元"}}},
	},
	"durations": {
		{"连续[7年]", []want{{v: 7, unit: "year", kind: duration, qualifier: exact, surface: "年"}}},
		{"历时[两年多]", []want{{v: 2, unit: "year", kind: duration, qualifier: atLeast}}},
		{"工期[3个月]", []want{{v: 3, unit: "month", kind: duration, qualifier: exact, surface: "个月"}}},
		{"目前[5个多小时]", []want{{v: 5, unit: "hour", kind: duration, qualifier: atLeast, surface: "小时"}}},
		{"缩短至[2小时左右]", []want{{v: 2, unit: "hour", kind: duration, qualifier: approx}}},
		{"只需[30分钟]", []want{{v: 1800, unit: "second", kind: duration, qualifier: exact}}},
		{"用时[两周]", []want{{v: 14, unit: "day", kind: duration, qualifier: exact}}},
		{"以[6秒59]的成绩", []want{{v: 6.59, unit: "second", kind: duration, qualifier: exact}}},
		{"历经[两个半月]", []want{{v: 2.5, unit: "month", kind: duration, qualifier: exact}}},
	},
	"counts": {
		{"培育[4项]重点工作", []want{{v: 4, unit: "项", kind: counts, qualifier: exact}}},
		{"接待游客[10万人次]", []want{{v: 1e5, unit: "人次", kind: counts, qualifier: exact, surface: "万人次"}}},
		{"集聚[30余家]企业", []want{{v: 30, unit: "家", kind: counts, qualifier: atLeast, surface: "家"}}},
		{"产能[1.62亿片]", []want{{v: 1.62e8, unit: "片", kind: counts, qualifier: exact, surface: "亿片"}}},
		{"召开[两次]会议", []want{{v: 2, unit: "次", kind: counts, qualifier: exact}}},
		{"农机[32.8万台（套）]", []want{{v: 3.28e5, unit: "台", kind: counts, qualifier: exact, surface: "万台（套）"}}},
		{"发送[1410列]、[14.7万标箱]", []want{
			{v: 1410, unit: "列", kind: counts, qualifier: exact},
			{v: 1.47e5, unit: "标箱", kind: counts, qualifier: exact}}},
		{"项目分[三期]建设", []want{{v: 3, unit: "期", kind: counts, qualifier: exact}}},
		{"推出[5款]新品，连续[三届]获奖，开行[120趟]", []want{
			{v: 5, unit: "款", kind: counts, qualifier: exact},
			{v: 3, unit: "届", kind: counts, qualifier: exact},
			{v: 120, unit: "趟", kind: counts, qualifier: exact}}},
	},
	"qualifiers": {
		{"投资[近100亿元]", []want{{v: 1e10, unit: "CNY", kind: money, qualifier: atMost}}},
		{"[超过20亿元]", []want{{v: 2e9, unit: "CNY", kind: money, qualifier: atLeast}}},
		{"销售[超10亿元]", []want{{v: 1e9, unit: "CNY", kind: money, qualifier: atLeast}}},
		{"[逾50家]", []want{{v: 50, unit: "家", kind: counts, qualifier: atLeast}}},
		{"增速[不到1%]", []want{{v: 1, unit: "%", kind: percent, qualifier: atMost}}},
		{"[不足3成]", []want{{v: 30, unit: "%", kind: percent, qualifier: atMost}}},
		{"[将近200人]", []want{{v: 200, unit: "人", kind: counts, qualifier: atMost}}},
		{"[大约60亿元]", []want{{v: 6e9, unit: "CNY", kind: money, qualifier: approx}}},
		{"盈利[3亿余元]", []want{{v: 3e8, unit: "CNY", kind: money, qualifier: atLeast, surface: "亿元"}}},
		{"投入[5000多亿元]", []want{{v: 5e11, unit: "CNY", kind: money, qualifier: atLeast, surface: "亿元"}}},
		{"[2万余台]", []want{{v: 2e4, unit: "台", kind: counts, qualifier: atLeast, surface: "万台"}}},
		{"浮动[20%上下]", []want{{v: 20, unit: "%", kind: percent, qualifier: approx}}},
		{"控制在[100人以内]", []want{{v: 100, unit: "人", kind: counts, qualifier: atMost}}},
		{"[5000元以下]", []want{{v: 5000, unit: "CNY", kind: money, qualifier: atMost}}},
		{"[超过10亿元以上]", []want{{v: 1e9, unit: "CNY", kind: money, qualifier: atLeast}}},
		{"[突破60亿]", []want{{v: 6e9, unit: "CNY", kind: money, qualifier: atLeast}}},
		{"补助[50万元（含）以上]", []want{{v: 5e5, unit: "CNY", kind: money, qualifier: atLeast}}},
	},
	"ranges": {
		{"增长[20%—30%]", []want{{v: 20, max: 30, unit: "%", kind: percent, qualifier: rng}}},
		{"税收[6-8亿元]", []want{{v: 6e8, max: 8e8, unit: "CNY", kind: money, qualifier: rng, surface: "亿元"}}},
		{"用[三至五年]时间", []want{{v: 3, max: 5, unit: "year", kind: duration, qualifier: rng}}},
		{"引进[两三个]项目", []want{{v: 2, max: 3, unit: "个", kind: counts, qualifier: rng}}},
		{"[1万-5万元]", []want{{v: 1e4, max: 5e4, unit: "CNY", kind: money, qualifier: rng}}},
		{"[两到三万港元]", []want{{v: 2e4, max: 3e4, unit: "HKD", kind: money, qualifier: rng}}},
		{"[三五百块钱]", []want{{v: 300, max: 500, unit: "CNY", kind: money, qualifier: rng}}},
	},
	"spaced and full-width forms": {
		{"提高[一 百 五 十 个 百 分 点]", []want{{v: 150, unit: "pp", kind: points, qualifier: exact}}},
		{"新台币 [１７７．１ 亿元]", []want{{v: 1.771e10, unit: "CNY", kind: money, qualifier: exact, surface: "亿元"}}},
		{"增长[１２．５％]，", []want{{v: 12.5, unit: "%", kind: percent, qualifier: exact, surface: "％"}}},
	},
	"colloquial forms": {
		{"完成产值[3个亿]，", []want{{v: 3e8, unit: "CNY", kind: money, qualifier: exact, surface: "亿"}}},
		{"吸引[近万名]市民", []want{{v: 1e4, unit: "名", kind: counts, qualifier: atMost, surface: "万名"}}},
		{"用了[1年]零[3个月]", []want{
			{v: 1, unit: "year", kind: duration, qualifier: exact},
			{v: 3, unit: "month", kind: duration, qualifier: exact}}},
		{"浓度为[35微克/立方米]", []want{{v: 35, unit: "微克/立方米", kind: number, qualifier: exact}}},
		{"打了[对折]", []want{{v: 50, unit: "%", kind: percent, qualifier: exact}}},
	},
	"bare numbers": {
		{"一季度总指数为[99.5]，同比下降[0.5%]", []want{
			{v: 99.5, kind: number, qualifier: exact},
			{v: 0.5, unit: "%", kind: percent, qualifier: exact}}},
		{"PMI为[52.4]。", []want{{v: 52.4, kind: number, qualifier: exact}}},
		{"奖池[1600万]，奖金", []want{{v: 1.6e7, kind: number, qualifier: exact, surface: "万"}}},
	},
	"not quantities: years and dates": {
		{"2023年全区GDP增长[6.5%]", []want{{v: 6.5, unit: "%", kind: percent, qualifier: exact}}},
		{"1-6月，2021—2035年，3月22日，二〇二三年，98年4月", nil},
		{"一季度和二季度，9点半，7点09分18秒", nil},
		{"成立二十周年，75周年", nil},
		{"今年前5个月，前两个月，头三年", nil},
		{"提前[3个月]完成，用了[5个月]，此前[两年]", []want{
			{v: 3, unit: "month", kind: duration, qualifier: exact},
			{v: 5, unit: "month", kind: duration, qualifier: exact},
			{v: 2, unit: "year", kind: duration, qualifier: exact}}},
	},
	"not quantities: ordinals": {
		{"第七届大会、首批企业、一期工程、第二轮、一是、二是", nil},
		{"第1家", nil},
		{"十四届全国人大、两轮驱动", nil},
		{"数十年来，几十万人，上百家企业，数百亿元", nil},
		{"参会人数[500人]", []want{{v: 500, unit: "人", kind: counts, qualifier: exact}}},
		{"是一家专业企业，引进一批项目，一年来，过去一年，关键一年。", nil},
		{"新增国家级孵化器[一家]。", []want{{v: 1, unit: "家", kind: counts, qualifier: exact}}},
	},
	"not quantities: names and codes": {
		{"346国道、5G基站、V类水质、国道318线、G20峰会", nil},
		{"“136”工作体系", nil},
		{"《关于优化营商环境八条举措》", nil},
		{"2020-05-26起", nil},
	},
	"not quantities: idioms and slogans": {
		{"一以贯之、一串串、“四种形态”、一个好项目、八项规定、三个代表", nil},
		{"“9个城市是1个城市”", nil},
		{"百亿级产业集群、多项、一批、五大产业、规模以上企业", nil},
		{"汽车零部件，千万不要，十分重要，统一部署，两地两国", nil},
		{"三番五次、四面八方、五湖四海、千方百计、万名干部进万家、任何一方", nil},
		{"一年期贷款，五年期以上", nil},
		{"三次产业结构为2.2：52.4：45.4", nil},
		{"召开[三次]会议", []want{{v: 3, unit: "次", kind: counts, qualifier: exact}}},
		{"新开工亿元项目，万元GDP能耗，聚在一起。一成不变，十四届全国人大二次会议", nil},
		{"[超亿元]项目", []want{{v: 1e8, unit: "CNY", kind: money, qualifier: atLeast}}},
		{"引进[过亿元]项目，参观人数[过万人]", []want{{v: 1e8, unit: "CNY", kind: money, qualifier: atLeast}, {v: 1e4, unit: "人", kind: counts, qualifier: atLeast}}},
		{"曾获得过[3次]表彰，通过[2个]项目", []want{{v: 3, unit: "次", kind: counts, qualifier: exact}, {v: 2, unit: "个", kind: counts, qualifier: exact}}},
		{"签约[亿元以上]项目", []want{{v: 1e8, unit: "CNY", kind: money, qualifier: atLeast}}},
	},
}

func TestExtract(t *testing.T) {
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for category, cases := range quantityCases {
		t.Run(category, func(t *testing.T) {
			for _, tc := range cases {
				text, spans := extracttest.Marked(tc.marked)
				if len(spans) != len(tc.want) {
					t.Fatalf("%s: %d marks but %d readings", tc.marked, len(spans), len(tc.want))
				}
				doc := extracttest.Doc(text)
				var m govx.Mentions
				e.Extract(doc, &m)
				extracttest.Check(t, doc, &m)
				var got []govx.Span
				for _, q := range m.Quantities {
					got = append(got, q.Span)
				}
				if !sameSpans(got, spans) {
					t.Errorf("spans:\n got %s\nwant %s", extracttest.Show(text, got), tc.marked)
					continue
				}
				for k, q := range m.Quantities {
					checkReading(t, q.In(text), q, tc.want[k])
				}
			}
		})
	}
}

func sameSpans(a, b []govx.Span) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func checkReading(t *testing.T, text string, q govx.Quantity, w want) {
	t.Helper()
	if !near(q.Value, w.v) {
		t.Errorf("%s: value %v, want %v", text, q.Value, w.v)
	}
	switch {
	case w.max == 0 && q.ValueMax != nil:
		t.Errorf("%s: value_max %v, want none", text, *q.ValueMax)
	case w.max != 0 && (q.ValueMax == nil || !near(*q.ValueMax, w.max)):
		t.Errorf("%s: value_max %v, want %v", text, deref(q.ValueMax), w.max)
	}
	if q.Unit != w.unit || q.Kind != w.kind || q.Qualifier != w.qualifier {
		t.Errorf("%s: %q %v %v, want %q %v %v", text, q.Unit, q.Kind, q.Qualifier, w.unit, w.kind, w.qualifier)
	}
	if w.surface != "" && q.SurfaceUnit != w.surface {
		t.Errorf("%s: surface unit %q, want %q", text, q.SurfaceUnit, w.surface)
	}
}
