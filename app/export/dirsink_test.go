package export

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dossier/app"
)

// TestPipeSinkWritesEveryFile: files handed to the background writers are all on disk,
// byte for byte, once Close returns.
func TestPipeSinkWritesEveryFile(t *testing.T) {
	dir := t.TempDir()
	p := newPipeSink(dir)
	want := map[string]string{}
	for i := range 500 {
		path := []string{"actors", "articles", "notes"}[i%3] + "/f" + itoa(i) + ".md"
		body := strings.Repeat("line "+itoa(i)+"\n", i%50)
		w, err := p.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, body)
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		want[path] = body
	}
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	for path, body := range want {
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(path)))
		if err != nil || string(got) != body {
			t.Fatalf("%s: %q, %v", path, got, err)
		}
	}
}

// TestPipeSinkFailureNamesTheFile: a file that cannot be made (two records on one file
// name; a folder that is a file) fails the sink with the file's name, and every later
// Create fails at once so the export stops.
func TestPipeSinkFailureNamesTheFile(t *testing.T) {
	for _, c := range []struct {
		name  string
		setup func(dir string)
		paths []string
		bad   string
	}{
		{"same file twice", func(string) {}, []string{"actors/a.md", "actors/a.md"}, "actors/a.md"},
		{"folder is a file", func(dir string) { os.WriteFile(filepath.Join(dir, "notes"), nil, 0o644) },
			[]string{"actors/a.md", "notes/n.md"}, "notes/n.md"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			c.setup(dir)
			p := newPipeSink(dir)
			for _, path := range c.paths {
				if w, err := p.Create(path); err == nil {
					w.Close()
				}
			}
			err := p.Close()
			var ae *app.Error
			if !errors.As(err, &ae) || !strings.Contains(ae.Message, c.bad) {
				t.Fatalf("Close: %v, want an error naming %s", err, c.bad)
			}
			if _, err := p.Create("articles/later.md"); err == nil {
				t.Error("Create goes on after a failure")
			}
		})
	}
}
