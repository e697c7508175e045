package export_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"dossier/app"
	"dossier/app/export"
)

// TestVaultLinksResolve: in the vault of the project and of Maliki's dossier there is a
// note per actor, article and note, every [[link]] names a file in the vault, and every
// footnote reference has its footnote.
func TestVaultLinksResolve(t *testing.T) {
	p := newExportProject(t)
	link := regexp.MustCompile(`\[\[([^\]|]+)(\|[^\]]*)?\]\]`)
	for _, actor := range []int64{0, p.maliki.ID} {
		dir := t.TempDir()
		if err := export.WriteVault(context.Background(), export.DirSink(dir), export.Job{Src: p.store, Scope: app.ExportScope{ActorID: actor}}); err != nil {
			t.Fatal(err)
		}
		actors, _, articles, notes := p.counts(t, actor)
		for folder, want := range map[string]int{export.VaultActors: actors, export.VaultArticles: articles, export.VaultNotes: notes} {
			files, _ := os.ReadDir(filepath.Join(dir, folder))
			if len(files) != want {
				t.Errorf("scope %d: %d files in %s, want %d", actor, len(files), folder, want)
			}
		}
		links := 0
		filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, _ := os.ReadFile(path)
			text := string(b)
			if !strings.HasPrefix(text, "---\n") {
				t.Errorf("%s has no front matter", path)
			}
			for _, m := range link.FindAllStringSubmatch(text, -1) {
				links++
				if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(m[1])+".md")); err != nil {
					t.Errorf("%s: link %s resolves to no file", path, m[0])
				}
			}
			for _, ref := range regexp.MustCompile(`\[\^(\d+)\][^:]`).FindAllStringSubmatch(text, -1) {
				if !strings.Contains(text, "\n[^"+ref[1]+"]: ") {
					t.Errorf("%s: footnote %s has no text", path, ref[1])
				}
			}
			return nil
		})
		if links == 0 {
			t.Errorf("scope %d: no links", actor)
		}
	}
	dir := t.TempDir()
	export.WriteVault(context.Background(), export.DirSink(dir), export.Job{Src: p.store, Scope: app.ExportScope{ActorID: p.maliki.ID}})
	files, _ := filepath.Glob(filepath.Join(dir, export.VaultActors, "nouri-al-maliki-*.md"))
	if len(files) != 1 {
		t.Fatalf("Maliki's note: %v", files)
	}
	b, _ := os.ReadFile(files[0])
	for _, want := range []string{"kind: \"person\"", "aliases:\n  - \"Maliki\"", "## Relations", "[[actors/coordination-framework-", "[^1]: “"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("Maliki's note lacks %q:\n%s", want, b)
		}
	}
}

// TestVaultDirSameAsSink: the vault written as a folder (background writers, then one
// rename) holds exactly the files, byte for byte, that the plain folder sink writes, and
// leaves no temporary folder behind.
func TestVaultDirSameAsSink(t *testing.T) {
	p := newExportProject(t)
	ctx := context.Background()
	j := export.Job{Src: p.store}
	plain := t.TempDir()
	if err := export.WriteVault(ctx, export.DirSink(plain), j); err != nil {
		t.Fatal(err)
	}
	parent := t.TempDir()
	vault := filepath.Join(parent, "vault")
	if err := export.WriteVaultDir(ctx, vault, j); err != nil {
		t.Fatal(err)
	}
	files := 0
	filepath.WalkDir(plain, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		files++
		rel, _ := filepath.Rel(plain, path)
		want, _ := os.ReadFile(path)
		got, err := os.ReadFile(filepath.Join(vault, rel))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s differs in the folder vault (%v)", rel, err)
		}
		return nil
	})
	var got int
	filepath.WalkDir(vault, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			got++
		}
		return err
	})
	if files < 10 || got != files {
		t.Errorf("%d files in the folder vault, %d written by the plain sink", got, files)
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 1 {
		t.Errorf("left beside the vault: %v", entries)
	}
}

// failingSource is the real project, failing when the export reaches its articles: a
// disk or database fault in the middle of a vault.
type failingSource struct{ export.Source }

func (failingSource) EachExportArticle(context.Context, app.ExportScope, func(app.Article) error) error {
	return &app.Error{Code: app.EINTERNAL, Message: "The disk went away."}
}

// TestVaultDirFailureLeavesNothing: a vault that fails half-way leaves neither a vault
// nor its temporary folder, and says why.
func TestVaultDirFailureLeavesNothing(t *testing.T) {
	p := newExportProject(t)
	parent := t.TempDir()
	err := export.WriteVaultDir(context.Background(), filepath.Join(parent, "vault"), export.Job{Src: failingSource{p.store}})
	if err == nil || !strings.Contains(app.ErrorMessage(err), "The disk went away.") {
		t.Fatalf("err = %v", err)
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 0 {
		t.Errorf("left behind: %v", entries)
	}
}

// TestVaultDirFailureKeepsWhatWasThere: a vault that fails half-way names its folder and
// the reason, and leaves the empty folder it was to replace as it was; a file, or a
// folder holding files, where the vault should go is refused and left untouched; a
// vault into an empty folder replaces it.
func TestVaultDirFailureKeepsWhatWasThere(t *testing.T) {
	p := newExportProject(t)
	ctx := context.Background()
	parent := t.TempDir()
	empty := filepath.Join(parent, "empty")
	os.Mkdir(empty, 0o755)
	err := export.WriteVaultDir(ctx, empty, export.Job{Src: failingSource{p.store}})
	msg := app.ErrorMessage(err)
	if err == nil || !strings.Contains(msg, empty) || !strings.Contains(msg, "The disk went away.") {
		t.Fatalf("err = %v, want it to name %s and the reason", err, empty)
	}
	if entries, err := os.ReadDir(parent); err != nil || len(entries) != 1 || entries[0].Name() != "empty" || !entries[0].IsDir() {
		t.Fatalf("after the failure: %v, %v; want only the empty folder", entries, err)
	}
	file := filepath.Join(parent, "a-file")
	os.WriteFile(file, []byte("mine"), 0o644)
	full := filepath.Join(parent, "full")
	os.Mkdir(full, 0o755)
	os.WriteFile(filepath.Join(full, "keep.txt"), []byte("mine"), 0o644)
	for _, path := range []string{file, full} {
		if err := export.WriteVaultDir(ctx, path, export.Job{Src: p.store}); err == nil || !strings.Contains(app.ErrorMessage(err), path) {
			t.Errorf("%s: err = %v, want a refusal naming it", path, err)
		}
	}
	if b, err := os.ReadFile(file); err != nil || string(b) != "mine" {
		t.Errorf("the file was touched: %q, %v", b, err)
	}
	if b, err := os.ReadFile(filepath.Join(full, "keep.txt")); err != nil || string(b) != "mine" {
		t.Errorf("the folder's file was touched: %q, %v", b, err)
	}
	if err := export.WriteVaultDir(ctx, empty, export.Job{Src: p.store}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(empty, export.VaultScope)); err != nil {
		t.Errorf("the empty folder was not replaced by the vault: %v", err)
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 3 {
		t.Errorf("left beside the vault: %v", entries)
	}
}
