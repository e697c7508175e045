package db

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"

	"dossier/app"
)

// A subscription is kept normalised; one that takes more than before starts the pull
// again from the beginning (the records it now takes may be older than the cursor),
// one that takes less or the same keeps the cursor.
func TestSetHubSubscriptionRestartsOnlyWhenWider(t *testing.T) {
	ctx := context.Background()
	s, err := Create(ctx, filepath.Join(t.TempDir(), "p.dossier"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	place := app.HubPlace{URL: "postgres://ayse@hub/team", Collection: "desk"}
	steps := []struct {
		tags    []string
		want    []string
		restart bool
	}{
		{[]string{" Port ", "ferry", "port", ""}, []string{"ferry", "port"}, false}, // from the whole collection: narrower
		{[]string{"port"}, []string{"port"}, false},
		{[]string{"port", "quay"}, []string{"port", "quay"}, true},
		{[]string{"QUAY", "port"}, []string{"port", "quay"}, false},
		{nil, nil, true}, // the whole collection again
		{nil, nil, false},
	}
	for i, st := range steps {
		if _, err := s.db.ExecContext(ctx, `UPDATE hub_sync_state SET pulled_seq = 500`); err != nil {
			t.Fatal(err)
		}
		if err := s.SetHubSubscription(ctx, place, st.tags); err != nil {
			t.Fatal(err)
		}
		got, err := s.HubSyncState(ctx, place)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got.OnlyTags, st.want) {
			t.Errorf("step %d: subscribed to %q, want %q", i, got.OnlyTags, st.want)
		}
		if restarted := got.PulledSeq == 0; restarted != st.restart && i > 0 {
			t.Errorf("step %d: cursor %d, restart wanted: %v", i, got.PulledSeq, st.restart)
		}
	}
}
