package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"dossier/app"
	"dossier/db"
)

// The crash tests run the real binary and kill it with SIGKILL (Process.Kill) at random
// moments: during an import, a backup and a restore. After each kill the project must
// open, pass the full check (dossier check), hold every article reported filed and none
// twice, and a later import must file exactly what is missing. The moments come from a
// seeded generator whose seed is logged; DOSSIER_CRASH_SEED replays a run.

// crashSeed returns the seed of this run's kill moments, logged so a failure can be
// replayed.
func crashSeed(t *testing.T) int64 {
	t.Helper()
	seed := time.Now().UnixNano()
	if v := os.Getenv("DOSSIER_CRASH_SEED"); v != "" {
		var err error
		if seed, err = strconv.ParseInt(v, 10, 64); err != nil {
			t.Fatalf("DOSSIER_CRASH_SEED=%q is not a number", v)
		}
	}
	t.Logf("kill moments from seed %d (DOSSIER_CRASH_SEED=%d replays them)", seed, seed)
	return seed
}

// Invented words for the invented articles.
var (
	crashPlaces = []string{"Harrowmere", "the Vell estuary", "Old Quarry Lane", "Pellingford", "the north mole",
		"Saltgate", "the Brenn valley", "Oxhollow", "the ferry slip", "Marrowby"}
	crashSubjects = []string{"The parish council", "A tenants' group", "The water board", "Two fishing crews",
		"The harbour master", "A school governor", "The county surveyor", "Local carpenters", "The lock keeper"}
	crashVerbs   = []string{"questioned", "postponed", "welcomed", "objected to", "paid for", "surveyed", "reopened", "mapped"}
	crashObjects = []string{"the new sluice gate", "a footbridge repair", "the winter timetable", "the rates for moorings",
		"a grant for the library", "the flood wall", "the market licence", "a study of the dunes"}
	crashWhen = []string{"on Monday", "last week", "before the spring tide", "after a long meeting", "in a short letter",
		"at the annual hearing", "without a vote", "for the third time"}
)

// writeCrashArticles writes n small invented articles, a0000.txt to a(n-1).txt, each with
// a serial number in its title and text so that no two are alike. Every fifth names
// actor, so filing it links a mention.
func writeCrashArticles(t *testing.T, dir string, n int, actor string) {
	t.Helper()
	rng := rand.New(rand.NewSource(int64(n)))
	pick := func(l []string) string { return l[rng.Intn(len(l))] }
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for i := range n {
		var b strings.Builder
		fmt.Fprintf(&b, "Dispatch %04d from %s\n\n", i, pick(crashPlaces))
		fmt.Fprintf(&b, "This is dispatch %04d.", i)
		for range 3 + rng.Intn(4) {
			fmt.Fprintf(&b, " %s %s %s in %s %s.", pick(crashSubjects), pick(crashVerbs), pick(crashObjects), pick(crashPlaces), pick(crashWhen))
		}
		if i%5 == 0 {
			fmt.Fprintf(&b, " %s said the matter would come back in the autumn.", actor)
		}
		b.WriteString("\n")
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%04d.txt", i)), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// crashRun is what one run of the binary printed before it ended or was killed.
type crashRun struct {
	filed, dups map[int]bool // serials of the articles reported filed, or as duplicates
	summary     string       // the count line, when the run got that far
	code        int
	stderr      string
	took        time.Duration
}

var (
	resultLine  = regexp.MustCompile(`^(filed|duplicate): .*a(\d{4})\.txt — `)
	summaryLine = regexp.MustCompile(`^\d+ filed, \d+ duplicates, \d+ refused$`)
)

// killAt says when to kill a run: once afterLines result lines have been read, wait delay
// more (a timer on an event loop that also watches the output; no sleep), then kill. A
// negative afterLines never kills.
type killAt struct {
	afterLines int
	delay      time.Duration
}

// runKilled runs the binary and kills it at the moment k says, unless it ends first. It
// returns what the run printed: every line written before the kill is read to the end of
// the pipe.
func runKilled(t *testing.T, bin string, env []string, k killAt, args ...string) crashRun {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append([]string{"PATH=" + os.Getenv("PATH")}, env...)
	var errOut bytes.Buffer
	cmd.Stderr = &errOut
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			lines <- sc.Text()
		}
		io.Copy(io.Discard, stdout)
	}()
	run := crashRun{filed: map[int]bool{}, dups: map[int]bool{}}
	var fire <-chan time.Time
	arm := func() { fire = time.NewTimer(k.delay).C }
	if k.afterLines == 0 {
		arm()
	}
	seen := 0
	for lines != nil {
		select {
		case line, ok := <-lines:
			if !ok {
				lines = nil
				break
			}
			if m := resultLine.FindStringSubmatch(line); m != nil {
				n, _ := strconv.Atoi(m[2])
				if m[1] == "filed" {
					run.filed[n] = true
				} else {
					run.dups[n] = true
				}
				if seen++; seen == k.afterLines {
					arm()
				}
			} else if summaryLine.MatchString(line) {
				run.summary = line
			}
		case <-fire:
			cmd.Process.Kill() // SIGKILL on Unix: no deferred code, no flush, no close
			fire = nil
		}
	}
	err = cmd.Wait()
	run.took = time.Since(start)
	run.code = cmd.ProcessState.ExitCode()
	if _, ok := err.(*exec.ExitError); err != nil && !ok {
		t.Fatal(err)
	}
	run.stderr = errOut.String()
	return run
}

// projectArticles opens the project as Dossier does and returns the serials of its
// articles, failing on one filed twice or one the test did not write.
func projectArticles(t *testing.T, path string, n int) map[int]bool {
	t.Helper()
	ctx := context.Background()
	s, err := db.Open(ctx, path)
	if err != nil {
		t.Fatalf("the project does not open: %v", err)
	}
	defer s.Close()
	rows, err := s.Articles(ctx, app.ArticleQuery{Limit: 10 * n})
	if err != nil {
		t.Fatalf("listing the articles: %v", err)
	}
	serial := regexp.MustCompile(`^Dispatch (\d{4}) from `)
	got := map[int]bool{}
	for _, r := range rows {
		m := serial.FindStringSubmatch(r.Title)
		if m == nil {
			t.Fatalf("an article the test did not write: %q", r.Title)
		}
		i, _ := strconv.Atoi(m[1])
		if got[i] {
			t.Fatalf("dispatch %04d is filed twice", i)
		}
		got[i] = true
	}
	return got
}

// mustPassCheck runs the full check of the project in a process of its own.
func mustPassCheck(t *testing.T, bin string, env []string, path, after string) {
	t.Helper()
	code, out, errOut := runBinary(t, bin, env, "check", "--db", path)
	if code != 0 || errOut != "" {
		t.Fatalf("after %s: dossier check exit %d\n%s\n%s", after, code, out, errOut)
	}
}

func missingFrom(all int, have map[int]bool) []int {
	var l []int
	for i := range all {
		if !have[i] {
			l = append(l, i)
		}
	}
	return l
}

func keys(m map[int]bool) []int {
	l := make([]int, 0, len(m))
	for k := range m {
		l = append(l, k)
	}
	sort.Ints(l)
	return l
}

// TestImportKilledAtRandomMoments imports 2,000 articles and kills the import with
// SIGKILL at 10 random moments (after a random count of result lines, or from the start,
// plus a random delay of up to 200 ms, so kills land while a batch is filed, while it is committed and
// between batches), running the import again after each. Every time: the project opens
// and passes the full check; every article reported filed, in any run, is there; none is
// there twice; the next import reports as duplicates exactly the articles that are there
// and files only the others; an import that runs to its end leaves all 2,000.
func TestImportKilledAtRandomMoments(t *testing.T) {
	const n, kills = 2000, 10
	bin := dossierBinary(t)
	rng := rand.New(rand.NewSource(crashSeed(t)))
	dir := t.TempDir()
	env := []string{"HOME=" + dir, "XDG_DATA_HOME=" + dir, "LANG=C.UTF-8"}
	articles := filepath.Join(dir, "in")
	const actor = "Orla Fenwick"
	writeCrashArticles(t, articles, n, actor)

	project, round := "", 0
	fresh := func() {
		round++
		project = filepath.Join(dir, fmt.Sprintf("p%d.dossier", round))
		if code, out, errOut := runBinary(t, bin, env, "actor", "add", "--db", project, "--create", "--name", actor); code != 0 {
			t.Fatalf("actor add: %d %s %s", code, out, errOut)
		}
	}
	fresh()
	have := map[int]bool{}
	killed := 0
	for attempt := 0; killed < kills; attempt++ {
		if attempt > 4*kills {
			t.Fatalf("only %d of %d runs were killed before they ended", killed, kills)
		}
		k := killAt{afterLines: rng.Intn(n), delay: time.Duration(rng.Intn(200)) * time.Millisecond}
		if rng.Intn(5) == 0 {
			k.afterLines = 0 // from the start: while the project is opened and the first batch filed
		}
		run := runKilled(t, bin, env, k, "import", "--db", project, articles)
		if run.stderr != "" && run.summary != "" {
			t.Fatalf("run %d wrote on stderr: %s", attempt, run.stderr)
		}
		after := fmt.Sprintf("run %d (kill after %d lines + %v; %d filed, %d duplicates reported)", attempt, k.afterLines, k.delay, len(run.filed), len(run.dups))
		mustPassCheck(t, bin, env, project, after)
		now := projectArticles(t, project, n)
		for i := range run.filed {
			if have[i] {
				t.Fatalf("%s: dispatch %04d was filed again though it was there", after, i)
			}
			if !now[i] {
				t.Fatalf("%s: dispatch %04d was reported filed but is missing", after, i)
			}
		}
		for i := range run.dups {
			if !have[i] {
				t.Fatalf("%s: dispatch %04d was reported a duplicate but was not there", after, i)
			}
		}
		for i := range have {
			if !now[i] {
				t.Fatalf("%s: dispatch %04d, there before the run, is gone", after, i)
			}
		}
		unreported := 0
		for i := range now {
			if !have[i] && !run.filed[i] {
				unreported++ // committed, killed before its line was printed: allowed
			}
		}
		if run.summary == "" {
			killed++
			t.Logf("%s: killed; %d articles there, %d of them filed without a line", after, len(now), unreported)
			have = now
			continue
		}
		// The run ended (perhaps killed while it closed the project, after its count line:
		// exit -1): it filed exactly what was missing.
		if run.code == -1 {
			killed++
		}
		if run.code != 0 && run.code != -1 || unreported != 0 || len(run.filed)+len(run.dups) != n || len(now) != n {
			t.Fatalf("%s ended (exit %d, %q) but left %d articles, %d unreported; missing %v", after, run.code, run.summary, len(now), unreported, missingFrom(n, now))
		}
		if want := fmt.Sprintf("%d filed, %d duplicates, 0 refused", n-len(have), len(have)); run.summary != want {
			t.Fatalf("%s: summary %q, want %q", after, run.summary, want)
		}
		t.Logf("%s: ended (exit %d), all %d articles there; starting a new project", after, run.code, n)
		fresh()
		have = map[int]bool{}
	}
	// The last import, to its end, files exactly the articles still missing.
	run := runKilled(t, bin, env, killAt{afterLines: -1}, "import", "--db", project, articles)
	if want := fmt.Sprintf("%d filed, %d duplicates, 0 refused", n-len(have), len(have)); run.code != 0 || run.summary != want || run.stderr != "" {
		t.Fatalf("the last import: exit %d, summary %q (want %q), stderr %s", run.code, run.summary, want, run.stderr)
	}
	if got := keys(run.filed); len(got) != n-len(have) || len(keys(run.dups)) != len(have) {
		t.Fatalf("the last import filed %d and found %d duplicates; %d were there", len(got), len(run.dups), len(have))
	}
	if now := projectArticles(t, project, n); len(now) != n {
		t.Fatalf("after the last import %d articles, missing %v", len(now), missingFrom(n, now))
	}
	mustPassCheck(t, bin, env, project, "the last import")
}

// backupsIn verifies every backup in the project's backups folder, as restore would
// before using one, and returns the newest and how many unverified temporary copies a
// killed backup left (they never carry a backup's name). A file under a backup's name
// that does not verify fails the test.
func backupsIn(t *testing.T, dir, after string) (newest app.BackupInfo, partial int) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.Contains(e.Name(), app.BackupTempMarker) {
			partial++
			continue
		}
		info, err := db.VerifyBackup(context.Background(), filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatalf("after %s: %s in the backups folder does not verify: %v", after, e.Name(), err)
		}
		if _, ok := app.ParseBackupName(e.Name()); ok && e.Name() > filepath.Base(newest.Path) {
			newest = info
		}
	}
	return newest, partial
}

// TestBackupAndRestoreKilledAtRandomMoments kills dossier backup (into the backups
// folder, and with --out) and dossier restore with SIGKILL at random moments, each within
// the time a whole run takes. After each kill the project opens and passes the full
// check and holds either what it held or the whole backup (for restore); every file under
// a backup's name verifies (a killed backup leaves only a temporary copy, never a
// half-written file under a backup's name); the backup being restored is unchanged; and
// at the end the newest backup restores to a project that passes the check.
func TestBackupAndRestoreKilledAtRandomMoments(t *testing.T) {
	const n, half, kills = 600, 300, 8
	bin := dossierBinary(t)
	rng := rand.New(rand.NewSource(crashSeed(t)))
	dir := t.TempDir()
	env := []string{"HOME=" + dir, "XDG_DATA_HOME=" + dir, "LANG=C.UTF-8"}
	articles := filepath.Join(dir, "in")
	writeCrashArticles(t, articles, n, "Orla Fenwick")
	project := filepath.Join(dir, "p.dossier")
	backups := app.BackupDir(filepath.Join(dir, "Dossier"), project)
	must := func(args ...string) string {
		t.Helper()
		code, out, errOut := runBinary(t, bin, env, args...)
		if code != 0 || errOut != "" {
			t.Fatalf("dossier %s: exit %d\n%s\n%s", strings.Join(args, " "), code, out, errOut)
		}
		return out
	}
	var first []string
	for i := range half {
		first = append(first, filepath.Join(articles, fmt.Sprintf("a%04d.txt", i)))
	}
	must(append([]string{"import", "--db", project, "--create"}, first...)...)
	old := filepath.Join(dir, "old.dossier")
	must("backup", "--db", project, "--out", old)
	oldBytes, err := os.ReadFile(old)
	if err != nil {
		t.Fatal(err)
	}
	must("import", "--db", project, articles)

	// Backups. A whole run first, to know how long one takes.
	whole := runKilled(t, bin, env, killAt{afterLines: -1}, "backup", "--db", project)
	if whole.code != 0 || whole.stderr != "" {
		t.Fatalf("backup: exit %d %s", whole.code, whole.stderr)
	}
	for i := range kills {
		args := []string{"backup", "--db", project}
		out := ""
		if i%2 == 1 {
			out = filepath.Join(dir, fmt.Sprintf("out-%d.dossier", i))
			args = append(args, "--out", out)
		}
		k := killAt{delay: time.Duration(rng.Int63n(int64(whole.took) * 13 / 10))}
		run := runKilled(t, bin, env, k, args...)
		after := fmt.Sprintf("backup %d killed at %v (exit %d)", i, k.delay, run.code)
		mustPassCheck(t, bin, env, project, after)
		if got := projectArticles(t, project, n); len(got) != n {
			t.Fatalf("after %s the project holds %d articles, not %d", after, len(got), n)
		}
		newest, partial := backupsIn(t, backups, after)
		if newest.Counts.Articles != n {
			t.Fatalf("after %s the newest backup holds %d articles", after, newest.Counts.Articles)
		}
		if out != "" {
			if _, err := os.Stat(out); err == nil {
				if _, err := db.VerifyBackup(context.Background(), out); err != nil {
					t.Fatalf("after %s, --out %s is there but does not verify: %v", after, out, err)
				}
			}
		}
		t.Logf("%s: newest backup %s verifies; %d temporary copies left", after, filepath.Base(newest.Path), partial)
	}

	// Restores of old (half the articles) over the whole project.
	whole = runKilled(t, bin, env, killAt{afterLines: -1}, "restore", "--db", project, "--from", old)
	if whole.code != 0 || whole.stderr != "" {
		t.Fatalf("restore: exit %d %s", whole.code, whole.stderr)
	}
	for i := range kills {
		if got := projectArticles(t, project, n); len(got) != n {
			must("import", "--db", project, articles) // back to the whole project
		}
		k := killAt{delay: time.Duration(rng.Int63n(int64(whole.took) * 13 / 10))}
		run := runKilled(t, bin, env, k, "restore", "--db", project, "--from", old)
		after := fmt.Sprintf("restore %d killed at %v (exit %d)", i, k.delay, run.code)
		mustPassCheck(t, bin, env, project, after)
		got := len(projectArticles(t, project, n))
		if got != n && got != half {
			t.Fatalf("after %s the project holds %d articles: neither what it held (%d) nor the backup (%d)", after, got, n, half)
		}
		if b, _ := os.ReadFile(old); !bytes.Equal(b, oldBytes) {
			t.Fatalf("after %s the backup being restored changed", after)
		}
		newest, _ := backupsIn(t, backups, after)
		leftovers, _ := filepath.Glob(filepath.Join(dir, ".p.dossier.restore-*"))
		t.Logf("%s: the project holds %d articles; newest backup %s (%d articles) verifies; %d temporary copies beside the project",
			after, got, filepath.Base(newest.Path), newest.Counts.Articles, len(leftovers))
	}

	// The newest backup is usable: it restores to a whole project.
	newest, _ := backupsIn(t, backups, "the last restore")
	must("restore", "--db", project, "--from", newest.Path)
	mustPassCheck(t, bin, env, project, "restoring the newest backup")
	if got := len(projectArticles(t, project, n)); int64(got) != newest.Counts.Articles {
		t.Fatalf("restored %d articles from a backup of %d", got, newest.Counts.Articles)
	}
}
