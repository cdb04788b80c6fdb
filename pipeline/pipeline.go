// Package pipeline runs articles through the steps of govx: it normalizes
// each document, segments it, runs the extractors in order and hands the
// results on, in input order, whatever the number of workers.
package pipeline

import (
	"cmp"
	"context"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"iter"
	"slices"
	"sync"

	"govx"
	"govx/corpus"
	"govx/extract"
	"govx/normalize"
	"govx/segment"
)

// Options configure a Pipeline.
type Options struct {
	// ReferenceDate is the fallback date for relative time words in an
	// article that carries no published date. Zero means none.
	ReferenceDate govx.Date
	// KeepTokens keeps the segmenter's tokens in each Result (for the
	// tokens table); otherwise they are dropped after extraction.
	KeepTokens bool
	// Skip holds the IDs of articles already written (govx extract
	// --resume): Run normalizes them, then skips them without segmenting.
	Skip map[string]bool
}

// Pipeline processes articles. It is safe for concurrent use: the
// segmenter and extractors it holds are read-only.
type Pipeline struct {
	seg        *segment.Segmenter
	extractors []extract.Extractor
	opts       Options
}

// New returns a pipeline that segments with seg (nil: no tokens) and runs
// the extractors in the order given.
func New(seg *segment.Segmenter, extractors []extract.Extractor, opts Options) *Pipeline {
	return &Pipeline{seg: seg, extractors: extractors, opts: opts}
}

// Process normalizes, segments and extracts one document.
func (p *Pipeline) Process(d govx.Document) govx.Result {
	return p.process(normalize.Article(d))
}

// process segments and extracts a normalized article.
func (p *Pipeline) process(a govx.Article) govx.Result {
	if a.ReferenceDate.IsZero() {
		a.ReferenceDate = p.opts.ReferenceDate
	}
	doc := extract.Doc{
		Article:   &a,
		Folded:    normalize.Fold(a.Text),
		Sentences: normalize.Sentences(a.Text),
	}
	if p.seg != nil {
		doc.Tokens = p.seg.Tokens(a.Text, doc.Sentences)
	}
	var m govx.Mentions
	for _, ex := range p.extractors {
		ex.Extract(&doc, &m)
	}
	order(&doc, &m)
	r := govx.Result{Article: a, Mentions: m}
	if p.opts.KeepTokens {
		r.Tokens = doc.Tokens
	}
	return r
}

// order sorts each table's mentions by position and sets their sentence
// index, so that rows come out in reading order.
func order(doc *extract.Doc, m *govx.Mentions) {
	sortSpans(m.Quantities, func(q *govx.Quantity) (govx.Span, *int) { return q.Span, &q.Sentence }, doc)
	sortSpans(m.Periods, func(p *govx.Period) (govx.Span, *int) { return p.Span, &p.Sentence }, doc)
	sortSpans(m.Entities, func(e *govx.Entity) (govx.Span, *int) { return e.Span, &e.Sentence }, doc)
	sortSpans(m.Indicators, func(in *govx.Indicator) (govx.Span, *int) { return in.Span, &in.Sentence }, doc)
}

// sortSpans sets the sentence of each mention and sorts them by span,
// stably. fields returns a mention's span and its sentence field.
func sortSpans[M any](ms []M, fields func(*M) (govx.Span, *int), doc *extract.Doc) {
	sorted := true
	for i := range ms {
		span, sentence := fields(&ms[i])
		*sentence = doc.SentenceAt(span.Start)
		if i > 0 {
			prev, _ := fields(&ms[i-1])
			sorted = sorted && compareSpans(prev, span) <= 0
		}
	}
	if sorted {
		return
	}
	// Sort positions, then permute: comparing the mentions themselves
	// would copy them at every comparison.
	type keyed struct {
		span govx.Span
		i    int
	}
	keys := make([]keyed, len(ms))
	for i := range ms {
		keys[i].span, _ = fields(&ms[i])
		keys[i].i = i
	}
	slices.SortStableFunc(keys, func(a, b keyed) int { return compareSpans(a.span, b.span) })
	old := slices.Clone(ms)
	for i, k := range keys {
		ms[i] = old[k.i]
	}
}

// compareSpans orders spans by start, then end.
func compareSpans(a, b govx.Span) int {
	return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End))
}

// Stats counts what a Run did.
type Stats struct {
	Articles   int // results handed to emit
	Duplicates int // articles skipped because their text was seen before
	Skipped    int // articles skipped because they were in Options.Skip
	Failures   int // inputs that could not be read or processed
}

// Run processes docs with the given number of workers and calls emit for
// each new article and fail for each input that failed, both from the
// calling goroutine and in input order, so the output does not depend on
// workers. An article whose text was already emitted is counted as a
// duplicate and skipped. Run stops early when ctx is done or emit returns
// an error, and returns that error.
func (p *Pipeline) Run(ctx context.Context, docs iter.Seq2[govx.Document, error], workers int,
	emit func(*govx.Result) error, fail func(error)) (Stats, error) {
	if workers < 1 {
		workers = 1
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type job struct {
		seq  int
		doc  govx.Document
		err  error
		skip bool
		res  govx.Result
	}
	// window bounds the articles in flight (queued, processing or waiting
	// to be emitted in order), so memory does not grow with the archive.
	window := make(chan struct{}, 4*workers)
	jobs := make(chan *job, workers)
	done := make(chan *job, workers)

	go func() { // read the inputs
		defer close(jobs)
		seq := 0
		for d, err := range docs {
			select {
			case window <- struct{}{}:
			case <-ctx.Done():
				return
			}
			jobs <- &job{seq: seq, doc: d, err: err}
			seq++
		}
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				if j.err == nil {
					j.res, j.skip, j.err = p.safeProcess(j.doc)
				}
				done <- j
			}
		}()
	}
	go func() { wg.Wait(); close(done) }()

	var stats Stats
	var stop error
	seen := make(map[uint64]struct{})
	pending := make(map[int]*job)
	next := 0
	for j := range done {
		pending[j.seq] = j
		for ; pending[next] != nil; next++ {
			j := pending[next]
			delete(pending, next)
			<-window
			if stop != nil {
				continue // drain the workers
			}
			switch {
			case j.err != nil:
				stats.Failures++
				fail(j.err)
			case j.skip:
				stats.Skipped++
			case duplicate(seen, j.res.Article.ID):
				stats.Duplicates++
			default:
				stats.Articles++
				if err := emit(&j.res); err != nil {
					stop = err
					cancel()
				}
			}
		}
	}
	if stop == nil {
		stop = ctx.Err()
	}
	return stats, stop
}

// safeProcess processes d unless it is to be skipped, and turns a panic
// into a *corpus.Error naming the input, so one bad article never stops
// the run and is reported like an input that could not be read.
func (p *Pipeline) safeProcess(d govx.Document) (r govx.Result, skip bool, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = &corpus.Error{Source: d.Source, Err: fmt.Errorf("internal error processing the article: %v", v)}
		}
	}()
	a := normalize.Article(d)
	if p.opts.Skip[a.ID] {
		return govx.Result{}, true, nil
	}
	return p.process(a), false, nil
}

// duplicate records id in seen and reports whether it was there already.
// IDs are hex; the first 8 bytes are kept to keep the set small.
func duplicate(seen map[uint64]struct{}, id string) bool {
	var key uint64
	if b, err := hex.DecodeString(id); err == nil && len(b) >= 8 {
		key = binary.BigEndian.Uint64(b)
	}
	if _, ok := seen[key]; ok {
		return true
	}
	seen[key] = struct{}{}
	return false
}
