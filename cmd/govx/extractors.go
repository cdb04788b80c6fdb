package main

import (
	"govx/extract"
	"govx/extract/entity"
	"govx/extract/indicator"
	"govx/extract/period"
	"govx/extract/quantity"
	"govx/segment"
)

// newExtractors builds the extractors in the order they must run: each may
// read what the earlier ones found (indicators bind the quantities,
// periods and entities of their clause).
func newExtractors() ([]extract.Extractor, error) {
	q, err := quantity.New()
	if err != nil {
		return nil, err
	}
	p, err := period.New()
	if err != nil {
		return nil, err
	}
	e, err := entity.New()
	if err != nil {
		return nil, err
	}
	in, err := indicator.New()
	if err != nil {
		return nil, err
	}
	return []extract.Extractor{q, p, e, in}, nil
}

// load loads the segmenter (with the user dictionaries) and builds the
// extractors, side by side: both are start-up cost, and the segmenter's
// loading leaves the other cores free.
func load(dicts []string) (*segment.Segmenter, []extract.Extractor, error) {
	var extractors []extract.Extractor
	var exErr error
	built := make(chan struct{})
	go func() {
		defer close(built)
		extractors, exErr = newExtractors()
	}()
	seg, err := segment.Load(dicts...)
	<-built
	if err != nil {
		return nil, nil, err
	}
	if exErr != nil {
		return nil, nil, exErr
	}
	return seg, extractors, nil
}
