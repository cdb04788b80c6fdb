package output

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/format"

	"govx"
)

// sample returns a processed article with mentions of every table. The
// text and figures are invented. Nullable fields are set in some mentions
// and unset in others; n makes the text (and so the article id) distinct.
func sample(n int) *govx.Result {
	text := fmt.Sprintf("示例县第%d期简报。2023年3月15日，示例县一般公共预算收入完成2.58亿元，同比增长57.73%%。\n"+
		"2024年2月29日，新签约亿元以上产业项目21个，增速20%%—30%%。近年来，示例指数为52.4。", n)
	span := func(s string) govx.Span {
		i := strings.Index(text, s)
		if i < 0 {
			panic(s)
		}
		return govx.Span{Start: i, End: i + len(s)}
	}
	f := func(v float64) *float64 { return &v }
	d := func(y int, m time.Month, day int) govx.Date { return govx.DateOf(y, m, day) }
	res := &govx.Result{Article: govx.Article{
		ID:            govx.ArticleID(text),
		DocID:         fmt.Sprintf("%03d_sample.txt", n),
		Source:        fmt.Sprintf("samples.jsonl#%d", n+1),
		Title:         "示例县简报",
		Published:     d(2023, 3, 15),
		ReferenceDate: d(2023, 3, 15),
		Text:          text,
		Region:        "", // unknown: null
	}}
	if n%2 == 1 { // every other article has neither title nor dates
		res.Article.Title, res.Article.Published, res.Article.ReferenceDate = "", govx.Date{}, govx.Date{}
	}
	m := &res.Mentions
	m.Quantities = []govx.Quantity{
		{Span: span("2.58亿元"), Sentence: 1, Value: 2.58e8, Unit: govx.UnitCNY, SurfaceUnit: "亿元", Kind: govx.KindMoney, Qualifier: govx.QualifierExact},
		{Span: span("57.73%"), Sentence: 1, Value: 57.73, Unit: govx.UnitPercent, SurfaceUnit: "%", Kind: govx.KindPercent, Qualifier: govx.QualifierExact},
		{Span: span("亿元以上"), Sentence: 2, Value: 1e8, Unit: govx.UnitCNY, SurfaceUnit: "亿元", Kind: govx.KindMoney, Qualifier: govx.QualifierAtLeast},
		{Span: span("21个"), Sentence: 2, Value: 21, Unit: govx.Unit("个"), SurfaceUnit: "个", Kind: govx.KindCount, Qualifier: govx.QualifierExact},
		{Span: span("20%—30%"), Sentence: 2, Value: 20, ValueMax: f(30), Unit: govx.UnitPercent, SurfaceUnit: "%", Kind: govx.KindPercent, Qualifier: govx.QualifierRange},
		{Span: span("52.4"), Sentence: 3, Value: 52.4, Kind: govx.KindNumber, Qualifier: govx.QualifierExact}, // no unit: nulls
	}
	m.Periods = []govx.Period{
		{Span: span("2023年3月15日"), Sentence: 1, Period: govx.DateRange{Start: d(2023, 3, 15), End: d(2023, 3, 15)}, Granularity: govx.GranularityDay},
		{Span: span("2024年2月29日"), Sentence: 2, Period: govx.DateRange{Start: d(2024, 2, 29), End: d(2024, 2, 29)}, Granularity: govx.GranularityDay},
		{Span: span("近年来"), Sentence: 3, Granularity: govx.GranularityVague, Relative: true}, // null dates
	}
	m.Entities = []govx.Entity{
		{Span: span("示例县"), Sentence: 0, Type: govx.EntityLoc, Normalized: "示例省示例县", AdminCode: "999999"},
		{Span: span("产业项目"), Sentence: 2, Type: govx.EntityProject}, // null normalized, admin_code
	}
	m.Indicators = []govx.Indicator{
		{Span: span("一般公共预算收入完成2.58亿元，同比增长57.73%"), Sentence: 1, Subject: "示例县", Name: "一般公共预算收入",
			Period: govx.DateRange{Start: d(2023, 1, 1), End: d(2023, 3, 15)}, Value: f(2.58e8), Unit: govx.UnitCNY,
			Qualifier: govx.QualifierExact, ChangePct: f(57.73), ChangeBasis: govx.BasisYoY, Modality: govx.ModalityActual,
			Evidence: "一般公共预算收入完成2.58亿元，同比增长57.73%"},
		{Span: span("增速20%—30%"), Sentence: 2, Subject: "示例县", Name: "增速", Modality: govx.ModalityPlan,
			Evidence: "增速20%—30%"}, // null period, value, unit, qualifier, change
	}
	for i, s := range []string{"示例县", "第", "期", "简报"} {
		res.Tokens = append(res.Tokens, govx.Token{Span: span(s), Pos: []string{"ns", "m", "q", "n"}[i]})
	}
	return res
}

func writeRun(t testing.TB, opts Options, results ...*govx.Result) {
	t.Helper()
	w, err := Create(opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range results {
		if err := w.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(&Manifest{Version: "test"}); err != nil {
		t.Fatal(err)
	}
}

func samples(n int) []*govx.Result {
	var rs []*govx.Result
	for i := range n {
		rs = append(rs, sample(i))
	}
	return rs
}

// want returns the rows RowsOf gives for results, table by table.
func want(results []*govx.Result) *Run {
	r := &Run{Articles: []ArticleRow{}, Quantities: []QuantityRow{}, Periods: []PeriodRow{},
		Entities: []EntityRow{}, Indicators: []IndicatorRow{}, Tokens: []TokenRow{}}
	for _, res := range results {
		rows := RowsOf(res)
		r.Articles = append(r.Articles, rows.Article)
		r.Quantities = append(r.Quantities, rows.Quantities...)
		r.Periods = append(r.Periods, rows.Periods...)
		r.Entities = append(r.Entities, rows.Entities...)
		r.Indicators = append(r.Indicators, rows.Indicators...)
		r.Tokens = append(r.Tokens, rows.Tokens...)
	}
	return r
}

func TestRoundTrip(t *testing.T) {
	for _, format := range []Format{Parquet, JSONL} {
		t.Run(format.String(), func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "out")
			results := samples(5)
			writeRun(t, Options{Dir: dir, Format: format, Tables: AllTables}, results...)
			got, err := ReadRun(dir)
			if err != nil {
				t.Fatal(err)
			}
			w := want(results)
			for _, c := range []struct {
				name      string
				got, want any
			}{
				{"articles", got.Articles, w.Articles},
				{"quantities", got.Quantities, w.Quantities},
				{"periods", got.Periods, w.Periods},
				{"entities", got.Entities, w.Entities},
				{"indicators", got.Indicators, w.Indicators},
				{"tokens", got.Tokens, w.Tokens},
			} {
				if !reflect.DeepEqual(c.got, c.want) {
					t.Errorf("%s read back differ:\n got %+v\nwant %+v", c.name, c.got, c.want)
				}
				if reflect.ValueOf(c.got).Len() == 0 {
					t.Errorf("%s: no rows read back", c.name)
				}
				checkNoEmptyStrings(t, c.name, c.got)
			}
			m := got.Manifest
			if m.ArticlesWritten != 5 || m.Tables[Quantities].Rows != int64(len(w.Quantities)) || m.Version != "test" ||
				m.Options.Format != format || m.ReferenceDates.FromPublished != 3 || m.ReferenceDates.None != 2 {
				t.Errorf("manifest: %+v", m)
			}
			// Offsets are code points into the article text.
			texts := map[string][]rune{}
			for _, a := range got.Articles {
				texts[a.ArticleID] = []rune(a.Text)
			}
			for _, q := range got.Quantities {
				if s := string(texts[q.ArticleID][q.Start:q.End]); s != q.Text {
					t.Errorf("text[%d:%d] = %q, want %q", q.Start, q.End, s, q.Text)
				}
			}
		})
	}
}

// checkNoEmptyStrings fails when a nullable string column holds "" (a
// missing value must be null) or a required one is empty.
func checkNoEmptyStrings(t *testing.T, table string, rows any) {
	t.Helper()
	v := reflect.ValueOf(rows)
	for i := range v.Len() {
		row := v.Index(i)
		for j := range row.NumField() {
			f, name := row.Field(j), row.Type().Field(j).Name
			switch {
			case f.Kind() == reflect.String && f.String() == "":
				t.Errorf("%s row %d: required %s is empty", table, i, name)
			case f.Kind() == reflect.Pointer && !f.IsNil() && f.Elem().Kind() == reflect.String && f.Elem().String() == "":
				t.Errorf("%s row %d: %s is \"\", not null", table, i, name)
			}
		}
	}
}

func TestDatesReadBack(t *testing.T) {
	dir := t.TempDir()
	writeRun(t, Options{Dir: dir, Tables: []Table{Periods}}, sample(0))

	// Through the typed reader.
	periods, err := ReadTable[PeriodRow](dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range periods {
		for _, d := range []*Day{p.PeriodStart, p.PeriodEnd} {
			if d == nil {
				got = append(got, "null")
			} else {
				got = append(got, d.Date().String())
			}
		}
	}
	want := []string{"2023-03-15", "2023-03-15", "2024-02-29", "2024-02-29", "null", "null"}
	if !slices.Equal(got, want) {
		t.Errorf("dates read back %v, want %v", got, want)
	}

	// Through parquet-go's untyped reader: the stored value is the number
	// of days since 1970-01-01 (2023-03-15 is day 19431, 2024-02-29 day
	// 19782), the representation every Parquet reader expects of DATE.
	f, err := os.Open(filepath.Join(dir, "periods", "part-00000.parquet"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := parquet.NewReader(f)
	col, ok := r.Schema().Lookup("period_start")
	if !ok {
		t.Fatal("no period_start column")
	}
	var raw []string
	for {
		row := make([]parquet.Row, 1)
		n, err := r.ReadRows(row)
		if n == 1 {
			v := row[0][col.ColumnIndex]
			if v.IsNull() {
				raw = append(raw, "null")
			} else {
				raw = append(raw, fmt.Sprint(v.Int32()))
			}
		}
		if err != nil {
			break
		}
	}
	if want := []string{"19431", "19782", "null"}; !slices.Equal(raw, want) {
		t.Errorf("stored period_start %v, want %v", raw, want)
	}
}

// The schema of SPEC.md: every column of every table with its type and
// whether it may be null, in file order.
var specSchema = map[Table]string{
	Articles: `
		article_id     string  required
		doc_id         string  required
		source         string  required
		title          string  nullable
		published      date    nullable
		reference_date date    nullable
		text           string  required
		region         string  nullable`,
	Quantities: `
		article_id     string  required
		sentence       int32   required
		start          int32   required
		end            int32   required
		text           string  required
		value          double  required
		value_max      double  nullable
		unit           string  nullable
		surface_unit   string  nullable
		kind           string  required
		qualifier      string  required`,
	Periods: `
		article_id     string  required
		sentence       int32   required
		start          int32   required
		end            int32   required
		text           string  required
		period_start   date    nullable
		period_end     date    nullable
		granularity    string  required
		relative       boolean required`,
	Entities: `
		article_id     string  required
		sentence       int32   required
		start          int32   required
		end            int32   required
		text           string  required
		type           string  required
		normalized     string  nullable
		admin_code     string  nullable`,
	Indicators: `
		article_id     string  required
		sentence       int32   required
		start          int32   required
		end            int32   required
		subject        string  nullable
		indicator      string  required
		period_start   date    nullable
		period_end     date    nullable
		value          double  nullable
		unit           string  nullable
		qualifier      string  nullable
		change_pct     double  nullable
		change_basis   string  nullable
		modality       string  required
		evidence       string  required`,
	Tokens: `
		article_id     string  required
		sentence       int32   required
		index          int32   required
		start          int32   required
		end            int32   required
		text           string  required
		pos            string  required`,
}

// typeName names a Parquet column type as specSchema does, from its
// physical and logical types.
func typeName(f parquet.Field) string {
	typ := f.Type()
	var logical format.LogicalTypeValue
	if lt := typ.LogicalType(); lt != nil {
		logical = lt.Value
	}
	switch lt := logical.(type) {
	case *format.StringType:
		if typ.Kind() == parquet.ByteArray {
			return "string"
		}
	case *format.DateType:
		if typ.Kind() == parquet.Int32 {
			return "date"
		}
	case *format.IntType:
		if typ.Kind() == parquet.Int32 && lt.BitWidth == 32 && lt.IsSigned {
			return "int32"
		}
	case nil:
		switch typ.Kind() {
		case parquet.Double:
			return "double"
		case parquet.Boolean:
			return "boolean"
		}
	}
	return fmt.Sprintf("%v/%v", typ.Kind(), typ.LogicalType())
}

func TestSchema(t *testing.T) {
	dir := t.TempDir()
	writeRun(t, Options{Dir: dir, Tables: AllTables}) // no rows: the schema is there all the same
	for _, table := range AllTables {
		f, err := os.Open(filepath.Join(dir, string(table), "part-00000.parquet"))
		if err != nil {
			t.Fatal(err)
		}
		st, _ := f.Stat()
		pf, err := parquet.OpenFile(f, st.Size())
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, c := range pf.Schema().Fields() {
			null := "required"
			if c.Optional() {
				null = "nullable"
			}
			if c.Repeated() {
				null = "repeated"
			}
			got = append(got, strings.Join([]string{c.Name(), typeName(c), null}, " "))
			if c.Compression() != nil && c.Compression().String() != "ZSTD" {
				t.Errorf("%s.%s compressed with %s, want ZSTD", table, c.Name(), c.Compression())
			}
		}
		var want []string
		for _, line := range strings.Split(strings.TrimSpace(specSchema[table]), "\n") {
			want = append(want, strings.Join(strings.Fields(line), " "))
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s schema:\n got %q\nwant %q", table, got, want)
		}
		if pf.NumRows() != 0 {
			t.Errorf("%s: %d rows, want 0", table, pf.NumRows())
		}
		f.Close()
	}
}

// partFiles lists the names in dir/table, sorted.
func partFiles(t *testing.T, dir string, table Table) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join(dir, string(table)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func TestPartRolling(t *testing.T) {
	for _, format := range []Format{Parquet, JSONL} {
		t.Run(format.String(), func(t *testing.T) {
			dir := t.TempDir()
			// 2500 articles of 6 quantities, 2 entities and 2 indicators
			// each: several batches per table, so that rows cross part
			// limits inside a batch.
			results := samples(2500)
			writeRun(t, Options{Dir: dir, Format: format, MaxRowsPerPart: 1000}, results...)
			m, err := ReadManifest(dir)
			if err != nil {
				t.Fatal(err)
			}
			ext := format.Ext()
			for _, c := range []struct {
				table Table
				rows  int
			}{{Articles, 2500}, {Quantities, 15000}, {Entities, 5000}, {Indicators, 5000}} {
				parts := (c.rows + 999) / 1000
				var want []string
				for i := range parts {
					want = append(want, fmt.Sprintf("part-%05d%s", i, ext))
				}
				if got := partFiles(t, dir, c.table); !slices.Equal(got, want) {
					t.Errorf("%s parts %v, want %v", c.table, got, want)
				}
				if info := m.Tables[c.table]; info.Rows != int64(c.rows) || len(info.Parts) != parts {
					t.Errorf("%s manifest %+v, want %d rows in %d parts", c.table, info, c.rows, parts)
				}
			}
			got, err := ReadTable[QuantityRow](dir)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want(results).Quantities) {
				t.Error("quantities read back from several parts differ from those written")
			}
		})
	}
}

func TestPartRollingBySize(t *testing.T) {
	dir := t.TempDir()
	// Every article row is larger than the limit: one article per part.
	writeRun(t, Options{Dir: dir, Tables: []Table{Articles}, MaxBytesPerPart: 100}, samples(3)...)
	want := []string{"part-00000.parquet", "part-00001.parquet", "part-00002.parquet"}
	if got := partFiles(t, dir, Articles); !slices.Equal(got, want) {
		t.Errorf("parts %v, want %v", got, want)
	}
}

func TestEmptyRun(t *testing.T) {
	for _, format := range []Format{Parquet, JSONL} {
		dir := t.TempDir()
		writeRun(t, Options{Dir: dir, Format: format})
		for _, table := range DefaultTables {
			if got, want := partFiles(t, dir, table), []string{"part-00000" + format.Ext()}; !slices.Equal(got, want) {
				t.Errorf("%s: %s parts %v, want %v", format, table, got, want)
			}
		}
		if _, err := os.Stat(filepath.Join(dir, string(Tokens))); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s: tokens written though not asked for", format)
		}
		rows, err := ReadTable[IndicatorRow](dir)
		if err != nil || rows == nil || len(rows) != 0 {
			t.Errorf("%s: empty indicators read as %v, %v", format, rows, err)
		}
	}
}

func TestJSONLValues(t *testing.T) {
	dir := t.TempDir()
	writeRun(t, Options{Dir: dir, Format: JSONL, Tables: []Table{Articles, Periods}}, sample(0), sample(1))
	b, err := os.ReadFile(filepath.Join(dir, "periods", "part-00000.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{`"period_start":"2023-03-15"`, `"period_end":"2024-02-29"`, `"period_start":null`, `"relative":true`} {
		if !strings.Contains(string(b), s) {
			t.Errorf("periods JSONL lacks %s:\n%s", s, b)
		}
	}
	b, err = os.ReadFile(filepath.Join(dir, "articles", "part-00000.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	if len(lines) != 2 || !strings.Contains(lines[1], `"title":null`) || !strings.Contains(lines[1], `"published":null`) ||
		!strings.Contains(lines[0], `"published":"2023-03-15"`) || strings.Contains(string(b), `""`) {
		t.Errorf("articles JSONL:\n%s", b)
	}
}

func TestAtomic(t *testing.T) {
	dir := t.TempDir()
	writeRun(t, Options{Dir: dir}, samples(2)...) // an earlier run

	w, err := Create(Options{Dir: dir, MaxRowsPerPart: 50})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range samples(200) {
		if err := w.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	// While the run goes on, readers see the earlier run, intact.
	run, err := ReadRun(dir)
	if err != nil || len(run.Articles) != 2 {
		t.Fatalf("earlier run during the new one: %v, %v", run, err)
	}
	if got := partFiles(t, dir, Quantities); len(got) < 2 || !slices.Contains(got, ".part-00000.parquet.tmp") {
		t.Errorf("new parts are not written under temporary names: %v", got)
	}
	w.Abort()
	// Abort removes the new run's files and leaves the earlier run.
	for _, table := range DefaultTables {
		if got := partFiles(t, dir, table); !slices.Equal(got, []string{"part-00000.parquet"}) {
			t.Errorf("after Abort %s holds %v", table, got)
		}
	}
	if run, err := ReadRun(dir); err != nil || len(run.Articles) != 2 {
		t.Fatalf("earlier run after Abort: %v, %v", run, err)
	}
	if err := w.Write(sample(0)); err == nil {
		t.Error("Write after Abort succeeded")
	}
}

func TestReplaceEarlierRun(t *testing.T) {
	dir := t.TempDir()
	writeRun(t, Options{Dir: dir, MaxRowsPerPart: 2, Tables: AllTables}, samples(6)...)
	// A second run, in the other format, with fewer parts and tables.
	writeRun(t, Options{Dir: dir, Format: JSONL, Tables: []Table{Articles, Quantities}}, samples(1)...)
	for _, table := range []Table{Articles, Quantities} {
		if got := partFiles(t, dir, table); !slices.Equal(got, []string{"part-00000.jsonl"}) {
			t.Errorf("%s holds %v after the second run", table, got)
		}
	}
	run, err := ReadRun(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(run.Articles) != 1 || len(run.Quantities) != 6 || run.Periods != nil {
		t.Errorf("second run read back %d articles, %d quantities, %d periods", len(run.Articles), len(run.Quantities), len(run.Periods))
	}
	if _, err := ReadTable[PeriodRow](dir); err == nil || !strings.Contains(err.Error(), "periods was not written") {
		t.Errorf("reading a table the run did not write: %v", err)
	}
}

// A table the new run does not write loses the parts of the earlier run,
// so that OUT/<table>/*.parquet never reads rows the manifest disowns.
func TestStaleTablesRemoved(t *testing.T) {
	dir := t.TempDir()
	writeRun(t, Options{Dir: dir, Tables: AllTables}, samples(2)...)
	writeRun(t, Options{Dir: dir}, samples(1)...)
	if _, err := os.Stat(filepath.Join(dir, string(Tokens))); !errors.Is(err, fs.ErrNotExist) {
		parts, _ := filepath.Glob(filepath.Join(dir, string(Tokens), "*"))
		t.Errorf("tokens of the earlier run still there: %v", parts)
	}
	if got := partFiles(t, dir, Articles); len(got) != 1 {
		t.Errorf("articles holds %v", got)
	}
}

func TestCreateRefusesForeignDir(t *testing.T) {
	for _, c := range []struct {
		name  string
		files []string // files to create first: "name" or "name=content"; a trailing / makes a directory
		ok    bool
	}{
		{"missing", nil, true},
		{"empty", []string{}, true},
		{"earlier run", []string{ManifestName + `={"tool":"govx","schema_version":0}`, "articles/part-00000.parquet", "notes.txt"}, true},
		{"crashed run", []string{"articles/part-00000.parquet", "quantities/.part-00007.parquet.tmp", "._manifest.json.tmp"}, true},
		{"foreign file", []string{"notes.txt"}, false},
		{"foreign dir", []string{"photos/"}, false},
		{"foreign file in a table dir", []string{"articles/part-00000.parquet", "articles/data.csv"}, false},
		{"manifest is a dir", []string{ManifestName + "/"}, false},
		{"manifest of another tool", []string{ManifestName + `={"tool":"other"}`}, false},
		{"unreadable manifest", []string{ManifestName + "={"}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "out")
			if c.files != nil {
				os.Mkdir(dir, 0o755)
			}
			for _, f := range c.files {
				f, content, ok := strings.Cut(f, "=")
				if !ok {
					content = "x"
				}
				p := filepath.Join(dir, f)
				os.MkdirAll(filepath.Dir(p), 0o755)
				if strings.HasSuffix(f, "/") {
					os.Mkdir(p, 0o755)
				} else if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			w, err := Create(Options{Dir: dir})
			if c.ok != (err == nil) {
				t.Fatalf("Create: %v, want ok=%v", err, c.ok)
			}
			if err != nil {
				if !strings.Contains(err.Error(), dir) || !strings.Contains(err.Error(), "refusing to write") {
					t.Errorf("error does not name the directory and the reason: %v", err)
				}
				return
			}
			if err := w.Close(nil); err != nil {
				t.Fatal(err)
			}
			if _, err := ReadRun(dir); err != nil {
				t.Error(err)
			}
			if _, err := os.Stat(filepath.Join(dir, "quantities", ".part-00007.parquet.tmp")); err == nil {
				t.Error("a crashed run's temporary file was left behind")
			}
		})
	}
}

func TestReadErrors(t *testing.T) {
	base := t.TempDir()
	good := filepath.Join(base, "good")
	writeRun(t, Options{Dir: good, Tables: []Table{Articles}}, sample(0))
	manifest, err := os.ReadFile(filepath.Join(good, ManifestName))
	if err != nil {
		t.Fatal(err)
	}
	variant := func(name, old, new string) string {
		dir := filepath.Join(base, name)
		os.MkdirAll(dir, 0o755)
		os.WriteFile(filepath.Join(dir, ManifestName), []byte(strings.Replace(string(manifest), old, new, 1)), 0o644)
		return dir
	}
	noManifest := filepath.Join(base, "nomanifest")
	os.MkdirAll(noManifest, 0o755)
	for _, c := range []struct {
		dir, path, msg string
	}{
		{filepath.Join(base, "missing"), filepath.Join(base, "missing"), "no such file"},
		{noManifest, noManifest, "has no _manifest.json"},
		{variant("oldschema", `"schema_version": 1`, `"schema_version": 0`), "oldschema", "schema version 0"},
		{variant("othertool", `"tool": "govx"`, `"tool": "other"`), "othertool", `written by "other"`},
		{variant("missingpart", `"format": "parquet"`, `"format": "parquet"`), "missingpart", "part-00000.parquet"},
		{variant("wrongformat", `"format": "parquet"`, `"format": "jsonl"`), "wrongformat", "not a jsonl file"},
	} {
		_, err := ReadTable[ArticleRow](c.dir)
		if err == nil || !strings.Contains(err.Error(), c.path) || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("ReadTable(%s): %v, want an error naming %s and saying %q", c.dir, err, c.path, c.msg)
		}
	}
}

func TestParseTables(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []Table // nil: an error
	}{
		{"articles", []Table{Articles}},
		{"quantities, articles", []Table{Articles, Quantities}},
		{"tokens,tokens", []Table{Tokens}},
		{"all", AllTables},
		{"articles,", []Table{Articles}},
		{"", nil},
		{",", nil},
		{"article", nil},
		{"articles,Quantities", nil},
	} {
		got, err := ParseTables(c.in)
		if c.want == nil {
			if err == nil {
				t.Errorf("ParseTables(%q) = %v, want an error", c.in, got)
			}
			continue
		}
		if err != nil || !slices.Equal(got, c.want) {
			t.Errorf("ParseTables(%q) = %v, %v, want %v", c.in, got, err, c.want)
		}
	}
}

func TestParseFormat(t *testing.T) {
	for in, want := range map[string]Format{"parquet": Parquet, "jsonl": JSONL} {
		if got, err := ParseFormat(in); err != nil || got != want || got.String() != in {
			t.Errorf("ParseFormat(%q) = %v, %v", in, got, err)
		}
	}
	for _, in := range []string{"", "csv", "Parquet", "json"} {
		if _, err := ParseFormat(in); err == nil {
			t.Errorf("ParseFormat(%q) succeeded", in)
		}
	}
}

// BenchmarkWrite measures whole runs of 5000 articles (70,000 rows):
// conversion, encoding, compression and the synced files.
func BenchmarkWrite(b *testing.B) {
	results := samples(5000)
	w := want(results)
	rowsPerRun := len(w.Articles) + len(w.Quantities) + len(w.Periods) + len(w.Entities) + len(w.Indicators)
	for _, format := range []Format{Parquet, JSONL} {
		b.Run(format.String(), func(b *testing.B) {
			dir := b.TempDir()
			for b.Loop() {
				writeRun(b, Options{Dir: dir, Format: format}, results...)
			}
			b.ReportMetric(float64(rowsPerRun*b.N)/b.Elapsed().Seconds(), "rows/s")
		})
	}
}

func TestResume(t *testing.T) {
	dir := t.TempDir()
	results := samples(7)
	writeRun(t, Options{Dir: dir, MaxRowsPerPart: 2}, results[:3]...)
	// A part a crashed resume left behind, not in the manifest.
	if err := os.WriteFile(filepath.Join(dir, "articles", "part-00009.parquet"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	writeRun(t, Options{Dir: dir, MaxRowsPerPart: 2, Resume: true}, results[3:6]...)
	writeRun(t, Options{Dir: dir, MaxRowsPerPart: 2, Resume: true}) // nothing new: no new parts

	parts := []string{"part-00000.parquet", "part-00001.parquet", "part-00002.parquet", "part-00003.parquet"}
	if got := partFiles(t, dir, Articles); !slices.Equal(got, parts) {
		t.Errorf("articles parts %v, want %v", got, parts)
	}
	run, err := ReadRun(dir)
	if err != nil {
		t.Fatal(err)
	}
	all := want(results[:6])
	if !reflect.DeepEqual(run.Articles, all.Articles) || !reflect.DeepEqual(run.Quantities, all.Quantities) {
		t.Error("rows of the resumed run differ from those of both runs")
	}
	if m := run.Manifest; m.ArticlesWritten != 6 || m.Tables[Quantities].Rows != 36 || len(m.Tables[Quantities].Parts) != 18 ||
		m.ReferenceDates.FromPublished != 3 || !m.Options.Resume {
		t.Errorf("manifest after resuming: %+v", m)
	}
	ids, err := ArticleIDs(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(ids) != 6 || !ids[results[5].Article.ID] || ids[results[6].Article.ID] {
		t.Errorf("ArticleIDs = %v", ids)
	}

	// A resume that is aborted leaves the run as it was.
	w, err := Create(Options{Dir: dir, MaxRowsPerPart: 2, Resume: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range samples(100) {
		w.Write(r)
	}
	w.Abort()
	if got := partFiles(t, dir, Articles); !slices.Equal(got, parts) {
		t.Errorf("articles parts after an aborted resume %v, want %v", got, parts)
	}
}

func TestResumeRefusesOtherRun(t *testing.T) {
	dir := t.TempDir()
	writeRun(t, Options{Dir: dir}, sample(0))
	for _, opts := range []Options{
		{Dir: dir, Resume: true, Format: JSONL},
		{Dir: dir, Resume: true, Tables: AllTables},
		{Dir: dir, Resume: true, Tables: []Table{Articles}},
	} {
		if _, err := Create(opts); err == nil || !strings.Contains(err.Error(), "cannot resume "+dir) {
			t.Errorf("Create(%+v): %v, want a refusal to resume", opts, err)
		}
	}
	// Resuming where there is no run yet is a fresh run.
	fresh := filepath.Join(t.TempDir(), "new")
	writeRun(t, Options{Dir: fresh, Resume: true, Format: JSONL}, sample(1))
	if rows, err := ReadTable[ArticleRow](fresh); err != nil || len(rows) != 1 {
		t.Errorf("fresh resumed run: %v, %v", rows, err)
	}
}

func TestArticleIDsWithoutArticles(t *testing.T) {
	for _, format := range []Format{Parquet, JSONL} {
		dir := t.TempDir()
		writeRun(t, Options{Dir: dir, Format: format, Tables: []Table{Periods, Entities}}, samples(3)...)
		ids, err := ArticleIDs(dir)
		if err != nil || len(ids) != 3 {
			t.Errorf("%s: ArticleIDs = %v, %v", format, ids, err)
		}
	}
}

func TestFailedRunPublishesNothing(t *testing.T) {
	dir := t.TempDir()
	writeRun(t, Options{Dir: dir, Format: JSONL}, sample(0)) // an earlier run
	w, err := Create(Options{Dir: dir, Format: JSONL})
	if err != nil {
		t.Fatal(err)
	}
	bad := sample(1)
	bad.Mentions.Quantities[0].Value = math.NaN() // JSON cannot hold it
	for _, r := range []*govx.Result{sample(2), bad} {
		if err := w.Write(r); err != nil {
			t.Fatal(err) // rows are buffered: the error comes at Close
		}
	}
	if err := w.Close(nil); err == nil || !strings.Contains(err.Error(), "quantities") {
		t.Errorf("Close: %v, want an error naming the quantities part", err)
	}
	for _, table := range DefaultTables {
		if got := partFiles(t, dir, table); !slices.Equal(got, []string{"part-00000.jsonl"}) {
			t.Errorf("%s holds %v after a failed run", table, got)
		}
	}
	if run, err := ReadRun(dir); err != nil || len(run.Articles) != 1 || run.Articles[0].ArticleID != sample(0).Article.ID {
		t.Errorf("the earlier run after a failed one: %v, %v", run, err)
	}
}
