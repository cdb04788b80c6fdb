package indicator

import (
	"slices"
	"strings"
	"time"

	"govx"
)

// binder holds the state of one article while its sentences are bound.
type binder struct {
	e      *Extractor
	text   string
	region string
	qs     []govx.Quantity // by start; the article's own, or qsBuf
	ps     []govx.Period   // by start; the article's own, or psBuf
	es     []govx.Entity   // by start; the article's own, or esBuf
	// The sorted copies of the mentions, made only when the earlier
	// extractors left them out of order (or out of the text).
	qsBuf  []govx.Quantity
	psBuf  []govx.Period
	esBuf  []govx.Entity
	quotes []quotation  // the quotations “…”, in order
	toks   []govx.Token // the segmenter's tokens, in order; may be empty
	hits   hits         // the words of the tables in the text
	dated  bool         // the article has a reference date, so a vague period is vague indeed

	// The starts of qs, ps and es, searched for the mentions at an offset.
	qStarts, pStarts, eStarts []int
	// Cursors into them for the lookups made in text order: the quantity
	// after a clause separator, the quantities and periods of a clause.
	sepQ, clauseQ, clauseP cursor
	// Cursors into the clause separators: those of a sentence, its first.
	sentenceSep, firstSep cursor
	// Cursors into the quantities and periods for the sentences.
	sentenceQ, sentenceP cursor
	// Cursors for searches asked again and again with the same or nearby
	// offsets: the entities at the start of a clause, the periods at the
	// start of a clause and at a figure, the periods of a name, the
	// quantity at a figure.
	eAt, pFrom, pTo, pName, qAt cursor
	governing                   []uint8 // by period: 0 not known yet, 1 it governs, 2 it does not; see governsAt

	passage *govx.Period // the reporting period of the passage so far, or nil
	// sinceJan is the last passage period that ran from January over
	// several months (1-9月, 前三季度), or nil; see monthAside.
	sinceJan *govx.Period
	scanned  int          // where the last sentence started; line breaks before it are seen
	company  *govx.Entity // the company or project the paragraph is about
	out      []govx.Indicator
	floats   []float64 // the values and changes of the rows; see float

	// The name nameFacts was last asked about, and its answer.
	factsName string
	factsSet  uint64
	factsDone bool

	scratch
}

// scratch holds buffers the binder reuses from sentence to sentence.
type scratch struct {
	clauses []govx.Span     // the clauses of the sentence
	list    []govx.Quantity // the figures of a list of changes
	st      sentenceState   // the state of the sentence
}

// release drops what the binder holds of the article it bound, keeping
// its buffers for the next one.
func (b *binder) release() {
	clear(b.qsBuf[:cap(b.qsBuf)])
	clear(b.psBuf[:cap(b.psBuf)])
	clear(b.esBuf[:cap(b.esBuf)])
	clear(b.out) // what lies past its length was cleared before, or never written
	b.qs, b.ps, b.es = nil, nil, nil
	clear(b.list[:cap(b.list)])
	clear(b.st.mods[:cap(b.st.mods)])
	b.text, b.region, b.toks, b.passage, b.sinceJan, b.company, b.floats = "", "", nil, nil, nil, nil, nil
	b.st.company, b.st.place, b.st.headDate, b.st.period, b.st.dated = nil, nil, nil, nil, nil
	b.st.lastShare, b.st.bareName = "", ""
	b.factsName, b.factsDone = "", false
}

// sentenceState is what the clauses of one sentence share: its buffers,
// reused from sentence to sentence, and the facts found in it.
type sentenceState struct {
	rows        []int         // indexes into binder.out of this sentence's rows
	rowClause   []int         // the clause number of each row
	rowCompares []bool        // whether each row is a comparison (its name has 比 or 较)
	mods        []modalityHit // the modality words of the sentence
	bases       []basisHit    // the basis words of the sentence
	segCuts     []int         // the segmentSeps of the sentence
	sentenceFacts
}

// sentenceFacts are the facts of sentenceState, set afresh for each
// sentence (apart from its buffers, which are only emptied).
type sentenceFacts struct {
	index        int
	span         govx.Span
	clause       int          // the number of the current clause
	company      *govx.Entity // the company or project the sentence is about
	place        *govx.Entity // the place that heads an earlier clause with figures
	headDate     *govx.Period // the first period that heads a clause
	period       *govx.Period // the governing period of the earlier clauses
	bareSpan     govx.Span    // the figureless clause before, whose name the next may take
	bareName     string       // bareSpan's name, once cleaned
	bareDone     bool         // bareName is cleaned
	dated        *govx.Period // the last in-sentence period that dated a row
	lastShare    string       // the name a 占 clause refers to
	futureAt     int          // the first future word, or -1
	cumulativeAt int          // the first cumulative word, or -1
	firstEnd     int          // where the first clause ends
	aside        int          // the last clause that only says how figures are counted (按可比价格计算), or -1
	said         int8         // whether a person and a verb of saying head the sentence: 0 not known yet, 1 yes, 2 no
}

func (b *binder) sentence(index int, s govx.Span) {
	st := &b.st
	// The buffers are emptied in place, which writes only their lengths.
	st.rows = st.rows[:0]
	st.rowClause = st.rowClause[:0]
	st.rowCompares = st.rowCompares[:0]
	st.mods = st.mods[:0]
	st.bases = st.bases[:0]
	st.segCuts = st.segCuts[:0]
	st.sentenceFacts = sentenceFacts{index: index, span: s, aside: -1}
	b.monthAside(s)
	rows := b.mayRow(s)
	if !rows && !b.hasPeriod(s) {
		// Without a figure, a period or a fixed change, a sentence makes
		// no row and dates none after it: only its company is noted.
		b.sentenceCompany(st)
		return
	}
	if !rows {
		// Without a figure or a fixed change, a sentence makes no row:
		// only the period heading one of its clauses may date the passage.
		b.sentenceCompany(st)
		for _, c := range b.splitClauses(s) {
			if b.headDateIn(st, c, c.End); st.headDate != nil {
				break
			}
		}
		if st.headDate != nil && st.company == nil && !st.headDate.Period.Start.IsZero() {
			b.setPassage(st.headDate)
		}
		return
	}
	st.mods = b.modalityHits(st.mods, s)
	b.scanSentence(st)
	b.sentenceCompany(st)
	for k, c := range b.splitClauses(s) {
		st.clause = k
		b.clause(st, c)
	}
	switch {
	case st.dated != nil:
		b.setPassage(st.dated)
	case st.headDate != nil && st.company == nil && len(st.rows) == 0 && !st.headDate.Period.Start.IsZero():
		b.setPassage(st.headDate)
	}
}

// setPassage makes p the passage's period.
func (b *binder) setPassage(p *govx.Period) {
	b.passage = p
	if r := p.Period; r.Start.Month == time.January && r.Start.Day == 1 && r.End.Year == r.Start.Year && r.End.Month > r.Start.Month {
		b.sinceJan = p
	}
}

// monthAside puts the passage back on the figures since January when a
// paragraph that starts at s follows one about the last month of them
// alone: 前三季度…；9月份，…。从贸易方式看，… is about 前三季度 again.
func (b *binder) monthAside(s govx.Span) {
	p, cum := b.passage, b.sinceJan
	if p == nil || cum == nil || p.Period.End != cum.Period.End {
		return
	}
	if r := p.Period; r.Start.Day != 1 || r.Start.Month != r.End.Month || r.Start.Year != r.End.Year {
		return // not one whole month
	}
	if before := strings.TrimRight(b.text[:s.Start], " \t\u3000"); strings.HasSuffix(before, "\n") {
		b.passage = cum
	}
}

// splitClauses returns the clauses of sentence s, in b.clauses's storage.
func (b *binder) splitClauses(s govx.Span) []govx.Span {
	clauses := b.clauses[:0]
	start, skip := s.Start, s.Start
	seps := b.hits[tClause]
	for k := b.sentenceSep.seekHit(seps, s.Start); k < len(seps) && seps[k].start < s.End; k++ {
		i, end := seps[k].start, seps[k].end
		if i < skip {
			continue
		}
		if b.e.opens[seps[k].entry] {
			if after, ok := b.bracketWithoutFigure(end, s.End); ok {
				skip = after // a bracket without figures is part of the clause: 指数(PMI)为
				continue
			}
		}
		if !b.insideFigure(i) {
			if i > start {
				clauses = append(clauses, govx.Span{Start: start, End: i})
			}
			start = end
		}
	}
	if start < s.End {
		clauses = append(clauses, govx.Span{Start: start, End: s.End})
	}
	b.clauses = clauses
	return clauses
}

// mayRow reports whether sentence s holds what a row is made of: a
// quantity, or a word of a fixed change (持平, 翻番).
func (b *binder) mayRow(s govx.Span) bool {
	if k := b.sentenceQ.seek(b.qStarts, s.Start); k < len(b.qs) && b.qs[k].Start < s.End {
		return true
	}
	for _, t := range []table{tFlat, tFixed} {
		if k := searchHit(b.hits[t], s.Start); k < len(b.hits[t]) && b.hits[t][k].start < s.End {
			return true
		}
	}
	return false
}

// hasPeriod reports whether sentence s holds a period, which the passage
// may take.
func (b *binder) hasPeriod(s govx.Span) bool {
	k := b.sentenceP.seek(b.pStarts, s.Start)
	return k < len(b.ps) && b.ps[k].Start < s.End
}

// insideFigure reports whether offset i lies inside a quantity: the comma
// of 82，225万元 separates thousands, not clauses.
func (b *binder) insideFigure(i int) bool {
	k := b.sepQ.seek(b.qStarts, i+1)
	return k > 0 && b.qs[k-1].End > i
}

// bracketWithoutFigure reports whether the bracket opened before from
// closes before end with no quantity inside, and returns the offset after
// its closing bracket.
func (b *binder) bracketWithoutFigure(from, end int) (int, bool) {
	// The closing brackets are clause separators: the first one is among
	// the separators after from.
	seps := b.hits[tClause]
	k := searchHit(seps, from)
	for k < len(seps) && seps[k].start < end && !b.e.closes[seps[k].entry] {
		k++
	}
	if k == len(seps) || seps[k].end > end {
		return 0, false
	}
	i := searchInts(b.qStarts, from)
	if i < len(b.qs) && b.qs[i].Start < seps[k].start {
		return 0, false
	}
	return seps[k].end, true
}

// clause binds the figures of clause c.
func (b *binder) clause(st *sentenceState, c govx.Span) {
	qs := b.quantitiesIn(c)
	var facts clauseFacts
	if len(qs) > 0 {
		facts = b.clauseFactsOf(c)
	}
	pos := c.Start // where the name of the next figure starts
	for i := 0; i < len(qs); i++ {
		q := qs[i]
		if q.Start < pos {
			continue
		}
		head := b.text[pos:q.Start]
		if q.Kind == govx.KindDuration && !b.namesDuration(st, pos, q.Start) ||
			b.e.skipUnit(q.Unit) || facts.personAt >= 0 && facts.personAt <= q.Start || b.inSlogan(q.Start) {
			pos = q.End
			continue
		}
		if q.Unit == govx.UnitPercentPoint {
			if containsAny(b.text[c.Start:q.Start], pullWords) {
				b.level(st, c, q, b.clean(pos, q.Start), q.Start)
			}
			pos = q.End
			continue
		}
		if verb, sign, ok := b.e.growthBefore(head); ok && isRate(q) {
			list := append(b.list[:0], asPercent(q))
			for i+1 < len(qs) && isRate(qs[i+1]) &&
				b.e.isJoiner(b.text[qs[i].End:qs[i+1].Start]) {
				i++
				list = append(list, asPercent(qs[i]))
			}
			b.list = list
			name := b.clean(pos, pos+verb)
			b.growth(st, c, list, sign, name, strings.Contains(head, "分别"))
			pos = list[len(list)-1].End
			continue
		}
		if q.Kind == govx.KindPercent && i+1 < len(qs) && strings.HasPrefix(b.text[q.End:], "的") {
			pos = q.End // the share of a group the next figure is about: 三成以上的茶农人均增收三千元
			continue
		}
		if b.e.isThreshold(b.text[c.Start:q.Start]) || facts.notIndicator(q.Start) {
			pos = q.End
			continue
		}
		if i+1 < len(qs) && b.modifies(q, qs[i+1]) {
			continue // a threshold inside the name: 亿元以上产业项目21个
		}
		lv := b.levelName(st, c, qs, i, pos)
		if lv.partition {
			break // the rest of the clause describes a part of a count
		}
		if lv.name != "" {
			b.addLevel(st, c, q, lv)
		} else if !b.levelOfChange(st, pos, q) {
			b.levelOfNewPeriod(st, c, q)
		}
		pos = lv.end
	}
	b.fixedChanges(st, c, pos)
	b.endClause(st, c, qs)
}

// levelOfChange gives a nameless level reached after a change (收入计划增长
// 5%，达到103.7亿元) to the row of that change, when it has no level yet.
func (b *binder) levelOfChange(st *sentenceState, pos int, q govx.Quantity) bool {
	raw := trimSpace(strings.TrimLeft(b.text[pos:q.Start], "，,"))
	if !slices.Contains(levelVerbs, raw) && !(raw == "" && q.Qualifier == govx.QualifierAtLeast) {
		return false
	}
	if k := b.lastRow(st); k >= 0 && b.out[k].Value == nil && b.out[k].ChangePct != nil && b.out[k].Unit == govx.UnitNone {
		row := &b.out[k]
		row.Value, row.Unit, row.Qualifier = b.float(q.Value), q.Unit, q.Qualifier
		return true
	}
	return false
}

// levelOfNewPeriod makes a nameless level with a period of its own in
// clause c a figure of the indicator of the row before (产值年均增长12.6%，
// 今年预计突破1000亿元): a row of that name, dated by that period.
func (b *binder) levelOfNewPeriod(st *sentenceState, c govx.Span, q govx.Quantity) {
	k := b.lastRow(st)
	if k < 0 || b.out[k].Unit == q.Unit {
		return
	}
	p := b.governingIn(c, q.Start)
	if p == nil || p.Start < c.Start || p.End > q.Start || b.periodFor(p, false) == b.out[k].Period {
		return
	}
	b.level(st, c, q, b.out[k].Name, q.Start)
}

// levelOf is how a level is named.
type levelOf struct {
	name      string // "" when the figure is no indicator
	end       int    // where the next name starts
	shareOf   int    // the row the level is a share of, or -1
	changeOf  int    // the row the level is an absolute change of, or -1
	partition bool   // the figure is the base of a partition
}

// levelName names the level qs[i], whose name starts at pos.
func (b *binder) levelName(st *sentenceState, c govx.Span, qs []govx.Quantity, i, pos int) levelOf {
	q := qs[i]
	lv := levelOf{name: b.clean(pos, q.Start), end: q.End, shareOf: -1, changeOf: -1}
	if q.Kind == govx.KindCount {
		next := c.End
		if i+1 < len(qs) {
			next = qs[i+1].Start
		}
		noun, nounEnd := b.nounAfter(q.End, next)
		switch {
		case noun != "" && nounEnd == next && next < c.End:
			// A count that leads into another figure is the base of a
			// partition: 20个项目中有5个…, 17个项目总投资超1亿元.
			return levelOf{partition: true, shareOf: -1, changeOf: -1}
		case strings.HasSuffix(noun, "中"):
			return levelOf{end: nounEnd, shareOf: -1, changeOf: -1} // 82种工业产品中
		case noun != "":
			if strings.HasSuffix(b.text[pos:q.Start], "的") && lv.name != "" {
				lv.name += "的" // 此次集中开工的20个项目 → 集中开工的项目
			}
			lv.name += noun
			lv.end = nounEnd
		}
	}
	if raw := strings.TrimLeft(b.text[pos:q.Start], "，,、；; "); q.Unit == govx.UnitPercent && lv.name != "" &&
		strings.HasPrefix(raw, "完成") && strings.HasSuffix(raw, "的") && !strings.HasPrefix(lv.name, "完成") {
		lv.name = "完成" + lv.name // a ratio keeps its verb: 完成年初预算的101.8%
	}
	if lv.name == "" {
		lv.name = b.relativeNoun(q.End, c.End)
	}
	if lv.name == "" {
		lv.name = b.bare(st) // 地区生产总值：完成520亿元
	}
	if b.e.toVerbEnds.mayEnd(lv.name) && hasSuffixAny(lv.name, toVerbs) {
		// A figure brought to a new level is named without the verb
		// (失业率下降至4.5% → 失业率), or after the figure before it
		// (通行时间将从5个多小时缩短至2小时左右).
		lv.name = b.trimName(trimSuffixAny(lv.name, toVerbs))
		if lv.name == "" && len(st.rows) > 0 {
			lv.name = b.out[st.rows[len(st.rows)-1]].Name
		}
	}
	if b.e.isGrowthVerb(lv.name) && len(st.rows) > 0 {
		// An absolute change of the figure before: 户籍人口312.4万人，
		// 比上年末减少1.2万人 → 户籍人口减少.
		lv.changeOf = st.rows[len(st.rows)-1]
		lv.name = b.out[lv.changeOf].Name + lv.name
	}
	if hasPrefixAny(lv.name, shareWords) {
		switch {
		case b.bare(st) != "":
			lv.name = b.bare(st) + lv.name // 电梯(占比11.3%)
		case st.lastShare != "":
			lv.name = st.lastShare + lv.name // 实际采购金额10.31亿元，占全市的62.6%
			lv.shareOf = st.rows[len(st.rows)-1]
		}
	}
	if b.nameFacts(lv.name)&(1<<factReporting) != 0 || hasPrefixAny(lv.name, namePrepositions) && !hasRunes(lv.name, 4) {
		return levelOf{end: q.End, shareOf: -1, changeOf: -1}
	}
	return lv
}

// addLevel makes the rows of the level q: one, or one per item of a list
// of shares (多晶硅片和单晶硅片各占50%).
func (b *binder) addLevel(st *sentenceState, c govx.Span, q govx.Quantity, lv levelOf) {
	if items, ok := b.eachShare(lv.name); ok {
		for _, it := range items {
			b.level(st, c, q, it, q.Start)
		}
		return
	}
	name := b.shorten(lv.name)
	if name == "" {
		return
	}
	b.level(st, c, q, name, q.Start)
	if lv.shareOf >= 0 {
		b.out[len(b.out)-1].Subject = b.out[lv.shareOf].Subject
	}
	if lv.changeOf >= 0 {
		// A change is dated like the figure it changes: 年末共有…7816家，
		// 比上年末增加402家 is a year-end count too.
		b.out[len(b.out)-1].Period = b.out[lv.changeOf].Period
	}
}

// endClause records what the clauses after c take from it: the name a
// figureless clause offers, the period that heads it.
func (b *binder) endClause(st *sentenceState, c govx.Span, qs []govx.Quantity) {
	if len(qs) > 0 {
		st.bareSpan, st.bareDone = govx.Span{}, false
	} else {
		switch text := trimSpace(b.text[c.Start:c.End]); {
		case strings.HasSuffix(text, "等"):
			// A list of examples in brackets leaves the name before it:
			// 标准化货物 (计算机、空调、打印机等，占比7.0%).
		case isMethodNote(text):
			st.aside = st.clause // 地区生产总值7062亿元，按可比价格计算，比上年增长6.3%
		default:
			st.bareSpan, st.bareDone = c, false
		}
	}
	if i := b.clauseP.seek(b.pStarts, c.Start); i == len(b.ps) || b.ps[i].Start >= c.End {
		return // no period in the clause
	}
	firstFigure := c.End
	if len(qs) > 0 {
		firstFigure = qs[0].Start
	}
	if p := b.governingIn(c, firstFigure); p != nil && p.Start < firstFigure && !(len(qs) == 0 && st.headDate != nil && b.namesEvent(c, p)) {
		st.period = p
	}
	b.headDateIn(st, c, firstFigure)
}

// headDateIn sets st.headDate, when not set yet, to the first period of
// clause c before its first figure that governs and heads the clause.
func (b *binder) headDateIn(st *sentenceState, c govx.Span, firstFigure int) {
	for i := b.pFrom.seek(b.pStarts, c.Start); st.headDate == nil && i < len(b.ps) && b.ps[i].Start < firstFigure; i++ {
		if p := &b.ps[i]; b.governsAt(i) && trimSpace(b.text[c.Start:p.Start]) == "" {
			st.headDate = p
		}
	}
}

// namesDuration reports whether the duration whose name runs from pos to
// at is an indicator: its name is one of a time (通行时间), or it is
// brought to a new level after one (缩短至2小时左右).
func (b *binder) namesDuration(st *sentenceState, pos, at int) bool {
	if hasSuffixAny(b.clean(pos, at), durationNames) {
		return true
	}
	if hasSuffixAny(b.text[pos:at], toVerbs) && len(st.rows) > 0 {
		return hasSuffixAny(b.out[st.rows[len(st.rows)-1]].Name, durationNames)
	}
	return false
}

// clauseFacts are what the rules ask of a clause for each of its figures,
// found once: the first offset of a word, or -1.
type clauseFacts struct {
	policyAt int  // a policy word (给予, 最高)
	runAt    int  // 连续, a run of periods above a line (连续4个月位于50%以上)
	personAt int  // a person
	opens    bool // the clause opens a policy's condition (对…的企业)
}

func (b *binder) clauseFactsOf(c govx.Span) clauseFacts {
	text := b.text[c.Start:c.End]
	f := clauseFacts{policyAt: -1, runAt: -1, personAt: -1}
	if k := first(b.hits[tPolicy], c.Start, c.End); k >= 0 {
		f.policyAt = b.hits[tPolicy][k].start
	}
	if k := first(b.hits[tRun], c.Start, c.End); k >= 0 {
		f.runAt = b.hits[tRun][k].start
	}
	for _, e := range b.entitiesIn(c) {
		if e.Type == govx.EntityPer && e.End <= c.End {
			f.personAt = e.End
			break
		}
	}
	head := trimSpace(text)
	f.opens = hasPrefixAny(head, policyOpeners) && !hasPrefixAny(head, notPolicyOpeners) && !b.tradeClause(c, head)
	return f
}

// tradeClause reports whether clause c, whose text is head, opens with 对
// and a trading partner rather than a policy's condition: 对美国进出口
// 543亿元 names a place or a trade after 对.
func (b *binder) tradeClause(c govx.Span, head string) bool {
	if containsAny(head, tradeWords) {
		return true
	}
	at := c.Start + strings.Index(b.text[c.Start:c.End], head)
	for _, w := range policyOpeners {
		if strings.HasPrefix(head, w) {
			at += len(w)
			break
		}
	}
	es := b.entitiesIn(govx.Span{Start: at, End: at + 1})
	return len(es) > 0 && es[0].Start == at && es[0].Type == govx.EntityLoc
}

// isMethodNote reports whether a figureless clause only says how the
// figures are counted or grouped: 按可比价格计算, 初步核算, 分产业看.
func isMethodNote(clause string) bool {
	return hasPrefixAny(clause, methodOpeners) || hasSuffixAny(clause, methodEnders)
}

// before reports whether a word found at off (-1: none) stands before at.
func before(off, at int) bool { return off >= 0 && off < at }

// notIndicator reports whether the figure at offset at is no indicator
// because of its clause: a policy's parameter (对新认定的企业给予30万元奖励),
// a run above a line, or a story about a person.
func (f clauseFacts) notIndicator(at int) bool {
	return f.opens || before(f.policyAt, at) || before(f.runAt, at) || f.personAt >= 0 && f.personAt <= at
}

// bare returns the name the figureless clause before offers, or "".
func (b *binder) bare(st *sentenceState) string {
	if !st.bareDone {
		st.bareName, st.bareDone = "", true
		if st.bareSpan.End > st.bareSpan.Start {
			st.bareName = b.clean(st.bareSpan.Start, st.bareSpan.End)
		}
	}
	return st.bareName
}

// isRate reports whether q can be a growth rate: a percentage, or a
// multiple (增长1.5倍 is +150%).
func isRate(q govx.Quantity) bool {
	return q.Kind == govx.KindPercent || q.Unit == govx.UnitMultiple
}

// asPercent returns q with a multiple read as a percentage.
func asPercent(q govx.Quantity) govx.Quantity {
	if q.Unit == govx.UnitMultiple {
		q.Value *= 100
		q.Unit, q.Kind = govx.UnitPercent, govx.KindPercent
	}
	return q
}

// level makes a row for the level q named name.
func (b *binder) level(st *sentenceState, c govx.Span, q govx.Quantity, name string, at int) {
	row := b.newRow(st, c, name, at)
	row.Value, row.Unit, row.Qualifier = b.float(q.Value), q.Unit, q.Qualifier
	st.lastShare = strings.TrimSuffix(name, "占比")
}

// growth binds the changes of list (one figure, or the figures of a
// 分别 list) to rows.
func (b *binder) growth(st *sentenceState, c govx.Span, list []govx.Quantity, sign float64, name string, each bool) {
	basis := b.basisAt(st, list[0].Start)
	set := func(k int, q govx.Quantity) {
		row := &b.out[k]
		row.ChangePct, row.ChangeBasis = b.float(sign*q.Value), basis
		if c.End > row.End {
			row.End = c.End
			row.Evidence = b.text[row.Start:row.End]
		}
		for j := len(st.rows) - 1; j >= 0; j-- {
			if st.rows[j] == k {
				st.rowClause[j] = st.clause // the row now reaches this clause
				break
			}
		}
	}
	fresh := func(name string, q govx.Quantity) {
		row := b.newRow(st, c, name, q.Start)
		row.ChangePct, row.ChangeBasis = b.float(sign*q.Value), basis
	}
	if name != "" {
		names := []string{name}
		if len(list) > 1 {
			names = b.splitList(name, len(list))
		}
		if len(names) == len(list) {
			for k, q := range list {
				fresh(names[k], q)
			}
			return
		}
		if each {
			// 分别 gives each figure to a part of what the name covers
			// (城乡居民人均可支配收入分别增长5.5%、7%): one row per figure.
			for _, q := range list {
				fresh(name, q)
			}
			return
		}
		fresh(name, list[0])
		return
	}
	// No name in the clause: the figures belong to the rows before them.
	if len(list) > 1 || each {
		open := b.openRows(st)
		if len(open) >= len(list) {
			open = open[len(open)-len(list):]
			for k, q := range list {
				set(open[k], q)
			}
		}
		return
	}
	if bare := b.bare(st); bare != "" {
		fresh(bare, list[0]) // 其中增幅较大的有发酵酒（增长87%）
		return
	}
	k := b.previousRow(st)
	if k >= 0 && b.isRatio(k) {
		// A ratio of the figure before is an aside: 收入98.76亿元，完成年初
		// 预算的101.8%，同比增长4.2% is the income's growth.
		if j := b.rowBefore(st, k); j >= 0 && b.out[j].ChangePct == nil && !b.isRatio(j) {
			k = j
		}
	}
	if k < 0 {
		// A second change of the figure before, against another basis, is
		// a row of its own: 同比增长9.8%，环比增长4.1%.
		if k = b.lastRow(st); k >= 0 && basis != govx.BasisNone && b.out[k].ChangePct != nil && b.out[k].ChangeBasis != basis {
			fresh(b.out[k].Name, list[0])
		}
		return
	}
	// A change with a period or modality of its own is another figure of
	// the same indicator: 去年实现营业收入12亿元，今年预计增长20%.
	q, prev := list[0], &b.out[k]
	p := b.governingIn(c, q.Start)
	if p != nil && b.periodFor(p, b.isStock(prev.Name, c, q.Start)) != prev.Period || b.modalityAt(st, c, q.Start) != prev.Modality {
		fresh(prev.Name, q)
		return
	}
	set(k, q)
}

// previousRow returns the row a nameless change belongs to: the last row
// of the sentence that is not itself a comparison (现价总量比同期增加73.5亿元),
// if it has no change yet and stands in this clause or the one before;
// -1 otherwise.
func (b *binder) previousRow(st *sentenceState) int {
	if k := b.lastRow(st); k >= 0 && b.out[k].ChangePct == nil {
		return k
	}
	return -1
}

// isRatio reports whether row k is a ratio of another figure: a level in
// percent named by one of ratioWords (占…的15%, 完成年初预算的101.8%).
func (b *binder) isRatio(k int) bool {
	r := &b.out[k]
	return r.Unit == govx.UnitPercent && r.Value != nil && hasPrefixAny(r.Name, ratioWords)
}

// rowBefore returns the row of the sentence before row k, or -1.
func (b *binder) rowBefore(st *sentenceState, k int) int {
	for j := len(st.rows) - 1; j > 0; j-- {
		if st.rows[j] == k {
			return st.rows[j-1]
		}
	}
	return -1
}

// lastRow returns the last row of the sentence that is not a comparison,
// if it stands in this clause or the one before (passing over a clause
// that says how figures are counted); -1 otherwise.
func (b *binder) lastRow(st *sentenceState) int {
	near := st.clause - 1
	if st.aside >= 0 && st.aside == near {
		near--
	}
	for k := len(st.rows) - 1; k >= 0; k-- {
		if st.rowCompares[k] {
			near = st.rowClause[k] - 1
			continue
		}
		if st.rowClause[k] >= near {
			return st.rows[k]
		}
		return -1
	}
	return -1
}

// fixedChanges binds 持平 and 翻番 in the rest of clause c from pos.
func (b *binder) fixedChanges(st *sentenceState, c govx.Span, pos int) {
	if k := first(b.hits[tFlat], pos, c.End); k >= 0 {
		f, i := b.e.flat[b.hits[tFlat][k].entry], b.hits[tFlat][k].start-pos
		if name := b.clean(pos, pos+i); name != "" {
			row := b.newRow(st, c, name, pos+i) // 工业用电量与上年同期持平
			row.ChangePct, row.ChangeBasis = b.float(0), f.basis
		} else if k := b.previousRow(st); k >= 0 {
			b.out[k].ChangePct, b.out[k].ChangeBasis = b.float(0), f.basis
		}
		return
	}
	if k := first(b.hits[tFixed], pos, c.End); k >= 0 {
		f, at := b.e.fixed[b.hits[tFixed][k].entry], b.hits[tFixed][k].start
		names := b.splitList(b.clean(pos, at), 0)
		if len(names) == 0 {
			if k := b.previousRow(st); k >= 0 {
				b.out[k].ChangePct = b.float(f.change)
			}
			return
		}
		for _, n := range names {
			row := b.newRow(st, c, n, at)
			row.ChangePct = b.float(f.change)
		}
		return
	}
}

// newRow adds a row for a figure at offset at in clause c to the rows of
// the sentence and returns it, for its figures to be filled in. It is
// built in place, as a row is large.
func (b *binder) newRow(st *sentenceState, c govx.Span, name string, at int) *govx.Indicator {
	st.rows = append(st.rows, len(b.out))
	st.rowClause = append(st.rowClause, st.clause)
	st.rowCompares = append(st.rowCompares, strings.Contains(name, "比") || strings.Contains(name, "较"))
	b.out = append(b.out, govx.Indicator{})
	row := &b.out[len(b.out)-1]
	subject, company := b.subjectAt(st, c, at)
	row.Span, row.Sentence, row.Subject, row.Name = c, st.index, subject, name
	row.Modality, row.Evidence = b.modalityAt(st, c, at), b.text[c.Start:c.End]
	if b.undated(st, at) {
		company = true
	}
	spoken := b.speech(st, at)
	stock := b.isStock(name, c, at)
	switch p := b.governingIn(c, at); {
	case p != nil:
		row.Period = b.periodFor(p, stock)
		if !company && !spoken {
			st.dated = p
		}
	case company:
		// A company's or project's figure is dated only by its own clause.
	case b.vagueBefore(st, at):
		// 近日, 目前: the sentence says its figure is undated.
	case st.period != nil:
		// Reported speech is dated by the speaker's own words.
		row.Period = b.periodFor(st.period, stock)
		if !spoken {
			st.dated = st.period
		}
	case spoken:
		// The passage's period does not date what someone says.
	case b.passage != nil:
		row.Period = b.periodFor(b.passage, stock)
		if row.Modality == govx.ModalityPlan || row.Modality == govx.ModalityTarget {
			// A plan or target made during a period is for the whole year.
			y := row.Period.End.Year
			row.Period = govx.DateRange{Start: govx.DateOf(y, 1, 1), End: govx.DateOf(y, 12, 31)}
		}
	}
	return row
}

// float returns a pointer to v for a row, from a slab of the article: one
// allocation for many figures. The slab is not reused, as the rows keep
// pointing into it.
func (b *binder) float(v float64) *float64 {
	if len(b.floats) == cap(b.floats) {
		b.floats = make([]float64, 0, max(16, len(b.qs)))
	}
	b.floats = append(b.floats, v)
	return &b.floats[len(b.floats)-1]
}

// openRows returns the trailing rows of the sentence that have no change
// yet, oldest first, passing over comparisons.
func (b *binder) openRows(st *sentenceState) []int {
	var open []int
	for k := len(st.rows) - 1; k >= 0; k-- {
		if st.rowCompares[k] {
			continue
		}
		if b.out[st.rows[k]].ChangePct != nil {
			break
		}
		open = append([]int{st.rows[k]}, open...)
	}
	return open
}

// quantitiesIn returns the quantities inside c.
func (b *binder) quantitiesIn(c govx.Span) []govx.Quantity {
	// The quantities are disjoint, so their ends are in order too, and
	// those inside c are a run of them.
	i := b.clauseQ.seek(b.qStarts, c.Start)
	j := i
	for j < len(b.qs) && b.qs[j].Start < c.End && b.qs[j].End <= c.End {
		j++
	}
	return b.qs[i:j:j]
}

// entitiesIn returns the entities that start inside s (they may end after
// it), in order.
func (b *binder) entitiesIn(s govx.Span) []govx.Entity {
	// The same start is asked for again and again (the head of a clause,
	// for each of its figures), or a near one: the cursor walks to it.
	i := b.eAt.seek(b.eStarts, s.Start)
	j := i // most spans hold a few entities: look for the end near the start
	for j < len(b.eStarts) && b.eStarts[j] < s.End && j-i < 8 {
		j++
	}
	if j-i == 8 {
		j += searchInts(b.eStarts[j:], s.End)
	}
	return b.es[i:j]
}

// cursor finds offsets in a sorted list for lookups whose offsets are
// mostly near the last one (the same, or a little ahead or back): each
// walks from where the last one ended, and searches only when it is far.
type cursor struct{ k int }

// seek returns the index of the first of a (in ascending order) that is
// at least off.
func (c *cursor) seek(a []int, off int) int {
	k := min(c.k, len(a))
	for n := 0; k > 0 && a[k-1] >= off; k-- {
		if n++; n == 8 {
			k = searchInts(a[:k], off) // far back: search the rest
			break
		}
	}
	for n := 0; k < len(a) && a[k] < off; k++ {
		if n++; n == 8 {
			k += searchInts(a[k:], off) // far ahead: search the rest
			break
		}
	}
	c.k = k
	return k
}

// seekHit returns the index of the first of hs that starts at off or
// after it, as seek does for offsets.
func (c *cursor) seekHit(hs []hit, off int) int {
	k := min(c.k, len(hs))
	for n := 0; k > 0 && hs[k-1].start >= off; k-- {
		if n++; n == 8 {
			k = searchHit(hs[:k], off)
			break
		}
	}
	for n := 0; k < len(hs) && hs[k].start < off; k++ {
		if n++; n == 8 {
			k += searchHit(hs[k:], off)
			break
		}
	}
	c.k = k
	return k
}

// searchBefore returns the index of the last of n items in order of start
// that starts before off, or -1. The lists of a sentence it searches are
// mostly empty, or end before off.
func searchBefore(n, off int, start func(int) int) int {
	if n == 0 || start(n-1) < off {
		return n - 1
	}
	lo, hi := 0, n-1
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if start(mid) < off {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo - 1
}

// searchInts returns the index of the first of a (in ascending order)
// that is at least off.
func searchInts(a []int, off int) int {
	lo, hi := 0, len(a)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if a[mid] < off {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// searchTokens returns the index of the first token that starts at off or
// after it.
func searchTokens(toks []govx.Token, off int) int {
	lo, hi := 0, len(toks)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if toks[mid].Start < off {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// searchEnds returns the index of the first quotation that ends at off
// or after it.
func searchEnds(spans []quotation, off int) int {
	lo, hi := 0, len(spans)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if spans[mid].End < off {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// modifies reports whether q is a threshold inside the name of the count
// after it (亿元以上产业项目21个, 超10亿元项目6个, 超过10亿元以上的项目有5个),
// or a bound right before the projects or companies whose figure follows
// (亿元以上项目完成投资12.5亿元).
func (b *binder) modifies(q, next govx.Quantity) bool {
	between := b.text[q.End:next.Start]
	if between == "" || strings.ContainsAny(between, "、，,") || hasRunes(between, 13) {
		return false
	}
	if _, _, ok := b.e.growthBefore(between); ok {
		return false
	}
	if q.Kind == govx.KindCount {
		return false
	}
	bound := q.Qualifier == govx.QualifierAtLeast || q.Qualifier == govx.QualifierAtMost
	if next.Kind != govx.KindCount {
		return bound && hasPrefixAny(between, thresholdHeads)
	}
	return bound || strings.HasPrefix(between, "的")
}
