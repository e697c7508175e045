package views

import (
	"context"
	"image/png"
	"os"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"dossier/app"
	"dossier/app/sample"
)

func shot(t *testing.T, w fyne.Window, name string) {
	img := w.Canvas().Capture()
	f, _ := os.Create("/tmp/dossier-shots/" + name + ".png")
	png.Encode(f, img)
	f.Close()
}

func TestZZShot2(t *testing.T) {
	u, st := newTestUI(t)
	ctx := context.Background()
	if err := sample.Load(ctx, st); err != nil {
		t.Fatal(err)
	}
	u.win.SetContent(u.dossier.content())
	shot(t, u.win, "empty")
	a, _ := st.FindActor(ctx, "Donald Trump")
	rows, _ := st.Articles(ctx, app.ArticleQuery{})
	art, _ := st.Article(ctx, rows[0].ID)
	u.dossier.load(a.ID)
	fyne.CurrentApp().Settings().SetTheme(theme.LightTheme())
	u.win.Content().Refresh()
	shot(t, u.win, "light")
	quote := []rune(art.Body)[300:420]
	f, err := loadRelationForm(ctx, st, app.Relation{SourceID: a.ID, Evidence: []app.Evidence{{ArticleID: art.ID, Quote: string(quote)}}})
	if err != nil {
		t.Fatal(err)
	}
	ed := newRelationEditor(u, f, nil)
	ed.show()
	ed.start.SetText("sometime")
	shot(t, u.win, "editor")
	u.win.Resize(fyne.NewSize(900, 600))
	ed.dlg.Resize(dossierDialogSize(u.win, 700, 600))
	shot(t, u.win, "editor-small")
	ed.dlg.Hide()
	rel, _ := st.Relations(ctx, app.RelationQuery{ActorID: a.ID})
	f, _ = loadRelationForm(ctx, st, rel[0])
	ed = newRelationEditor(u, f, nil)
	ed.show()
	u.win.Resize(fyne.NewSize(1200, 800))
	ed.dlg.Resize(dossierDialogSize(u.win, 700, 600))
	shot(t, u.win, "editor-existing")
}
