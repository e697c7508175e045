package db

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"dossier/app"
)

// stampFixture is a project open twice, as the window (win) and as a batch command
// beside it (other), with one record of each kind that editors edit.
type stampFixture struct {
	win, other *Store
	a, b, c    app.Actor
	article    app.Article
	second     app.Article
	relation   app.Relation
	note       app.Note
	ctx        context.Context
}

func newStampFixture(t *testing.T) *stampFixture {
	t.Helper()
	ctx := context.Background()
	path := newProject(t)
	f := &stampFixture{ctx: ctx}
	var err error
	if f.win, err = Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.win.Close() })
	if f.other, err = Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.other.Close() })
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	f.a, err = f.win.CreateActor(ctx, app.Actor{Name: "Harbour Board", Kind: app.Organisation})
	must(err)
	f.b, err = f.win.CreateActor(ctx, app.Actor{Name: "Dockers Union", Kind: app.Organisation})
	must(err)
	f.c, err = f.win.CreateActor(ctx, app.Actor{Name: "The Dockers", Kind: app.Organisation})
	must(err)
	f.article, err = f.win.CreateArticle(ctx, app.Article{Title: "Dockers threaten a strike", Body: "The union threatened the board with a strike on Monday.", Source: "Test Wire"})
	must(err)
	f.second, err = f.win.CreateArticle(ctx, app.Article{Title: "Board answers the dockers", Body: "The board said the union threatened it again.", Source: "Test Wire"})
	must(err)
	f.relation, err = f.win.CreateRelation(ctx, app.Relation{SourceID: f.b.ID, Type: "threatens", TargetID: f.a.ID,
		Evidence: []app.Evidence{{ArticleID: f.article.ID, Quote: "threatened the board"}}})
	must(err)
	f.note, err = f.win.CreateNote(ctx, app.Note{Body: "Check the union's figures.", ActorID: f.a.ID})
	must(err)
	return f
}

// outsideChange is one way another program changes a record an editor may have open.
type outsideChange struct {
	name string
	do   func(f *stampFixture) error
}

// editorCase is one kind of record the window edits: how its editor loads it, saves the
// user's change, and the ways another program may change it meanwhile.
type editorCase struct {
	table   string
	save    string // the Store method the editor saves with
	changes []outsideChange
	// edit loads the record in the window, as its editor does, and returns the save of
	// the user's change.
	edit func(f *stampFixture) (save func() error, err error)
}

func editorCases() []editorCase {
	return []editorCase{
		{table: "actors", save: "UpdateActor",
			edit: func(f *stampFixture) (func() error, error) {
				a, err := f.win.Actor(f.ctx, f.a.ID)
				return func() error {
					a.Description = "typed in the window"
					var err error
					a, err = f.win.UpdateActor(f.ctx, a)
					return err
				}, err
			},
			changes: []outsideChange{
				{"UpdateActor", func(f *stampFixture) error {
					a, err := f.other.Actor(f.ctx, f.a.ID)
					if err == nil {
						a.Description = "written by a script"
						_, err = f.other.UpdateActor(f.ctx, a)
					}
					return err
				}},
				{"AddAlias", func(f *stampFixture) error { return f.other.AddAlias(f.ctx, f.a.ID, "The Board") }},
				{"MergeActors", func(f *stampFixture) error { _, err := f.other.MergeActors(f.ctx, f.a.ID, f.c.ID); return err }},
			}},
		{table: "articles", save: "UpdateArticle",
			edit: func(f *stampFixture) (func() error, error) {
				a, err := f.win.Article(f.ctx, f.article.ID)
				return func() error {
					a.Notes = "typed in the window"
					var err error
					a, err = f.win.UpdateArticle(f.ctx, a)
					return err
				}, err
			},
			changes: []outsideChange{
				{"UpdateArticle", func(f *stampFixture) error {
					a, err := f.other.Article(f.ctx, f.article.ID)
					if err == nil {
						a.Title = "Dockers threaten a strike (corrected)"
						_, err = f.other.UpdateArticle(f.ctx, a)
					}
					return err
				}},
			}},
		{table: "relations", save: "UpdateRelation",
			edit: func(f *stampFixture) (func() error, error) {
				r, err := f.win.Relation(f.ctx, f.relation.ID)
				return func() error {
					r.Note = "typed in the window"
					var err error
					r, err = f.win.UpdateRelation(f.ctx, r)
					return err
				}, err
			},
			changes: []outsideChange{
				{"UpdateRelation", func(f *stampFixture) error {
					r, err := f.other.Relation(f.ctx, f.relation.ID)
					if err == nil {
						r.Confidence = "confirmed"
						_, err = f.other.UpdateRelation(f.ctx, r)
					}
					return err
				}},
				{"AddEvidence", func(f *stampFixture) error {
					_, err := f.other.AddEvidence(f.ctx, f.relation.ID, app.Evidence{ArticleID: f.second.ID, Quote: "threatened it again"})
					return err
				}},
				{"FileRelation", func(f *stampFixture) error {
					_, err := f.other.FileRelation(f.ctx, app.Relation{SourceID: f.b.ID, Type: "threatens", TargetID: f.a.ID,
						Evidence: []app.Evidence{{ArticleID: f.second.ID, Quote: "the union threatened it"}}}, false)
					return err
				}},
				{"RemoveEvidence", func(f *stampFixture) error {
					r, err := f.other.Relation(f.ctx, f.relation.ID)
					if err == nil {
						err = f.other.RemoveEvidence(f.ctx, r.Evidence[0].ID)
					}
					return err
				}},
				{"MergeActors", func(f *stampFixture) error { _, err := f.other.MergeActors(f.ctx, f.c.ID, f.b.ID); return err }},
			}},
		{table: "notes", save: "UpdateNote",
			edit: func(f *stampFixture) (func() error, error) {
				ns, err := f.win.ActorNotes(f.ctx, f.a.ID)
				if err != nil || len(ns) != 1 {
					return nil, err
				}
				n := ns[0]
				return func() error {
					n.Body = "typed in the window"
					var err error
					n, err = f.win.UpdateNote(f.ctx, n)
					return err
				}, nil
			},
			changes: []outsideChange{
				{"UpdateNote", func(f *stampFixture) error {
					ns, err := f.other.ActorNotes(f.ctx, f.a.ID)
					if err == nil {
						ns[0].Body = "written by a script"
						_, err = f.other.UpdateNote(f.ctx, ns[0])
					}
					return err
				}},
			}},
	}
}

// The edit-conflict rule, for every editing method of the Store: an editor's save of a
// record that another program changed after the editor loaded it — by any of the
// changes listed — is refused with ECONFLICT and a plain message, and the other
// program's change stays; with nothing changed meanwhile the save goes through, and the
// record it returns can be saved again (its stamp is the new one).
func TestEditsOfRecordsChangedElsewhereAreRefused(t *testing.T) {
	cases := editorCases()
	// Every Update method of the Store, and every stamped table, has its case.
	covered := map[string]bool{}
	for _, c := range cases {
		covered[c.save] = true
		if stampedTables[c.table] == "" {
			t.Errorf("case %s: table %s is not in stampedTables", c.save, c.table)
		}
	}
	st := reflect.TypeOf(&Store{})
	for i := 0; i < st.NumMethod(); i++ {
		if m := st.Method(i).Name; strings.HasPrefix(m, "Update") && !covered[m] {
			t.Errorf("Store.%s edits a record but has no case in editorCases: say how its editor is kept from overwriting another program's change", m)
		}
	}
	if len(cases) != len(stampedTables) {
		t.Errorf("%d cases for %d stamped tables", len(cases), len(stampedTables))
	}

	for _, c := range cases {
		for _, ch := range c.changes {
			t.Run(c.save+"/after "+ch.name, func(t *testing.T) {
				f := newStampFixture(t)
				save, err := c.edit(f)
				if err != nil || save == nil {
					t.Fatalf("loading: %v", err)
				}
				if err := ch.do(f); err != nil {
					t.Fatalf("the other program's change: %v", err)
				}
				err = save()
				wantCode(t, err, app.ECONFLICT)
				msg := app.ErrorMessage(err)
				if !strings.Contains(msg, "This "+stampedTables[c.table]+" was changed elsewhere") || !strings.Contains(msg, "your text is kept") {
					t.Fatalf("message = %q", msg)
				}
			})
		}
		t.Run(c.save+"/unchanged", func(t *testing.T) {
			f := newStampFixture(t)
			save, err := c.edit(f)
			if err != nil || save == nil {
				t.Fatalf("loading: %v", err)
			}
			if err := save(); err != nil {
				t.Fatalf("a save with nothing changed elsewhere: %v", err)
			}
			if err := save(); err != nil {
				t.Fatalf("a second save from the same editor: %v", err)
			}
		})
	}
}

// The other program's change survives the refused save.
func TestRefusedSaveKeepsTheOtherChange(t *testing.T) {
	f := newStampFixture(t)
	mine, err := f.win.Actor(f.ctx, f.a.ID)
	if err != nil {
		t.Fatal(err)
	}
	theirs, _ := f.other.Actor(f.ctx, f.a.ID)
	theirs.Description = "written by a script"
	if _, err := f.other.UpdateActor(f.ctx, theirs); err != nil {
		t.Fatal(err)
	}
	mine.Description = "typed in the window"
	_, err = f.win.UpdateActor(f.ctx, mine)
	wantCode(t, err, app.ECONFLICT)
	if got, _ := f.win.Actor(f.ctx, f.a.ID); got.Description != "written by a script" {
		t.Fatalf("description = %q after the refused save", got.Description)
	}
}
