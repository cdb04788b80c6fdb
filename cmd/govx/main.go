// Command govx turns archives of Chinese government and local-press news
// into analysis-ready tables: quantities, periods, entities and indicator
// facts, written as Parquet (or JSON Lines) for notebooks.
//
// Usage:
//
//	govx extract [flags] [PATH ...]   # no PATH: the built-in sample corpus
//	govx eval  --gold DIR OUT         # precision / recall / F1 per table
//	govx diff  OLD_OUT NEW_OUT        # what changed between two runs
//	govx show  PATH|ARTICLE_ID        # one article with its extractions marked
//	govx segment PATH                 # tokens and part-of-speech tags
//
// Run "govx COMMAND -h" for the flags of a command. The contract of the
// command line and of every output column is SPEC.md.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
)

// command runs one subcommand. It returns an error to report on stderr;
// an *exitError sets the exit status.
type command func(ctx context.Context, args []string, stdout, stderr io.Writer) error

// commands is the table of subcommands, wired here and nowhere else.
var commands = map[string]struct {
	run     command
	summary string
}{
	"extract": {runExtract, "extract tables from articles: govx extract [flags] [PATH ...]"},
	"eval":    {runEval, "score an output against gold annotations: govx eval --gold DIR OUT"},
	"diff":    {runDiff, "what changed between two runs (exit 1 when anything did): govx diff OLD_OUT NEW_OUT"},
	"show":    {runShow, "one article with its extractions marked: govx show PATH|ARTICLE_ID"},
	"segment": {runSegment, "tokens and part-of-speech tags: govx segment PATH"},
}

// exitError carries an exit status other than 1, with an optional message.
type exitError struct {
	status int
	err    error // nil: nothing more to print
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit status %d", e.status)
	}
	return e.err.Error()
}

func (e *exitError) Unwrap() error { return e.err }

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

// run executes the command line args and returns the exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	if args[0] == "version" || args[0] == "--version" {
		fmt.Fprintln(stdout, "govx", version)
		return 0
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "govx: unknown command %q\n", args[0])
		usage(stderr)
		return 2
	}
	err := cmd.run(ctx, args[1:], stdout, stderr)
	if err == nil {
		return 0
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil {
			fmt.Fprintf(stderr, "govx %s: %v\n", args[0], ee.err)
		}
		return ee.status
	}
	fmt.Fprintf(stderr, "govx %s: %v\n", args[0], err)
	return 1
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "govx turns Chinese government news archives into analysis-ready tables.")
	fmt.Fprintln(w, "\nCommands:")
	names := make([]string, 0, len(commands))
	for name := range commands {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		fmt.Fprintf(w, "  %-8s %s\n", name, commands[name].summary)
	}
	fmt.Fprintln(w, "\nRun 'govx COMMAND -h' for a command's flags.")
}
