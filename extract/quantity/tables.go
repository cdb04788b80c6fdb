package quantity

import "govx"

// The tables below are the language of the extractor: which words are
// units and what they convert to, which words qualify a number, and which
// phrases with numerals are not quantities. New compiles them once.

// unitDef is one unit word as written after a number.
type unitDef struct {
	word   string    // as written: 亿元 is 亿 (a scale) + 元 (this word)
	unit   govx.Unit // canonical unit; for a count, the measure word itself
	kind   govx.Kind
	factor float64 // value in unit = number × factor

	// notBefore lists runes that, right after the word, show it is part of
	// another word (只有, 克服, 周年): the number then measures nothing.
	notBefore string
	// needBefore, when set, lists the runes one of which must come right
	// before the number (分三期: 期 counts only after 分).
	needBefore string
	// notAfter lists runes that, right before the number, make it part of
	// something else (7点09分18秒 is a clock time).
	notAfter string
}

// count builds the definitions of measure words: the unit of a count is
// the measure word itself.
func count(words ...string) []unitDef {
	defs := make([]unitDef, len(words))
	for i, w := range words {
		defs[i] = unitDef{word: w, unit: govx.Unit(w), kind: govx.KindCount, factor: 1}
	}
	return defs
}

// unitTable lists the unit words. Where words overlap, the longest match
// wins (千瓦时 over 千瓦, 个百分点 over 个).
func unitTable() []unitDef {
	defs := []unitDef{
		// Money.
		{word: "元", unit: govx.UnitCNY, kind: govx.KindMoney, factor: 1},
		{word: "圆", unit: govx.UnitCNY, kind: govx.KindMoney, factor: 1},
		{word: "块钱", unit: govx.UnitCNY, kind: govx.KindMoney, factor: 1},
		{word: "元人民币", unit: govx.UnitCNY, kind: govx.KindMoney, factor: 1},
		{word: "元钱", unit: govx.UnitCNY, kind: govx.KindMoney, factor: 1},
		{word: "人民币", unit: govx.UnitCNY, kind: govx.KindMoney, factor: 1},
		{word: "美元", unit: govx.UnitUSD, kind: govx.KindMoney, factor: 1},
		{word: "美圆", unit: govx.UnitUSD, kind: govx.KindMoney, factor: 1},
		{word: "美金", unit: govx.UnitUSD, kind: govx.KindMoney, factor: 1},
		{word: "欧元", unit: govx.UnitEUR, kind: govx.KindMoney, factor: 1},
		{word: "港元", unit: govx.UnitHKD, kind: govx.KindMoney, factor: 1},
		{word: "港币", unit: govx.UnitHKD, kind: govx.KindMoney, factor: 1},
		{word: "日元", unit: govx.UnitJPY, kind: govx.KindMoney, factor: 1},
		{word: "英镑", unit: govx.UnitGBP, kind: govx.KindMoney, factor: 1},
		{word: "台币", unit: "TWD", kind: govx.KindMoney, factor: 1},
		{word: "新台币", unit: "TWD", kind: govx.KindMoney, factor: 1},
		{word: "澳元", unit: "AUD", kind: govx.KindMoney, factor: 1},
		{word: "加元", unit: "CAD", kind: govx.KindMoney, factor: 1},
		{word: "新加坡元", unit: "SGD", kind: govx.KindMoney, factor: 1},
		{word: "瑞士法郎", unit: "CHF", kind: govx.KindMoney, factor: 1},
		{word: "韩元", unit: "KRW", kind: govx.KindMoney, factor: 1},
		{word: "卢布", unit: "RUB", kind: govx.KindMoney, factor: 1},
		{word: "泰铢", unit: "THB", kind: govx.KindMoney, factor: 1},

		// Percentages, points, multiples.
		{word: "%", unit: govx.UnitPercent, kind: govx.KindPercent, factor: 1},
		{word: "‰", unit: govx.UnitPercent, kind: govx.KindPercent, factor: 0.1},
		{word: "成", unit: govx.UnitPercent, kind: govx.KindPercent, factor: 10,
			notBefore: "为立功果本员交效长熟绩型品都了不"},
		{word: "折", unit: govx.UnitPercent, kind: govx.KindPercent, factor: 10,
			notBefore: "合算旧叠扣射线价"},
		{word: "百分点", unit: govx.UnitPercentPoint, kind: govx.KindPercentPoint, factor: 1},
		{word: "个百分点", unit: govx.UnitPercentPoint, kind: govx.KindPercentPoint, factor: 1},
		{word: "個百分點", unit: govx.UnitPercentPoint, kind: govx.KindPercentPoint, factor: 1},
		{word: "百分點", unit: govx.UnitPercentPoint, kind: govx.KindPercentPoint, factor: 1},
		{word: "基点", unit: govx.UnitPercentPoint, kind: govx.KindPercentPoint, factor: 0.01},
		{word: "个基点", unit: govx.UnitPercentPoint, kind: govx.KindPercentPoint, factor: 0.01},
		{word: "倍", unit: govx.UnitMultiple, kind: govx.KindMultiple, factor: 1},

		// Mass.
		{word: "吨", unit: govx.UnitTonne, kind: govx.KindMass, factor: 1},
		{word: "t", unit: govx.UnitTonne, kind: govx.KindMass, factor: 1},
		{word: "千克", unit: govx.UnitKilogram, kind: govx.KindMass, factor: 1},
		{word: "公斤", unit: govx.UnitKilogram, kind: govx.KindMass, factor: 1},
		{word: "kg", unit: govx.UnitKilogram, kind: govx.KindMass, factor: 1},
		{word: "克", unit: govx.UnitKilogram, kind: govx.KindMass, factor: 0.001, notBefore: "服隆难制"},
		{word: "毫克", unit: govx.UnitKilogram, kind: govx.KindMass, factor: 1e-6},
		{word: "微克", unit: govx.UnitKilogram, kind: govx.KindMass, factor: 1e-9},
		{word: "盎司", unit: govx.UnitKilogram, kind: govx.KindMass, factor: 0.028349523125},
		{word: "斤", unit: govx.UnitKilogram, kind: govx.KindMass, factor: 0.5},
		{word: "两", unit: govx.UnitKilogram, kind: govx.KindMass, factor: 0.05,
			notBefore: "个年次项家人名会国地岸天月位种条批件"},

		// Energy in coal equivalent, and electricity.
		{word: "吨标准煤", unit: govx.UnitTonne, kind: govx.KindEnergy, factor: 1},
		{word: "吨标煤", unit: govx.UnitTonne, kind: govx.KindEnergy, factor: 1},
		{word: "千瓦时", unit: govx.UnitKilowattHour, kind: govx.KindEnergy, factor: 1},
		{word: "度电", unit: govx.UnitKilowattHour, kind: govx.KindEnergy, factor: 1},
		{word: "kWh", unit: govx.UnitKilowattHour, kind: govx.KindEnergy, factor: 1},
		{word: "兆瓦时", unit: govx.UnitKilowattHour, kind: govx.KindEnergy, factor: 1e3},
		{word: "MWh", unit: govx.UnitKilowattHour, kind: govx.KindEnergy, factor: 1e3},
		{word: "GWh", unit: govx.UnitKilowattHour, kind: govx.KindEnergy, factor: 1e6},

		// Power.
		{word: "瓦", unit: govx.UnitKilowatt, kind: govx.KindPower, factor: 0.001, notBefore: "解片斯房"},
		{word: "千瓦", unit: govx.UnitKilowatt, kind: govx.KindPower, factor: 1},
		{word: "kW", unit: govx.UnitKilowatt, kind: govx.KindPower, factor: 1},
		{word: "KW", unit: govx.UnitKilowatt, kind: govx.KindPower, factor: 1},
		{word: "兆瓦", unit: govx.UnitKilowatt, kind: govx.KindPower, factor: 1e3},
		{word: "MW", unit: govx.UnitKilowatt, kind: govx.KindPower, factor: 1e3},
		{word: "GW", unit: govx.UnitKilowatt, kind: govx.KindPower, factor: 1e6},

		// Area.
		{word: "亩", unit: govx.UnitMu, kind: govx.KindArea, factor: 1},
		{word: "平方米", unit: govx.UnitSquareMetre, kind: govx.KindArea, factor: 1},
		{word: "平米", unit: govx.UnitSquareMetre, kind: govx.KindArea, factor: 1},
		{word: "m2", unit: govx.UnitSquareMetre, kind: govx.KindArea, factor: 1},
		{word: "m²", unit: govx.UnitSquareMetre, kind: govx.KindArea, factor: 1},
		{word: "英亩", unit: govx.UnitSquareMetre, kind: govx.KindArea, factor: 4046.8564224},
		{word: "平方英尺", unit: govx.UnitSquareMetre, kind: govx.KindArea, factor: 0.09290304},
		{word: "公顷", unit: govx.UnitSquareMetre, kind: govx.KindArea, factor: 1e4},
		{word: "平方公里", unit: govx.UnitSquareKm, kind: govx.KindArea, factor: 1},
		{word: "平方千米", unit: govx.UnitSquareKm, kind: govx.KindArea, factor: 1},
		{word: "km2", unit: govx.UnitSquareKm, kind: govx.KindArea, factor: 1},
		{word: "km²", unit: govx.UnitSquareKm, kind: govx.KindArea, factor: 1},

		// Volume.
		{word: "立方米", unit: govx.UnitCubicMetre, kind: govx.KindVolume, factor: 1},
		{word: "立方", unit: govx.UnitCubicMetre, kind: govx.KindVolume, factor: 1},
		{word: "毫升", unit: govx.UnitCubicMetre, kind: govx.KindVolume, factor: 1e-6},
		{word: "m3", unit: govx.UnitCubicMetre, kind: govx.KindVolume, factor: 1},
		{word: "m³", unit: govx.UnitCubicMetre, kind: govx.KindVolume, factor: 1},
		{word: "升", unit: govx.UnitCubicMetre, kind: govx.KindVolume, factor: 0.001, notBefore: "级格值高至到为"},

		// Length.
		{word: "公里", unit: govx.UnitKilometre, kind: govx.KindLength, factor: 1},
		{word: "千米", unit: govx.UnitKilometre, kind: govx.KindLength, factor: 1},
		{word: "km", unit: govx.UnitKilometre, kind: govx.KindLength, factor: 1},
		{word: "米", unit: govx.UnitMetre, kind: govx.KindLength, factor: 1},
		{word: "m", unit: govx.UnitMetre, kind: govx.KindLength, factor: 1},
		{word: "公尺", unit: govx.UnitMetre, kind: govx.KindLength, factor: 1},
		{word: "分米", unit: govx.UnitMetre, kind: govx.KindLength, factor: 0.1},
		{word: "英尺", unit: govx.UnitMetre, kind: govx.KindLength, factor: 0.3048},
		{word: "英里", unit: govx.UnitKilometre, kind: govx.KindLength, factor: 1.609344},
		{word: "厘米", unit: govx.UnitMetre, kind: govx.KindLength, factor: 0.01},
		{word: "公分", unit: govx.UnitMetre, kind: govx.KindLength, factor: 0.01},
		{word: "cm", unit: govx.UnitMetre, kind: govx.KindLength, factor: 0.01},
		{word: "毫米", unit: govx.UnitMetre, kind: govx.KindLength, factor: 0.001},
		{word: "mm", unit: govx.UnitMetre, kind: govx.KindLength, factor: 0.001},

		// Freight and passenger turnover keep their written unit.
		{word: "吨公里", unit: "吨公里", kind: govx.KindNumber, factor: 1},
		{word: "人公里", unit: "人公里", kind: govx.KindNumber, factor: 1},

		// Durations. A bare 月 or 日 after a number is a date, not a
		// duration; 年 is a year when the number looks like one.
		{word: "年", unit: govx.UnitYear, kind: govx.KindDuration, factor: 1,
			notBefore: "代度级底末初中前份期"},
		{word: "个月", unit: govx.UnitMonth, kind: govx.KindDuration, factor: 1},
		{word: "个季度", unit: govx.UnitMonth, kind: govx.KindDuration, factor: 3},
		{word: "周", unit: govx.UnitDay, kind: govx.KindDuration, factor: 7, notBefore: "年岁边末"},
		{word: "个星期", unit: govx.UnitDay, kind: govx.KindDuration, factor: 7},
		{word: "星期", unit: govx.UnitDay, kind: govx.KindDuration, factor: 7},
		{word: "天", unit: govx.UnitDay, kind: govx.KindDuration, factor: 1, notBefore: "然津下"},
		{word: "个工作日", unit: govx.UnitDay, kind: govx.KindDuration, factor: 1},
		{word: "工作日", unit: govx.UnitDay, kind: govx.KindDuration, factor: 1},
		{word: "小时", unit: govx.UnitHour, kind: govx.KindDuration, factor: 1},
		{word: "个小时", unit: govx.UnitHour, kind: govx.KindDuration, factor: 1},
		{word: "个钟头", unit: govx.UnitHour, kind: govx.KindDuration, factor: 1},
		{word: "钟头", unit: govx.UnitHour, kind: govx.KindDuration, factor: 1},
		{word: "分钟", unit: govx.UnitSecond, kind: govx.KindDuration, factor: 60},
		{word: "秒", unit: govx.UnitSecond, kind: govx.KindDuration, factor: 1, notAfter: "分点时"},
		{word: "秒钟", unit: govx.UnitSecond, kind: govx.KindDuration, factor: 1},
	}
	defs = append(defs, count(
		"个", "家", "项", "人", "名", "位", "批", "座", "条", "所", "台", "套", "辆", "次", "户",
		"件", "头", "只", "种", "片", "列", "艘", "架", "部", "张", "份", "篇", "本", "场", "起",
		"处", "栋", "幢", "间", "株", "棵", "枚", "块", "支", "例", "宗", "笔", "单", "门", "期",
		"类", "道", "层", "根", "口", "匹", "粒", "箱", "袋", "瓶", "盒", "包", "对", "双", "组",
		"岁", "节", "趟", "轮", "幅", "盏", "尾", "羽", "把", "束", "朵", "款", "册", "卷", "颗",
		"眼", "堂", "届", "段", "集", "封", "章", "班次", "批次", "场次", "频次",
		"人次", "户次", "架次", "车次", "辆次", "标箱", "标准箱", "个次", "家次", "项次",
	)...)
	return defs
}

// countRules refines measure words that are other words as often as
// not; they override the plain definitions of count.
func countRules() map[string]unitDef {
	return map[string]unitDef{
		"个": {notBefore: "性体别案"},
		"位": {notBefore: "数于置居列一"},
		"只": {notBefore: "有是能要会在需"},
		"处": {notBefore: "理置罚分于在"},
		"起": {notBefore: "来到步点飞"},
		"部": {notBefore: "分署门长委"},
		"场": {notBefore: "景所地馆面上"},
		"本": {notBefore: "地身来着领市区县省"},
		"对": {notBefore: "于外接口标照比"},
		"单": {notBefore: "位元独一品"},
		"门": {notBefore: "户槛类"},
		"期": {needBefore: "分共办举连"},
		"道": {notBefore: "班路理"},
		"口": {notBefore: "岸径号"},
		"节": {notBefore: "能约点日"},
		"层": {notBefore: "面次级"},
		"类": {needBefore: "分共"},
		"组": {notBefore: "织成建团合"},
		"轮": {notBefore: "车驱回流次番"},
		"把": {notBefore: "握关手脉"},
		"眼": {notBefore: "光睛前界"},
		"款": {notBefore: "项待式额"},
		"届": {needBefore: "续"},
		"尾": {notBefore: "声部巴"},
		"卷": {notBefore: "入烟"},
		"段": {notBefore: "时落位"},
		"章": {notBefore: "程法"},
		"间": {notBefore: "隔断"},
		"支": {notBefore: "持付出撑柱"},
		"张": {notBefore: "贴"},
		"次": {notBefore: "要级序"},
		"名": {notBefore: "称单义额牌字"},
		"条": {notBefore: "件例款"},
		"人": {notBefore: "民大士员口才群物力工"},
		"家": {notBefore: "庭乡园"},
		"台": {notBefore: "阶湾州"},
	}
}

// qualifierDef is a word that bounds a number.
type qualifierDef struct {
	word string
	q    govx.Qualifier
	// notAfter lists runes that, right before a prefix, show it is the end
	// of another word (签约, 最近, 高超).
	notAfter string
	// notBefore lists runes that, right after a suffix, show it starts
	// another word (上下游).
	notBefore string
	// scaleOnly is a prefix that bounds only a scale word standing alone
	// (过亿元, 过万人): before a number it is another word (参加过3次).
	scaleOnly bool
}

// scaleRunes may make a number on their own (亿元以上, 过万人).
const scaleRunes = "亿万千百億萬"

// prefixQualifiers come before the number: 近100亿元, 超过20亿元.
// Comparisons (高于, 低于, 大于) and verbs (达, 达到) are not qualifiers.
func prefixQualifiers() []qualifierDef {
	return []qualifierDef{
		{word: "约", q: govx.QualifierApprox, notAfter: "签节预合公制条相邀婚大践违"},
		{word: "大约", q: govx.QualifierApprox},
		{word: "大概", q: govx.QualifierApprox},
		{word: "近", q: govx.QualifierAtMost, notAfter: "最将接附邻靠亲贴就"},
		{word: "将近", q: govx.QualifierAtMost},
		{word: "接近", q: govx.QualifierAtMost},
		{word: "不到", q: govx.QualifierAtMost},
		{word: "不足", q: govx.QualifierAtMost},
		{word: "不超过", q: govx.QualifierAtMost},
		{word: "最多", q: govx.QualifierAtMost},
		{word: "至多", q: govx.QualifierAtMost},
		{word: "超", q: govx.QualifierAtLeast, notAfter: "高赶"},
		{word: "超过", q: govx.QualifierAtLeast},
		{word: "逾", q: govx.QualifierAtLeast},
		{word: "过", q: govx.QualifierAtLeast, notAfter: "通经越不路度错难跨穿透闯挺熬走跳渡胜看做", scaleOnly: true},
		{word: "突破", q: govx.QualifierAtLeast},
		{word: "至少", q: govx.QualifierAtLeast},
		{word: "不少于", q: govx.QualifierAtLeast},
		{word: "不低于", q: govx.QualifierAtLeast},
	}
}

// suffixQualifiers come after the unit: 6.5%以上, 2亿元左右.
func suffixQualifiers() []qualifierDef {
	return []qualifierDef{
		{word: "以上", q: govx.QualifierAtLeast},
		{word: "以下", q: govx.QualifierAtMost},
		{word: "以内", q: govx.QualifierAtMost},
		{word: "左右", q: govx.QualifierApprox},
		{word: "上下", q: govx.QualifierApprox, notBefore: "游级班文功楼"},
	}
}

// suffixIncludes may stand between a quantity and its suffix qualifier:
// 50万元（含）以上.
func suffixIncludes() []string { return []string{"（含）", "(含)"} }

// infixQualifiers come between the number and the unit (30余家, 100多亩,
// 3亿余元) or after a duration (两年多); they mean at least.
func infixQualifiers() []string { return []string{"多", "余"} }

// rangeSeparators join the two ends of a range: 20%—30%, 5-10亿元, 三至五年.
func rangeSeparators() []string {
	return []string{"——", "-", "—", "–", "~", "〜", "至", "到"}
}

// currencySigns come before an Arabic number: $20, ￥300.
func currencySigns() []unitDef {
	return []unitDef{
		{word: "$", unit: govx.UnitUSD, kind: govx.KindMoney, factor: 1},
		{word: "US$", unit: govx.UnitUSD, kind: govx.KindMoney, factor: 1},
		{word: "￥", unit: govx.UnitCNY, kind: govx.KindMoney, factor: 1},
		{word: "¥", unit: govx.UnitCNY, kind: govx.KindMoney, factor: 1},
		{word: "€", unit: govx.UnitEUR, kind: govx.KindMoney, factor: 1},
		{word: "£", unit: govx.UnitGBP, kind: govx.KindMoney, factor: 1},
		{word: "HK$", unit: govx.UnitHKD, kind: govx.KindMoney, factor: 1},
	}
}

// fixedTerms are idioms, slogans and fixed names with numerals in them,
// which are not quantities (一以贯之, 三番五次, 八项规定).
func fixedTerms() []string {
	return []string{
		"一以贯之", "一串串", "一揽子", "一把手", "一体化", "一站式", "一条龙", "一盘棋",
		"八项规定", "四种形态", "四套班子", "三个代表", "两个维护", "两个确立", "四个意识",
		"四个自信", "四个全面", "五位一体", "四位一体", "三位一体", "两位数", "三位数",
		"十四五", "十三五", "十二五", "十一五", "十五五",
		"三农", "两会", "两新", "三公", "五险一金", "三驾马车", "一带一路", "两个一百年", "最多跑一次",
		"三个务必", "三次产业",
		"三番五次", "四面八方", "五湖四海", "七上八下", "一年一度", "十全十美", "三令五申",
		"五花八门", "四通八达", "七嘴八舌", "九牛一毛", "三心二意", "接二连三", "三长两短",
		"四平八稳", "十拿九稳", "千家万户", "千方百计", "万众一心", "一五一十", "一年四季",
		"一起", "一道", "一路", "一身", "一线", "一手", "一年到头", "三年五载", "十年磨一剑", "百年大计", "一次性", "万家灯火",
	}
}

// periodOpener is a word that makes the duration right after it a
// period: 前5个月 and 头两年 say when (the first five months), not how
// long. notAfter lists runes before the word that make it the end of
// another word (提前3个月 is a duration again).
type periodOpener struct {
	word, notAfter string
}

func periodOpeners() []periodOpener {
	return []periodOpener{
		{word: "前", notAfter: "提之此以目从向往当"},
		{word: "头", notAfter: "年心源带龙"},
	}
}

// codeBefore are runes after which a number is part of a code, an address
// or an encoded URL (%28, id=5, a/b), not a quantity.
// They are ASCII (match looks them up for an ASCII rune only).
const codeBefore = ".%/=&?#_@\\-"

// weekWords name the days of the week with a numeral after them (星期三):
// the numeral is then no quantity.
func weekWords() []string { return []string{"星期", "礼拜"} }

// vagueBefore are runes that make the Chinese numeral after them vague:
// 数十年, 几十万人.
const vagueBefore = "数几"

// ordinalBefore are runes that make the numeral after them an ordinal or
// a name: 第七届, 周一, 初三.
const ordinalBefore = "第周初"

// indexCues are the words after which a bare number is an index reading
// (总指数为99.5); indexVerbs may stand between the cue and the number.
func indexCues() []string { return []string{"指数", "PMI", "CPI", "PPI", "指数值"} }

func indexVerbs() []string {
	return []string{"为", "是", "达", "达到", "升至", "降至", "回升至", "回落至", "上升至", "下降至", ""}
}

// wordQuantity is a word that is a quantity without a numeral.
type wordQuantity struct {
	word  string
	value float64
	unit  govx.Unit
	kind  govx.Kind
}

func wordQuantities() []wordQuantity {
	return []wordQuantity{
		{"对折", 50, govx.UnitPercent, govx.KindPercent},
		{"半成", 5, govx.UnitPercent, govx.KindPercent},
	}
}

// yuanPart is a fraction of a yuan that may follow 元 or 块: 50元6角3分,
// 十块三毛.
type yuanPart struct {
	word   string
	factor float64
}

func yuanParts() []yuanPart { return []yuanPart{{"角", 0.1}, {"毛", 0.1}, {"分", 0.01}} }

// yuanEnds may close an amount written in full: 壹拾壹元整.
func yuanEnds() []string { return []string{"整", "正"} }

// language is every table of this file, as the Extractor holds it.
type language struct {
	prefixes, suffixes    []qualifierDef
	suffixIncludes        []string
	infixes               []string
	rangeSeparators       []string
	currencySigns         []unitDef
	indexCues, indexVerbs []string
	wordQuantities        []wordQuantity
	yuanParts             []yuanPart
	yuanEnds              []string
	periodOpeners         []periodOpener
	weekWords             []string
}

func tables() language {
	return language{
		prefixes:        prefixQualifiers(),
		suffixes:        suffixQualifiers(),
		suffixIncludes:  suffixIncludes(),
		infixes:         infixQualifiers(),
		rangeSeparators: rangeSeparators(),
		currencySigns:   currencySigns(),
		indexCues:       indexCues(),
		indexVerbs:      indexVerbs(),
		wordQuantities:  wordQuantities(),
		yuanParts:       yuanParts(),
		yuanEnds:        yuanEnds(),
		periodOpeners:   periodOpeners(),
		weekWords:       weekWords(),
	}
}
