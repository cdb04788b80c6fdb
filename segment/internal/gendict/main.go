// Command gendict writes the genre dictionary of the segment package: the
// words of gse's simplified-Chinese dictionary that news of the genre needs,
// so that the segmenter loads in a fraction of the time and memory.
//
// It keeps every word with a frequency of at least -minfreq, and every
// place, organization and other proper name (tags ns, nt, nz) whatever its
// frequency. A word listed twice keeps its first entry, as gse would. The
// words are written in byte order, which makes loading them into gse's
// double-array trie a third faster than gse's own order. Run it through go
// generate in the segment directory:
//
//	go generate ./segment
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// keepTags are the tags kept whatever the word's frequency.
var keepTags = map[string]bool{"ns": true, "nt": true, "nz": true}

func main() {
	out := flag.String("o", "zh_genre.txt", "output file")
	minFreq := flag.Float64("minfreq", 4, "keep words at least this frequent")
	flag.Parse()
	if err := run(*out, *minFreq); err != nil {
		fmt.Fprintln(os.Stderr, "gendict:", err)
		os.Exit(1)
	}
}

func run(out string, minFreq float64) error {
	dir, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/go-ego/gse").Output()
	if err != nil {
		return fmt.Errorf("locating gse: %w", err)
	}
	src := filepath.Join(strings.TrimSpace(string(dir)), "data", "dict", "zh", "s_1.txt")
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	total := 0
	var lines [][]string
	seen := make(map[string]bool)
	sc := bufio.NewScanner(in)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 2 {
			continue
		}
		total++
		freq, err := strconv.ParseFloat(fields[1], 64)
		if err != nil {
			return fmt.Errorf("%s: line %d: %w", src, total, err)
		}
		if !seen[fields[0]] && (freq >= minFreq || len(fields) > 2 && keepTags[fields[2]]) {
			lines = append(lines, fields)
		}
		seen[fields[0]] = true
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", src, err)
	}
	slices.SortFunc(lines, func(a, b []string) int { return strings.Compare(a[0], b[0]) })
	for _, fields := range lines {
		fmt.Fprintln(w, strings.Join(fields, " "))
	}
	kept := len(lines)
	if err := w.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "gendict: kept %d of %d words of %s\n", kept, total, src)
	return f.Close()
}
