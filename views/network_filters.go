package views

import (
	"context"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
	"dossier/app/graph"
)

// The network screen's choices beyond dates and polarity: a relation type and a tag of
// the project's articles or actors.

// networkTagStore lists the tags a network can be filtered by (db.Store provides it).
type networkTagStore interface {
	GraphTags(ctx context.Context) (articles, actors []string, err error)
}

// What the network's type and tag choices say when they keep everything.
const (
	anyTag = "Any tag"
)

// networkChoice is a tag as the tag choice offers it.
type networkChoice struct {
	tag   string
	scope graph.TagScope
}

// networkFilters holds the type and tag choices and what each option stands for.
type networkFilters struct {
	typ, tag *widget.Select
	types    map[string]string        // label → type key
	tags     map[string]networkChoice // label → tag
}

func newNetworkFilters() *networkFilters {
	nf := &networkFilters{types: map[string]string{}, tags: map[string]networkChoice{}}
	nf.typ = widget.NewSelect([]string{allTypes}, nil)
	nf.typ.SetSelected(allTypes)
	nf.tag = widget.NewSelect([]string{anyTag}, nil)
	nf.tag.SetSelected(anyTag)
	return nf
}

// fill offers the project's relation types and its articles' and actors' tags, read in
// the background; a choice made so far is kept while it still exists.
func (nf *networkFilters) fill(u *UI) {
	st, ok := unwatched(u.store).(networkTagStore)
	u.async(func(ctx context.Context) {
		ts, err := u.store.RelationTypes(ctx)
		if err != nil {
			return
		}
		var arts, acts []string
		if ok {
			if arts, acts, err = st.GraphTags(ctx); err != nil {
				u.showError(err)
			}
		}
		fyne.Do(func() { nf.offer(ts, arts, acts) })
	})
}

// offer sets the options of the type and tag choices.
func (nf *networkFilters) offer(ts []app.RelationType, arts, acts []string) {
	types := []string{allTypes}
	for _, t := range ts {
		nf.types[t.Label] = t.Key
		types = append(types, t.Label)
	}
	nf.typ.Options = types
	tags := []string{anyTag}
	add := func(prefix string, list []string, scope graph.TagScope) {
		for _, t := range list {
			label := prefix + t
			nf.tags[label] = networkChoice{tag: t, scope: scope}
			tags = append(tags, label)
		}
	}
	add("articles tagged ", arts, graph.ArticleTags)
	add("actors tagged ", acts, graph.ActorTags)
	nf.tag.Options = tags
	if !slices.Contains(tags, nf.tag.Selected) {
		nf.tag.SetSelected(anyTag)
	}
	if !slices.Contains(types, nf.typ.Selected) {
		nf.typ.SetSelected(allTypes)
	}
	nf.typ.Refresh()
	nf.tag.Refresh()
}

// apply puts the type and tag chosen into f.
func (nf *networkFilters) apply(f *graph.Filter) {
	if k, ok := nf.types[nf.typ.Selected]; ok {
		f.Types = []string{k}
	}
	if c, ok := nf.tags[nf.tag.Selected]; ok {
		f.Tag, f.TagOf = c.tag, c.scope
	}
}

// networkNotice is what the network says of itself: what it shows (of how many, when
// cut) and the filter it was drawn with.
func networkNotice(g graph.Graph) string {
	s := g.Notice()
	if d := g.Filter.Describe(); d != "" {
		s += " Filter: " + d + "."
	}
	return s
}

// pinnedOnly keeps the places of the pinned actors: Lay out again moves everyone else.
func pinnedOnly(kept map[int64]graph.Position) map[int64]graph.Position {
	out := map[int64]graph.Position{}
	for id, p := range kept {
		if p.Pinned {
			out[id] = p
		}
	}
	return out
}
