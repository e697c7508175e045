package graph

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// GraphJSON is the shape `dossier graph --format json` writes.
type GraphJSON struct {
	Center  int64      `json:"center,omitempty"`
	Hops    int        `json:"hops,omitempty"`
	Filter  string     `json:"filter,omitempty"`
	Total   int        `json:"total_relations"`
	Shown   int        `json:"shown_relations"`
	Undated int        `json:"undated_left_out"`
	Notice  string     `json:"notice"`
	Nodes   []NodeJSON `json:"nodes"`
	Edges   []EdgeJSON `json:"edges"`
}

// NodeJSON is one actor of GraphJSON.
type NodeJSON struct {
	ID     int64  `json:"id"`
	Name   string `json:"name"`
	Kind   string `json:"kind"`
	Degree int    `json:"degree"`
	Hop    int    `json:"hop"`
}

// EdgeJSON is one relation of GraphJSON.
type EdgeJSON struct {
	Relation   int64  `json:"relation"`
	From       int64  `json:"from"`
	To         int64  `json:"to"`
	Type       string `json:"type"`
	Label      string `json:"label"`
	Directed   bool   `json:"directed"`
	Polarity   string `json:"polarity"`
	Start      string `json:"start,omitempty"`
	End        string `json:"end,omitempty"`
	Confidence string `json:"confidence"`
	Modality   string `json:"modality"`
	Articles   int    `json:"articles"`
}

// JSON returns g in the form the batch interface writes.
func (g Graph) JSON() GraphJSON {
	out := GraphJSON{Center: g.Center, Hops: g.Hops, Filter: g.Filter.Describe(), Total: g.Total, Shown: len(g.Edges),
		Undated: g.Undated, Notice: g.Notice(), Nodes: []NodeJSON{}, Edges: []EdgeJSON{}}
	for _, n := range g.Nodes {
		out.Nodes = append(out.Nodes, NodeJSON{n.ID, n.Name, string(n.Kind), n.Degree, n.Hop})
	}
	for _, e := range g.Edges {
		out.Edges = append(out.Edges, EdgeJSON{e.ID, e.From, e.To, e.Type, e.Label, e.Directed, string(e.Polarity),
			string(e.Start), string(e.End), e.Confidence, e.Modality, e.Articles})
	}
	return out
}

// WriteJSON writes g as indented JSON.
func WriteJSON(w io.Writer, g Graph) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(g.JSON())
}

// PolarityColor is the colour of a polarity in every picture: red conflictual, green
// cooperative, grey neutral (as hex, for DOT and SVG).
func PolarityColor(p string) string {
	switch p {
	case "conflictual":
		return "#c62828"
	case "cooperative":
		return "#2e7d32"
	}
	return "#757575"
}

// WriteDOT writes g for Graphviz: nodes labelled with names, edges with the relation's
// wording and date, coloured by polarity, dashed when not asserted, wider with more
// sources. The notice is a graph comment and label, so a cut is seen in the picture too.
func WriteDOT(w io.Writer, g Graph) error {
	var b strings.Builder
	b.WriteString("digraph dossier {\n")
	fmt.Fprintf(&b, "  label=%s;\n  labelloc=t;\n", dotQuote(g.Notice()))
	b.WriteString("  node [shape=ellipse, fontname=\"sans-serif\"];\n  edge [fontname=\"sans-serif\", fontsize=10];\n")
	for _, n := range g.Nodes {
		fmt.Fprintf(&b, "  a%d [label=%s, kind=%s, degree=%d];\n", n.ID, dotQuote(n.Name), dotQuote(string(n.Kind)), n.Degree)
	}
	for _, e := range g.Edges {
		label := e.Label
		if e.Start != "" {
			label += " (" + e.Start.Human() + ")"
		}
		style := "solid"
		if e.Dashed {
			style = "dashed"
		}
		dir := "forward"
		if !e.Directed {
			dir = "none"
		}
		fmt.Fprintf(&b, "  a%d -> a%d [label=%s, color=%s, style=%s, dir=%s, penwidth=%d, relation=%d, modality=%s, confidence=%s];\n",
			e.From, e.To, dotQuote(label), dotQuote(PolarityColor(string(e.Polarity))), style, dir, min(1+e.Articles, 6),
			e.ID, dotQuote(e.Modality), dotQuote(e.Confidence))
	}
	b.WriteString("}\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// dotQuote quotes s as a DOT string: quotes and backslashes escaped, line breaks and
// other control characters written as spaces, so no name can end the statement.
func dotQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
