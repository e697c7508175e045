package export

import (
	"bytes"
	"errors"
	"io"
	"strconv"
	"strings"
	"testing"

	"dossier/app"
)

// sliceNext hands out rels one at a time, as the store does.
func sliceNext(rels []app.Relation) func() (app.Relation, bool, error) {
	i := 0
	return func() (app.Relation, bool, error) {
		if i == len(rels) {
			return app.Relation{}, false, nil
		}
		i++
		return rels[i-1], true, nil
	}
}

// relationRecord states the edge list's layout a second time, column by column.
func relationRecord(r app.Relation) []string {
	var e app.Evidence
	if len(r.Evidence) > 0 {
		e = r.Evidence[0]
	}
	label := r.TypeLabel
	if label == "" {
		label = r.Type
	}
	return row(RelationColumns, map[string]string{
		"id": r.UUID, "source": r.SourceName, "source_kind": string(r.SourceKind), "type": label,
		"target": r.TargetName, "target_kind": string(r.TargetKind), "start": string(r.Start), "end": string(r.End),
		"confidence": r.Confidence, "modality": r.Modality, "speaker": r.SpeakerName, "article": e.ArticleTitle,
		"url": e.ArticleURL, "quote": e.Quote, "note": r.Note, "source_id": r.SourceUUID, "target_id": r.TargetUUID,
		"type_key": r.Type, "label": label, "outlet": e.Source, "article_date": string(e.ArticleDate),
		"evidence_count": strconv.Itoa(len(r.Evidence)),
	})
}

func TestRelationHeader(t *testing.T) {
	const want = "id,source,source_kind,type,target,target_kind,start,end,confidence,modality,speaker,article,url,quote,note," +
		"source_id,target_id,type_key,label,outlet,article_date,evidence_count"
	if got := strings.Join(RelationColumns, ","); got != want {
		t.Errorf("RelationColumns = %s\nwant              %s", got, want)
	}
}

func TestWriteRelations(t *testing.T) {
	var rels []app.Relation
	for _, dr := range fixture().Relations {
		r := dr.Relation
		r.SourceName, r.TargetName = map[string]string{
			"rel-101": "Nouri al-Maliki", "rel-102": "Coordination Framework", "rel-103": "Donald Trump", "rel-104": "Joshua Harris",
		}[r.UUID], "target"
		r.SourceKind, r.TargetKind = app.Person, app.State
		rels = append(rels, r)
	}
	var buf bytes.Buffer
	if err := WriteRelations(&buf, sliceNext(rels), Options{}); err != nil {
		t.Fatal(err)
	}
	got := parse(t, buf.Bytes(), false)

	want := [][]string{
		RelationColumns,
		row(RelationColumns, map[string]string{"id": "rel-101", "source": "Nouri al-Maliki", "source_kind": "person",
			"type": "rejects", "target": "target", "target_kind": "state", "start": "2026-01-28", "confidence": "reported",
			"modality": "asserted", "article": "Maliki answers Washington, saying the choice is Iraq's",
			"url": "https://example.org/wire/1", "quote": "The choice of a prime minister, he said, is for Iraqis to make.",
			"source_id": "actor-maliki", "target_id": "actor-us", "type_key": "rejects", "label": "rejects",
			"outlet": "Example Wire", "article_date": "2026-01-28", "evidence_count": "2"}),
		row(RelationColumns, map[string]string{"id": "rel-102", "source": "Coordination Framework", "source_kind": "person",
			"type": "nominates", "target": "target", "target_kind": "state", "start": "2026-01", "confidence": "reported",
			"modality": "asserted", "article": "Framework picks its candidate", "url": "https://example.org/wire/2",
			"quote": "The bloc named its candidate after a long meeting.", "note": "Nomination, as reported; vote not yet held.",
			"source_id": "actor-cf", "target_id": "actor-maliki", "type_key": "nominates", "label": "nominates",
			"outlet": "Example Wire", "article_date": "2026-01", "evidence_count": "1"}),
		row(RelationColumns, map[string]string{"id": "rel-103", "source": "Donald Trump", "source_kind": "person",
			"type": "threatens", "target": "target", "target_kind": "state", "start": "2026-01-27", "end": "2026-02",
			"confidence": "alleged", "modality": "conditional", "speaker": "Donald Trump", "source_id": "actor-trump",
			"target_id": "actor-maliki", "type_key": "threatens", "label": "threatens", "evidence_count": "0"}),
		row(RelationColumns, map[string]string{"id": "rel-104", "source": "Joshua Harris", "source_kind": "person",
			"type": "meets with", "target": "target", "target_kind": "state", "start": "2026", "confidence": "reported",
			"modality": "asserted", "article": "Envoy meets former premier", "quote": "'=IMPORTXML(\"http://x\")",
			"source_id": "actor-harris", "target_id": "actor-maliki", "type_key": "meets_with", "label": "meets with",
			"outlet": "Example Wire", "evidence_count": "1"}),
	}
	compare(t, got, want)

	for _, r := range rels {
		if rec := relationRecord(r); len(rec) != len(RelationColumns) {
			t.Fatalf("relationRecord gives %d cells", len(rec))
		}
	}
}

func TestWriteRelationsEmpty(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteRelations(&buf, sliceNext(nil), Options{BOM: true}); err != nil {
		t.Fatal(err)
	}
	compare(t, parse(t, buf.Bytes(), true), [][]string{RelationColumns})
}

// TestWriteRelationsNextError: the store's error comes back unchanged and no more rows are asked for.
func TestWriteRelationsNextError(t *testing.T) {
	storeErr := app.Errorf(app.ENOTFOUND, "The project was closed.")
	calls := 0
	next := func() (app.Relation, bool, error) {
		calls++
		if calls == 3 {
			return app.Relation{}, false, storeErr
		}
		return app.Relation{UUID: "r"}, true, nil
	}
	var buf bytes.Buffer
	err := WriteRelations(&buf, next, Options{})
	if err != storeErr {
		t.Fatalf("WriteRelations = %v, want the store's error %v", err, storeErr)
	}
	if calls != 3 {
		t.Errorf("next called %d times, want 3", calls)
	}
	if n := strings.Count(buf.String(), "\r\n"); n != 3 {
		t.Errorf("%d records flushed before the error, want the header and 2 rows", n)
	}
}

// TestWriteRelationsStopsOnWriteError: a full disk ends the export instead of reading the
// whole project for nothing.
func TestWriteRelationsStopsOnWriteError(t *testing.T) {
	const total = 100000
	calls := 0
	next := func() (app.Relation, bool, error) {
		if calls == total {
			return app.Relation{}, false, nil
		}
		calls++
		return benchRelation(), true, nil
	}
	err := WriteRelations(&failWriter{n: 1000}, next, Options{})
	if !errors.Is(err, errDiskFull) || !app.IsCode(err, app.EINTERNAL) {
		t.Fatalf("WriteRelations = %v, want an EINTERNAL error wrapping %v", err, errDiskFull)
	}
	if calls >= total {
		t.Errorf("next called %d times after the writer failed", calls)
	}
}

func benchRelation() app.Relation {
	quote := strings.Repeat(`The envoy said, "we will see", and left; `, 5) // ~200 characters with quotes and commas
	return app.Relation{
		UUID: "01943b2e-7c1a-7d3e-9a2b-3c4d5e6f7a8b", SourceName: "Coordination Framework", SourceKind: app.Organisation,
		TargetName: "Nouri al-Maliki", TargetKind: app.Person, Type: "nominates", TypeLabel: "nominates",
		Start: "2026-01-27", Confidence: app.Reported, Modality: app.Asserted,
		SourceUUID: "01943b2e-7c1a-7d3e-9a2b-000000000001", TargetUUID: "01943b2e-7c1a-7d3e-9a2b-000000000002",
		Evidence: []app.Evidence{{ArticleTitle: "Framework picks its candidate", ArticleURL: "https://example.org/wire/2",
			Source: "Example Wire", ArticleDate: "2026-01-27", Quote: quote}},
	}
}

// BenchmarkWriteRelations100k writes a 100k-relation edge list; MB/s is output bytes.
func BenchmarkWriteRelations100k(b *testing.B) {
	const rows = 100000
	r := benchRelation()
	run := func(w io.Writer) {
		i := 0
		next := func() (app.Relation, bool, error) {
			if i == rows {
				return app.Relation{}, false, nil
			}
			i++
			return r, true, nil
		}
		if err := WriteRelations(w, next, Options{BOM: true}); err != nil {
			b.Fatal(err)
		}
	}
	var n countWriter
	run(&n)
	b.SetBytes(int64(n))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		run(io.Discard)
	}
	b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

type countWriter int

func (c *countWriter) Write(p []byte) (int, error) { *c += countWriter(len(p)); return len(p), nil }
