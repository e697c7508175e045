package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSyncedBy(t *testing.T) {
	listings := map[string][]string{
		"/home/ann/Sync":               {".stfolder", "notes"},
		"/home/ann/cloud":              {".sync_4f2a9c01d3e7.db", "Research.dossier"},
		"/home/ann/oldcloud":           {"._sync_00aa11bb22cc.db"},
		"/home/ann/nclog":              {".nextcloudsync.log"},
		"/home/ann/box":                {".dropbox.cache", "Research.dossier"},
		"/mnt/data/shared":             {".dropbox"},
		"/home/ann/gd":                 {".tmp.drivedownload"},
		"/home/ann/plain":              {"Research.dossier", "sync_notes.db", ".syncthing-like"},
		"/home/ann/plain/.sync_x.db":   nil,
		"/home/ann/Projects/.sync_.db": nil,
	}
	list := func(dir string) []string { return listings[dir] }
	roots := map[string]string{"/srv/corp/Work Files": SyncOneDrive}
	tests := []struct {
		path, tool, root string
	}{
		{"/home/ann/Dropbox/Research.dossier", SyncDropbox, "/home/ann/Dropbox"},
		{"/home/ann/Dropbox (Personal)/thesis/Research.dossier", SyncDropbox, "/home/ann/Dropbox (Personal)"},
		{"/Users/ann/Library/CloudStorage/Dropbox-Team/Research.dossier", SyncDropbox, "/Users/ann/Library/CloudStorage/Dropbox-Team"},
		{"/home/ann/box/Research.dossier", SyncDropbox, "/home/ann/box"},
		{"/mnt/data/shared/deep/er/Research.dossier", SyncDropbox, "/mnt/data/shared"},
		{"/c/Users/ann/OneDrive/Documents/Research.dossier", SyncOneDrive, "/c/Users/ann/OneDrive"},
		{"/c/Users/ann/OneDrive - Example University/Research.dossier", SyncOneDrive, "/c/Users/ann/OneDrive - Example University"},
		{"/Users/ann/Library/CloudStorage/OneDrive-Personal/Research.dossier", SyncOneDrive, "/Users/ann/Library/CloudStorage/OneDrive-Personal"},
		{"/srv/corp/Work Files/Research.dossier", SyncOneDrive, "/srv/corp/Work Files"},
		{"/Users/ann/Library/Mobile Documents/com~apple~CloudDocs/Research.dossier", SynciCloud, "/Users/ann/Library/Mobile Documents/com~apple~CloudDocs"},
		{"/Users/ann/Library/Mobile Documents/iCloud~org~example/Documents/Research.dossier", SynciCloud, "/Users/ann/Library/Mobile Documents/iCloud~org~example"},
		{"/c/Users/ann/iCloudDrive/Research.dossier", SynciCloud, "/c/Users/ann/iCloudDrive"},
		{"/g/My Drive/Research.dossier", SyncGoogleDrive, "/g/My Drive"},
		{"/Users/ann/Google Drive/Research.dossier", SyncGoogleDrive, "/Users/ann/Google Drive"},
		{"/Users/ann/Library/CloudStorage/GoogleDrive-ann@example.org/My Drive/Research.dossier", SyncGoogleDrive, "/Users/ann/Library/CloudStorage/GoogleDrive-ann@example.org/My Drive"},
		{"/home/ann/gd/Research.dossier", SyncGoogleDrive, "/home/ann/gd"},
		{"/home/ann/Nextcloud/Research.dossier", SyncNextcloud, "/home/ann/Nextcloud"},
		{"/home/ann/cloud/Research.dossier", SyncNextcloud, "/home/ann/cloud"},
		{"/home/ann/oldcloud/a/Research.dossier", SyncNextcloud, "/home/ann/oldcloud"},
		{"/home/ann/nclog/Research.dossier", SyncNextcloud, "/home/ann/nclog"},
		{"/home/ann/Sync/Research.dossier", SyncSyncthing, "/home/ann/Sync"},
		// Not synced: look-alike names, markers that are not quite a tool's, the file's own name.
		{"/home/ann/plain/Research.dossier", "", ""},
		{"/home/ann/Dropboxes/Research.dossier", "", ""},
		{"/home/ann/my-onedrive-notes/Research.dossier", "", ""},
		{"/home/ann/Projects/Dropbox.dossier", "", ""},
		{"/home/ann/Library/Mobile/Research.dossier", "", ""},
		{"/Research.dossier", "", ""},
		{"Research.dossier", "", ""},
	}
	for _, tt := range tests {
		got := SyncedBy(tt.path, list, roots)
		if got.Tool != tt.tool || got.Root != tt.root {
			t.Errorf("SyncedBy(%q) = %+v, want %s in %q", tt.path, got, tt.tool, tt.root)
		}
		if got.Tool != "" && got.By == "" {
			t.Errorf("SyncedBy(%q) does not say what showed %s", tt.path, got.Tool)
		}
	}
}

// The innermost folder that shows a tool is the one named: a Syncthing folder inside a
// Dropbox one is Syncthing's.
func TestSyncedByInnermost(t *testing.T) {
	list := func(dir string) []string {
		if dir == "/home/ann/Dropbox/st" {
			return []string{".stfolder"}
		}
		return nil
	}
	if got := SyncedBy("/home/ann/Dropbox/st/Research.dossier", list, nil); got.Tool != SyncSyncthing {
		t.Errorf("got %+v, want Syncthing", got)
	}
}

func TestConflictedCopies(t *testing.T) {
	beside := []string{
		"Research.dossier", "Research.dossier-wal", "Research.dossier-shm",
		"Research (Ann's conflicted copy 2026-05-01).dossier",
		"Research (Ann’s conflicted copy 2026-05-01 (1)).dossier",
		"Research (Case Conflict).dossier",
		"Research (conflicted copy 2026-05-01 101112).dossier",
		"Research (copie en conflit 2026-05-01).dossier",
		"Research.sync-conflict-20260501-101112-ABCDEFG.dossier",
		"Research_conflict-20260501-101112.dossier",
		"Research (1).dossier", "Research 2.dossier", "Research-LAPTOP7.dossier", "Research-laptop7-2.dossier",
		// Never copies: other projects, other extensions, the same words elsewhere.
		"Research 2026.dossier", "Research-2026.dossier", "Research notes.dossier", "Old Research (Ann's conflicted copy 2026-05-01).dossier",
		"Research (Ann's conflicted copy 2026-05-01).txt", "Research (Ann's conflicted copy 2026-05-01).dossier-wal",
		"Research (draft).dossier", "Research ().dossier", "Research (12345).dossier", "Research-OTHERPC.dossier",
	}
	always := []string{
		"Research (Ann's conflicted copy 2026-05-01).dossier",
		"Research (Ann’s conflicted copy 2026-05-01 (1)).dossier",
		"Research (Case Conflict).dossier",
		"Research (conflicted copy 2026-05-01 101112).dossier",
		"Research (copie en conflit 2026-05-01).dossier",
		"Research.sync-conflict-20260501-101112-ABCDEFG.dossier",
		"Research_conflict-20260501-101112.dossier",
	}
	tests := []struct {
		tool  string
		extra []string
	}{
		{"", nil},
		{SyncDropbox, nil},
		{SyncNextcloud, nil},
		{SyncGoogleDrive, []string{"Research (1).dossier"}},
		{SyncOneDrive, []string{"Research (1).dossier", "Research-LAPTOP7.dossier", "Research-laptop7-2.dossier"}},
		{SynciCloud, []string{"Research 2.dossier"}},
	}
	for _, tt := range tests {
		got := ConflictedCopies("Research.dossier", beside, tt.tool, "LAPTOP7")
		want := append(append([]string{}, always...), tt.extra...)
		if names := copyNames(got); !sameSet(names, want) {
			t.Errorf("tool %q: got %q\nwant %q", tt.tool, names, want)
		}
		for _, c := range got {
			if c.Tool == "" {
				t.Errorf("tool %q: %q names no tool", tt.tool, c.Name)
			}
		}
	}
	if got := ConflictedCopies("Research.dossier", beside, SyncDropbox, "LAPTOP7"); got[0].Tool != SyncDropbox {
		t.Errorf("a Dropbox copy is said to be %q's", got[0].Tool)
	}
	if got := ConflictedCopies(".dossier", beside, SyncDropbox, ""); got != nil {
		t.Errorf("a nameless project has copies %v", got)
	}
}

func copyNames(cs []ConflictCopy) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Name)
	}
	return out
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	seen := map[string]int{}
	for _, s := range a {
		seen[s]++
	}
	for _, s := range b {
		seen[s]--
	}
	for _, n := range seen {
		if n != 0 {
			return false
		}
	}
	return true
}

// ScanSync reads the real folders: a marker and a copy made in a temporary folder are found.
func TestScanSync(t *testing.T) {
	dir := t.TempDir()
	project := filepath.Join(dir, "Research.dossier")
	for _, name := range []string{"Research.dossier", ".stfolder", "Research.sync-conflict-20260501-101112-ABCDEFG.dossier"} {
		writeTestFile(t, filepath.Join(dir, name))
	}
	r := ScanSync(project)
	if r.Folder.Tool != SyncSyncthing || r.Folder.Root != dir {
		t.Errorf("folder = %+v", r.Folder)
	}
	if len(r.Copies) != 1 || r.Copies[0].Tool != SyncSyncthing {
		t.Errorf("copies = %+v", r.Copies)
	}
}

func FuzzSyncDetection(f *testing.F) {
	f.Add("/home/ann/Dropbox/Research.dossier", "Research (Ann's conflicted copy 2026-05-01).dossier", "HOST")
	f.Add("/Users/a/Library/Mobile Documents/com~apple~CloudDocs/x.dossier", "x 2.dossier", "")
	f.Add("C:\\Users\\a\\OneDrive\\x.dossier", "x-HOST-3.dossier", "host")
	f.Add("", " ().", "")
	f.Add("../a/./b//.sync_.db/c", "c.sync-conflict-", "-")
	f.Fuzz(func(t *testing.T, path, name, host string) {
		list := func(string) []string { return []string{name, ".sync_" + name + ".db"} }
		sf := SyncedBy(path, list, map[string]string{path: SyncOneDrive})
		if sf.Tool != "" && sf.By == "" {
			t.Fatalf("tool %q without a reason", sf.Tool)
		}
		project := filepath.Base(path)
		for _, tool := range []string{"", SyncOneDrive, SynciCloud, SyncGoogleDrive} {
			for _, c := range ConflictedCopies(project, []string{project, name}, tool, host) {
				if c.Name != name || c.Name == project || c.Tool == "" {
					t.Fatalf("copy %+v of %q", c, project)
				}
				ext := filepath.Ext(project)
				if !strings.EqualFold(filepath.Ext(c.Name), ext) {
					t.Fatalf("copy %q has another extension than %q", c.Name, project)
				}
			}
		}
	})
}

func writeTestFile(t *testing.T, path string) {
	t.Helper()
	if err := os.WriteFile(path, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
}

// The warning says where backups go, and says so truly when that is inside the synced
// folder too.
func TestSyncWarningSaysWhereBackupsGo(t *testing.T) {
	f := SyncFolder{Tool: SyncDropbox, Root: "/home/ann/Dropbox", By: "the folder's name"}
	for _, tc := range []struct{ backups, want string }{
		{"/home/ann/.local/share/Dossier/backups/r-1", "outside the synced folder, in /home/ann/.local/share/Dossier/backups/r-1"},
		{"/home/ann/Dropbox/Dossier/backups/r-1", "inside the synced folder too"},
		{"/home/ann/Dropbox2/backups", "outside the synced folder"},
		{"", "in Dossier's own data folder"},
	} {
		if got := f.Warning("/home/ann/Dropbox/r.dossier", tc.backups); !strings.Contains(got, tc.want) {
			t.Errorf("backups in %q: %s", tc.backups, got)
		}
	}
	if (SyncFolder{}).Warning("/x/r.dossier", "") != "" || (SyncReport{}).CopiesWarning() != "" {
		t.Error("a warning with nothing to warn of")
	}
}
