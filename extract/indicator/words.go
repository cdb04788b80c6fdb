package indicator

import "govx"

// The word tables of the binder. The mechanism is in binder.go, context.go
// and names.go; the language is here. Lists are searched longest word
// first, so their order does not matter.

// clauseSeps end a clause inside a sentence. The enumeration comma 、 is
// not one: it separates the items of a list inside a clause, and the
// binder walks such lists item by item.
const clauseSeps = "，,；;：:。！？!?（）()\n"

// segmentSeps end the stretch of a sentence a growth basis word (同比)
// reaches: 一季度…同比增长1.4%；肉牛出栏10万头，增长0.8% gives the second
// figure no basis. Brackets do not end it: 同比增长的有45种，其中增幅较大
// 的有发酵酒（增长87%） is a yoy change.
const segmentSeps = "；;"

// growthVerbs say that the percentage after them is a change, with its
// sign: 同比增长57.73% → +57.73, 下降3.5% → −3.5.
var growthVerbs = []signedWord{
	{"增长", 1}, {"增加", 1}, {"提升", 1}, {"提高", 1}, {"上涨", 1}, {"上升", 1},
	{"增速", 1}, {"增幅", 1}, {"涨幅", 1}, {"增产", 1}, {"增收", 1}, {"增", 1}, {"涨", 1},
	{"下降", -1}, {"减少", -1}, {"回落", -1}, {"下滑", -1}, {"降低", -1},
	{"下跌", -1}, {"降幅", -1}, {"减产", -1}, {"减收", -1}, {"减", -1}, {"降", -1},
}

// growthFillers may stand between a growth verb and its figure:
// 提升了10%, 增速达到19.8%, 分别增长.
var growthFillers = []string{"了", "达到", "达", "为", "分别为", "分别", "是", "控制在", "保持在"}

// listJoiners join the figures of one list: 分别增长210.8%、29.5%和17.8%.
var listJoiners = []string{"、", "和", "及", "与", ",", "，"}

// fixedChanges are words that state a change without a figure.
var fixedChanges = []fixedChange{
	{"翻了两番", 300}, {"翻两番", 300}, {"翻了一番", 100}, {"翻一番", 100}, {"翻番", 100},
}

// flatPhrases state "unchanged against" a basis: 与同期持平 → 0, yoy.
var flatPhrases = []basisWord{
	{"与上年同期持平", govx.BasisYoY}, {"与去年同期持平", govx.BasisYoY},
	{"与同期持平", govx.BasisYoY}, {"同比持平", govx.BasisYoY}, {"与上年持平", govx.BasisYoY},
	{"与上月持平", govx.BasisMoM}, {"环比持平", govx.BasisMoM},
	{"与上年同期基本持平", govx.BasisYoY}, {"与去年同期基本持平", govx.BasisYoY},
	{"与同期基本持平", govx.BasisYoY}, {"同比基本持平", govx.BasisYoY}, {"与上年基本持平", govx.BasisYoY},
	{"与上月基本持平", govx.BasisMoM}, {"环比基本持平", govx.BasisMoM},
}

// basisWords name what a growth rate compares with.
var basisWords = []basisWord{
	{"同比", govx.BasisYoY}, {"同期", govx.BasisYoY}, {"比上年", govx.BasisYoY},
	{"较上年", govx.BasisYoY}, {"比去年", govx.BasisYoY}, {"较去年", govx.BasisYoY},
	{"环比", govx.BasisMoM}, {"比上月", govx.BasisMoM}, {"较上月", govx.BasisMoM},
	{"与上月相比", govx.BasisMoM},
}

// modalityWords set the modality of the figures after them in the
// sentence (or only in their clause, when marked so: 年产目标是5万吨 does
// not make the next clause a target); the nearest one before a figure
// wins. The after-production words (达产后) mark estimates even without 预计.
var modalityWords = []modalityWord{
	{"预计", govx.ModalityEstimate, false},
	{"有望", govx.ModalityEstimate, false},
	{"预期", govx.ModalityEstimate, false},
	{"达产后", govx.ModalityEstimate, false},
	{"投产后", govx.ModalityEstimate, false},
	{"建成后", govx.ModalityEstimate, false},
	{"可实现", govx.ModalityEstimate, false},
	{"可达", govx.ModalityEstimate, false},
	{"可形成", govx.ModalityEstimate, false},
	{"目标", govx.ModalityTarget, true},
	{"目标是：", govx.ModalityTarget, false},
	{"目标为：", govx.ModalityTarget, false},
	{"预期目标", govx.ModalityTarget, false},
	{"力争", govx.ModalityTarget, false},
	{"确保", govx.ModalityTarget, false},
	{"争取", govx.ModalityTarget, false},
	{"将", govx.ModalityPlan, false},
	{"计划", govx.ModalityPlan, false},
	{"拟", govx.ModalityPlan, false},
}

// softPlans say "will" and give way to an explicit estimate before them in
// their clause: 预计全年产值将突破5亿元 is an estimate (but 投产后将形成新增
// 年产1.62亿片 is a plan).
var softPlans = []string{"将"}

// explicitEstimates are the estimate words a soft plan gives way to.
var explicitEstimates = []string{"预计", "有望"}

// presentWords between a modality word and a figure state the present
// level the plan starts from: 将从目前5个多小时缩短至2小时左右.
var presentWords = []string{"目前", "现在", "当前", "现有"}

// notModality contain a modality word without stating one: 原计划 is the
// plan a result is compared with, 即将 only says "soon".
var notModality = []string{"原计划", "计划目标", "即将"}

// eachShare ends a name that gives one share to each item of a list:
// 多晶硅片和单晶硅片各占50% → 多晶硅片占比 50%, 单晶硅片占比 50%.
const eachShare = "各占"

// shareWords start a clause that states a share of the figure before it:
// 现有专职招商人员27人，占…总数的15%以上 → 专职招商人员占…总数.
var shareWords = []string{"占"}

// levelVerbs alone before a level make it the level a change before it
// reaches: 计划增长5%，达到103.7亿元.
var levelVerbs = []string{"达到", "达", "将达到", "达到了"}

// ratioWords start the name of a level that is a ratio of the figure
// before it (占全市的62.6%, 完成年初预算的101.8%): a change after it is the
// change of that figure.
var ratioWords = []string{"占", "完成"}

// pullWords make a percentage-point figure a level of its own
// (拉动GDP增长1.1个百分点) instead of a comparison (比同期高0.8个百分点).
var pullWords = []string{"拉动"}

// thresholdContexts before a figure make it a threshold or a definition,
// not a reported level: 位于50%以上, 高于50%时, 以50%作为分界点.
var thresholdContexts = []string{"位于", "高于", "低于", "等于", "以", "作为", "不低于", "不高于"}

// thresholdAdverbs may stand between a threshold word and its figure
// (都位于50%以上); they are taken off the end in this order.
var thresholdAdverbs = []string{"都", "均", "也", "仍", "还"}

// comparisonMarks before a period make it the basis of a comparison, not
// the period of the figure: 比2016年全年增速高, 2015和2016年同期.
var comparisonMarks = []string{"比", "较", "与", "和", "自"}

// timePrepositions before a period go with it when it is taken out of a
// name: 计划到2025年产值 → 产值.
var timePrepositions = []string{"到", "至", "从", "于", "在"}

// periodJoiners join the periods of one list: 2015和2016年同期.
var periodJoiners = []string{"和", "、", "与", "及"}

// leadWords are dropped from the start of an indicator name: connectives,
// the whole-area words that mean the article's region, modality and basis
// words, and the verbs of reporting.
var leadWords = []string{
	"其中", "此外", "另外", "同时", "其次", "一是", "二是", "三是", "四是", "五是", "六是", "并且", "并", "且", "而", "还", "也", "均", "都",
	"全市", "全区", "全县", "全省", "全国", "全园", "我国", "我省", "我市", "我区", "本市", "本区",
	"共计", "共有", "拥有", "共", "已经", "已", "今年", "当年", "全年", "每年",
	"实现", "完成", "达到", "预计", "有望", "力争", "确保", "争取", "将", "计划", "拟",
	"要确保", "要力争", "要争取",
	"同比", "环比", "与同期相比", "与上月相比", "比上年", "较上年", "比去年", "较去年",
	"同期", "、", "，", "和", "及", "等", "的", " ", "\u3000",
}

// headSkips are skipped at the head of a name, as are the names of places
// and companies there. An opening quote is not: “双有”企业占比.
var headSkips = []string{" ", "\u3000", "、", "”"}

// listDigits number the items of a list and are dropped from the start of
// a name with the point after them: 1.地区生产总值.
const listDigits = "0123456789０１２３４５６７８９"

// listNumerals number a list in brackets: （二）.
const listNumerals = "一二三四五六七八九十"

// listPoints end the number of a list item: 1. 1、 1)
var listPoints = []string{".", "．", "、", ")", "）"}

// tailWords are dropped from the end of an indicator name: the verbs and
// particles that lead to the figure (完成2.58亿元, 增速达到19.8%).
var tailWords = []string{
	"完成", "实现", "达到", "达", "为", "是", "了", "有", "的", "共", "已", "分别",
	"力争", "确保", "争取", "有望", "计划",
	"共计", "总计", "累计", "保持在", "保持", "可达", "也", "均", "都", "还", "仍", "继续",
	"同比", "环比", "与同期相比", "与上月相比", "比上年", "较上年", "比去年", "较去年",
	"预计", "将", "动态", "同期", "控制在", "从", "、", "和", "及", " ", "\u3000",
}

// innerWords are deleted wherever they stand in a name: the gold writes
// 一产增加值 for 一产实现增加值 and 中直投资 for 中直投资完成.
var innerWords = []string{"可实现", "实现", "完成"}

// nameCuts end the preamble of a name: whatever precedes the last of them
// is dropped (其中增幅较大的有发酵酒 → 发酵酒, 项目全部达产后新增年产值 →
// 新增年产值).
var nameCuts = []string{"的有", "中有", "达产后", "投产后", "建成后"}

// rateWords start a name that runs from them on: 建设日产6200吨 → 日产,
// “我们年产目标是5万吨 → 年产目标.
var rateWords = []string{"年产", "日产", "月产"}

// ratePrefixes stay before a rate word: 新增年产.
var ratePrefixes = []string{"新增"}

// namePrepositions cannot start a short indicator name: 对我省28个行业 is
// the object of a survey, not a figure (but 从业人员指数 is a name).
var namePrepositions = []string{"对", "从", "向", "把", "被", "由", "于"}

// futureWords before a figure in its sentence make it a figure expected
// after production starts; like a company's figures, it is dated only by
// its own clause (项目建成投产后，预计…可实现年上交税收6-8亿元).
var futureWords = []string{"达产后", "投产后", "建成后"}

// cumulativeWords before a duration make the figures after them cumulative
// over that span rather than figures of the reporting period (经过两年多
// 发展，…培育了1家准上市公司).
var cumulativeWords = []string{"经过", "历经"}

// nounStops end the noun a count is followed by (签约33个项目 → 项目):
// 和 and 及 start the next item of a list, 的 a relative clause, a space
// the next part of a headline (签约12个项目 总投资86.5亿元).
var nounStops = []string{"和", "及", "与", "等", "、", " ", "\u3000"}

// agencySuffixes mark an organization that reports figures rather than
// owns them (统计局, 交通运输厅): it does not become the subject.
var agencySuffixes = []string{
	"局", "部", "委", "委员会", "厅", "政府", "办", "署", "总队", "台", "网", "社", "院", "会",
	"中心", "专班", "综合组", "机制", "频道", "新闻", "央视频", "人民银行",
}

// asides are removed from a name: 装备制造业在沃尔沃带动下实现增加值 →
// 装备制造业增加值. Each pair is the opening and the closing word.
var asides = [][2]string{{"在", "带动下"}, {"在", "拉动下"}}

// reportingWords in a name make it the description of a survey, a report
// or a document, not an indicator: 对我省28个行业…调查结果显示, 《…措施》共10条.
var reportingWords = []string{"调查结果", "数据显示", "表明", "讲话", "包括", "参加", "出席", "《"}

// policyWords before a figure in its clause make it a parameter of a
// policy, not a reported result: 给予30万元奖励, 可享受最高500万元补贴.
// So does a clause that opens with 对 (对新认定的…企业), but not 对外.
var policyWords = []string{"给予", "可享受", "最高", "不超过"}

// runWords in a clause before a figure make it a run above a line, not a
// level: 连续4个月位于50%以上.
var runWords = []string{"连续"}

// policyOpeners open a clause that sets a policy's condition.
var policyOpeners = []string{"对"}

// notPolicyOpeners open a clause with a policy opener that is a word of
// its own: 对外贸易.
var notPolicyOpeners = []string{"对外"}

// tradeWords after 对 in a clause make it a trade with a partner, not a
// policy's condition: 对美国进出口543亿元, 对东盟出口.
var tradeWords = []string{"进出口", "出口", "进口", "贸易"}

// methodOpeners and methodEnders mark a figureless clause that says how
// the figures are counted or grouped (按可比价格计算, 初步核算, 分产业看,
// 从市场看): it names nothing, and a change after it still belongs to the
// row before it.
var (
	methodOpeners = []string{"按", "扣除", "剔除"}
	methodEnders  = []string{"计算", "核算", "看"}
)

// skipUnits are measure words that count phases and batches or number
// addresses, not results: 项目分三期进行, 建设路88号.
var skipUnits = []govx.Unit{"期", "批", "届", "轮", "号", "层", "室", "楼", "栋"}

// headSubjects are the words at the head of a sentence that return it to
// the article's region after a passage about a company.
var headSubjects = []string{"全市", "全区", "全县", "全省", "全国", "全园", "我国", "我省", "我市", "我区", "园区"}

// speechVerbs after a person at the head of a sentence make the sentence
// reported speech: 魏华山表示，…投资40亿元. Its figures, like those inside a
// long quotation, are dated only by their own clause.
var speechVerbs = []string{"表示", "说", "指出", "介绍", "认为", "透露"}

// minSpeechRunes is the length from which a quotation is speech rather
// than a slogan (“9个城市是1个城市”); a quotation with a clause or
// sentence end in it is speech too. The figures of a slogan are not
// indicators.
const minSpeechRunes = 20

// stockWords name a balance held at a date: 2022年末…贷款余额 is dated
// 2022-12-31, not December.
var stockWords = []string{"余额", "总资产", "资产", "存款", "贷款", "库存", "存量", "人口", "保有量", "存栏", "装机"}

// stockVerbs before a figure in its clause make it a count held at a date
// (年末共有规模以上工业企业7816家), whatever its name.
var stockVerbs = []string{"共有", "现有", "拥有"}

// stockCountUnits count what a place has: under a period that ends
// (6月末, 年末) such a count is held at its last day (企业213家).
var stockCountUnits = []string{"家", "户"}

// countFlows before such a count make it what was added, over the period
// (新增17家, 新登记市场主体3200户).
var countFlows = []string{"新增", "新签", "签约", "新登记", "新注册", "新设", "引进", "落户", "开工", "投产"}

// periodEnds end a period that means the last part of a longer one:
// 2022年末, 一季度末, 年底.
var periodEnds = []string{"末", "底"}

// longNameCuts end the preamble of a name too long to be one: what
// follows the last of them is kept (a relative clause ends in 的, a list of
// examples in 等).
var longNameCuts = []string{"的", "等"}

// durationNames end the names whose figure is a duration: a travel time
// or a construction period is an indicator, 连续5年 is not.
var durationNames = []string{"时间", "时长", "工期", "用时", "耗时", "周期"}

// toVerbs bring the figure before them to a new level: 通行时间将从5个多小时
// 缩短至2小时左右 gives the travel time twice.
var toVerbs = []string{"缩短至", "缩短到", "降至", "降到", "下降至", "下降到", "减少至", "减少到",
	"提高至", "提高到", "提升至", "提升到", "增加至", "增加到", "增至", "增到", "扩大至", "扩大到"}

// maxNameRunes bounds an indicator name; a longer stretch is a sentence
// that happens to end in a figure, not a name.
const maxNameRunes = 25

type signedWord struct {
	word string
	sign float64
}

type fixedChange struct {
	word   string
	change float64
}

type basisWord struct {
	word  string
	basis govx.ChangeBasis
}

type modalityWord struct {
	word       string
	modality   govx.Modality
	clauseOnly bool
}

// An event takes place when a clause ends with one of eventNouns, perhaps
// an adverb, and one of eventHeld (签约活动举行, 推介会隆重召开): a period
// in that clause names the event (第二季度…签约活动), it does not date the
// figures reported at it.
var (
	eventNouns   = []string{"活动", "仪式", "大会", "会议", "推介会", "洽谈会", "签约会", "博览会", "论坛", "峰会"}
	eventAdverbs = []string{"隆重", "正式", "顺利", "成功", "近日", "日前"}
	eventHeld    = []string{"举行", "举办", "召开", "开幕", "启幕"}
)

// thresholdHeads, right after a bound (亿元以上), make it part of the name
// of the figure that follows: 亿元以上项目完成投资12.5亿元 is the investment
// of the projects above 100 million yuan.
var thresholdHeads = []string{"项目", "企业", "产业", "工业", "重点", "重大"}
