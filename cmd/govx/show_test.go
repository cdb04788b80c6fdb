package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"govx/output"
)

func TestWriteMarked(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		marks   []mark
		plain   string
		skipped int
	}{
		{"none", "收入增长。", nil, "收入增长。", 0},
		{"two marks", "完成2亿元，增长5%。", []mark{{2, 5, "q"}, {8, 10, "q"}}, "完成[2亿元]q，增长[5%]q。", 0},
		{"nested", "镇江高新区今年开工", []mark{{0, 5, "loc"}, {0, 2, "loc"}, {5, 7, "p"}}, "[[镇江]loc高新区]loc[今年]p开工", 0},
		{"at the end", "增长5%", []mark{{2, 4, "q"}}, "增长[5%]q", 0},
		{"crossing is skipped", "甲乙丙丁", []mark{{0, 3, "org"}, {2, 4, "q"}}, "[甲乙丙]org丁", 1},
		{"outside the text is skipped", "甲乙", []mark{{1, 5, "q"}, {2, 2, "p"}}, "甲乙", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			skipped := writeMarked(&b, []rune(tt.text), tt.marks, false)
			if b.String() != tt.plain || len(skipped) != tt.skipped {
				t.Errorf("got %q with %d skipped, want %q with %d", b.String(), len(skipped), tt.plain, tt.skipped)
			}
		})
	}
	var b bytes.Buffer
	writeMarked(&b, []rune("镇江高新区"), []mark{{0, 5, "loc"}, {0, 2, "org"}}, true)
	_, loc := markStyle("loc")
	_, org := markStyle("org")
	if want := loc + org + "镇江" + ansiReset + loc + "高新区" + ansiReset; b.String() != want {
		t.Errorf("colour: %q, want %q", b.String(), want)
	}
}

func TestRenderArticle(t *testing.T) {
	r := twoArticles()[0]
	r.Indicators = []output.IndicatorRow{{Subject: ptr("甲区"), Indicator: "收入", Value: ptr(2e8), Unit: ptr("CNY"),
		Qualifier: ptr("exact"), ChangePct: ptr(5.0), Modality: "actual"}}
	var b bytes.Buffer
	if err := renderArticle(&b, &r, false); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	checkContains(t, out,
		"article aaaaaaaaaaaaaaaa  doc_id a.txt",
		"legend: […]q quantity  […]p period",
		"收入完成[2亿元]q，增长[5%]q。",
		"indicators:",
		"甲区     收入       null..null",
		"200000000 CNY",
		"null..null",
	)
	if strings.Contains(out, "\x1b[") {
		t.Errorf("colour codes without colour:\n%s", out)
	}
}

func TestShowCommand(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	rows := twoArticles()
	third := rows[0]
	third.Article.ArticleID = "aaaabbbbbbbbbbbb"
	third.Article.DocID = "c.txt"
	writeRun(t, out, output.SchemaVersion, append(rows, third))
	other := filepath.Join(dir, "other")
	writeRun(t, other, output.SchemaVersion+1, rows)
	article := filepath.Join(dir, "article.txt")
	if err := os.WriteFile(article, []byte("甲县今年新签约项目12个。\n总投资约30亿元。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	noArticles := filepath.Join(dir, "noarticles")
	writeRun(t, noArticles, output.SchemaVersion, rows)
	dropTable(t, noArticles, output.Articles)

	tests := []struct {
		name   string
		args   []string
		status int
		want   []string
	}{
		{"by id", []string{"show", "-o", out, "bbbbbbbbbbbbbbbb"}, 0, []string{"doc_id b.txt", "[今年]p新签约项目3个。"}},
		{"by prefix", []string{"show", "-o", out, "bbbbbb"}, 0, []string{"doc_id b.txt"}},
		{"by doc_id", []string{"show", "-o", out, "a.txt"}, 0, []string{"doc_id a.txt", "[2亿元]q"}},
		{"ambiguous prefix", []string{"show", "-o", out, "aaaa"}, 1, []string{"2 articles", "give more digits"}},
		{"unknown id", []string{"show", "-o", out, "ffffffff"}, 1, []string{"no article with that id"}},
		{"no OUT to look in", []string{"show", "-o", filepath.Join(dir, "nope"), "ffffffff"}, 1, []string{"is not a file", "no such file"}},
		{"output of another version", []string{"show", "-o", other, "bbbbbbbbbbbbbbbb"}, 1, []string{"output schema version"}},
		{"run without articles", []string{"show", "-o", noArticles, "bbbbbbbbbbbbbbbb"}, 1, []string{"no articles table"}},
		{"a path", []string{"show", article}, 0, []string{"doc_id article.txt", "新签约项目", "总投资", "legend:"}},
		{"no argument", []string{"show"}, 2, []string{"want one PATH or ARTICLE_ID"}},
		{"a path with a reference date", []string{"show", "--reference-date", "2023-05-01", article}, 0, []string{"reference date 2023-05-01"}},
		{"bad reference date", []string{"show", "--reference-date", "May 2023", article}, 2, []string{"--reference-date"}},
		{"bad colour", []string{"show", "--color", "pink", article}, 2, []string{"want auto, always or never"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, _ := checkCLI(t, tt.args, tt.status, tt.want)
			if strings.Contains(stdout, "\x1b[") {
				t.Errorf("colour codes into a buffer:\n%s", stdout)
			}
		})
	}
}

func TestSegmentCommand(t *testing.T) {
	dir := t.TempDir()
	article := filepath.Join(dir, "article.txt")
	if err := os.WriteFile(article, []byte("甲县今年新签约项目12个。\n总投资约30亿元。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	status, stdout, stderr := runCLI(t, "segment", article)
	if status != 0 {
		t.Fatalf("status %d: %s", status, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[0], "# article.txt (article ") ||
		!strings.Contains(lines[1], "今年/t") || !strings.HasSuffix(lines[2], "。/x") {
		t.Errorf("segment output:\n%s", stdout)
	}
	// Every token is word/pos, and the words spell the sentence again.
	var words []string
	for _, tok := range strings.Fields(lines[2]) {
		w, pos, ok := strings.Cut(tok, "/")
		if !ok || pos == "" {
			t.Errorf("token %q has no tag", tok)
		}
		words = append(words, w)
	}
	if got := strings.Join(words, ""); got != "总投资约30亿元。" {
		t.Errorf("tokens spell %q", got)
	}

	status, stdout, _ = runCLI(t, "segment", "--tsv", article)
	if status != 0 || !strings.Contains(stdout, "sentence\tindex\tstart\tend\ttext\tpos\n0\t0\t0\t") {
		t.Errorf("--tsv: status %d:\n%s", status, stdout)
	}

	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"segment"}, "want a PATH"},
		{[]string{"segment", filepath.Join(dir, "nope.txt")}, "no such file"},
	} {
		status, stdout, stderr := runCLI(t, tt.args...)
		if status == 0 || !strings.Contains(stdout+stderr, tt.want) {
			t.Errorf("%v: status %d, output %q, want it to mention %q", tt.args, status, stdout+stderr, tt.want)
		}
	}
}
