package main

import (
	"fmt"
	"io"
	"os"
	"sync/atomic"
	"time"
)

// progress shows how a run advances on a terminal: articles per second,
// MB/s of input, and an ETA when the input size is known. It prints
// nothing when its output is not a terminal.
type progress struct {
	w        io.Writer
	total    int64 // input bytes, 0 when unknown
	bytes    atomic.Int64
	articles atomic.Int64
	start    time.Time
	stop     chan struct{}
	done     chan struct{}
}

// isTerminal reports whether w is a character device such as a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// startProgress starts redrawing a progress line on w twice a second.
func startProgress(w io.Writer, total int64) *progress {
	p := &progress{w: w, total: total, start: time.Now(), stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(p.done)
		tick := time.NewTicker(500 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-tick.C:
				p.draw()
			case <-p.stop:
				fmt.Fprint(p.w, "\r\033[K")
				return
			}
		}
	}()
	return p
}

// read counts n bytes of input read.
func (p *progress) read(n int64) { p.bytes.Add(n) }

// article counts one article written.
func (p *progress) article() { p.articles.Add(1) }

// close erases the progress line.
func (p *progress) close() {
	close(p.stop)
	<-p.done
}

func (p *progress) draw() {
	secs := time.Since(p.start).Seconds()
	n, b := p.articles.Load(), p.bytes.Load()
	line := fmt.Sprintf("%d articles  %.0f articles/s  %.1f MB  %.2f MB/s", n, float64(n)/secs, float64(b)/1e6, float64(b)/1e6/secs)
	if p.total > 0 && b > 0 {
		eta := time.Duration(float64(p.total-b) / float64(b) * secs * float64(time.Second))
		line += fmt.Sprintf("  %.0f%%  ETA %s", 100*float64(b)/float64(p.total), eta.Round(time.Second))
	}
	fmt.Fprintf(p.w, "\r\033[K%s", line)
}
