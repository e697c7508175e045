package app

import (
	"strings"
	"testing"
)

// Windows never show a record kind's underscored code name.
func TestRecordKindLabel(t *testing.T) {
	for kind, want := range map[string]string{
		"mention_decision": "mention decision", "not_same": "“not the same” pair",
		"actor": "actor", "some_new_kind": "some new kind",
	} {
		got := RecordKindLabel(kind)
		if got != want || strings.Contains(got, "_") {
			t.Errorf("RecordKindLabel(%q) = %q, want %q", kind, got, want)
		}
	}
}
