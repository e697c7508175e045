package cli_test

import (
	"encoding/json"
	"strings"
	"testing"
)

// graphProject: Trump threatens Iraq (27 Jan 2026, conditional, quoted), Iraq rejects the
// US (28 Jan 2026), the US praises Kurdistan (undated), all invented wording.
func graphProject(t *testing.T) *project {
	p := reportProject(t)
	p.must("actor", "add", "--name", "United States", "--kind", "country", "--alias", "US")
	p.must("actor", "add", "--name", "Kurdistan Region", "--kind", "government body")
	p.must("relate", "--from", "Trump", "--type", "threatens", "--to", "Iraq", "--date", "2026-01-27",
		"--modality", "conditional", "--article", "#1", "--quote", "aid to Iraq would stop")
	p.must("relate", "--from", "Iraq", "--type", "rejects", "--to", "United States", "--date", "2026-01-28")
	p.must("relate", "--from", "United States", "--type", "praises", "--to", "Kurdistan Region", "--undated")
	return p
}

// TestGraphCommandJSONAndDOT: the ego graph at 1 and 2 hops, the whole project, the date
// range (the undated relation counted apart), the limit said in the output, DOT styling;
// nothing on stderr.
func TestGraphCommandJSONAndDOT(t *testing.T) {
	p := graphProject(t)
	type out struct {
		Total   int    `json:"total_relations"`
		Shown   int    `json:"shown_relations"`
		Undated int    `json:"undated_left_out"`
		Notice  string `json:"notice"`
		Nodes   []struct {
			Name string `json:"name"`
		} `json:"nodes"`
		Edges []struct {
			Label    string `json:"label"`
			Modality string `json:"modality"`
			Articles int    `json:"articles"`
		} `json:"edges"`
	}
	read := func(args ...string) out {
		t.Helper()
		r := p.run(args...)
		if r.code != 0 || r.errOut != "" {
			t.Fatalf("%v: exit %d, stderr %q", args, r.code, r.errOut)
		}
		var o out
		if err := json.Unmarshal([]byte(r.out), &o); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, r.out)
		}
		return o
	}
	one := read("graph", "--actor", "Trump")
	if one.Total != 1 || len(one.Edges) != 1 || one.Edges[0].Label != "threatens" || one.Edges[0].Articles != 1 || one.Edges[0].Modality != "conditional" {
		t.Fatalf("1 hop: %+v", one)
	}
	if two := read("graph", "--actor", "Trump", "--hops", "2"); two.Total != 2 || len(two.Nodes) != 3 {
		t.Fatalf("2 hops: %+v", two)
	}
	all := read("graph")
	if all.Total != 3 {
		t.Fatalf("project: %+v", all)
	}
	dated := read("graph", "--from", "2026-01-28", "--to", "2026")
	if dated.Total != 1 || dated.Undated != 1 || !strings.Contains(dated.Notice, "1 undated relations left out") {
		t.Fatalf("dated: %+v", dated)
	}
	cut := read("graph", "--limit", "2")
	if cut.Shown != 2 || !strings.Contains(cut.Notice, "Showing 2 of 3 relations") {
		t.Fatalf("cut: %+v", cut)
	}
	dot := p.must("graph", "--actor", "Trump", "--format", "dot")
	for _, want := range []string{"digraph dossier", `"Donald Trump"`, "style=dashed", `label="threatens (27 Jan 2026)"`} {
		if !strings.Contains(dot, want) {
			t.Fatalf("dot lacks %s:\n%s", want, dot)
		}
	}
	for _, bad := range [][]string{{"graph", "--hops", "3"}, {"graph", "--format", "png"}, {"graph", "--from", "soon"}, {"graph", "--from", "2026-02", "--to", "2026-01"}} {
		if r := p.run(bad...); r.code == 0 || r.errOut == "" {
			t.Fatalf("%v accepted", bad)
		}
	}
}

// TestPathCommand: Trump to the US runs through Iraq, each hop with its wording, date and
// quoted source; JSON carries the same; actors with nothing between them say so.
func TestPathCommand(t *testing.T) {
	p := graphProject(t)
	out := p.must("path", "--from", "Trump", "--to", "United States")
	for _, want := range []string{"1. Donald Trump → Iraq → United States (2 hops)", "Donald Trump threatens Iraq — 27 Jan 2026, reported, conditional, 1 article(s)",
		"“aid to Iraq would stop” (Washington warns Baghdad over premier, Test Wire, 28 Jan 2026)", "Iraq rejects United States — 28 Jan 2026"} {
		if !strings.Contains(out, want) {
			t.Fatalf("path lacks %q:\n%s", want, out)
		}
	}
	var js struct {
		Paths []struct {
			Hops []struct {
				Relations []struct {
					Wording  string `json:"wording"`
					Evidence []struct {
						Quote string `json:"quote"`
					} `json:"evidence"`
				} `json:"relations"`
			} `json:"hops"`
		} `json:"paths"`
	}
	if err := json.Unmarshal([]byte(p.must("path", "--from", "Trump", "--to", "US", "--json")), &js); err != nil || len(js.Paths) != 1 ||
		len(js.Paths[0].Hops) != 2 || js.Paths[0].Hops[0].Relations[0].Evidence[0].Quote != "aid to Iraq would stop" {
		t.Fatalf("json %+v %v", js, err)
	}
	p.must("actor", "add", "--name", "Lone Observer", "--kind", "person")
	if out := p.must("path", "--from", "Trump", "--to", "Lone Observer"); !strings.Contains(out, "no chain of relations of at most 4 hops") {
		t.Fatalf("unconnected: %q", out)
	}
	if r := p.run("path", "--from", "Trump", "--to", "Trump"); r.code == 0 {
		t.Fatal("same actor accepted")
	}
}
