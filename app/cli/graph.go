package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"dossier/app"
	"dossier/app/graph"
)

// graphStore is what dossier graph and dossier path need beyond Store; *db.Store
// provides it. Asked for by type, so that Store stays as the other commands need it.
type graphStore interface {
	EgoGraph(ctx context.Context, actorID int64, hops int, f graph.Filter, limit int) (graph.Graph, error)
	NetworkGraph(ctx context.Context, f graph.Filter, limit int) (graph.Graph, error)
	Connection(ctx context.Context, from, to int64, f graph.Filter) (graph.Connection, error)
	Relation(ctx context.Context, id int64) (app.Relation, error)
}

func asGraphStore(s Store) (graphStore, error) {
	g, ok := s.(graphStore)
	if !ok {
		return nil, app.Errorf(app.EINVALID, "This project cannot draw graphs here.")
	}
	return g, nil
}

const graphSynopsis = "graph [--db FILE] [--actor A] [--hops N] [--from DATE] [--to DATE] [--limit N] [--format json|dot]"

func runGraph(ctx context.Context, env Env, args []string) (err error) {
	f := newFlags(env, "graph", graphSynopsis, `Writes the relations graph for scripts (JSON) or Graphviz (DOT): one actor and its
counterparts at 1 or 2 hops (--actor), or the whole project. Each edge is one relation:
its type and wording, direction, polarity, date, confidence, modality and the number of
articles behind it. --from and --to keep relations whose dates meet that range (a
relation dated "2026" meets a range from 2026-06-01); undated relations are then left
out and counted ("undated_left_out"). With --limit the most telling relations are kept
and the output says so: "Showing 200 of 1,340 relations" (JSON "notice", DOT label).

  dossier graph --actor "Nouri al-Maliki" --hops 2 --format dot | dot -Tsvg > maliki.svg`).withDB().readsOnly()
	actor := f.String("actor", "", "the `ACTOR` at the centre (name, alias or #id); none: the whole project")
	hops := f.Int("hops", 1, "`N` = 1 (the actor's own relations) or 2 (its counterparts' too)")
	from := f.String("from", "", "keep relations dated from `DATE` (2026, 2026-01 or 2026-01-28)")
	to := f.String("to", "", "keep relations dated until `DATE`")
	limit := f.Int("limit", 0, "write at most `N` relations, the most telling first (0: all)")
	format := f.String("format", "json", "`json` or dot")
	if _, err := f.parse(args, 0, 0); err != nil {
		return err
	}
	if *hops != 1 && *hops != 2 {
		return f.usageErr("--hops must be 1 or 2, not %d", *hops)
	}
	if *format != "json" && *format != "dot" {
		return f.usageErr("--format must be json or dot, not %q", *format)
	}
	if *limit < 0 {
		return f.usageErr("--limit must be 0 or more")
	}
	filter, err := dateFilter(*from, *to)
	if err != nil {
		return err
	}
	s, err := f.open(ctx)
	if err != nil {
		return err
	}
	defer closeStore(s, &err)
	gs, err := asGraphStore(s)
	if err != nil {
		return err
	}
	var g graph.Graph
	if *actor != "" {
		a, err := s.FindActor(ctx, *actor)
		if err != nil {
			return flagError("actor", err)
		}
		g, err = gs.EgoGraph(ctx, a.ID, *hops, filter, *limit)
		if err != nil {
			return err
		}
	} else if g, err = gs.NetworkGraph(ctx, filter, *limit); err != nil {
		return err
	}
	if *format == "dot" {
		return graph.WriteDOT(env.Stdout, g)
	}
	return graph.WriteJSON(env.Stdout, g)
}

// dateFilter reads --from and --to, naming the flag in a refusal.
func dateFilter(from, to string) (graph.Filter, error) {
	var f graph.Filter
	var err error
	if f.From, err = app.ParseDate(from); err != nil {
		return f, flagError("from", err)
	}
	if f.To, err = app.ParseDate(to); err != nil {
		return f, flagError("to", err)
	}
	if f.From != "" && f.To != "" && !graph.Overlaps(f.From, "", "", f.To) {
		return f, app.Errorf(app.EINVALID, "--from %s is after --to %s.", f.From.Human(), f.To.Human())
	}
	return f, nil
}

const pathSynopsis = "path [--db FILE] --from A --to B [--json]"

func runPath(ctx context.Context, env Env, args []string) (err error) {
	f := newFlags(env, "path", pathSynopsis, `Says how two actors are connected: up to three distinct shortest chains of recorded
relations (either direction, at most four hops), each hop with the relation's wording,
date and its first source (article, outlet, date and quote). Connections only through
articles that name both (or name each with a third actor) are listed apart, as weaker:
being named together is not a relation.`).withDB().readsOnly()
	from := f.String("from", "", "the first `ACTOR` (name, alias or #id)")
	to := f.String("to", "", "the second `ACTOR`")
	asJSON := f.Bool("json", false, "write a JSON object: {from, to, paths: [{hops: [...]}], weaker: [...]}")
	if _, err := f.parse(args, 0, 0); err != nil {
		return err
	}
	if err := f.required("from", "to"); err != nil {
		return err
	}
	s, err := f.open(ctx)
	if err != nil {
		return err
	}
	defer closeStore(s, &err)
	gs, err := asGraphStore(s)
	if err != nil {
		return err
	}
	a, err := s.FindActor(ctx, *from)
	if err != nil {
		return flagError("from", err)
	}
	b, err := s.FindActor(ctx, *to)
	if err != nil {
		return flagError("to", err)
	}
	if a.ID == b.ID {
		return app.Errorf(app.EINVALID, "--from and --to name the same actor (%s).", a.Name)
	}
	c, err := gs.Connection(ctx, a.ID, b.ID, graph.Filter{})
	if err != nil {
		return err
	}
	pj, err := pathJSONOf(ctx, gs, c)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(pj)
	}
	return writePathText(env.Stdout, pj)
}

type pathJSON struct {
	From   graph.NodeJSON  `json:"from"`
	To     graph.NodeJSON  `json:"to"`
	Paths  []pathHopsJSON  `json:"paths"`
	Weaker []coMentionJSON `json:"weaker"`
}

type pathHopsJSON struct {
	Hops []hopJSON `json:"hops"`
}

type hopJSON struct {
	From      graph.NodeJSON `json:"from"`
	To        graph.NodeJSON `json:"to"`
	Relations []relJSON      `json:"relations"`
}

type relJSON struct {
	graph.EdgeJSON
	Wording  string         `json:"wording"`
	Evidence []evidenceJSON `json:"evidence"`
}

type evidenceJSON struct {
	Article int64  `json:"article"`
	Title   string `json:"title"`
	Outlet  string `json:"outlet,omitempty"`
	Date    string `json:"date,omitempty"`
	Quote   string `json:"quote,omitempty"`
}

type coMentionJSON struct {
	Via      []graph.NodeJSON `json:"via"`
	Articles int              `json:"articles"`
}

func nodeJSON(a graph.Actor) graph.NodeJSON {
	return graph.NodeJSON{ID: a.ID, Name: a.Name, Kind: string(a.Kind)}
}

// pathJSONOf completes c with each relation's evidence, read from the store.
func pathJSONOf(ctx context.Context, gs graphStore, c graph.Connection) (pathJSON, error) {
	out := pathJSON{From: nodeJSON(c.From), To: nodeJSON(c.To), Paths: []pathHopsJSON{}, Weaker: []coMentionJSON{}}
	for _, p := range c.Paths {
		var ph pathHopsJSON
		for _, h := range p.Hops {
			hj := hopJSON{From: nodeJSON(h.From), To: nodeJSON(h.To)}
			for _, e := range h.Links {
				r, err := gs.Relation(ctx, e.ID)
				if err != nil {
					return out, err
				}
				g := graph.Graph{Edges: []graph.Edge{e}}
				rj := relJSON{EdgeJSON: g.JSON().Edges[0], Evidence: []evidenceJSON{},
					Wording: r.SourceName + " " + e.Label + " " + r.TargetName}
				for _, ev := range r.Evidence {
					rj.Evidence = append(rj.Evidence, evidenceJSON{ev.ArticleID, ev.ArticleTitle, ev.Source, string(ev.ArticleDate), ev.Quote})
				}
				hj.Relations = append(hj.Relations, rj)
			}
			ph.Hops = append(ph.Hops, hj)
		}
		out.Paths = append(out.Paths, ph)
	}
	for _, w := range c.Weak {
		cj := coMentionJSON{Via: []graph.NodeJSON{}, Articles: w.Articles}
		for _, v := range w.Via {
			cj.Via = append(cj.Via, nodeJSON(v))
		}
		out.Weaker = append(out.Weaker, cj)
	}
	return out, nil
}

// writePathText prints the connections a line per hop, its relations indented under it.
func writePathText(w io.Writer, p pathJSON) error {
	var b strings.Builder
	if len(p.Paths) == 0 {
		fmt.Fprintf(&b, "no chain of relations of at most %d hops between %s and %s\n", graph.MaxHops, shown(p.From.Name), shown(p.To.Name))
	}
	for i, ph := range p.Paths {
		names := []string{shown(p.From.Name)}
		for _, h := range ph.Hops {
			names = append(names, shown(h.To.Name))
		}
		fmt.Fprintf(&b, "%d. %s (%d hops)\n", i+1, strings.Join(names, " → "), len(ph.Hops))
		for _, h := range ph.Hops {
			for _, r := range h.Relations {
				when := app.Range(app.Date(r.Start), app.Date(r.End))
				if when == "" {
					when = "undated"
				}
				extra := ""
				if r.Modality != app.Asserted {
					extra = ", " + r.Modality
				}
				fmt.Fprintf(&b, "   %s — %s, %s%s, %d article(s), relation #%d\n", shown(r.Wording), when, r.Confidence, extra, r.Articles, r.Relation)
				if len(r.Evidence) > 0 {
					e := r.Evidence[0]
					src := shown(e.Title)
					if e.Outlet != "" {
						src += ", " + shown(e.Outlet)
					}
					if e.Date != "" {
						src += ", " + app.Date(e.Date).Human()
					}
					if e.Quote != "" {
						fmt.Fprintf(&b, "      “%s” (%s)\n", shown(e.Quote), src)
					} else {
						fmt.Fprintf(&b, "      (%s)\n", src)
					}
				}
			}
		}
	}
	if len(p.Weaker) > 0 {
		b.WriteString("weaker: named in the same articles, no relation recorded\n")
		for _, c := range p.Weaker {
			if len(c.Via) == 0 {
				fmt.Fprintf(&b, "   %s and %s are named together in %d article(s)\n", shown(p.From.Name), shown(p.To.Name), c.Articles)
				continue
			}
			fmt.Fprintf(&b, "   through %s: named with each in at least %d article(s)\n", shown(c.Via[0].Name), c.Articles)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
