package hub_test

import (
	"bytes"
	"context"
	"os"
	"regexp"
	"strings"
	"testing"

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
}
