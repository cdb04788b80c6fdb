package output

import (
	"fmt"
	"strings"
)

// Format is the file format of the part files.
type Format uint8

// The output formats. The zero value is Parquet, the default.
const (
	Parquet Format = iota // part-NNNNN.parquet, zstd-compressed
	JSONL                 // part-NNNNN.jsonl, one JSON object per line
)

var formatNames = [...]string{Parquet: "parquet", JSONL: "jsonl"}

// String returns the name of f as given to --format.
func (f Format) String() string {
	if int(f) < len(formatNames) {
		return formatNames[f]
	}
	return fmt.Sprintf("Format(%d)", f)
}

// Ext returns the file-name extension of the part files of f, with the dot.
func (f Format) Ext() string { return "." + f.String() }

// ParseFormat reads a --format value: "parquet" or "jsonl".
func ParseFormat(s string) (Format, error) {
	for f, name := range formatNames {
		if s == name {
			return Format(f), nil
		}
	}
	return 0, fmt.Errorf("unknown format %q (want parquet or jsonl)", s)
}

// MarshalText writes f by name, so that a Format reads well in JSON.
func (f Format) MarshalText() ([]byte, error) {
	if int(f) >= len(formatNames) {
		return nil, fmt.Errorf("unknown format %d", f)
	}
	return []byte(f.String()), nil
}

// UnmarshalText reads a Format by name.
func (f *Format) UnmarshalText(b []byte) error {
	v, err := ParseFormat(string(b))
	if err != nil {
		return err
	}
	*f = v
	return nil
}

// Table names one output table; its value is the table's directory name.
type Table string

// The tables of SPEC.md, in the order they are written and listed.
const (
	Articles   Table = "articles"
	Quantities Table = "quantities"
	Periods    Table = "periods"
	Entities   Table = "entities"
	Indicators Table = "indicators"
	Tokens     Table = "tokens"
)

// AllTables lists every table in canonical order.
var AllTables = []Table{Articles, Quantities, Periods, Entities, Indicators, Tokens}

// DefaultTables lists the tables written when --tables is not given: all
// but tokens.
var DefaultTables = []Table{Articles, Quantities, Periods, Entities, Indicators}

// ParseTables reads a --tables value, a comma-separated list such as
// "articles,quantities" ("all" means every table). The result is in
// canonical order without repeats.
func ParseTables(s string) ([]Table, error) {
	want := map[Table]bool{}
	for _, name := range strings.Split(s, ",") {
		name = strings.TrimSpace(name)
		switch {
		case name == "":
			continue
		case name == "all":
			for _, t := range AllTables {
				want[t] = true
			}
		case Table(name).valid():
			want[Table(name)] = true
		default:
			return nil, fmt.Errorf("unknown table %q (want some of %s)", name, joinTables(AllTables))
		}
	}
	if len(want) == 0 {
		return nil, fmt.Errorf("no table named in %q", s)
	}
	return canonical(want), nil
}

func (t Table) valid() bool {
	for _, u := range AllTables {
		if t == u {
			return true
		}
	}
	return false
}

// canonical returns the tables of set in the order of AllTables.
func canonical(set map[Table]bool) []Table {
	var ts []Table
	for _, t := range AllTables {
		if set[t] {
			ts = append(ts, t)
		}
	}
	return ts
}

func joinTables(ts []Table) string {
	s := make([]string, len(ts))
	for i, t := range ts {
		s[i] = string(t)
	}
	return strings.Join(s, ",")
}

// Options configure a Writer.
type Options struct {
	Dir    string  // the output directory (created when missing)
	Format Format  // Parquet (default) or JSONL
	Tables []Table // the tables to write; nil means DefaultTables

	// A table's part file is closed and a new one started when it holds
	// MaxRowsPerPart rows or about MaxBytesPerPart bytes of row data
	// (before compression). Zero means DefaultMaxRowsPerPart and
	// DefaultMaxBytesPerPart.
	MaxRowsPerPart  int
	MaxBytesPerPart int64

	// Resume keeps the parts of the run already in Dir and adds the new
	// ones after them (--resume); the earlier run must have the same
	// format and tables. Without a manifest in Dir it is a fresh run. The
	// caller skips the articles already written (see ArticleIDs).
	Resume bool
}

// The default part-file limits.
const (
	DefaultMaxRowsPerPart  = 1_000_000
	DefaultMaxBytesPerPart = 1 << 30
)

// check validates o and fills in its defaults.
func (o Options) check() (Options, error) {
	if o.Dir == "" {
		return o, fmt.Errorf("output: no output directory given")
	}
	if int(o.Format) >= len(formatNames) {
		return o, fmt.Errorf("output: unknown format %d", o.Format)
	}
	if o.Tables == nil {
		o.Tables = DefaultTables
	}
	set := map[Table]bool{}
	for _, t := range o.Tables {
		if !t.valid() {
			return o, fmt.Errorf("output: unknown table %q", t)
		}
		set[t] = true
	}
	if len(set) == 0 {
		return o, fmt.Errorf("output: no table selected")
	}
	o.Tables = canonical(set)
	if o.MaxRowsPerPart <= 0 {
		o.MaxRowsPerPart = DefaultMaxRowsPerPart
	}
	if o.MaxBytesPerPart <= 0 {
		o.MaxBytesPerPart = DefaultMaxBytesPerPart
	}
	return o, nil
}
