// Command bench measures govx extract against its floor, word segmentation,
// on a corpus of a chosen size built from the shared articles. It is what
// make bench runs.
//
// It writes the corpus as JSON Lines (each copy of an article made distinct
// by a numbered first line), then runs, each as its own process so that
// peak memory is the process's own:
//
//   - the baseline: read, normalize and segment every article with gse's
//     Segment, the same dictionary and workers, nothing else (bench
//     baseline FILE);
//   - the same with govx's own shortest-path loop, which returns gse's
//     tokens at a third of the cost (bench baseline -path FILE): how much
//     govx adds to its own segmentation;
//   - govx extract with the same workers, and with one worker;
//   - govx extract on a single article, for the start-up cost.
//
// each several times, interleaved, and prints the best wall and CPU time,
// MB/s and peak RSS of each, the ratio of govx to the baseline and the
// speed-up of the workers, as a Markdown table.
//
//	go run ./bench -mb 20 -govx bin/govx
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"sync"
	"syscall"
	"time"

	"govx"
	"govx/corpus"
	"govx/normalize"
	"govx/segment"
)

func main() {
	if len(os.Args) > 1 && os.Args[1] == "baseline" {
		if err := baseline(os.Args[2:]); err != nil {
			fmt.Fprintln(os.Stderr, "bench baseline:", err)
			os.Exit(1)
		}
		return
	}
	shared := flag.String("shared", "../shared", "directory holding corpus/ (the shared articles)")
	mb := flag.Float64("mb", 20, "corpus size to build, in MB")
	workers := flag.Int("workers", runtime.NumCPU(), "workers for the baseline and govx")
	govxBin := flag.String("govx", "bin/govx", "the govx binary to measure")
	repeat := flag.Int("repeat", 3, "times to repeat each run (the best is kept)")
	write := flag.String("write", "", "only write the corpus to `FILE` (JSON Lines), for profiling")
	flag.Parse()
	if *repeat < 1 {
		*repeat = 1
	}
	if *write != "" {
		size, n, err := buildCorpus(filepath.Join(*shared, "corpus"), *write, int64(*mb*1e6))
		if err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(1)
		}
		fmt.Printf("%s: %.1f MB, %d articles\n", *write, float64(size)/1e6, n)
		return
	}
	if err := bench(*shared, *mb, *workers, *repeat, *govxBin); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// measurement is one timed process.
type measurement struct {
	name   string
	wall   time.Duration
	cpu    time.Duration
	peakMB float64
	mb     float64 // input size
}

func bench(shared string, mb float64, workers, repeat int, govxBin string) error {
	tmp, err := os.MkdirTemp("", "govx-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	file := filepath.Join(tmp, "corpus.jsonl")
	size, n, err := buildCorpus(filepath.Join(shared, "corpus"), file, int64(mb*1e6))
	if err != nil {
		return err
	}
	one := filepath.Join(tmp, "one.jsonl")
	if _, _, err := buildCorpus(filepath.Join(shared, "corpus"), one, 1); err != nil {
		return err
	}
	self, err := os.Executable()
	if err != nil {
		return err
	}
	inMB := float64(size) / 1e6
	w := fmt.Sprint(workers)
	runs := []struct {
		name string
		mb   float64
		cmd  []string
	}{
		{"start-up: govx extract, 1 article", 0, []string{govxBin, "extract", "--quiet", "-o", filepath.Join(tmp, "out1"), one}},
		{"baseline: read + normalize + gse Segment, " + w + " workers", inMB, []string{self, "baseline", "-workers", w, file}},
		{"read + normalize + govx's segmentation, " + w + " workers", inMB, []string{self, "baseline", "-path", "-workers", w, file}},
		{"govx extract, " + w + " workers", inMB, []string{govxBin, "extract", "--quiet", "--workers", w, "-o", filepath.Join(tmp, "outN"), file}},
		{"govx extract, 1 worker", inMB, []string{govxBin, "extract", "--quiet", "--workers", "1", "-o", filepath.Join(tmp, "out1w"), file}},
	}
	// Each run is repeated, the runs interleaved, and the best time of
	// each kept: on a shared machine the other jobs only ever add time.
	ms := make([]measurement, len(runs))
	worst := make([]time.Duration, len(runs))
	for rep := range repeat {
		for i, r := range runs {
			fmt.Fprintf(os.Stderr, "bench: %s (%d of %d) …\n", r.name, rep+1, repeat)
			m, err := measure(r.cmd)
			if err != nil {
				return fmt.Errorf("%s: %w", r.name, err)
			}
			worst[i] = max(worst[i], m.wall)
			if rep > 0 {
				m.wall, m.cpu = min(m.wall, ms[i].wall), min(m.cpu, ms[i].cpu)
				m.peakMB = max(m.peakMB, ms[i].peakMB)
			}
			m.name, m.mb = r.name, r.mb
			ms[i] = m
		}
	}
	fmt.Printf("corpus: %.1f MB, %d articles (copies of the shared articles, each made distinct); %d CPUs\n", inMB, n, runtime.NumCPU())
	fmt.Printf("best of %d interleaved runs (wall and CPU time each at its minimum, peak RSS at its maximum)\n\n", repeat)
	fmt.Println("| run | wall s | CPU s | MB/s | MB/CPU-s | peak RSS MB | slowest wall s |")
	fmt.Println("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
	for i, m := range ms {
		rate, cpuRate := "", ""
		if m.mb > 0 {
			rate = fmt.Sprintf("%.2f", m.mb/m.wall.Seconds())
			cpuRate = fmt.Sprintf("%.2f", m.mb/m.cpu.Seconds())
		}
		fmt.Printf("| %s | %.2f | %.2f | %s | %s | %.0f | %.2f |\n", m.name, m.wall.Seconds(), m.cpu.Seconds(), rate, cpuRate, m.peakMB, worst[i].Seconds())
	}
	base, own, full, single := ms[1], ms[2], ms[3], ms[4]
	fmt.Printf("\ngovx / baseline (gse Segment): wall %.2f×, CPU %.2f× (target ≤ 1.3×)\n", full.wall.Seconds()/base.wall.Seconds(), full.cpu.Seconds()/base.cpu.Seconds())
	fmt.Printf("govx / its own segmentation: wall %.2f×, CPU %.2f× (what the extractors and writers add)\n", full.wall.Seconds()/own.wall.Seconds(), full.cpu.Seconds()/own.cpu.Seconds())
	fmt.Printf("%s workers / 1 worker: %.2f× faster (target ≥ 1.7× with 2)\n", w, single.wall.Seconds()/full.wall.Seconds())
	fmt.Printf("start-up: %.2f s wall for a one-article run (target ≤ 1 s)\n", ms[0].wall.Seconds())
	fmt.Printf("peak RSS: %.0f MB (target ≤ 400 MB)\n", full.peakMB)
	return nil
}

// measure runs cmd and returns its wall time, CPU time and peak RSS.
func measure(cmd []string) (measurement, error) {
	c := exec.Command(cmd[0], cmd[1:]...)
	c.Stderr = os.Stderr
	start := time.Now()
	if err := c.Run(); err != nil {
		return measurement{}, err
	}
	wall := time.Since(start)
	u, ok := c.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		return measurement{}, errors.New("no resource usage for the process")
	}
	cpu := time.Duration(u.Utime.Nano() + u.Stime.Nano())
	return measurement{wall: wall, cpu: cpu, peakMB: float64(u.Maxrss) / 1024}, nil
}

// buildCorpus writes copies of the articles in dir to file as JSON Lines
// until it holds at least size bytes of text, each copy made distinct by a
// numbered first line. It returns the bytes of text and the articles written.
func buildCorpus(dir, file string, size int64) (int64, int, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(paths) == 0 {
		return 0, 0, fmt.Errorf("no articles in %s", dir)
	}
	sort.Strings(paths)
	var texts []string
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return 0, 0, err
		}
		texts = append(texts, string(b))
	}
	f, err := os.Create(file)
	if err != nil {
		return 0, 0, err
	}
	enc := json.NewEncoder(f)
	var total int64
	n := 0
	for total < size {
		for _, t := range texts {
			text := fmt.Sprintf("（第%d号样本）\n%s", n, t)
			rec := map[string]string{"id": fmt.Sprintf("copy-%06d", n), "text": text, "published": "2024-07-15"}
			if err := enc.Encode(rec); err != nil {
				f.Close()
				return 0, 0, err
			}
			total += int64(len(text))
			n++
			if total >= size {
				break
			}
		}
	}
	return total, n, f.Close()
}

// baseline reads, normalizes and segments the articles of the files given,
// with the same dictionary and number of workers as govx extract, and does
// nothing else: the floor govx is measured against. It segments with gse's
// Segment, or with -path with govx's own loop (the same tokens).
func baseline(args []string) error {
	fs := flag.NewFlagSet("baseline", flag.ExitOnError)
	workers := fs.Int("workers", runtime.NumCPU(), "workers")
	path := fs.Bool("path", false, "segment with govx's shortest-path loop instead of gse's Segment")
	fs.Parse(args)
	if *workers < runtime.GOMAXPROCS(0) { // as govx extract does
		runtime.GOMAXPROCS(*workers)
	}
	seg, err := segment.Load()
	if err != nil {
		return err
	}
	docs := make(chan govx.Document, *workers)
	var wg sync.WaitGroup
	for range *workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for d := range docs {
				text := normalize.Text(d.Text)
				if *path {
					seg.Tokens(text, normalize.Sentences(text))
				} else {
					seg.GSETokens(text, normalize.Sentences(text))
				}
			}
		}()
	}
	for d, err := range corpus.Read(fs.Args()) {
		if err != nil {
			close(docs)
			return err
		}
		select {
		case docs <- d:
		case <-context.Background().Done():
		}
	}
	close(docs)
	wg.Wait()
	return nil
}
