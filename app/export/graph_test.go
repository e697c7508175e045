package export_test

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"strconv"
	"testing"
	"time"

	"dossier/app/export"
)

type networkxGraph struct {
	Nodes     int                          `json:"nodes"`
	Edges     int                          `json:"edges"`
	NodeAttrs map[string]map[string]any    `json:"node_attrs"`
	EdgeAttrs []map[string]json.RawMessage `json:"edge_attrs"`
}

func readWithNetworkx(t *testing.T, kind string, data []byte) networkxGraph {
	t.Helper()
	py := pythonWith(t, "networkx")
	path := writeTemp(t, "graph."+kind, data)
	out := run(t, nil, py, testdata("read_graph.py"), kind, path)
	var g networkxGraph
	if err := json.Unmarshal(out, &g); err != nil {
		t.Fatalf("networkx output: %v\n%s", err, out)
	}
	return g
}

// TestGraphExportsReadByNetworkx: networkx reads the GEXF and GraphML of the whole
// project and of Maliki's dossier with every actor and relation of the scope, their
// attributes, and (GEXF) the dates as spells.
func TestGraphExportsReadByNetworkx(t *testing.T) {
	p := newExportProject(t)
	for _, scope := range []struct {
		name  string
		actor int64
	}{{"project", 0}, {"maliki", p.maliki.ID}} {
		actors, relations, _, _ := p.counts(t, scope.actor)
		for _, f := range []struct {
			kind  string
			write func(context.Context, *bytes.Buffer, export.Job) error
		}{
			{"gexf", func(ctx context.Context, b *bytes.Buffer, j export.Job) error { return export.WriteGEXF(ctx, b, j) }},
			{"graphml", func(ctx context.Context, b *bytes.Buffer, j export.Job) error { return export.WriteGraphML(ctx, b, j) }},
		} {
			t.Run(scope.name+"/"+f.kind, func(t *testing.T) {
				data := p.export(t, f.write, scope.actor)
				g := readWithNetworkx(t, f.kind, data)
				if g.Nodes != actors || g.Edges != relations {
					t.Fatalf("networkx read %d nodes and %d edges; the scope has %d actors and %d relations", g.Nodes, g.Edges, actors, relations)
				}
				m, ok := g.NodeAttrs[p.maliki.UUID]
				if !ok || m["kind"] != "person" || m["label"] != "Nouri al-Maliki" {
					t.Errorf("Maliki's node: %v", m)
				}
				quoted, spells := 0, 0
				for _, e := range g.EdgeAttrs {
					for _, k := range []string{"wording", "confidence", "modality", "polarity", "evidence_count", "uuid"} {
						if _, ok := e[k]; !ok {
							t.Errorf("edge %s lacks %s", e["uuid"], k)
						}
					}
					if _, ok := e["quote"]; ok {
						quoted++
					}
					if _, ok := e["spells"]; ok {
						spells++
					}
				}
				if quoted != relations {
					t.Errorf("%d of %d edges carry their quote", quoted, relations)
				}
				if f.kind == "gexf" && spells == 0 {
					t.Error("no edge has a spell: Gephi's timeline would be empty")
				}
			})
		}
	}
}

// TestGEXFRules checks what Gephi enforces and networkx does not: a dynamic graph with
// timeformat date has spells of full dates (never 2026-01), start not after end, and
// every attribute value parses as its declared type.
func TestGEXFRules(t *testing.T) {
	p := newExportProject(t)
	data := p.export(t, func(ctx context.Context, b *bytes.Buffer, j export.Job) error { return export.WriteGEXF(ctx, b, j) }, 0)
	var doc struct {
		Graph struct {
			Mode       string `xml:"mode,attr"`
			TimeFormat string `xml:"timeformat,attr"`
			Attributes []struct {
				Class string `xml:"class,attr"`
				Attrs []struct {
					ID   string `xml:"id,attr"`
					Type string `xml:"type,attr"`
				} `xml:"attribute"`
			} `xml:"attributes"`
			Edges []struct {
				ID     string `xml:"id,attr"`
				Values []struct {
					For   string `xml:"for,attr"`
					Value string `xml:"value,attr"`
				} `xml:"attvalues>attvalue"`
				Spells []struct {
					Start string `xml:"start,attr"`
					End   string `xml:"end,attr"`
				} `xml:"spells>spell"`
			} `xml:"edges>edge"`
		} `xml:"graph"`
	}
	if err := xml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Graph.Mode != "dynamic" || doc.Graph.TimeFormat != "date" {
		t.Errorf("graph mode %q timeformat %q", doc.Graph.Mode, doc.Graph.TimeFormat)
	}
	types := map[string]string{}
	for _, a := range doc.Graph.Attributes {
		for _, at := range a.Attrs {
			types[a.Class+"/"+at.ID] = at.Type
		}
	}
	month := false
	for _, e := range doc.Graph.Edges {
		for _, v := range e.Values {
			switch typ := types["edge/"+v.For]; typ {
			case "integer":
				if _, err := strconv.Atoi(v.Value); err != nil {
					t.Errorf("edge %s: %s=%q is not an integer", e.ID, v.For, v.Value)
				}
			case "boolean":
				if _, err := strconv.ParseBool(v.Value); err != nil {
					t.Errorf("edge %s: %s=%q is not a boolean", e.ID, v.For, v.Value)
				}
			case "string":
			default:
				t.Errorf("edge %s: value for undeclared attribute %s (%q)", e.ID, v.For, typ)
			}
		}
		for _, s := range e.Spells {
			a, err1 := time.Parse("2006-01-02", s.Start)
			b, err2 := time.Parse("2006-01-02", s.End)
			if err1 != nil || err2 != nil || b.Before(a) {
				t.Errorf("edge %s: spell %s–%s is not a range of full dates", e.ID, s.Start, s.End)
			}
			if s.Start == "2026-01-01" && s.End == "2026-01-31" {
				month = true
			}
		}
	}
	if !month {
		t.Error("the relation dated 2026-01 is not the spell 2026-01-01 to 2026-01-31")
	}
}

// fixedPositions places every node on a line, standing in for a layout.
type fixedPositions map[string][2]float64

func (f fixedPositions) Position(id string) (float64, float64, bool) {
	p, ok := f[id]
	return p[0], p[1], ok
}

// TestGraphPositions: when a layout places a node, GEXF and GraphML carry its place;
// without one, nothing is invented.
func TestGraphPositions(t *testing.T) {
	p := newExportProject(t)
	pos := fixedPositions{p.maliki.UUID: {12.5, -3}}
	var gexf, graphml bytes.Buffer
	j := export.Job{Src: p.store, Positions: pos}
	if err := export.WriteGEXF(context.Background(), &gexf, j); err != nil {
		t.Fatal(err)
	}
	if err := export.WriteGraphML(context.Background(), &graphml, j); err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(gexf.Bytes(), []byte(`<viz:position x="12.5" y="-3" z="0"/>`)); n != 1 {
		t.Errorf("GEXF has %d positions for Maliki", n)
	}
	g := readWithNetworkx(t, "graphml", graphml.Bytes())
	if x := g.NodeAttrs[p.maliki.UUID]["x"]; x != 12.5 {
		t.Errorf("GraphML x of Maliki = %v", x)
	}
	plain := p.export(t, func(ctx context.Context, b *bytes.Buffer, j export.Job) error { return export.WriteGEXF(ctx, b, j) }, 0)
	if bytes.Contains(plain, []byte("viz:position")) {
		t.Error("positions written without a layout")
	}
}
