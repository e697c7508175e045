package hub_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"dossier/app"
	"dossier/app/cli"
	"dossier/db"
	"dossier/db/hub"
)

// runHub runs a dossier hub command with stdin as its standard input.
func runHub(stdin string, args ...string) (code int, out, errOut string) {
	var o, e bytes.Buffer
	env := cli.Env{Stdin: strings.NewReader(stdin), Stdout: &o, Stderr: &e,
		Hub: func(ctx context.Context, url string) (cli.HubAdmin, error) {
			h, err := hub.Connect(ctx, url)
			if err != nil {
				return nil, err
			}
			return h, nil
		}}
	code = cli.Run(context.Background(), args, env)
	return code, o.String(), e.String()
}

// The hub's batch commands, end to end against a real server: init (twice), add a user
// whose password comes on standard input, grant, connect as that user, revoke; and what
// each says when something is wrong.
func TestHubCommands(t *testing.T) {
	ctx := context.Background()
	c := hub.SharedCluster()
	db, err := c.NewDatabase(ctx)
	if err != nil {
		t.Fatal(err)
	}
	url := c.AdminURL(db)
	hubReady := regexp.MustCompile(`^hub ready: schema version [1-9][0-9]* on PostgreSQL `)
	for i := 0; i < 2; i++ {
		code, out, errOut := runHub("", "hub", "init", "--url", url)
		if code != 0 || !hubReady.MatchString(out) || errOut != "" {
			t.Fatalf("init %d: exit %d, %q %q", i+1, code, out, errOut)
		}
	}
	if code, out, errOut := runHub("sesame-street-7\n", "hub", "add-user", "--url", url, "--name", "yara"); code != 0 || out != "added hub user yara\n" || errOut != "" {
		t.Fatalf("add-user: exit %d, %q %q", code, out, errOut)
	}
	if code, out, _ := runHub("", "hub", "grant", "--url", url, "--user", "yara", "--collection", "gulf desk", "--read-only"); code != 0 || out != "yara may now read the collection gulf desk\n" {
		t.Fatalf("grant: exit %d, %q", code, out)
	}
	h, err := hub.Connect(ctx, c.UserURL(db, "yara", "sesame-street-7"))
	if err != nil {
		t.Fatalf("yara cannot log in with her password: %v", err)
	}
	h.Close(ctx)
	if code, out, _ := runHub("", "hub", "revoke", "--url", url, "--user", "yara", "--collection", "gulf desk"); code != 0 || !strings.Contains(out, "no longer") {
		t.Fatalf("revoke: exit %d, %q", code, out)
	}

	for _, c := range []struct {
		stdin string
		args  []string
		code  int
		want  string
	}{
		{"", []string{"hub", "init"}, 1, "No hub given"},
		{"", []string{"hub", "add-user", "--url", url, "--name", "zed"}, 1, "No password given"},
		{"pw-long-enough\n", []string{"hub", "add-user", "--url", url, "--name", "yara"}, 1, "already has a user “yara”"},
		{"", []string{"hub", "grant", "--url", url, "--user", "nobody", "--collection", "x"}, 1, "no user “nobody”"},
		{"", []string{"hub", "grant", "--url", url, "--user", "yara"}, 2, "--collection"},
		{"", []string{"hub", "init", "--url", c0(url)}, 75, "Could not reach the hub"},
	} {
		code, _, errOut := runHub(c.stdin, c.args...)
		if code != c.code || !strings.Contains(errOut, c.want) {
			t.Errorf("dossier %s: exit %d, %q; want %d saying %q", strings.Join(c.args, " "), code, errOut, c.code, c.want)
		}
	}
}

// c0 is url with a port nothing listens on.
func c0(url string) string {
	i := strings.Index(url, "port=")
	return url[:i] + "port=1&sslmode=disable"
}

// The README's hub block, run command by command against the test server: its URL
// stands for the test database's, and each password file it names is written first.
func TestReadmeHubCommands(t *testing.T) {
	text, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(text), "## Team hub")
	_, block, ok2 := strings.Cut(section, "```sh\n")
	block, _, ok3 := strings.Cut(block, "\n```")
	if !ok || !ok2 || !ok3 {
		t.Fatal("the README's Team hub section has no ```sh block")
	}
	ctx := context.Background()
	c := hub.SharedCluster()
	db, err := c.NewDatabase(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	const readmeURL = "postgres://dossier_admin@hub.example/newsroom"
	lines := strings.Split(block, "\n")
	for _, l := range lines {
		args := strings.Fields(l)
		if len(args) < 3 || args[0] != "dossier" {
			t.Fatalf("README hub line %q is not a dossier command", l)
		}
		for i, a := range args {
			if a == readmeURL {
				args[i] = c.AdminURL(db)
			}
			if a == "--password-file" {
				if err := os.WriteFile(args[i+1], []byte("a-long-password\n"), 0o600); err != nil {
					t.Fatal(err)
				}
			}
		}
		if code, out, errOut := runHub("", args[1:]...); code != 0 || errOut != "" || out == "" {
			t.Errorf("README: %s\nexit %d, stdout %q, stderr %q", l, code, out, errOut)
		}
	}
	if len(lines) < 5 {
		t.Errorf("only %d commands in the README's hub block", len(lines))
	}
	readmeSyncBlock(t, section, strings.Replace(c.UserURL(db, "rana", ""), "rana:@", "rana@", 1))
}

// readmeSyncBlock runs the README's second hub block, the member's syncs, as rana (whom
// the first block added with the password written to rana.pw) on a new project, the
// password taken from PGPASSWORD as the README says.
func readmeSyncBlock(t *testing.T, section, ranaURL string) {
	t.Helper()
	_, rest, _ := strings.Cut(section, "```sh\n")
	_, rest, ok := strings.Cut(rest, "```sh\n")
	block, _, ok2 := strings.Cut(rest, "\n```")
	if !ok || !ok2 {
		t.Fatal("the README's Team hub section has no second ```sh block (the syncs)")
	}
	s, err := db.Create(context.Background(), "research.dossier")
	if err != nil {
		t.Fatal(err)
	}
	board := mustActor(t, s, "Harbour Board", app.Organisation)
	strike, err := s.CreateArticle(context.Background(), app.Article{Title: "Dockers strike in São Paulo",
		Body: "The dockers of São Paulo stopped work for a day over the new shift rota.", Date: "2026-03-04"})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	t.Setenv("PGPASSWORD", "a-long-password")
	const readmeURL = "postgres://rana@hub.example/newsroom"
	for _, l := range strings.Split(block, "\n") {
		args := strings.Fields(strings.ReplaceAll(l, readmeURL, ranaURL))
		if len(args) < 3 || args[0] != "dossier" || args[1] != "sync" {
			t.Fatalf("README sync line %q is not a dossier sync command", l)
		}
		if code, out, errOut := runCLI(args[1:]...); code != 0 || errOut != "" || !strings.Contains(out, "sent") {
			t.Errorf("README: %s\nexit %d, stdout %q, stderr %q", l, code, out, errOut)
		}
	}
	readmeHistoryBlock(t, rest, ranaURL, board)
	_, rest, _ = strings.Cut(rest, "```sh\n")
	readmeSearchBlock(t, rest, ranaURL, strike)
}

// readmeSearchBlock runs the README's fourth hub block, searching the hub and copying the
// article found, as rana, in a new project that syncs with the hub but is subscribed to a
// tag no article has (so the article is not there before the copy); the README's UUID
// stands for the article's.
func readmeSearchBlock(t *testing.T, section, ranaURL string, strike app.Article) {
	t.Helper()
	_, rest, ok := strings.Cut(section, "```sh\n")
	block, _, ok2 := strings.Cut(rest, "\n```")
	if !ok || !ok2 {
		t.Fatal("the README's Team hub section has no fourth ```sh block (hub search)")
	}
	t.Chdir(t.TempDir())
	s, err := db.Create(context.Background(), "research.dossier")
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if code, out, errOut := runCLI("sync", "--db", "research.dossier", "--hub", ranaURL, "--collection", "iraq-desk", "--only-tag", "no-such-tag"); code != 0 || errOut != "" {
		t.Fatalf("subscribed sync: exit %d\n%s%s", code, out, errOut)
	}
	uuidRE := regexp.MustCompile(`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`)
	const readmeURL = "postgres://rana@hub.example/newsroom"
	for _, l := range strings.Split(block, "\n") {
		args := strings.Fields(uuidRE.ReplaceAllString(strings.ReplaceAll(l, readmeURL, ranaURL), strike.UUID))
		if len(args) < 3 || args[0] != "dossier" {
			t.Fatalf("README search line %q is not a dossier command", l)
		}
		code, out, errOut := runCLI(args[1:]...)
		if code != 0 || errOut != "" || !strings.Contains(out, strike.Title) && args[1] == "hub" || out == "" {
			t.Errorf("README: %s\nexit %d, stdout %q, stderr %q", l, code, out, errOut)
		}
	}
	s, err = db.Open(context.Background(), "research.dossier")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got, err := s.FindArticle(context.Background(), strike.UUID); err != nil || got.Title != strike.Title {
		t.Errorf("the article the README copies is not in the project: %+v, %v", got, err)
	}
}

// readmeHistoryBlock runs the README's third hub block, history and revert, as rana: the
// actor synced by the block before is given a wrong description and synced again, and the
// README's change number stands for that change.
func readmeHistoryBlock(t *testing.T, section, ranaURL string, board app.Actor) {
	t.Helper()
	_, rest, ok := strings.Cut(section, "```sh\n")
	block, _, ok2 := strings.Cut(rest, "\n```")
	if !ok || !ok2 {
		t.Fatal("the README's Team hub section has no third ```sh block (history and revert)")
	}
	ctx := context.Background()
	s, err := db.Open(ctx, "research.dossier")
	if err != nil {
		t.Fatal(err)
	}
	board.Description = "a wrong description"
	if _, err := s.UpdateActor(ctx, board); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if code, out, errOut := runCLI("sync", "--db", "research.dossier"); code != 0 || errOut != "" {
		t.Fatalf("sync of the wrong edit: exit %d\n%s%s", code, out, errOut)
	}
	code, out, errOut := runCLI("hub", "history", "--url", ranaURL, "--collection", "iraq-desk", "--json", "--limit", "1")
	var got struct {
		Changes []app.HubChangeEntry `json:"changes"`
	}
	if err := json.Unmarshal([]byte(out), &got); code != 0 || err != nil || len(got.Changes) != 1 || got.Changes[0].UUID != board.UUID {
		t.Fatalf("the wrong edit is not the newest change: exit %d, %v\n%s%s", code, err, out, errOut)
	}
	const readmeURL, readmeChange = "postgres://rana@hub.example/newsroom", "412"
	for _, l := range strings.Split(block, "\n") {
		l = strings.ReplaceAll(l, readmeURL, ranaURL)
		args := strings.Fields(strings.ReplaceAll(l, "--change "+readmeChange, fmt.Sprint("--change ", got.Changes[0].Change)))
		if len(args) < 3 || args[0] != "dossier" || args[1] != "hub" {
			t.Fatalf("README history line %q is not a dossier hub command", l)
		}
		if code, out, errOut := runCLI(args[1:]...); code != 0 || errOut != "" || out == "" {
			t.Errorf("README: %s\nexit %d, stdout %q, stderr %q", l, code, out, errOut)
		}
	}
}
