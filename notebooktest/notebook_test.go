// Package notebooktest checks the analyst's first contact with govx
// output: it opens a Parquet run with DuckDB (through cgo, which is why
// this lives in a package of its own that the govx binary never links)
// and runs the example queries of the README, kept in
// ../testdata/queries.sql, exactly as written there.
package notebooktest

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	_ "github.com/duckdb/duckdb-go/v2"
)

// queriesPath holds the README's example queries over out/<table>/*.parquet.
const queriesPath = "../testdata/queries.sql"

// readQueries splits the query file into statements, each with its leading
// comment.
func readQueries(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile(queriesPath)
	if err != nil {
		t.Fatal(err)
	}
	var qs []string
	for _, q := range strings.Split(string(b), ";\n") {
		if q = strings.TrimSpace(q); q != "" {
			qs = append(qs, q)
		}
	}
	if len(qs) < 2 {
		t.Fatalf("%s: %d queries, want the README's examples", queriesPath, len(qs))
	}
	return qs
}

// extractRun builds govx and runs govx extract into a fresh directory:
// over ../shared/corpus when it is there, else over the built-in sample
// that "make run" extracts.
func extractRun(t *testing.T) string {
	t.Helper()
	goTool, err := exec.LookPath("go") // go test puts its own go first in PATH
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(t.TempDir(), "govx")
	build := exec.Command(goTool, "build", "-o", bin, "./cmd/govx")
	build.Dir = ".."
	if b, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, b)
	}
	out := filepath.Join(t.TempDir(), "out")
	args := []string{"extract", "--quiet", "-o", out}
	shared := os.Getenv("GOVX_SHARED")
	if shared == "" {
		shared = filepath.Join("..", "..", "shared")
	}
	if _, err := os.Stat(filepath.Join(shared, "corpus")); err == nil {
		args = append(args, filepath.Join(shared, "corpus"))
	}
	if b, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
		t.Fatalf("govx %s: %v\n%s", strings.Join(args, " "), err, b)
	}
	return out
}

// query runs q and returns its rows as column → value maps.
func query(t *testing.T, db *sql.DB, q string) []map[string]any {
	t.Helper()
	rows, err := db.Query(q)
	if err != nil {
		t.Fatalf("%v\n%s", err, q)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		t.Fatal(err)
	}
	var all []map[string]any
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		row := map[string]any{}
		for i, c := range cols {
			row[c] = vals[i]
		}
		all = append(all, row)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return all
}

func number(v any) int64 {
	switch n := v.(type) {
	case int64:
		return n
	case int32:
		return int64(n)
	}
	panic(fmt.Sprintf("not an integer: %T %v", v, v))
}

func TestReadmeQueries(t *testing.T) {
	queries := readQueries(t)
	out := extractRun(t)
	db, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	in := func(q string) string { return strings.ReplaceAll(q, "'out/", "'"+filepath.ToSlash(out)+"/") }

	// Every example runs as written (with out/ pointing at the run).
	results := make([][]map[string]any, len(queries))
	for i, q := range queries {
		results[i] = query(t, db, in(q))
		t.Logf("%s\n→ %d rows; first: %v", strings.SplitN(q, "\n", 2)[0], len(results[i]), first(results[i]))
	}
	if len(results[0]) == 0 {
		t.Error("the money query returns no row")
	}
	if len(results[1]) == 0 {
		t.Error("the indicator panel returns no row")
	}
	for _, r := range results[1] {
		if ps, ok := r["period_start"]; ok && ps != nil {
			if _, isTime := ps.(time.Time); !isTime {
				t.Fatalf("period_start reads as %T, not a DATE", ps)
			}
		}
	}

	// Columns have the documented types, dates are DATEs.
	want := map[string]map[string]string{
		"articles":   {"article_id": "VARCHAR", "published": "DATE", "reference_date": "DATE", "region": "VARCHAR", "text": "VARCHAR"},
		"quantities": {"start": "INTEGER", "end": "INTEGER", "value": "DOUBLE", "value_max": "DOUBLE", "unit": "VARCHAR"},
		"periods":    {"period_start": "DATE", "period_end": "DATE", "relative": "BOOLEAN"},
		"entities":   {"type": "VARCHAR", "admin_code": "VARCHAR"},
		"indicators": {"period_start": "DATE", "value": "DOUBLE", "change_pct": "DOUBLE", "modality": "VARCHAR"},
	}
	for table, cols := range want {
		got := map[string]string{}
		for _, r := range query(t, db, in(fmt.Sprintf("DESCRIBE SELECT * FROM read_parquet('out/%s/*.parquet')", table))) {
			got[r["column_name"].(string)] = r["column_type"].(string)
		}
		for col, typ := range cols {
			if got[col] != typ {
				t.Errorf("%s.%s is %q, want %s", table, col, got[col], typ)
			}
		}
	}

	// Row counts agree with the manifest.
	var m struct {
		Tables map[string]struct{ Rows int64 } `json:"tables"`
	}
	b, err := os.ReadFile(filepath.Join(out, "_manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	for table, info := range m.Tables {
		n := number(query(t, db, in(fmt.Sprintf("SELECT count(*) AS n FROM read_parquet('out/%s/*.parquet')", table)))[0]["n"])
		if n != info.Rows {
			t.Errorf("%s: DuckDB reads %d rows, the manifest says %d", table, n, info.Rows)
		}
	}

	// Offsets point at their mentions (the README's check, in SQL).
	for _, table := range []string{"quantities", "periods", "entities"} {
		r := query(t, db, in(fmt.Sprintf(`SELECT count(*) AS n,
			count(*) FILTER (WHERE substring(a.text, x.start + 1, x."end" - x.start) = x.text) AS exact
			FROM read_parquet('out/%s/*.parquet') x JOIN read_parquet('out/articles/*.parquet') a USING (article_id)`, table)))[0]
		if number(r["n"]) != number(r["exact"]) {
			t.Errorf("%s: %d of %d offsets do not give the mention text", table, number(r["n"])-number(r["exact"]), number(r["n"]))
		}
	}

	// Missing values are NULL, never "" (nor a 1970 date for a null DATE).
	for _, c := range []struct{ table, col string }{
		{"articles", "title"}, {"articles", "region"}, {"quantities", "unit"}, {"quantities", "surface_unit"},
		{"entities", "normalized"}, {"entities", "admin_code"}, {"indicators", "unit"}, {"indicators", "change_basis"},
	} {
		r := query(t, db, in(fmt.Sprintf(`SELECT count(*) FILTER (WHERE %s = '') AS empty FROM read_parquet('out/%s/*.parquet')`, c.col, c.table)))
		if n := number(r[0]["empty"]); n > 0 {
			t.Errorf("%s.%s: %d empty strings where null is meant", c.table, c.col, n)
		}
	}
	for _, c := range []struct{ table, col string }{
		{"articles", "published"}, {"periods", "period_start"}, {"periods", "period_end"}, {"indicators", "period_start"},
	} {
		r := query(t, db, in(fmt.Sprintf(`SELECT count(*) FILTER (WHERE year(%s) < 1949 OR year(%s) > 2100) AS odd
			FROM read_parquet('out/%s/*.parquet')`, c.col, c.col, c.table)))
		if n := number(r[0]["odd"]); n > 0 {
			t.Errorf("%s.%s: %d dates outside 1949–2100", c.table, c.col, n)
		}
	}
}

func first(rows []map[string]any) any {
	if len(rows) == 0 {
		return nil
	}
	return rows[0]
}

// sqlStatements splits SQL text into statements, each with its comments,
// whitespace collapsed so that layout does not matter.
func sqlStatements(text string) []string {
	var out []string
	for _, q := range strings.Split(text, ";") {
		if q = strings.Join(strings.Fields(q), " "); q != "" {
			out = append(out, q)
		}
	}
	return out
}

// TestReadmeQueriesAreTested holds the README to the queries tested here:
// every SQL statement in a ```sql block of ../README.md must be one of
// ../testdata/queries.sql, so that no example goes untested.
func TestReadmeQueriesAreTested(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	queries, err := os.ReadFile(queriesPath)
	if err != nil {
		t.Fatal(err)
	}
	tested := map[string]bool{}
	for _, q := range sqlStatements(string(queries)) {
		tested[q] = true
	}
	shown := 0
	blocks := strings.Split(string(readme), "```sql\n")
	for _, block := range blocks[1:] {
		body, _, ok := strings.Cut(block, "```")
		if !ok {
			t.Fatalf("README: an unclosed sql block")
		}
		for _, q := range sqlStatements(body) {
			shown++
			if !tested[q] {
				t.Errorf("README shows a query that %s does not hold, so it is not tested:\n%s", queriesPath, q)
			}
		}
	}
	if shown == 0 {
		t.Errorf("README shows no SQL example")
	}
}
