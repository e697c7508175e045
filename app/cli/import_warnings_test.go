package cli_test

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"dossier/app"
	"dossier/app/ingest"
)

// warningFixtures gives, for every kind of import warning, files that make the importer
// give it. A kind added to app.WarningKinds without a fixture here fails the test below.
var warningFixtures = map[string]map[string]func() []byte{
	app.WarnReplaced: {
		// UTF-8 with two stray Windows-1252 dashes on line 5.
		"replaced.txt": func() []byte {
			return []byte("Tram depot fire contained\n2026-03-06\n\nFirefighters — forty of them — arrived at dawn.\nThe depot \x96 closed since May \x96 was empty.\nNo one was hurt.\n")
		},
		// An e-mail whose part declares UTF-8 but holds a Latin-1 byte: no lines to name.
		"replaced.eml": func() []byte {
			return []byte("From: Desk <desk@courier.example>\nSubject: Depot fire\nDate: Fri, 6 Mar 2026 08:00:00 +0000\nContent-Type: text/plain; charset=utf-8\n\nThe depot — \xe9 — was empty when the fire started, the brigade said.\n")
		},
	},
	app.WarnEncoding: {
		"cp1252.txt": func() []byte {
			b, _ := charmap.Windows1252.NewEncoder().Bytes([]byte("Café levy put off\n2026-03-07\n\nOwners of cafés — forty of them — closed at noon.\n"))
			return b
		},
		"utf16.txt": func() []byte {
			b, _ := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder().Bytes([]byte("Levy vote delayed\n2026-03-08\n\nThe council put the vote off.\n"))
			return b
		},
	},
	app.WarnUndated: {
		"undated.md": func() []byte { return []byte("# Bridge repairs begin\n\nWork on the old bridge began this week.\n") },
	},
}

// Issue 7, the rule: every warning the importer gives reaches the article's line and the
// summary of `dossier import` (whose data, app.ImportResult and app.ImportSummary, the
// window's import summary is built from too).
func TestImportWarningsReachLineAndSummary(t *testing.T) {
	p := newProject(t)
	dir := filepath.Join(p.dir, "inbox")
	p.write("inbox/clean.txt", []byte("Clean story\n2026-03-09\n\nNothing to warn about — at all.\n"))
	// What ingest says about each file is what the line must say.
	want := map[string][]app.ImportWarning{}
	tallies := map[string]int{}
	seen := map[string]bool{}
	for _, kind := range app.WarningKinds {
		files := warningFixtures[kind]
		if len(files) == 0 {
			t.Errorf("no fixture gives a %q warning: add one to warningFixtures", kind)
		}
		for name, data := range files {
			path := p.write("inbox/"+name, data())
			items, err := ingest.ReadFile(path)
			if err != nil || len(items) != 1 {
				t.Fatalf("%s: %v, %d items", name, err, len(items))
			}
			ws := items[0].Warnings
			if !slices.ContainsFunc(ws, func(w app.ImportWarning) bool { return w.Kind == kind }) {
				t.Errorf("%s gives no %q warning: %+v", name, kind, ws)
			}
			want[path] = ws
			for _, w := range ws {
				tallies[w.Tally]++
				seen[w.Kind] = true
			}
		}
	}
	for _, kind := range app.WarningKinds {
		if !seen[kind] {
			t.Errorf("no fixture gave a %q warning", kind)
		}
	}

	out := p.must("import", "--db", p.db, dir)
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	for path, ws := range want {
		msgs := make([]string, len(ws))
		for i, w := range ws {
			msgs[i] = w.Message
		}
		suffix := " [" + strings.Join(msgs, "; ") + "]"
		i := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(l, "filed: "+path+" — ") })
		if i < 0 || !strings.HasSuffix(lines[i], suffix) {
			t.Errorf("no line for %s ending %q:\n%s", path, suffix, out)
		}
	}
	for _, l := range lines {
		if strings.Contains(l, "clean.txt") && strings.Contains(l, "[") {
			t.Errorf("a clean file's line has warnings: %q", l)
		}
	}
	last := lines[len(lines)-1]
	if !strings.HasPrefix(last, "warnings: ") {
		t.Fatalf("no warnings line at the end:\n%s", out)
	}
	for tally, n := range tallies {
		if !strings.Contains(", "+strings.TrimPrefix(last, "warnings: ")+",", fmt.Sprintf(", %d %s,", n, tally)) {
			t.Errorf("summary %q does not count %d %q", last, n, tally)
		}
	}
}
