// Command gendict writes the genre dictionary of the segment package: the
// words of gse's simplified-Chinese dictionary that news of the genre needs,
// so that the segmenter loads in a fraction of the time and memory.
//
// It keeps every word with a frequency of at least -minfreq, and every
// place, organization and other proper name (tags ns, nt, nz) whatever its
// frequency. Run it through go generate in the segment directory:
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
	kept, total := 0, 0
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
		if freq >= minFreq || len(fields) > 2 && keepTags[fields[2]] {
			fmt.Fprintln(w, strings.Join(fields, " "))
			kept++
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", src, err)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "gendict: kept %d of %d words of %s\n", kept, total, src)
	return f.Close()
}
