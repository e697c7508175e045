package ingest

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mmcdole/gofeed"

	"dossier/app/ingest/ingesttest"
)

// BenchmarkParseFeed times a feed of 10,000 items against gofeed alone on the same
// bytes, the floor for anything built on it.
func BenchmarkParseFeed(b *testing.B) {
	data := bigFeed(10000)
	b.Run("gofeed-only", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if _, err := gofeed.NewParser().Parse(bytes.NewReader(data)); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Parse-10k-items", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if arts, err := Parse("bulletins.xml", data); err != nil || len(arts) != 10000 {
				b.Fatal(len(arts), err)
			}
		}
	})
}

// BenchmarkParseNested times pages with 100,000 nested tags against a page with the
// same tags side by side.
func BenchmarkParseNested(b *testing.B) {
	flat := "<!doctype html><html><head><title>Recount ordered</title></head><body>" +
		strings.Repeat("<div></div>", 100000) + "<p>The board ordered a recount in Saltholm East, where 37 votes separate the two leading candidates.</p></body></html>"
	cases := []struct{ name, page string }{
		{"flat-100000-div", flat},
		{"nested-100000-div", nestedPage("div", 100000)},
		{"nested-100000-b", nestedPage("b", 100000)},
		{"nested-100000-table", nestedPage("table", 100000)},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			data := []byte(c.page)
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := Parse("deep.html", data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkSynthetic times writing synthetic files and parsing them, per article, against
// reading the same files without parsing.
func BenchmarkSynthetic(b *testing.B) {
	const n = 1000
	b.Run("write", func(b *testing.B) {
		for b.Loop() {
			if err := ingesttest.WriteSyntheticFiles(b.TempDir(), n, 1); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/article")
	})
	dir := b.TempDir()
	if err := ingesttest.WriteSyntheticFiles(dir, n, 1); err != nil {
		b.Fatal(err)
	}
	var paths []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			paths = append(paths, p)
		}
		return nil
	})
	for _, kind := range []string{".html", ".txt", ".xml"} {
		var files [][]byte
		var names []string
		for _, p := range paths {
			if filepath.Ext(p) == kind {
				data, err := os.ReadFile(p)
				if err != nil {
					b.Fatal(err)
				}
				files, names = append(files, data), append(names, filepath.Base(p))
			}
		}
		b.Run("parse"+kind, func(b *testing.B) {
			arts := 0
			for b.Loop() {
				for i, data := range files {
					as, err := Parse(names[i], data)
					if err != nil {
						b.Fatal(err)
					}
					arts += len(as)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(arts), "ns/article")
		})
	}
	b.Run("read-only", func(b *testing.B) {
		for b.Loop() {
			for _, p := range paths {
				if _, err := os.ReadFile(p); err != nil {
					b.Fatal(err)
				}
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/article")
	})
	b.Run("walk-and-parse", func(b *testing.B) {
		for b.Loop() {
			arts := 0
			if err := Walk(context.Background(), []string{dir}, func(it Item) error {
				if it.Err != nil {
					return it.Err
				}
				arts++
				return nil
			}); err != nil || arts != n {
				b.Fatal(arts, err)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/article")
	})
}
