package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"dossier/app"
	"dossier/db"
)

// concurrencySeconds is how long TestWindowAndTwoScriptsShareAProject runs its scripts:
// DOSSIER_CONCURRENCY_SECONDS, 20 by default so that `go test ./...` stays reasonable; the
// issue's full minute is DOSSIER_CONCURRENCY_SECONDS=60.
func concurrencySeconds(t *testing.T) time.Duration {
	s := os.Getenv("DOSSIER_CONCURRENCY_SECONDS")
	if s == "" {
		return 20 * time.Second
	}
	n, err := strconv.Atoi(s)
	if err != nil || n <= 0 {
		t.Fatalf("DOSSIER_CONCURRENCY_SECONDS=%q is not a number of seconds", s)
	}
	return time.Duration(n) * time.Second
}

// filedLine is an import's line for an article it filed: the title is between “ and ”.
var filedLine = regexp.MustCompile(`(?m)^filed: .* — “(.*)”`)

// script is one batch process's work: a run of real dossier commands, back to back.
type script struct {
	name     string
	commands int
	refused  []string // each command that did not exit 0, with its stderr
	titles   []string // the titles of every "filed:" line
	relates  int      // relate commands that succeeded
}

// TestWindowAndTwoScriptsShareAProject is the proof that the batch interface works
// beside the window: the window's store (a Store holding the window lock, polling
// data_version as the window does and writing as a user would) stays open on a project
// while two scripts run the real binary, importing folders of new articles and relating
// actors, for DOSSIER_CONCURRENCY_SECONDS. No command may be refused, every article a
// "filed:" line reported must be in the project at the end, every relation recorded
// must be there, and the window's counts must equal the project's.
func TestWindowAndTwoScriptsShareAProject(t *testing.T) {
	bin := dossierBinary(t)
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "shared.dossier")
	win, err := db.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer win.Close()
	if err := win.LockWindow(); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Harbour Board", "Dockers Union", "Ferry Line", "City Council"} {
		if _, err := win.CreateActor(ctx, app.Actor{Name: name, Kind: app.Organisation}); err != nil {
			t.Fatal(err)
		}
	}

	deadline := time.Now().Add(concurrencySeconds(t))
	scripts := []*script{{name: "a"}, {name: "b"}}
	var wg sync.WaitGroup
	for _, s := range scripts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.run(t, bin, path, dir, deadline)
		}()
	}

	// The window: polls data_version (on a tick, as the window does), recounts when
	// another program committed, and files an actor of its own now and then.
	stop := make(chan struct{})
	var windowErr error
	var noticed, ownActors int
	winDone := make(chan struct{})
	go func() {
		defer close(winDone)
		tick := time.NewTicker(200 * time.Millisecond)
		defer tick.Stop()
		last, err := win.DataVersion(ctx)
		if err != nil {
			windowErr = err
			return
		}
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			case <-tick.C:
			}
			v, err := win.DataVersion(ctx)
			if err != nil {
				windowErr = err
				return
			}
			if v != last {
				last = v
				noticed++
				if _, err := win.CountArticles(ctx, app.ArticleQuery{}); err != nil {
					windowErr = err
					return
				}
			}
			if i%5 == 0 {
				if _, err := win.CreateActor(ctx, app.Actor{Name: fmt.Sprintf("Window Actor %d", i), Kind: app.Person}); err != nil {
					windowErr = fmt.Errorf("the window's own write failed: %w", err)
					return
				}
				ownActors++
			}
		}
	}()
	wg.Wait()
	close(stop)
	<-winDone
	if windowErr != nil {
		t.Fatal(windowErr)
	}

	filed, relates, commands := 0, 0, 0
	for _, s := range scripts {
		for _, r := range s.refused {
			t.Errorf("script %s: a command was refused: %s", s.name, r)
		}
		filed += len(s.titles)
		relates += s.relates
		commands += s.commands
	}
	t.Logf("%d commands, %d articles filed, %d relations, %d window actors; the window noticed %d changes", commands, filed, relates, ownActors, noticed)
	if filed == 0 || relates == 0 || noticed == 0 {
		t.Fatalf("the test did too little to prove anything: %d filed, %d relations, %d changes noticed", filed, relates, noticed)
	}

	// Every acknowledged write is there, read by a fresh program.
	check, err := db.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer check.Close()
	have := map[string]bool{}
	for off := 0; ; off += 500 {
		rows, err := check.Articles(ctx, app.ArticleQuery{Offset: off, Limit: 500})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			have[r.Title] = true
		}
		if len(rows) < 500 {
			break
		}
	}
	for _, s := range scripts {
		for _, title := range s.titles {
			if !have[title] {
				t.Errorf("lost: “%s” was reported filed by script %s but is not in the project", title, s.name)
			}
		}
	}
	nRel := 0
	if err := check.EachRelation(ctx, app.RelationQuery{}, func(app.Relation) error { nRel++; return nil }); err != nil {
		t.Fatal(err)
	}
	if nRel != relates {
		t.Errorf("the project holds %d relations; the scripts recorded %d", nRel, relates)
	}

	// The window's counts match the project's.
	for what, pair := range map[string][2]func() (int, error){
		"articles": {
			func() (int, error) { return win.CountArticles(ctx, app.ArticleQuery{}) },
			func() (int, error) { return check.CountArticles(ctx, app.ArticleQuery{}) },
		},
		"actors": {
			func() (int, error) { return win.CountActors(ctx, app.ActorQuery{}) },
			func() (int, error) { return check.CountActors(ctx, app.ActorQuery{}) },
		},
	} {
		w, err1 := pair[0]()
		c, err2 := pair[1]()
		if err1 != nil || err2 != nil || w != c {
			t.Errorf("%s: the window counts %d (%v), the project holds %d (%v)", what, w, err1, c, err2)
		}
	}
	if n, _ := win.CountArticles(ctx, app.ArticleQuery{}); n != filed {
		t.Errorf("the window counts %d articles; the scripts filed %d", n, filed)
	}
	if n, _ := win.CountActors(ctx, app.ActorQuery{}); n != 4+ownActors {
		t.Errorf("the window counts %d actors, want %d", n, 4+ownActors)
	}
}

// run runs the script's commands until deadline: import a folder of three new articles,
// then record a relation between two of the actors, over and over.
func (s *script) run(t *testing.T, bin, project, dir string, deadline time.Time) {
	actors := []string{"Harbour Board", "Dockers Union", "Ferry Line", "City Council"}
	for i := 0; time.Now().Before(deadline); i++ {
		folder := filepath.Join(dir, fmt.Sprintf("feed-%s-%d", s.name, i))
		if err := os.Mkdir(folder, 0o755); err != nil {
			s.refused = append(s.refused, err.Error())
			return
		}
		for j := 0; j < 3; j++ {
			title := fmt.Sprintf("Script %s report %d.%d on the harbour", s.name, i, j)
			body := fmt.Sprintf("%s\n\nThe harbour board met the dockers for the %d time, in round %d of script %s; item %d.\n", title, i*3+j, i, s.name, j)
			os.WriteFile(filepath.Join(folder, fmt.Sprintf("r%d.txt", j)), []byte(body), 0o644)
		}
		out, ok := s.command(bin, "import", "--db", project, folder)
		if ok {
			for _, m := range filedLine.FindAllStringSubmatch(out, -1) {
				s.titles = append(s.titles, m[1])
			}
		}
		from, to := actors[i%4], actors[(i+1)%4]
		if _, ok := s.command(bin, "relate", "--db", project, "--from", from, "--type", "threatens", "--to", to, "--undated", "--new",
			"--note", fmt.Sprintf("script %s round %d", s.name, i)); ok {
			s.relates++
		}
	}
}

// command runs one dossier command and records it; ok is false for a refused one.
func (s *script) command(bin string, args ...string) (string, bool) {
	s.commands++
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "XDG_DATA_HOME="+filepath.Dir(bin))
	var out, errOut strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	if err != nil {
		s.refused = append(s.refused, fmt.Sprintf("dossier %s: %v: %s", strings.Join(args, " "), err, errOut.String()))
		return out.String(), false
	}
	return out.String(), true
}
