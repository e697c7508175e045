package cli_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"dossier/app"
	"dossier/db"
)

// dossier merge end to end: a dry run that writes nothing, the merge after a backup, a
// second merge that adds nothing, a conflict that stops the merge until --conflicts
// settles it, and a bad --conflicts.
func TestMergeCommand(t *testing.T) {
	ctx := context.Background()
	p := newProject(t)
	p.must("actor", "add", "--name", "Lenz Barrow", "--kind", "person")
	theirs := filepath.Join(p.dir, "theirs.dossier")
	s, err := db.Open(ctx, p.db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Backup(ctx, theirs); err != nil {
		t.Fatal(err)
	}
	s.Close()
	ts, err := db.Open(ctx, theirs)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ts.CreateActor(ctx, app.Actor{Name: "Harbour Board", Kind: app.Organisation}); err != nil {
		t.Fatal(err)
	}
	ts.Close()

	out := p.must("merge", "--dry-run", theirs)
	if !strings.Contains(out, "would merge") || !strings.Contains(out, "actors: 1 added") {
		t.Errorf("dry run said:\n%s", out)
	}
	if n := strings.Count(p.must("list", "actors"), "\n"); n != 1 {
		t.Errorf("the dry run wrote: %d actors", n)
	}
	out = p.must("merge", theirs)
	if !strings.HasPrefix(out, "backup before merging: ") || !strings.Contains(out, "actors: 1 added") {
		t.Errorf("merge said:\n%s", out)
	}
	if !strings.Contains(p.must("list", "actors"), "Harbour Board") {
		t.Error("the merged actor is not listed")
	}
	if out := p.must("merge", theirs); !strings.Contains(out, "actors: 0 added, 0 updated from theirs, 0 kept as mine, 2 the same") {
		t.Errorf("second merge said:\n%s", out)
	}

	// The same actor edited on both sides.
	for _, path := range []string{p.db, theirs} {
		st, err := db.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		a, err := st.FindActor(ctx, "Harbour Board")
		if err != nil {
			t.Fatal(err)
		}
		a.Description = "edited in " + filepath.Base(path)
		if _, err := st.UpdateActor(ctx, a); err != nil {
			t.Fatal(err)
		}
		st.Close()
	}
	r := p.run("merge", theirs)
	if r.code != 1 || !strings.Contains(r.errOut, "changed in both projects") || !strings.Contains(r.out, "conflicts (changed on both sides): 1") {
		t.Errorf("a conflict: exit %d\nstdout %s\nstderr %s", r.code, r.out, r.errOut)
	}
	if out := p.must("merge", "--conflicts", "theirs", theirs); !strings.Contains(out, "took theirs") {
		t.Errorf("--conflicts theirs said:\n%s", out)
	}
	if out := p.must("list", "actors"); !strings.Contains(out, "edited in theirs.dossier") {
		t.Errorf("theirs was not taken:\n%s", out)
	}
	if r := p.run("merge", "--conflicts", "newest", theirs); r.code != 2 {
		t.Errorf("--conflicts newest: exit %d, %s", r.code, r.errOut)
	}
}
