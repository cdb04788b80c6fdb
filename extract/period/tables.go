package period

// The word lists and tables the rules read. They are data: a change of
// convention should be a change here, not in the scanner.

// fiveYearPlan is one of China's five-year plans: its name and its years.
type fiveYearPlan struct {
	name       string
	start, end int
}

// fiveYearPlans lists the five-year plans from the tenth (十五, 2001–2005)
// on. The Nth plan starts in 1953 + 5(N-1).
var fiveYearPlans = []fiveYearPlan{
	{"十五", 2001, 2005},
	{"十一五", 2006, 2010},
	{"十二五", 2011, 2015},
	{"十三五", 2016, 2020},
	{"十四五", 2021, 2025},
	{"十五五", 2026, 2030},
	{"十六五", 2031, 2035},
}

// vagueWords are the expressions of time that name no date: rows with null
// dates and granularity vague. toRef marks the ones that run up to the
// reference date (截至目前), which get it as their end.
var vagueWords = []struct {
	word  string
	toRef bool
}{
	{"截至目前", true}, {"截止目前", true}, {"到目前为止", true}, {"截至现在", true},
	{"近年来", false}, {"近年以来", false}, {"近些年来", false}, {"近些年", false}, {"近几年来", false},
	{"近日", false}, {"近期", false}, {"日前", false}, {"目前", false}, {"当前", false},
	{"现在", false}, {"如今", false}, {"眼下", false}, {"今后", false}, {"未来", false},
	{"届时", false}, {"会前", false}, {"会后", false}, {"此前", false}, {"前不久", false},
	{"不久前", false},
}

// vagueNotAfter lists, for a vague word, the characters before it that
// make it part of another word (体现在, 表现在 are not 现在).
var vagueNotAfter = map[string]string{
	"现在": "体表实出呈展发",
	"目前": "",
	"当前": "适相应",
	"日前": "节",
}

// nameSuffixes in the clause after 未来 say it begins a name
// (未来燃料发动机研发制造项目), not a time.
var nameSuffixes = []string{"项目", "公司", "集团", "中心", "基地", "产业园", "大厦", "研究院"}

// futureFollowers are the characters after which 未来 is the time word
// (未来将, 未来五年, 未来，) rather than part of a name (未来燃料发动机).
const futureFollowers = "将要会还可也的几数一二两三四五六七八九十0123456789，,。、；：！？"

// yearBlockers are the characters that, right after a bare four-digit
// number, make it a measure rather than a year: scale words, units and
// measure words (2000万, 2024人, 1500家).
const yearBlockers = "万亿千百十元年月日号时分秒个家项人名次台套辆吨亩米平立公克斤件条座所户余多左近册只头株本块部批张枚位例种类篇场宗单笔份倍美港欧英韩兆瓦度升里期届路线栋层间室床卷字首句回天周岁毫厘吋寸尺码斗箱包袋瓶杯片粒颗根支棵盏架艘列班趟辆版集章节款点标尾盆双对伏微纳卢"

// dayNotAfter and dayNotBefore are the characters around 25日 that make it
// something else: part of a longer date or number, a count of days (近3日,
// 30日内), a currency (10日元).
const (
	dayNotAfter  = ".月第个号近前每续共"
	dayNotBefore = "内以前后左余多元"
)

// yearStartNames after 年初 make it part of a name (年初预算, the budget
// adopted at the start of the year; 年初目标), not a period.
var yearStartNames = []string{"预算", "目标"}

// planBlockers after an unquoted 十三五 make it a number (十五个, 十五年).
const planBlockers = "万亿千百元年月日号个家项人名次台套届倍岁天"

// comparisonMarks before a month say the month is a comparison base
// (比3月高), not the month the passage reports on.
const comparisonMarks = "比较与同和"

// cnDigits are the values of the Chinese numeral digits.
var cnDigits = map[rune]int{
	'〇': 0, '零': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4,
	'五': 5, '六': 6, '七': 7, '八': 8, '九': 9,
}

// deicticDays are the words naming a day relative to the reference date.
var deicticDays = map[string]int{
	"今天": 0, "今日": 0, "今晚": 0, "今早": 0, "今晨": 0,
	"昨天": -1, "昨日": -1, "昨晚": -1, "昨夜": -1,
	"明天": 1, "明日": 1, "明晚": 1,
	"前天": -2, "后天": 2,
}

// springFestival is the date of the Spring Festival (正月初一) by year;
// the lunar holidays are counted from it.
var springFestival = map[int][2]int{
	2010: {2, 14}, 2011: {2, 3}, 2012: {1, 23}, 2013: {2, 10}, 2014: {1, 31},
	2015: {2, 19}, 2016: {2, 8}, 2017: {1, 28}, 2018: {2, 16}, 2019: {2, 5},
	2020: {1, 25}, 2021: {2, 12}, 2022: {2, 1}, 2023: {1, 22}, 2024: {2, 10},
	2025: {1, 29}, 2026: {2, 17}, 2027: {2, 6}, 2028: {1, 26}, 2029: {2, 13},
	2030: {2, 3},
}

// holidays are the festivals read as days: a fixed date (month, day), or
// a day counted from the Spring Festival (lunar true). 春节 alone is left
// out: it is mostly an attribute (春节市场, 春运), not a date.
var holidays = map[string]struct {
	lunar      bool
	month, day int // fixed date, or days after the Spring Festival
}{
	"元宵夜": {true, 0, 14}, "元宵节": {true, 0, 14}, "除夕夜": {true, 0, -1}, "除夕": {true, 0, -1},
	"大年初一": {true, 0, 0}, "元旦": {false, 1, 1}, "国庆节": {false, 10, 1},
}

// holidayNotBefore are the words after a festival name that make it part
// of a name (元宵晚会, 元旦联欢会).
var holidayNotBefore = []string{"晚会", "联欢"}

// targetWords in the clause of 今年 say that it sets a target or a plan:
// in an article that reviews the year before, 今年力争… is the new year.
var targetWords = []string{"力争", "确保", "争取", "目标", "预期", "计划", "将"}

// thisYearIs is 今年 saying what the year is (今年是…收官之年): the year
// the article is issued in, whatever year it reviews.
const thisYearIs = "是"

// clauseEnds end the clause a target word is looked for in.
const clauseEnds = "，,。；;！？!?：:\n"
