package quantity

import (
	"sort"
	"strings"
	"unicode/utf8"

	"govx/normalize"
)

// view is the text the extractor scans: the folded article text (ASCII
// digits) without the spaces that stand next to a Chinese character (一 百
// 五 十 个 百 分 点, 177.1 亿元), which carry no meaning in Chinese. It maps
// its offsets back to the article text.
type view struct {
	text   string
	folded normalize.Folded
	// cuts lists, in order, where runs of spaces were removed: from view
	// offset at on, offsets are shifted by shift bytes in folded.Text.
	cuts []cut
	// same is set when the offsets of text are those of the article
	// text: nothing was folded or cut.
	same bool
}

type cut struct{ at, shift int }

// newView removes from f.Text the runs of spaces that touch a non-ASCII
// character on either side.
func newView(f normalize.Folded) view {
	s := f.Text
	if !hasLooseSpace(s) {
		return view{text: s, folded: f, same: f.Orig(len(s)) == len(s)}
	}
	var b strings.Builder
	b.Grow(len(s))
	var cuts []cut
	for i := 0; i < len(s); {
		k := strings.IndexByte(s[i:], ' ')
		if k < 0 {
			b.WriteString(s[i:])
			break
		}
		b.WriteString(s[i : i+k])
		i += k
		if j := spaceRunEnd(s, i); looseSpace(s, i, j) {
			cuts = append(cuts, cut{at: b.Len(), shift: j - b.Len()})
			i = j
			continue
		}
		b.WriteByte(' ')
		i++
	}
	return view{text: b.String(), folded: f, cuts: cuts}
}

// hasLooseSpace reports whether s has a space newView would remove.
func hasLooseSpace(s string) bool {
	for i := 0; ; {
		k := strings.IndexByte(s[i:], ' ')
		if k < 0 {
			return false
		}
		i += k
		j := spaceRunEnd(s, i)
		if looseSpace(s, i, j) {
			return true
		}
		i = j
	}
}

// spaceRunEnd returns the end of the run of spaces that starts at s[i].
func spaceRunEnd(s string, i int) int {
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return i
}

// looseSpace reports whether the spaces s[i:j] stand between two
// characters of a line one of which is not ASCII.
func looseSpace(s string, i, j int) bool {
	if i == 0 || j == len(s) {
		return false
	}
	l, _ := utf8.DecodeLastRuneInString(s[:i])
	r, _ := utf8.DecodeRuneInString(s[j:])
	if l == '\n' || r == '\n' {
		return false
	}
	return l >= utf8.RuneSelf || r >= utf8.RuneSelf
}

// foldedAt returns the offset in folded.Text of byte j of v.text.
func (v *view) foldedAt(j int) int {
	if len(v.cuts) == 0 {
		return j
	}
	return v.afterCuts(j)
}

// afterCuts is foldedAt for a view with cuts.
func (v *view) afterCuts(j int) int {
	k := sort.Search(len(v.cuts), func(k int) bool { return v.cuts[k].at > j })
	if k == 0 {
		return j
	}
	return j + v.cuts[k-1].shift
}

// start maps the start offset of a span of v.text to the article text.
func (v *view) start(j int) int {
	if v.same {
		return j
	}
	if j == len(v.text) {
		return v.folded.Orig(len(v.folded.Text))
	}
	return v.folded.Orig(v.foldedAt(j))
}

// end maps the end offset of a span of v.text to the article text: the
// end of its last byte, so that spaces after it are left out.
func (v *view) end(j int) int {
	if v.same {
		return j
	}
	if j == 0 {
		return v.folded.Orig(0)
	}
	return v.folded.Orig(v.foldedAt(j-1) + 1)
}
