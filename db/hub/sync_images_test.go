package hub_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"dossier/app"
	"dossier/db/hub"
)

// A note's pictures travel with it: the picture ayse keeps, and the note showing it,
// reach bruno whole; his picture reaches her; a picture is sent once (the next syncs
// are quiet); both projects agree with the hub. A record on the hub that is not a
// picture a project would keep is refused, naming it, and nothing of that pull is written.
func TestSyncNoteImages(t *testing.T) {
	ctx := context.Background()
	tm := newTeam(t)
	a, b := newProject(t), newProject(t)
	_, board, _ := seed(t, a)
	png := append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte{7}, 300)...)
	img, err := a.AddNoteImage(ctx, app.NoteImage{Name: "quay map.png", Data: png})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.CreateNote(ctx, app.Note{ActorID: board.ID, Body: "The quay: ![map](dossier-image:" + img.UUID + ")"}); err != nil {
		t.Fatal(err)
	}
	if rep := tm.mustSync(t, a, "ayse"); rep.Sent != 7 {
		t.Errorf("ayse sent %d, want 7 (two actors, an article, a relation, two notes, a picture)", rep.Sent)
	}
	tm.mustSync(t, b, "bruno")
	got, err := b.NoteImage(ctx, img.UUID)
	if err != nil || !bytes.Equal(got.Data, png) || got.Name != "quay map.png" || got.MIME != "image/png" {
		t.Fatalf("bruno's copy of the picture: %+v %v", got.Name, err)
	}
	jpeg := append([]byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00"), bytes.Repeat([]byte{9}, 200)...)
	img2, err := b.AddNoteImage(ctx, app.NoteImage{Name: "crane.jpg", Data: jpeg})
	if err != nil {
		t.Fatal(err)
	}
	if rep := tm.mustSync(t, b, "bruno"); rep.Sent != 1 {
		t.Errorf("bruno sent %d, want his picture only", rep.Sent)
	}
	if rep := tm.mustSync(t, a, "ayse"); rep.Received != 1 {
		t.Errorf("ayse received %d, want bruno's picture", rep.Received)
	}
	if got, err := a.NoteImage(ctx, img2.UUID); err != nil || !bytes.Equal(got.Data, jpeg) {
		t.Errorf("ayse's copy of bruno's picture: %v", err)
	}
	tm.quiet(t, a, "ayse")
	tm.quiet(t, b, "bruno")
	tm.agree(t, a, b)

	// A record that is no picture, written on the hub by hand.
	admin, err := pgx.Connect(ctx, hub.SharedCluster().AdminURL(tm.db))
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close(ctx)
	const bad = "0193b000-0000-7000-8000-0000000000aa"
	if _, err := admin.Exec(ctx, `INSERT INTO dossier_hub.records(collection_id, kind, uuid, data)
		SELECT id, 'note_image', $1::uuid, jsonb_build_object('v', 1, 'uuid', $2::text, 'name', 'x.png', 'mime', 'image/png', 'data', 'PGh0bWw+', 'added', '')
		FROM dossier_hub.collections WHERE name = 'desk'`, bad, bad); err != nil {
		t.Fatal(err)
	}
	before, _ := a.HubSyncState(ctx, tm.place("ayse"))
	_, err = tm.sync(t, a, "ayse", app.HubSyncOptions{})
	if !app.IsCode(err, app.ECORRUPT) || !strings.Contains(app.ErrorMessage(err), bad) {
		t.Errorf("a bad picture on the hub: %v", err)
	}
	if after, _ := a.HubSyncState(ctx, tm.place("ayse")); after.PulledSeq != before.PulledSeq {
		t.Errorf("the pull moved on past a bad picture: %d → %d", before.PulledSeq, after.PulledSeq)
	}
	if _, err := a.NoteImage(ctx, bad); !app.IsCode(err, app.ENOTFOUND) {
		t.Errorf("the bad picture was kept: %v", err)
	}
}
