package indicator

// The context of a figure: the period that governs it, whose figure it is,
// its modality and the basis of its change.

import (
	"slices"
	"strings"
	"unicode/utf8"

	"govx"
)

// firstHeadPeriod returns the first period of the article that heads a
// clause: the reporting period of a headline that comes before any date
// (苏州高新区投资120亿开展20个重点项目 … 3月25日，…).
func (b *binder) firstHeadPeriod() *govx.Period {
	for i := range b.ps {
		p := &b.ps[i]
		if !b.governsAt(i) || p.Period.Start.IsZero() {
			continue
		}
		if before := lastRune(b.text[:p.Start]); p.Start == 0 || isClauseSep(before) || before == ' ' {
			return p
		}
	}
	return nil
}

// firstClauseEnd returns where the first clause of sentence s ends.
func (b *binder) firstClauseEnd(s govx.Span) int {
	seps := b.hits[tClause]
	if k := b.firstSep.seekHit(seps, s.Start); k < len(seps) && seps[k].end <= s.End {
		return seps[k].start // a separator is one character: it ends in s if it starts there
	}
	return s.End
}

// sentenceCompany finds the company or project sentence st is about: one
// that heads its first clause, else the paragraph's, unless the sentence
// names a place or a whole area and so returns to the region.
func (b *binder) sentenceCompany(st *sentenceState) {
	// A line break since the last sentence starts a new paragraph.
	if b.scanned < st.span.Start && strings.IndexByte(b.text[b.scanned:st.span.Start], '\n') >= 0 {
		b.company = nil
	}
	b.scanned = st.span.Start
	st.firstEnd = b.firstClauseEnd(st.span)
	first := st.firstEnd
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
		return off == s.Start || isClauseSep(lastRune(b.text[:off]))
	}
	es := b.entitiesIn(s)
	for i := range es {
		if e := &es[i]; e.Type == govx.EntityLoc && s.Contains(e.Span) && heads(e.Start) {
			return true
		}
	}
	if i := searchInts(b.pStarts, s.Start); i < len(b.ps) && b.ps[i].Start == s.Start {
		return true
	}
	// The clauses start at s.Start and after each separator.
	startsWith := func(off int) bool {
		rest := b.text[off:s.End]
		return hasPrefixAny(rest, headSubjects) || b.region != "" && strings.HasPrefix(rest, b.region)
	}
	if startsWith(s.Start) {
		return true
	}
	seps := b.hits[tClause]
	for k := searchHit(seps, s.Start); k < len(seps) && seps[k].end < s.End; k++ {
		if startsWith(seps[k].end) {
			return true
		}
	}
	return false
}

// maxHeadBytes bounds where the subject heading a clause may start: 30
// characters in, after the figure it qualifies (总投资20亿元的哈电储能…项目).
const maxHeadBytes = 90

// headCompany returns the company or project that heads clause c: it
// starts the clause or follows its 的 (总投资20亿元的哈电储能…项目), and is
// not one item of a list (三菱树脂、横滨轮胎等7个外资项目).
func (b *binder) headCompany(c govx.Span) *govx.Entity {
	es := b.entitiesIn(govx.Span{Start: c.Start, End: min(c.End, c.Start+maxHeadBytes)})
	for i := range es {
		e := &es[i]
		if e.End > c.End {
			continue
		}
		if e.Type != govx.EntityProject && (e.Type != govx.EntityOrg || b.e.isAgency(b.text[e.Start:e.End])) {
			continue
		}
		before := trimSpace(b.text[c.Start:e.Start])
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

// isStock reports whether the figure at offset at in clause c, named
// name, is held at a date rather than counted over a period: a balance
// (贷款余额, 生猪存栏) or what a place has (年末共有…企业7816家).
func (b *binder) isStock(name string, c govx.Span, at int) bool {
	// The verb stands in the name's reach, so a long clause is not searched
	// again for each of its figures.
	from := max(c.Start, at-maxNameRunes*utf8.UTFMax)
	return b.nameFacts(name)&(1<<factStock) != 0 || anyIn(b.hits[tStock], from, at) || b.heldCount(from, at)
}

// heldCount reports whether the figure at offset at counts what a place
// has (企业213家, 会员2.3万户) rather than what was added over a period:
// its unit is one of stockCountUnits and no word of countFlows stands in
// text[from:at] (新增17家).
func (b *binder) heldCount(from, at int) bool {
	i, ok := slices.BinarySearchFunc(b.qs, at, func(q govx.Quantity, at int) int { return q.Start - at })
	if !ok || !slices.Contains(stockCountUnits, b.qs[i].SurfaceUnit) {
		return false
	}
	return !containsAny(b.text[from:at], countFlows)
}

// periodFor returns the dates p gives a figure, a stock or not: a stock
// at the end of a period (2022年末…贷款余额) is dated its last day, a flow
// in the last month of a quarter (一季度末，全市生猪出栏) the whole quarter.
func (b *binder) periodFor(p *govx.Period, stock bool) govx.DateRange {
	r := b.dateOf(p)
	pt := b.text[p.Start:p.End]
	if !hasSuffixAny(pt, periodEnds) || r.End.IsZero() {
		return r
	}
	switch {
	case stock:
		r.Start = r.End
	case strings.Contains(pt, "季度") && p.Granularity == govx.GranularityMonth:
		r.Start = govx.DateOf(r.End.Year, r.End.Month-2, 1)
	}
	return r
}

// quoteAt reports whether offset at stands in a quotation “…”, and
// whether that quotation is long: of minSpeechRunes or more, or with a
// clause or sentence end in it (speechMarks). A long one is speech.
func (b *binder) quoteAt(at int) (quoted, long bool) {
	i := searchEnds(b.quotes, at+1)
	if i < len(b.quotes) && b.quotes[i].Start < at {
		return true, b.quotes[i].long
	}
	return false, false
}

// speechMarks are the clause and sentence ends that make a quotation
// speech, whatever its length. All are clause separators.
const speechMarks = "，,。；;！？!?"

// quotation is a quotation “…” of the text, from “ to ”, and whether it
// is long (see quoteAt).
type quotation struct {
	govx.Span
	long bool
}

// findQuotes returns the quotations of the text in dst's storage.
func (b *binder) findQuotes(dst []quotation) []quotation {
	out := dst[:0]
	open := -1
	for _, h := range b.hits[tQuote] {
		switch quoteMarks[h.entry] {
		case "“":
			open = h.start
		case "”":
			if open >= 0 {
				q := quotation{Span: govx.Span{Start: open, End: h.end}}
				q.long = hasRunes(q.In(b.text), minSpeechRunes) || b.speechMarkIn(q.Span)
				out = append(out, q)
				open = -1
			}
		}
	}
	return out
}

// speechMarkIn reports whether one of speechMarks stands in s, looking
// among the clause separators.
func (b *binder) speechMarkIn(s govx.Span) bool {
	seps := b.hits[tClause]
	for k := searchHit(seps, s.Start); k < len(seps) && seps[k].start < s.End; k++ {
		if b.e.speechSeps[seps[k].entry] && seps[k].end <= s.End {
			return true
		}
	}
	return false
}

// inSlogan reports whether offset at stands in a short quotation: a
// slogan or a name, whose figures are not indicators.
func (b *binder) inSlogan(at int) bool {
	quoted, long := b.quoteAt(at)
	return quoted && !long
}

// undated reports whether the figure at offset at belongs to no period
// but its own clause's: one expected after production starts, or one
// accumulated over a stated span (经过两年多发展).
func (b *binder) undated(st *sentenceState, at int) bool {
	if st.futureAt >= 0 && st.futureAt < at {
		return true
	}
	if st.cumulativeAt < 0 || st.cumulativeAt >= at {
		return false
	}
	// The duration comes right after the word: 经过两年多发展.
	i := searchInts(b.qStarts, st.cumulativeAt)
	return i < len(b.qs) && b.qs[i].Start < at && b.qs[i].Kind == govx.KindDuration
}

// speech reports whether offset at stands in reported speech: inside a
// long quotation, or in a sentence headed by a person and a verb of saying.
func (b *binder) speech(st *sentenceState, at int) bool {
	if _, long := b.quoteAt(at); long {
		return true
	}
	if st.said == 0 { // the sentence's head, looked at once
		st.said = 2
		first := st.firstEnd
		es := b.entitiesIn(govx.Span{Start: st.span.Start, End: first})
		for i := range es {
			e := &es[i]
			if e.Type == govx.EntityPer && e.End <= first &&
				anyIn(b.hits[tSpeech], e.End, first) {
				st.said = 1
				break
			}
		}
	}
	return st.said == 1
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

// namesEvent reports whether period p, inside clause c, is part of the
// name of an event: it stands in the object of a verb (举行2024年第二季度重大
// 项目集中签约仪式; this needs the segmenter's tags), or in the subject of a
// clause that says the event took place (开发区第二季度重大项目集中签约活动举行).
// Such a period dates nothing after it.
func (b *binder) namesEvent(c govx.Span, p *govx.Period) bool {
	after := trimSpace(b.text[p.End:c.End])
	if after == "" || trimSpace(b.text[c.Start:p.Start]) == "" {
		return false
	}
	if held, ok := cutSuffixAny(after, eventHeld); ok && hasSuffixAny(trimSuffixAny(held, eventAdverbs), eventNouns) {
		return true
	}
	i := searchTokens(b.toks, p.Start) - 1
	return i >= 0 && b.toks[i].End == p.Start && b.toks[i].Start >= c.Start && strings.HasPrefix(b.toks[i].Pos, "v")
}

// vagueBefore reports whether the last period before offset at in the
// sentence is a vague one (近日, 目前): the figure is undated, whatever the
// passage's period. Without a reference date, relative words (今年) are
// vague too, and say nothing of the kind.
func (b *binder) vagueBefore(st *sentenceState, at int) bool {
	if !b.dated {
		return false
	}
	i := b.pTo.seek(b.pStarts, at) - 1
	if i < 0 || b.ps[i].Start < st.span.Start {
		return false
	}
	p := &b.ps[i]
	return p.Granularity == govx.GranularityVague && p.Period.End.IsZero() && p.End <= at
}

// governingIn returns the period that governs offset at in clause c: the
// last governing period of c before at, else the first after it; nil when
// c has none.
func (b *binder) governingIn(c govx.Span, at int) *govx.Period {
	first := b.pFrom.seek(b.pStarts, c.Start)
	mid := b.pTo.seek(b.pStarts, at)
	for i := mid - 1; i >= first; i-- { // the nearest before at
		if p := &b.ps[i]; p.End <= c.End && b.governsAt(i) {
			return p
		}
	}
	for i := max(mid, first); i < len(b.ps) && b.ps[i].Start < c.End; i++ { // the nearest after
		if p := &b.ps[i]; p.End <= c.End && b.governsAt(i) {
			return p
		}
	}
	return nil
}

// governs reports whether p can date a figure: it has an end date and is
// not the basis of a comparison (比2016年全年, 2015和2016年同期, 是2020年末
// 的2.3倍).
func (b *binder) governs(p *govx.Period) bool {
	if p.Period.End.IsZero() || hasSuffixAny(lastRunes(b.text[:p.Start], 1), b.e.compare) || b.multipleOf(p) {
		return false
	}
	// The basis may be a list of periods: 2015和2016年同期.
	for q := p; q != nil; q = b.periodAfterJoiner(q) {
		if strings.HasPrefix(b.text[q.End:], "同期") {
			return false
		}
	}
	return true
}

// multipleOf reports whether p is the base of a multiple (是2020年末的
// 2.3倍): a figure of p's time compared with, not dated by it.
func (b *binder) multipleOf(p *govx.Period) bool {
	at := p.End + len("的")
	if !strings.HasPrefix(b.text[p.End:], "的") {
		return false
	}
	i := searchInts(b.qStarts, at)
	return i < len(b.qs) && b.qs[i].Start == at && b.qs[i].Unit == govx.UnitMultiple
}

// governsAt reports whether b.ps[i] governs (see governs), worked out
// once per period of the article.
func (b *binder) governsAt(i int) bool {
	if b.governing[i] == 0 {
		b.governing[i] = 2
		if b.governs(&b.ps[i]) {
			b.governing[i] = 1
		}
	}
	return b.governing[i] == 1
}

// periodAfterJoiner returns the period that follows p after a joiner
// (2015和2016年), or nil.
func (b *binder) periodAfterJoiner(p *govx.Period) *govx.Period {
	for _, j := range periodJoiners {
		if !strings.HasPrefix(b.text[p.End:], j) {
			continue
		}
		next := p.End + len(j)
		if i := searchInts(b.pStarts, next); i < len(b.ps) && b.ps[i].Start == next {
			return &b.ps[i]
		}
	}
	return nil
}

// subjectAt returns whose figure stands at offset at in clause c, and
// whether that is a company or project (whose figures are dated only by
// their own clause): a company or place heading the clause, the company
// of the sentence, a place heading the sentence, else the article's region.
// A place heading a clause is remembered for the later clauses of the
// sentence.
func (b *binder) subjectAt(st *sentenceState, c govx.Span, at int) (string, bool) {
	if e := b.headCompany(govx.Span{Start: c.Start, End: at}); e != nil {
		return nameOf(b.text, e), true
	}
	if e := b.headPlace(govx.Span{Start: c.Start, End: at}); e != nil {
		st.place = e // 其中阳新签约18个项目，签约金额达126.4亿元
		return nameOf(b.text, e), false
	}
	if st.place != nil {
		return nameOf(b.text, st.place), false
	}
	if st.company != nil {
		return nameOf(b.text, st.company), true
	}
	if e := b.speaker(at); e != nil {
		return nameOf(b.text, e), true
	}
	if e := b.headPlace(govx.Span{Start: st.span.Start, End: min(at, st.firstEnd)}); e != nil {
		return nameOf(b.text, e), false // 半导体及通信产业园经过两年多发展，…培育了1家准上市公司
	}
	return b.region, false
}

// maxSpeakerBytes bounds how far after a quotation its speaker is looked
// for.
const maxSpeakerBytes = 300

// speaker returns the company whose words a long quotation around offset
// at reports: the first one named after it in its paragraph (“我们年产目标
// 是5万吨…”走进…的镇江龙源铝业有限公司), or nil.
func (b *binder) speaker(at int) *govx.Entity {
	i := searchEnds(b.quotes, at+1)
	if i == len(b.quotes) || b.quotes[i].Start >= at || !b.quotes[i].long {
		return nil
	}
	end := min(len(b.text), b.quotes[i].End+maxSpeakerBytes)
	if k := strings.IndexByte(b.text[b.quotes[i].End:end], '\n'); k >= 0 {
		end = b.quotes[i].End + k
	}
	es := b.entitiesIn(govx.Span{Start: b.quotes[i].End, End: end})
	for k := range es {
		if e := &es[k]; e.Type == govx.EntityProject || e.Type == govx.EntityOrg && !b.e.isAgency(b.text[e.Start:e.End]) {
			return e
		}
	}
	return nil
}

// headPlace returns the place that starts the text of s, after connectives
// (其中阳新签约18个项目), or nil.
func (b *binder) headPlace(s govx.Span) *govx.Entity {
	es := b.entitiesIn(govx.Span{Start: s.Start, End: min(s.End, s.Start+maxHeadBytes)})
	for i := range es {
		e := &es[i]
		if e.Type == govx.EntityLoc && e.End <= s.End && b.trimName(b.text[s.Start:e.Start]) == "" {
			return e
		}
	}
	return nil
}

func nameOf(text string, e *govx.Entity) string {
	return text[e.Start:e.End]
}

// modalityAt returns the modality of the figure at offset at in clause c:
// the last modality word before it in its clause, else one right after it
// in its clause (500台将投入生产), else the last one earlier in the
// sentence, else actual.
func (b *binder) modalityAt(st *sentenceState, c govx.Span, at int) govx.Modality {
	if h := st.lastModalityHit(c.Start, at, true); h != nil {
		from := h.span.End
		if k := b.qAt.seek(b.qStarts, at) - 1; k >= 0 && b.qs[k].End > from && b.qs[k].End <= at {
			from = b.qs[k].End // only what stands between the figure and the one before
		}
		if anyIn(b.hits[tPresent], from, at) {
			return govx.ModalityActual // 将从目前5个多小时缩短至…
		}
		return h.word.modality
	}
	if m := st.lastModality(at, min(c.End, b.figureEnd(at)+adjacentBytes), true); m != govx.ModalityNone {
		return m
	}
	// A clause headed by a company or project starts a statement of its
	// own: 拟投资8亿元；赣州华坚…项目总投资6.2亿元 is no plan.
	if m := st.lastModality(st.span.Start, c.Start, false); m != govx.ModalityNone && b.headCompany(c) == nil {
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
	i := b.qAt.seek(b.qStarts, at)
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

// modalityHits returns the modality words of sentence s in order, in
// dst's storage,
// leaving out those inside a word that only looks like one (原计划).
func (b *binder) modalityHits(dst []modalityHit, s govx.Span) []modalityHit {
	hits := dst[:0] // in order of start, the longest first at one start
	mods := b.hits[tModality]
	for k := searchHit(mods, s.Start); k < len(mods) && mods[k].start < s.End; k++ {
		if h := mods[k]; h.end <= s.End && !b.notModality(s, h) {
			hits = append(hits, modalityHit{govx.Span{Start: h.start, End: h.end}, b.e.modality[h.entry]})
		}
	}
	// Keep the longest of nested words (预期目标, not 预期), and drop a soft
	// plan that follows an estimate in its clause (预计…将), or in a clause
	// before with no figure between them: that estimate introduces what
	// follows (预计到2027年，装机规模将达到…).
	out := hits[:0]
	for _, h := range hits {
		if n := len(out); n > 0 {
			last := out[n-1]
			if last.span.Contains(h.span) {
				continue
			}
			if containsAny(h.word.word, softPlans) && containsAny(last.word.word, explicitEstimates) &&
				(!anyIn(b.hits[tClause], last.span.End, h.span.Start) || !b.figureIn(last.span.End, h.span.Start)) {
				continue
			}
		}
		out = append(out, h)
	}
	return out
}

// figureIn reports whether a quantity starts between from and to.
func (b *binder) figureIn(from, to int) bool {
	i := searchInts(b.qStarts, from)
	return i < len(b.qs) && b.qs[i].Start < to
}

// notModality reports whether the modality word h lies inside a word of
// sentence s that only looks like one (原计划).
func (b *binder) notModality(s govx.Span, h hit) bool {
	nots := b.hits[tNotMod]
	for k := searchHit(nots, max(s.Start, h.end-b.e.maxNotMod)); k < len(nots) && nots[k].start <= h.start; k++ {
		if nots[k].end >= h.end && nots[k].end <= s.End {
			return true
		}
	}
	return false
}

// lastModality returns the modality of the last modality word between
// from and to, or ModalityNone; clause says whether that stretch is the
// figure's own clause, where the clause-only words (目标) count too.
func (st *sentenceState) lastModality(from, to int, clause bool) govx.Modality {
	if h := st.lastModalityHit(from, to, clause); h != nil {
		return h.word.modality
	}
	return govx.ModalityNone
}

// lastModalityHit returns the last modality word between from and to, or
// nil; see lastModality.
func (st *sentenceState) lastModalityHit(from, to int, clause bool) *modalityHit {
	k := searchBefore(len(st.mods), to, func(k int) int { return st.mods[k].span.Start })
	for ; k >= 0 && st.mods[k].span.Start >= from; k-- {
		h := &st.mods[k]
		if h.span.End <= to && (clause || !h.word.clauseOnly) {
			return h
		}
	}
	return nil
}

// basisAt returns the basis the last basis word before offset at gives,
// looking back to the start of the sentence or the last ；.
func (b *binder) basisAt(st *sentenceState, at int) govx.ChangeBasis {
	segStart := st.span.Start
	if k := searchInts(st.segCuts, at) - 1; k >= 0 {
		segStart = st.segCuts[k]
	}
	j := searchBefore(len(st.bases), at, func(j int) int { return st.bases[j].span.Start })
	for ; j >= 0 && st.bases[j].span.Start >= segStart; j-- {
		if st.bases[j].span.End <= at {
			return st.bases[j].basis
		}
	}
	return govx.BasisNone
}

// basisHit is one basis word found in a sentence.
type basisHit struct {
	span  govx.Span
	basis govx.ChangeBasis
}

// scanSentence finds, in one pass over sentence st, what the rules look
// up many times in it: the basis words, the ends of the stretches they
// reach, and the first future and cumulative words.
func (b *binder) scanSentence(st *sentenceState) {
	s := st.span
	st.futureAt, st.cumulativeAt = -1, -1
	if k := first(b.hits[tFuture], s.Start, s.End); k >= 0 {
		st.futureAt = b.hits[tFuture][k].start
	}
	if k := first(b.hits[tCumulative], s.Start, s.End); k >= 0 {
		st.cumulativeAt = b.hits[tCumulative][k].start
	}
	cuts := b.hits[tSegment]
	for k := searchHit(cuts, s.Start); k < len(cuts) && cuts[k].start < s.End; k++ {
		if cuts[k].end <= s.End {
			st.segCuts = append(st.segCuts, cuts[k].start)
		}
	}
	bases := b.hits[tBasis]
	for k, taken := searchHit(bases, s.Start), -1; k < len(bases) && bases[k].start < s.End; k++ {
		// The longest word that fits in the sentence, at each start.
		if h := bases[k]; h.end <= s.End && h.start != taken {
			st.bases = append(st.bases, basisHit{govx.Span{Start: h.start, End: h.end}, b.e.basis[h.entry].basis})
			taken = h.start
		}
	}
}
