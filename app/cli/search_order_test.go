package cli

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"dossier/app"
)

// TestSearchSaysRelationsWereNotRanked: when too many relations match to rank them, the
// text heading and the JSON say that the newest are listed.
func TestSearchSaysRelationsWereNotRanked(t *testing.T) {
	res := app.SearchResults{Order: app.OrderRelevance, RelationsRecent: true,
		Relations: []app.SearchHit{{Kind: app.HitRelation, ID: 7, Title: "A threatens B", Date: "2026-01-27"}}}
	var out bytes.Buffer
	if err := writeSearchText(&out, res); err != nil {
		t.Fatal(err)
	}
	if want := "Relations (1; too many to rank: most recently recorded first)\n#7\tA threatens B\t2026-01-27\n"; out.String() != want {
		t.Errorf("text:\n%s\nwant\n%s", out.String(), want)
	}
	out.Reset()
	if err := writeSearchJSON(&out, res); err != nil {
		t.Fatal(err)
	}
	var got struct {
		RelationsOrder string `json:"relations_order"`
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil || got.RelationsOrder != "recent" {
		t.Errorf("JSON relations_order %q (%v)", got.RelationsOrder, err)
	}
	res.RelationsRecent = false
	out.Reset()
	writeSearchJSON(&out, res)
	if !strings.Contains(out.String(), `"relations_order": "relevance"`) {
		t.Errorf("JSON: %s", out.String())
	}
}
