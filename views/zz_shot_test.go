package views

import (
	"context"
	"image/png"
	"os"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"dossier/app"
	"dossier/app/sample"
)

func TestZZShot(t *testing.T) {
	u, st := newTestUI(t)
	ctx := context.Background()
	if err := sample.Load(ctx, st); err != nil {
		t.Fatal(err)
	}
	a, err := st.FindActor(ctx, os.Getenv("SHOT_ACTOR"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.CreateNote(ctx, app.Note{ActorID: a.ID, Body: "**Key question:** does Washington follow through?\n\n- watch the February vote\n- check the militia statements"}); err != nil {
		t.Fatal(err)
	}
	u.win.SetContent(u.dossier.content())
	for _, sz := range []fyne.Size{{Width: 1200, Height: 800}, {Width: 900, Height: 600}} {
		u.win.Resize(sz)
		u.dossier.load(a.ID)
		u.win.Content().Refresh()
		for i := 0; i < 3; i++ {
			u.win.Resize(sz)
			u.dossier.scroll.Refresh()
		}
		img := u.win.Canvas().Capture()
		f, _ := os.Create(os.Getenv("SHOT_DIR") + "/" + string(rune('a'+int(sz.Width/300))) + ".png")
		png.Encode(f, img)
		f.Close()
		if os.Getenv("SHOT_SCROLL") != "" {
			for i, off := range []float32{700, 1400, 2100} {
				u.dossier.scroll.ScrollToOffset(fyne.NewPos(0, off))
				img := u.win.Canvas().Capture()
				f, _ := os.Create(os.Getenv("SHOT_DIR") + "/scroll-" + string(rune('a'+int(sz.Width/300))) + string(rune('0'+i)) + ".png")
				png.Encode(f, img)
				f.Close()
			}
		}
	}
	_ = test.NewTempApp
}
