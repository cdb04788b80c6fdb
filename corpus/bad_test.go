package corpus_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"govx/corpus"
)

// TestBadInputsMixedWithGood feeds a directory of broken inputs mixed with
// good ones: every good article must come out, and every bad input must
// yield an *Error naming it, with the reason it is bad.
func TestBadInputsMixedWithGood(t *testing.T) {
	dir := t.TempDir()
	big := strings.Repeat("长", 1<<20) // 3 MiB on one line, over the 1 MiB cap below
	zeros := strings.Repeat("\x00", 4<<20)
	good := gzipBytes(t, textA)
	writeFiles(t, dir, map[string]string{
		"good.txt":            textA,
		"good.jsonl":          lineD + `{"id":"n","text":42}` + "\n" + strings.Replace(lineD, "d1", "d3", 1),
		"sub/good2.txt":       textB,
		"good.tar.gz":         gzipBytes(t, tarBytes(t, member{"a.txt", textA}, member{"empty.txt", ""})),
		"empty.txt":           "",
		"empty.jsonl":         "\n\n",
		"empty.gz.txt.gz":     "",
		"binary.txt":          "\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00",
		"invalid.txt":         "abc \xff\xff\xff def",
		"truncated.txt.gz":    good[:len(good)/2],
		"bomb.zip":            zipBytes(t, member{"zeros.txt", zeros}),
		"bomb.jsonl.gz":       gzipBytes(t, zeros),
		"bomb.jsonl.zst":      zstdBytes(t, zeros),
		"huge.txt":            big,
		"hugeline.jsonl":      `{"id":"big","text":"` + big + `"}` + "\n" + strings.Replace(lineD, "d1", "d2", 1),
		"deep.html":           "<html><body>" + strings.Repeat("<div>", 2000) + "深</body></html>",
		"corrupt.zip":         "PK\x03\x04 this is not really a zip",
		"photo.jpg":           "\xff\xd8\xff\xe0 skipped: not a text format",
		".hidden.txt":         "skipped: hidden",
		"zz_vanish.txt":       textC,
		"zz_unreadable.txt":   textC,
		"sub/loop/.keep":      "",
		"sub/notes/readme.md": "skipped",
	})
	p := func(s string) string { return filepath.Join(dir, s) }
	// A directory loop through a symlink, and a dangling symlink.
	os.Remove(p("sub/loop/.keep"))
	os.Remove(p("sub/loop"))
	must(t, os.Symlink("..", p("sub/loop")))
	must(t, os.Symlink("nowhere.txt", p("dangling.txt")))
	unreadable := os.Geteuid() != 0 // root reads anything
	if unreadable {
		must(t, os.Chmod(p("zz_unreadable.txt"), 0))
	}

	r := corpus.Reader{MaxArticleBytes: 1 << 20}
	var docs, errs []string
	for d, err := range r.Read([]string{dir}) {
		if err != nil {
			var ce *corpus.Error
			if !errors.As(err, &ce) {
				t.Fatalf("%v is a %T", err, err)
			}
			errs = append(errs, strings.TrimPrefix(ce.Source, dir+"/"))
			if strings.Contains(ce.Source, "bomb.jsonl.zst") && !errors.Is(err, corpus.ErrBomb) {
				t.Errorf("%v: want ErrBomb", err)
			}
			t.Log(err)
			continue
		}
		if d.Text == "" || d.DocID == "" {
			t.Errorf("empty document from %s", d.Source)
		}
		docs = append(docs, strings.TrimPrefix(d.Source, dir+"/"))
		if len(docs) == 1 {
			// A file that disappears while the run goes on.
			must(t, os.Remove(p("zz_vanish.txt")))
		}
	}
	wantDocs := []string{"good.jsonl#1", "good.jsonl#3", "good.tar.gz!/a.txt", "good.txt", "hugeline.jsonl#2", "sub/good2.txt"}
	wantErrs := []string{
		"binary.txt", "bomb.jsonl.gz#1", "bomb.jsonl.zst#1", "bomb.zip!/zeros.txt", "corrupt.zip", "dangling.txt", "deep.html",
		"empty.gz.txt.gz", "empty.jsonl", "empty.txt", "good.jsonl#2", "good.tar.gz!/empty.txt", "huge.txt",
		"hugeline.jsonl#1", "invalid.txt", "sub/loop", "truncated.txt.gz", "zz_vanish.txt",
	}
	if unreadable {
		wantErrs = append(wantErrs, "zz_unreadable.txt")
	} else {
		wantDocs = append(wantDocs, "zz_unreadable.txt")
	}
	slices.Sort(docs)
	slices.Sort(errs)
	slices.Sort(wantDocs)
	slices.Sort(wantErrs)
	if !slices.Equal(docs, wantDocs) {
		t.Errorf("documents:\n got %q\nwant %q", docs, wantDocs)
	}
	if !slices.Equal(errs, wantErrs) {
		t.Errorf("errors:\n got %q\nwant %q", errs, wantErrs)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestZipBombHeader checks that a zip member whose header announces more
// than the expansion cap allows fails before it is decompressed.
func TestZipBombHeader(t *testing.T) {
	zeros := strings.Repeat("\x00", 4<<20)
	p := writeOne(t, "bomb.zip", zipBytes(t, member{"zeros.txt", zeros}, member{"ok.txt", textA}))
	r := corpus.Reader{MaxArticleBytes: 1 << 20, MaxExpansion: 10}
	var errs []error
	docs := 0
	for _, err := range r.Read([]string{p}) {
		if err != nil {
			errs = append(errs, err)
		} else {
			docs++
		}
	}
	if len(errs) != 1 || !errors.Is(errs[0], corpus.ErrBomb) || docs != 1 {
		t.Errorf("errors %v and %d documents; want one ErrBomb and 1 document", errs, docs)
	}
}
