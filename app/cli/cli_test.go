package cli_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"dossier/app"
	"dossier/app/cli"
	"dossier/app/export"
	"dossier/db"
)

// result is what one run of the batch interface did.
type result struct {
	code        int
	out, errOut string
}

// project is a project file in a temporary folder that commands run against.
type project struct {
	t   *testing.T
	dir string
	db  string
}

// noProject is a folder whose project file does not exist yet.
func noProject(t *testing.T) *project {
	dir := t.TempDir()
	return &project{t: t, dir: dir, db: filepath.Join(dir, "research.dossier")}
}

// newProject makes an empty project (as New project or --create would) for commands to
// run against.
func newProject(t *testing.T) *project {
	p := noProject(t)
	s, err := db.Create(context.Background(), p.db)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	return p
}

func (p *project) env(stdout, stderr io.Writer) cli.Env {
	return cli.Env{
		Stdin: strings.NewReader(""), Stdout: stdout, Stderr: stderr, DefaultDB: p.db,
		Open:         func(ctx context.Context, path string) (cli.Store, error) { return store(db.Open(ctx, path)) },
		Create:       func(ctx context.Context, path string) (cli.Store, error) { return store(db.Create(ctx, path)) },
		VerifyBackup: db.VerifyBackup,
		OpenToRead:   func(ctx context.Context, path string) (cli.Store, error) { return store(db.OpenToRead(ctx, path)) },
		OpenForReading: func(ctx context.Context, path string) (cli.Store, error) {
			return store(db.OpenForReading(ctx, path, "--read-only was given", true))
		},
	}
}

func store(s *db.Store, err error) (cli.Store, error) {
	if err != nil {
		return nil, err // not s: a nil *db.Store in an interface is not nil
	}
	return s, nil
}

// run runs one command line against the project.
func (p *project) run(args ...string) result {
	p.t.Helper()
	var out, errOut bytes.Buffer
	code := cli.Run(context.Background(), args, p.env(&out, &errOut))
	return result{code: code, out: out.String(), errOut: errOut.String()}
}

// must runs a command that has to succeed.
func (p *project) must(args ...string) string {
	p.t.Helper()
	r := p.run(args...)
	if r.code != 0 {
		p.t.Fatalf("dossier %s: exit %d\nstdout: %s\nstderr: %s", strings.Join(args, " "), r.code, r.out, r.errOut)
	}
	return r.out
}

// write makes a file under the project's folder, creating its folders.
func (p *project) write(name string, data []byte) string {
	p.t.Helper()
	path := filepath.Join(p.dir, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		p.t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		p.t.Fatal(err)
	}
	return path
}

// Fixtures, written for these tests.
const (
	strikeText = `Harbour workers walk out over night shifts

Dock workers at the container terminal stopped work on Thursday morning after the port
operator said night shifts would grow from eight to ten hours. Their union called the
change unsafe and said the stoppage would last three days unless talks resumed.

Ships waiting to unload were sent to anchor outside the breakwater.
`
	councilMarkdown = `---
title: Council approves the new tram line
source: Riverside Courier
url: https://courier.example/2026/03/tram-vote
author: Ines Moreau
date: 2026-03-04
tags: [transport, council]
---

# Council approves the new tram line

The city council voted 31 to 12 on Wednesday to build a tram line linking the station
to the university campus. Construction is due to start next spring.

Opponents said the money would be better spent on buses.
`
	floodHTML = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>River rises after a week of rain</title>
<meta property="og:site_name" content="Valley Herald">
</head><body>
<article>
<h1>River rises after a week of rain</h1>
<p>The river passed its warning mark on Sunday night after seven days of steady rain over
the hills, and the town opened two school halls for families leaving low-lying streets.</p>
<p>Engineers spent the night stacking sandbags along the old quay while volunteers carried
furniture upstairs in the houses nearest the water. The mayor asked drivers to keep off
the river road until the water falls.</p>
<p>Forecasters expect the rain to ease by Tuesday, though the river may keep rising for a
day as water drains from the higher valleys.</p>
</article>
</body></html>
`
	warningText = `Trump warns Iraq over choice of premier

Donald Trump said on Tuesday that the United States would stop helping Iraq if its
parliament chose a prime minister he opposed. Iraqi politicians called the remark
an attempt to interfere in the country's affairs.
`
)

// binary is a file that is not text: NUL bytes and every other byte value.
func binary() []byte {
	b := make([]byte, 512)
	for i := range b {
		b[i] = byte(i * 7)
	}
	return b
}

func TestImportFolder(t *testing.T) {
	p := newProject(t)
	dir := filepath.Join(p.dir, "inbox")
	p.write("inbox/01-strike.txt", []byte(strikeText))
	p.write("inbox/02-council.md", []byte(councilMarkdown))
	p.write("inbox/03-flood.html", []byte(floodHTML))
	p.write("inbox/04-empty.txt", nil)
	p.write("inbox/05-blob.txt", binary())
	p.write("inbox/06-strike-again.txt", []byte(strings.ReplaceAll(strikeText, "\n", "\r\n")))

	// --db after the folder: flags may follow positional arguments.
	r := p.run("import", dir, "--db", p.db)
	if r.code != 0 {
		t.Fatalf("exit %d, stderr %q", r.code, r.errOut)
	}
	lines := strings.Split(strings.TrimSuffix(r.out, "\n"), "\n")
	want := []string{
		"filed: " + filepath.Join(dir, "01-strike.txt") + " — “Harbour workers walk out over night shifts”",
		"filed: " + filepath.Join(dir, "02-council.md") + " — “Council approves the new tram line”",
		"filed: " + filepath.Join(dir, "03-flood.html") + " — “River rises after a week of rain”",
		"refused: " + filepath.Join(dir, "04-empty.txt") + " — “04-empty.txt” is empty.",
		"refused: " + filepath.Join(dir, "05-blob.txt") + " — “05-blob.txt” looks like a binary file",
		"duplicate: " + filepath.Join(dir, "06-strike-again.txt") + " — already filed as “Harbour workers walk out over night shifts”",
		"3 filed, 1 duplicates, 2 refused",
		"warnings: 2 undated", // the strike and the flood give no date
	}
	if len(lines) != len(want) {
		t.Fatalf("got %d lines, want %d:\n%s", len(lines), len(want), r.out)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("line %d:\n got %q\nwant %q…", i+1, lines[i], w)
		}
	}
	if r.errOut != "" {
		t.Errorf("stderr: %q", r.errOut)
	}

	// The Markdown article kept its front matter.
	var arts []map[string]any
	decodeJSON(t, p.must("list", "articles", "--json"), &arts)
	if len(arts) != 3 {
		t.Fatalf("listed %d articles, want 3", len(arts))
	}
	var council map[string]any
	for _, a := range arts {
		if a["title"] == "Council approves the new tram line" {
			council = a
		}
	}
	wantFields := map[string]any{
		"source": "Riverside Courier", "url": "https://courier.example/2026/03/tram-vote",
		"author": "Ines Moreau", "date": "2026-03-04", "tags": []any{"transport", "council"},
	}
	for k, v := range wantFields {
		if !reflect.DeepEqual(council[k], v) {
			t.Errorf("council article %s = %#v, want %#v", k, council[k], v)
		}
	}
	if id, ok := council["id"].(float64); !ok || id <= 0 {
		t.Errorf("council article id = %#v, want a positive number", council["id"])
	}
	if u, _ := council["uuid"].(string); len(u) != 36 {
		t.Errorf("council article uuid = %#v", council["uuid"])
	}
	// The import read its articles for the review queue before it ended: a read-only
	// look at the queue, which cannot read pending articles, finds none.
	if r := p.run("suggest", "--json", "--read-only", "--db", p.db); r.code != 0 {
		t.Errorf("suggest --read-only after the import: exit %d, %s", r.code, r.errOut)
	}
}

func TestImportNothingFiled(t *testing.T) {
	tests := []struct {
		name     string
		files    map[string][]byte
		args     func(p *project) []string
		code     int
		out, err []string
	}{
		{
			name:  "every file refused",
			files: map[string][]byte{"bad/empty.md": nil, "bad/blob.txt": binary()},
			args: func(p *project) []string {
				return []string{filepath.Join(p.dir, "bad"), filepath.Join(p.dir, "missing.txt")}
			},
			code: 1,
			out:  []string{"refused: ", "“missing.txt” does not exist.", "0 filed, 0 duplicates, 3 refused"},
			err:  []string{"dossier: Nothing was filed"},
		},
		{
			name:  "empty folder",
			files: map[string][]byte{"empty/.hidden.txt": []byte(strikeText)},
			args:  func(p *project) []string { return []string{filepath.Join(p.dir, "empty")} },
			code:  1,
			out:   []string{"0 filed, 0 duplicates, 0 refused"},
			err:   []string{"dossier: Found no files to import."},
		},
		{
			name: "no path",
			args: func(p *project) []string { return nil },
			code: 2,
			err:  []string{"dossier import: give at least one file or folder", "Run 'dossier import --help' for usage."},
		},
		{
			// The folder holds the project too, which the import passes over in silence.
			name:  "only duplicates is not a failure",
			files: map[string][]byte{"a.txt": []byte(strikeText)},
			args: func(p *project) []string {
				p.must("import", filepath.Join(p.dir, "a.txt"))
				return []string{p.dir}
			},
			code: 0,
			out:  []string{"duplicate: ", "0 filed, 1 duplicates, 0 refused"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := newProject(t)
			for name, data := range tt.files {
				p.write(name, data)
			}
			r := p.run(append([]string{"import"}, tt.args(p)...)...)
			if r.code != tt.code {
				t.Errorf("exit %d, want %d; stderr %q", r.code, tt.code, r.errOut)
			}
			for _, s := range tt.out {
				if !strings.Contains(r.out, s) {
					t.Errorf("stdout lacks %q:\n%s", s, r.out)
				}
			}
			for _, s := range tt.err {
				if !strings.Contains(r.errOut, s) {
					t.Errorf("stderr lacks %q:\n%s", s, r.errOut)
				}
			}
		})
	}
}

func TestImportAfterDoubleDash(t *testing.T) {
	p := newProject(t)
	p.write("-odd name.txt", []byte(strikeText))
	t.Chdir(p.dir)
	// After "--" an argument that starts with a dash is a file, and flags are no longer read.
	out := p.must("import", "--db", p.db, "--", "-odd name.txt")
	if want := "filed: -odd name.txt — “Harbour workers walk out over night shifts” [undated: no date found]\n1 filed, 0 duplicates, 0 refused\nwarnings: 1 undated\n"; out != want {
		t.Errorf("got %q, want %q", out, want)
	}
}

// relatedProject is a project with the warning article, Trump, Iraq, and a relation
// between them recorded through the batch interface.
func relatedProject(t *testing.T) *project {
	p := newProject(t)
	p.must("import", "--db", p.db, p.write("warning.txt", []byte(warningText)))
	if out := p.must("actor", "add", "--name", "Donald Trump", "--kind", "person", "--alias", "Trump",
		"--description", "President of the United States", "--tag", "us"); out != "added actor #1 Donald Trump (person)\n" {
		t.Fatalf("actor add printed %q", out)
	}
	if out := p.must("actor", "add", "--kind", "country", "--name", "Iraq", "--alias", "Republic of Iraq"); out != "added actor #2 Iraq (state / country)\n" {
		t.Fatalf("actor add printed %q", out)
	}
	out := p.must("relate", "--from", "trump", "--type", "threatens", "--to", "Republic of Iraq",
		"--date", "2026-01-27", "--article", "Trump warns Iraq over choice of premier",
		"--quote", "the United States would stop helping Iraq", "--note", "said at a press event")
	if out != "related #1: Donald Trump threatens Iraq (27 Jan 2026)\n" {
		t.Fatalf("relate printed %q", out)
	}
	return p
}

func TestExportDossierToStdout(t *testing.T) {
	p := relatedProject(t)
	out := p.must("export", "dossier", "--actor", "Trump")
	if strings.HasPrefix(out, "\uFEFF") {
		t.Error("standard output starts with a BOM; it should not by default")
	}
	recs := readCSV(t, out)
	wantHead := []string{"kind", "date", "relation", "direction", "counterpart", "counterpart_kind", "article", "source", "url", "quote", "note", "id"}
	if len(recs) == 0 || len(recs[0]) < len(wantHead) || !reflect.DeepEqual(recs[0][:len(wantHead)], wantHead) {
		t.Fatalf("header = %q", recs[0])
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	var found bool
	for _, rec := range recs[1:] {
		if rec[col["kind"]] != "relation" {
			continue
		}
		found = true
		checks := map[string]string{
			"date": "2026-01-27", "direction": "outgoing", "counterpart": "Iraq", "counterpart_kind": "state",
			"article": "Trump warns Iraq over choice of premier", "quote": "the United States would stop helping Iraq",
		}
		for k, v := range checks {
			if rec[col[k]] != v {
				t.Errorf("relation row %s = %q, want %q", k, rec[col[k]], v)
			}
		}
	}
	if !found {
		t.Errorf("no relation row in:\n%s", out)
	}
}

func TestExportFiles(t *testing.T) {
	p := relatedProject(t)
	tests := []struct {
		name    string
		args    []string
		bom     bool
		header  []string
		records int // header included
	}{
		{"relations", []string{"export", "relations"}, true, export.RelationColumns, 2},
		{"relations without BOM", []string{"export", "relations", "--no-bom"}, false, export.RelationColumns, 2},
		{"dossier", []string{"export", "--actor", "#2", "dossier"}, true, export.DossierColumns, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "export.csv")
			if got := p.must(append(tt.args, "--out", out)...); got != "" {
				t.Errorf("stdout %q, want nothing", got)
			}
			data, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			if got := bytes.HasPrefix(data, []byte("\uFEFF")); got != tt.bom {
				t.Errorf("BOM %v, want %v", got, tt.bom)
			}
			recs := readCSV(t, strings.TrimPrefix(string(data), "\uFEFF"))
			if !reflect.DeepEqual(recs[0], tt.header) {
				t.Errorf("header %q", recs[0])
			}
			if tt.records > 0 && len(recs) != tt.records {
				t.Errorf("%d records, want %d", len(recs), tt.records)
			}
			entries, _ := os.ReadDir(filepath.Dir(out))
			if len(entries) != 1 {
				t.Errorf("the folder holds %d files, want only the export (no temporary file left)", len(entries))
			}
		})
	}

	t.Run("relations row", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "edges.csv")
		p.must("export", "relations", "--out", out)
		data, _ := os.ReadFile(out)
		recs := readCSV(t, strings.TrimPrefix(string(data), "\uFEFF"))
		row := map[string]string{}
		for i, h := range recs[0] {
			row[h] = recs[1][i]
		}
		for k, v := range map[string]string{"source": "Donald Trump", "type": "threatens", "target": "Iraq",
			"start": "2026-01-27", "note": "said at a press event", "evidence_count": "1"} {
			if row[k] != v {
				t.Errorf("%s = %q, want %q", k, row[k], v)
			}
		}
	})

	t.Run("unwritable folder", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "no-such-folder", "edges.csv")
		r := p.run("export", "relations", "--out", out)
		if r.code != 1 || !strings.HasPrefix(r.errOut, "dossier: Cannot write "+out) {
			t.Errorf("exit %d, stderr %q", r.code, r.errOut)
		}
	})
}

func TestListJSON(t *testing.T) {
	p := relatedProject(t)

	var actors []map[string]any
	decodeJSON(t, p.must("list", "actors", "--json"), &actors)
	wantActors := []map[string]any{
		{"id": 1.0, "name": "Donald Trump", "kind": "person", "aliases": []any{"Trump"}, "description": "President of the United States"},
		{"id": 2.0, "name": "Iraq", "kind": "state", "aliases": []any{"Republic of Iraq"}, "description": ""},
	}
	checkObjects(t, "actors", actors, wantActors)

	var rels []map[string]any
	decodeJSON(t, p.must("list", "--json", "relations"), &rels)
	checkObjects(t, "relations", rels, []map[string]any{{
		"id": 1.0, "from": "Donald Trump", "type": "threatens", "to": "Iraq", "date": "2026-01-27", "end": "",
		"article": "Trump warns Iraq over choice of premier", "quote": "the United States would stop helping Iraq",
		"confidence": "reported", "modality": "asserted",
	}})

	var arts []map[string]any
	decodeJSON(t, p.must("list", "articles", "--json", "--limit", "1"), &arts)
	checkObjects(t, "articles", arts, []map[string]any{{
		"id": 1.0, "title": "Trump warns Iraq over choice of premier", "source": "", "url": "", "author": "",
		"tags": []any{},
	}})
	for _, objs := range [][]map[string]any{actors, rels, arts} {
		for _, o := range objs {
			if u, _ := o["uuid"].(string); len(u) != 36 {
				t.Errorf("uuid = %#v", o["uuid"])
			}
		}
	}

	// The text form: one tab-separated line each.
	text := p.must("list", "relations")
	if want := "#1\tDonald Trump threatens Iraq (27 Jan 2026)\tTrump warns Iraq over choice of premier\n"; text != want {
		t.Errorf("list relations = %q, want %q", text, want)
	}
}

func TestListPages(t *testing.T) {
	// More actors than one page of the list, so the paging is exercised.
	p := newProject(t)
	ctx := context.Background()
	s, err := db.Open(ctx, p.db)
	if err != nil {
		t.Fatal(err)
	}
	const n = 1203
	for i := range n {
		if _, err := s.CreateActor(ctx, app.Actor{Name: fmt.Sprintf("Actor %04d", i), Kind: app.Person}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args []string
		want int
	}{
		{[]string{"list", "actors", "--json"}, n},
		{[]string{"list", "actors", "--json", "--limit", "501"}, 501},
		{[]string{"list", "actors", "--json", "--limit", "5000"}, n},
		{[]string{"list", "articles", "--json"}, 0},
	}
	for _, tt := range tests {
		var objs []map[string]any
		decodeJSON(t, p.must(tt.args...), &objs)
		if len(objs) != tt.want {
			t.Errorf("%v: %d objects, want %d", tt.args, len(objs), tt.want)
			continue
		}
		for i, o := range objs { // in name order, none skipped or repeated across pages
			if want := fmt.Sprintf("Actor %04d", i); o["name"] != want {
				t.Errorf("%v: object %d is %v, want %s", tt.args, i, o["name"], want)
				break
			}
		}
	}
	if lines := strings.Count(p.must("list", "actors"), "\n"); lines != n {
		t.Errorf("text list has %d lines, want %d", lines, n)
	}
}

func TestErrors(t *testing.T) {
	p := relatedProject(t)
	p.must("actor", "add", "--name", "Kamala Harris", "--alias", "Harris", "--kind", "person")
	// Two people share the alias: --force adds the second on purpose.
	p.must("actor", "add", "--name", "Joshua Harris", "--alias", "Harris", "--kind", "person", "--description", "US chargé d'affaires", "--force")
	tests := []struct {
		name string
		args []string
		code int
		err  []string
	}{
		{"unknown actor", []string{"relate", "--from", "Nobody", "--type", "threatens", "--to", "Iraq"}, 1,
			[]string{"dossier: --from: No actor is called “Nobody”"}},
		{"ambiguous actor", []string{"relate", "--from", "Trump", "--type", "criticises", "--to", "Harris"}, 1,
			[]string{"dossier: --to: “Harris” could be 2 actors", "Joshua Harris (#", "US chargé d'affaires", "Kamala Harris (#"}},
		{"ambiguous dossier actor", []string{"export", "dossier", "--actor", "harris"}, 1,
			[]string{"dossier: --actor: “harris” could be 2 actors", "Joshua Harris", "Kamala Harris"}},
		{"bad date", []string{"relate", "--from", "Trump", "--type", "threatens", "--to", "Iraq", "--date", "31 Febtember 2026"}, 1,
			[]string{"dossier: --date: “31 Febtember 2026” is not a date"}},
		{"impossible end date", []string{"relate", "--from", "Trump", "--type", "threatens", "--to", "Iraq", "--end", "2026-02-30"}, 1,
			[]string{"dossier: --end: "}},
		{"unknown type", []string{"relate", "--from", "Trump", "--type", "admires", "--to", "Iraq"}, 1,
			[]string{"dossier: --type: “admires” is not a relation type"}},
		{"unknown article", []string{"relate", "--from", "Trump", "--type", "threatens", "--to", "Iraq", "--article", "No such title"}, 1,
			[]string{"dossier: --article: No article has the title or id “No such title”, and no title contains it."}},
		{"quote not in article", []string{"relate", "--from", "Trump", "--type", "threatens", "--to", "Iraq", "--article", "#1", "--quote", "words never written", "--date", "2026-01-27"}, 1,
			[]string{"is not in the text of"}},
		{"bad modality", []string{"relate", "--from", "Trump", "--type", "threatens", "--to", "Iraq", "--modality", "perhaps"}, 1,
			[]string{"dossier: --modality: “perhaps” is not one of asserted, conditional"}},
		{"bad confidence", []string{"relate", "--from", "Trump", "--type", "threatens", "--to", "Iraq", "--confidence", "sure"}, 1,
			[]string{"dossier: --confidence: “sure” is not one of confirmed, reported, alleged."}},
		{"same actor twice", []string{"relate", "--from", "Trump", "--type", "threatens", "--to", "Donald Trump"}, 1,
			[]string{"dossier: A relation links two different actors"}},
		{"bad kind", []string{"actor", "add", "--name", "X", "--kind", "planet"}, 1,
			[]string{"dossier: --kind: “planet” is not an actor kind"}},
		{"quote without article", []string{"relate", "--from", "Trump", "--type", "threatens", "--to", "Iraq", "--quote", "stop helping"}, 2,
			[]string{"dossier relate: --quote needs --article", "Run 'dossier relate --help' for usage."}},
		{"missing --to", []string{"relate", "--from", "Trump", "--type", "threatens"}, 2,
			[]string{"dossier relate: --to is required"}},
		{"missing --name", []string{"actor", "add", "--kind", "person"}, 2,
			[]string{"dossier actor add: --name is required", "Run 'dossier actor add --help' for usage."}},
		{"unquoted name", []string{"actor", "add", "--name", "Mohammed", "Shia"}, 2,
			[]string{"unexpected argument \"Shia\""}},
		{"unknown command", []string{"frobnicate"}, 2,
			[]string{"dossier: unknown command \"frobnicate\"", "Run 'dossier --help' for usage."}},
		{"unknown flag", []string{"list", "actors", "--colour"}, 2,
			[]string{"dossier list actors: flag provided but not defined: -colour", "Run 'dossier list actors --help'"}},
		{"unknown list", []string{"list", "outlets"}, 2,
			[]string{"dossier list: unknown subcommand \"outlets\"; use articles or actors or relations"}},
		{"export what", []string{"export", "--out", "x.csv"}, 2,
			[]string{"dossier export: say what to export: dossier or relations"}},
		{"bad limit", []string{"list", "actors", "--limit", "many"}, 2,
			[]string{"invalid value \"many\" for flag -limit"}},
		{"missing project", []string{"list", "actors", "--db", filepath.Join(p.dir, "typo.dossier")}, 1,
			[]string{"dossier: The project " + filepath.Join(p.dir, "typo.dossier") + " does not exist. To make a new project there, add --create."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := p.run(tt.args...)
			if r.code != tt.code {
				t.Errorf("exit %d, want %d; stderr %q", r.code, tt.code, r.errOut)
			}
			for _, s := range tt.err {
				if !strings.Contains(r.errOut, s) {
					t.Errorf("stderr lacks %q:\n%s", s, r.errOut)
				}
			}
			if r.out != "" {
				t.Errorf("stdout %q, want nothing", r.out)
			}
			if n := strings.Count(r.errOut, "\n"); n > 2 {
				t.Errorf("stderr has %d lines, want at most 2", n)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(p.dir, "typo.dossier")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("listing a missing project created it (stat: %v)", err)
	}
	// Nothing above recorded a relation.
	if out := p.must("list", "relations"); strings.Count(out, "\n") != 1 {
		t.Errorf("relations after the failures:\n%s", out)
	}
}

func TestHelp(t *testing.T) {
	p := noProject(t)
	tests := []struct {
		args []string
		want string
	}{
		{nil, "Usage:\n  dossier import"},
		{[]string{"--help"}, "Usage:\n  dossier import"},
		{[]string{"-h"}, "Usage:\n  dossier import"},
		{[]string{"help"}, "Usage:\n  dossier import"},
		{[]string{"help", "relate"}, "Usage: dossier relate"},
		{[]string{"help", "export", "dossier"}, "Usage: dossier export dossier"},
		{[]string{"import", "--help"}, "Usage: dossier import [--db FILE] PATH..."},
		{[]string{"import", "some/folder", "-h"}, "Usage: dossier import"},
		{[]string{"actor", "--help"}, "Usage: dossier actor add"},
		{[]string{"actor", "add", "--help"}, "  --alias NAME\n"},
		{[]string{"relate", "-h"}, "  --confidence LEVEL\n"},
		{[]string{"export", "--help"}, "relations  every relation"},
		{[]string{"export", "dossier", "--help"}, "  --no-bom\n"},
		{[]string{"export", "relations", "--help"}, "Usage: dossier export relations"},
		{[]string{"list", "-h"}, "Usage: dossier list articles|actors|relations"},
		{[]string{"list", "articles", "--help"}, "  --limit N\n"},
		{[]string{"list", "actors", "--help"}, "Usage: dossier list actors"},
		{[]string{"list", "relations", "--help"}, "  --db FILE\n"},
		{[]string{"version", "--help"}, "Usage: dossier version"},
	}
	for _, tt := range tests {
		r := p.run(tt.args...)
		if r.code != 0 || r.errOut != "" {
			t.Errorf("%q: exit %d, stderr %q", tt.args, r.code, r.errOut)
		}
		if !strings.Contains(r.out, tt.want) {
			t.Errorf("%q: usage lacks %q:\n%s", tt.args, tt.want, r.out)
		}
	}
	if _, err := os.Stat(p.db); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("asking for help created the project (stat: %v)", err)
	}
}

func TestVersion(t *testing.T) {
	p := newProject(t)
	for _, args := range [][]string{{"version"}, {"--version"}} {
		if out := p.must(args...); out != "dossier "+app.CurrentVersion()+"\n" {
			t.Errorf("%v printed %q", args, out)
		}
	}
}

func TestIsCommand(t *testing.T) {
	for name, want := range map[string]bool{
		"import": true, "actor": true, "relate": true, "export": true, "list": true, "version": true,
		"help": true, "--help": true, "-h": true, "--version": true,
		"": false, "--db": false, "research.dossier": false, "Import": false, "sample": false, "-psn_0_12345": false,
	} {
		if got := cli.IsCommand(name); got != want {
			t.Errorf("IsCommand(%q) = %v, want %v", name, got, want)
		}
	}
}

// FuzzRun feeds arbitrary command lines to Run: whatever the arguments, it must not
// panic and must exit 0, 1 or 2. The store is never opened, so only the parsing is tried.
func FuzzRun(f *testing.F) {
	for _, s := range []string{
		"import\x00--db\x00x\x00a", "relate\x00--from\x00A\x00--to\x00B\x00--type\x00t\x00--date\x002026-13-01",
		"export\x00--out\x00dossier\x00relations", "list\x00--json\x00--\x00actors", "list\x00--limit=-1\x00actors",
		"actor\x00add\x00--name", "export\x00--\x00", "help\x00help", "--help\x00x",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		env := cli.Env{
			Stdout: io.Discard, Stderr: io.Discard, DefaultDB: filepath.Join(t.TempDir(), "p.dossier"),
			Open: func(context.Context, string) (cli.Store, error) {
				return nil, app.Errorf(app.ENOTPROJ, "not opened in this test")
			},
		}
		code := cli.Run(context.Background(), strings.Split(line, "\x00"), env)
		if code < 0 || code > 2 {
			t.Errorf("exit code %d", code)
		}
	})
}

func readCSV(t *testing.T, s string) [][]string {
	t.Helper()
	r := csv.NewReader(strings.NewReader(s))
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("reading the CSV back: %v\n%s", err, s)
	}
	if len(recs) == 0 {
		t.Fatal("empty CSV")
	}
	return recs
}

func decodeJSON(t *testing.T, s string, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(s), v); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, s)
	}
}

// checkObjects compares the fields want names; other fields are not checked.
func checkObjects(t *testing.T, what string, got, want []map[string]any) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d objects, want %d: %v", what, len(got), len(want), got)
	}
	for i := range want {
		for k, v := range want[i] {
			if !reflect.DeepEqual(got[i][k], v) {
				t.Errorf("%s[%d].%s = %#v, want %#v", what, i, k, got[i][k], v)
			}
		}
	}
}
