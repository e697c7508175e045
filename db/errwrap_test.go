package db

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"dossier/app"
	"dossier/app/ingest"
)

// Public methods whose errors another file's owner wraps, or that have none to wrap.
var unwrappedMethods = map[string]string{
	"Path": "no error", "Damage": "no error", "ReadOnly": "no error", "Close": "closing says nothing of an operation",
	"LockWindow": "the window lock says what it refuses itself", "PagesOf": "a diagnostic of the open-time check",
	"Backup": "backup.go words its own errors", "Check": "checkfull.go words its own errors", "Repair": "checkfull.go words its own errors",
}

// TestEveryStoreMethodWrapsItsErrors: every public method of the store that fails says
// which operation failed, on what, in front of the cause (the log gets it all). The
// methods are found by reflection and called on a closed store, where each must fail, so
// a new method that forgets to wrap its errors fails here.
func TestEveryStoreMethodWrapsItsErrors(t *testing.T) {
	s := openTest(t)
	s.Close()
	ctx := reflect.ValueOf(context.Background())
	v := reflect.ValueOf(s)
	typ := v.Type()
	ctxType := reflect.TypeOf((*context.Context)(nil)).Elem()
	errType := reflect.TypeOf((*error)(nil)).Elem()
	tested := 0
	for i := range typ.NumMethod() {
		m := typ.Method(i)
		if _, ok := unwrappedMethods[m.Name]; ok {
			continue
		}
		mt := m.Type // receiver first
		if mt.NumIn() < 2 || mt.In(1) != ctxType || mt.NumOut() == 0 || mt.Out(mt.NumOut()-1) != errType {
			t.Errorf("%s is neither (ctx, …) (…, error) nor listed in unwrappedMethods", m.Name)
			continue
		}
		args := []reflect.Value{v, ctx}
		for j := 2; j < mt.NumIn(); j++ {
			args = append(args, zeroArg(mt.In(j)))
		}
		if m.Name == "ImportFiles" { // a missing file is refused in the summary, not an error
			dir := t.TempDir()
			writeFiles(t, dir, map[string][]byte{"a.txt": []byte("Harbour\n\nThe harbour reopened.")})
			args[2] = reflect.ValueOf([]string{dir})
		}
		if m.Name == "ArticleRelationRefs" { // no articles is no work, and no error
			args[2] = reflect.ValueOf([]int64{1})
		}
		if m.Name == "HubRecords" { // no changes is no work, and no error
			args[2] = reflect.ValueOf([]app.HubChange{{Kind: "actor", UUID: "x"}})
		}
		if m.Name == "MissingRefs" { // nothing pointed at is no work, and no error
			args[2] = reflect.ValueOf([]app.HubRecord{{Kind: "note", UUID: "n", Data: []byte(`{"actor_id":"x"}`)}})
		}
		if m.Name == "LinkSuggestions" { // nothing typed yet is nothing to look up
			args[2] = reflect.ValueOf("mal")
		}
		if m.Name == "ImportArticles" { // nothing to import is no work, and no error
			args[2] = reflect.ValueOf(slices.Values([]ingest.Item{{Article: app.Article{Title: "T", Body: "B."}}}))
		}
		out := m.Func.Call(args)
		err, _ := out[len(out)-1].Interface().(error)
		tested++
		if err == nil {
			t.Errorf("%s on a closed store returned no error", m.Name)
			continue
		}
		if fmt.Sprintf("%T", err) != "*fmt.wrapError" || errors.Unwrap(err) == nil ||
			!strings.HasSuffix(err.Error(), ": "+errors.Unwrap(err).Error()) {
			t.Errorf("%s's error does not say the operation: %T %q", m.Name, err, err)
		}
	}
	if tested < 50 {
		t.Errorf("only %d methods tested", tested)
	}
}

// zeroArg is an argument a method can be called with: a zero value, or a function or
// sequence that does nothing.
func zeroArg(t reflect.Type) reflect.Value {
	switch t {
	case reflect.TypeOf([]string(nil)): // an empty list is no work
		return reflect.ValueOf([]string{"harbour"})
	case reflect.TypeOf(app.SearchQuery{}): // so is an empty query
		return reflect.ValueOf(app.SearchQuery{Text: "harbour"})
	}
	if t.Kind() == reflect.Func {
		return reflect.MakeFunc(t, func(args []reflect.Value) []reflect.Value {
			out := make([]reflect.Value, t.NumOut())
			for i := range out {
				out[i] = reflect.Zero(t.Out(i))
			}
			return out
		})
	}
	return reflect.Zero(t)
}

// The wrapping keeps what callers decide by: the code, the plain message (without the
// operation's words) and the cause.
func TestWrappedErrorsKeepCodeAndMessage(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	a := mustActor(t, s, "Harbour Board", app.Organisation)
	for _, tc := range []struct {
		op   string
		err  error
		code string
	}{
		{"actor 999", func() error { _, err := s.Actor(ctx, 999); return err }(), app.ENOTFOUND},
		{"update article 999", func() error {
			_, err := s.UpdateArticle(ctx, app.Article{ID: 999, Title: "Gone", Body: "Gone."})
			return err
		}(), app.ENOTFOUND},
		{"delete relation 77", s.DeleteRelation(ctx, 77), app.ENOTFOUND},
		{`create new actor "Harbour Board"`, func() error {
			_, err := s.CreateNewActor(ctx, app.Actor{Name: "Harbour Board", Kind: app.Organisation})
			return err
		}(), app.ECONFLICT},
		{fmt.Sprintf("merge actor %d into %d", a.ID, a.ID), func() error { _, err := s.MergeActors(ctx, a.ID, a.ID); return err }(), app.ECONFLICT},
	} {
		if tc.err == nil {
			t.Errorf("%s: no error", tc.op)
			continue
		}
		if !strings.Contains(tc.err.Error(), tc.op) {
			t.Errorf("%q does not say %q", tc.err, tc.op)
		}
		if got := app.ErrorCode(tc.err); got != tc.code {
			t.Errorf("%s: code %q, want %q", tc.op, got, tc.code)
		}
		if msg := app.ErrorMessage(tc.err); msg == "" || strings.Contains(msg, tc.op) {
			t.Errorf("%s: the message shown is %q", tc.op, msg)
		}
	}
	_, err := s.Actor(ctx, 999)
	var ae *app.Error
	if !errors.As(err, &ae) || ae.Code != app.ENOTFOUND {
		t.Errorf("errors.As does not reach the *app.Error through %v", err)
	}
}
