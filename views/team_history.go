package views

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
)

// The dossier's History…: the changes the team's hub logged for the actor and its
// relations (who, when, which fields), newest first, each with Revert when no change
// came after it. A revert is written on the hub as a new change, then this project syncs
// to take it in; colleagues get it on their next sync.

// teamHistoryHub is what History… needs of a hub (db/hub's Hub).
type teamHistoryHub interface {
	Collection(ctx context.Context, name string) (id string, canWrite bool, err error)
	History(ctx context.Context, collectionID string, uuids []string, limit int) ([]app.HubChangeEntry, bool, error)
	Revert(ctx context.Context, collectionID, collection string, change int64) (app.HubChangeEntry, error)
}

// historyLimit is how many changes History… lists (it says so when there are more).
const historyLimit = 200

// withHistoryHub runs f with a connection of the session's pool and the collection; off
// the UI goroutine. Not connected, it says how to connect.
func (mw *Window) withHistoryHub(f func(ctx context.Context, h teamHistoryHub, id string, place app.HubPlace) error) {
	ts := mw.teamState()
	ts.mu.Lock()
	place := ts.place
	ts.mu.Unlock()
	if place.URL == "" || mw.projects.ConnectHub == nil {
		mw.u.showInfo("Team history", "The history is kept on the team's hub: connect first (File ▸ Team ▸ Connect…).")
		return
	}
	mw.u.async(func(ctx context.Context) {
		err := mw.withHub(ctx, func(c TeamHub, place app.HubPlace) error {
			h, ok := c.(teamHistoryHub)
			if !ok {
				return app.Errorf(app.EINTERNAL, "This build of Dossier cannot read a hub's history.")
			}
			id, _, err := h.Collection(ctx, place.Collection)
			if err != nil {
				return err
			}
			return f(ctx, h, id, place)
		})
		if err != nil {
			mw.u.showError(err)
		}
	})
}

// teamHistoryOpener is the dossier's way to History…: nil while no hub is connected.
func (mw *Window) teamHistoryOpener() func(app.Dossier) {
	if mw.team == nil {
		return nil
	}
	mw.team.mu.Lock()
	defer mw.team.mu.Unlock()
	if mw.team.place.URL == "" {
		return nil
	}
	return mw.showTeamHistory
}

// showTeamHistory is the dossier's History…: the changes of d's actor and relations.
func (mw *Window) showTeamHistory(d app.Dossier) {
	uuids := []string{d.Actor.UUID}
	for _, r := range d.Relations {
		uuids = append(uuids, r.UUID)
	}
	mw.withHistoryHub(func(ctx context.Context, h teamHistoryHub, id string, place app.HubPlace) error {
		hist, more, err := h.History(ctx, id, uuids, historyLimit)
		if err != nil {
			return err
		}
		fyne.Do(func() { mw.historyDialog(d, place, hist, more) })
		return nil
	})
}

// historyDialog lists the changes, newest first, with Revert on those nothing came after.
func (mw *Window) historyDialog(d app.Dossier, place app.HubPlace, hist []app.HubChangeEntry, more bool) {
	intro := fmt.Sprintf("Changes to %s and its relations on the hub (%s), newest first.", d.Actor.Name, place.Collection)
	switch {
	case len(hist) == 0:
		intro = fmt.Sprintf("The hub (%s) has no change to %s or its relations: they were not synced yet.", place.Collection, d.Actor.Name)
	case more:
		intro += fmt.Sprintf(" The newest %d are shown; dossier hub history --record UUID lists them all.", len(hist))
	}
	head := widget.NewLabel(intro)
	head.Wrapping = fyne.TextWrapWord
	rows := container.NewVBox()
	var dlg dialog.Dialog
	for _, e := range hist {
		text := widget.NewLabel(historyText(e))
		text.Wrapping = fyne.TextWrapWord
		revert := widget.NewButtonWithIcon("Revert", theme.ContentUndoIcon(), func() { mw.confirmRevert(e, dlg) })
		if !e.Latest {
			revert.Disable() // a later change would be undone too: the hub refuses it
		}
		rows.Add(container.NewBorder(nil, nil, nil, revert, text))
	}
	body := container.NewBorder(head, nil, nil, nil, container.NewVScroll(rows))
	dlg = dialog.NewCustom("History on the team's hub", "Close", body, mw.u.win)
	dlg.Resize(dossierDialogSize(mw.u.win, 760, 520))
	mw.u.showKeyed(dlg, dialogKeys{cancel: dlg.Hide})
}

// historyText is one change in words: "change 812 · 3 Dec 14:02 · bruno changed note ·
// relation Harbour Board threatens Ilse Marquand".
func historyText(e app.HubChangeEntry) string {
	what := e.Action()
	if fs := e.Fields(); len(fs) > 0 && what != "created" {
		what += " " + strings.Join(fs, ", ")
	}
	s := fmt.Sprintf("change %d · %s · %s %s · %s %s", e.Change, e.At.Local().Format("2 Jan 2006 15:04"), e.By, what, app.RecordKindLabel(e.Kind), e.Label)
	if !e.Latest {
		s += " (changed since)"
	}
	return s
}

// confirmRevert asks, then reverts e on the hub and syncs to take the revert in here.
func (mw *Window) confirmRevert(e app.HubChangeEntry, list dialog.Dialog) {
	what := "gets back the version it had before"
	if e.Before == nil {
		what = "is deleted (the change created it)"
	}
	msg := fmt.Sprintf("The %s %s %s, written on the hub as a new change that every member's next sync takes in.", app.RecordKindLabel(e.Kind), e.Label, what)
	d := dialog.NewConfirm(fmt.Sprintf("Revert change %d?", e.Change), msg, func(ok bool) {
		if !ok {
			return
		}
		mw.withHistoryHub(func(ctx context.Context, h teamHistoryHub, id string, place app.HubPlace) error {
			undo, err := h.Revert(ctx, id, place.Collection, e.Change)
			if err != nil {
				return err
			}
			fyne.Do(func() {
				if list != nil {
					list.Hide()
				}
				mw.u.tell(fmt.Sprintf("Reverted change %d on the hub (as change %d); syncing to take it in here.", e.Change, undo.Change))
			})
			mw.runSync("")
			return nil
		})
	}, mw.u.win)
	d.SetConfirmText("Revert change")
	mw.u.showConfirm(d, false)
}
