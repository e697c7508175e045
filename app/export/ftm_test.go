package export_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"testing"

	"dossier/app/export"
)

// ftmCheck runs testdata/ftm/check_ftm.js, which loads the lines in the FtM project's own
// model (npm @alephdata/followthemoney, installed by make test-deps).
func ftmCheck(t *testing.T, data []byte) map[string]int {
	t.Helper()
	if _, err := exec.LookPath("node"); err != nil {
		t.Fatal("node is not installed: install Debian's nodejs and npm, then run make test-deps")
	}
	if _, err := os.Stat(testdata("ftm/node_modules/@alephdata/followthemoney/package.json")); err != nil {
		t.Fatal("the FtM model is not installed: run make test-deps (npm ci in app/export/testdata/ftm)")
	}
	out := run(t, data, "node", testdata("ftm/check_ftm.js"))
	var res struct {
		Entities int            `json:"entities"`
		Schemata map[string]int `json:"schemata"`
	}
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatalf("check_ftm.js: %v\n%s", err, out)
	}
	return res.Schemata
}

func writeFtM(ctx context.Context, b *bytes.Buffer, j export.Job) error {
	return export.WriteFtM(ctx, b, j)
}

// TestFtMLoadsInModel: the FtM export of the project and of Maliki's dossier loads in
// the FtM model with no error, required properties set, well-formed dates and URLs and
// every reference resolving; each actor, article, relation and piece of evidence is
// there under the schema its kind and type call for.
func TestFtMLoadsInModel(t *testing.T) {
	p := newExportProject(t)
	for _, actor := range []int64{0, p.maliki.ID} {
		data := p.export(t, writeFtM, actor)
		got := ftmCheck(t, data)
		actors, relations, articles, _ := p.counts(t, actor)
		var n int
		for _, s := range []string{"Person", "Organization", "PublicBody", "LegalEntity", "Company"} {
			n += got[s]
		}
		if n != actors {
			t.Errorf("scope %d: %d actor entities (%v), want %d", actor, n, got, actors)
		}
		if got["Article"] != articles {
			t.Errorf("scope %d: %d articles, want %d", actor, got["Article"], articles)
		}
		var links int
		for _, s := range []string{"Membership", "Employment", "Family", "Associate", "Ownership", "Directorship", "UnknownLink"} {
			links += got[s]
		}
		if links != relations {
			t.Errorf("scope %d: %d relation entities (%v), want %d", actor, links, got, relations)
		}
		if got["Documentation"] == 0 {
			t.Errorf("scope %d: no relation cites its article", actor)
		}
		if actor == 0 && (got["Employment"] != 1 || got["PublicBody"] == 0 || got["Person"] == 0) {
			t.Errorf("schemata by kind and type: %v", got)
		}
	}
}

// TestFtMRelationCitesArticle: a relation's entity carries its articles' outlet, URL and
// date, and each quote is a Documentation entity naming the article and the relation.
func TestFtMRelationCitesArticle(t *testing.T) {
	p := newExportProject(t)
	data := p.export(t, writeFtM, p.maliki.ID)
	byID := map[string]export.FtMEntity{}
	var order []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var e export.FtMEntity
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			t.Fatal(err)
		}
		byID[e.ID] = e
		order = append(order, e.ID)
	}
	docs := 0
	for _, id := range order {
		e := byID[id]
		if e.Schema != "Documentation" {
			continue
		}
		docs++
		rel, art := byID[e.Properties["recordId"][0]], byID[e.Properties["document"][0]]
		if art.Schema != "Article" || rel.ID == "" {
			t.Fatalf("evidence %s: document %s (%s), relation %v", id, art.ID, art.Schema, rel.ID)
		}
		if len(art.Properties["sourceUrl"]) > 0 && !containsStr(rel.Properties["sourceUrl"], art.Properties["sourceUrl"][0]) {
			t.Errorf("relation %s lacks the sourceUrl of %s", rel.ID, art.ID)
		}
		if !containsStr(rel.Properties["publisher"], art.Properties["publisher"][0]) {
			t.Errorf("relation %s lacks the publisher of %s", rel.ID, art.ID)
		}
	}
	if docs == 0 {
		t.Fatal("no Documentation entities")
	}
}

func containsStr(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
