package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"govx/eval"
	"govx/output"
)

// evalConfig is the parsed command line of govx eval.
type evalConfig struct {
	gold    string
	out     string
	json    bool
	verbose bool
	floors  map[string]float64 // table → minimum F1
}

func parseEval(args []string, stderr io.Writer) (*evalConfig, error) {
	fs := newFlags("eval", "eval --gold DIR [--json] [-v] [--min TABLE=F1]... OUT", stderr)
	gold := fs.String("gold", "", "gold annotations `DIR` (one JSON file per article)")
	asJSON := fs.Bool("json", false, "print the scores as JSON")
	verbose := fs.Bool("v", false, "list misses, extras and wrong fields by article")
	var mins listFlag
	fs.Var(&mins, "min", "fail (exit status 1) when a table's F1 is below a floor: `TABLE=F1`, e.g. quantities=0.8; may be repeated or comma-separated")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return nil, err
	}
	if *gold == "" {
		return nil, &exitError{2, fmt.Errorf("--gold DIR is required")}
	}
	if len(pos) != 1 {
		return nil, &exitError{2, fmt.Errorf("want one output directory, got %d arguments", len(pos))}
	}
	c := &evalConfig{gold: *gold, out: pos[0], json: *asJSON, verbose: *verbose, floors: map[string]float64{}}
	for _, m := range mins {
		for _, floor := range strings.Split(m, ",") {
			table, f1, err := parseFloor(floor)
			if err != nil {
				return nil, &exitError{2, fmt.Errorf("--min: %w", err)}
			}
			c.floors[table] = f1
		}
	}
	return c, nil
}

// parseFloor reads TABLE=F1.
func parseFloor(s string) (string, float64, error) {
	table, num, ok := strings.Cut(strings.TrimSpace(s), "=")
	if !ok {
		return "", 0, fmt.Errorf("%q: want TABLE=F1", s)
	}
	if !slices.Contains(eval.Tables, table) {
		return "", 0, fmt.Errorf("%q: unknown table %q (want one of %s)", s, table, strings.Join(eval.Tables, ", "))
	}
	f1, err := strconv.ParseFloat(num, 64)
	if err != nil || f1 < 0 || f1 > 1 {
		return "", 0, fmt.Errorf("%q: the floor must be a number from 0 to 1", s)
	}
	return table, f1, nil
}

// runEval is govx eval: score an output directory against gold
// annotations with the rules of SPEC.md.
func runEval(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	c, err := parseEval(args, stderr)
	if err != nil {
		return err
	}
	gold, err := eval.LoadGold(c.gold)
	if err != nil {
		return err
	}
	rows, m, err := eval.ReadRows(c.out)
	if err != nil {
		return err
	}
	if _, ok := m.Tables[output.Articles]; !ok {
		return fmt.Errorf("%s: the run has no articles table, which eval needs to find each gold article", c.out)
	}
	rep := eval.Score(gold, rows)
	if !c.verbose {
		rep.Articles = nil
	}
	if c.json {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		err = enc.Encode(rep)
	} else {
		err = writeEvalText(stdout, &rep, m)
	}
	if err != nil {
		return err
	}
	var below []string
	for _, table := range eval.Tables {
		if floor, ok := c.floors[table]; ok && rep.Tables[table].F1 < floor {
			below = append(below, fmt.Sprintf("%s F1 %.4f is below its floor %.4f", table, rep.Tables[table].F1, floor))
		}
	}
	if len(below) > 0 {
		return &exitError{1, fmt.Errorf("%s", strings.Join(below, "; "))}
	}
	return nil
}

// writeEvalText prints the report for a person: one line per table, the
// field accuracies, then (with -v) the details by article.
func writeEvalText(w io.Writer, rep *eval.Report, m *output.Manifest) error {
	ew := &errorWriter{w: w}
	fmt.Fprintf(ew, "gold articles: %d", rep.GoldArticles)
	if rep.MissingArticles > 0 {
		fmt.Fprintf(ew, " (%d not in the run: their items count as missed)", rep.MissingArticles)
	}
	fmt.Fprintf(ew, "; run by govx %s\n\n", m.Version)
	tw := tabwriter.NewWriter(ew, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "table\tprecision\trecall\tF1\tmatched\tmissed\textra\tfield accuracy")
	for _, table := range eval.Tables {
		t := rep.Tables[table]
		acc := "-" // no matched item, no field to score
		if t.Matched > 0 {
			acc = fmt.Sprintf("%.3f", t.Accuracy)
		}
		fmt.Fprintf(tw, "%s\t%.3f\t%.3f\t%.3f\t%d\t%d\t%d\t%s\n",
			table, t.Precision, t.Recall, t.F1, t.Matched, t.Missed, t.Extra, acc)
	}
	tw.Flush()
	fmt.Fprintln(ew, "\nfield accuracy over matched items:")
	fields := func(name string, fs map[string]*eval.FieldScore) {
		names := make([]string, 0, len(fs))
		for n := range fs {
			names = append(names, n)
		}
		slices.Sort(names)
		parts := make([]string, len(names))
		for i, n := range names {
			f := fs[n]
			parts[i] = fmt.Sprintf("%s %.3f (%d/%d)", n, f.Accuracy, f.Correct, f.Total)
		}
		if len(parts) == 0 {
			parts = []string{"-"}
		}
		fmt.Fprintf(ew, "  %-11s %s\n", name, strings.Join(parts, "  "))
	}
	for _, table := range eval.Tables {
		fields(table, rep.Tables[table].Fields)
	}
	fields("articles", rep.ArticleFields)
	for _, a := range rep.Articles {
		writeArticleDetails(ew, &a)
	}
	return ew.err
}

// writeArticleDetails prints what one article missed, added and got wrong.
func writeArticleDetails(w io.Writer, a *eval.ArticleReport) {
	id := a.ArticleID
	if id == "" {
		id = "not in the run"
	}
	fmt.Fprintf(w, "\n== %s (article %s)\n", a.Source, id)
	for _, wf := range a.Wrong {
		fmt.Fprintf(w, "  article %s: gold %s, got %s\n", wf.Field, jsonText(wf.Gold), jsonText(wf.Got))
	}
	for _, table := range eval.Tables {
		t := a.Tables[table]
		if len(t.Missed)+len(t.Extra)+len(t.Wrong) == 0 {
			continue
		}
		fmt.Fprintf(w, "  %s: %d matched, %d missed, %d extra, %d wrong fields\n",
			table, t.Matched, len(t.Missed), len(t.Extra), len(t.Wrong))
		for _, it := range t.Missed {
			fmt.Fprintf(w, "    - missed %s\n", itemText(table, it))
		}
		for _, it := range t.Extra {
			fmt.Fprintf(w, "    + extra  %s\n", itemText(table, it))
		}
		for _, wf := range t.Wrong {
			fmt.Fprintf(w, "    ~ %q %s: gold %s, got %s\n", wf.Item, wf.Field, jsonText(wf.Gold), jsonText(wf.Got))
		}
	}
}

// itemText prints an item as its label and the fields that matter for a
// quick look.
func itemText(table string, it eval.Item) string {
	s := strconv.Quote(it.Label())
	var keys []string
	switch table {
	case eval.Quantities:
		keys = []string{"value", "unit"}
	case eval.Periods:
		keys = []string{"period_start", "period_end"}
	case eval.Entities:
		keys = []string{"type"}
	case eval.Indicators:
		keys = []string{"period_start", "period_end", "value", "unit", "change_pct", "modality"}
	}
	for _, k := range keys {
		if v, ok := it[k]; ok && v != nil {
			s += " " + k + "=" + jsonText(v)
		}
	}
	if start, ok := it["start"].(float64); ok {
		s += fmt.Sprintf(" @%d", int(start))
	}
	return s
}

// jsonText prints a value as JSON (null, "CNY", 258000000).
func jsonText(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

// errorWriter keeps the first write error, so that printing code need not
// check every call.
type errorWriter struct {
	w   io.Writer
	err error
}

func (e *errorWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}
