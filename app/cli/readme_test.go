package cli_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dossier/app/sample"
	"dossier/db"
)

// The README's batch examples, run as written (issue #7): TestReadmeBatchCommands reads
// the ```sh block of the README's "Batch interface" section and runs every command in it,
// in order, against a fresh project seeded as the README says: saved pages to import
// (written here, invented), then the README's own actor, relate, export, list, search and
// suggest lines. A line's alternatives (articles|actors|relations) are each run, and its
// [optional] parts are each tried alone as well as left out, placeholders (N, S, T, NAME,
// ID) filled with values of the project.

// readmeCommands returns the commands of the README's batch block, one per logical line
// (continuations joined, comments dropped).
func readmeCommands(t *testing.T) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(data), "\n## Batch interface\n")
	if !ok {
		t.Fatal(`README.md has no "## Batch interface" section`)
	}
	section, _, _ = strings.Cut(section, "\n## ")
	_, block, ok := strings.Cut(section, "```sh\n")
	if !ok {
		t.Fatal("the Batch interface section has no ```sh block")
	}
	block, _, ok = strings.Cut(block, "\n```")
	if !ok {
		t.Fatal("the ```sh block of the Batch interface section is not closed")
	}
	var cmds []string
	line := ""
	for _, l := range strings.Split(block, "\n") {
		l = strings.TrimSpace(stripComment(l))
		if strings.HasSuffix(l, `\`) {
			line += strings.TrimSuffix(l, `\`) + " "
			continue
		}
		if line += l; strings.TrimSpace(line) != "" {
			cmds = append(cmds, strings.TrimSpace(line))
		}
		line = ""
	}
	return cmds
}

// stripComment drops a shell comment: a # at the start of a word, outside quotes.
func stripComment(l string) string {
	var quote rune
	prev := ' '
	for i, r := range l {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			}
		case r == '\'' || r == '"':
			quote = r
		case r == '#' && (prev == ' ' || prev == '\t'):
			return l[:i]
		}
		prev = r
	}
	return l
}

// shellWords splits a command as sh does for the quoting the README uses: single and
// double quotes, no escapes inside single quotes. Brackets are kept as written.
func shellWords(t *testing.T, cmd string) []string {
	t.Helper()
	var words []string
	var w strings.Builder
	inWord := false
	var quote rune
	for _, r := range cmd {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			} else {
				w.WriteRune(r)
			}
		case r == '\'' || r == '"':
			quote, inWord = r, true
		case r == ' ' || r == '\t':
			if inWord {
				words = append(words, w.String())
				w.Reset()
				inWord = false
			}
		default:
			w.WriteRune(r)
			inWord = true
		}
	}
	if quote != 0 {
		t.Fatalf("unbalanced quote in the README's command %q", cmd)
	}
	if inWord {
		words = append(words, w.String())
	}
	return words
}

// variants expands a README command: each alternative of a word with | (outside quotes
// and brackets), and the command without its [optional] parts and with each one alone.
func variants(t *testing.T, cmd string, fill map[string]string) [][]string {
	t.Helper()
	var base []string
	var optional [][]string
	var opt []string
	for _, w := range shellWords(t, cmd) {
		switch {
		case strings.HasPrefix(w, "[") && strings.HasSuffix(w, "]"):
			optional = append(optional, []string{strings.Trim(w, "[]")})
		case strings.HasPrefix(w, "["):
			opt = []string{strings.TrimPrefix(w, "[")}
		case opt != nil && strings.HasSuffix(w, "]"):
			optional = append(optional, append(opt, strings.TrimSuffix(w, "]")))
			opt = nil
		case opt != nil:
			opt = append(opt, w)
		default:
			base = append(base, w)
		}
	}
	if opt != nil {
		t.Fatalf("unclosed [ in the README's command %q", cmd)
	}
	fillIn := func(ws []string) []string {
		out := make([]string, len(ws))
		for i, w := range ws {
			if v, ok := fill[w]; ok && i > 0 && strings.HasPrefix(ws[i-1], "--") {
				w = v
			}
			out[i] = w
		}
		return out
	}
	var bases [][]string
	bases = append(bases, nil)
	for _, w := range base {
		alts := []string{w}
		if strings.Contains(w, "|") && !strings.ContainsAny(w, " \"'") && !strings.HasPrefix(w, "-") {
			alts = strings.Split(w, "|")
		}
		var next [][]string
		for _, b := range bases {
			for _, a := range alts {
				next = append(next, append(append([]string(nil), b...), a))
			}
		}
		bases = next
	}
	var out [][]string
	for _, b := range bases {
		out = append(out, fillIn(b))
		for _, o := range optional {
			out = append(out, fillIn(append(append([]string(nil), b...), o...)))
		}
	}
	return out
}

// readmeArticle is the saved page the README's relate example quotes, titled as it says.
const readmeArticle = `---
title: Maliki rebuffs Trump warning
source: Tigris Ledger
url: https://ledger.example/2026/01/maliki-rebuffs
date: 2026-01-28
tags: [iraq, elections]
---

BAGHDAD — The former prime minister Nouri al-Maliki brushed aside on Wednesday a warning
from Donald Trump, who said a day earlier that the United States would stop helping Iraq
if Maliki returned to power. Diplomats said Washington could withdraw support from Iraq's
next government, but Maliki's allies in parliament said they would not be moved.

Hassan Karimi, a lawmaker close to Maliki, told reporters that the vote would go ahead.
`

const readmeOtherArticle = `Basra oil exports steady

Oil exports from the southern terminals held steady in January, the port authority said,
despite talk in Baghdad of a cabinet crisis.
`

func TestReadmeBatchCommands(t *testing.T) {
	cmds := readmeCommands(t)
	if len(cmds) < 8 {
		t.Fatalf("only %d commands in the README's batch block: %q", len(cmds), cmds)
	}
	dir := t.TempDir()
	t.Chdir(dir) // the README's paths (p.dossier, maliki.csv) are relative
	home := filepath.Join(dir, "home")
	p := &project{t: t, dir: dir, db: filepath.Join(dir, "p.dossier")}
	p.write("home/saved-pages/01-maliki-rebuffs.md", []byte(readmeArticle))
	p.write("home/saved-pages/02-basra-oil.txt", []byte(readmeOtherArticle))

	fill := map[string]string{"N": "5", "S": "Tigris Ledger", "T": "iraq", "NAME": "Maliki", "ID": "1", "DATE": "2026-01"}
	seen := map[string]bool{}
	for _, cmd := range cmds {
		vs := variants(t, cmd, fill)
		if vs[0][0] != "dossier" {
			t.Fatalf("README command %q does not start with dossier", cmd)
		}
		name := vs[0][1]
		seen[name] = true
		if name == "relate" {
			seedRelateActors(t, p, cmds, vs[0])
		}
		for _, v := range vs {
			args := v[1:]
			for i, a := range args {
				if strings.HasPrefix(a, "~/") {
					args[i] = filepath.Join(home, a[2:])
				}
			}
			r := p.run(args...)
			if r.code != 0 || r.errOut != "" {
				t.Fatalf("README: dossier %s\nexit %d\nstdout: %s\nstderr: %s", strings.Join(args, " "), r.code, r.out, r.errOut)
			}
			checkReadmeOutput(t, args, r.out)
		}
	}
	for _, name := range []string{"import", "actor", "relate", "export", "list", "search", "suggest", "backup", "restore", "check"} {
		if !seen[name] {
			t.Errorf("the README's batch block has no %s command", name)
		}
	}
}

// seedRelateActors adds, the way the README adds Maliki, the actors its relate example
// names that none of its actor add lines creates (Trump and Iraq, as long as the README
// does not add them itself), and says so in the test log.
func seedRelateActors(t *testing.T, p *project, cmds, relate []string) {
	t.Helper()
	// The names and aliases the README's actor add lines give.
	named := map[string]bool{}
	for _, c := range cmds {
		w := shellWords(t, c)
		if len(w) < 3 || w[1] != "actor" || w[2] != "add" {
			continue
		}
		for i := 3; i+1 < len(w); i++ {
			if w[i] == "--name" || w[i] == "--alias" {
				named[w[i+1]] = true
			}
		}
	}
	kinds := map[string][]string{"Trump": {"--name", "Donald Trump", "--kind", "person", "--alias", "Trump"}, "Iraq": {"--name", "Iraq", "--kind", "state"}}
	for i, a := range relate {
		if a != "--from" && a != "--to" || i+1 >= len(relate) {
			continue
		}
		who := relate[i+1]
		if named[who] {
			continue
		}
		args, ok := kinds[who]
		if !ok {
			t.Fatalf("the README's relate example names %s, which the README never adds", who)
		}
		t.Logf("the README does not add %s before relating it; added with dossier actor add %q", who, args)
		p.must(append([]string{"actor", "add", "--db", "p.dossier"}, args...)...)
	}
}

// checkReadmeOutput checks that a README command said something sensible.
func checkReadmeOutput(t *testing.T, args []string, out string) {
	t.Helper()
	has := func(s string) bool { return strings.Contains(out, s) }
	fail := func(want string) {
		t.Errorf("README: dossier %s printed\n%s\nwant %s", strings.Join(args, " "), out, want)
	}
	asJSON := slicesContains(args, "--json")
	if asJSON && !json.Valid([]byte(out)) {
		fail("JSON")
		return
	}
	switch args[0] {
	case "import":
		if !has("filed") || !has("Maliki rebuffs Trump warning") {
			fail("the files filed")
		}
	case "relate":
		if !has("#1") {
			fail("the relation's number")
		}
	case "export":
		// The dossier of Maliki names the article that mentions him; the relations, the
		// one related with its quote.
		want := "would stop helping Iraq"
		switch outPath := flagValue(args, "--out"); {
		case args[1] == "dossier":
			want = "Maliki rebuffs Trump warning"
		case strings.HasSuffix(outPath, ".pdf"): // compressed: the header says what it is
			want = "%PDF-"
		case strings.HasSuffix(outPath, ".zip"):
			want = "PK\x03\x04"
		}
		if outPath := flagValue(args, "--out"); outPath != "" {
			data, err := os.ReadFile(outPath)
			if err != nil || !strings.Contains(string(data), want) {
				t.Errorf("README: dossier %s wrote %q (%v); want %q", strings.Join(args, " "), data, err, want)
			}
		} else if !has(want) {
			fail(want)
		}
	case "list":
		want := map[string]string{"articles": "Maliki rebuffs Trump warning", "actors": "Nouri al-Maliki", "relations": "threatens"}[args[1]]
		if !has(want) {
			fail(want)
		}
	case "search":
		if asJSON {
			var res struct{ Articles []struct{ Title string } }
			if json.Unmarshal([]byte(out), &res) != nil || len(res.Articles) != 1 || res.Articles[0].Title != "Maliki rebuffs Trump warning" {
				fail("the article")
			}
		} else if !has("«withdraw support» from «Iraq»") {
			fail("the article's passage with the matches marked")
		}
	case "suggest":
		if !asJSON && !has("Hassan Karimi") {
			fail("Hassan Karimi suggested")
		}
	}
}

func flagValue(args []string, name string) string {
	for i, a := range args {
		if a == name && i+1 < len(args) {
			return args[i+1]
		}
	}
	return ""
}

func slicesContains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

// TestReadmeSearchExampleOnSample: the README's search example finds, on the sample
// project every new user starts with, the article and the relation it was written for.
func TestReadmeSearchExampleOnSample(t *testing.T) {
	p := newProject(t)
	ctx := context.Background()
	s, err := db.Open(ctx, p.db)
	if err != nil {
		t.Fatal(err)
	}
	if err := sample.Load(ctx, s); err != nil {
		t.Fatal(err)
	}
	s.Close()
	query := ""
	for _, c := range readmeCommands(t) {
		if w := shellWords(t, c); len(w) > 1 && w[1] == "search" {
			query = w[4]
		}
	}
	if query != `"withdraw support" AND Iraq` {
		t.Logf("the README's search example is now %s", query)
	}
	var res struct {
		Articles, Relations []struct {
			Title   string
			Snippet string
		}
	}
	decodeJSON(t, p.must("search", "--json", "--db", p.db, query), &res)
	if len(res.Articles) == 0 || len(res.Relations) == 0 {
		t.Fatalf("%s finds %d articles and %d relations in the sample; want both", query, len(res.Articles), len(res.Relations))
	}
	if res.Relations[0].Title != "Donald Trump withdraws support from Iraq" {
		t.Errorf("relation %+v", res.Relations[0])
	}
}
