package cli_test

import (
	"context"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"dossier/app"
	"dossier/db"
)

// Outside strings that would forge a line, retitle the terminal, clear it or reverse
// what follows, as a file name, a title or an actor's name could hold them.
const (
	forgedLine = "\n filed: forged.txt — “Forged”"
	retitle    = "\x1b]0;pwned\x07"
	clear      = "\x1b[2J"
	reversed   = "\u202e"
)

// checkTerminalSafe fails the test if out holds anything a terminal would act on: control
// characters other than the line breaks and tabs the output writes itself, C1 controls,
// line separators, bidirectional controls, bytes that are not UTF-8.
func checkTerminalSafe(t *testing.T, what, out string) {
	t.Helper()
	if !utf8.ValidString(out) {
		t.Errorf("%s: output is not UTF-8: %q", what, out)
	}
	for _, r := range out {
		bad := r != '\n' && r != '\t' && (unicode.IsControl(r) || r == 0x2028 || r == 0x2029 ||
			r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0x200e || r == 0x200f)
		if bad {
			t.Errorf("%s: output holds %U:\n%q", what, r, out)
			return
		}
	}
}

// TestOutsideStringsAreEscaped checks the rule on every command that prints names: no
// file name, title or actor's name reaches the terminal unescaped, on standard output or
// in an error, and each result stays one line.
func TestOutsideStringsAreEscaped(t *testing.T) {
	p := newProject(t)
	names := []string{"a" + forgedLine + ".txt", retitle + "b.txt", "c" + clear + reversed + "txt.md"}
	for _, n := range names {
		p.write("inbox/"+n, []byte("Harbour levy "+n+"\n\nThe council met on Tuesday to discuss the harbour levy, file "+n+"."))
	}
	p.write("inbox/d"+retitle+".txt", binary()) // refused: the message names the file
	r := p.run("import", "--db", p.db, p.dir+"/inbox")
	checkTerminalSafe(t, "import", r.out+r.errOut)
	filed, summary := 0, ""
	for _, l := range strings.Split(strings.TrimSuffix(r.out, "\n"), "\n") {
		switch {
		case strings.HasPrefix(l, "filed: "):
			filed++
		case strings.HasPrefix(l, "refused: "), strings.HasPrefix(l, "warnings: "):
		case strings.HasSuffix(l, " refused"):
			summary = l
		default:
			t.Errorf("import printed a line that is not a result: %q", l)
		}
	}
	if filed != 3 || summary != "3 filed, 0 duplicates, 1 refused" {
		t.Errorf("import: %d filed lines, summary %q; want 3 and 3 filed, 1 refused:\n%s", filed, summary, r.out)
	}
	if !strings.Contains(r.out, `\x1b]0;pwned\x07b.txt`) || !strings.Contains(r.out, `a\n filed: forged.txt`) {
		t.Errorf("the names should be shown escaped:\n%s", r.out)
	}

	// A title and actors' names from outside, filed through the store as the window does.
	ctx := context.Background()
	s, err := db.Open(ctx, p.db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateArticle(ctx, app.Article{Title: "Levy vote " + retitle + clear, Source: "Wire" + retitle,
		Body: "The levy vote passed. Ines Moreau" + retitle + " voted for it."}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	evil := "Ines Moreau" + retitle
	p.must("actor", "add", "--name", evil, "--kind", "person", "--description", "Councillor"+forgedLine)
	p.must("actor", "add", "--name", "Harbour"+reversed+" Board", "--kind", "organisation")
	for _, args := range [][]string{
		{"actor", "add", "--name", "Ines Moreau" + retitle + clear},
		{"relate", "--from", evil, "--type", "supports", "--to", "Harbour" + reversed + " Board", "--article", "Levy vote " + retitle + clear},
		{"relate", "--from", "Nobody" + retitle, "--type", "supports", "--to", "Harbour" + reversed + " Board"},
		{"relate", "--from", evil, "--type", "supports", "--to", "Harbour" + reversed + " Board", "--article", "No such" + forgedLine},
		{"list", "articles"},
		{"list", "actors"},
		{"list", "relations"},
		{"search", "levy"},
		{"search", "Moreau"},
		{"suggest"},
		{"import", "--db", p.db, p.dir + "/missing" + retitle + ".txt"},
	} {
		r := p.run(args...)
		checkTerminalSafe(t, strings.Join(args[:min(2, len(args))], " "), r.out+r.errOut)
	}
}
