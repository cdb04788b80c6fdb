package output

// The Parquet forms of the row types that have optional strings.
// parquet-go writes a pointer field one row at a time, but an optional
// field of a plain type a batch at a time, as null where it holds the zero
// value. The optional strings of rows are never "" (RowsOf gives nil for
// a missing string), so writing them as plain strings, "" for nil, gives
// the same column. Each form has the columns of its row type, in the same
// order and of the same types (TestParquetForms checks the schemas), and
// is written under the schema name of its row type; the other tables are
// written as they are.

type articleParquet struct {
	ArticleID     string `parquet:"article_id"`
	DocID         string `parquet:"doc_id"`
	Source        string `parquet:"source"`
	Title         string `parquet:"title,optional"`
	Published     *Day   `parquet:"published,date,optional"`
	ReferenceDate *Day   `parquet:"reference_date,date,optional"`
	Text          string `parquet:"text"`
	Region        string `parquet:"region,optional"`
}

func (r *ArticleRow) parquetForm() articleParquet {
	return articleParquet{
		ArticleID: r.ArticleID, DocID: r.DocID, Source: r.Source, Title: deref(r.Title),
		Published: r.Published, ReferenceDate: r.ReferenceDate, Text: r.Text, Region: deref(r.Region),
	}
}

type quantityParquet struct {
	ArticleID   string   `parquet:"article_id"`
	Sentence    int32    `parquet:"sentence"`
	Start       int32    `parquet:"start"`
	End         int32    `parquet:"end"`
	Text        string   `parquet:"text"`
	Value       float64  `parquet:"value"`
	ValueMax    *float64 `parquet:"value_max,optional"`
	Unit        string   `parquet:"unit,optional"`
	SurfaceUnit string   `parquet:"surface_unit,optional"`
	Kind        string   `parquet:"kind"`
	Qualifier   string   `parquet:"qualifier"`
}

func (r *QuantityRow) parquetForm() quantityParquet {
	return quantityParquet{
		ArticleID: r.ArticleID, Sentence: r.Sentence, Start: r.Start, End: r.End, Text: r.Text,
		Value: r.Value, ValueMax: r.ValueMax, Unit: deref(r.Unit), SurfaceUnit: deref(r.SurfaceUnit),
		Kind: r.Kind, Qualifier: r.Qualifier,
	}
}

type entityParquet struct {
	ArticleID  string `parquet:"article_id"`
	Sentence   int32  `parquet:"sentence"`
	Start      int32  `parquet:"start"`
	End        int32  `parquet:"end"`
	Text       string `parquet:"text"`
	Type       string `parquet:"type"`
	Normalized string `parquet:"normalized,optional"`
	AdminCode  string `parquet:"admin_code,optional"`
}

func (r *EntityRow) parquetForm() entityParquet {
	return entityParquet{
		ArticleID: r.ArticleID, Sentence: r.Sentence, Start: r.Start, End: r.End, Text: r.Text,
		Type: r.Type, Normalized: deref(r.Normalized), AdminCode: deref(r.AdminCode),
	}
}

type indicatorParquet struct {
	ArticleID   string   `parquet:"article_id"`
	Sentence    int32    `parquet:"sentence"`
	Start       int32    `parquet:"start"`
	End         int32    `parquet:"end"`
	Subject     string   `parquet:"subject,optional"`
	Indicator   string   `parquet:"indicator"`
	PeriodStart *Day     `parquet:"period_start,date,optional"`
	PeriodEnd   *Day     `parquet:"period_end,date,optional"`
	Value       *float64 `parquet:"value,optional"`
	Unit        string   `parquet:"unit,optional"`
	Qualifier   string   `parquet:"qualifier,optional"`
	ChangePct   *float64 `parquet:"change_pct,optional"`
	ChangeBasis string   `parquet:"change_basis,optional"`
	Modality    string   `parquet:"modality"`
	Evidence    string   `parquet:"evidence"`
}

func (r *IndicatorRow) parquetForm() indicatorParquet {
	return indicatorParquet{
		ArticleID: r.ArticleID, Sentence: r.Sentence, Start: r.Start, End: r.End,
		Subject: deref(r.Subject), Indicator: r.Indicator, PeriodStart: r.PeriodStart, PeriodEnd: r.PeriodEnd,
		Value: r.Value, Unit: deref(r.Unit), Qualifier: deref(r.Qualifier), ChangePct: r.ChangePct,
		ChangeBasis: deref(r.ChangeBasis), Modality: r.Modality, Evidence: r.Evidence,
	}
}

// deref returns *s, "" for nil.
func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
