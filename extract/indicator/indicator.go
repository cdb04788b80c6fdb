// Package indicator binds what the earlier extractors found into the
// facts an analyst came for: one row per reported figure of an indicator,
// with its subject, name, period, level, growth and modality.
//
// It runs last. It reads the quantities, periods and entities already in
// govx.Mentions and the article's region, and walks each sentence clause by
// clause (clauses end at ，；：。 and at brackets that hold a figure):
//
//   - a percentage after a growth verb (增长, 下降, 回落 …) is a change; one
//     without a name of its own belongs to the row before it in the
//     sentence (一般公共预算收入完成2.58亿元，同比增长57.73%), unless it has a
//     period or modality of its own; 同比分别增长14.2%和10.3% hands its
//     figures to the rows before it, and one name with 分别 and several
//     figures gives a row per figure; a second change against another
//     basis (同比增长9.8%，环比增长4.1%) is a row of its own; 持平 is a
//     change of 0, 翻番 of 100, and 增长1.5倍 of 150; a clause that only
//     says how figures are counted (按可比价格计算, 分产业看) names nothing;
//   - percentage points are rows only after 拉动 (拉动GDP增长1.1个百分点);
//     otherwise they compare growth rates and are left out;
//   - any other figure is a level. Its name is the text before it in the
//     clause without periods, whole-area words (全市), reporting verbs
//     (实现, 完成), modality and basis words; a count takes the noun after
//     it (签约33个项目 → 签约项目, up to a space in a headline); an absolute
//     change is named and dated after the figure it changes (户籍人口减少);
//     a threshold stays inside the name
//     (新签约亿元以上产业项目21个); a share takes the name it is a share of
//     (实际采购金额…，占全市的62.6%);
//   - not indicators: durations (but 通行时间 and the like are), thresholds
//     and definitions (位于50%以上), a policy's parameters (给予30万元奖励),
//     the figures of a slogan or of a story about a person, survey samples,
//     a document's articles, addresses and phases (建设路88号, 分三期), and
//     the base of a partition (20个项目中有5个…) or the share of a group
//     the next figure is about (三成以上的茶农人均增收三千元); a clause opening
//     with 对 sets a policy's condition, unless a trading partner follows
//     (对美国进出口);
//   - the period is the nearest governing one: in the clause, else one that
//     heads an earlier clause of the sentence, else the passage's reporting
//     period (the last period that dated a row, or headed a sentence without
//     rows). A period after 比 or before 同期 is a comparison and governs
//     nothing, nor does one inside the object of a verb once a date heads
//     the sentence (5月15日，…举行2024年第二季度…签约仪式). A vague period
//     (近日, 目前) before a figure leaves it undated. Figures of a company
//     or project, after production starts (达产后) or accumulated over a
//     stated span take only their own clause's period; reported speech
//     takes its sentence's, not the passage's. A stock at the end of a
//     period (2022年末贷款余额, 年末共有…企业) is dated its last day;
//   - the modality is set by the last modality word before the figure in
//     its clause, else right after it (500台将投入生产), else earlier in the
//     sentence, so one 预计 governs a whole list, but not a clause headed by
//     a company or project of its own;
//   - the subject is the company or project heading the clause, sentence or
//     paragraph (or named after a long quotation), a place heading the
//     clause or sentence, else the article's region.
//
// Every lookup is done once per article, sentence or clause, so the time
// grows linearly with the text, however long its sentences. The words of
// the tables that sentences and clauses ask about (basis, modality and
// policy words, clause separators, quotation marks …) are found in one pass
// over the article, and a clause looks them up among those hits; lookups
// made in text order walk on (or back) from the last one. An Extractor
// keeps the buffers of one article for the next, so that binding allocates
// little beyond the rows it returns. On the shared corpus (9 articles,
// 64 KB) it takes about 0.33 ms of CPU per pass (BenchmarkCorpus, and
// BenchmarkPipelineMentions with the mentions the pipeline finds).
//
// The words of each rule are tables in words.go; lexicon.go finds them,
// binder.go walks the sentences, context.go finds a figure's period,
// subject, modality and basis, names.go its name.
package indicator

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"govx"
	"govx/extract"
)

// Extractor finds indicators. It is safe for concurrent use.
type Extractor struct {
	growthTail affixIndex         // growthVerbs by their last characters
	growthSign map[string]float64 // the sign of each of growthVerbs
	fillers    []string
	joiners    []string
	fixed      []fixedChange  // the entries of the tFixed hits
	flat       []basisWord    // the entries of the tFlat hits
	basis      []basisWord    // the entries of the tBasis hits
	modality   []modalityWord // the entries of the tModality hits
	notMod     []string
	maxNotMod  int      // the length of the longest of notMod
	seps       []string // clauseSeps, the entries of the tClause hits
	opens      []bool   // by entry of seps: an opening bracket
	closes     []bool   // by entry of seps: a closing bracket
	speechSeps []bool   // by entry of seps: one of speechMarks
	lex        lexicon  // the words of the tables each article is scanned for once
	threshold  []string
	compare    []string
	lead       affixIndex // leadWords by their first characters
	tail       affixIndex // tailWords by their last characters
	inner      []string
	cuts       []string
	nounStops  []string
	agencies   []string

	nameFacts lexicon // stockWords and reportingWords, looked for in names (see binder.nameFacts)
	nameWords lexicon // the words clean looks for in a name: nameCuts, rateWords, the ends of asides, innerWords

	// The last bytes of the words of lists tested against the ends of
	// strings, which rule most strings out at once.
	fillerEnds, thresholdEnds, adverbEnds, agencyEnds, toVerbEnds, skipUnitEnds endSet

	binders sync.Pool // of *binder, whose buffers are reused from article to article
}

var _ extract.Extractor = (*Extractor)(nil)

// New builds an Extractor from the word tables.
func New() (*Extractor, error) {
	e := &Extractor{
		growthSign: make(map[string]float64, len(growthVerbs)),
		fillers:    byLength(growthFillers, ident),
		joiners:    byLength(listJoiners, ident),
		fixed:      byLength(fixedChanges, func(w fixedChange) string { return w.word }),
		flat:       byLength(flatPhrases, func(w basisWord) string { return w.word }),
		basis:      byLength(basisWords, func(w basisWord) string { return w.word }),
		modality:   byLength(modalityWords, func(w modalityWord) string { return w.word }),
		notMod:     byLength(notModality, ident),
		seps:       strings.Split(clauseSeps, ""),
		threshold:  byLength(thresholdContexts, ident),
		compare:    byLength(comparisonMarks, ident),
		inner:      byLength(innerWords, ident),
		cuts:       byLength(nameCuts, ident),
		nounStops:  byLength(nounStops, ident),
		agencies:   byLength(agencySuffixes, ident),
	}
	for _, list := range [][]string{e.fillers, e.joiners, e.notMod, e.threshold, e.compare,
		leadWords, tailWords, e.inner, e.cuts, e.nounStops, e.agencies, shareWords, pullWords,
		stockWords, reportingWords, rateWords} {
		for _, w := range list {
			if w == "" || !utf8.ValidString(w) {
				return nil, fmt.Errorf("indicator: word table: bad word %q", w)
			}
		}
	}
	for _, w := range e.notMod {
		e.maxNotMod = max(e.maxNotMod, len(w))
	}
	for _, t := range []struct {
		table table
		words []string
	}{
		{tBasis, keys(e.basis, func(w basisWord) string { return w.word })},
		{tFuture, futureWords},
		{tCumulative, cumulativeWords},
		{tModality, keys(e.modality, func(w modalityWord) string { return w.word })},
		{tNotMod, e.notMod},
		{tFlat, keys(e.flat, func(w basisWord) string { return w.word })},
		{tFixed, keys(e.fixed, func(w fixedChange) string { return w.word })},
		{tPolicy, policyWords},
		{tRun, runWords},
		{tSegment, strings.Split(segmentSeps, "")},
		{tClause, e.seps},
		{tQuote, quoteMarks[:]},
		{tStock, stockVerbs},
		{tSpeech, speechVerbs},
		{tPresent, presentWords},
	} {
		for _, w := range t.words {
			if w == "" || !utf8.ValidString(w) {
				return nil, fmt.Errorf("indicator: word table %d: bad word %q", t.table, w)
			}
		}
		e.lex.add(t.table, t.words)
	}
	e.nameFacts.add(factStock, stockWords)
	e.nameFacts.add(factReporting, reportingWords)
	e.opens, e.closes, e.speechSeps = make([]bool, len(e.seps)), make([]bool, len(e.seps)), make([]bool, len(e.seps))
	for i, sep := range e.seps {
		e.opens[i] = sep == "（" || sep == "("
		e.closes[i] = sep == "）" || sep == ")"
		e.speechSeps[i] = strings.Contains(speechMarks, sep)
	}
	for _, r := range speechMarks {
		if !strings.ContainsRune(clauseSeps, r) {
			return nil, fmt.Errorf("indicator: speech mark %q is no clause separator", r)
		}
	}
	e.lead.add(leadWords, false)
	e.tail.add(tailWords, true)
	e.nameWords.add(nameCut, nameCuts)
	e.nameWords.add(nameRate, rateWords)
	e.nameWords.add(nameInner, innerWords)
	for _, a := range asides {
		if a[0] == "" || a[1] == "" || !utf8.ValidString(a[0]+a[1]) {
			return nil, fmt.Errorf("indicator: word table: bad aside %q", a)
		}
		e.nameWords.add(nameAside, a[1:]) // no aside without its closing word
	}
	e.fillerEnds, e.thresholdEnds, e.agencyEnds, e.toVerbEnds = endsOf(e.fillers), endsOf(e.threshold), endsOf(e.agencies), endsOf(toVerbs)
	e.adverbEnds = endsOf(thresholdAdverbs)
	e.skipUnitEnds = endsOf(keys(skipUnits, func(u govx.Unit) string { return string(u) }))
	for _, w := range growthVerbs {
		if _, ok := e.growthSign[w.word]; ok || w.word == "" || !utf8.ValidString(w.word) {
			return nil, fmt.Errorf("indicator: growth verbs: bad or repeated word %q", w.word)
		}
		e.growthSign[w.word] = w.sign
	}
	e.growthTail.add(keys(growthVerbs, func(w signedWord) string { return w.word }), true)
	return e, nil
}

// keys returns the words of a table of word records.
func keys[W any](words []W, key func(W) string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = key(w)
	}
	return out
}

func ident(s string) string { return s }

// byLength returns a copy of words sorted longest first, so that the first
// match of a scan is the longest.
func byLength[W any](words []W, key func(W) string) []W {
	out := append([]W(nil), words...)
	sort.SliceStable(out, func(i, j int) bool { return len(key(out[i])) > len(key(out[j])) })
	return out
}

// Extract appends the indicators of doc to m.Indicators.
func (e *Extractor) Extract(doc *extract.Doc, m *govx.Mentions) {
	b, _ := e.binders.Get().(*binder)
	if b == nil {
		b = new(binder)
	}
	text := doc.Article.Text
	*b = binder{
		e:      e,
		text:   text,
		region: doc.Article.Region,
		qsBuf:  b.qsBuf,
		psBuf:  b.psBuf,
		esBuf:  b.esBuf,
		toks:   doc.Tokens,
		dated:  !doc.Article.ReferenceDate.IsZero(),
		hits:   b.hits,
		scratch: scratch{
			clauses: b.clauses[:0],
			list:    b.list[:0],
			st: sentenceState{rows: b.st.rows[:0], rowClause: b.st.rowClause[:0], rowCompares: b.st.rowCompares[:0],
				mods: b.st.mods[:0], bases: b.st.bases[:0], segCuts: b.st.segCuts[:0]},
		},
		qStarts:   b.qStarts,
		pStarts:   b.pStarts,
		eStarts:   b.eStarts,
		quotes:    b.quotes,
		governing: b.governing,
		out:       b.out[:0],
	}
	b.qs = inOrder(&b.qsBuf, len(text), m.Quantities, true, func(q *govx.Quantity) govx.Span { return q.Span })
	b.ps = inOrder(&b.psBuf, len(text), m.Periods, false, func(p *govx.Period) govx.Span { return p.Span })
	b.es = inOrder(&b.esBuf, len(text), m.Entities, false, func(e *govx.Entity) govx.Span { return e.Span })
	b.qStarts = startsOf(b.qStarts, b.qs, func(q *govx.Quantity) int { return q.Start })
	b.pStarts = startsOf(b.pStarts, b.ps, func(p *govx.Period) int { return p.Start })
	b.eStarts = startsOf(b.eStarts, b.es, func(e *govx.Entity) int { return e.Start })
	b.out = slices.Grow(b.out, len(b.qs)) // about a row per figure: grown once, even when the pool was emptied
	b.governing = slices.Grow(b.governing[:0], len(b.ps))[:len(b.ps)]
	clear(b.governing)
	e.lex.scan(text, &b.hits)
	b.quotes = b.findQuotes(b.quotes)
	b.passage, b.sinceJan = nil, nil
	if p := b.firstHeadPeriod(); p != nil {
		b.setPassage(p)
	}
	for i, s := range doc.Sentences {
		if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
			continue
		}
		b.sentence(i, s)
	}
	m.Indicators = append(m.Indicators, b.out...)
	if len(text) <= maxPooledBytes {
		b.release()
		e.binders.Put(b)
	}
}

// maxPooledBytes bounds the articles whose buffers are kept for the next
// one: those of a huge article go with it.
const maxPooledBytes = 1 << 20

// inOrder returns the items whose spans lie inside a text of n bytes,
// ordered by start and, when disjoint is set, without the items that
// overlap the one before them. Items already so are returned as they are,
// to be read only; others are copied into *buf.
func inOrder[T any](buf *[]T, n int, items []T, disjoint bool, span func(*T) govx.Span) []T {
	end := 0 // the end of the item before, or its start when overlaps are allowed
	for i := range items {
		s := span(&items[i])
		if s.Start < 0 || s.Start >= s.End || s.End > n || s.Start < end {
			*buf = sortedBy(*buf, n, items, span)
			if disjoint {
				*buf = disjointSpans(*buf, span)
			}
			return *buf
		}
		end = s.Start
		if disjoint {
			end = s.End
		}
	}
	return items
}

// sortedBy returns the items whose spans lie inside a text of n bytes,
// ordered by start, in dst's storage.
func sortedBy[T any](dst []T, n int, items []T, span func(*T) govx.Span) []T {
	out := dst[:0]
	for i := range items {
		if s := span(&items[i]); s.Start >= 0 && s.Start < s.End && s.End <= n {
			out = append(out, items[i])
		}
	}
	for i := 1; i < len(out); i++ {
		if span(&out[i]).Start < span(&out[i-1]).Start {
			slices.SortStableFunc(out, func(a, b T) int { return cmp.Compare(span(&a).Start, span(&b).Start) })
			break
		}
	}
	return out
}

// startsOf returns the start of each item, in dst's storage.
func startsOf[T any](dst []int, items []T, start func(*T) int) []int {
	out := dst[:0]
	for i := range items {
		out = append(out, start(&items[i]))
	}
	return out
}

// disjointSpans drops the items that overlap the one before them, so that
// the text between two figures is never negative.
func disjointSpans[T any](items []T, span func(*T) govx.Span) []T {
	out := items[:0]
	for i := range items {
		if n := len(out); n > 0 && span(&items[i]).Start < span(&out[n-1]).End {
			continue
		}
		out = append(out, items[i])
	}
	return out
}
