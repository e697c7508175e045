package cli_test

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// TestNoteAddShowList: note add writes a standalone note whose links resolve (and says on
// stderr which do not), list notes --json has the contract's keys, note show prints the
// note, its links by current name and the notes linking to it.
func TestNoteAddShowList(t *testing.T) {
	p := newProject(t)
	p.must("actor", "add", "--db", p.db, "--name", "Nouri al-Maliki", "--kind", "person", "--alias", "Maliki")
	out := p.must("note", "add", "--db", p.db, "--title", "Bloc hypothesis", "--tag", "iraq", "--tag", "hypotheses",
		"--text", "The bloc will back [[Maliki]] again.")
	if !strings.Contains(out, "added note #1 Bloc hypothesis (1 of 1 links resolved)") {
		t.Errorf("note add: %q", out)
	}
	md := p.write("meeting.md", []byte("\ufeff# Meeting\n\nSee [[Bloc hypothesis]] and [[Zebulon Party]].\n"))
	r := p.run("note", "add", "--db", p.db, "--file", md)
	if r.code != 0 || !strings.Contains(r.out, "added note #2 Meeting (1 of 2 links resolved)") ||
		!strings.Contains(r.errOut, "[[Zebulon Party]] points at nothing yet") {
		t.Errorf("note add --file: %d %q %q", r.code, r.out, r.errOut)
	}
	var notes []map[string]any
	if err := json.Unmarshal([]byte(p.must("list", "notes", "--db", p.db, "--json")), &notes); err != nil {
		t.Fatal(err)
	}
	if len(notes) != 2 {
		t.Fatalf("list notes: %v", notes)
	}
	for _, key := range []string{"id", "uuid", "title", "tags", "links", "updated", "body"} {
		if _, ok := notes[0][key]; !ok {
			t.Errorf("list notes --json lacks %q: %v", key, notes[0])
		}
	}
	first := notes[1] // newest first: the meeting is notes[0]
	if first["title"] != "Bloc hypothesis" || first["body"] != "The bloc will back [[Maliki]] again." {
		t.Errorf("note 1: %v", first)
	}
	links := first["links"].([]any)
	if len(links) != 1 || links[0].(map[string]any)["name"] != "Nouri al-Maliki" || links[0].(map[string]any)["status"] != "resolved" {
		t.Errorf("note 1's links: %v", links)
	}
	text := p.must("list", "notes", "--db", p.db)
	if lines := strings.Split(strings.TrimSpace(text), "\n"); len(lines) != 2 || !strings.HasPrefix(lines[0], "#2\t") {
		t.Errorf("list notes: %q", text)
	}
	show := p.must("note", "show", "--db", p.db, "#1")
	for _, want := range []string{"note #1 Bloc hypothesis", "tags: iraq, hypotheses", "The bloc will back [[Maliki]] again.",
		"[[Maliki]] → actor #1 Nouri al-Maliki", "linked from (1):", "note #2 Meeting: See Bloc hypothesis and Zebulon Party."} {
		if !strings.Contains(show, want) {
			t.Errorf("note show lacks %q:\n%s", want, show)
		}
	}
}

// TestNoteCommandsRefuse: a note needs exactly one of --text and --file; a missing note or
// file is named; nothing is written to stderr on success.
func TestNoteCommandsRefuse(t *testing.T) {
	p := newProject(t)
	for _, args := range [][]string{
		{"note", "add", "--db", p.db},
		{"note", "add", "--db", p.db, "--text", "x", "--file", "y.md"},
	} {
		if r := p.run(args...); r.code != 2 {
			t.Errorf("%q: exit %d, want 2 (%s)", args, r.code, r.errOut)
		}
	}
	if r := p.run("note", "add", "--db", p.db, "--file", p.dir+"/none.md"); r.code != 1 || !strings.Contains(r.errOut, "none.md") {
		t.Errorf("missing file: %d %q", r.code, r.errOut)
	}
	if r := p.run("note", "show", "--db", p.db, "9"); r.code != 1 || !strings.Contains(r.errOut, "no note #9") {
		t.Errorf("missing note: %d %q", r.code, r.errOut)
	}
	if r := p.run("note", "add", "--db", p.db, "--text", "Plain words."); r.code != 0 || r.errOut != "" {
		t.Errorf("a note without links: %d %q", r.code, r.errOut)
	}
}

// TestDossierExportHasLinkingNotes: the dossier CSV holds a kind=note row for every note
// that links to the actor, past the screen's cap too, with the sentence around the link;
// a note that does not link to it is not exported.
func TestDossierExportHasLinkingNotes(t *testing.T) {
	p := newProject(t)
	p.must("actor", "add", "--db", p.db, "--name", "Nouri al-Maliki", "--alias", "Maliki")
	const many = 105 // more than the dossier screen lists (db.BacklinkCap)
	for i := range many {
		p.must("note", "add", "--db", p.db, "--text", fmt.Sprintf("Call %d went well. Then [[Maliki]] answered.", i))
	}
	p.must("note", "add", "--db", p.db, "--text", "Unrelated musings about tides.")
	out := p.must("export", "dossier", "--db", p.db, "--actor", "Maliki")
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	notes := 0
	for _, r := range recs[1:] {
		if r[col["kind"]] != "note" {
			continue
		}
		notes++
		if r[col["relation"]] != "links to" || !strings.HasPrefix(r[col["quote"]], "Then Nouri al-Maliki answered") ||
			!strings.Contains(r[col["note"]], "[[Maliki]]") || r[col["id"]] == "" {
			t.Errorf("note row %q", r)
		}
	}
	if notes != many {
		t.Errorf("%d note rows, want %d", notes, many)
	}
}
