package db

import (
	"context"
	"testing"

	"dossier/app"
)

// DataVersion changes when another program commits to the project, and only then: the
// window's own writes (already refreshed where they are made) do not count.
func TestDataVersionTellsOthersCommits(t *testing.T) {
	ctx := context.Background()
	path := newProject(t)
	win, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer win.Close()
	other, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	v0, err := win.DataVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := win.CreateActor(ctx, app.Actor{Name: "Own write"}); err != nil {
		t.Fatal(err)
	}
	if v, _ := win.DataVersion(ctx); v != v0 {
		t.Fatalf("the Store's own write changed its data version (%d → %d)", v0, v)
	}
	if _, err := other.CreateActor(ctx, app.Actor{Name: "Another program's write"}); err != nil {
		t.Fatal(err)
	}
	v1, _ := win.DataVersion(ctx)
	if v1 == v0 {
		t.Fatal("another program's commit did not change the data version")
	}
	if v, _ := win.DataVersion(ctx); v != v1 {
		t.Fatal("the data version changed with nobody writing")
	}
}
