package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dossier/assets"
)

// TestWelcomeShownUntilDismissed: the first start shows the welcome; once closed it stays
// away, unless the user asked to see it at every start.
func TestWelcomeShownUntilDismissed(t *testing.T) {
	mw, _ := newTestWindow(t)
	prefs := fyne.CurrentApp().Preferences()
	mw.WelcomeIfFirst(prefs)
	if !strings.Contains(actorsDialogText(t, mw.u), "Welcome to Dossier") {
		t.Fatalf("the first start shows no welcome: %q", actorsDialogText(t, mw.u))
	}
	actorsTapButton(t, mw.u, "Close")
	if mw.u.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Close left the welcome open")
	}
	mw.WelcomeIfFirst(prefs)
	if mw.u.win.Canvas().Overlays().Top() != nil {
		t.Fatal("the welcome came back after it was closed")
	}

	mw.showWelcome(prefs) // Help ▸ Welcome, asking to see it at every start
	for _, o := range test.LaidOutObjects(actorsTopDialog(t, mw.u)) {
		if c, ok := o.(*widget.Check); ok {
			test.Tap(c)
		}
	}
	actorsTapButton(t, mw.u, "Close")
	mw.WelcomeIfFirst(prefs)
	if mw.u.win.Canvas().Overlays().Top() == nil {
		t.Fatal("asked to see the welcome at every start, the next start did not show it")
	}
}

// TestWelcomeButtonsAreMenuItems: each welcome button runs the menu item of its label (so
// they cannot drift apart), and does something: a dialog or window opens.
func TestWelcomeButtonsAreMenuItems(t *testing.T) {
	for _, label := range welcomeActions {
		t.Run(label, func(t *testing.T) {
			mw, _ := newTestWindow(t)
			if mw.menuAction(label) == nil {
				t.Fatalf("no menu item is labelled %q", label)
			}
			mw.showWelcome(fyne.CurrentApp().Preferences())
			welcome := mw.u.win.Canvas().Overlays().Top()
			actorsTapButton(t, mw.u, label)
			top := mw.u.win.Canvas().Overlays().Top()
			if (top == nil || top == welcome) && mw.guide == nil {
				t.Fatalf("%q opened nothing", label)
			}
		})
	}
}

// TestUserGuideCoversTheWindow: the bundled guide renders, and names every screen of the
// window and every item of the Help menu, so it does not fall behind them.
func TestUserGuideCoversTheWindow(t *testing.T) {
	mw, _ := newTestWindow(t)
	mw.showGuide()
	if mw.guide == nil {
		t.Fatal("Help ▸ User guide opened no window")
	}
	shown := mw.guide
	mw.showGuide()
	if mw.guide != shown {
		t.Fatal("a second Help ▸ User guide opened another window")
	}
	text := widget.NewRichTextFromMarkdown(assets.Guide())
	if len(text.Segments) < 20 {
		t.Fatalf("the guide renders as %d segments", len(text.Segments))
	}
	plain := strings.ReplaceAll(assets.Guide(), "**", "") // RichText.String leaves out lists
	var names []string
	for _, b := range mw.tabs {
		names = append(names, b.Text)
	}
	for _, m := range mw.u.win.MainMenu().Items {
		if m.Label == "Help" {
			for _, it := range m.Items {
				if it.Label != "Welcome" && it.Label != "User guide" {
					names = append(names, "Help ▸ "+it.Label)
				}
			}
		}
	}
	for _, n := range names {
		if !strings.Contains(plain, n) {
			t.Errorf("the user guide (assets/guide.md) does not mention %q", n)
		}
	}
	mw.guide.Close()
	if mw.guide != nil {
		t.Fatal("the closed guide window is still remembered")
	}
}
