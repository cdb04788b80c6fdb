package eval

import (
	"govx/output"
)

// ReadRows reads the output directory dir (either format) and returns its
// rows grouped by article, as Score takes them. It fails with a clear
// error when dir is missing, is not a govx output, or was written with
// another output schema version.
func ReadRows(dir string) ([]output.Rows, *output.Manifest, error) {
	run, err := output.ReadRun(dir)
	if err != nil {
		return nil, nil, err
	}
	return Group(run), run.Manifest, nil
}

// Group gathers the rows of a run by article: one Rows per row of the
// articles table, in its order, holding the rows of the other tables with
// the same article_id in their order. Rows whose article is not in the
// articles table (a run written without it) get a Rows of their own with
// only Article.ArticleID set, after the others.
func Group(run *output.Run) []output.Rows {
	var all []output.Rows
	index := map[string]int{}
	at := func(id string) *output.Rows {
		i, ok := index[id]
		if !ok {
			i = len(all)
			index[id] = i
			all = append(all, output.Rows{Article: output.ArticleRow{ArticleID: id}})
		}
		return &all[i]
	}
	for _, a := range run.Articles {
		at(a.ArticleID).Article = a
	}
	for _, r := range run.Quantities {
		rows := at(r.ArticleID)
		rows.Quantities = append(rows.Quantities, r)
	}
	for _, r := range run.Periods {
		rows := at(r.ArticleID)
		rows.Periods = append(rows.Periods, r)
	}
	for _, r := range run.Entities {
		rows := at(r.ArticleID)
		rows.Entities = append(rows.Entities, r)
	}
	for _, r := range run.Indicators {
		rows := at(r.ArticleID)
		rows.Indicators = append(rows.Indicators, r)
	}
	for _, r := range run.Tokens {
		rows := at(r.ArticleID)
		rows.Tokens = append(rows.Tokens, r)
	}
	return all
}
