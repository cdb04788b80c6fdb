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
package entity

import (
	"fmt"
	"sort"
	"unicode/utf8"

	"govx"
	"govx/extract"
)

// Extractor finds entities. It is built once by New and is safe for
// concurrent use.
type Extractor struct {
	t   *tables
	gaz *gazetteer
	// lengths maps the first rune of every known name, division form and
	// generic word of three runes or more to the set of their lengths in
	// runes (bit n for n runes), so that the gazetteer scan looks up only
	// lengths that exist.
	lengths map[rune]uint64
	// classSuffixes are the suffixes of each class of two runes or more.
	classSuffixes map[suffixClass][]string
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
	x := &Extractor{t: t, gaz: g, lengths: map[rune]uint64{}, classSuffixes: map[suffixClass][]string{}}
	index := func(w string) {
		if n := utf8.RuneCountInString(w); n >= 2 && n < 64 {
			r, _ := utf8.DecodeRuneInString(w)
			x.lengths[r] |= 1 << n
		}
	}
	for w := range t.names {
		index(w)
	}
	for w := range g.forms {
		index(w)
	}
	for w := range t.generic {
		if utf8.RuneCountInString(w) >= 3 {
			index(w)
		}
	}
	index(ourCountry)
	for _, list := range t.suffixes {
		for _, sf := range list {
			if utf8.RuneCountInString(sf.text) >= 2 {
				x.classSuffixes[sf.class] = append(x.classSuffixes[sf.class], sf.text)
			}
		}
	}
	return x, nil
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
	chosen = s.propagate(chosen)
	sort.Slice(chosen, func(i, j int) bool { return chosen[i].Start < chosen[j].Start })
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
	sort.SliceStable(cs, func(i, j int) bool {
		li, lj := utf8.RuneCountInString(s.text[cs[i].Start:cs[i].End]), utf8.RuneCountInString(s.text[cs[j].Start:cs[j].End])
		if li != lj {
			return li > lj
		}
		if cs[i].prio != cs[j].prio {
			return cs[i].prio > cs[j].prio
		}
		return cs[i].Start < cs[j].Start
	})
	var out []cand
	for _, c := range cs {
		if s.blocked(c.Span) {
			continue
		}
		free := true
		for _, o := range out {
			if o.Overlaps(c.Span) {
				free = false
				break
			}
		}
		if free {
			out = append(out, c)
		}
	}
	return out
}

// onRunes reports whether sp starts and ends on rune boundaries of text.
func onRunes(text string, sp govx.Span) bool {
	return utf8.RuneStart(text[sp.Start]) && (sp.End == len(text) || utf8.RuneStart(text[sp.End]))
}
