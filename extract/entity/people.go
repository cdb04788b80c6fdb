package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"govx"
)

// people adds persons named in bylines (本报记者 姜萍), in bylines in
// parentheses at the end of a paragraph (（崔宁华 谈琪 邵畅）), after a title
// (市长吴锦), before a word that follows names (习近平总书记), and in the
// lists that continue one of these (何运平、曹和家、张焕明).
func (s *scan) people() {
	text := s.text
	found := s.found[:0]
	person := func(sp govx.Span) {
		found = append(found, sp)
		s.add(cand{Span: sp, typ: govx.EntityPer, prio: prioStrong})
	}
	for _, q := range s.personSpots {
		if r, i := s.rs[q], int(s.ro[q]); r == '（' || r == '(' {
			for _, sp := range s.parenByline(i) {
				person(sp)
			}
		} else {
			if label := s.bylineAt(i); label != "" {
				for _, sp := range s.namesAfter(i + len(label)) {
					person(sp)
				}
			}
			if w := s.titleAt(i); w != "" {
				if e, ok := s.nameAt(i+len(w), true); ok {
					person(govx.Span{Start: i + len(w), End: e})
				}
			}
		}
	}
	// A name the segmenter tags as one, before 总书记, 说, 表示 …
	for _, k := range s.names {
		tk := &s.toks[k]
		if int(k)+1 == len(s.toks) {
			continue
		}
		next := &s.toks[k+1]
		n := s.runes(tk.Start, tk.End)
		if next.Start != tk.End || n < 2 || n > 3 || !s.startsWithSurname(tk.Start) {
			continue
		}
		if s.class(int32(k+1))&wordAfter != 0 {
			person(tk.Span)
		}
	}
	// Lists that continue a name: 何运平、曹和家、张焕明…等.
	for q := 0; q < len(found); q++ {
		sp := found[q]
		if !strings.HasPrefix(text[sp.End:], "、") {
			continue
		}
		b := sp.End + len("、")
		if e, ok := s.nameAt(b, false); ok && s.listEnd(e) {
			person(govx.Span{Start: b, End: e})
		}
	}
	s.found = found
}

// bylineAt returns the byline label starting at byte i, or "".
func (s *scan) bylineAt(i int) string {
	if !s.aligned(i) {
		return ""
	}
	ms := s.wordsAt(s.x.bylines, i)
	if len(ms) == 0 {
		return ""
	}
	return s.text[i:ms[len(ms)-1].end] // the longest
}

// titleAt returns the longest title that starts at byte i and ends a
// token, or "". The title starts a token or ends one (卫生部长), but is not
// the tail of a word that follows names (总书记).
func (s *scan) titleAt(i int) string {
	ms := s.wordsAt(s.x.titles, i)
	if len(ms) == 0 {
		return ""
	}
	if !s.aligned(i) {
		tk := s.tok(i)
		if tk == nil || s.class(s.tokIndex(i))&wordAfter != 0 || !s.t.title[s.text[i:tk.End]] {
			return ""
		}
	}
	best := ""
	for _, m := range ms {
		if s.aligned(m.end) {
			best = s.text[i:m.end]
		}
	}
	return best
}

// namesAfter reads the space-separated names of a byline that starts at
// byte b: 张亮 李心蕾.
func (s *scan) namesAfter(b int) []govx.Span {
	var out []govx.Span
	for {
		for b < len(s.text) && (s.text[b] == ' ' || strings.HasPrefix(s.text[b:], "\u3000")) {
			_, size := utf8.DecodeRuneInString(s.text[b:])
			b += size
		}
		e := s.hanRun(b, 5)
		n := s.runes(b, e)
		if n < 2 || n > 4 || !s.startsWithSurname(b) || s.bylineAt(b) != "" {
			return out
		}
		out = append(out, govx.Span{Start: b, End: e})
		b = e
	}
}

// parenByline reads a byline in parentheses that ends a paragraph:
// （崔宁华 谈琪 邵畅）. open is the offset of the opening parenthesis.
func (s *scan) parenByline(open int) []govx.Span {
	_, size := utf8.DecodeRuneInString(s.text[open:])
	b := open + size
	closeAt := strings.IndexAny(s.text[b:], "）)\n")
	if closeAt < 0 {
		return nil
	}
	end := b + closeAt
	if s.text[end] == '\n' {
		return nil
	}
	after := strings.TrimLeft(s.text[end:], "）)")
	after = strings.TrimLeft(after, " \u3000")
	if after != "" && !strings.HasPrefix(after, "\n") {
		return nil // not at the end of a paragraph
	}
	var out []govx.Span
	for _, f := range strings.FieldsFunc(s.text[b:end], func(r rune) bool { return r == ' ' || r == '\u3000' || r == '、' }) {
		i := b + strings.Index(s.text[b:end], f)
		n := utf8.RuneCountInString(f)
		if n < 2 || n > 4 || !s.startsWithSurname(i) || strings.IndexFunc(f, func(r rune) bool { return !isHan(r) }) >= 0 {
			return nil
		}
		out = append(out, govx.Span{Start: i, End: i + len(f)})
	}
	return out
}

// hanRun returns the end of the run of Han runes starting at b, at most
// max runes long.
func (s *scan) hanRun(b, max int) int {
	e := b
	for n := 0; n < max && e < len(s.text); n++ {
		r, size := utf8.DecodeRuneInString(s.text[e:])
		if !isHan(r) {
			break
		}
		e += size
	}
	return e
}

// startsWithSurname reports whether a surname starts at byte b.
func (s *scan) startsWithSurname(b int) bool { return s.surnameLen(b) > 0 }

// surnameLen returns the length in runes of the surname that starts at byte
// b: 2 for a compound surname (欧阳), 1, or 0 for none.
func (s *scan) surnameLen(b int) int {
	r, size := utf8.DecodeRuneInString(s.text[b:])
	if r2, size2 := utf8.DecodeRuneInString(s.text[b+size:]); isHan(r2) && s.t.surname2[s.text[b:b+size+size2]] {
		return 2
	}
	if s.t.surname1[r] {
		return 1
	}
	return 0
}

// nameAt reads a person's name starting at byte b: a surname and one or two
// runes, ended where the next word begins. With foreign set, a name without
// a known surname is read too when 2 to 4 runes stand alone (阿努廷的).
func (s *scan) nameAt(b int, foreign bool) (int, bool) {
	run := s.hanRun(b, 5)
	var buf [5]int
	ends := buf[:0] // ends[k]: the offset after k+1 runes of the run
	for e := b; e < run; {
		_, size := utf8.DecodeRuneInString(s.text[e:])
		e += size
		ends = append(ends, e)
	}
	sur := s.surnameLen(b)
	if len(ends) < 2 || len(ends) <= sur {
		return 0, false
	}
	if sur == 0 {
		if !foreign || s.classAt(b)&wordStop != 0 || s.t.notLast[firstRune(s.text[b:])] {
			return 0, false
		}
		for k := 1; k < len(ends) && k < 4; k++ {
			if e := ends[k]; (e == run || s.nameEnds(e)) && s.aligned(e) {
				return e, s.foreignName(b, e)
			}
		}
		return 0, false
	}
	okLast := func(e int) bool { return !s.t.notLast[lastRune(s.text[b:e])] }
	// The whole run when punctuation ends it: 王建华、 曹裕江，
	if len(ends) <= sur+2 && run < len(s.text) && !isHan(firstRune(s.text[run:])) && okLast(run) {
		return run, true
	}
	short, long := ends[sur], 0 // surname plus one rune, plus two runes
	if sur+1 < len(ends) && okLast(ends[sur+1]) {
		long = ends[sur+1]
	}
	switch {
	case s.nameEnds(short):
		return short, true
	case long > 0 && s.nameEnds(long):
		return long, true
	case len(ends) > sur+2 && s.nameEnds(ends[sur+2]) && s.foreignName(b, ends[sur+2]):
		return ends[sur+2], true // 冯/nr 德/ns 莱恩/nrt 表示
	case long > 0 && s.aligned(long) && !s.aligned(short):
		return long, true // 魏/nr 华山/ns
	case s.aligned(short) && (len(ends) == sur+1 || !s.aligned(long)):
		return short, true // 李华/nr 建议/v
	case long > 0 && s.aligned(short):
		// 周伟/nr 强/a or 吴锦/nr 出/v: a rune standing alone after two
		// belongs to the name when it is tagged like a name's part.
		if tk := s.tok(short); tk != nil && (nounish(tk.Pos) || tk.Pos == "a") {
			return long, true
		}
		return short, true
	}
	return 0, false
}

// nameEnds reports whether a name may end at byte e: what follows is a
// word that follows names, a title, a stop word or not a Han rune.
func (s *scan) nameEnds(e int) bool {
	if e >= len(s.text) || !isHan(firstRune(s.text[e:])) {
		return true
	}
	if s.classAt(e)&(wordAfter|wordTitle|wordStop) != 0 {
		return true
	}
	return len(s.wordsAt(s.x.markers, e)) > 0
}

// foreignName reports whether text[b:e] reads as a transcribed name: the
// segmenter tags its tokens as names or does not know them.
func (s *scan) foreignName(b, e int) bool {
	for p := b; p < e; {
		tk := s.tok(p)
		if tk == nil {
			return false
		}
		if s.class(s.tokIndex(p))&wordProperTag == 0 && tk.Pos != "x" && tk.Pos != "g" && tk.Pos != "ad" {
			return false
		}
		p = tk.End
	}
	return true
}

// listEnd reports whether a list item may end at byte e: at 、, 等, or
// punctuation.
func (s *scan) listEnd(e int) bool {
	if e >= len(s.text) {
		return true
	}
	r := firstRune(s.text[e:])
	return r == '、' || r == '等' || unicode.IsPunct(r) || unicode.IsSpace(r)
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}
