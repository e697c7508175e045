package export_test

import (
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
