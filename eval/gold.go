// Package eval scores a govx run against gold annotations, with the rules
// of SPEC.md ("Gold annotations").
//
// Gold files (one JSON file per article, see ../shared/gold/README.md) are
// read with LoadGold. A run is a slice of output.Rows, one per article,
// which is what output.RowsOf gives for a processed article and what the
// output package reads back from a run's directory. Score matches the two
// and returns a Report: precision, recall and F1 per table, and the
// accuracy of each field over the matched items.
//
// Gold and predicted items are compared as field maps (Item): a column
// name and its JSON value. A predicted row becomes an Item through its
// JSON encoding, so that the names and values compared are exactly those
// of the output tables.
package eval

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"govx"
)

// The tables that Score scores, in the order they are reported.
const (
	Quantities = "quantities"
	Periods    = "periods"
	Entities   = "entities"
	Indicators = "indicators"
)

// Tables lists the scored tables in report order.
var Tables = []string{Quantities, Periods, Entities, Indicators}

// Item is one gold or predicted item: its fields by column name, each a
// JSON value (string, float64, bool or nil for null). A field that a gold
// item leaves out is not scored; a field present with value nil is a null
// that only a null equals.
type Item map[string]any

// Text returns the item's "text" field, or "" when it has none.
func (it Item) Text() string { s, _ := it["text"].(string); return s }

// Label names the item for a person: its text, or for an indicator its
// name.
func (it Item) Label() string {
	if s := it.Text(); s != "" {
		return s
	}
	s, _ := it["indicator"].(string)
	return s
}

// Gold is the annotation of one article.
type Gold struct {
	File      string    // the path it was read from
	Source    string    // the article's doc_id (its source file name)
	Published govx.Date // the date the article was issued; zero if not given
	Region    string    // the main place the article reports on; "" if not given

	Quantities []Item
	Periods    []Item
	Entities   []Item
	Indicators []Item

	Notes []string // the annotator's notes, not scored
}

// Items returns the gold items of the named table (nil for an unknown
// table).
func (g *Gold) Items(table string) []Item {
	switch table {
	case Quantities:
		return g.Quantities
	case Periods:
		return g.Periods
	case Entities:
		return g.Entities
	case Indicators:
		return g.Indicators
	}
	return nil
}

// goldFile is the JSON form of a gold file.
type goldFile struct {
	Source     string    `json:"source"`
	Published  govx.Date `json:"published"`
	Region     string    `json:"region"`
	Quantities []Item    `json:"quantities"`
	Periods    []Item    `json:"periods"`
	Entities   []Item    `json:"entities"`
	Indicators []Item    `json:"indicators"`
	Notes      notes     `json:"notes"`
}

// notes accepts the notes of a gold file as a list of strings or a single
// string.
type notes []string

func (n *notes) UnmarshalJSON(b []byte) error {
	var one string
	if err := json.Unmarshal(b, &one); err == nil {
		*n = notes{one}
		return nil
	}
	var many []string
	if err := json.Unmarshal(b, &many); err != nil {
		return fmt.Errorf("notes: want a string or a list of strings: %w", err)
	}
	*n = many
	return nil
}

// LoadGold reads every *.json file of dir as a gold annotation, sorted by
// file name. It fails when dir cannot be read, holds no gold file, when a
// file is not valid gold (no source, an item without its text or
// indicator name), or when two files annotate the same source.
func LoadGold(dir string) ([]Gold, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, fmt.Errorf("gold %s: %w", dir, err)
	}
	if len(paths) == 0 {
		if _, err := os.Stat(dir); err != nil {
			return nil, fmt.Errorf("gold: %w", err)
		}
		return nil, fmt.Errorf("gold %s: no *.json files", dir)
	}
	sort.Strings(paths)
	golds := make([]Gold, 0, len(paths))
	seen := map[string]string{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("gold: %w", err)
		}
		g, err := ParseGold(b)
		if err != nil {
			return nil, fmt.Errorf("gold %s: %w", p, err)
		}
		g.File = p
		if other, ok := seen[g.Source]; ok {
			return nil, fmt.Errorf("gold %s: source %q is annotated again (first in %s)", p, g.Source, other)
		}
		seen[g.Source] = p
		golds = append(golds, g)
	}
	return golds, nil
}

// ParseGold reads one gold file's JSON.
func ParseGold(b []byte) (Gold, error) {
	var f goldFile
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return Gold{}, err
	}
	if strings.TrimSpace(f.Source) == "" {
		return Gold{}, fmt.Errorf("no source")
	}
	g := Gold{
		Source: f.Source, Published: f.Published, Region: f.Region,
		Quantities: f.Quantities, Periods: f.Periods, Entities: f.Entities, Indicators: f.Indicators,
		Notes: f.Notes,
	}
	for _, table := range Tables {
		key := "text"
		if table == Indicators {
			key = "indicator"
		}
		for i, it := range g.Items(table) {
			if s, ok := it[key].(string); !ok || s == "" {
				return Gold{}, fmt.Errorf("%s[%d]: no %q", table, i, key)
			}
		}
	}
	return g, nil
}
