package indicator

// Indicator names: the text before (or after) a figure, cleaned of what
// the gold does not write as part of the name.

import (
	"strings"

	"govx"
)

// nounAfter returns the noun a count is followed by (33个项目 → 项目), up
// to limit, and where it ends; "" when the count ends its phrase. When a
// list follows, the segmenter's nouns say where the noun ends (20个项目涵盖
// 了新能源、新材料 → 项目).
func (b *binder) nounAfter(from, limit int) (string, int) {
	s := b.text[from:limit]
	end, stop := len(s), ""
	for _, w := range b.e.nounStops {
		if i := strings.Index(s, w); i >= 0 && i < end {
			end, stop = i, w
		}
	}
	if stop == "、" {
		return b.tokenNoun(from, from+end)
	}
	noun := b.trimName(s[:end])
	if noun == "" || !hasLetter(noun) {
		return "", from
	}
	return noun, from + end
}

// tokenNoun returns the run of noun tokens that starts at from and ends by
// limit (a 的 may join two nouns: 乡镇的油路项目), and where it ends; ""
// without tokens or when the noun is the first item of a list.
func (b *binder) tokenNoun(from, limit int) (string, int) {
	i := searchTokens(b.toks, from)
	end := from
	for ; i < len(b.toks) && b.toks[i].End <= limit && b.toks[i].Start == end; i++ {
		t := b.toks[i]
		isNoun := strings.HasPrefix(t.Pos, "n")
		joins := t.Pos == "uj" && end > from && i+1 < len(b.toks) && strings.HasPrefix(b.toks[i+1].Pos, "n")
		if !isNoun && !joins {
			break
		}
		end = t.End
	}
	if end == from || strings.HasPrefix(b.text[end:], "、") {
		return "", from // no noun, or the first item of a list of them
	}
	return b.text[from:end], end
}

// shorten returns name, or its part after the last 的 or 等 when it is too
// long to be a name (…便民集中充电点建设等“群众身边事” → “群众身边事”), or "".
func (b *binder) shorten(name string) string {
	if !hasRunes(name, maxNameRunes+1) {
		return name
	}
	for _, cut := range longNameCuts {
		if i := strings.LastIndex(name, cut); i >= 0 && hasRunes(name, maxNameRunes+1) {
			name = b.trimName(name[i+len(cut):])
		}
	}
	if hasRunes(name, maxNameRunes+1) {
		return ""
	}
	return name
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

// clean returns the name text[from:to] as the gold writes it: without
// periods, leading connectives and whole-area words, reporting verbs and
// trailing particles.
func (b *binder) clean(from, to int) string {
	from = b.skipHead(from, to)
	if from >= to {
		return ""
	}
	var sb strings.Builder // only when a period is taken out
	last := from
	for i := b.pName.seek(b.pStarts, from); i < len(b.ps) && b.ps[i].Start < to; i++ {
		p := b.ps[i]
		if p.End > to || p.Start < last {
			continue
		}
		// A period goes with the mark of a comparison or the preposition
		// before it: 居民消费价格比上年上涨 → 居民消费价格, 到2025年产值 → 产值.
		before := b.text[last:p.Start]
		before = trimSuffixAny(before, b.e.compare)
		before = trimSuffixAny(before, timePrepositions)
		sb.WriteString(before)
		last = p.End
	}
	s := b.text[last:to]
	if last > from {
		sb.WriteString(s)
		s = sb.String()
	}
	// Each step below looks for the words of one table, and only when one
	// pass over the name found some. Cuts keep a part of the name, so they
	// bring no new word into it; an aside joins two parts, which may.
	found := b.e.nameWords.tablesIn(s)
	if found&(1<<nameCut) != 0 {
		for _, cut := range b.e.cuts {
			if i := lastIndex(s, cut); i >= 0 {
				s = s[i+len(cut):]
			}
		}
	}
	if found&(1<<nameRate) != 0 {
		for _, w := range rateWords {
			if i := lastIndex(s, w); i > 0 {
				for _, p := range ratePrefixes {
					if strings.HasSuffix(s[:i], p) {
						i -= len(p)
					}
				}
				s = s[i:]
			}
		}
	}
	if found&(1<<nameAside) != 0 {
		for _, a := range asides {
			if j := strings.Index(s, a[1]); j >= 0 {
				if i := strings.LastIndex(s[:j], a[0]); i >= 0 {
					s = s[:i] + s[j+len(a[1]):]
					found |= 1 << nameInner // the joined parts may make an inner word
				}
			}
		}
	}
	if found&(1<<nameInner) != 0 {
		for _, w := range b.e.inner {
			s = strings.ReplaceAll(s, w, "")
		}
	}
	return b.trimName(s)
}

// skipHead moves from past what heads a name without being part of it:
// spaces and separators, and the names of places and companies, which are
// the subject (西藏完成投资 → 完成投资).
func (b *binder) skipHead(from, to int) int {
	for moved := true; moved && from < to; {
		moved = false
		for _, sep := range headSkips {
			if hasPrefix(b.text[from:to], sep) {
				from, moved = from+len(sep), true
			}
		}
		for _, e := range b.entitiesIn(govx.Span{Start: from, End: from + 1}) {
			if e.End < to && e.Type != govx.EntityPer {
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
		if t, ok := cutListNumber(s); ok {
			s, changed = t, true // （一）
		}
		for _, w := range b.e.lead.starting(s) {
			if hasPrefix(s, w) {
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
		for _, w := range b.e.tail.ending(s) {
			if hasSuffix(s, w) {
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

// cutListNumber returns s without a leading list number (1. or （一）),
// and whether there was one.
func cutListNumber(s string) (string, bool) {
	if s == "" || !(s[0] >= '0' && s[0] <= '9' || s[0] == '(' || s[0] == "（"[0]) {
		return s, false // no digit, no bracket: the first byte tells (０ and （ share theirs)
	}
	if n := len(s) - len(strings.TrimLeft(s, listDigits)); n > 0 {
		for _, p := range listPoints {
			if after, ok := strings.CutPrefix(s[n:], p); ok {
				return after, true // 1.地区生产总值
			}
		}
		return s, false
	}
	for _, open := range []string{"（", "("} {
		rest, ok := strings.CutPrefix(s, open)
		if !ok {
			continue
		}
		n := len(rest) - len(strings.TrimLeft(rest, listNumerals))
		if n == 0 {
			return s, false
		}
		for _, closing := range []string{"）", ")"} {
			if after, ok := strings.CutPrefix(rest[n:], closing); ok {
				return after, true
			}
		}
	}
	return s, false
}
