package db

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// Every sync lists the decided mentions: SQLite must find them through their partial
// index, not by reading every mention of the project.
func TestDecidedMentionsReadThroughTheirIndex(t *testing.T) {
	s, err := Create(context.Background(), filepath.Join(t.TempDir(), "p.dossier"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rows, err := s.db.Query(`EXPLAIN QUERY PLAN ` + decidedMentionsSQL)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	if got := strings.Join(plan, "; "); !strings.Contains(got, "USING INDEX mentions_decided") {
		t.Errorf("the decided mentions are read by: %s", got)
	}
}
