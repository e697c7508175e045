package db

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"dossier/app"
)

// What a hub sends is outside input: a record that is not JSON, written by a newer
// Dossier, or of an unknown kind is refused with its reason, and nothing is written
// (the pulled cursor included).
func TestApplyHubPullRefusesWhatItCannotRead(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	place := app.HubPlace{URL: "postgres://ayse@hub/team", Collection: "desk"}
	for _, c := range []struct {
		rec  app.HubRecord
		code string
		want string
	}{
		{app.HubRecord{Kind: "actor", UUID: "u1", Data: json.RawMessage(`{"v":1,`), Seq: 3}, app.ECORRUPT, "not readable JSON"},
		{app.HubRecord{Kind: "actor", UUID: "u2", Data: json.RawMessage(`{"v":2,"name":"X"}`), Seq: 3}, app.ETOONEW, "newer Dossier"},
		{app.HubRecord{Kind: "bookmark", UUID: "u3", Data: json.RawMessage(`{"v":1}`), Seq: 3}, app.ETOONEW, "does not know"},
		{app.HubRecord{Kind: "mention_decision", UUID: "u4", Data: json.RawMessage(`{"v":1}`), Seq: 3}, app.ECORRUPT, "no article, actor, place or decision"},
		{app.HubRecord{Kind: "dismissed_suggestion", UUID: "u5", Data: json.RawMessage(`{"v":1,"name":"Kestravik","folded":"kestravik"}`), Seq: 3}, app.ECORRUPT, "about another one"},
		{app.HubRecord{Kind: "not_same", UUID: "u6", Data: json.RawMessage(`{"v":3}`), Seq: 3}, app.ETOONEW, "newer Dossier"},
	} {
		_, err := s.ApplyHubPull(ctx, place, []app.HubRecord{c.rec}, 3, app.HubSyncOptions{})
		if !app.IsCode(err, c.code) || !strings.Contains(app.ErrorMessage(err), c.want) {
			t.Errorf("%s: got %v, want %s saying %q", c.rec.Data, err, c.code, c.want)
		}
	}
	st, err := s.HubSyncState(ctx, place)
	if err != nil || st.PulledSeq != 0 {
		t.Errorf("the cursor moved to %d (%v)", st.PulledSeq, err)
	}
}

// A relation pulled whose actor neither the pull nor this project holds is left out
// and named, not written with its reference lost.
func TestApplyHubPullLeavesOutWhatPointsNowhere(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	place := app.HubPlace{URL: "postgres://ayse@hub/team", Collection: "desk"}
	src := mustActor(t, s, "Harbour Board", app.Organisation)
	rel := `{"v":1,"uuid":"01a00000-0000-7000-8000-000000000001","source_id":"` + src.UUID + `","type":"threatens",
		"target_id":"01a00000-0000-7000-8000-00000000dead","start":"2026","end":"","confidence":"reported","modality":"asserted",
		"speaker_id":null,"note":"","created":"2026-03-01T00:00:00Z","updated":"2026-03-01T00:00:00Z","evidence":[]}`
	rep, err := s.ApplyHubPull(ctx, place, []app.HubRecord{{Kind: "relation", UUID: "01a00000-0000-7000-8000-000000000001", Data: json.RawMessage(rel), Seq: 7}}, 7, app.HubSyncOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Merge.LeftOut) != 1 || !strings.Contains(rep.Merge.LeftOut[0].Why, "does not have") {
		t.Errorf("left out: %+v", rep.Merge.LeftOut)
	}
	if n := tableRows(t, s, "relations"); n != 0 {
		t.Errorf("%d relations written", n)
	}
}

// FuzzHubRecordJSON: whatever a hub's record holds, reading its references and label
// never panics.
func FuzzHubRecordJSON(f *testing.F) {
	f.Add("relation", `{"v":1,"source_id":"a","target_id":"b","evidence":[{"article_id":"c"}]}`)
	f.Add("note", `{"v":1,"actor_id":5,"relation_id":null,"body":"x"}`)
	f.Add("actor", `[1,2]`)
	f.Add("article", `{"title":{"x":1}}`)
	f.Fuzz(func(t *testing.T, kind, data string) {
		if !isSyncKind(kind) {
			return
		}
		for _, r := range refsOf(kind, json.RawMessage(data)) {
			if r[1] == "" {
				t.Errorf("an empty reference from %s", data)
			}
		}
		labelOf(kind, json.RawMessage(data))
	})
}

// FuzzHubDecision: whatever a hub sends as a decision, reading it never panics, and what
// it accepts is named by what it is about (the same UUID read again) and names no empty
// record.
func FuzzHubDecision(f *testing.F) {
	f.Add(mentionDecisionKind, `{"v":1,"article_id":"A","actor_id":"b","start":3,"end":9,"status":"confirmed"}`)
	f.Add(dismissedKind, `{"v":1,"name":"São Paulo","folded":"sao paulo","dismissed":"x"}`)
	f.Add(notSameKind, `{"v":1,"a":"y","b":"x"}`)
	f.Add(positionKind, `{"v":1,"actor_id":"0193b000-0000-7000-8000-000000000001","x":1e308,"y":-0.5,"pinned":true}`)
	f.Add(positionKind, `{"actor_id":[]}`)
	f.Fuzz(func(t *testing.T, kind, data string) {
		if !isDecisionKind(kind) {
			return
		}
		k := decisionKindOf(kind)
		d, err := k.decode(json.RawMessage(data))
		if err != nil {
			return
		}
		again, err := k.decode(d.Data)
		if err != nil || again.UUID != d.UUID || again.FP != d.FP {
			t.Fatalf("%s read again is %+v (%v), first %+v", data, again, err, d)
		}
		for _, r := range k.refs(d) {
			if r[1] == "" {
				t.Errorf("an empty reference from %s", data)
			}
		}
	})
}

// A decision pulled about an actor this project does not hold, or about a place past
// the end of its copy of the article, is left out and named, not written.
func TestApplyHubPullLeavesOutDecisionsItCannotPlace(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	place := app.HubPlace{URL: "postgres://ayse@hub/team", Collection: "desk"}
	board := mustActor(t, s, "Harbour Board", app.Organisation)
	art, err := s.CreateArticle(ctx, app.Article{Title: "Short", Body: "The Harbour Board met.", Date: "2026-03-01"})
	if err != nil {
		t.Fatal(err)
	}
	var recs []app.HubRecord
	for _, m := range []hubMention{
		{Article: art.UUID, Actor: "01a00000-0000-7000-8000-00000000dead", Start: 4, End: 17, Status: app.MentionConfirmed},
		{Article: art.UUID, Actor: board.UUID, Start: 4, End: 400, Status: app.MentionRejected},
	} {
		d, err := m.decision("")
		if err != nil {
			t.Fatal(err)
		}
		recs = append(recs, app.HubRecord{Kind: mentionDecisionKind, UUID: d.UUID, Data: d.Data, Seq: int64(len(recs) + 1)})
	}
	rep, err := s.ApplyHubPull(ctx, place, recs, 2, app.HubSyncOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Merge.LeftOut) != 2 || !strings.Contains(rep.Merge.LeftOut[0].Why, "does not have") || !strings.Contains(rep.Merge.LeftOut[1].Why, "past the end") {
		t.Errorf("left out: %+v", rep.Merge.LeftOut)
	}
	ms, err := s.Mentions(ctx, art.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		if m.Status != app.MentionAuto {
			t.Errorf("a decision left out was written: %+v", m)
		}
	}
}
