package export_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os/exec"
	"regexp"
	"testing"

	"dossier/app/export"
)

func writeSTIX(ctx context.Context, b *bytes.Buffer, j export.Job) error {
	return export.WriteSTIX(ctx, b, j, nil)
}

// TestSTIXValidates: the bundles of the project and of Maliki's dossier validate against
// OASIS's STIX 2.1 JSON schemas with no error, stop_time follows start_time, every
// reference resolves, and every actor, relation and backing article is in it.
func TestSTIXValidates(t *testing.T) {
	p := newExportProject(t)
	py := pythonWith(t, "jsonschema")
	for _, actor := range []int64{0, p.maliki.ID} {
		data := p.export(t, writeSTIX, actor)
		out := run(t, data, py, testdata("check_stix.py"))
		var got map[string]int
		if err := json.Unmarshal(out, &got); err != nil {
			t.Fatal(err)
		}
		actors, relations, articles, _ := p.counts(t, actor)
		if got["identity"]+got["threat-actor"] != actors || got["relationship"] != relations || got["report"] != articles {
			t.Errorf("scope %d: %v; want %d actors, %d relationships, %d reports", actor, got, actors, relations, articles)
		}
		if actor == 0 && got["threat-actor"] == 0 {
			t.Error("the armed groups are not threat actors")
		}
	}
}

// TestSTIXIDsStable: STIX ids are UUID version 5 (STIX refuses Dossier's version 7), and
// two exports give the same ids.
func TestSTIXIDsStable(t *testing.T) {
	p := newExportProject(t)
	a, b := p.export(t, writeSTIX, 0), p.export(t, writeSTIX, 0)
	if !bytes.Equal(a, b) {
		t.Fatal("two exports of the same project differ")
	}
	v5 := regexp.MustCompile(`^[a-z-]+--[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	var bundle struct {
		ID      string `json:"id"`
		Objects []struct {
			ID   string `json:"id"`
			UUID string `json:"x_dossier_uuid"`
		} `json:"objects"`
	}
	if err := json.Unmarshal(a, &bundle); err != nil {
		t.Fatal(err)
	}
	for _, o := range append(bundle.Objects, struct {
		ID   string `json:"id"`
		UUID string `json:"x_dossier_uuid"`
	}{ID: bundle.ID}) {
		if !v5.MatchString(o.ID) {
			t.Errorf("%s is not a version 5 STIX id", o.ID)
		}
	}
}

// TestSTIXSingleDay: a relation on one day starts at midnight and stops at the next.
func TestSTIXSingleDay(t *testing.T) {
	p := newExportProject(t)
	data := p.export(t, writeSTIX, p.maliki.ID)
	if !bytes.Contains(data, []byte(`"start_time":"2026-01-28T00:00:00.000Z","stop_time":"2026-01-29T00:00:00.000Z"`)) {
		t.Errorf("no one-day relation runs from 28 Jan 2026 to the next day:\n%.2000s", data)
	}
}

// TestSTIXCheckerCatchesErrors: the checker is not a rubber stamp: a type the schema
// forbids, a stop equal to the start and a dangling reference each fail it.
func TestSTIXCheckerCatchesErrors(t *testing.T) {
	p := newExportProject(t)
	py := pythonWith(t, "jsonschema")
	good := p.export(t, writeSTIX, p.maliki.ID)
	for name, bad := range map[string]*regexp.Regexp{
		`"relationship_type":"Bad_Type"`:                                regexp.MustCompile(`"relationship_type":"[^"]+"`),
		`"stop_time":"2026-01-28T00:00:00.000Z"`:                        regexp.MustCompile(`"stop_time":"2026-01-29T00:00:00.000Z"`),
		`"target_ref":"identity--00000000-0000-4000-8000-000000000000"`: regexp.MustCompile(`"target_ref":"[^"]+"`),
	} {
		data := bad.ReplaceAll(good, []byte(name))
		cmd := exec.Command(py, testdata("check_stix.py"))
		cmd.Stdin = bytes.NewReader(data)
		if out, err := cmd.CombinedOutput(); err == nil {
			t.Errorf("the checker passed a bundle with %s: %s", name, out)
		}
	}
}
