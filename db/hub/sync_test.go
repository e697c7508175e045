package hub_test

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"dossier/app"
	"dossier/app/teamsync"
	"dossier/db"
	"dossier/db/hub"
)

// Invented text for the tests' articles.
const (
	syncBodyOne = "KESTRAVIK — Ilse Marquand, the harbour master, closed the north quay on Monday after a crane failed. The Harbour Board blamed her."
	syncBodyTwo = "KESTRAVIK — The Harbour Board said on Tuesday it would sue Ilse Marquand over the quay's closure, a week before the vote."
)

// team is a hub with a collection "desk": ayse, bruno and chen write it, eli only
// reads it, dana has no grant.
type team struct {
	db    string
	admin *hub.Hub
	n     int // roles are the cluster's: each team's names end in its number
}

var teams int

// user is the role name of a team member.
func (tm *team) user(name string) string { return fmt.Sprintf("%s_%d", name, tm.n) }

func newTeam(t testing.TB) *team {
	t.Helper()
	hub.RequireServer(t)
	ctx := context.Background()
	c := hub.SharedCluster()
	name, err := c.NewDatabase(ctx)
	if err != nil {
		t.Fatal(err)
	}
	h, err := hub.Connect(ctx, c.AdminURL(name))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { h.Close(context.Background()) })
	if _, err := h.Init(ctx); err != nil {
		t.Fatal(err)
	}
	teams++
	tm := &team{db: name, admin: h, n: teams}
	for _, u := range []string{"ayse", "bruno", "chen", "dana", "eli"} {
		if err := h.AddUser(ctx, tm.user(u), u+"-password"); err != nil {
			t.Fatal(err)
		}
	}
	for _, u := range []string{"ayse", "bruno", "chen"} {
		if err := h.Grant(ctx, tm.user(u), "desk", true); err != nil {
			t.Fatal(err)
		}
	}
	if err := h.Grant(ctx, tm.user("eli"), "desk", false); err != nil {
		t.Fatal(err)
	}
	if err := h.Grant(ctx, tm.user("dana"), "other-desk", true); err != nil {
		t.Fatal(err)
	}
	return tm
}

func (tm *team) url(user string) string {
	return hub.SharedCluster().UserURL(tm.db, tm.user(user), user+"-password")
}

func (tm *team) place(user string) app.HubPlace {
	return app.HubPlace{URL: app.WithoutPassword(tm.url(user)), Collection: "desk"}
}

// sync syncs s as user. It may run on any goroutine: a failure to connect is returned.
func (tm *team) sync(t testing.TB, s *db.Store, user string, opt app.HubSyncOptions) (app.HubSyncReport, error) {
	ctx := context.Background()
	h, err := hub.Connect(ctx, tm.url(user))
	if err != nil {
		return app.HubSyncReport{}, err
	}
	defer h.Close(ctx)
	return teamsync.Sync(ctx, s, h, tm.place(user), opt)
}

func (tm *team) mustSync(t *testing.T, s *db.Store, user string) app.HubSyncReport {
	t.Helper()
	rep, err := tm.sync(t, s, user, app.HubSyncOptions{})
	if err != nil {
		t.Fatalf("%s syncs: %v\n%s", user, err, rep.Text())
	}
	return rep
}

// hubRecords is the collection's live records as the hub holds them, kind/uuid → data.
func (tm *team) hubRecords(t *testing.T) map[string]string {
	t.Helper()
	ctx := context.Background()
	c, err := pgx.Connect(ctx, hub.SharedCluster().AdminURL(tm.db))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	rows, err := c.Query(ctx, `SELECT kind, uuid::text, data::text FROM dossier_hub.records WHERE NOT deleted`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var k, u, d string
		if err := rows.Scan(&k, &u, &d); err != nil {
			t.Fatal(err)
		}
		out[k+"/"+u] = canonical(t, d)
	}
	return out
}

func newProject(t testing.TB) *db.Store {
	t.Helper()
	s, err := db.Create(context.Background(), filepath.Join(t.TempDir(), "p.dossier"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// contents is every record of a project as the hub would hold it, kind/uuid → data.
func contents(t *testing.T, s *db.Store) map[string]string {
	t.Helper()
	ctx := context.Background()
	place := app.HubPlace{URL: "compare", Collection: "all"} // never synced: every record is listed
	ch, err := s.HubChanges(ctx, place)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := s.HubRecords(ctx, ch)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, r := range recs {
		out[r.Kind+"/"+r.UUID] = canonical(t, string(r.Data))
	}
	return out
}

// canonical is JSON with its keys sorted (PostgreSQL's jsonb orders them its own way),
// without the updated stamp: as for a project merge, two records are the same when all
// else is (an actor merged here too gets this project's own stamp).
func canonical(t *testing.T, s string) string {
	t.Helper()
	var v map[string]any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		t.Fatalf("%v: %s", err, s)
	}
	delete(v, "updated")
	b, _ := json.Marshal(v)
	return string(b)
}

// agree fails unless every project holds exactly what the hub holds.
func (tm *team) agree(t *testing.T, stores ...*db.Store) {
	t.Helper()
	want := tm.hubRecords(t)
	for i, s := range stores {
		got := contents(t, s)
		for k, v := range want {
			if got[k] != v {
				t.Errorf("project %d: %s is\n  %s\non the hub:\n  %s", i+1, k, got[k], v)
			}
		}
		for k := range got {
			if _, ok := want[k]; !ok {
				t.Errorf("project %d holds %s, which the hub does not", i+1, k)
			}
		}
	}
}

// quiet fails unless a sync of s as user sends and receives nothing.
func (tm *team) quiet(t *testing.T, s *db.Store, user string) {
	t.Helper()
	rep := tm.mustSync(t, s, user)
	if rep.Sent != 0 || rep.Received != 0 || len(rep.Merge.Conflicts) != 0 {
		t.Errorf("a second sync by %s changed something:\n%s", user, rep.Text())
	}
}

func mustActor(t *testing.T, s *db.Store, name string, kind app.ActorKind, aliases ...string) app.Actor {
	t.Helper()
	a, err := s.CreateActor(context.Background(), app.Actor{Name: name, Kind: kind, Aliases: aliases})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func idOf(t *testing.T, s *db.Store, kind, uuid string) int64 {
	t.Helper()
	id, err := s.IDByUUID(context.Background(), kind, uuid)
	if err != nil || id == 0 {
		t.Fatalf("%s %s: %v", kind, uuid, err)
	}
	return id
}

// seed files two actors, an article, a relation with evidence and a note in s.
func seed(t *testing.T, s *db.Store) (ilse, board app.Actor, rel app.Relation) {
	t.Helper()
	ctx := context.Background()
	ilse = mustActor(t, s, "Ilse Marquand", app.Person, "Marquand")
	board = mustActor(t, s, "Harbour Board", app.Organisation)
	art, err := s.CreateArticle(ctx, app.Article{Title: "Board to sue", Body: syncBodyTwo, Date: "2026-03-03", Source: "Kestravik Post"})
	if err != nil {
		t.Fatal(err)
	}
	rel, err = s.CreateRelation(ctx, app.Relation{SourceID: board.ID, Type: "threatens", TargetID: ilse.ID, Start: "2026-03-03",
		Evidence: []app.Evidence{{ArticleID: art.ID, Quote: "it would sue Ilse Marquand"}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateNote(ctx, app.Note{ActorID: board.ID, Body: "The Board speaks late on Tuesdays; see [[Ilse Marquand]]."}); err != nil {
		t.Fatal(err)
	}
	return ilse, board, rel
}

func count(rep app.HubSyncReport, kind string) app.MergeCount {
	for _, c := range rep.Merge.Counts {
		if c.Kind == kind {
			return c
		}
	}
	return app.MergeCount{}
}

// Two projects through one hub: what one files reaches the other with its references,
// edits and deletions travel both ways, and a second sync changes nothing.
func TestSyncTwoProjects(t *testing.T) {
	ctx := context.Background()
	tm := newTeam(t)
	a, b := newProject(t), newProject(t)
	ilse, board, rel := seed(t, a)

	rep := tm.mustSync(t, a, "ayse")
	if rep.Sent != 5 || rep.Received != 0 {
		t.Fatalf("first sync sent %d, received %d, want 5 and 0:\n%s", rep.Sent, rep.Received, rep.Text())
	}
	rep = tm.mustSync(t, b, "bruno")
	if rep.Received != 5 || rep.Sent != 0 || count(rep, "actor").Added != 2 || count(rep, "relation").Added != 1 {
		t.Fatalf("bruno received %d, sent %d:\n%s", rep.Received, rep.Sent, rep.Text())
	}
	tm.agree(t, a, b)
	tm.quiet(t, a, "ayse")
	tm.quiet(t, b, "bruno")

	// Bruno edits an actor and deletes the note; Ayse edits the relation and adds an actor.
	bIlse, err := b.Actor(ctx, idOf(t, b, "actor", ilse.UUID))
	if err != nil {
		t.Fatal(err)
	}
	bIlse.Description = "harbour master of Kestravik"
	bIlse.Updated = bIlse.Updated.Truncate(0)
	if _, err := b.UpdateActor(ctx, bIlse); err != nil {
		t.Fatal(err)
	}
	notes, err := b.ActorNotes(ctx, idOf(t, b, "actor", board.UUID))
	if err != nil || len(notes) != 1 {
		t.Fatalf("bruno's notes: %v %v", notes, err)
	}
	if err := b.DeleteNote(ctx, notes[0].ID); err != nil {
		t.Fatal(err)
	}
	rel.Note = "the Board's lawyers confirmed it"
	rel.Updated = rel.Updated.Truncate(0)
	if _, err := a.UpdateRelation(ctx, rel); err != nil {
		t.Fatal(err)
	}
	mustActor(t, a, "Port Council", app.GovernmentBody)

	if rep := tm.mustSync(t, b, "bruno"); rep.Sent != 2 || rep.Received != 0 {
		t.Errorf("bruno sent %d, received %d, want 2 and 0:\n%s", rep.Sent, rep.Received, rep.Text())
	}
	rep = tm.mustSync(t, a, "ayse")
	if rep.Sent != 2 || rep.Received != 2 || len(rep.Deleted) != 1 || count(rep, "actor").Updated != 1 {
		t.Errorf("ayse sent %d, received %d, deleted %d:\n%s", rep.Sent, rep.Received, len(rep.Deleted), rep.Text())
	}
	if rep := tm.mustSync(t, b, "bruno"); rep.Received != 2 {
		t.Errorf("bruno received %d, want 2:\n%s", rep.Received, rep.Text())
	}
	tm.agree(t, a, b)
	if n, err := a.ActorNotes(ctx, ilse.ID); err != nil || len(n) != 0 {
		t.Errorf("the note bruno deleted is still in ayse's project: %v %v", n, err)
	}
	got, err := a.Actor(ctx, ilse.ID)
	if err != nil || got.Description != "harbour master of Kestravik" {
		t.Errorf("ayse's Ilse: %+v %v", got, err)
	}
	tm.quiet(t, a, "ayse")
	tm.quiet(t, b, "bruno")
}

// The same record changed in two projects since they last synced: the second sync is
// refused with the record named and nothing written, until told which version to keep.
func TestSyncConflictsAreRefusedUntilSettled(t *testing.T) {
	for _, choice := range []app.ConflictChoice{app.KeepMine, app.TakeTheirs, app.KeepBoth} {
		t.Run(string(choice), func(t *testing.T) {
			ctx := context.Background()
			tm := newTeam(t)
			a, b := newProject(t), newProject(t)
			ilse, _, _ := seed(t, a)
			tm.mustSync(t, a, "ayse")
			tm.mustSync(t, b, "bruno")
			edit := func(s *db.Store, desc string) {
				got, err := s.Actor(ctx, idOf(t, s, "actor", ilse.UUID))
				if err != nil {
					t.Fatal(err)
				}
				got.Description = desc
				if _, err := s.UpdateActor(ctx, got); err != nil {
					t.Fatal(err)
				}
			}
			edit(a, "harbour master")
			edit(b, "former harbour master")
			tm.mustSync(t, a, "ayse")
			before := contents(t, b)
			rep, err := tm.sync(t, b, "bruno", app.HubSyncOptions{})
			if !app.IsCode(err, app.ECONFLICT) || len(rep.Merge.Conflicts) != 1 || rep.Merge.Conflicts[0].UUID != ilse.UUID {
				t.Fatalf("want one conflict on Ilse, got %v:\n%s", err, rep.Text())
			}
			if !strings.Contains(rep.Text(), "Ilse Marquand") {
				t.Errorf("the report does not name the record:\n%s", rep.Text())
			}
			if after := contents(t, b); !equalMaps(before, after) {
				t.Error("a refused sync changed the project")
			}
			rep, err = tm.sync(t, b, "bruno", app.HubSyncOptions{Conflicts: choice})
			if err != nil {
				t.Fatalf("%v\n%s", err, rep.Text())
			}
			tm.mustSync(t, a, "ayse")
			tm.agree(t, a, b)
			got, err := a.Actor(ctx, ilse.ID)
			if err != nil {
				t.Fatal(err)
			}
			want := map[app.ConflictChoice]string{app.KeepMine: "former harbour master", app.TakeTheirs: "harbour master", app.KeepBoth: "former harbour master"}[choice]
			if got.Description != want {
				t.Errorf("after %s, Ilse is %q, want %q", choice, got.Description, want)
			}
			if choice == app.KeepBoth {
				if n := countKind(contents(t, a), "actor"); n != 3 {
					t.Errorf("kept both: %d actors, want 3", n)
				}
			}
			tm.quiet(t, a, "ayse")
			tm.quiet(t, b, "bruno")
		})
	}
}

// A deletion here and an edit on the hub of the same record is a conflict too, and so is
// the other way round.
func TestSyncEditAgainstDeletionIsAConflict(t *testing.T) {
	ctx := context.Background()
	tm := newTeam(t)
	a, b := newProject(t), newProject(t)
	_, _, rel := seed(t, a)
	tm.mustSync(t, a, "ayse")
	tm.mustSync(t, b, "bruno")
	if err := a.DeleteRelation(ctx, rel.ID); err != nil {
		t.Fatal(err)
	}
	br, err := b.Relation(ctx, idOf(t, b, "relation", rel.UUID))
	if err != nil {
		t.Fatal(err)
	}
	br.Note = "disputed"
	if _, err := b.UpdateRelation(ctx, br); err != nil {
		t.Fatal(err)
	}
	tm.mustSync(t, a, "ayse") // the deletion reaches the hub
	rep, err := tm.sync(t, b, "bruno", app.HubSyncOptions{})
	if !app.IsCode(err, app.ECONFLICT) || len(rep.Merge.Conflicts) != 1 || !strings.Contains(rep.Merge.Conflicts[0].Why, "deleted on the hub") {
		t.Fatalf("want the edit against the deletion refused, got %v:\n%s", err, rep.Text())
	}
	if _, err := tm.sync(t, b, "bruno", app.HubSyncOptions{Conflicts: app.KeepMine}); err != nil {
		t.Fatal(err)
	}
	// Ayse's deletion was on the hub when bruno settled the conflict by keeping his
	// edit: she takes it back without being asked again.
	if rep := tm.mustSync(t, a, "ayse"); rep.Received != 1 || len(rep.Merge.Conflicts) != 0 {
		t.Fatalf("ayse should take bruno's kept relation back:\n%s", rep.Text())
	}
	tm.agree(t, a, b)
	if n := countKind(contents(t, a), "relation"); n != 1 {
		t.Errorf("ayse has %d relations, want bruno's kept one back", n)
	}
	tm.quiet(t, a, "ayse")
	tm.quiet(t, b, "bruno")
}

// Three projects: one merges two actors; the others merge them too when they sync (the
// dropped actor's notes follow), and all three agree.
func TestSyncThreeProjectsWithAnActorMerge(t *testing.T) {
	ctx := context.Background()
	tm := newTeam(t)
	a, b, c := newProject(t), newProject(t), newProject(t)
	ilse, board, _ := seed(t, a)
	dup := mustActor(t, a, "I. Marquand", app.Person)
	tm.mustSync(t, a, "ayse")
	tm.mustSync(t, b, "bruno")
	tm.mustSync(t, c, "chen")
	if _, err := c.CreateNote(ctx, app.Note{ActorID: idOf(t, c, "actor", dup.UUID), Body: "Signs her letters this way."}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.CreateRelation(ctx, app.Relation{SourceID: idOf(t, c, "actor", board.UUID), Type: "criticises", TargetID: idOf(t, c, "actor", ilse.UUID), Start: "2026-03-04"}); err != nil {
		t.Fatal(err)
	}
	tm.mustSync(t, c, "chen")
	_, _, mergeID, err := b.Merge(ctx, idOf(t, b, "actor", ilse.UUID), idOf(t, b, "actor", dup.UUID))
	if err != nil {
		t.Fatal(err)
	}
	tm.mustSync(t, b, "bruno") // takes chen's note first, merges it with the actor
	for i := 0; i < 2; i++ {
		for _, p := range []struct {
			s    *db.Store
			user string
		}{{a, "ayse"}, {c, "chen"}, {b, "bruno"}} {
			tm.mustSync(t, p.s, p.user)
		}
	}
	tm.agree(t, a, b, c)
	for i, s := range []*db.Store{a, b, c} {
		if id, err := s.IDByUUID(ctx, "actor", dup.UUID); err != nil || id != 0 {
			t.Errorf("project %d still has the merged-away actor", i+1)
		}
		notes, err := s.ActorNotes(ctx, idOf(t, s, "actor", ilse.UUID))
		if err != nil || len(notes) != 1 {
			t.Errorf("project %d: Ilse has %d notes (%v), want chen's note moved to her", i+1, len(notes), err)
		}
	}
	tm.quiet(t, a, "ayse")
	tm.quiet(t, b, "bruno")
	tm.quiet(t, c, "chen")

	// Bruno undoes the merge: the actor comes back everywhere.
	if _, err := b.Unmerge(ctx, mergeID); err != nil {
		t.Fatal(err)
	}
	for _, p := range []struct {
		s    *db.Store
		user string
	}{{b, "bruno"}, {a, "ayse"}, {c, "chen"}} {
		tm.mustSync(t, p.s, p.user)
	}
	tm.agree(t, a, b, c)
	for i, s := range []*db.Store{a, b, c} {
		if id, err := s.IDByUUID(ctx, "actor", dup.UUID); err != nil || id == 0 {
			t.Errorf("project %d: the actor brought back by the undo is missing (%v)", i+1, err)
		}
	}
	tm.quiet(t, a, "ayse")
	tm.quiet(t, b, "bruno")
	tm.quiet(t, c, "chen")
}

// Access, as the database enforces it: a member without a grant gets nothing, a
// read-only member receives but cannot send, and is told which collection.
func TestSyncAccess(t *testing.T) {
	ctx := context.Background()
	tm := newTeam(t)
	a := newProject(t)
	seed(t, a)
	tm.mustSync(t, a, "ayse")

	d := newProject(t)
	rep, err := tm.sync(t, d, "dana", app.HubSyncOptions{})
	if !app.IsCode(err, app.ENOTFOUND) || !strings.Contains(app.ErrorMessage(err), "“desk”") || rep.Received != 0 {
		t.Errorf("dana without a grant: %v, received %d", err, rep.Received)
	}
	if n := len(contents(t, d)); n != 0 {
		t.Errorf("dana's project holds %d records", n)
	}

	e := newProject(t)
	if rep := tm.mustSync(t, e, "eli"); rep.Received != 5 {
		t.Errorf("eli received %d, want 5", rep.Received)
	}
	mustActor(t, e, "Port Council", app.GovernmentBody)
	_, err = tm.sync(t, e, "eli", app.HubSyncOptions{})
	if !app.IsCode(err, app.EREADONLY) || !strings.Contains(app.ErrorMessage(err), "“desk”") {
		t.Errorf("eli sending: %v", err)
	}
	// The database itself refuses, not only the app: eli's own connection cannot write.
	h, err := hub.Connect(ctx, tm.url("eli"))
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close(ctx)
	id, canWrite, err := h.Collection(ctx, "desk")
	if err != nil || canWrite {
		t.Fatalf("eli's collection: %v %v", canWrite, err)
	}
	ch, _ := e.HubChanges(ctx, tm.place("eli"))
	recs, _ := e.HubRecords(ctx, ch)
	if _, _, err := h.Push(ctx, id, "desk", recs); !app.IsCode(err, app.EREADONLY) || !strings.Contains(app.ErrorMessage(err), "“desk”") {
		t.Errorf("a read-only member's push reached the database and got: %v", err)
	}
	if n := len(tm.hubRecords(t)); n != 5 {
		t.Errorf("the hub holds %d records, want 5", n)
	}
}

func countKind(m map[string]string, kind string) int {
	n := 0
	for k := range m {
		if strings.HasPrefix(k, kind+"/") {
			n++
		}
	}
	return n
}

func equalMaps(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// An article edited, then trashed and purged in one project: the edit, the trash and
// the purge reach the other, whose relation loses that evidence too; both agree.
func TestSyncArticleEditTrashAndPurge(t *testing.T) {
	ctx := context.Background()
	tm := newTeam(t)
	a, b := newProject(t), newProject(t)
	_, _, rel := seed(t, a)
	tm.mustSync(t, a, "ayse")
	tm.mustSync(t, b, "bruno")
	artID := rel.Evidence[0].ArticleID
	art, err := a.Article(ctx, artID)
	if err != nil {
		t.Fatal(err)
	}
	art.Title = "Board says it will sue"
	if _, err := a.UpdateArticle(ctx, art); err != nil {
		t.Fatal(err)
	}
	tm.mustSync(t, a, "ayse")
	if rep := tm.mustSync(t, b, "bruno"); count(rep, "article").Updated != 1 {
		t.Errorf("bruno did not take the edit:\n%s", rep.Text())
	}
	if err := a.DeleteArticle(ctx, artID); err != nil {
		t.Fatal(err)
	}
	tm.mustSync(t, a, "ayse")
	tm.mustSync(t, b, "bruno")
	tm.agree(t, a, b)
	if err := a.PurgeArticle(ctx, artID); err != nil {
		t.Fatal(err)
	}
	tm.mustSync(t, a, "ayse")
	rep := tm.mustSync(t, b, "bruno")
	if len(rep.Deleted) != 1 || rep.Deleted[0].Kind != "article" {
		t.Errorf("bruno's project did not purge the article:\n%s", rep.Text())
	}
	tm.agree(t, a, b)
	br, err := b.Relation(ctx, idOf(t, b, "relation", rel.UUID))
	if err != nil || len(br.Evidence) != 0 {
		t.Errorf("bruno's relation keeps %d pieces of evidence (%v)", len(br.Evidence), err)
	}
	tm.quiet(t, a, "ayse")
	tm.quiet(t, b, "bruno")
}

// A record deleted here and not yet sent, changed on the hub meanwhile: a conflict;
// keeping mine sends the deletion, taking theirs brings the record back.
func TestSyncDeletionAgainstEditIsAConflict(t *testing.T) {
	for _, choice := range []app.ConflictChoice{app.KeepMine, app.TakeTheirs} {
		t.Run(string(choice), func(t *testing.T) {
			ctx := context.Background()
			tm := newTeam(t)
			a, b := newProject(t), newProject(t)
			_, _, rel := seed(t, a)
			tm.mustSync(t, a, "ayse")
			tm.mustSync(t, b, "bruno")
			br, err := b.Relation(ctx, idOf(t, b, "relation", rel.UUID))
			if err != nil {
				t.Fatal(err)
			}
			br.Note = "disputed"
			if _, err := b.UpdateRelation(ctx, br); err != nil {
				t.Fatal(err)
			}
			tm.mustSync(t, b, "bruno")
			if err := a.DeleteRelation(ctx, rel.ID); err != nil {
				t.Fatal(err)
			}
			rep, err := tm.sync(t, a, "ayse", app.HubSyncOptions{})
			if !app.IsCode(err, app.ECONFLICT) || len(rep.Merge.Conflicts) != 1 || !strings.Contains(rep.Merge.Conflicts[0].Why, "deleted here, changed on the hub") {
				t.Fatalf("want the deletion against the edit refused, got %v:\n%s", err, rep.Text())
			}
			if _, err := tm.sync(t, a, "ayse", app.HubSyncOptions{Conflicts: choice}); err != nil {
				t.Fatal(err)
			}
			tm.mustSync(t, b, "bruno")
			tm.agree(t, a, b)
			want := map[app.ConflictChoice]int{app.KeepMine: 0, app.TakeTheirs: 1}[choice]
			if n := countKind(contents(t, b), "relation"); n != want {
				t.Errorf("after %s bruno has %d relations, want %d", choice, n, want)
			}
			tm.quiet(t, a, "ayse")
			tm.quiet(t, b, "bruno")
		})
	}
}

// An actor deleted by a colleague while a note was written on it here: the deletion
// would take the note with it, so the actor is kept, said, and sent back; the colleague
// gets both back.
func TestSyncDeletionKeepsWhatDependsOnIt(t *testing.T) {
	ctx := context.Background()
	tm := newTeam(t)
	a, b := newProject(t), newProject(t)
	lone := mustActor(t, a, "Port Council", app.GovernmentBody)
	tm.mustSync(t, a, "ayse")
	tm.mustSync(t, b, "bruno")
	if err := a.DeleteActor(ctx, lone.ID); err != nil {
		t.Fatal(err)
	}
	tm.mustSync(t, a, "ayse")
	if _, err := b.CreateNote(ctx, app.Note{ActorID: idOf(t, b, "actor", lone.UUID), Body: "The council meets on Thursdays."}); err != nil {
		t.Fatal(err)
	}
	rep := tm.mustSync(t, b, "bruno")
	if len(rep.Deleted) != 0 || len(rep.Merge.DeletedThere) != 1 || !strings.Contains(rep.Merge.DeletedThere[0].Why, "depend on it") {
		t.Fatalf("bruno's project should keep the actor and say why:\n%s", rep.Text())
	}
	tm.mustSync(t, a, "ayse")
	tm.agree(t, a, b)
	if n := countKind(contents(t, a), "note"); n != 1 {
		t.Errorf("ayse has %d notes, want bruno's", n)
	}
	tm.quiet(t, a, "ayse")
	tm.quiet(t, b, "bruno")
}

// A pull taken a page at a time: a relation whose actor was changed after it (so comes
// in a later page) is taken with the actor fetched as it is now, not left out; the
// actor's own page then changes nothing.
func TestSyncPagedPullFollowsReferences(t *testing.T) {
	ctx := context.Background()
	tm := newTeam(t)
	a, b := newProject(t), newProject(t)
	ilse, _, _ := seed(t, a)
	tm.mustSync(t, a, "ayse")
	x, err := a.Actor(ctx, ilse.ID)
	if err != nil {
		t.Fatal(err)
	}
	x.Description = "harbour master"
	if _, err := a.UpdateActor(ctx, x); err != nil {
		t.Fatal(err)
	}
	tm.mustSync(t, a, "ayse")
	rep, err := tm.sync(t, b, "bruno", app.HubSyncOptions{Page: 1})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Received != 5 || len(rep.Merge.LeftOut) != 0 {
		t.Errorf("paged pull received %d:\n%s", rep.Received, rep.Text())
	}
	tm.agree(t, a, b)
	tm.quiet(t, a, "ayse")
	tm.quiet(t, b, "bruno")
}
