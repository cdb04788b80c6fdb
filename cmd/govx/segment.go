package main

import (
	"context"
	"fmt"
	"io"

	"govx"
	"govx/corpus"
	"govx/normalize"
	"govx/output"
	"govx/segment"
)

// runSegment is govx segment PATH: the tokens of every article of PATH
// with their part-of-speech tags, one sentence per line as word/pos, or
// with --tsv one token per line with its sentence, index and code-point
// offsets (the columns of the tokens table).
func runSegment(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	flags := newFlags("segment", "segment [--tsv] [--dict FILE] PATH ...", stderr)
	tsv := flags.Bool("tsv", false, "one token per line: sentence, index, start, end, text, pos")
	var dicts listFlag
	flags.Var(&dicts, "dict", "extra user dictionary `FILE` (word [freq [pos]] per line); may be repeated")
	paths, err := parseArgs(flags, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return &exitError{2, fmt.Errorf("want a PATH to segment")}
	}
	seg, err := segment.Load(dicts...)
	if err != nil {
		return err
	}
	ew := &errorWriter{w: stdout}
	n := 0
	for doc, err := range corpus.Read(paths) {
		if err != nil {
			return err
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		a := normalize.Article(doc)
		r := govx.Result{Article: a, Tokens: seg.Tokens(a.Text, normalize.Sentences(a.Text))}
		rows := output.RowsOf(&r)
		if n > 0 {
			fmt.Fprintln(ew)
		}
		n++
		fmt.Fprintf(ew, "# %s (article %s)\n", a.DocID, a.ID)
		if *tsv {
			fmt.Fprintln(ew, "sentence\tindex\tstart\tend\ttext\tpos")
			for _, t := range rows.Tokens {
				fmt.Fprintf(ew, "%d\t%d\t%d\t%d\t%s\t%s\n", t.Sentence, t.Index, t.Start, t.End, t.Text, t.Pos)
			}
			continue
		}
		for i, t := range rows.Tokens {
			switch {
			case i > 0 && t.Sentence != rows.Tokens[i-1].Sentence:
				fmt.Fprintln(ew)
			case i > 0:
				fmt.Fprint(ew, " ")
			}
			fmt.Fprintf(ew, "%s/%s", t.Text, t.Pos)
		}
		if len(rows.Tokens) > 0 {
			fmt.Fprintln(ew)
		}
		if ew.err != nil {
			return ew.err
		}
	}
	if n == 0 {
		return fmt.Errorf("no article found in %v", paths)
	}
	return ew.err
}
