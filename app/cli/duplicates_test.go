package cli_test

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestActorsDuplicatesMergeUnmerge: duplicates lists the pair with its reason (and as
// JSON), merge prints the preview and the merge id, unmerge by id or by actor brings the
// dropped actor back, and not-same keeps a pair out of the list for good. Nothing goes to
// stderr when all is well.
func TestActorsDuplicatesMergeUnmerge(t *testing.T) {
	p := newProject(t)
	p.must("actor", "add", "--name", "Karim Tavel al-Oundi", "--kind", "person")
	p.must("actor", "add", "--name", "Karim Tavel Oundi", "--kind", "person", "--force")
	p.must("actor", "add", "--name", "Vesk Dock Union", "--kind", "organisation")
	p.must("actor", "add", "--name", "Vesk Dock Guild", "--kind", "organisation")
	p.must("relate", "--from", "Karim Tavel Oundi", "--type", "supports", "--to", "Vesk Dock Union", "--undated")

	out := p.must("actors", "duplicates")
	if !strings.Contains(out, "#1 Karim Tavel al-Oundi (person)\t#2 Karim Tavel Oundi (person)\tsame name apart from a particle") {
		t.Fatalf("duplicates printed %q", out)
	}
	var js struct {
		Pairs []struct {
			Score   float64  `json:"score"`
			Reasons []string `json:"reasons"`
			A, B    struct{ ID int64 }
		} `json:"pairs"`
		Crowded []string `json:"crowded"`
	}
	if err := json.Unmarshal([]byte(p.must("actors", "duplicates", "--json")), &js); err != nil || len(js.Pairs) != 1 || js.Pairs[0].A.ID != 1 || js.Pairs[0].Score < 0.5 {
		t.Fatalf("json %+v (%v)", js, err)
	}

	dry := p.must("actor", "merge", "--from", "#2", "--into", "#1", "--dry-run")
	if !strings.Contains(dry, "relations moved: 1") || !strings.Contains(dry, "dry run: nothing changed") {
		t.Fatalf("dry run printed %q", dry)
	}
	out = p.must("actor", "merge", "--from", "#2", "--into", "#1")
	if !strings.Contains(out, "relations moved: 1") || !strings.Contains(out, "merge #1 (undo: dossier actor unmerge --merge 1)") {
		t.Fatalf("merge printed %q", out)
	}
	if out := p.must("list", "actors"); strings.Contains(out, "#2\t") {
		t.Fatalf("merged actor still listed: %q", out)
	}
	out = p.must("actor", "unmerge", "--merge", "1")
	if !strings.Contains(out, "#2 Karim Tavel Oundi is back beside #1 Karim Tavel al-Oundi (1 relation(s)") {
		t.Fatalf("unmerge printed %q", out)
	}
	if r := p.run("actor", "unmerge", "--merge", "1"); r.code == 0 || !strings.Contains(r.errOut, "already undone") {
		t.Fatalf("second unmerge: exit %d, %q", r.code, r.errOut)
	}
	// Merged again and undone by naming the kept actor.
	p.must("actor", "merge", "--from", "#2", "--into", "#1")
	if out := p.must("actor", "unmerge", "--actor", "Karim Tavel al-Oundi"); !strings.Contains(out, "undid merge #2") {
		t.Fatalf("unmerge --actor printed %q", out)
	}
	p.must("actor", "not-same", "#1", "#2")
	if out := p.must("actors", "duplicates"); out != "no duplicate actors found\n" {
		t.Fatalf("after not-same: %q", out)
	}
	// Actors related to each other are refused, with the reason.
	p.must("relate", "--from", "Vesk Dock Union", "--type", "supports", "--to", "Vesk Dock Guild", "--undated")
	if r := p.run("actor", "merge", "--from", "Vesk Dock Guild", "--into", "Vesk Dock Union"); r.code == 0 || !strings.Contains(r.errOut, "relation(s) with each other") {
		t.Fatalf("merge of related actors: exit %d, %q", r.code, r.errOut)
	}
}
