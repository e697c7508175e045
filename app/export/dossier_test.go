package export

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"dossier/app"
)

// row builds a record in header order from column → value; unnamed columns are empty.
func row(header []string, cells map[string]string) []string {
	out := make([]string, len(header))
	seen := 0
	for i, h := range header {
		if v, ok := cells[h]; ok {
			out[i] = v
			seen++
		}
	}
	if seen != len(cells) {
		panic(fmt.Sprintf("row names a column not in the header: %v", cells))
	}
	return out
}

func drow(cells map[string]string) []string { return row(DossierColumns, cells) }

func guardAll(rec []string) []string {
	out := make([]string, len(rec))
	for i, s := range rec {
		out[i] = readBack(s)
	}
	return out
}

func compare(t testing.TB, got, want [][]string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%d records, want %d", len(got), len(want))
	}
	for i := 0; i < min(len(got), len(want)); i++ {
		for j := 0; j < min(len(got[i]), len(want[i])); j++ {
			if got[i][j] != want[i][j] {
				t.Errorf("record %d (%s), column %s: got %q, want %q", i, got[i][0], columnName(want[0], j), got[i][j], want[i][j])
			}
		}
	}
}

// columnName names column j for a failure message.
func columnName(header []string, j int) string {
	if j < len(header) {
		return header[j]
	}
	return fmt.Sprint(j)
}

// expectDossier is a second, plain statement of the dossier layout, used by the fuzz
// target; TestWriteDossier checks it against a hand-written expectation.
func expectDossier(d app.Dossier) [][]string {
	out := [][]string{DossierColumns}
	add := func(cells map[string]string) { out = append(out, drow(cells)) }
	a := d.Actor
	profile := func(field, value string) {
		add(map[string]string{"kind": "profile", "relation": field, "note": value, "id": a.UUID})
	}
	profile("name", a.Name)
	profile("kind", string(a.Kind))
	if a.Description != "" {
		profile("description", a.Description)
	}
	for _, tag := range a.Tags {
		profile("tag", tag)
	}
	if a.Notes != "" {
		profile("notes", a.Notes)
	}
	for _, al := range a.Aliases {
		add(map[string]string{"kind": "alias", "note": al, "id": a.UUID})
	}
	for _, r := range d.Relations {
		other := r.TargetUUID
		if r.CounterpartID == r.SourceID {
			other = r.SourceUUID
		}
		verb := r.Verb
		if verb == "" {
			verb = r.TypeLabel
		}
		if verb == "" {
			verb = r.Type
		}
		cells := map[string]string{
			"kind": "relation", "date": string(r.Start), "relation": verb, "direction": r.Direction,
			"counterpart": r.CounterpartName, "counterpart_kind": string(r.CounterpartKind),
			"note": r.Note, "id": r.UUID, "end_date": string(r.End), "confidence": r.Confidence,
			"modality": r.Modality, "speaker": r.SpeakerName, "counterpart_id": other,
		}
		if len(r.Evidence) == 0 {
			add(cells)
		}
		for _, e := range r.Evidence {
			c := map[string]string{"article": e.ArticleTitle, "source": e.Source, "url": e.ArticleURL,
				"quote": e.Quote, "article_date": string(e.ArticleDate), "evidence_id": e.UUID}
			for k, v := range cells {
				c[k] = v
			}
			add(c)
		}
	}
	for _, m := range d.Mentions {
		add(map[string]string{"kind": "mention", "date": string(m.Date), "article": m.Title,
			"source": m.Source, "url": m.URL, "quote": m.Sentence, "id": m.ArticleUUID,
			"article_date": string(m.Date)})
	}
	for _, n := range d.Notes {
		date := ""
		if !n.Created.IsZero() {
			date = n.Created.Format("2006-01-02")
		}
		add(map[string]string{"kind": "note", "date": date, "note": n.Body, "id": n.UUID})
	}
	return out
}

func checkDossier(t testing.TB, got [][]string, d app.Dossier) {
	t.Helper()
	want := expectDossier(d)
	for i := range want {
		want[i] = guardAll(want[i])
	}
	compare(t, got, want)
}

// fixture is a dossier with relations both ways, several pieces of evidence, a relation
// with none, an undirected relation whose counterpart is its source, mentions and notes.
func fixture() app.Dossier {
	const (
		maliki, us, framework, trump, harris = 1, 2, 3, 4, 5
	)
	ev := func(uuid, title, source, url, date, quote string) app.Evidence {
		return app.Evidence{UUID: uuid, ArticleTitle: title, Source: source, ArticleURL: url,
			ArticleDate: app.Date(date), Quote: quote}
	}
	rel := func(id, src, tgt int64, srcUUID, tgtUUID string) app.Relation {
		return app.Relation{UUID: id2uuid(id), SourceID: src, TargetID: tgt, SourceUUID: srcUUID, TargetUUID: tgtUUID,
			Confidence: app.Reported, Modality: app.Asserted}
	}
	r1 := rel(101, maliki, us, "actor-maliki", "actor-us")
	r1.Type, r1.TypeLabel, r1.Start = "rejects", "rejects", "2026-01-28"
	r1.Evidence = []app.Evidence{
		ev("ev-1", "Maliki answers Washington, saying the choice is Iraq's", "Example Wire",
			"https://example.org/wire/1", "2026-01-28", "The choice of a prime minister, he said, is for Iraqis to make."),
		ev("ev-2", "نوري المالكي يرد على واشنطن", "Zoë's Digest", "https://example.org/digest/7?a=1&b=2",
			"2026-01-29", "He called the statement \"interference\",\nand said so twice."),
	}
	r2 := rel(102, framework, maliki, "actor-cf", "actor-maliki")
	r2.Type, r2.TypeLabel, r2.Start, r2.Note = "nominates", "nominates", "2026-01", "Nomination, as reported; vote not yet held."
	r2.Evidence = []app.Evidence{ev("ev-3", "Framework picks its candidate", "Example Wire",
		"https://example.org/wire/2", "2026-01", "The bloc named its candidate after a long meeting.")}
	r3 := rel(103, trump, maliki, "actor-trump", "actor-maliki")
	r3.Type, r3.TypeLabel, r3.Start, r3.End = "threatens", "threatens", "2026-01-27", "2026-02"
	r3.Modality, r3.Confidence, r3.SpeakerName = app.Conditional, app.Alleged, "Donald Trump"
	r4 := rel(104, harris, maliki, "actor-harris", "actor-maliki")
	r4.Type, r4.TypeLabel, r4.Start = "meets_with", "meets with", "2026"
	r4.Evidence = []app.Evidence{ev("ev-4", "Envoy meets former premier", "Example Wire", "", "", "=IMPORTXML(\"http://x\")")}
	return app.Dossier{
		Actor: app.Actor{UUID: "actor-maliki", Name: "Nouri al-Maliki", Kind: app.Person,
			Description: "Former prime minister of Iraq", Aliases: []string{"Maliki", "al-Maliki", "نوري المالكي"},
			Tags: []string{"Iraq", "-watch"}, Notes: "Check the vote count.\nThen the reactions."},
		Relations: []app.DossierRelation{
			{Relation: r1, Direction: app.Outgoing, Verb: "rejects", CounterpartID: us, CounterpartName: "United States", CounterpartKind: app.State},
			{Relation: r2, Direction: app.Incoming, Verb: "is nominated by", CounterpartID: framework, CounterpartName: "Coordination Framework", CounterpartKind: app.Organisation},
			{Relation: r3, Direction: app.Incoming, Verb: "is threatened by", CounterpartID: trump, CounterpartName: "Donald Trump", CounterpartKind: app.Person},
			{Relation: r4, Direction: app.Undirected, Verb: "", CounterpartID: harris, CounterpartName: "Joshua Harris", CounterpartKind: app.Person},
		},
		Mentions: []app.DossierMention{
			{ArticleUUID: "art-2", Title: `Framework "settles" on a name, sources say`, Source: "Example Wire",
				URL: "https://example.org/wire/2", Date: "2026-01", Sentence: "Sources say Maliki, twice premier, is the pick."},
			{ArticleUUID: "art-1", Title: "Washington weighs in", Source: "Zoë's Digest", URL: "https://example.org/digest/1",
				Date: "2026", Sentence: "@Maliki was named in the post."},
		},
		Notes: []app.Note{
			{UUID: "note-1", Body: "Ask the desk about the second source.\n\n- first\n- second", Created: time.Date(2026, 1, 30, 23, 0, 0, 0, time.UTC)},
			{UUID: "note-2", Body: "+ undated note"},
		},
	}
}

func id2uuid(id int64) string { return fmt.Sprintf("rel-%d", id) }

func TestWriteDossier(t *testing.T) {
	d := fixture()
	var buf bytes.Buffer
	if err := WriteDossier(&buf, d, Options{BOM: true}); err != nil {
		t.Fatal(err)
	}
	got := parse(t, buf.Bytes(), true)
	rel := drow
	r1 := func(article, source, url, date, quote, ev string) []string {
		return rel(map[string]string{"kind": "relation", "date": "2026-01-28", "relation": "rejects", "direction": "outgoing",
			"counterpart": "United States", "counterpart_kind": "state", "article": article, "source": source, "url": url,
			"quote": quote, "id": "rel-101", "confidence": "reported", "modality": "asserted", "article_date": date,
			"counterpart_id": "actor-us", "evidence_id": ev})
	}
	want := [][]string{
		DossierColumns,
		drow(map[string]string{"kind": "profile", "relation": "name", "note": "Nouri al-Maliki", "id": "actor-maliki"}),
		drow(map[string]string{"kind": "profile", "relation": "kind", "note": "person", "id": "actor-maliki"}),
		drow(map[string]string{"kind": "profile", "relation": "description", "note": "Former prime minister of Iraq", "id": "actor-maliki"}),
		drow(map[string]string{"kind": "profile", "relation": "tag", "note": "Iraq", "id": "actor-maliki"}),
		drow(map[string]string{"kind": "profile", "relation": "tag", "note": "'-watch", "id": "actor-maliki"}),
		drow(map[string]string{"kind": "profile", "relation": "notes", "note": "Check the vote count.\nThen the reactions.", "id": "actor-maliki"}),
		drow(map[string]string{"kind": "alias", "note": "Maliki", "id": "actor-maliki"}),
		drow(map[string]string{"kind": "alias", "note": "al-Maliki", "id": "actor-maliki"}),
		drow(map[string]string{"kind": "alias", "note": "نوري المالكي", "id": "actor-maliki"}),
		r1("Maliki answers Washington, saying the choice is Iraq's", "Example Wire", "https://example.org/wire/1", "2026-01-28",
			"The choice of a prime minister, he said, is for Iraqis to make.", "ev-1"),
		r1("نوري المالكي يرد على واشنطن", "Zoë's Digest", "https://example.org/digest/7?a=1&b=2", "2026-01-29",
			"He called the statement \"interference\",\nand said so twice.", "ev-2"),
		rel(map[string]string{"kind": "relation", "date": "2026-01", "relation": "is nominated by", "direction": "incoming",
			"counterpart": "Coordination Framework", "counterpart_kind": "organisation", "article": "Framework picks its candidate",
			"source": "Example Wire", "url": "https://example.org/wire/2", "quote": "The bloc named its candidate after a long meeting.",
			"note": "Nomination, as reported; vote not yet held.", "id": "rel-102", "confidence": "reported", "modality": "asserted",
			"article_date": "2026-01", "counterpart_id": "actor-cf", "evidence_id": "ev-3"}),
		rel(map[string]string{"kind": "relation", "date": "2026-01-27", "relation": "is threatened by", "direction": "incoming",
			"counterpart": "Donald Trump", "counterpart_kind": "person", "id": "rel-103", "end_date": "2026-02",
			"confidence": "alleged", "modality": "conditional", "speaker": "Donald Trump", "counterpart_id": "actor-trump"}),
		rel(map[string]string{"kind": "relation", "date": "2026", "relation": "meets with", "direction": "undirected",
			"counterpart": "Joshua Harris", "counterpart_kind": "person", "article": "Envoy meets former premier",
			"source": "Example Wire", "quote": "'=IMPORTXML(\"http://x\")", "id": "rel-104", "confidence": "reported",
			"modality": "asserted", "counterpart_id": "actor-harris", "evidence_id": "ev-4"}),
		drow(map[string]string{"kind": "mention", "date": "2026-01", "article": `Framework "settles" on a name, sources say`,
			"source": "Example Wire", "url": "https://example.org/wire/2", "quote": "Sources say Maliki, twice premier, is the pick.",
			"id": "art-2", "article_date": "2026-01"}),
		drow(map[string]string{"kind": "mention", "date": "2026", "article": "Washington weighs in", "source": "Zoë's Digest",
			"url": "https://example.org/digest/1", "quote": "'@Maliki was named in the post.", "id": "art-1", "article_date": "2026"}),
		drow(map[string]string{"kind": "note", "date": "2026-01-30", "note": "Ask the desk about the second source.\n\n- first\n- second", "id": "note-1"}),
		drow(map[string]string{"kind": "note", "note": "'+ undated note", "id": "note-2"}),
	}
	compare(t, got, want)

	// The fuzz target trusts expectDossier; hold it to the same hand-written expectation.
	model := expectDossier(d)
	for i := range model {
		model[i] = guardAll(model[i])
	}
	compare(t, model, want)
}

func TestDossierHeader(t *testing.T) {
	const want = "kind,date,relation,direction,counterpart,counterpart_kind,article,source,url,quote,note,id," +
		"end_date,confidence,modality,speaker,article_date,counterpart_id,evidence_id"
	if got := strings.Join(DossierColumns, ","); got != want {
		t.Errorf("DossierColumns = %s\nwant             %s", got, want)
	}
	var buf bytes.Buffer
	if err := WriteDossier(&buf, app.Dossier{}, Options{}); err != nil {
		t.Fatal(err)
	}
	if first, _, _ := strings.Cut(buf.String(), "\r\n"); first != want {
		t.Errorf("first line %q, want %q", first, want)
	}
}

// TestEmptyDossier: an actor with nothing recorded yet still gives its name and kind.
func TestEmptyDossier(t *testing.T) {
	d := app.Dossier{Actor: app.Actor{UUID: "a-1", Name: "Zoë Ferrández", Kind: app.Person}}
	var buf bytes.Buffer
	if err := WriteDossier(&buf, d, Options{}); err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		DossierColumns,
		drow(map[string]string{"kind": "profile", "relation": "name", "note": "Zoë Ferrández", "id": "a-1"}),
		drow(map[string]string{"kind": "profile", "relation": "kind", "note": "person", "id": "a-1"}),
	}
	compare(t, parse(t, buf.Bytes(), false), want)
}

// fuzzDossier puts the four strings into every text field of a small dossier, in rotation.
func fuzzDossier(a, b, c, e string) app.Dossier {
	return app.Dossier{
		Actor: app.Actor{UUID: "a-1", Name: a, Kind: app.ActorKind(b), Description: c, Aliases: []string{e, a},
			Tags: []string{b}, Notes: c + e},
		Relations: []app.DossierRelation{{
			Relation: app.Relation{UUID: "r-1", SourceID: 1, TargetID: 2, SourceUUID: "a-1", TargetUUID: e,
				Type: a, TypeLabel: b, Start: app.Date(c), End: app.Date(e), Confidence: a, Modality: b,
				SpeakerName: c, Note: e, SourceName: a, TargetName: b, SourceKind: app.ActorKind(c), TargetKind: app.ActorKind(e),
				Evidence: []app.Evidence{
					{UUID: a, ArticleTitle: b, Source: c, ArticleURL: e, ArticleDate: app.Date(a), Quote: b},
					{UUID: "ev-2", ArticleTitle: e, Source: a, ArticleURL: b, Quote: c},
				}},
			Direction: a, Verb: c, CounterpartID: 2, CounterpartName: e, CounterpartKind: app.ActorKind(a),
		}},
		Mentions: []app.DossierMention{{ArticleUUID: b, Title: c, Source: e, URL: a, Date: app.Date(b), Sentence: e}},
		Notes:    []app.Note{{UUID: c, Body: a}},
	}
}

func FuzzDossierRoundTrip(f *testing.F) {
	f.Add("Zoë", "نوري المالكي", "a, \"b\"\nc", "=HYPERLINK(\"http://x\",\"y\")", true)
	f.Add("+1", "-2", "@SUM(A1)", "\tx", false)
	f.Add("\r", "\r\n", "x\r", "\x00", true)
	f.Add("", " padded ", "\"", ",", false)
	f.Fuzz(func(t *testing.T, a, b, c, e string, withBOM bool) {
		d := fuzzDossier(a, b, c, e)
		var buf bytes.Buffer
		if err := WriteDossier(&buf, d, Options{BOM: withBOM}); err != nil {
			t.Fatal(err)
		}
		checkDossier(t, parse(t, buf.Bytes(), withBOM), d)
	})
}
