package db

import (
	"context"
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"testing"

	"dossier/app"
)

// actorDatesDiff lists the (actor, date) counts where actor_dates and a fresh count of
// the mentions disagree, each side's count shown ("-" for no row).
func actorDatesDiff(t *testing.T, s *Store) []string {
	t.Helper()
	rows, err := s.db.Query(`SELECT coalesce(g.actor_id, d.actor_id), coalesce(g.date, d.date), coalesce(g.n, '-'), coalesce(d.n, '-')
		FROM (` + actorDatesFresh + `) g FULL JOIN actor_dates d ON d.actor_id = g.actor_id AND d.date = g.date WHERE g.n IS NOT d.n`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id int64
		var date, fresh, kept string
		if err := rows.Scan(&id, &date, &fresh, &kept); err != nil {
			t.Fatal(err)
		}
		out = append(out, fmt.Sprintf("actor %d on %q: counted %s, kept %s", id, date, fresh, kept))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// actorDatesWalk is a random project being written to, by the store's own writers.
type actorDatesWalk struct {
	t      *testing.T
	s      *Store
	rnd    *rand.Rand
	names  []string
	step   int
	counts int // how many steps changed the table, so the test knows it did something
}

var walkDates = []app.Date{"", "2025", "2025-03", "2025-03-04", "2025-03-05", "2026-01-28"}

func (w *actorDatesWalk) ids(q string) []int64 {
	ids, err := idSet(w.s.db.Query(q))
	if err != nil {
		w.t.Fatal(err)
	}
	out := make([]int64, 0, len(ids))
	for id := range ids {
		out = append(out, id)
	}
	slices.Sort(out)
	return out
}

func (w *actorDatesWalk) pick(q string) (int64, bool) {
	ids := w.ids(q)
	if len(ids) == 0 {
		return 0, false
	}
	return ids[w.rnd.Intn(len(ids))], true
}

// body names a few of the actors, some twice, so that an article often holds several
// mentions of one actor.
func (w *actorDatesWalk) body() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Report %d.", w.step)
	for range 1 + w.rnd.Intn(4) {
		fmt.Fprintf(&b, " %s spoke.", w.names[w.rnd.Intn(len(w.names))])
	}
	return b.String()
}

func (w *actorDatesWalk) date() app.Date { return walkDates[w.rnd.Intn(len(walkDates))] }

// do runs one random write; errors the store refuses with (an unmerge of a changed
// actor, say) are part of the walk, any other fails the test.
func (w *actorDatesWalk) do(ctx context.Context) string {
	op := w.rnd.Intn(11)
	if op < 7 {
		return w.articleOp(ctx, op)
	}
	return w.actorOp(ctx, op)
}

// articleOp files, edits, dates, trashes, restores or purges an article, or decides on a
// mention.
func (w *actorDatesWalk) articleOp(ctx context.Context, op int) string {
	s := w.s
	switch op {
	case 0, 1:
		a := article(fmt.Sprintf("A%d", w.step), "", w.body())
		a.Date = w.date()
		_, err := s.CreateArticle(ctx, a)
		return w.check("file an article", err)
	case 2:
		return w.editArticle(ctx, func(a *app.Article) { a.Date = w.date() }, "date an article again")
	case 3:
		return w.editArticle(ctx, func(a *app.Article) { a.Body = w.body() }, "rewrite an article")
	case 4:
		if id, ok := w.pick(`SELECT id FROM articles WHERE deleted = ''`); ok {
			return w.check("trash an article", s.DeleteArticle(ctx, id))
		}
	case 5:
		if id, ok := w.pick(`SELECT id FROM articles WHERE deleted <> ''`); ok {
			if w.rnd.Intn(2) == 0 {
				return w.check("restore an article", s.RestoreArticle(ctx, id))
			}
			return w.check("purge an article", s.PurgeArticle(ctx, id))
		}
	default:
		if id, ok := w.pick(`SELECT id FROM mentions`); ok {
			st := []string{app.MentionConfirmed, app.MentionRejected, app.MentionAuto}[w.rnd.Intn(3)]
			return w.check("set a mention's status", s.SetMentionStatus(ctx, id, st))
		}
	}
	return ""
}

// actorOp merges, unmerges, deletes or creates an actor.
func (w *actorDatesWalk) actorOp(ctx context.Context, op int) string {
	s := w.s
	switch op {
	case 7:
		return w.merge(ctx)
	case 8:
		if id, ok := w.pick(`SELECT id FROM merges WHERE undone = ''`); ok {
			_, err := s.Unmerge(ctx, id)
			return w.check("unmerge", err)
		}
	case 9:
		if id, ok := w.pick(`SELECT id FROM actors WHERE deleted = ''`); ok {
			return w.check("delete an actor", s.DeleteActor(ctx, id))
		}
	default:
		name := w.names[w.rnd.Intn(len(w.names))]
		_, err := s.CreateActor(ctx, app.Actor{Name: fmt.Sprintf("%s %d", name, w.step), Kind: app.Person, Aliases: []string{name}})
		return w.check("create an actor", err)
	}
	return ""
}

func (w *actorDatesWalk) editArticle(ctx context.Context, edit func(*app.Article), what string) string {
	id, ok := w.pick(`SELECT id FROM articles`)
	if !ok {
		return ""
	}
	a, err := w.s.Article(ctx, id)
	if err != nil {
		w.t.Fatal(err)
	}
	edit(&a)
	_, err = w.s.UpdateArticle(ctx, a)
	return w.check(what, err)
}

// merge merges two live actors, through the undoable merge or the plain one.
func (w *actorDatesWalk) merge(ctx context.Context) string {
	live := w.ids(`SELECT id FROM actors WHERE deleted = ''`)
	if len(live) < 2 {
		return ""
	}
	w.rnd.Shuffle(len(live), func(i, j int) { live[i], live[j] = live[j], live[i] })
	if w.rnd.Intn(3) == 0 {
		_, err := w.s.MergeActors(ctx, live[0], live[1])
		return w.check("merge actors (plain)", err)
	}
	_, _, _, err := w.s.Merge(ctx, live[0], live[1])
	return w.check("merge actors", err)
}

// check fails the test on an error the store should not give, and names the step.
func (w *actorDatesWalk) check(what string, err error) string {
	if err != nil && !app.IsCode(err, app.ECONFLICT) && !app.IsCode(err, app.EINVALID) && !app.IsCode(err, app.ENOTFOUND) && !app.IsCode(err, app.EDUPLICATE) && !app.IsCode(err, app.EAMBIGUOUS) {
		w.t.Fatalf("step %d, %s: %v", w.step, what, err)
	}
	if err != nil {
		return what + " (refused)"
	}
	return what
}

// TestActorDatesFollowEveryWriter: the count of each actor's articles by date that the
// filtered dossier reads stays equal to a fresh count of the mentions through random
// filing, editing, dating, trashing, restoring and purging of articles, mention
// decisions, merges (undoable and plain), unmerges and deletions of actors.
func TestActorDatesFollowEveryWriter(t *testing.T) {
	ctx := context.Background()
	for seed := int64(1); seed <= 6; seed++ {
		s := openTest(t)
		w := &actorDatesWalk{t: t, s: s, rnd: rand.New(rand.NewSource(seed)),
			names: []string{"Karim Oundi", "Vesk Dock Union", "Port of Vesk", "Lena Maro", "Harbour Council"}}
		for _, n := range w.names {
			mustActor(t, s, n, app.Person)
		}
		var log []string
		most := 0
		for w.step = 0; w.step < 150; w.step++ {
			var before int
			s.db.QueryRow(`SELECT total(n) + count(*) FROM actor_dates`).Scan(&before)
			log = append(log, w.do(ctx))
			if diff := actorDatesDiff(t, s); len(diff) > 0 {
				t.Fatalf("seed %d, step %d (%s): actor_dates disagrees with the mentions:\n%s\nsteps: %v",
					seed, w.step, log[len(log)-1], strings.Join(diff, "\n"), log)
			}
			var after int
			s.db.QueryRow(`SELECT total(n) + count(*) FROM actor_dates`).Scan(&after)
			if after != before {
				w.counts++
			}
			var rows int
			s.db.QueryRow(`SELECT count(*) FROM actor_dates`).Scan(&rows)
			most = max(most, rows)
		}
		if w.counts < 20 || most < 5 {
			t.Fatalf("seed %d: the walk changed the counts only %d times (at most %d rows): it tests too little", seed, w.counts, most)
		}
	}
}

// TestActorDatesCheckedAndRepaired: the full check finds counts that disagree with the
// mentions and the repair counts them again.
func TestActorDatesCheckedAndRepaired(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	mustActor(t, s, "Karim Oundi", app.Person)
	for i, d := range []app.Date{"2025", "2025-03-04", ""} {
		a := article(fmt.Sprintf("A%d", i), "", fmt.Sprintf("Report %d. Karim Oundi spoke.", i))
		a.Date = d
		if _, err := s.CreateArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	item := func() app.CheckItem {
		rep, err := s.Check(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range rep.Items {
			if it.Name == actorDatesName {
				return it
			}
		}
		t.Fatalf("the check has no item %q", actorDatesName)
		return app.CheckItem{}
	}
	if it := item(); !it.OK() || it.Checked != 3 {
		t.Fatalf("fresh project: %+v", it)
	}
	if _, err := s.db.Exec(`UPDATE actor_dates SET n = n + 2 WHERE date = '2025'; DELETE FROM actor_dates WHERE date = ''`); err != nil {
		t.Fatal(err)
	}
	if it := item(); it.OK() || !strings.Contains(strings.Join(it.Problems, " "), "2 counts") {
		t.Fatalf("spoiled counts not found: %+v", it)
	}
	rep, err := s.Repair(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(fmt.Sprint(rep.Changes), "counted the articles naming each actor") {
		t.Fatalf("repair did not say it counted again: %+v", rep.Changes)
	}
	if diff := actorDatesDiff(t, s); len(diff) > 0 || !item().OK() {
		t.Fatalf("after repair: %v", diff)
	}
}

// TestActorDatesMigratedFromOldProject: a project made before migration 0015 gets its
// counts on opening.
func TestActorDatesMigratedFromOldProject(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	path := s.Path()
	mustActor(t, s, "Karim Oundi", app.Person)
	mustActor(t, s, "Lena Maro", app.Person)
	for i, d := range []app.Date{"2025", "2025", "2025-03-04", ""} {
		a := article(fmt.Sprintf("A%d", i), "", fmt.Sprintf("Report %d. Karim Oundi met Lena Maro. Karim Oundi left.", i))
		a.Date = d
		if _, err := s.CreateArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	var triggers []string
	rows, err := s.db.Query(`SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name IN ('mentions', 'articles') AND sql LIKE '%actor_dates%'`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var n string
		rows.Scan(&n)
		triggers = append(triggers, n)
	}
	rows.Close()
	if len(triggers) != 5 {
		t.Fatalf("triggers of actor_dates: %v", triggers)
	}
	for _, n := range triggers {
		if _, err := s.db.Exec(`DROP TRIGGER ` + n); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.db.Exec(`DROP TABLE actor_dates; DROP INDEX mentions_decided; PRAGMA user_version = 14`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var n, total int
	if err := s.db.QueryRow(`SELECT count(*), total(n) FROM actor_dates`).Scan(&n, &total); err != nil || n != 6 || total != 8 {
		t.Fatalf("migrated counts: %d rows, %d articles (%v); want 6 rows, 8 articles", n, total, err)
	}
	if diff := actorDatesDiff(t, s); len(diff) > 0 {
		t.Fatalf("migrated counts disagree: %v", diff)
	}
}
