package db

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"dossier/app/sample"
)

// TestSchemaReadableBySystemSQLite opens projects with the sqlite3 program of the system
// (SQLite 3.40 on Debian 12, the oldest a researcher is likely to have; CI installs it),
// so that anyone can get their data out with ordinary tools: a schema that used syntax
// newer than that SQLite (group_concat(... ORDER BY ...) needs 3.44) makes the whole
// file read as a "malformed schema". A fresh project and the sample project must pass
// PRAGMA integrity_check and give a count of every table, virtual tables included.
func TestSchemaReadableBySystemSQLite(t *testing.T) {
	cli, err := exec.LookPath("sqlite3")
	if err != nil {
		t.Fatal("sqlite3 is not installed: install Debian's sqlite3 package (make test does)")
	}
	ver, err := exec.Command(cli, "--version").Output()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("sqlite3 %s", strings.Fields(string(ver))[0])

	ctx := context.Background()
	fresh := filepath.Join(t.TempDir(), "fresh.dossier")
	s, err := Open(ctx, fresh)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()

	withSample := filepath.Join(t.TempDir(), "sample.dossier")
	if s, err = Open(ctx, withSample); err != nil {
		t.Fatal(err)
	}
	if err := sample.Load(ctx, s); err != nil {
		t.Fatal(err)
	}
	s.Close()

	for _, path := range []string{fresh, withSample} {
		t.Run(filepath.Base(path), func(t *testing.T) {
			run := func(sql string) string {
				t.Helper()
				out, err := exec.Command(cli, "-readonly", "-batch", path, sql).CombinedOutput()
				if err != nil {
					t.Fatalf("sqlite3 %q: %v\n%s", sql, err, out)
				}
				return strings.TrimSpace(string(out))
			}
			if got := run("PRAGMA integrity_check;"); got != "ok" {
				t.Fatalf("integrity_check: %s", got)
			}
			tables := strings.Fields(run("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name;"))
			if len(tables) < 10 {
				t.Fatalf("only %d tables listed: %v", len(tables), tables)
			}
			var sql strings.Builder
			for _, tbl := range tables {
				sql.WriteString(`SELECT count(*) FROM "` + tbl + `";`)
			}
			counts := strings.Fields(run(sql.String()))
			if len(counts) != len(tables) {
				t.Fatalf("%d counts for %d tables: %v", len(counts), len(tables), counts)
			}
			total := map[string]int{}
			for i, c := range counts {
				n, err := strconv.Atoi(c)
				if err != nil {
					t.Fatalf("count of %s: %q", tables[i], c)
				}
				total[tables[i]] = n
			}
			if path == withSample && (total["articles"] == 0 || total["relations_fts"] != total["relations"] || total["relations"] == 0) {
				t.Errorf("sample project read as %v", total)
			}
		})
	}

	// The triggers run in that SQLite too: a copy of the sample edited with sqlite3 keeps
	// its search indexes in step and whole, the aliases in the order they were written,
	// the text folded (Işıklar found as isiklar).
	data, err := os.ReadFile(withSample)
	if err != nil {
		t.Fatal(err)
	}
	edited := filepath.Join(t.TempDir(), "edited.dossier")
	if err := os.WriteFile(edited, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(cli, "-batch", edited, `
		INSERT INTO aliases(actor_id, text, folded, is_name) SELECT id, 'Abu Isra', 'abu isra', 0 FROM actors WHERE name = 'Nouri al-Maliki';
		UPDATE actors SET name = 'Nouri Kamil al-Maliki' WHERE name = 'Nouri al-Maliki';
		SELECT replace(aliases, char(10), '|') FROM actors_fts WHERE name MATCH 'kamil';
		SELECT (SELECT count(*) FROM relations_fts WHERE relations_fts MATCH 'wording:kamil') || ' ' || (SELECT count(*) FROM relations r JOIN actors a ON a.id IN (r.source_id, r.target_id) WHERE a.name LIKE '%Kamil%');
		INSERT INTO articles(uuid, title, hash, filed, updated, body) VALUES ('u-cli', 'Filed by hand', 'h', '', '', 'Written in Işıklar.');
		UPDATE articles SET body = 'Rewritten in Işıklar by hand.' WHERE uuid = 'u-cli';
		INSERT INTO notes(uuid, body, article_id, created, updated) SELECT 'n-cli', 'A note from Tromsø.', id, '', '' FROM articles WHERE uuid = 'u-cli';
		UPDATE evidence SET quote = quote || ' (checked)' WHERE id = (SELECT min(id) FROM evidence);
		DELETE FROM relations WHERE id = (SELECT max(id) FROM relations);
		SELECT (SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'isiklar rewritten') || ' ' ||
			(SELECT count(*) FROM notes_fts WHERE notes_fts MATCH 'tromso') || ' ' ||
			(SELECT count(*) FROM relations_fts WHERE relations_fts MATCH 'checked') || ' ' ||
			((SELECT count(*) FROM relations_fts) = (SELECT count(*) FROM relations));
		DELETE FROM articles WHERE uuid = 'u-cli';
		SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'isiklar';
		INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check');
		INSERT INTO notes_fts(notes_fts) VALUES ('integrity-check');
		INSERT INTO relations_fts(relations_fts) VALUES ('integrity-check');
		PRAGMA integrity_check;`).CombinedOutput()
	if err != nil {
		t.Fatalf("editing with sqlite3: %v\n%s", err, out)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	counts := strings.Fields(lines[min(1, len(lines)-1)])
	if len(lines) != 5 || !strings.HasPrefix(lines[0], "Maliki|") || !strings.HasSuffix(lines[0], "|Abu Isra") ||
		len(counts) != 2 || counts[0] != counts[1] || counts[0] == "0" || lines[2] != "1 1 1 1" || lines[3] != "0" || lines[4] != "ok" {
		t.Errorf("after editing with sqlite3: %q", lines)
	}
}
