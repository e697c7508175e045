package export

import (
	"context"
	"io"
	"strconv"

	"dossier/app"
)

// WriteGEXF writes the scope as a GEXF 1.3 graph for Gephi: actors as nodes (kind,
// aliases, description, UUID), relations as edges with their type, wording, polarity,
// confidence, modality, evidence count, first quote and its source, and their dates as
// spells (a single date and a range both become a range of whole days, 2026-01 running
// from 2026-01-01 to 2026-01-31), so Gephi's timeline works. The graph is dynamic with
// timeformat "date"; undated relations have no spell and show at every time. Node ids
// are the actors' UUIDs and edge ids the relations', so two exports of one project line
// up. Positions are written when j.Positions places the node. The graph is directed; an
// edge of an undirected type ("meets with") says so in its directed attribute, because
// GEXF readers such as networkx refuse a graph that mixes edge types.
func WriteGEXF(ctx context.Context, w io.Writer, j Job) error {
	types, err := j.typeMap(ctx)
	if err != nil {
		return err
	}
	s := newStreamWriter(w)
	s.str(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
		`<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" ` +
		`xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ` +
		`xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">` + "\n" +
		"  <meta>\n    <creator>Dossier</creator>\n    <description>")
	// The scope goes in GEXF's own description field, so the file says what it holds.
	s.esc(j.Scope.Describe())
	s.str("</description>\n  </meta>\n" +
		`  <graph defaultedgetype="directed" mode="dynamic" timeformat="date">` + "\n")
	gexfAttrs(s, "node", nodeAttrs)
	gexfAttrs(s, "edge", edgeAttrs)
	s.str("    <nodes>\n")
	err = j.Src.EachExportActor(ctx, j.Scope, func(a app.Actor) error {
		s.str("      <node")
		s.attr("id", a.UUID)
		s.attr("label", a.Name)
		s.str(">\n")
		gexfValues(s, nodeAttrs, nodeValues(&a))
		if j.Positions != nil {
			if x, y, ok := j.Positions.Position(a.UUID); ok {
				s.str(`        <viz:position x="`, ftoa(x), `" y="`, ftoa(y), `" z="0"/>`+"\n")
			}
		}
		s.str("      </node>\n")
		return s.err
	})
	if err != nil {
		return err
	}
	s.str("    </nodes>\n    <edges>\n")
	err = j.relations(ctx, func(r app.Relation) error {
		t := types[r.Type]
		s.str("      <edge")
		s.attr("id", r.UUID)
		s.attr("source", r.SourceUUID)
		s.attr("target", r.TargetUUID)
		s.attr("label", firstSet(r.TypeLabel, t.Label, r.Type))
		s.str(">\n")
		gexfValues(s, edgeAttrs, edgeValues(&r, t))
		if first, last, ok := relationSpan(&r); ok {
			s.str(`        <spells><spell start="`, first.Format(day), `" end="`, last.Format(day), `"/></spells>`+"\n")
		}
		s.str("      </edge>\n")
		return s.err
	})
	if err != nil {
		return err
	}
	s.str("    </edges>\n  </graph>\n</gexf>\n")
	return s.finish("GEXF")
}

func gexfAttrs(s *streamWriter, class string, attrs []graphAttr) {
	s.str(`    <attributes class="`, class, `" mode="static">`+"\n")
	for _, a := range attrs {
		s.str(`      <attribute id="`, a.id, `" title="`, a.id, `" type="`, a.typ, `"/>`+"\n")
	}
	s.str("    </attributes>\n")
}

// gexfValues writes the attribute values that are set; an empty one is left out, as GEXF
// means by absence.
func gexfValues(s *streamWriter, attrs []graphAttr, values []string) {
	s.str("        <attvalues>\n")
	for i, v := range values {
		if v == "" {
			continue
		}
		s.str(`          <attvalue for="`, attrs[i].id, `"`)
		s.attr("value", v)
		s.str("/>\n")
	}
	s.str("        </attvalues>\n")
}

func itoa(n int) string { return strconv.Itoa(n) }

func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
