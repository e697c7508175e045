package cli_test

import (
	"strings"
	"testing"
)

// TestSyncWarnings: a conflicted copy beside the project is one line on stderr of every
// command that opens it (the command still succeeds); the synced folder is said by check
// only, naming the tool and where backups go; a look-alike name outside a synced folder
// says nothing.
func TestSyncWarnings(t *testing.T) {
	p := newProject(t)
	p.write(".dropbox.cache/x", []byte("x"))
	copyName := "research (Ann's conflicted copy 2026-05-01).dossier"
	p.write(copyName, []byte("x"))

	r := p.run("list", "articles", "--db", p.db)
	if r.code != 0 {
		t.Fatalf("list: exit %d: %s", r.code, r.errOut)
	}
	lines := strings.Split(strings.TrimSuffix(r.errOut, "\n"), "\n")
	if len(lines) != 1 || !strings.HasPrefix(lines[0], "dossier: warning: ") || !strings.Contains(lines[0], copyName) || !strings.Contains(lines[0], "(Dropbox)") {
		t.Fatalf("list's stderr should be one line naming the copy:\n%s", r.errOut)
	}

	r = p.run("check", "--db", p.db)
	if r.code != 0 {
		t.Fatalf("check: exit %d: %s", r.code, r.errOut)
	}
	lines = strings.Split(strings.TrimSuffix(r.errOut, "\n"), "\n")
	if len(lines) != 2 || !strings.Contains(lines[1], "appears to sync") || !strings.Contains(lines[1], "Dropbox") || !strings.Contains(lines[1], "backups") {
		t.Fatalf("check's stderr should name the copy and the synced folder, one line each:\n%s", r.errOut)
	}
}

func TestNoSyncWarningOutsideSyncedFolders(t *testing.T) {
	p := newProject(t)
	p.write("research (1).dossier", []byte("x")) // a copy only Google Drive or OneDrive would mean
	for _, args := range [][]string{{"list", "articles", "--db", p.db}, {"check", "--db", p.db}} {
		if r := p.run(args...); r.code != 0 || r.errOut != "" {
			t.Errorf("%v: exit %d, stderr %q", args, r.code, r.errOut)
		}
	}
}
