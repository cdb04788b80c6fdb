package main

import (
	"context"
	"fmt"
	"io"

	"govx/diff"
	"govx/eval"
	"govx/output"
)

// runDiff is govx diff OLD_OUT NEW_OUT: the rows added, removed and
// changed between two runs, summary first. Like diff(1), it exits with
// status 0 when the runs have the same rows, 1 when anything changed (an
// *exitError with status 1 and no message) and 2 on trouble (bad
// arguments, a missing or foreign output directory).
func runDiff(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("diff", "diff [--json] [--summary] [--tables LIST] OLD_OUT NEW_OUT", stderr)
	asJSON := fs.Bool("json", false, "print the changes as JSON")
	summary := fs.Bool("summary", false, "print only the summary, not each changed row")
	tableList := fs.String("tables", "", "comma-separated `LIST` of tables to compare (default all)")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	tables := output.AllTables
	if *tableList != "" {
		if tables, err = output.ParseTables(*tableList); err != nil {
			return &exitError{2, fmt.Errorf("--tables: %w", err)}
		}
	}
	if len(pos) != 2 {
		return &exitError{2, fmt.Errorf("want two output directories, OLD_OUT and NEW_OUT; got %d arguments", len(pos))}
	}
	old, _, err := eval.ReadRows(pos[0])
	if err != nil {
		return &exitError{2, err}
	}
	new, _, err := eval.ReadRows(pos[1])
	if err != nil {
		return &exitError{2, err}
	}
	rep := diff.CompareTables(old, new, tables)
	if *summary {
		rep.Changes = nil
	}
	if *asJSON {
		err = rep.WriteJSON(stdout)
	} else {
		err = rep.WriteText(stdout)
	}
	if err != nil {
		return &exitError{2, err}
	}
	if !rep.Empty() {
		return &exitError{status: 1}
	}
	return nil
}
