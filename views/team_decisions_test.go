package views

import (
	"context"
	"strings"
	"testing"

	"dossier/app"
)

// A decision in conflict is shown in the window like a record: a name zeno dismissed
// that this project made an actor of is listed with why, and Keep mine withdraws the
// dismissal for the team.
func TestTeamShowsADecisionConflict(t *testing.T) {
	ctx := context.Background()
	c, name := teamHub(t, "yara", "zeno")
	zeno := colleagueProject(t)
	memberSync(t, c, name, "zeno", zeno)

	mw, st := checkWindow(t)
	mw.projects.ConnectHub = hubConnector
	connectWindow(t, mw, c, name, &testTimers{})
	ts := mw.team

	if err := zeno.DismissSuggestion(ctx, "Kestravik Post"); err != nil {
		t.Fatal(err)
	}
	memberSync(t, c, name, "zeno", zeno)
	if _, err := st.CreateActor(ctx, app.Actor{Name: "Kestravik Post", Kind: app.Organisation}); err != nil {
		t.Fatal(err)
	}
	mw.syncNow()
	if got := ts.line.Text; !strings.Contains(got, "1 conflict") {
		t.Errorf("with a conflict the status bar says %q", got)
	}
	if text := dossierText(mw.u.win.Canvas().Overlays().Top()); !strings.Contains(text, "Kestravik Post") || !strings.Contains(text, "dismissed on the hub by zeno") {
		t.Errorf("the conflict is not shown with why:\n%s", text)
	}
	tapDialogButton(t, mw.u.win, "Keep mine")
	if got := ts.line.Text; !strings.HasPrefix(got, "Team: synced ") {
		t.Errorf("after settling the status bar says %q", got)
	}
	memberSync(t, c, name, "zeno", zeno)
	for who, s := range map[string]interface {
		DismissedSuggestions(context.Context) ([]string, error)
	}{"yara": st, "zeno": zeno} {
		if l, err := s.DismissedSuggestions(ctx); err != nil || len(l) != 0 {
			t.Errorf("%s still dismisses %v (%v)", who, l, err)
		}
	}
}
