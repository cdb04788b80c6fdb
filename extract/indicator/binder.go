package indicator

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"govx"
)

// binder holds the state of one article while its sentences are bound.
type binder struct {
	e      *Extractor
	text   string
	region string
	qs     []govx.Quantity // by start
	ps     []govx.Period   // by start
	es     []govx.Entity   // by start
	quotes []govx.Span     // the quotations “…”, in order

	passage    govx.DateRange // the reporting period of the passage so far
	hasPassage bool
	para       int          // start of the paragraph of the current sentence
	company    *govx.Entity // the company or project the paragraph is about
	out        []govx.Indicator
}

// sentenceState is what the clauses of one sentence share.
type sentenceState struct {
	index     int
	span      govx.Span
	rows      []int          // indexes into binder.out of this sentence's rows
	rowClause []int          // the clause number of each row
	clause    int            // the number of the current clause
	company   *govx.Entity   // the company or project the sentence is about
	headDate  *govx.Period   // the first period that heads a clause
	period    *govx.Period   // the governing period of the earlier clauses
	bare      string         // the name a figureless clause offers the next one
	dated     govx.DateRange // the last in-sentence period that dated a row
	wasDated  bool
	lastShare string        // the name a 占 clause refers to
	mods      []modalityHit // the modality words of the sentence
}

func (b *binder) sentence(index int, s govx.Span) {
	st := &sentenceState{index: index, span: s, mods: b.modalityHits(s)}
	b.sentenceCompany(st)
	var clauses []govx.Span
	start := s.Start
	for i := s.Start; i < s.End; {
		r, size := utf8.DecodeRuneInString(b.text[i:])
		if (r == '（' || r == '(') && !b.figureInBrackets(i+size, s.End) {
			i += size // a bracket without figures is part of the clause: 指数(PMI)为
			continue
		}
		if strings.ContainsRune(clauseSeps, r) {
			if i > start {
				clauses = append(clauses, govx.Span{Start: start, End: i})
			}
			start = i + size
		}
		i += size
	}
	if start < s.End {
		clauses = append(clauses, govx.Span{Start: start, End: s.End})
	}
	for k, c := range clauses {
		st.clause = k
		b.clause(st, c)
	}
	switch {
	case st.wasDated:
		b.passage, b.hasPassage = st.dated, true
	case st.headDate != nil && st.company == nil && len(st.rows) == 0 && !st.headDate.Period.Start.IsZero():
		b.passage, b.hasPassage = b.dateOf(st.headDate), true
	}
}

// firstHeadPeriod returns the first period of the article that heads a
// clause: the reporting period of a headline that comes before any date
// (苏州高新区投资120亿开展20个重点项目 … 3月25日，…).
func (b *binder) firstHeadPeriod() (govx.DateRange, bool) {
	for i := range b.ps {
		p := &b.ps[i]
		if !b.governs(p) || p.Period.Start.IsZero() {
			continue
		}
		if before := lastRune(b.text[:p.Start]); p.Start == 0 || strings.ContainsRune(clauseSeps, before) || before == ' ' {
			return b.dateOf(p), true
		}
	}
	return govx.DateRange{}, false
}

// figureInBrackets reports whether a quantity starts between from and the
// closing bracket (or end).
func (b *binder) figureInBrackets(from, end int) bool {
	if i := strings.IndexAny(b.text[from:end], "）)"); i >= 0 {
		end = from + i
	}
	for _, q := range b.qs {
		if q.Start >= from && q.Start < end {
			return true
		}
	}
	return false
}

// sentenceCompany finds the company or project sentence st is about: one
// that heads its first clause, else the paragraph's, unless the sentence
// names a place or a whole area and so returns to the region.
func (b *binder) sentenceCompany(st *sentenceState) {
	para := strings.LastIndexByte(b.text[:st.span.Start], '\n') + 1
	if para != b.para {
		b.para, b.company = para, nil
	}
	first := st.span.End
	if i := strings.IndexAny(b.text[st.span.Start:st.span.End], clauseSeps); i >= 0 {
		first = st.span.Start + i
	}
	if e := b.headCompany(govx.Span{Start: st.span.Start, End: first}); e != nil {
		st.company, b.company = e, e
		return
	}
	if b.company != nil && b.headsClause(st.span) {
		b.company = nil
	}
	st.company = b.company
}

// headsClause reports whether a clause of sentence s begins with a place,
// a whole-area word (全市), the region or a period: the sentence turns
// from the company of its paragraph to the region.
func (b *binder) headsClause(s govx.Span) bool {
	heads := func(off int) bool {
		return off == s.Start || strings.ContainsRune(clauseSeps, lastRune(b.text[:off]))
	}
	for i := range b.es {
		if e := &b.es[i]; e.Type == govx.EntityLoc && s.Contains(e.Span) && heads(e.Start) {
			return true
		}
	}
	if i := searchStart(len(b.ps), func(i int) int { return b.ps[i].Start }, s.Start); i < len(b.ps) && b.ps[i].Start == s.Start {
		return true
	}
	words := append(append([]string(nil), headSubjects...), b.region)
	for off := s.Start; off < s.End; {
		if heads(off) {
			for _, w := range words {
				if w != "" && strings.HasPrefix(b.text[off:s.End], w) {
					return true
				}
			}
		}
		_, size := utf8.DecodeRuneInString(b.text[off:])
		off += size
	}
	return false
}

// headCompany returns the company or project that heads clause c: it
// starts the clause or follows its 的 (总投资20亿元的哈电储能…项目), and is
// not one item of a list (三菱树脂、横滨轮胎等7个外资项目).
func (b *binder) headCompany(c govx.Span) *govx.Entity {
	for i := range b.es {
		e := &b.es[i]
		if e.Start < c.Start || e.End > c.End {
			continue
		}
		if e.Type != govx.EntityProject && (e.Type != govx.EntityOrg || b.e.isAgency(b.text[e.Start:e.End])) {
			continue
		}
		before := strings.TrimSpace(b.text[c.Start:e.Start])
		if before != "" && !strings.HasSuffix(before, "的") {
			continue
		}
		after := b.text[e.End:c.End]
		if strings.HasPrefix(after, "、") || strings.HasPrefix(after, "等") {
			continue
		}
		return e
	}
	return nil
}

// clause binds the figures of clause c.
func (b *binder) clause(st *sentenceState, c govx.Span) {
	qs := b.quantitiesIn(c)
	pos := c.Start // where the name of the next figure starts
	for i := 0; i < len(qs); i++ {
		q := qs[i]
		if q.Start < pos {
			continue
		}
		head := b.text[pos:q.Start]
		if q.Kind == govx.KindDuration || b.e.skipUnit(q.Unit) || b.personBefore(c, q.Start) || b.inSlogan(q.Start) {
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
			list := []govx.Quantity{asPercent(q)}
			for i+1 < len(qs) && isRate(qs[i+1]) &&
				b.e.isJoiner(b.text[qs[i].End:qs[i+1].Start]) {
				i++
				list = append(list, asPercent(qs[i]))
			}
			name := b.clean(pos, pos+verb)
			b.growth(st, c, list, sign, name, strings.Contains(head, "分别"))
			pos = list[len(list)-1].End
			continue
		}
		if b.e.isThreshold(b.text[c.Start:q.Start]) {
			pos = q.End
			continue
		}
		if i+1 < len(qs) && b.modifies(q, qs[i+1]) {
			continue // a threshold inside the name: 亿元以上产业项目21个
		}
		name := b.clean(pos, q.Start)
		end := q.End
		if q.Kind == govx.KindCount {
			next := c.End
			if i+1 < len(qs) {
				next = qs[i+1].Start
			}
			noun, nounEnd := b.nounAfter(q.End, next)
			if noun != "" && (nounEnd == next && next < c.End || strings.HasSuffix(noun, "中")) {
				// A count that leads into another figure or a part of it is
				// the base of a partition: 20个项目中有5个…, 17个项目总投资超1亿元.
				if nounEnd == next && next < c.End {
					break // the rest of the clause describes the part
				}
				pos = nounEnd
				continue
			}
			if noun != "" {
				name += noun
				end = nounEnd
			}
		}
		if name == "" {
			name = b.relativeNoun(q.End, c.End)
		}
		if strings.HasPrefix(name, "占") {
			switch {
			case st.bare != "":
				name = st.bare + name // 电梯(占比11.3%)
			case st.lastShare != "":
				name = st.lastShare + name // 实际采购金额10.31亿元，占全市的62.6%
			}
		}
		if containsAny(name, reportingWords) || hasPrefixAny(name, namePrepositions) && utf8.RuneCountInString(name) <= 3 {
			pos = q.End
			continue
		}
		if items, ok := b.eachShare(name); ok {
			for _, it := range items {
				b.level(st, c, q, it, q.Start)
			}
			pos = end
			continue
		}
		if name = b.shorten(name); name != "" {
			b.level(st, c, q, name, q.Start)
		}
		pos = end
	}
	b.fixedChanges(st, c, pos)
	if len(qs) == 0 {
		st.bare = b.clean(c.Start, c.End)
	} else {
		st.bare = ""
	}
	firstFigure := c.End
	if len(qs) > 0 {
		firstFigure = qs[0].Start
	}
	if p := b.governingIn(c, firstFigure); p != nil && p.Start < firstFigure {
		st.period = p
	}
	for i := searchStart(len(b.ps), func(i int) int { return b.ps[i].Start }, c.Start); st.headDate == nil && i < len(b.ps) && b.ps[i].Start < firstFigure; i++ {
		if p := &b.ps[i]; b.governs(p) && strings.TrimSpace(b.text[c.Start:p.Start]) == "" {
			st.headDate = p
		}
	}
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
	v := q.Value
	row := b.row(st, c, name, at)
	row.Value, row.Unit, row.Qualifier = &v, q.Unit, q.Qualifier
	b.add(st, row)
	st.lastShare = strings.TrimSuffix(name, "占比")
}

// growth binds the changes of list (one figure, or the figures of a
// 分别 list) to rows.
func (b *binder) growth(st *sentenceState, c govx.Span, list []govx.Quantity, sign float64, name string, each bool) {
	basis := b.basisAt(st, list[0].Start)
	set := func(k int, q govx.Quantity) {
		v := sign * q.Value
		row := &b.out[k]
		row.ChangePct, row.ChangeBasis = &v, basis
		if c.End > row.End {
			row.End = c.End
			row.Evidence = b.text[row.Start:row.End]
		}
	}
	fresh := func(name string, q govx.Quantity) {
		v := sign * q.Value
		row := b.row(st, c, name, q.Start)
		row.ChangePct, row.ChangeBasis = &v, basis
		b.add(st, row)
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
	if st.bare != "" {
		fresh(st.bare, list[0]) // 其中增幅较大的有发酵酒（增长87%）
		return
	}
	if k := b.previousRow(st); k >= 0 {
		set(k, list[0])
	}
}

// previousRow returns the row a nameless change belongs to: the last row
// of the sentence that is not itself a comparison (现价总量比同期增加73.5亿元),
// if it has no change yet and stands in this clause or the one before;
// -1 otherwise.
func (b *binder) previousRow(st *sentenceState) int {
	near := st.clause - 1
	for k := len(st.rows) - 1; k >= 0; k-- {
		row := &b.out[st.rows[k]]
		if strings.ContainsAny(row.Name, "比较") {
			near = st.rowClause[k] - 1
			continue
		}
		if row.ChangePct == nil && st.rowClause[k] >= near {
			return st.rows[k]
		}
		return -1
	}
	return -1
}

// fixedChanges binds 持平 and 翻番 in the rest of clause c from pos.
func (b *binder) fixedChanges(st *sentenceState, c govx.Span, pos int) {
	rest := b.text[pos:c.End]
	for _, f := range b.e.flat {
		i := strings.Index(rest, f.word)
		if i < 0 {
			continue
		}
		zero := 0.0
		if name := b.clean(pos, pos+i); name != "" {
			row := b.row(st, c, name, pos+i) // 工业用电量与上年同期持平
			row.ChangePct, row.ChangeBasis = &zero, f.basis
			b.add(st, row)
		} else if k := b.previousRow(st); k >= 0 {
			b.out[k].ChangePct, b.out[k].ChangeBasis = &zero, f.basis
		}
		return
	}
	for _, f := range b.e.fixed {
		i := strings.Index(rest, f.word)
		if i < 0 {
			continue
		}
		at := pos + i
		names := b.splitList(b.clean(pos, at), 0)
		if len(names) == 0 {
			if k := b.previousRow(st); k >= 0 {
				v := f.change
				b.out[k].ChangePct = &v
			}
			return
		}
		for _, n := range names {
			v := f.change
			row := b.row(st, c, n, at)
			row.ChangePct = &v
			b.add(st, row)
		}
		return
	}
}

// row starts a row for a figure at offset at in clause c.
func (b *binder) row(st *sentenceState, c govx.Span, name string, at int) govx.Indicator {
	subject, company := b.subjectAt(st, c, at)
	row := govx.Indicator{
		Span:     c,
		Sentence: st.index,
		Subject:  subject,
		Name:     name,
		Modality: b.modalityAt(st, c, at),
		Evidence: b.text[c.Start:c.End],
	}
	if b.speech(st, at) || b.undated(st, at) {
		company = true
	}
	switch p := b.governingIn(c, at); {
	case p != nil:
		row.Period = b.periodFor(p, name)
		if !company {
			st.date(p)
		}
	case company:
		// A company's or project's figure is dated only by its own clause.
	case st.period != nil:
		row.Period = b.periodFor(st.period, name)
		st.date(st.period)
	case b.hasPassage:
		row.Period = b.passage
		if row.Modality == govx.ModalityPlan || row.Modality == govx.ModalityTarget {
			// A plan or target made during a period is for the whole year.
			y := row.Period.End.Year
			row.Period = govx.DateRange{Start: govx.DateOf(y, 1, 1), End: govx.DateOf(y, 12, 31)}
		}
	}
	return row
}

// periodFor returns the dates p gives the figure named name: a stock at
// the end of a period (2022年末…贷款余额) is dated its last day, a flow in
// the last month of a quarter (一季度末，全市生猪出栏) the whole quarter.
func (b *binder) periodFor(p *govx.Period, name string) govx.DateRange {
	r := b.dateOf(p)
	pt := b.text[p.Start:p.End]
	if !hasSuffixAny(pt, periodEnds) || r.End.IsZero() {
		return r
	}
	switch {
	case containsAny(name, stockWords):
		r.Start = r.End
	case strings.Contains(pt, "季度") && p.Granularity == govx.GranularityMonth:
		r.Start = govx.DateOf(r.End.Year, r.End.Month-2, 1)
	}
	return r
}

// quoteAt returns the length in runes of the quotation “…” around offset
// at, or 0 when at is not quoted. A quotation with a clause or sentence
// end in it counts as long: it is speech.
func (b *binder) quoteAt(at int) int {
	i := searchStart(len(b.quotes), func(i int) int { return b.quotes[i].End }, at+1)
	if i < len(b.quotes) && b.quotes[i].Start < at {
		q := b.quotes[i].In(b.text)
		if strings.ContainsAny(q, "，,。；;！？!?") {
			return max(minSpeechRunes, utf8.RuneCountInString(q))
		}
		return utf8.RuneCountInString(q)
	}
	return 0
}

// findQuotes returns the spans of the quotations of text, from “ to ”.
func findQuotes(text string) []govx.Span {
	var out []govx.Span
	open := -1
	for i, r := range text {
		switch r {
		case '“':
			open = i
		case '”':
			if open >= 0 {
				out = append(out, govx.Span{Start: open, End: i + len("”")})
				open = -1
			}
		}
	}
	return out
}

// inSlogan reports whether offset at stands in a short quotation: a
// slogan or a name, whose figures are not indicators.
func (b *binder) inSlogan(at int) bool {
	n := b.quoteAt(at)
	return n > 0 && n < minSpeechRunes
}

// undated reports whether the figure at offset at belongs to no period
// but its own clause's: one expected after production starts, or one
// accumulated over a stated span (经过两年多发展).
func (b *binder) undated(st *sentenceState, at int) bool {
	before := b.text[st.span.Start:at]
	if containsAny(before, futureWords) {
		return true
	}
	for _, w := range cumulativeWords {
		i := strings.Index(before, w)
		if i < 0 {
			continue
		}
		for _, q := range b.quantitiesIn(govx.Span{Start: st.span.Start + i, End: at}) {
			if q.Kind == govx.KindDuration {
				return true
			}
		}
	}
	return false
}

// speech reports whether offset at stands in reported speech: inside a
// long quotation, or in a sentence headed by a person and a verb of saying.
func (b *binder) speech(st *sentenceState, at int) bool {
	if b.quoteAt(at) >= minSpeechRunes {
		return true
	}
	first := st.span.End
	if i := strings.IndexAny(b.text[st.span.Start:st.span.End], clauseSeps); i >= 0 {
		first = st.span.Start + i
	}
	for i := range b.es {
		e := &b.es[i]
		if e.Type == govx.EntityPer && e.Start >= st.span.Start && e.End <= first &&
			containsAny(b.text[e.End:first], speechVerbs) {
			return true
		}
	}
	return false
}

// date records that p dated a row of the sentence: it becomes the
// passage's reporting period. A period with only an end (截至2020年底)
// passes on as that day.
func (st *sentenceState) date(p *govx.Period) {
	r := p.Period
	if r.Start.IsZero() {
		r.Start = r.End
	}
	st.dated, st.wasDated = r, true
}

// dateOf returns the dates of p; a stock counted up to a date (截至3月末)
// is dated that day.
func (b *binder) dateOf(p *govx.Period) govx.DateRange {
	r := p.Period
	if r.Start.IsZero() {
		r.Start = r.End
	}
	return r
}

func (b *binder) add(st *sentenceState, row govx.Indicator) {
	st.rows = append(st.rows, len(b.out))
	st.rowClause = append(st.rowClause, st.clause)
	b.out = append(b.out, row)
}

// openRows returns the trailing rows of the sentence that have no change
// yet, oldest first, passing over comparisons.
func (b *binder) openRows(st *sentenceState) []int {
	var open []int
	for k := len(st.rows) - 1; k >= 0; k-- {
		row := &b.out[st.rows[k]]
		if strings.ContainsAny(row.Name, "比较") {
			continue
		}
		if row.ChangePct != nil {
			break
		}
		open = append([]int{st.rows[k]}, open...)
	}
	return open
}

// quantitiesIn returns the quantities inside c.
func (b *binder) quantitiesIn(c govx.Span) []govx.Quantity {
	i := searchStart(len(b.qs), func(i int) int { return b.qs[i].Start }, c.Start)
	var out []govx.Quantity
	for ; i < len(b.qs) && b.qs[i].Start < c.End; i++ {
		if b.qs[i].End <= c.End {
			out = append(out, b.qs[i])
		}
	}
	return out
}

// searchStart returns the first index whose start is at least off.
func searchStart(n int, start func(int) int, off int) int {
	lo, hi := 0, n
	for lo < hi {
		mid := (lo + hi) / 2
		if start(mid) < off {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// modifies reports whether q is a threshold inside the name of the figure
// next: 亿元以上产业项目21个, 超过10亿元以上的项目有5个.
func (b *binder) modifies(q, next govx.Quantity) bool {
	between := b.text[q.End:next.Start]
	if between == "" || strings.ContainsAny(between, "、，,") || utf8.RuneCountInString(between) > 12 {
		return false
	}
	if _, _, ok := b.e.growthBefore(between); ok {
		return false
	}
	if next.Kind != govx.KindCount || q.Kind == govx.KindCount {
		return false
	}
	qt := b.text[q.Start:q.End]
	return strings.HasSuffix(qt, "以上") || strings.HasSuffix(qt, "以下") || strings.HasPrefix(between, "的")
}

// nounAfter returns the noun a count is followed by (33个项目 → 项目), up
// to limit, and where it ends; "" when the count ends its phrase or is
// followed by a list.
func (b *binder) nounAfter(from, limit int) (string, int) {
	s := b.text[from:limit]
	end := len(s)
	for _, w := range b.e.nounStops {
		if i := strings.Index(s, w); i >= 0 && i < end {
			if w == "、" {
				return "", from
			}
			end = i
		}
	}
	noun := b.trimName(s[:end])
	if noun == "" || !hasLetter(noun) {
		return "", from
	}
	return noun, from + end
}

// shorten returns name, or its part after the last 的 when it is too long
// to be a name, or "".
func (b *binder) shorten(name string) string {
	if utf8.RuneCountInString(name) <= maxNameRunes {
		return name
	}
	if i := strings.LastIndex(name, "的"); i >= 0 {
		name = b.trimName(name[i+len("的"):])
	}
	if utf8.RuneCountInString(name) > maxNameRunes {
		return ""
	}
	return name
}

// personBefore reports whether a person is named in clause c before
// offset at: the figure is part of a story or a quote about them.
func (b *binder) personBefore(c govx.Span, at int) bool {
	for i := range b.es {
		if e := &b.es[i]; e.Type == govx.EntityPer && e.Start >= c.Start && e.End <= at {
			return true
		}
	}
	return false
}

// relativeNoun returns the noun of a figure that comes before its name
// (实现60%的乡镇通油路 → 乡镇通油路), or "".
func (b *binder) relativeNoun(from, limit int) string {
	s := b.text[from:limit]
	if !strings.HasPrefix(s, "的") {
		return ""
	}
	return b.trimName(s[len("的"):])
}

// eachShare splits 多晶硅片和单晶硅片各占 into one share name per item.
func (b *binder) eachShare(name string) ([]string, bool) {
	items, ok := strings.CutSuffix(name, eachShare)
	if !ok {
		return nil, false
	}
	list := b.splitList(items, 0)
	if len(list) < 2 {
		return nil, false
	}
	for i := range list {
		list[i] += "占比"
	}
	return list, true
}

// splitList splits a list of names at 、, and also at 和 and 及 when that
// is needed to give n names (n = 0: whatever the list has).
func (b *binder) splitList(s string, n int) []string {
	split := func(seps string) []string {
		var out []string
		for _, part := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(seps, r) }) {
			if part = b.trimName(part); part != "" {
				out = append(out, part)
			}
		}
		return out
	}
	out := split("、")
	if n == 0 && len(out) < 2 || n > 0 && len(out) != n {
		out = split("、和及")
	}
	return out
}

// governingIn returns the period that governs offset at in clause c: the
// last governing period of c before at, else the first after it; nil when
// c has none.
func (b *binder) governingIn(c govx.Span, at int) *govx.Period {
	var before, after *govx.Period
	for i := searchStart(len(b.ps), func(i int) int { return b.ps[i].Start }, c.Start); i < len(b.ps) && b.ps[i].Start < c.End; i++ {
		p := &b.ps[i]
		if p.End > c.End || !b.governs(p) {
			continue
		}
		if p.Start < at {
			before = p
		} else if after == nil {
			after = p
		}
	}
	if before != nil {
		return before
	}
	return after
}

// governs reports whether p can date a figure: it has an end date and is
// not the basis of a comparison (比2016年全年, 2015和2016年同期).
func (b *binder) governs(p *govx.Period) bool {
	if p.Period.End.IsZero() {
		return false
	}
	prev := lastRunes(b.text[:p.Start], 1)
	for _, w := range b.e.compare {
		if prev == w {
			return false
		}
	}
	after := b.text[p.End:]
	if strings.HasPrefix(after, "同期") {
		return false
	}
	for _, sep := range []string{"和", "、", "与", "及"} {
		if rest, ok := strings.CutPrefix(after, sep); ok {
			next := p.End + len(sep)
			for i := range b.ps {
				if b.ps[i].Start == next {
					return !strings.HasPrefix(b.text[b.ps[i].End:], "同期")
				}
			}
			_ = rest
		}
	}
	return true
}

// subjectAt returns whose figure stands at offset at in clause c, and
// whether that is a company or project (whose figures are dated only by
// their own clause): a company heading the clause or the sentence, a
// place heading the clause, else the article's region.
func (b *binder) subjectAt(st *sentenceState, c govx.Span, at int) (string, bool) {
	if e := b.headCompany(govx.Span{Start: c.Start, End: at}); e != nil {
		return nameOf(b.text, e), true
	}
	for i := range b.es {
		e := &b.es[i]
		if e.Type == govx.EntityLoc && e.Start >= c.Start && e.End <= at &&
			strings.TrimSpace(b.text[c.Start:e.Start]) == "" {
			return nameOf(b.text, e), false
		}
	}
	if st.company != nil {
		return nameOf(b.text, st.company), true
	}
	return b.region, false
}

func nameOf(text string, e *govx.Entity) string {
	if e.Normalized != "" {
		return e.Normalized
	}
	return text[e.Start:e.End]
}

// modalityAt returns the modality of the figure at offset at in clause c:
// the last modality word before it in its clause, else one right after it
// in its clause (500台将投入生产), else the last one earlier in the
// sentence, else actual.
func (b *binder) modalityAt(st *sentenceState, c govx.Span, at int) govx.Modality {
	if m := st.lastModality(c.Start, at, true); m != govx.ModalityNone {
		return m
	}
	if m := st.lastModality(at, min(c.End, b.figureEnd(at)+adjacentBytes), true); m != govx.ModalityNone {
		return m
	}
	if m := st.lastModality(st.span.Start, c.Start, false); m != govx.ModalityNone {
		return m
	}
	return govx.ModalityActual
}

// adjacentBytes is how far after a figure a modality word still belongs to
// it: 500台将投入生产, 500台也将.
const adjacentBytes = 2 * len("将")

// figureEnd returns the end of the quantity that starts at offset at, or
// at.
func (b *binder) figureEnd(at int) int {
	i := searchStart(len(b.qs), func(i int) int { return b.qs[i].Start }, at)
	if i < len(b.qs) && b.qs[i].Start == at {
		return b.qs[i].End
	}
	return at
}

// modalityHit is one modality word found in a sentence.
type modalityHit struct {
	span govx.Span
	word modalityWord
}

// modalityHits returns the modality words of sentence s in order,
// leaving out those inside a word that only looks like one (原计划).
func (b *binder) modalityHits(s govx.Span) []modalityHit {
	seg := b.text[s.Start:s.End]
	var hits []modalityHit
	for _, w := range b.e.modality {
		for off := 0; off < len(seg); {
			i := strings.Index(seg[off:], w.word)
			if i < 0 {
				break
			}
			i += off
			if !b.e.insideAny(seg, i, len(w.word), b.e.notMod) {
				hits = append(hits, modalityHit{govx.Span{Start: s.Start + i, End: s.Start + i + len(w.word)}, w})
			}
			off = i + len(w.word)
		}
	}
	sort.SliceStable(hits, func(i, j int) bool {
		if hits[i].span.Start != hits[j].span.Start {
			return hits[i].span.Start < hits[j].span.Start
		}
		return hits[i].span.End > hits[j].span.End
	})
	// Keep the longest of nested words (预期目标, not 预期), and drop a soft
	// plan that follows an estimate in its clause (预计…将).
	out := hits[:0]
	for _, h := range hits {
		if n := len(out); n > 0 {
			last := out[n-1]
			if last.span.Contains(h.span) {
				continue
			}
			if containsAny(h.word.word, softPlans) && containsAny(last.word.word, explicitEstimates) &&
				!strings.ContainsAny(b.text[last.span.End:h.span.Start], clauseSeps) {
				continue
			}
		}
		out = append(out, h)
	}
	return out
}

// lastModality returns the modality of the last modality word between
// from and to, or ModalityNone; clause says whether that stretch is the
// figure's own clause, where the clause-only words (目标) count too.
func (st *sentenceState) lastModality(from, to int, clause bool) govx.Modality {
	for k := len(st.mods) - 1; k >= 0; k-- {
		h := st.mods[k]
		if h.span.Start >= from && h.span.End <= to && (clause || !h.word.clauseOnly) {
			return h.word.modality
		}
	}
	return govx.ModalityNone
}

// basisAt returns the basis the last basis word before offset at gives,
// looking back to the start of the sentence or the last ；.
func (b *binder) basisAt(st *sentenceState, at int) govx.ChangeBasis {
	seg := b.text[st.span.Start:at]
	if i := strings.LastIndexAny(seg, segmentSeps); i >= 0 {
		seg = seg[i:]
	}
	best, basis := -1, govx.BasisNone
	for _, w := range b.e.basis {
		if i := strings.LastIndex(seg, w.word); i > best {
			best, basis = i, w.basis
		}
	}
	return basis
}

// clean returns the name text[from:to] as the gold writes it: without
// periods, leading connectives and whole-area words, reporting verbs and
// trailing particles.
func (b *binder) clean(from, to int) string {
	from = b.skipHead(from, to)
	if from >= to {
		return ""
	}
	var sb strings.Builder
	last := from
	for i := searchStart(len(b.ps), func(i int) int { return b.ps[i].Start }, from); i < len(b.ps) && b.ps[i].Start < to; i++ {
		p := b.ps[i]
		if p.End > to || p.Start < last {
			continue
		}
		sb.WriteString(b.text[last:p.Start])
		last = p.End
	}
	sb.WriteString(b.text[last:to])
	s := sb.String()
	for _, cut := range b.e.cuts {
		if i := strings.LastIndex(s, cut); i >= 0 {
			s = s[i+len(cut):]
		}
	}
	for _, w := range rateWords {
		if i := strings.LastIndex(s, w); i > 0 {
			for _, p := range ratePrefixes {
				if strings.HasSuffix(s[:i], p) {
					i -= len(p)
				}
			}
			s = s[i:]
		}
	}
	for _, a := range asides {
		if j := strings.Index(s, a[1]); j >= 0 {
			if i := strings.LastIndex(s[:j], a[0]); i >= 0 {
				s = s[:i] + s[j+len(a[1]):]
			}
		}
	}
	for _, w := range b.e.inner {
		s = strings.ReplaceAll(s, w, "")
	}
	return b.trimName(s)
}

// skipHead moves from past what heads a name without being part of it:
// spaces and separators, and the names of places and companies, which are
// the subject (西藏完成投资 → 完成投资).
func (b *binder) skipHead(from, to int) int {
	for moved := true; moved && from < to; {
		moved = false
		for _, sep := range []string{" ", "、", "\u3000", "“", "”"} {
			if strings.HasPrefix(b.text[from:to], sep) && sep != "“" {
				from, moved = from+len(sep), true
			}
		}
		for i := range b.es {
			if e := b.es[i]; e.Start == from && e.End < to && e.Type != govx.EntityPer {
				from, moved = e.End, true
			}
		}
	}
	return from
}

// trimName drops lead and tail words from s until none is left to drop.
func (b *binder) trimName(s string) string {
	for changed := true; changed && s != ""; {
		changed = false
		first, _ := utf8.DecodeRuneInString(s)
		for _, w := range b.e.lead[first] {
			if strings.HasPrefix(s, w) {
				s, changed = s[len(w):], true
				break
			}
		}
		// An opening quote without its closing one (or the reverse) is
		// left over from a quotation around the name.
		if strings.HasPrefix(s, "“") && !strings.Contains(s, "”") {
			s, changed = s[len("“"):], true
		}
		if strings.HasSuffix(s, "”") && !strings.Contains(s, "“") {
			s, changed = s[:len(s)-len("”")], true
		}
		last, _ := utf8.DecodeLastRuneInString(s)
		for _, w := range b.e.tail[last] {
			if strings.HasSuffix(s, w) {
				s, changed = s[:len(s)-len(w)], true
				break
			}
		}
	}
	if !hasLetter(s) {
		return ""
	}
	return s
}

// growthBefore reports whether head ends with a growth verb (after the
// fillers 了, 达到, 分别 …), with the verb's offset in head and its sign.
func (e *Extractor) growthBefore(head string) (int, float64, bool) {
	s := head
	for changed := true; changed; {
		changed = false
		for _, f := range e.fillers {
			if strings.HasSuffix(s, f) {
				s, changed = s[:len(s)-len(f)], true
			}
		}
	}
	for _, g := range e.growth {
		if strings.HasSuffix(s, g.word) {
			return len(s) - len(g.word), g.sign, true
		}
	}
	return 0, 0, false
}

// isJoiner reports whether s only joins two figures of a list.
func (e *Extractor) isJoiner(s string) bool {
	for _, j := range e.joiners {
		if s == j {
			return true
		}
	}
	return false
}

// isThreshold reports whether the clause text before a figure makes it a
// threshold: 位于50%以上, 连续4个月保持在54%以上.
func (e *Extractor) isThreshold(before string) bool {
	s := strings.TrimRight(before, " ")
	for _, w := range []string{"都", "均", "也", "仍", "还"} {
		s = strings.TrimSuffix(s, w)
	}
	for _, w := range e.threshold {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return strings.Contains(before, "连续")
}

// skipUnit reports whether u counts phases or batches.
func (e *Extractor) skipUnit(u govx.Unit) bool {
	for _, s := range skipUnits {
		if u == s {
			return true
		}
	}
	return false
}

// isAgency reports whether an organization name is a reporting body.
func (e *Extractor) isAgency(name string) bool {
	for _, w := range e.agencies {
		if strings.HasSuffix(name, w) {
			return true
		}
	}
	return false
}

// insideAny reports whether the word at s[i:i+n] lies inside an
// occurrence of one of words.
func (e *Extractor) insideAny(s string, i, n int, words []string) bool {
	for _, w := range words {
		for from := max(0, i+n-len(w)); from <= i && from < len(s); from++ {
			if strings.HasPrefix(s[from:], w) && from+len(w) >= i+n {
				return true
			}
		}
	}
	return false
}

func hasPrefixAny(s string, words []string) bool {
	for _, w := range words {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

func hasSuffixAny(s string, words []string) bool {
	for _, w := range words {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// lastRune returns the last rune of s, or 0.
func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// lastRunes returns the last n runes of s.
func lastRunes(s string, n int) string {
	i := len(s)
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}

// hasLetter reports whether s has a letter or an ideograph.
func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}
