package hub_test

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"dossier/app"
	"dossier/app/cli"
	"dossier/db"
	"dossier/db/hub"
)

// runSync runs a dossier command with a real project store and hub.
func runCLI(args ...string) (code int, out, errOut string) {
	var o, e bytes.Buffer
	env := cli.Env{Stdout: &o, Stderr: &e,
		Open: func(ctx context.Context, path string) (cli.Store, error) {
			s, err := db.Open(ctx, path)
			if err != nil {
				return nil, err
			}
			return s, nil
		},
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

// dossier sync end to end: the first sync sends, the colleague's receives, a conflict
// exits non-zero with the record listed and nothing written until --conflicts, the hub
// and collection are remembered (without the password), and --json reports the counts.
func TestSyncCommand(t *testing.T) {
	ctx := context.Background()
	tm := newTeam(t)
	dir := t.TempDir()
	pa, pb := filepath.Join(dir, "a.dossier"), filepath.Join(dir, "b.dossier")
	for _, p := range []string{pa, pb} {
		s, err := db.Create(ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		if p == pa {
			seed(t, s)
		}
		s.Close()
	}
	code, out, errOut := runCLI("sync", "--db", pa, "--hub", tm.url("ayse"), "--collection", "desk")
	if code != 0 || errOut != "" || !strings.Contains(out, "5 sent, 0 received") || strings.Contains(out, "ayse-password") {
		t.Fatalf("ayse's sync: exit %d\n%s%s", code, out, errOut)
	}
	code, out, errOut = runCLI("sync", "--db", pb, "--hub", tm.url("bruno"), "--collection", "desk", "--json")
	var rep app.HubSyncReport
	if code != 0 || errOut != "" || json.Unmarshal([]byte(out), &rep) != nil || rep.Received != 5 {
		t.Fatalf("bruno's sync: exit %d\n%s%s", code, out, errOut)
	}
	// Both edit the same actor: bruno's next sync (hub and collection remembered) stops.
	for _, p := range []struct{ path, desc, user string }{{pa, "harbour master", "ayse"}, {pb, "former harbour master", "bruno"}} {
		s, err := db.Open(ctx, p.path)
		if err != nil {
			t.Fatal(err)
		}
		a, err := s.FindActor(ctx, "Ilse Marquand")
		if err != nil {
			t.Fatal(err)
		}
		a.Description = p.desc
		if _, err := s.UpdateActor(ctx, a); err != nil {
			t.Fatal(err)
		}
		s.Close()
	}
	if code, out, errOut := runCLI("sync", "--db", pa, "--hub", tm.url("ayse")); code != 0 || !strings.Contains(out, "1 sent") {
		t.Fatalf("ayse's second sync: exit %d\n%s%s", code, out, errOut)
	}
	t.Setenv("PGPASSWORD", "bruno-password") // the remembered URL holds no password
	code, out, errOut = runCLI("sync", "--db", pb)
	if code == 0 || !strings.Contains(out, "conflicts (changed on both sides): 1") || !strings.Contains(out, "Ilse Marquand") || !strings.Contains(errOut, "--conflicts") {
		t.Fatalf("a conflict: exit %d\n%s%s", code, out, errOut)
	}
	if code, out, errOut := runCLI("sync", "--db", pb, "--conflicts", "theirs"); code != 0 || errOut != "" || !strings.Contains(out, "took theirs") {
		t.Fatalf("settled: exit %d\n%s%s", code, out, errOut)
	}
	if code, _, errOut := runCLI("sync", "--db", pb, "--conflicts", "newest"); code == 0 || !strings.Contains(errOut, "mine, theirs or both") {
		t.Errorf("a wrong --conflicts: exit %d %s", code, errOut)
	}
	s, err := db.Open(ctx, pb)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	places, err := s.HubPlaces(ctx)
	if err != nil || len(places) != 1 || strings.Contains(places[0].URL, "password") || places[0].Collection != "desk" {
		t.Errorf("remembered %+v %v", places, err)
	}
}
