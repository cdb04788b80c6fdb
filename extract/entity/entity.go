// Package entity finds the organizations (ORG), places (LOC), people (PER)
// and projects (PROJECT) an article names, and the main place it reports on
// (Article.Region).
//
// It reads several signals and lets the longest name win:
//
//   - a gazetteer: China's province, prefecture and county divisions with
//     their 6-digit codes (data/divisions.tsv, generated from the NBS 2023
//     codes; see internal/gen), read in full (镇江市) and short (镇江) forms,
//     plus known names that no rule finds (countries, rivers, national
//     agencies, organizations known by a short name: data/names.tsv);
//   - suffix rules (data/suffixes.tsv): a name ending in 有限公司, 研究院,
//     高新区, 路 or 项目 reaches left over the segmenter's tokens until a stop
//     word (data/words.tsv), and its core must look like a proper name;
//   - people after titles (市长吴锦), in bylines (本报记者 姜萍, （崔宁华 谈琪）)
//     and in lists of names, using a table of surnames;
//   - enumerations that end in 等企业 / 等项目;
//   - repetition: a name found once is found again wherever it recurs, and a
//     short name stated after a full one (丹徒高新园 after
//     丹徒高新技术产业园) is normalized to it.
//
// The segmenter's part-of-speech tags (ns, nr, nt, nz) are one signal among
// these; they are noisy for this genre (高新区 and 丹徒 come tagged nr).
// Generic words alone (企业, 海关, 高新区, 全市) are not entities.
//
// Speed: the tables are tries built once by New (trie.go). Extract decodes
// the text once, noting the runes where a suffix, a title, a byline or a
// gazetteer name may start (a table of rune kinds, then filters of rune
// pairs), and walks the tries from there only. The word lists a token is
// on are looked up once per token, and the buffers of a scan are reused
// from one article to the next.
package entity

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"sync"
	"unicode/utf8"

	"govx"
	"govx/extract"
)

// Extractor finds entities. It is built once by New and is safe for
// concurrent use.
type Extractor struct {
	t   *tables
	gaz *gazetteer
	// lexicon holds the words the gazetteer scan looks for: known names,
	// division forms, generic words of three runes or more and 我国, each
	// with what it is (lexWords, by id).
	lexicon  *trie
	lexWords []lexWord
	// lexPairs holds the first two runes of every word of lexicon.
	lexPairs pairSet
	// suffixTrie holds the texts of the suffix rules; the id of a text is
	// its index in suffixList.
	suffixTrie *trie
	suffixList []suffix
	// suffixPairs holds the first two runes of the suffix texts of two
	// runes or more.
	suffixPairs pairSet
	// personPairs holds the first two runes of the titles and the byline
	// labels.
	personPairs pairSet
	// titles, bylines, leads, markers and nationals hold the titles, the
	// byline labels, the lead words, the markers and the national words
	// (see tables); listHeads holds the head nouns of enumerations, the id
	// of a word being its index in tables.listhead.
	titles, bylines, leads, markers, nationals, listHeads *trie
	// kinds says, by rune, which scans may start at that rune: the
	// decoding pass of newScan reads it.
	kinds runeKinds
	// classSuffixes are the suffixes of each class of two runes or more.
	classSuffixes [classProject + 1][]string
	// scans holds the buffers of finished scans, for reuse.
	scans sync.Pool
}

// New loads the gazetteer and the rule tables. It takes a few milliseconds.
func New() (*Extractor, error) {
	t, err := loadTables()
	if err != nil {
		return nil, fmt.Errorf("entity: %w", err)
	}
	g, err := loadGazetteer()
	if err != nil {
		return nil, fmt.Errorf("entity: %w", err)
	}
	x := &Extractor{t: t, gaz: g}
	if err := x.buildLexicon(); err != nil {
		return nil, fmt.Errorf("entity: %w", err)
	}
	for _, sf := range t.suffixes {
		if utf8.RuneCountInString(sf.text) >= 2 {
			x.classSuffixes[sf.class] = append(x.classSuffixes[sf.class], sf.text)
		}
	}
	return x, nil
}

// lexWord is a word of the gazetteer scan and what it is; a word may be
// several things at once.
type lexWord struct {
	runes   int
	generic bool   // a generic word of three runes or more: it hides the names inside it
	country bool   // 我国
	name    *known // a known name, or nil
	forms   []form // the divisions it may name
}

// maxLexRunes bounds the length of the words of the gazetteer scan.
const maxLexRunes = 63

// buildLexicon fills the tries of the scans: the words of the gazetteer
// scan (known names and division forms of two runes or more, generic words
// of three or more, 我国), the suffix texts, the titles and the byline
// labels.
func (x *Extractor) buildLexicon() error {
	lexicon, suffixes := newTrieBuilder(), newTrieBuilder()
	x.lexPairs = newPairSet(18) // 32 KB
	ids := map[string]int32{}
	add := func(w string, minRunes int) error {
		n := utf8.RuneCountInString(w)
		if _, seen := ids[w]; seen || n < minRunes || n > maxLexRunes {
			return nil
		}
		lw := lexWord{runes: n, generic: n >= 3 && x.t.generic[w], country: w == ourCountry, forms: x.gaz.forms[w]}
		if kn, ok := x.t.names[w]; ok {
			lw.name = &kn
		}
		id := int32(len(x.lexWords))
		ids[w] = id
		x.lexWords = append(x.lexWords, lw)
		r1, size := utf8.DecodeRuneInString(w)
		r2 := firstRune(w[size:])
		x.lexPairs.add(r1, r2)
		x.kinds.add(r1, kindLexHead)
		x.kinds.add(r2, kindLexSecond)
		return lexicon.add(w, id)
	}
	for w := range x.t.names {
		if err := add(w, 2); err != nil {
			return err
		}
	}
	for w := range x.gaz.forms {
		if err := add(w, 2); err != nil {
			return err
		}
	}
	for w := range x.t.generic {
		if err := add(w, 3); err != nil {
			return err
		}
	}
	if err := add(ourCountry, 2); err != nil {
		return err
	}
	x.suffixList = x.t.suffixes
	x.suffixPairs = newPairSet(12)
	for i, sf := range x.suffixList {
		if r1, size := utf8.DecodeRuneInString(sf.text); size == len(sf.text) {
			x.kinds.add(r1, kindSuffix)
		} else {
			r2 := firstRune(sf.text[size:])
			x.kinds.add(r1, kindSuffixHead)
			x.kinds.add(r2, kindSuffixSecond)
			x.suffixPairs.add(r1, r2)
		}
		if err := suffixes.add(sf.text, int32(i)); err != nil {
			return err
		}
	}
	x.lexicon, x.suffixTrie = lexicon.build(), suffixes.build()
	titles, bylines := newTrieBuilder(), newTrieBuilder()
	for w := range x.t.title {
		if err := titles.add(w, 0); err != nil {
			return err
		}
	}
	for _, w := range x.t.byline {
		if err := bylines.add(w, 0); err != nil {
			return err
		}
	}
	leads, markers, nationals, listHeads := newTrieBuilder(), newTrieBuilder(), newTrieBuilder(), newTrieBuilder()
	for _, w := range x.t.lead {
		if err := leads.add(w, 0); err != nil {
			return err
		}
	}
	for _, w := range x.t.markers {
		if err := markers.add(w, 0); err != nil {
			return err
		}
	}
	for _, w := range x.t.national {
		if err := nationals.add(w, 0); err != nil {
			return err
		}
	}
	for i, h := range x.t.listhead {
		if err := listHeads.add(h.word, int32(i)); err != nil {
			return err
		}
	}
	x.titles, x.bylines, x.leads, x.markers = titles.build(), bylines.build(), leads.build(), markers.build()
	x.nationals, x.listHeads = nationals.build(), listHeads.build()
	x.personPairs = newPairSet(12)
	for _, w := range slices.Concat(slices.Collect(maps.Keys(x.t.title)), x.t.byline) {
		r1, size := utf8.DecodeRuneInString(w)
		if size == len(w) {
			return fmt.Errorf("title or byline %q of one rune", w)
		}
		x.kinds.add(r1, kindPersonHead)
		x.kinds.add(firstRune(w[size:]), kindPersonSecond)
		x.personPairs.add(r1, firstRune(w[size:]))
	}
	x.kinds.add('（', kindParen)
	x.kinds.add('(', kindParen)
	return nil
}

// Extract appends the entities of doc to m.Entities, in text order, and sets
// doc.Article.Region.
func (x *Extractor) Extract(doc *extract.Doc, m *govx.Mentions) {
	s := newScan(x, doc)
	s.gazetteer()
	s.suffixes()
	s.roads()
	s.people()
	s.lists()
	s.merge()
	chosen := s.resolve()
	chosen = s.inTextOrder(s.propagate(chosen))
	m.Entities = slices.Grow(m.Entities, len(chosen))
	for _, c := range chosen {
		if !onRunes(s.text, c.Span) {
			continue // next to a stray byte of invalid UTF-8
		}
		m.Entities = append(m.Entities, govx.Entity{
			Span:       c.Span,
			Type:       c.typ,
			Normalized: c.norm,
			AdminCode:  c.code,
		})
	}
	doc.Article.Region = s.region(chosen)
	s.done()
}

// ourCountry is how national news names China (我国); its count votes for
// china as the region.
const (
	ourCountry = "我国"
	china      = "中国"
)

// cand is a candidate entity; resolve keeps the longest of those that
// overlap, then the one of highest priority.
type cand struct {
	govx.Span
	typ  govx.EntityType
	norm string // Normalized
	code string // AdminCode
	prio int
	div  *Division // the division a LOC names, if any
	// runes is the length of the span in runes, set by resolve.
	runes int
}

// Priorities of the candidate sources, for candidates of equal length.
const (
	prioList   = 1 // an item of an enumeration
	prioRule   = 2 // a suffix rule or a person rule
	prioName   = 3 // a known name
	prioStrong = 4 // a division, a byline
)

// resolve picks non-overlapping candidates: longest first, then by
// priority, then leftmost.
func (s *scan) resolve() []cand {
	cs := s.cands
	for k := range cs {
		cs[k].runes = s.runes(cs[k].Start, cs[k].End)
	}
	keys, index := s.resolveOrder(cs)
	// taken marks the bytes of the candidates kept so far.
	taken := resize(s.taken, len(s.text))
	clear(taken)
	s.taken = taken
	out := s.chosen[:0]
	for _, key := range keys {
		c := cs[key&index]
		if s.blocked(c.Span) || slices.Contains(taken[c.Start:c.End], true) {
			continue
		}
		for b := c.Start; b < c.End; b++ {
			taken[b] = true
		}
		out = append(out, c)
	}
	return out
}

// resolveOrder sorts the candidates cs as resolve reads them: longest
// first, then by priority, then leftmost, then in the order found. It
// returns keys in that order, from which key&index is the index of a
// candidate. The keys pack the runes, the priority, the start and the
// index into 64 bits when they fit (always but in huge texts), and hold
// the index alone otherwise.
func (s *scan) resolveOrder(cs []cand) (keys []uint64, index uint64) {
	const indexBits, startBits, prioBits, runeBits = 13, 32, 3, 16
	keys = resize(s.keys, len(cs))
	s.keys = keys
	packed := len(cs) <= 1<<indexBits && len(s.text) < 1<<startBits
	for _, c := range cs {
		packed = packed && c.runes < 1<<runeBits && c.prio >= 0 && c.prio < 1<<prioBits
	}
	if packed {
		for k, c := range cs {
			keys[k] = uint64(1<<runeBits-1-c.runes)<<(prioBits+startBits+indexBits) |
				uint64(1<<prioBits-1-c.prio)<<(startBits+indexBits) | uint64(c.Start)<<indexBits | uint64(k)
		}
		slices.Sort(keys)
		return keys, 1<<indexBits - 1
	}
	for k := range keys {
		keys[k] = uint64(k)
	}
	slices.SortFunc(keys, func(i, j uint64) int {
		a, b := &cs[i], &cs[j]
		return cmp.Or(b.runes-a.runes, b.prio-a.prio, a.Start-b.Start, cmp.Compare(i, j))
	})
	return keys, ^uint64(0)
}

// inTextOrder returns the chosen candidates cs sorted by their start, in a
// buffer of s. They do not overlap, so no two start at the same byte: the
// sort moves keys of 8 bytes (the start and the index) and then the
// candidates once.
func (s *scan) inTextOrder(cs []cand) []cand {
	keys := resize(s.keys, len(cs))
	for k, c := range cs {
		keys[k] = uint64(c.Start)<<32 | uint64(k)
	}
	slices.Sort(keys)
	out := resize(s.sorted, len(cs))
	for k, key := range keys {
		out[k] = cs[uint32(key)]
	}
	s.chosen, s.keys, s.sorted = cs, keys, out
	return out
}

// onRunes reports whether sp starts and ends on rune boundaries of text.
func onRunes(text string, sp govx.Span) bool {
	return utf8.RuneStart(text[sp.Start]) && (sp.End == len(text) || utf8.RuneStart(text[sp.End]))
}
