package ingest

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dossier/app/ingest/ingesttest"
)

func TestWriteSyntheticFiles(t *testing.T) {
	const n = 1234 // not a multiple of 100: the last feed is short; two subfolders
	dir := t.TempDir()
	if err := ingesttest.WriteSyntheticFiles(dir, n, 42); err != nil {
		t.Fatal(err)
	}
	var arts, pages, texts, feeds int
	hashes, urls := map[string]string{}, map[string]string{}
	files := map[string]int{}
	var size, bodies, datelines int
	err := Walk(context.Background(), []string{dir}, func(it Item) error {
		if it.Err != nil {
			t.Errorf("%s: %v", it.Path, it.Err)
			return nil
		}
		arts++
		a := it.Article
		files[it.Path]++
		bodies += len(a.Body)
		if p, ok := hashes[a.Hash]; ok {
			t.Errorf("%s repeats the text of %s", it.Path, p)
		}
		hashes[a.Hash] = it.Path
		if a.Title == "" || a.Author == "" || a.Date == "" {
			t.Errorf("%s: missing fields: %q %q %q", it.Path, a.Title, a.Author, a.Date)
		}
		if filepath.Ext(it.Path) == ".txt" {
			if a.Dateline != "" {
				datelines++
			}
			return nil // a text file names no outlet and no address
		}
		if p, ok := urls[a.URL]; ok || a.URL == "" || a.Source == "" {
			t.Errorf("%s: source %q, URL %q missing or also in %s", it.Path, a.Source, a.URL, p)
		}
		urls[a.URL] = it.Path
		for _, junk := range []string{"Advertisement", "Most read", "Privacy", "dataLayer", "<p>"} {
			if strings.Contains(a.Body, junk) {
				t.Errorf("%s: body keeps %q", it.Path, junk)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if arts != n {
		t.Errorf("%d articles, want %d", arts, n)
	}
	for path, k := range files {
		st, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		size += int(st.Size())
		switch filepath.Ext(path) {
		case ".html":
			pages += k
		case ".txt":
			texts += k
		case ".xml", ".atom":
			feeds += k
			if k > ingesttest.FeedItems {
				t.Errorf("%s has %d items", path, k)
			}
		}
	}
	// 12 full hundreds: 60/30/10 each; the last 34 are all pages
	if pages != 12*60+34 || texts != 12*30 || feeds != 12*10 {
		t.Errorf("pages %d, texts %d, feed items %d", pages, texts, feeds)
	}
	if datelines*3 < texts*2 { // one layout in four has none, as some agencies write
		t.Errorf("%d of %d text files have a dateline", datelines, texts)
	}
	if avg := bodies / n; avg < 2500 || avg > 3800 {
		t.Errorf("articles average %d bytes of text, want about 3 KB", avg)
	}
	subs, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if want := (len(files) + ingesttest.PerFolder - 1) / ingesttest.PerFolder; len(subs) != want {
		t.Errorf("%d subfolders for %d files, want %d", len(subs), len(files), want)
	}
	for _, s := range subs {
		in, _ := os.ReadDir(filepath.Join(dir, s.Name()))
		if len(in) > ingesttest.PerFolder {
			t.Errorf("%s holds %d files", s.Name(), len(in))
		}
	}
	t.Logf("%d articles in %d files, %d KB on disk, %d bytes of text per article", n, len(files), size>>10, bodies/n)
}

func TestWriteSyntheticFilesDeterministic(t *testing.T) {
	read := func(dir string) map[string][]byte {
		out := map[string][]byte{}
		filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				rel, _ := filepath.Rel(dir, p)
				out[rel], _ = os.ReadFile(p)
			}
			return nil
		})
		return out
	}
	a, b, c := t.TempDir(), t.TempDir(), t.TempDir()
	for dir, seed := range map[string]uint64{a: 7, b: 7, c: 8} {
		if err := ingesttest.WriteSyntheticFiles(dir, 150, seed); err != nil {
			t.Fatal(err)
		}
	}
	fa, fb, fc := read(a), read(b), read(c)
	if len(fa) != 60+30+1+50 || len(fa) != len(fb) { // 10 feed items in one file
		t.Fatalf("%d and %d files", len(fa), len(fb))
	}
	same := 0
	for name, data := range fa {
		if !bytes.Equal(data, fb[name]) {
			t.Errorf("%s differs for the same seed", name)
		}
		if bytes.Equal(data, fc[name]) {
			same++
		}
	}
	if same > 0 {
		t.Errorf("%d files are the same for another seed", same)
	}
}
