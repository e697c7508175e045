package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"dossier/app"
)

// Taking the decisions a pull brings (see hubsync_decisions.go): planned with the
// records, so that their conflicts stop the pull before anything is written, and applied
// after them.

// What a pull does with one decision here.
const (
	keepHere = iota // nothing: the same here, or mine kept in a conflict
	takeHub         // write the hub's decision
	dropHere        // undo the decision here, as on the hub
)

// plannedDecision is one decision pulled and what becomes of it.
type plannedDecision struct {
	rec  app.HubRecord
	hub  decision // the hub's (Data empty for a deletion marker)
	mine decision // this project's (UUID empty when it holds none)
	act  int
	// conflicted: settled in a conflict, which the report counts apart.
	conflicted bool
	// updated is the base's local fingerprint once applied: the hub's decision or mine
	// when both are the same, "" when mine differs and is to be sent.
	updated string
}

// decisionPlan is what a pull does with the decisions it brings.
type decisionPlan struct {
	place app.HubPlace
	opt   app.HubSyncOptions
	rep   *app.HubSyncReport
	todo  map[string][]*plannedDecision // kind → decisions
	count map[string]*app.MergeCount
}

// absent stands for "no decision" in the comparisons of planOne.
const absent = "\x00absent"

// planDecisions takes the decisions out of recs and decides, one by one, what the pull
// does with them; their conflicts join the report's.
func (s *Store) planDecisions(ctx context.Context, tx *sql.Tx, place app.HubPlace, recs []app.HubRecord, opt app.HubSyncOptions, rep *app.HubSyncReport) ([]app.HubRecord, *decisionPlan, error) {
	dp := &decisionPlan{place: place, opt: opt, rep: rep, todo: map[string][]*plannedDecision{}, count: map[string]*app.MergeCount{}}
	rest := recs[:0:0]
	side := map[string][]app.HubRecord{}
	for _, r := range recs {
		if isDecisionKind(r.Kind) {
			side[r.Kind] = append(side[r.Kind], r)
		} else {
			rest = append(rest, r)
		}
	}
	for _, kind := range decisionKinds {
		if len(side[kind]) == 0 {
			continue
		}
		if err := dp.planKind(ctx, tx, kind, side[kind]); err != nil {
			return nil, nil, fmt.Errorf("%ss: %w", kind, err)
		}
	}
	return rest, dp, nil
}

// planKind plans the decisions of one kind pulled, against this project's and the bases.
func (dp *decisionPlan) planKind(ctx context.Context, tx *sql.Tx, kind string, recs []app.HubRecord) error {
	k := decisionKindOf(kind)
	local, err := k.list(ctx, tx)
	if err != nil {
		return err
	}
	mine := map[string]decision{}
	for _, d := range local {
		mine[d.UUID] = d
	}
	bases, err := decisionBases(ctx, tx, dp.place, kind)
	if err != nil {
		return err
	}
	dp.count[kind] = &app.MergeCount{Kind: kind}
	for _, r := range recs {
		b, hasBase := bases[r.UUID]
		if hasBase && b.seq == r.Seq {
			continue // this project's own change, sent back
		}
		pd := &plannedDecision{rec: r, mine: mine[r.UUID]}
		if err := dp.readHub(k, pd); err != nil {
			return err
		}
		if pd.hub.UUID != "" && pd.mine.UUID == "" {
			pd.hub.Label = labelHere(ctx, tx, kind, pd.hub)
		}
		baseState := absent
		if hasBase && !b.deleted {
			baseState = b.updated
		}
		if err := dp.planOne(ctx, tx, pd, baseState); err != nil {
			return err
		}
		dp.todo[kind] = append(dp.todo[kind], pd)
	}
	return nil
}

// readHub reads the hub's decision, refusing one of a newer format or not of its kind.
func (dp *decisionPlan) readHub(k decisionKind, pd *plannedDecision) error {
	r := pd.rec
	var head struct{ V int }
	if err := json.Unmarshal(r.Data, &head); err != nil {
		return app.Errorf(app.ECORRUPT, "The hub's %s %s is not readable JSON: %v.", app.RecordKindLabel(r.Kind), r.UUID, err)
	}
	if head.V > app.HubFormat {
		return app.Errorf(app.ETOONEW, "The hub's %s %s was written by a newer Dossier (format %d): update Dossier.", app.RecordKindLabel(r.Kind), r.UUID, head.V)
	}
	if r.Deleted {
		return nil
	}
	d, err := k.decode(r.Data)
	if err != nil {
		return err
	}
	if d.UUID != r.UUID {
		return app.Errorf(app.ECORRUPT, "The hub's %s %s is about another one (%s).", app.RecordKindLabel(r.Kind), r.UUID, d.UUID)
	}
	pd.hub = d
	return nil
}

func stateOf(d decision) string {
	if d.UUID == "" {
		return absent
	}
	return d.FP
}

// planOne decides what becomes of one decision pulled: the same on both sides, taken
// when only the hub changed it since the last sync (baseState), a conflict otherwise.
func (dp *decisionPlan) planOne(ctx context.Context, tx *sql.Tx, pd *plannedDecision, baseState string) error {
	hubState, mineState := stateOf(pd.hub), stateOf(pd.mine)
	switch {
	case mineState == hubState:
		pd.act, pd.updated = keepHere, pd.mine.FP
		if pd.hub.UUID != "" {
			dp.count[pd.rec.Kind].Unchanged++
		}
		return nil
	case mineState != baseState:
		dp.conflict(pd, whyDiffer(pd))
		return nil
	}
	if pd.rec.Kind == dismissedKind && pd.hub.UUID != "" {
		name, err := acceptedAs(ctx, tx, pd.hub)
		if err != nil || name != "" {
			dp.conflict(pd, "dismissed on the hub by "+pd.rec.UpdatedBy+"; here it is the name of the actor “"+name+"”")
			return err
		}
	}
	dp.takeTheirs(pd)
	return nil
}

func whyDiffer(pd *plannedDecision) string {
	switch {
	case pd.hub.UUID == "":
		return "decided here, undone on the hub by " + pd.rec.UpdatedBy
	case pd.mine.UUID == "":
		return "undone here, decided on the hub by " + pd.rec.UpdatedBy
	default:
		return "decided differently here (" + pd.mine.FP + ") and on the hub (" + pd.hub.FP + ", by " + pd.rec.UpdatedBy + ")"
	}
}

// takeTheirs makes the hub's decision this project's.
func (dp *decisionPlan) takeTheirs(pd *plannedDecision) {
	if pd.hub.UUID == "" {
		pd.act, pd.updated = dropHere, ""
		return
	}
	pd.act, pd.updated = takeHub, pd.hub.FP
}

// conflict settles a decision made differently on both sides as the researcher said:
// theirs takes the hub's, mine and both keep this project's and send it (a decision
// cannot be held both ways); unsettled, it stops the pull (ApplyHubPull).
func (dp *decisionPlan) conflict(pd *plannedDecision, why string) {
	item := app.MergeItem{Kind: pd.rec.Kind, UUID: pd.rec.UUID, Label: pd.mine.Label, Why: why}
	if item.Label == "" {
		item.Label = pd.hub.Label
	}
	pd.act, pd.updated, pd.conflicted = keepHere, "", true
	switch dp.opt.Conflicts {
	case app.TakeTheirs:
		item.Why += ": took theirs"
		dp.takeTheirs(pd)
	case app.KeepMine:
		item.Why += ": kept mine (sent to the hub)"
	case app.KeepBoth:
		item.Why += ": kept mine, as a decision cannot be held both ways (sent to the hub)"
	}
	dp.rep.Merge.Conflicts = append(dp.rep.Merge.Conflicts, item)
}

// apply writes the decisions planned, after the pull's records, and their bases; a
// decision naming a record this project does not hold is left out and said, its base
// left as it was.
func (dp *decisionPlan) apply(ctx context.Context, s *Store, tx *sql.Tx) error {
	t := &touched{articles: map[int64]bool{}}
	for _, kind := range decisionKinds {
		if dp.count[kind] == nil {
			continue
		}
		for _, pd := range dp.todo[kind] {
			if err := dp.applyOne(ctx, tx, pd, t); err != nil {
				return fmt.Errorf("%s %s: %w", kind, pd.rec.UUID, err)
			}
		}
		dp.rep.Merge.Counts = append(dp.rep.Merge.Counts, *dp.count[kind])
	}
	for id := range t.articles {
		if err := s.relinkArticle(ctx, tx, id); err != nil {
			return err
		}
	}
	return nil
}

// counted counts a decision taken from the hub.
func (dp *decisionPlan) counted(pd *plannedDecision) {
	switch c := dp.count[pd.rec.Kind]; {
	case pd.conflicted:
	case pd.mine.UUID == "":
		c.Added++
	default:
		c.Updated++
	}
}

func (dp *decisionPlan) applyOne(ctx context.Context, tx *sql.Tx, pd *plannedDecision, t *touched) error {
	k := decisionKindOf(pd.rec.Kind)
	switch pd.act {
	case takeHub:
		why, err := k.take(ctx, tx, pd.hub, t)
		if err != nil {
			return err
		}
		if why != "" {
			dp.rep.Merge.LeftOut = append(dp.rep.Merge.LeftOut, app.MergeItem{Kind: pd.rec.Kind, UUID: pd.rec.UUID, Label: pd.hub.Label, Why: why})
			return nil
		}
		dp.counted(pd)
	case dropHere:
		if pd.mine.UUID != "" {
			if err := k.drop(ctx, tx, pd.mine, t); err != nil {
				return err
			}
			dp.rep.Deleted = append(dp.rep.Deleted, app.MergeItem{Kind: pd.rec.Kind, UUID: pd.rec.UUID, Label: pd.mine.Label,
				Why: "undone on the hub by " + pd.rec.UpdatedBy})
		}
	}
	return setBase(ctx, tx, dp.place, pd.rec, pd.updated)
}
