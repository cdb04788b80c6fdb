package main

import (
	"govx/extract"
	"govx/extract/entity"
	"govx/extract/indicator"
	"govx/extract/period"
	"govx/extract/quantity"
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
