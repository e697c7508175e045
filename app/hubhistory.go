package app

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"time"
)

// HubChangeEntry is one change to an actor or relation in a hub's change log: the change
// number it gave the record, who made it and when, the record before (nil: the change
// created it) and after.
type HubChangeEntry struct {
	Change        int64           `json:"change"`
	Kind          string          `json:"kind"`
	UUID          string          `json:"uuid"`
	Label         string          `json:"label"` // the actor's name; a relation's "source type target"
	By            string          `json:"by"`
	At            time.Time       `json:"at"`
	Before        json.RawMessage `json:"before"`
	BeforeDeleted bool            `json:"before_deleted"`
	After         json.RawMessage `json:"after"`
	Deleted       bool            `json:"deleted"`
	Reverts       int64           `json:"reverts,omitempty"` // the change this one undid
	// Latest is set when no change came after this one: only then can it be reverted.
	Latest bool `json:"latest"`
}

// Action says what the change did: "created", "deleted", "restored", "reverted change N"
// or "changed".
func (e HubChangeEntry) Action() string {
	switch {
	case e.Reverts > 0:
		return fmt.Sprintf("reverted change %d", e.Reverts)
	case e.Before == nil:
		return "created"
	case e.Deleted && !e.BeforeDeleted:
		return "deleted"
	case !e.Deleted && e.BeforeDeleted:
		return "restored"
	}
	return "changed"
}

// changeQuiet are the fields a change always moves, which say nothing of what it did.
var changeQuiet = map[string]bool{"v": true, "updated": true}

// Fields lists the fields the change altered, in order ("" when it created the record,
// or the JSON cannot be read: the change is still listed).
func (e HubChangeEntry) Fields() []string {
	if e.Before == nil {
		return nil
	}
	var before, after map[string]json.RawMessage
	if json.Unmarshal(e.Before, &before) != nil || json.Unmarshal(e.After, &after) != nil {
		return nil
	}
	var out []string
	for k, v := range after {
		if !changeQuiet[k] && !jsonEqual(before[k], v) {
			out = append(out, k)
		}
	}
	for k := range before {
		if _, ok := after[k]; !ok && !changeQuiet[k] {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// jsonEqual says whether two JSON values are the same, whatever their spacing.
func jsonEqual(a, b json.RawMessage) bool {
	var x, y bytes.Buffer
	if json.Compact(&x, a) != nil || json.Compact(&y, b) != nil {
		return bytes.Equal(a, b)
	}
	return bytes.Equal(x.Bytes(), y.Bytes())
}
