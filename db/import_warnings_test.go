package db

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"

	"dossier/app"
	"dossier/app/ingest"
)

// Issue 7: the results and the summary an import hands to its caller (the window's
// import summary and report are built from them, as `dossier import` prints them) carry
// every warning: on the filed article's result, and counted in the summary. An article
// filed without a date is counted undated whoever read it, ingest or a caller of
// ImportArticles.
func TestImportCarriesWarnings(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string][]byte{
		"a-replaced.txt": []byte("Depot fire contained\n2026-03-06\n\nFirefighters — forty — came.\nThe depot \x96 was empty.\n"),
		"b-undated.txt":  []byte("Bridge repairs begin\n\nWork on the old bridge began this week.\n"),
		"c-clean.txt":    []byte("Clean story\n2026-03-09\n\nNothing to warn about — at all.\n"),
		"d-again.txt":    []byte("Bridge repairs begin\n\nWork on the old bridge began this week.\n"), // a duplicate: not counted
	})
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "p.dossier"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var log importLog
	sum, err := s.ImportFiles(ctx, []string{dir}, log.options(0))
	if err != nil {
		t.Fatal(err)
	}
	replaced := app.ImportWarning{Kind: app.WarnReplaced, Message: "1 invalid byte replaced with �, line 5", Tally: "with invalid bytes replaced"}
	want := [][]app.ImportWarning{{replaced}, {app.UndatedWarning}, nil, nil}
	if len(log.results) != len(want) {
		t.Fatalf("%d results: %+v", len(log.results), log.results)
	}
	for i, r := range log.results {
		if !reflect.DeepEqual(r.Warnings, want[i]) {
			t.Errorf("%s: warnings %+v, want %+v", filepath.Base(r.Path), r.Warnings, want[i])
		}
	}
	wantSum := []app.WarningCount{{Kind: app.WarnReplaced, Tally: "with invalid bytes replaced", Articles: 1}, {Kind: app.WarnUndated, Tally: "undated", Articles: 1}}
	if !reflect.DeepEqual(sum.Warnings, wantSum) || sum.WarningText() != "1 with invalid bytes replaced, 1 undated" {
		t.Errorf("summary warnings %+v (%q)", sum.Warnings, sum.WarningText())
	}

	// Articles handed over without warnings: the store still counts the undated one.
	sum, err = s.ImportArticles(ctx, func(yield func(ingest.Item) bool) {
		_ = yield(ingest.Item{Path: "x", Article: app.Article{Title: "No date", Body: "A text with no date."}}) &&
			yield(ingest.Item{Path: "y", Article: app.Article{Title: "Dated", Body: "Another text.", Date: "2026-03-01"}})
	}, app.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.WarningText() != "1 undated" {
		t.Errorf("ImportArticles summary warnings %q", sum.WarningText())
	}
}
