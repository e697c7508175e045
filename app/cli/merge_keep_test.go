package cli_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"dossier/db"
)

// dossier merge --keep UUID=CHOICE settles conflicts one by one, alongside --conflicts
// for the rest: with one conflict left open the merge still stops and writes nothing;
// a malformed --keep is a usage error; a --keep for a record not in conflict is refused
// with its UUID.
func TestMergeKeepCommand(t *testing.T) {
	ctx := context.Background()
	p := newProject(t)
	p.must("actor", "add", "--name", "Harbour Board", "--kind", "organisation")
	p.must("actor", "add", "--name", "Odile Ferrant", "--kind", "person")
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
	uuids := map[string]string{}
	for _, path := range []string{p.db, theirs} {
		st, err := db.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range []string{"Harbour Board", "Odile Ferrant"} {
			a, err := st.FindActor(ctx, name)
			if err != nil {
				t.Fatal(err)
			}
			uuids[name] = a.UUID
			a.Description = "edited in " + filepath.Base(path)
			if _, err := st.UpdateActor(ctx, a); err != nil {
				t.Fatal(err)
			}
		}
		l, _ := st.FindActor(ctx, "Lenz Barrow")
		uuids["Lenz Barrow"] = l.UUID
		st.Close()
	}
	board, odile := uuids["Harbour Board"], uuids["Odile Ferrant"]

	r := p.run("merge", "--keep", board+"=theirs", theirs)
	if r.code != 1 || !strings.Contains(r.errOut, "1 record(s) were changed in both projects") {
		t.Errorf("one conflict left open: exit %d\n%s\n%s", r.code, r.out, r.errOut)
	}
	if strings.Contains(p.must("list", "actors"), "edited in theirs.dossier") {
		t.Error("the refused merge wrote")
	}
	for _, bad := range []string{board, board + "=newest", "=mine"} {
		if r := p.run("merge", "--keep", bad, theirs); r.code != 2 {
			t.Errorf("--keep %s: exit %d, %s", bad, r.code, r.errOut)
		}
	}
	if r := p.run("merge", "--keep", uuids["Lenz Barrow"]+"=theirs", "--conflicts", "mine", theirs); r.code == 0 || !strings.Contains(r.errOut, uuids["Lenz Barrow"]) {
		t.Errorf("--keep for a record not in conflict: exit %d, %s", r.code, r.errOut)
	}

	out := p.must("merge", "--keep", board+"=theirs", "--conflicts", "mine", theirs)
	if !strings.Contains(out, "took theirs (chosen for this record)") || !strings.Contains(out, "kept yours") {
		t.Errorf("merge said:\n%s", out)
	}
	st, err := db.Open(ctx, p.db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for uuid, want := range map[string]string{board: "edited in theirs.dossier", odile: "edited in " + filepath.Base(p.db)} {
		id, err := st.IDByUUID(ctx, "actor", uuid)
		if err != nil {
			t.Fatal(err)
		}
		if a, _ := st.Actor(ctx, id); a.Description != want {
			t.Errorf("%s: %q, want %q", a.Name, a.Description, want)
		}
	}
}
