package corpus

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"govx"
)

// HTML pages are read with golang.org/x/net/html and a small main-text
// finder written for the genre, rather than a general extraction library
// (go-trafilatura finds body, title and date too, but brings 27 modules and
// a WebAssembly runtime, about 107 MB, into every build). Chinese government
// and newspaper sites mostly follow one shape: the title and publish date in
// standard meta tags (ArticleTitle, PubDate) or an info line (发布时间：…), the
// body in one container of paragraphs. What cannot be found is left empty.

// maxHTMLDepth caps element nesting. The HTML parser checks element scopes
// by walking its stack, which is quadratic on pages nested thousands deep.
const maxHTMLDepth = 512

// readHTML reads an .html page: one article.
func (l limits) readHTML(in input, yield yieldFunc) bool {
	b, err := readCapped(in.r, l.maxArticle)
	if err != nil {
		return fail(yield, in.source, err)
	}
	page, err := Decode(b)
	if err != nil {
		return fail(yield, in.source, err)
	}
	doc, err := ParseHTML(page)
	if err != nil {
		return fail(yield, in.source, err)
	}
	doc.DocID, doc.Source = in.docID(), in.source
	return yield(doc, nil)
}

// ParseHTML returns the main text, title and publish date of a page
// (DocID and Source are left empty). A page with no text, or nested more
// than 512 elements deep, is an error.
func ParseHTML(page string) (govx.Document, error) {
	if d := htmlDepth(page); d > maxHTMLDepth {
		return govx.Document{}, fmt.Errorf("%w: HTML nested more than %d elements deep", ErrTooLarge, maxHTMLDepth)
	}
	root, err := html.Parse(strings.NewReader(page))
	if err != nil {
		return govx.Document{}, fmt.Errorf("html: %w", err)
	}
	p := newPageScan(root)
	main := blockText(p.mainNode())
	title := p.title()
	body := bodyLines(main, title)
	if len(body) == 0 {
		return govx.Document{}, fmt.Errorf("%w: no text found in the page", ErrEmpty)
	}
	text := strings.Join(body, "\n")
	if title != "" {
		text = title + "\n\n" + text
	}
	return govx.Document{Title: title, Published: p.published(main), Text: text}, nil
}

// bodyLines returns the lines of a page's main text without the headline
// and the info lines around it (发布时间：…  来源：…), which are metadata.
// The text of a page is laid out as the corpus's .txt files are: the title,
// a blank line, the body.
func bodyLines(main, title string) []string {
	var out []string
	for _, line := range strings.Split(main, "\n") {
		if line == "" || line == title || isInfoLine(line) {
			continue
		}
		out = append(out, line)
	}
	return out
}

// maxInfoLine is the longest line, in code points, taken for an info line.
const maxInfoLine = 80

// infoLine matches the start of a line of article metadata or page tools.
var infoLine = regexp.MustCompile(`^[【\[]?\s*(?:(?:发布时间|发布日期|发表时间|发稿时间|日期|时间|来源|信息来源|文章来源|作者|编辑|责任编辑|发布人|发布者|浏览次数|点击数|阅读次数|访问量|字号|字体)\s*[:：]|分享到|打印本页|关闭窗口|打印|关闭)`)

func isInfoLine(line string) bool {
	return utf8.RuneCountInString(line) <= maxInfoLine && infoLine.MatchString(line)
}

// htmlDepth returns the deepest element nesting of page, counted from the
// tags as written (a close tag closes one level).
func htmlDepth(page string) int {
	z := html.NewTokenizer(strings.NewReader(page))
	depth, deepest := 0, 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return deepest
		case html.StartTagToken:
			name, _ := z.TagName()
			if a := atom.Lookup(name); !voidElements[a] && !optionalEnd[a] {
				depth++
				deepest = max(deepest, depth)
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if a := atom.Lookup(name); !voidElements[a] && !optionalEnd[a] {
				depth = max(depth-1, 0)
			}
		}
	}
}

// voidElements have no end tag.
var voidElements = map[atom.Atom]bool{
	atom.Area: true, atom.Base: true, atom.Br: true, atom.Col: true, atom.Embed: true,
	atom.Hr: true, atom.Img: true, atom.Input: true, atom.Link: true, atom.Meta: true,
	atom.Param: true, atom.Source: true, atom.Track: true, atom.Wbr: true,
}

// optionalEnd elements may be written without their end tag, so they do
// not count towards the nesting depth.
var optionalEnd = map[atom.Atom]bool{
	atom.P: true, atom.Li: true, atom.Dt: true, atom.Dd: true, atom.Tr: true, atom.Td: true,
	atom.Th: true, atom.Option: true, atom.Thead: true, atom.Tbody: true, atom.Tfoot: true,
	atom.Colgroup: true, atom.Rb: true, atom.Rt: true, atom.Rp: true, atom.Optgroup: true,
}

// skipped elements never hold article text.
var skipped = map[atom.Atom]bool{
	atom.Head: true, atom.Script: true, atom.Style: true, atom.Noscript: true,
	atom.Template: true, atom.Nav: true, atom.Header: true, atom.Footer: true,
	atom.Aside: true, atom.Form: true, atom.Select: true, atom.Button: true,
	atom.Iframe: true, atom.Svg: true, atom.Object: true, atom.Textarea: true,
}

// blockElements start a new line of text.
var blockElements = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Br: true, atom.Li: true, atom.Ul: true, atom.Ol: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Tr: true, atom.Table: true, atom.Tbody: true, atom.Section: true, atom.Article: true,
	atom.Main: true, atom.Blockquote: true, atom.Pre: true, atom.Dd: true, atom.Dt: true,
	atom.Dl: true, atom.Center: true, atom.Figure: true, atom.Figcaption: true, atom.Hr: true,
}

// boilerplate matches the class or id of page furniture; keepAnyway
// matches those of content containers whose names also mention it
// ("main-header-content").
var (
	boilerplate = regexp.MustCompile(`(?i)nav|menu|footer|header|breadcrumb|crumb|share|related|copyright|sidebar|banner|comment|toolbar|login|search|weizhi|dqwz|fenxiang|xgxw|xglj|bottom|foot|topbar`)
	keepAnyway  = regexp.MustCompile(`(?i)content|article|main|zoom|text|detail|body|zhengwen|TRS_Editor`)
)

// isBoilerplate reports whether an element is page furniture.
func isBoilerplate(n *html.Node) bool {
	if skipped[n.DataAtom] {
		return true
	}
	for _, a := range n.Attr {
		if (a.Key == "class" || a.Key == "id") && boilerplate.MatchString(a.Val) && !keepAnyway.MatchString(a.Val) {
			return true
		}
		if a.Key == "style" && strings.Contains(strings.ReplaceAll(a.Val, " ", ""), "display:none") {
			return true
		}
	}
	return false
}

// pageScan holds what one pass over the parsed page found.
type pageScan struct {
	root     *html.Node
	body     *html.Node
	han      map[*html.Node]int // Chinese characters under a node, outside links and furniture
	meta     map[string]string  // meta tags by lower-case name or property
	titleTag string
	h1       string
}

func newPageScan(root *html.Node) *pageScan {
	p := &pageScan{root: root, han: map[*html.Node]int{}, meta: map[string]string{}}
	p.scan(root, false)
	return p
}

// scan counts the Chinese characters of content text under each node and
// collects meta tags, the title tag and the first h1. It returns the count
// for n.
func (p *pageScan) scan(n *html.Node, inLink bool) int {
	switch n.Type {
	case html.TextNode:
		if inLink {
			return 0
		}
		return countHan(n.Data)
	case html.ElementNode:
		switch n.DataAtom {
		case atom.Meta:
			p.addMeta(n)
		case atom.Title:
			if p.titleTag == "" && n.FirstChild != nil {
				p.titleTag = strings.TrimSpace(n.FirstChild.Data)
			}
		case atom.H1:
			if p.h1 == "" {
				p.h1 = strings.TrimSpace(collapse(textOf(n)))
			}
		case atom.Body:
			p.body = n
		case atom.A:
			inLink = true
		}
	}
	total := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		total += p.scan(c, inLink)
	}
	if n.Type == html.ElementNode && isBoilerplate(n) {
		total = 0
	}
	p.han[n] = total
	return total
}

func (p *pageScan) addMeta(n *html.Node) {
	var key, content string
	for _, a := range n.Attr {
		switch a.Key {
		case "name", "property", "itemprop", "http-equiv":
			key = strings.ToLower(a.Val)
		case "content":
			content = strings.TrimSpace(a.Val)
		}
	}
	if key != "" && content != "" {
		if _, dup := p.meta[key]; !dup {
			p.meta[key] = content
		}
	}
}

// mainShare is the share of its parent's text a child must hold for the
// main-text search to descend into it.
const mainShare = 0.7

// mainNode returns the smallest element that holds most of the page's
// content text: starting from the body, it descends into the child that
// holds at least mainShare of the current node's text.
func (p *pageScan) mainNode() *html.Node {
	n := p.body
	if n == nil {
		n = p.root
	}
	for {
		var next *html.Node
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && float64(p.han[c]) >= mainShare*float64(p.han[n]) && p.han[c] > 0 {
				next = c
				break
			}
		}
		if next == nil {
			return n
		}
		n = next
	}
}

// titleMeta are the meta tags that give an article's title, best first.
var titleMeta = []string{"articletitle", "og:title", "twitter:title", "title"}

// titleSeparators split a title tag's article title from the site name.
var titleSeparators = []string{"_", " - ", " | ", "|", "——", "--", "－", " – "}

// title returns the page's article title: from a title meta tag, else
// the longest line of the page that the title tag contains (the headline
// above the body), else the h1, else the line above the dateline
// (发稿时间：…), else the title tag without the site name.
func (p *pageScan) title() string {
	for _, k := range titleMeta {
		if v := p.meta[k]; v != "" {
			return collapse(v)
		}
	}
	lines := strings.Split(blockText(p.body), "\n")
	t := collapse(p.titleTag)
	if t != "" {
		best := ""
		for _, line := range lines {
			if len(line) > len(best) && utf8.RuneCountInString(line) >= minTitleRunes && strings.Contains(t, line) {
				best = line
			}
		}
		if best != "" {
			return best
		}
	}
	if p.h1 != "" {
		return p.h1
	}
	for i, line := range lines {
		if i > 0 && isInfoLine(line) && dateLine.MatchString(line) {
			if looksLikeTitle(lines[i-1]) {
				return lines[i-1]
			}
			break
		}
	}
	for _, sep := range titleSeparators {
		if head, _, ok := strings.Cut(t, sep); ok && utf8.RuneCountInString(strings.TrimSpace(head)) >= 2 {
			t = strings.TrimSpace(head)
		}
	}
	return t
}

// looksLikeTitle reports whether a line has the shape of a headline.
func looksLikeTitle(line string) bool {
	n := utf8.RuneCountInString(line)
	last, _ := utf8.DecodeLastRuneInString(line)
	return n >= minTitleRunes && n <= 2*maxTitleRunes && countHan(line)*2 >= n &&
		!strings.ContainsRune(notTitleEnd, last) && !strings.Contains(line, "。")
}

// dateMeta are the meta tags that give a publish date, best first.
var dateMeta = []string{"pubdate", "publishdate", "article:published_time", "og:article:published_time",
	"datepublished", "dc.date", "dcterms.created", "dc.date.created", "firstpublishedtime", "publish_time", "date"}

// dateLine finds a publish date written in the page's info line.
var dateLine = regexp.MustCompile(`(?:发布时间|发布日期|发表时间|发稿时间|时间|日期)\s*[:：]\s*(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2})`)

// published returns the page's publish date, from its meta tags, else from
// an info line in the page, else the zero Date.
func (p *pageScan) published(mainText string) govx.Date {
	for _, k := range dateMeta {
		if v := p.meta[k]; v != "" {
			if d, err := ParsePublished(v); err == nil && !d.IsZero() {
				return d
			}
		}
	}
	for _, text := range []string{mainText, blockText(p.body)} {
		if m := dateLine.FindStringSubmatch(text); m != nil {
			if d, err := ParsePublished(m[1]); err == nil {
				return d
			}
		}
	}
	return govx.Date{}
}

// softBreak stands for a line break of the page source inside the text
// of blockText; '\n' stands for a block boundary. The parser turns NUL
// bytes in text into U+FFFD, so it cannot clash.
const softBreak = '\x00'

// blockText returns the visible text under n, one line per block element,
// without furniture and blank lines.
func blockText(n *html.Node) string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	writeText(&b, n)
	var out []string
	for _, line := range strings.Split(b.String(), "\n") {
		if line = strings.TrimSpace(collapse(line)); line != "" {
			out = append(out, line)
		}
	}
	return strings.Join(out, "\n")
}

func writeText(b *strings.Builder, n *html.Node) {
	switch n.Type {
	case html.TextNode:
		if strings.TrimSpace(n.Data) == "" {
			b.WriteByte(' ') // white space between elements separates them
			return
		}
		for _, r := range n.Data {
			if r == '\n' || r == '\r' {
				r = softBreak
			}
			b.WriteRune(r)
		}
		return
	case html.ElementNode:
		if isBoilerplate(n) {
			return
		}
	}
	sep := byte(0)
	switch {
	case n.Type != html.ElementNode:
	case blockElements[n.DataAtom]:
		sep = '\n'
	case n.DataAtom == atom.Td || n.DataAtom == atom.Th:
		sep = ' ' // table cells: 地区生产总值 586.32, not 地区生产总值586.32
	}
	if sep != 0 {
		b.WriteByte(sep)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		writeText(b, c)
	}
	if sep != 0 {
		b.WriteByte(sep)
	}
}

// textOf returns all the text under n.
func textOf(n *html.Node) string {
	var b bytes.Buffer
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// collapse turns each run of white space into one space. A run that
// holds a line break of the page source (or softBreak) next to a non-ASCII
// character is dropped: it is where the source wrapped a Chinese sentence.
// Runs at either end are dropped; full-width spaces are kept.
func collapse(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	pending, broken := false, false
	var prev rune
	for _, r := range s {
		if r == softBreak || r != '\u3000' && (unicode.IsSpace(r) || r == '\u00A0') {
			pending = b.Len() > 0
			broken = broken || r == softBreak || r == '\n' || r == '\r'
			continue
		}
		if pending && !(broken && (prev >= utf8.RuneSelf || r >= utf8.RuneSelf)) {
			b.WriteByte(' ')
		}
		pending, broken = false, false
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// countHan counts the Chinese characters of s.
func countHan(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x3400 && unicode.Is(unicode.Han, r) {
			n++
		}
	}
	return n
}
