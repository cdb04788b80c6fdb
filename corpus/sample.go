package corpus

import (
	"embed"
	"io/fs"
	"iter"

	"govx"
)

// sampleFS holds the built-in sample corpus: short articles in the genre,
// written for govx with invented figures.
//
//go:embed sample
var sampleFS embed.FS

// Sample streams the built-in sample corpus: a few short articles written
// for govx in the genre (a high-tech zone report, a statistical bulletin, a
// project signing, a JSON Lines file with publish dates). Their figures are
// invented, and each says it is a sample. Sources are named sample/<file>.
func Sample() iter.Seq2[govx.Document, error] {
	return func(yield func(govx.Document, error) bool) {
		sub, err := fs.Sub(sampleFS, "sample")
		if err != nil {
			fail(yield, "sample", err)
			return
		}
		var r Reader
		r.limits().readFS(sub, "sample", yield)
	}
}
