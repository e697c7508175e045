package export

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFileKind: each kind of export is told by its first bytes, whatever the file's
// name; a folder, a missing file and an article are none.
func TestFileKind(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct{ name, body, want string }{
		{"a.txt", `{"id":"x","schema":"Person","properties":{"name":["A"]}}` + "\n", FileFtM},
		{"b.dat", "\ufeff" + strings.Join(RelationColumns, ",") + "\r\n", FileRelations},
		{"c.csv", strings.Join(DossierColumns, ",") + "\n", FileDossier},
		{"d.csv", "name,kind\n", ""},
		{"e.md", "# A headline\n\nText.", ""},
	} {
		path := filepath.Join(dir, c.name)
		os.WriteFile(path, []byte(c.body), 0o644)
		if got := FileKind(path); got != c.want {
			t.Errorf("%s: kind %q, want %q", c.name, got, c.want)
		}
	}
	if FileKind(dir) != "" || FileKind(filepath.Join(dir, "missing")) != "" {
		t.Error("a folder or a missing file taken for an export")
	}
}

// FuzzFileKind: any start of a file gets a kind or none, without a panic, and a file
// taken for FtM is one IsFtM accepts.
func FuzzFileKind(f *testing.F) {
	f.Add([]byte(`{"id":"x","schema":"Person","properties":{"name":["A"]}}`))
	f.Add([]byte(strings.Join(RelationColumns, ",") + "\r\n1,2"))
	f.Add([]byte("\ufeff" + strings.Join(DossierColumns, ",")))
	f.Add([]byte("{\"id\":"))
	f.Add([]byte{0xff, 0xfe, 0})
	f.Fuzz(func(t *testing.T, head []byte) {
		if kindOf(head) == FileFtM && !IsFtM(head) {
			t.Fatal("FtM without IsFtM")
		}
	})
}
