package cli_test

import (
	"archive/zip"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dossier/app/sample"
	"dossier/db"
)

func sampleProject(t *testing.T) *project {
	p := newProject(t)
	s, err := db.Open(context.Background(), p.db)
	if err != nil {
		t.Fatal(err)
	}
	if err := sample.Load(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	s.Close()
	return p
}

// TestExportFormatsCommand: every format of dossier export writes the project and one
// actor's dossier, to standard output or whole to --out, with nothing on stderr; the
// dossier is smaller than the project.
func TestExportFormatsCommand(t *testing.T) {
	p := sampleProject(t)
	for _, f := range []struct{ name, marker string }{
		{"gexf", `<gexf xmlns="http://gexf.net/1.3"`}, {"graphml", "<graphml"},
		{"ftm", `"schema":"Person"`}, {"stix", `"type":"bundle"`},
	} {
		t.Run(f.name, func(t *testing.T) {
			all := p.run("export", f.name, "--db", p.db)
			one := p.run("export", f.name, "--db", p.db, "--actor", "Maliki")
			if all.code != 0 || one.code != 0 || all.errOut != "" || one.errOut != "" {
				t.Fatalf("exit %d/%d\n%s%s", all.code, one.code, all.errOut, one.errOut)
			}
			if !strings.Contains(all.out, f.marker) || !strings.Contains(one.out, f.marker) {
				t.Errorf("output lacks %s", f.marker)
			}
			if len(one.out) >= len(all.out) {
				t.Errorf("the dossier (%d bytes) is not smaller than the project (%d)", len(one.out), len(all.out))
			}
			out := filepath.Join(p.dir, "out."+f.name)
			p.must("export", f.name, "--db", p.db, "--out", out)
			if b, err := os.ReadFile(out); err != nil || string(b) != all.out {
				t.Errorf("--out wrote something else than standard output (%v)", err)
			}
		})
	}
}

// TestExportMarkdownCommand: the vault goes to a new folder; a folder with files in it
// is refused and left alone; --out is required.
func TestExportMarkdownCommand(t *testing.T) {
	p := sampleProject(t)
	vault := filepath.Join(p.dir, "vault")
	p.must("export", "markdown", "--db", p.db, "--actor", "Maliki", "--out", vault)
	notes, _ := filepath.Glob(filepath.Join(vault, "actors", "*.md"))
	if len(notes) == 0 {
		t.Fatal("no actor notes")
	}
	r := p.run("export", "markdown", "--db", p.db, "--out", vault)
	if r.code != 1 || !strings.Contains(r.errOut, "already holds files") {
		t.Errorf("a full folder: exit %d, %s", r.code, r.errOut)
	}
	if after, _ := filepath.Glob(filepath.Join(vault, "actors", "*.md")); len(after) != len(notes) {
		t.Error("the refused export changed the folder")
	}
	zipped := filepath.Join(p.dir, "vault.zip")
	p.must("export", "markdown", "--db", p.db, "--out", zipped)
	zr, err := zip.OpenReader(zipped)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	all, _ := filepath.Glob(filepath.Join(vault, "*", "*.md"))
	if len(zr.File) <= len(all) { // the project is bigger than Maliki's dossier
		t.Errorf("the zipped vault of the project has %d files, Maliki's folder %d", len(zr.File), len(all))
	}
	if r := p.run("export", "markdown", "--db", p.db); r.code != 2 {
		t.Errorf("without --out: exit %d", r.code)
	}
}

// TestExportBriefingCommand: the briefing of an actor as HTML on standard output and as
// PDF to --out; without --actor it is refused as a usage error.
func TestExportBriefingCommand(t *testing.T) {
	p := sampleProject(t)
	html := p.must("export", "briefing", "--db", p.db, "--actor", "Maliki")
	if !strings.Contains(html, "<h1 dir=\"auto\">Nouri al-Maliki</h1>") {
		t.Errorf("HTML briefing: %.300s", html)
	}
	pdf := filepath.Join(p.dir, "maliki.pdf")
	p.must("export", "briefing", "--db", p.db, "--actor", "Maliki", "--out", pdf)
	if b, err := os.ReadFile(pdf); err != nil || !strings.HasPrefix(string(b), "%PDF-") {
		t.Errorf("no PDF written (%v)", err)
	}
	if r := p.run("export", "briefing", "--db", p.db); r.code != 2 {
		t.Errorf("without --actor: exit %d", r.code)
	}
}

// TestImportDetectsExports: dossier import recognises an FtM export by its content under
// any name and files it with its UUIDs, so exporting the new project gives the same
// file; a CSV export is refused with the reason; ordinary articles beside them are filed.
func TestImportDetectsExports(t *testing.T) {
	src := sampleProject(t)
	ftm := src.must("export", "ftm", "--db", src.db)
	rels := src.must("export", "relations", "--db", src.db)

	dst := newProject(t)
	ftmPath := dst.write("colleague.txt", []byte(ftm)) // the name says nothing
	csvPath := dst.write("edges.csv", []byte(rels))
	dossierCSV := dst.write("maliki.csv", []byte(src.must("export", "dossier", "--db", src.db, "--actor", "Maliki")))
	art := dst.write("note.txt", []byte("An invented article about the port of Basra, filed to show articles still import.\n"))
	r := dst.run("import", "--db", dst.db, ftmPath, csvPath, dossierCSV, art)
	if r.code != 0 || r.errOut != "" {
		t.Fatalf("exit %d: %s\n%s", r.code, r.errOut, r.out)
	}
	for _, want := range []string{"ftm: " + ftmPath + " — added ", "11 actor", "relations csv: " + csvPath + " — added nothing; already in the project 14 relation",
		"refused: " + dossierCSV, "1 filed"} {
		if !strings.Contains(r.out, want) {
			t.Errorf("output lacks %q:\n%s", want, r.out)
		}
	}
	// The article filed beside it is not in the FtM file; export the FtM records only.
	again := dst.must("export", "ftm", "--db", dst.db)
	if !strings.HasPrefix(again, ftm[:strings.Index(ftm, `"schema":"Article"`)]) {
		t.Error("the re-exported actors differ from the original ones")
	}
	r = dst.run("import", "--db", dst.db, ftmPath)
	if !strings.Contains(r.out, "added nothing") && !strings.Contains(r.out, "— added nothing;") {
		t.Errorf("a second import added something:\n%s", r.out)
	}
}
