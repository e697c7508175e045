package hub_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"dossier/app"
)

// dossier hub history and revert end to end: bruno's wrong edit is listed with who and
// which field, --json carries the versions, ayse reverts it by its number; a revert of a
// change made stale is refused naming the later change (exit non-zero, message on stderr);
// bad flags are refused before connecting.
func TestHubHistoryAndRevertCommands(t *testing.T) {
	ctx := context.Background()
	tm := newTeam(t)
	a, b := newProject(t), newProject(t)
	_, board, _ := seed(t, a)
	tm.mustSync(t, a, "ayse")
	tm.mustSync(t, b, "bruno")
	x, err := b.FindActor(ctx, "Harbour Board")
	if err != nil {
		t.Fatal(err)
	}
	x.Description = "a wrong description"
	if _, err := b.UpdateActor(ctx, x); err != nil {
		t.Fatal(err)
	}
	tm.mustSync(t, b, "bruno")

	code, out, errOut := runCLI("hub", "history", "--url", tm.url("ayse"), "--collection", "desk", "--record", board.UUID)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || errOut != "" || len(lines) != 2 || !strings.Contains(lines[0], tm.user("bruno")+"  changed description  actor "+board.UUID+"  Harbour Board") ||
		!strings.Contains(lines[1], "created") {
		t.Fatalf("history: exit %d\n%s%s", code, out, errOut)
	}
	code, out, _ = runCLI("hub", "history", "--url", tm.url("eli"), "--collection", "desk", "--json")
	var got struct {
		Changes []app.HubChangeEntry `json:"changes"`
		More    bool                 `json:"more"`
	}
	if err := json.Unmarshal([]byte(out), &got); code != 0 || err != nil || len(got.Changes) != 4 || got.More {
		t.Fatalf("a reader's --json history: exit %d, %v, %d changes\n%s", code, err, len(got.Changes), out)
	}
	wrong := got.Changes[0]
	if wrong.UUID != board.UUID || !strings.Contains(string(wrong.After), "a wrong description") {
		t.Errorf("the newest change: %+v", wrong)
	}
	code, out, _ = runCLI("hub", "history", "--url", tm.url("ayse"), "--collection", "desk", "--limit", "2")
	if code != 0 || !strings.HasSuffix(strings.TrimSpace(out), "(the newest 2 changes shown; more with --limit)") {
		t.Errorf("a cut history does not say so:\n%s", out)
	}

	code, out, errOut = runCLI("hub", "revert", "--url", tm.url("ayse"), "--collection", "desk", "--change", fmt.Sprint(wrong.Change))
	if code != 0 || errOut != "" || !strings.HasPrefix(out, fmt.Sprintf("reverted change %d: actor %s is back", wrong.Change, board.UUID)) {
		t.Fatalf("revert: exit %d\n%s%s", code, out, errOut)
	}
	tm.mustSync(t, b, "bruno")
	if y, _ := b.FindActor(ctx, "Harbour Board"); y.Description != "" {
		t.Errorf("bruno's project after the revert: %q", y.Description)
	}
	code, _, errOut = runCLI("hub", "revert", "--url", tm.url("ayse"), "--collection", "desk", "--change", fmt.Sprint(wrong.Change))
	if code == 0 || !strings.Contains(errOut, "changed again since change") {
		t.Errorf("reverting twice: exit %d, %s", code, errOut)
	}
	for _, args := range [][]string{
		{"hub", "revert", "--url", tm.url("ayse"), "--collection", "desk", "--change", "twelve"},
		{"hub", "history", "--url", tm.url("ayse"), "--collection", "desk", "--record", "not-a-uuid"},
		{"hub", "history", "--url", tm.url("ayse")},
	} {
		if code, _, errOut := runCLI(args...); code == 0 || errOut == "" {
			t.Errorf("%v: exit %d, %q", args[1:], code, errOut)
		}
	}
}
