package export

import (
	"context"
	"io"

	"dossier/app"
)

// WriteGraphML writes the scope as GraphML with the same node and edge attributes as
// WriteGEXF, plus the relation's days as first_day and last_day (GraphML has no spells)
// and, where a layout places a node, its x and y. The graph is directed; an edge of an
// undirected type ("meets with") says so in its directed attribute rather than in
// GraphML's own edge attribute, because networkx refuses a graph that mixes the two.
func WriteGraphML(ctx context.Context, w io.Writer, j Job) error {
	types, err := j.typeMap(ctx)
	if err != nil {
		return err
	}
	s := newStreamWriter(w)
	s.str(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
		`<graphml xmlns="http://graphml.graphdrawing.org/xmlns" ` +
		`xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ` +
		`xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">` + "\n")
	// The scope goes in GraphML's own description element, so the file says what it holds.
	s.str("  <desc>")
	s.esc(j.Scope.Describe())
	s.str("</desc>\n")
	s.str(`  <key id="label" for="node" attr.name="label" attr.type="string"/>` + "\n")
	graphmlKeys(s, "node", "n_", nodeAttrs)
	if j.Positions != nil {
		s.str(`  <key id="x" for="node" attr.name="x" attr.type="double"/>` + "\n" +
			`  <key id="y" for="node" attr.name="y" attr.type="double"/>` + "\n")
	}
	s.str(`  <key id="e_label" for="edge" attr.name="label" attr.type="string"/>` + "\n")
	graphmlKeys(s, "edge", "e_", edgeAttrs)
	s.str(`  <key id="e_first_day" for="edge" attr.name="first_day" attr.type="string"/>` + "\n" +
		`  <key id="e_last_day" for="edge" attr.name="last_day" attr.type="string"/>` + "\n")
	s.str(`  <graph id="dossier" edgedefault="directed">` + "\n")
	err = j.Src.EachExportActor(ctx, j.Scope, func(a app.Actor) error {
		s.str("    <node")
		s.attr("id", a.UUID)
		s.str(">\n")
		graphmlData(s, "label", a.Name)
		for i, v := range nodeValues(&a) {
			graphmlData(s, "n_"+nodeAttrs[i].id, v)
		}
		if j.Positions != nil {
			if x, y, ok := j.Positions.Position(a.UUID); ok {
				graphmlData(s, "x", ftoa(x))
				graphmlData(s, "y", ftoa(y))
			}
		}
		s.str("    </node>\n")
		return s.err
	})
	if err != nil {
		return err
	}
	err = j.relations(ctx, func(r app.Relation) error {
		t := types[r.Type]
		s.str("    <edge")
		s.attr("id", r.UUID)
		s.attr("source", r.SourceUUID)
		s.attr("target", r.TargetUUID)
		s.str(">\n")
		graphmlData(s, "e_label", firstSet(r.TypeLabel, t.Label, r.Type))
		for i, v := range edgeValues(&r, t) {
			graphmlData(s, "e_"+edgeAttrs[i].id, v)
		}
		if first, last, ok := relationSpan(&r); ok {
			graphmlData(s, "e_first_day", first.Format(day))
			graphmlData(s, "e_last_day", last.Format(day))
		}
		s.str("    </edge>\n")
		return s.err
	})
	if err != nil {
		return err
	}
	s.str("  </graph>\n</graphml>\n")
	return s.finish("GraphML")
}

func graphmlKeys(s *streamWriter, class, prefix string, attrs []graphAttr) {
	for _, a := range attrs {
		typ := a.typ
		if typ == "integer" {
			typ = "int"
		}
		s.str(`  <key id="`, prefix+a.id, `" for="`, class, `" attr.name="`, a.id, `" attr.type="`, typ, `"/>`+"\n")
	}
}

// graphmlData writes one value; an empty one is left out (GraphML's "no value").
func graphmlData(s *streamWriter, key, v string) {
	if v == "" {
		return
	}
	s.str(`      <data key="`, key, `">`)
	s.esc(v)
	s.str("</data>\n")
}
