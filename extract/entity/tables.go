package entity

import (
	"bufio"
	"embed"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"govx"
)

// data holds the rule tables and the gazetteer; see data/README.md.
//
//go:embed data/*.tsv data/*.txt
var data embed.FS

// suffixClass says how far a name may reach to the left of its suffix and
// what its core (the name without the suffix) must contain.
type suffixClass uint8

const (
	classCompany suffixClass = iota + 1 // ORG: 有限公司, 集团
	classBody                           // ORG: agencies, institutes, party bodies
	classTrade                          // ORG: a short company name plus a trade word (光学, 电气)
	classAdmin                          // LOC: 省 市 县 镇 村 …
	classZone                           // LOC: zones and parks
	classRoad                           // LOC: roads and streets
	classWater                          // LOC: rivers, lakes, mountains
	classProject                        // PROJECT
)

var classNames = map[string]suffixClass{
	"company": classCompany, "body": classBody, "trade": classTrade, "admin": classAdmin,
	"zone": classZone, "road": classRoad, "water": classWater, "project": classProject,
}

// classLimits are the shortest and longest core, in runes, of each class.
var classLimits = [...][2]int{
	classCompany: {2, 24},
	classBody:    {2, 20},
	classTrade:   {2, 8}, // 4 unless it opens with a known organization
	classAdmin:   {2, 6},
	classZone:    {2, 14},
	classRoad:    {2, 4},
	classWater:   {1, 4},
	classProject: {2, 26},
}

// suffix is one row of data/suffixes.tsv.
type suffix struct {
	text  string
	runes int // the length of text in runes
	typ   govx.EntityType
	class suffixClass
	rule  suffixRule
}

// suffixRule is a condition or canonical name that one suffix adds to its
// class; see data/suffixes.tsv.
type suffixRule uint8

const (
	ruleNone      suffixRule = iota
	ruleSection              // 段: from one place to another, or of a railway
	rulePhase                // 二期: not right after a company's legal name
	ruleParty                // 党委: not right after a company's name
	ruleCommittee            // 市委: canonical name with 中共
)

var ruleNames = map[string]suffixRule{
	"section": ruleSection, "phase": rulePhase, "party": ruleParty, "committee": ruleCommittee,
}

// listHead is a head noun of enumerations and the type of their items.
type listHead struct {
	word string
	typ  govx.EntityType
}

// known is one row of data/names.tsv.
type known struct {
	typ        govx.EntityType
	normalized string
}

// tables are the word lists and suffix rules, read once by New.
type tables struct {
	suffixes []suffix // in the order of the file
	stop     map[string]bool
	generic  map[string]bool
	lead     []string
	national []string
	title    map[string]bool
	after    map[string]bool
	byline   []string   // longest first
	listhead []listHead // longest first
	notLast  map[rune]bool
	surname1 map[rune]bool
	surname2 map[string]bool
	names    map[string]known
	// classes gives the lists among stop, generic, title and after that
	// a word is on; classShapes holds the first rune and the length in
	// bytes of each of these words, a cheap test before the lookup.
	classes     map[string]wordClass
	classShapes pairSet
	// tagClasses gives the classes of a part-of-speech tag (by tagKey):
	// properTags and stopTags.
	tagClasses tagTable
	maxTitle   int // longest title, in runes
	// markers are the titles and words after names of two runes or more,
	// which end a name even inside a token.
	markers []string
}

// rows reads a TSV file of data, skipping comments and blank lines, and
// checks that every row has between min and max fields.
func rows(name string, min, max int) ([][]string, error) {
	b, err := data.ReadFile("data/" + name)
	if err != nil {
		return nil, fmt.Errorf("entity tables: %w", err)
	}
	var out [][]string
	sc := bufio.NewScanner(strings.NewReader(string(b)))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < min || len(f) > max {
			return nil, fmt.Errorf("entity tables: %s:%d: %d fields, want %d to %d", name, n, len(f), min, max)
		}
		out = append(out, f)
	}
	return out, nil
}

func loadTables() (*tables, error) {
	t := &tables{
		stop:     map[string]bool{},
		generic:  map[string]bool{},
		title:    map[string]bool{},
		after:    map[string]bool{},
		notLast:  map[rune]bool{},
		surname1: map[rune]bool{},
		surname2: map[string]bool{},
		names:    map[string]known{},
	}
	sufs, err := rows("suffixes.tsv", 3, 4)
	if err != nil {
		return nil, err
	}
	for _, r := range sufs {
		typ, err := govx.ParseEntityType(r[1])
		if err != nil {
			return nil, fmt.Errorf("entity tables: suffix %s: %w", r[0], err)
		}
		class, ok := classNames[r[2]]
		if !ok {
			return nil, fmt.Errorf("entity tables: suffix %s: unknown class %q", r[0], r[2])
		}
		sf := suffix{text: r[0], runes: utf8.RuneCountInString(r[0]), typ: typ, class: class}
		if len(r) == 4 {
			if sf.rule = ruleNames[r[3]]; sf.rule == ruleNone {
				return nil, fmt.Errorf("entity tables: suffix %s: unknown rule %q", r[0], r[3])
			}
		}
		t.suffixes = append(t.suffixes, sf)
	}

	words, err := rows("words.tsv", 2, 3)
	if err != nil {
		return nil, err
	}
	for _, r := range words {
		w := r[1]
		switch r[0] {
		case "stop":
			t.stop[w] = true
		case "generic":
			t.generic[w] = true
		case "lead":
			t.lead = append(t.lead, w)
		case "national":
			t.national = append(t.national, w)
		case "title":
			t.title[w] = true
			t.maxTitle = max(t.maxTitle, utf8.RuneCountInString(w))
		case "after":
			t.after[w] = true
		case "byline":
			t.byline = append(t.byline, w)
		case "listhead":
			if len(r) < 3 {
				return nil, fmt.Errorf("entity tables: listhead %s has no type", w)
			}
			typ, err := govx.ParseEntityType(r[2])
			if err != nil {
				return nil, fmt.Errorf("entity tables: listhead %s: %w", w, err)
			}
			t.listhead = append(t.listhead, listHead{w, typ})
		case "notlast":
			r, _ := utf8.DecodeRuneInString(w)
			t.notLast[r] = true
		default:
			return nil, fmt.Errorf("entity tables: words.tsv: unknown class %q", r[0])
		}
	}
	t.classes, t.classShapes = map[string]wordClass{}, newPairSet(14)
	for _, l := range []struct {
		tags  map[string]bool
		class wordClass
	}{{properTags, wordProperTag}, {stopTags, wordStopTag}} {
		for tag := range l.tags {
			key, ok := tagKey(tag)
			if !ok {
				return nil, fmt.Errorf("entity tables: tag %q is longer than 7 bytes", tag)
			}
			t.tagClasses.add(key, l.class)
		}
	}
	for _, l := range []struct {
		words map[string]bool
		class wordClass
	}{{t.stop, wordStop}, {t.generic, wordGeneric}, {t.title, wordTitle}, {t.after, wordAfter}} {
		for w := range l.words {
			t.classes[w] |= l.class
			t.classShapes.add(firstRune(w), rune(len(w)))
		}
	}
	sort.Slice(t.byline, func(i, j int) bool { return len(t.byline[i]) > len(t.byline[j]) })
	sort.SliceStable(t.listhead, func(i, j int) bool { return len(t.listhead[i].word) > len(t.listhead[j].word) })
	for _, list := range []map[string]bool{t.title, t.after} {
		for w := range list {
			if utf8.RuneCountInString(w) >= 2 {
				t.markers = append(t.markers, w)
			}
		}
	}
	sort.Strings(t.markers)

	sur, err := data.ReadFile("data/surnames.txt")
	if err != nil {
		return nil, fmt.Errorf("entity tables: %w", err)
	}
	for _, line := range strings.Split(string(sur), "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		for _, f := range strings.Fields(line) {
			if utf8.RuneCountInString(f) == 2 {
				t.surname2[f] = true
				continue
			}
			for _, r := range f {
				t.surname1[r] = true
			}
		}
	}

	names, err := rows("names.tsv", 2, 3)
	if err != nil {
		return nil, err
	}
	for _, r := range names {
		typ, err := govx.ParseEntityType(r[1])
		if err != nil {
			return nil, fmt.Errorf("entity tables: name %s: %w", r[0], err)
		}
		k := known{typ: typ}
		if len(r) == 3 {
			k.normalized = r[2]
		}
		t.names[r[0]] = k
	}
	return t, nil
}

// isGeneric reports whether w is a generic word, testing its shape first.
func (t *tables) isGeneric(w string) bool {
	return t.classShapes.has(firstRune(w), rune(len(w))) && t.generic[w]
}

// tagKey packs a part-of-speech tag of at most 7 bytes, and its length,
// into a number: a quicker key than the string.
func tagKey(tag string) (uint64, bool) {
	if len(tag) > 7 {
		return 0, false
	}
	k := uint64(len(tag)) << 56
	for i := 0; i < len(tag); i++ {
		k |= uint64(tag[i]) << (8 * i)
	}
	return k, true
}

// tagTable gives the classes of part-of-speech tags by their tagKey: a
// small hash table with open addressing, quicker than a map.
type tagTable struct {
	keys    [tagSlots]uint64 // 0 (the key of "", which has no class) for an empty slot
	classes [tagSlots]wordClass
}

// tagSlots is the size of a tagTable; it holds a few dozen tags.
const tagSlots = 64

func tagSlot(key uint64) int { return int(key * 0x9E3779B97F4A7C15 >> 58) }

func (t *tagTable) add(key uint64, c wordClass) {
	i := tagSlot(key)
	for t.keys[i] != 0 && t.keys[i] != key {
		i = (i + 1) % tagSlots
	}
	t.keys[i] = key
	t.classes[i] |= c
}

// get returns the classes of the tag of the key, 0 for a tag of none.
func (t *tagTable) get(key uint64) wordClass {
	for i := tagSlot(key); ; i = (i + 1) % tagSlots {
		if k := t.keys[i]; k == key || k == 0 {
			return t.classes[i]
		}
	}
}

// A town or village (townSuffixes) named right after a division of county
// level or above (its name ends with one of countyEnds) is a place of its
// own: 顺德区北滘镇 is 顺德区 and 北滘镇.
var (
	townSuffixes = []string{"镇", "乡", "街道", "村"}
	countyEnds   = []string{"省", "市", "区", "县", "州", "旗", "盟"}
)
