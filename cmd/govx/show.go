package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/width"

	"govx"
	"govx/corpus"
	"govx/eval"
	"govx/output"
	"govx/pipeline"
)

// runShow is govx show PATH|ARTICLE_ID: an article's text with each
// extraction marked inline, a legend, and the indicator rows below it.
// For a PATH it runs the pipeline on that file (every article in it); for
// an ID it looks the article up in an output directory (-o), by
// article_id, a prefix of one, or doc_id.
func runShow(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	flags := newFlags("show", "show [-o OUT] [--color auto|always|never] PATH|ARTICLE_ID", stderr)
	dir := flags.String("o", "out", "output `DIR` to look an ARTICLE_ID up in")
	color := flags.String("color", "auto", "colour the marks: auto (when stdout is a terminal and NO_COLOR is unset), always or never")
	ref := flags.String("reference-date", "", "fallback `DATE` (2006-01-02) for relative time words when processing a PATH whose article carries none")
	var dicts listFlag
	flags.Var(&dicts, "dict", "extra user dictionary `FILE` when processing a PATH; may be repeated")
	pos, err := parseArgs(flags, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return &exitError{2, fmt.Errorf("want one PATH or ARTICLE_ID, got %d arguments", len(pos))}
	}
	useColor, err := colorWanted(*color, stdout)
	if err != nil {
		return &exitError{2, err}
	}
	var opts pipeline.Options
	if *ref != "" {
		if opts.ReferenceDate, err = govx.ParseDate(*ref); err != nil {
			return &exitError{2, fmt.Errorf("--reference-date: %w", err)}
		}
	}
	arg := pos[0]
	var articles []output.Rows
	if _, statErr := os.Stat(arg); statErr == nil {
		articles, err = processPath(ctx, arg, dicts, opts)
	} else if errors.Is(statErr, fs.ErrNotExist) {
		articles, err = lookUp(*dir, arg)
	} else {
		err = statErr
	}
	if err != nil {
		return err
	}
	for i := range articles {
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		if err := renderArticle(stdout, &articles[i], useColor); err != nil {
			return err
		}
	}
	return nil
}

// colorWanted decides whether to write ANSI colours.
func colorWanted(mode string, w io.Writer) (bool, error) {
	switch mode {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "auto":
		if os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
			return false, nil
		}
		f, ok := w.(*os.File)
		if !ok {
			return false, nil
		}
		fi, err := f.Stat()
		return err == nil && fi.Mode()&os.ModeCharDevice != 0, nil
	}
	return false, fmt.Errorf("--color: want auto, always or never, got %q", mode)
}

// processPath runs the pipeline over every article of one input.
func processPath(ctx context.Context, path string, dicts []string, opts pipeline.Options) ([]output.Rows, error) {
	seg, extractors, err := load(dicts)
	if err != nil {
		return nil, err
	}
	p := pipeline.New(seg, extractors, opts)
	var all []output.Rows
	for doc, err := range corpus.Read([]string{path}) {
		if err != nil {
			return nil, err
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		r := p.Process(doc)
		all = append(all, output.RowsOf(&r))
	}
	if len(all) == 0 {
		return nil, fmt.Errorf("%s: no article in it", path)
	}
	return all, nil
}

// lookUp finds an article in the output directory dir by article_id, by a
// unique prefix of one (at least 4 hex digits), or by doc_id.
func lookUp(dir, id string) ([]output.Rows, error) {
	rows, m, err := eval.ReadRows(dir)
	if err != nil {
		return nil, fmt.Errorf("%s is not a file, and looking it up as an article: %w", id, err)
	}
	if _, ok := m.Tables[output.Articles]; !ok {
		return nil, fmt.Errorf("%s: the run has no articles table, so it has no article texts to show", dir)
	}
	var exact, prefix, byDoc []output.Rows
	for _, r := range rows {
		switch a := r.Article; {
		case a.ArticleID == id:
			exact = append(exact, r)
		case len(id) >= 4 && strings.HasPrefix(a.ArticleID, id):
			prefix = append(prefix, r)
		case a.DocID == id:
			byDoc = append(byDoc, r)
		}
	}
	switch {
	case len(exact) > 0:
		return exact[:1], nil
	case len(prefix) == 1:
		return prefix, nil
	case len(prefix) > 1:
		return nil, fmt.Errorf("%s: %d articles of %s have an id starting so; give more digits", id, len(prefix), dir)
	case len(byDoc) > 0:
		return byDoc, nil
	}
	return nil, fmt.Errorf("%s: no such file, and no article with that id or doc_id in %s", id, dir)
}

// mark is an extraction to mark inline, in code points of the text.
type mark struct {
	start, end int
	tag        string // q, p, or the entity type in lower case
}

// markStyle gives a tag its legend name and ANSI colour.
func markStyle(tag string) (name, ansi string) {
	switch tag {
	case "q":
		return "quantity", "\x1b[1;33m" // bold yellow
	case "p":
		return "period", "\x1b[1;36m" // bold cyan
	case "org":
		return "ORG", "\x1b[32m" // green
	case "loc":
		return "LOC", "\x1b[34m" // blue
	case "per":
		return "PER", "\x1b[35m" // magenta
	case "project":
		return "PROJECT", "\x1b[31m" // red
	}
	return tag, "\x1b[4m" // underline
}

const ansiReset = "\x1b[0m"

// legendTags are the tags in legend order.
func legendTags() []string { return []string{"q", "p", "org", "loc", "per", "project"} }

// renderArticle writes one article: a header, the legend, the text with
// its marks, the mentions that could not be marked inline, and the
// indicator rows.
func renderArticle(w io.Writer, r *output.Rows, color bool) error {
	ew := &errorWriter{w: w}
	a := r.Article
	fmt.Fprintf(ew, "article %s  doc_id %s\n", a.ArticleID, a.DocID)
	fmt.Fprintf(ew, "source %s\n", a.Source)
	fmt.Fprintf(ew, "title %s  published %s  reference date %s  region %s\n",
		orNull(a.Title), dayText(a.Published), dayText(a.ReferenceDate), orNull(a.Region))
	fmt.Fprintf(ew, "%d quantities, %d periods, %d entities, %d indicators\n",
		len(r.Quantities), len(r.Periods), len(r.Entities), len(r.Indicators))

	var legend []string
	for _, tag := range legendTags() {
		name, ansi := markStyle(tag)
		if color {
			legend = append(legend, ansi+name+ansiReset)
		} else {
			legend = append(legend, "[…]"+tag+" "+name)
		}
	}
	fmt.Fprintf(ew, "legend: %s\n\n", strings.Join(legend, "  "))

	var marks []mark
	for _, q := range r.Quantities {
		marks = append(marks, mark{int(q.Start), int(q.End), "q"})
	}
	for _, p := range r.Periods {
		marks = append(marks, mark{int(p.Start), int(p.End), "p"})
	}
	for _, e := range r.Entities {
		marks = append(marks, mark{int(e.Start), int(e.End), strings.ToLower(e.Type)})
	}
	text := []rune(a.Text)
	crossing := writeMarked(ew, text, marks, color)
	fmt.Fprintln(ew)
	if len(crossing) > 0 {
		fmt.Fprintln(ew, "\noverlapping mentions, not marked above:")
		for _, m := range crossing {
			name, _ := markStyle(m.tag)
			fmt.Fprintf(ew, "  %s %d-%d %q\n", name, m.start, m.end, string(text[m.start:m.end]))
		}
	}
	if len(r.Indicators) > 0 {
		fmt.Fprintln(ew, "\nindicators:")
		table := [][]string{{"sentence", "subject", "indicator", "period", "value", "qualifier", "change %", "basis", "modality"}}
		for _, in := range r.Indicators {
			value := "null"
			if in.Value != nil {
				value = strconv.FormatFloat(*in.Value, 'f', -1, 64) + " " + orNull(in.Unit)
			}
			change := "null"
			if in.ChangePct != nil {
				change = strconv.FormatFloat(*in.ChangePct, 'f', -1, 64)
			}
			table = append(table, []string{strconv.Itoa(int(in.Sentence)), orNull(in.Subject), in.Indicator,
				dayText(in.PeriodStart) + ".." + dayText(in.PeriodEnd), value, orNull(in.Qualifier), change,
				orNull(in.ChangeBasis), in.Modality})
		}
		writeColumns(ew, table)
	}
	return ew.err
}

// writeMarked writes text with the marks inline, nested where one mark
// holds another. Marks that cross another (each holds part of the other)
// or fall outside the text are not written; they are returned.
func writeMarked(w io.Writer, text []rune, marks []mark, color bool) (skipped []mark) {
	slices.SortStableFunc(marks, func(x, y mark) int {
		return cmp.Or(cmp.Compare(x.start, y.start), cmp.Compare(y.end, x.end))
	})
	var placed []mark
	var stack []mark
	for _, m := range marks {
		if m.start < 0 || m.end > len(text) || m.start >= m.end {
			skipped = append(skipped, m)
			continue
		}
		for len(stack) > 0 && stack[len(stack)-1].end <= m.start {
			stack = stack[:len(stack)-1]
		}
		if len(stack) > 0 && m.end > stack[len(stack)-1].end {
			skipped = append(skipped, m)
			continue
		}
		stack = append(stack, m)
		placed = append(placed, m)
	}
	// Walk the text, opening and closing marks; placed is sorted by start.
	stack = stack[:0]
	next := 0
	open := func(m mark) {
		if color {
			_, ansi := markStyle(m.tag)
			io.WriteString(w, ansi)
		} else {
			io.WriteString(w, "[")
		}
	}
	closeTop := func() {
		m := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if !color {
			io.WriteString(w, "]"+m.tag)
			return
		}
		io.WriteString(w, ansiReset)
		if len(stack) > 0 { // back to the enclosing mark's colour
			_, ansi := markStyle(stack[len(stack)-1].tag)
			io.WriteString(w, ansi)
		}
	}
	for i := 0; i <= len(text); i++ {
		for len(stack) > 0 && stack[len(stack)-1].end == i {
			closeTop()
		}
		for next < len(placed) && placed[next].start == i {
			open(placed[next])
			stack = append(stack, placed[next])
			next++
		}
		if i < len(text) {
			io.WriteString(w, string(text[i]))
		}
	}
	return skipped
}

func orNull(s *string) string {
	if s == nil {
		return "null"
	}
	return *s
}

func dayText(d *output.Day) string {
	if d == nil {
		return "null"
	}
	return d.Date().String()
}

// writeColumns writes rows as left-aligned columns two spaces apart,
// measuring Chinese characters as two columns wide, as terminals show
// them.
func writeColumns(w io.Writer, rows [][]string) {
	var widths []int
	for _, row := range rows {
		for i, cell := range row {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], displayWidth(cell))
		}
	}
	for _, row := range rows {
		var b strings.Builder
		for i, cell := range row {
			b.WriteString(cell)
			if i < len(row)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-displayWidth(cell)+2))
			}
		}
		b.WriteString("\n")
		io.WriteString(w, b.String())
	}
}

// displayWidth is the number of terminal columns s takes.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}
