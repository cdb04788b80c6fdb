package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	out := filepath.Join(t.TempDir(), "divisions.tsv")
	if err := run("testdata", out); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		if !strings.HasPrefix(line, "#") {
			got = append(got, line)
		}
	}
	want := []string{
		"310000\t上海市\t\t1",
		"320000\t江苏省\t\t1",
		"321100\t镇江市\t320000\t2",
		"310115\t浦东新区\t310000\t3", // under the municipality, not 市辖区
		"321112\t丹徒区\t321100\t3",
		// 321171 镇江新区 is a statistical zone: dropped.
		"710000\t台湾省\t\t1",
		"810000\t香港特别行政区\t\t1",
		"820000\t澳门特别行政区\t\t1",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestRunMissingInput(t *testing.T) {
	if err := run(t.TempDir(), filepath.Join(t.TempDir(), "x.tsv")); err == nil {
		t.Error("no error for a directory without the CSV files")
	}
}
