package db

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"dossier/app"
)

// base is the version of one record the hub and this project last had in common.
type base struct {
	seq     int64
	updated string
	deleted bool
}

// pulled is what one pull brings, sorted.
type pulled struct {
	live  map[string]map[string]app.HubRecord // kind → uuid → record
	dead  []app.HubRecord
	bases map[string]base // kind/uuid → base
	stubs map[string]map[string]bool
	// redirected names (kind/uuid) the records pulled whose references to an actor
	// merged away here were pointed at the actor it was merged into: sent back so.
	redirected map[string]bool
}

// ApplyHubPull merges the records pulled from place (its changes numbered up to upTo)
// into this project, in one transaction that also moves the pulled cursor to upTo: a
// pull cut before the commit leaves nothing behind, and the next pull asks again. A
// record changed both here and on the hub is a conflict: unless opt.Conflicts says how to
// settle it, nothing is written and the report lists them (ECONFLICT).
func (s *Store) ApplyHubPull(ctx context.Context, place app.HubPlace, recs []app.HubRecord, upTo int64, opt app.HubSyncOptions) (rep app.HubSyncReport, err error) {
	defer wrapErr(&err, "apply the hub's changes")
	rep = app.HubSyncReport{Place: place, Merge: app.ProjectMergeReport{From: place.Key()}}
	dir, err := os.MkdirTemp("", "dossier-sync-")
	if err != nil {
		return rep, err
	}
	defer os.RemoveAll(dir)
	conn, err := s.attachTheirs(ctx, filepath.Join(dir, "hub.dossier"))
	if err != nil {
		return rep, err
	}
	defer conn.Close()
	defer conn.ExecContext(context.Background(), `DETACH DATABASE theirs`)
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return rep, mapError(err)
	}
	defer tx.Rollback()
	if recs, err = takeNoteImages(ctx, tx, place, recs, &rep); err != nil { // hubsync_images.go
		return rep, err
	}
	recs, dp, err := s.planDecisions(ctx, tx, place, recs, opt, &rep) // hubsync_decisions_pull.go
	if err != nil {
		return rep, err
	}
	sp, err := s.planPull(ctx, tx, place, recs, opt, &rep)
	if err != nil {
		return rep, err
	}
	if len(rep.Merge.Conflicts) > 0 && opt.Conflicts == "" {
		return rep, app.Errorf(app.ECONFLICT, "%d record(s) were changed both here and on the hub since the last sync. Look at them, then say which version to keep: yours, theirs or both (--conflicts mine|theirs|both).", len(rep.Merge.Conflicts))
	}
	if err := sp.applyPlan(&rep); err != nil {
		return rep, err
	}
	if err := dp.apply(ctx, s, tx); err != nil {
		return rep, mapError(err)
	}
	countReceived(&rep)
	if err := markPulled(ctx, tx, place, upTo); err != nil {
		return rep, err
	}
	return rep, mapError(tx.Commit())
}

// attachTheirs creates an empty project at path (see emptyTheirs), for the records
// pulled, and attaches it as "theirs" to a connection of its own: the attachment lasts
// as long as the connection, so the pull's transaction must run on that connection.
func (s *Store) attachTheirs(ctx context.Context, path string) (*sql.Conn, error) {
	if err := emptyTheirs(ctx, path); err != nil {
		return nil, err
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	if _, err := conn.ExecContext(ctx, `ATTACH DATABASE ? AS theirs`, path); err != nil {
		conn.Close()
		return nil, err
	}
	if _, err := conn.ExecContext(ctx, `PRAGMA theirs.journal_mode = MEMORY; PRAGMA theirs.synchronous = OFF`); err != nil {
		conn.ExecContext(context.Background(), `DETACH DATABASE theirs`)
		conn.Close()
		return nil, err
	}
	return conn, nil
}

// planPull loads the records pulled into the temporary project and decides, record by
// record, what the pull does: the conflicts are all known before anything is applied
// here, so that a pull with conflicts left unsettled stops before it writes.
func (s *Store) planPull(ctx context.Context, tx *sql.Tx, place app.HubPlace, recs []app.HubRecord, opt app.HubSyncOptions, rep *app.HubSyncReport) (*syncPlan, error) {
	p, err := s.sortPulled(ctx, tx, place, recs)
	if err != nil {
		return nil, err
	}
	if err := s.loadTheirs(ctx, tx, p, place, &rep.Merge); err != nil {
		return nil, err
	}
	m := &merger{s: s, tx: tx, ctx: ctx, opt: app.ProjectMergeOptions{Conflicts: opt.Conflicts}, rep: &rep.Merge,
		add: map[string][]string{}, take: map[string][]string{}, both: map[string][]string{}, doubled: map[string]map[string]string{}}
	sp := &syncPlan{m: m, p: p, place: place, inCommon: map[string]bool{}, keep: map[string]bool{}, restore: map[string][]string{}}
	if err := sp.plan(); err != nil {
		return nil, mapError(err)
	}
	if err := sp.planDeletions(); err != nil {
		return nil, mapError(err)
	}
	return sp, nil
}

// applyPlan writes what the plan decided, in this order: records a conflict brings
// back lose their tombstones, the merge adds and updates records, the hub's deletions
// go; the bases come last, since they are read from what is then here.
func (sp *syncPlan) applyPlan(rep *app.HubSyncReport) error {
	if err := sp.restoreDeleted(); err != nil {
		return mapError(err)
	}
	if err := sp.m.apply(); err != nil {
		return mapError(err)
	}
	if err := sp.applyDeletions(rep); err != nil {
		return mapError(err)
	}
	if err := sp.recordBases(sp.place); err != nil {
		return mapError(err)
	}
	return nil
}

// countReceived counts the records the pull changed here: added, updated, taken or
// kept beside mine in a conflict, and deleted.
func countReceived(rep *app.HubSyncReport) {
	for _, c := range rep.Merge.Counts {
		rep.Received += c.Added + c.Updated
	}
	for _, c := range rep.Merge.Conflicts {
		if strings.Contains(c.Why, "took theirs") || strings.Contains(c.Why, "kept both") {
			rep.Received++
		}
	}
	rep.Received += len(rep.Deleted)
}

// markPulled moves the pulled cursor to upTo, in the pull's transaction: the records
// and the cursor are written together or not at all.
func markPulled(ctx context.Context, tx *sql.Tx, place app.HubPlace, upTo int64) error {
	if err := ensureHubState(ctx, tx, place); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE hub_sync_state SET pulled_seq = max(pulled_seq, ?) WHERE hub = ?`, upTo, place.Key()); err != nil {
		return err
	}
	if syncCommitHook != nil {
		if err := syncCommitHook(); err != nil {
			return err
		}
	}
	return nil
}

// syncCommitHook, set by tests, runs just before a pull commits: an error stands for a
// crash there.
var syncCommitHook func() error

// sortPulled sorts the records pulled into live ones and deletions, leaving out the
// hub's copies of what this project sent itself (same change number as the base).
func (s *Store) sortPulled(ctx context.Context, tx *sql.Tx, place app.HubPlace, recs []app.HubRecord) (*pulled, error) {
	p := &pulled{live: map[string]map[string]app.HubRecord{}, bases: map[string]base{}, stubs: map[string]map[string]bool{}, redirected: map[string]bool{}}
	byKind := map[string][]string{}
	for _, r := range recs {
		byKind[r.Kind] = append(byKind[r.Kind], r.UUID)
	}
	for kind, uuids := range byKind {
		rows, err := tx.QueryContext(ctx, `SELECT uuid, seq, updated, deleted FROM hub_sync_records
			WHERE hub = ? AND kind = ? AND uuid IN (SELECT value FROM json_each(?))`, place.Key(), kind, jsonList(uuids))
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var u string
			var b base
			if err := rows.Scan(&u, &b.seq, &b.updated, &b.deleted); err != nil {
				rows.Close()
				return nil, err
			}
			p.bases[kind+"/"+u] = b
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	for _, r := range recs {
		if !isSyncKind(r.Kind) {
			return nil, app.Errorf(app.ETOONEW, "The hub holds a %s record, a kind this Dossier does not know: update Dossier.", r.Kind)
		}
		if b, ok := p.bases[r.Kind+"/"+r.UUID]; ok && b.seq == r.Seq {
			continue // this project's own change, sent back
		}
		var head struct{ V int }
		if err := json.Unmarshal(r.Data, &head); err != nil {
			return nil, app.Errorf(app.ECORRUPT, "The hub's %s %s is not readable JSON: %v.", r.Kind, r.UUID, err)
		}
		if head.V > app.HubFormat {
			return nil, app.Errorf(app.ETOONEW, "The hub's %s %s was written by a newer Dossier (format %d): update Dossier.", r.Kind, r.UUID, head.V)
		}
		if r.Deleted {
			p.dead = append(p.dead, r)
			continue
		}
		if p.live[r.Kind] == nil {
			p.live[r.Kind] = map[string]app.HubRecord{}
		}
		p.live[r.Kind][r.UUID] = r
	}
	return p, nil
}

func isSyncKind(k string) bool {
	for _, s := range syncKinds {
		if s == k {
			return true
		}
	}
	return false
}

// refsOf lists, from a record's JSON, the records it points at, as kind/uuid pairs.
func refsOf(kind string, data json.RawMessage) [][2]string {
	var d map[string]any
	if json.Unmarshal(data, &d) != nil {
		return nil
	}
	var out [][2]string
	add := func(k string, v any) {
		if u, ok := v.(string); ok && u != "" {
			out = append(out, [2]string{k, u})
		}
	}
	for col, ref := range kindOf(kind).refs {
		if ref != "outlets" {
			add(strings.TrimSuffix(ref, "s"), d[col])
		}
	}
	if ev, ok := d["evidence"].([]any); ok {
		for _, e := range ev {
			if em, ok := e.(map[string]any); ok {
				add("article", em["article_id"])
			}
		}
	}
	return out
}

// loadTheirs writes the live records pulled into the temporary project, with copies of
// this project's records they point at (stubs, the same on both sides, so the merge
// finds them unchanged) so that every reference can be followed by UUID.
func (s *Store) loadTheirs(ctx context.Context, tx *sql.Tx, p *pulled, place app.HubPlace, rep *app.ProjectMergeReport) error {
	if err := redirectMerged(ctx, tx, p); err != nil {
		return err
	}
	data := map[string][]json.RawMessage{}
	// Notes point at relations, relations and notes at actors and articles: stubs are
	// gathered in that order so a relation stub's own references are followed too.
	for _, wave := range [][]string{{"note"}, {"relation", "note"}} {
		need := neededStubs(p, wave, data)
		if err := s.addStubs(ctx, tx, p, need, data); err != nil {
			return err
		}
	}
	leaveOutUnresolved(p, rep)
	for _, kind := range syncKinds {
		for _, r := range p.live[kind] {
			data[kind] = append(data[kind], r.Data)
		}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE theirs.project_identity SET uuid = ?`, hubIdentity(place)); err != nil {
		return err
	}
	for _, kind := range syncKinds {
		if err := loadKind(ctx, tx, kindOf(kind), data[kind]); err != nil {
			return fmt.Errorf("%ss from the hub: %w", kind, err)
		}
	}
	return nil
}

// neededStubs lists, by kind, the records that the records of the kinds in wave (pulled,
// or stubs already gathered in data) point at and that neither the pull nor the stubs
// hold yet.
func neededStubs(p *pulled, wave []string, data map[string][]json.RawMessage) map[string]map[string]bool {
	need := map[string]map[string]bool{}
	for _, kind := range wave {
		ds := data[kind]
		for _, r := range p.live[kind] {
			ds = append(ds, r.Data)
		}
		for _, d := range ds {
			for _, r := range refsOf(kind, d) {
				if _, have := p.live[r[0]][r[1]]; have || p.stubs[r[0]][r[1]] {
					continue
				}
				if need[r[0]] == nil {
					need[r[0]] = map[string]bool{}
				}
				need[r[0]][r[1]] = true
			}
		}
	}
	return need
}

// addStubs copies the records of this project that need names into data, as stubs,
// and marks them in p.stubs; those this project does not hold are left for
// leaveOutUnresolved to find.
func (s *Store) addStubs(ctx context.Context, tx *sql.Tx, p *pulled, need map[string]map[string]bool, data map[string][]json.RawMessage) error {
	for kind, set := range need {
		var uuids []string
		for u := range set {
			uuids = append(uuids, u)
		}
		recs, err := s.recordsOf(ctx, tx, kind, uuids)
		if err != nil {
			return err
		}
		for _, r := range recs {
			if p.stubs[kind] == nil {
				p.stubs[kind] = map[string]bool{}
			}
			p.stubs[kind][r.UUID] = true
			data[kind] = append(data[kind], r.Data)
		}
	}
	return nil
}

// leaveOutUnresolved takes out of the pull, naming them in the report, the records that
// point at a record neither the pull nor this project holds (deleted here, or on the
// hub): written, their reference would be lost without a word.
func leaveOutUnresolved(p *pulled, rep *app.ProjectMergeReport) {
	for _, kind := range []string{"relation", "note"} {
		for u, r := range p.live[kind] {
			for _, ref := range refsOf(kind, r.Data) {
				if _, ok := p.live[ref[0]][ref[1]]; ok || p.stubs[ref[0]][ref[1]] {
					continue
				}
				rep.LeftOut = append(rep.LeftOut, app.MergeItem{Kind: kind, UUID: u, Label: labelOf(kind, r.Data),
					Why: "refers to a " + ref[0] + " this project does not have (" + ref[1] + ")"})
				delete(p.live[kind], u)
				break
			}
		}
	}
}

// labelOf is a record's label from its hub JSON.
func labelOf(kind string, data json.RawMessage) string {
	var d map[string]any
	json.Unmarshal(data, &d)
	s, _ := d[kindOf(kind).label].(string)
	return shortLabel(s)
}

// redirectMerged points the references of the records pulled to actors merged away here
// at the actors they were merged into (following merges of merges).
func redirectMerged(ctx context.Context, tx *sql.Tx, p *pulled) error {
	into, err := mergedInto(ctx, tx)
	if err != nil || len(into) == 0 {
		return err
	}
	for _, kind := range []string{"relation", "note"} {
		for u, r := range p.live[kind] {
			b, changed, err := redirectRefs(kind, r.Data, into)
			if err != nil {
				return err
			}
			if !changed {
				continue
			}
			r.Data = b
			p.live[kind][u] = r
			p.redirected[kind+"/"+u] = true
		}
	}
	return nil
}

// mergedInto maps each actor merged away here (and not undone) to the actor it was
// merged into, in the order of the merges.
func mergedInto(ctx context.Context, tx *sql.Tx) (map[string]string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT json_extract(mg.journal, '$.dropped.UUID'), a.uuid FROM main.merges mg
		JOIN main.actors a ON a.id = mg.kept_id WHERE mg.undone = '' ORDER BY mg.id`)
	if err != nil {
		return nil, err
	}
	into := map[string]string{}
	for rows.Next() {
		var d, k string
		if err := rows.Scan(&d, &k); err != nil {
			rows.Close()
			return nil, err
		}
		into[d] = k
	}
	rows.Close()
	return into, rows.Err()
}

// finalInto follows merges of merges from the actor u to the actor that holds it now;
// the bound stops a cycle, which the merges should never make, from looping forever.
func finalInto(into map[string]string, u string) string {
	for i := 0; i < 100 && into[u] != ""; i++ {
		u = into[u]
	}
	return u
}

// redirectRefs points the actor references of one record's JSON at the actors they
// were merged into; false when none changed, or when the JSON is not an object (the
// record is then left as it came).
func redirectRefs(kind string, data json.RawMessage, into map[string]string) (json.RawMessage, bool, error) {
	var d map[string]any
	if json.Unmarshal(data, &d) != nil {
		return nil, false, nil
	}
	changed := false
	for col, ref := range kindOf(kind).refs {
		if v, ok := d[col].(string); ok && ref == "actors" && into[v] != "" {
			d[col], changed = finalInto(into, v), true
		}
	}
	if !changed {
		return nil, false, nil
	}
	b, err := json.Marshal(d)
	if err != nil {
		return nil, false, err
	}
	return b, true, nil
}

// hubIdentity stands for the hub collection as a project identity (merge_peers).
func hubIdentity(place app.HubPlace) string {
	h := sha256.Sum256([]byte(place.Key()))
	return "hub-" + hex.EncodeToString(h[:16])
}

// loadKind inserts records of kind k, given as hub JSON, into the temporary project.
func loadKind(ctx context.Context, tx *sql.Tx, k mergeKind, data []json.RawMessage) error {
	if len(data) == 0 {
		return nil
	}
	parts := make([]string, len(data))
	for i, d := range data {
		parts[i] = string(d)
	}
	list := "[" + strings.Join(parts, ",") + "]"
	switch k.kind {
	case "article":
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO theirs.outlets(uuid, name, folded, url, reliability)
			SELECT json_extract(j.value, '$.outlet.uuid'), json_extract(j.value, '$.outlet.name'), json_extract(j.value, '$.outlet.folded'),
				json_extract(j.value, '$.outlet.url'), json_extract(j.value, '$.outlet.reliability')
			FROM json_each(?) j WHERE json_type(j.value, '$.outlet') = 'object'`, list); err != nil {
			return err
		}
	case "relation":
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO theirs.relation_types(key, label, inverse, directed, polarity, family, builtin)
			SELECT json_extract(j.value, '$.type_def.key'), json_extract(j.value, '$.type_def.label'), json_extract(j.value, '$.type_def.inverse'),
				json_extract(j.value, '$.type_def.directed'), json_extract(j.value, '$.type_def.polarity'), json_extract(j.value, '$.type_def.family'),
				json_extract(j.value, '$.type_def.builtin')
			FROM json_each(?) j WHERE json_type(j.value, '$.type_def') = 'object'`, list); err != nil {
			return err
		}
	}
	cols, err := tableColumns(ctx, tx, k.table)
	if err != nil {
		return err
	}
	exprs := make([]string, len(cols))
	for i, c := range cols {
		exprs[i] = fmt.Sprintf("json_extract(j.value, '$.%s')", c)
		if ref, ok := k.refs[c]; ok {
			exprs[i] = fmt.Sprintf("(SELECT x.id FROM theirs.%s x WHERE x.%s = json_extract(j.value, '$.%s'))", ref, refKey(ref), c)
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO theirs.`+k.table+`(`+strings.Join(cols, ", ")+`) SELECT `+strings.Join(exprs, ", ")+
		` FROM json_each(?) j`, list); err != nil {
		return err
	}
	switch k.kind {
	case "actor":
		_, err = tx.ExecContext(ctx, `INSERT OR IGNORE INTO theirs.aliases(actor_id, text, folded, is_name)
			SELECT a.id, json_extract(al.value, '$.text'), json_extract(al.value, '$.folded'), json_extract(al.value, '$.is_name')
			FROM json_each(?) j JOIN theirs.actors a ON a.uuid = json_extract(j.value, '$.uuid'), json_each(j.value, '$.aliases') al`, list)
	case "relation":
		_, err = tx.ExecContext(ctx, `INSERT OR IGNORE INTO theirs.evidence(uuid, relation_id, article_id, quote, start, end)
			SELECT json_extract(e.value, '$.uuid'), r.id, ar.id, json_extract(e.value, '$.quote'), json_extract(e.value, '$.start'), json_extract(e.value, '$.end')
			FROM json_each(?) j JOIN theirs.relations r ON r.uuid = json_extract(j.value, '$.uuid'), json_each(j.value, '$.evidence') e
			JOIN theirs.articles ar ON ar.uuid = json_extract(e.value, '$.article_id')`, list)
	}
	return err
}

// syncPlan decides, record by record, what a pull does: the project merge's rules with
// the hub's change numbers and the bases in place of the merge's times.
type syncPlan struct {
	m     *merger
	p     *pulled
	place app.HubPlace
	// inCommon names (kind/uuid) the records that are, once applied, the same here and
	// on the hub; keep those kept as mine though the hub's differ (to be sent).
	inCommon, keep map[string]bool
	// restore lists, by kind, records deleted here a conflict brings back.
	restore map[string][]string
	// del lists the hub's deletions to apply here; delKeep those kept (conflicts).
	del []app.HubRecord
}

// plan decides, kind by kind, what becomes of each live record pulled.
func (sp *syncPlan) plan() error {
	m := sp.m
	for _, q := range []string{`CREATE TEMP TABLE IF NOT EXISTS merge_article_map (their_id INTEGER PRIMARY KEY, my_id INTEGER NOT NULL)`,
		`DELETE FROM temp.merge_article_map`} {
		if _, err := m.tx.ExecContext(m.ctx, q); err != nil {
			return err
		}
	}
	for _, kind := range syncKinds {
		if err := sp.planKind(kind); err != nil {
			return err
		}
	}
	return nil
}

// planKind decides what becomes of the live records of one kind pulled, and counts
// them in the report.
func (sp *syncPlan) planKind(kind string) error {
	m := sp.m
	kp, err := m.gather(kindOf(kind))
	if err != nil {
		return fmt.Errorf("%ss: %w", kind, err)
	}
	count := app.MergeCount{Kind: kind}
	for _, r := range kp.theirs {
		rec, ok := sp.p.live[kind][r.uuid]
		if !ok {
			continue // a stub: this project's own record
		}
		item := app.MergeItem{Kind: kind, UUID: r.uuid, Label: r.label}
		if mineUpdated, have := kp.mine[r.uuid]; have {
			sp.planHeld(item, kp, mineUpdated, &count)
		} else {
			sp.planAbsent(item, kp, rec, &count)
		}
	}
	m.rep.Counts = append(m.rep.Counts, count)
	return nil
}

// planAbsent decides what becomes of a record pulled that this project does not hold:
// new, deleted here (since the last sync or before), or an article it holds under
// another UUID.
func (sp *syncPlan) planAbsent(item app.MergeItem, kp *kindPlan, rec app.HubRecord, count *app.MergeCount) {
	m := sp.m
	kind, key := item.Kind, item.Kind+"/"+item.UUID
	b, hasBase := sp.p.bases[key]
	switch {
	case kp.gone[item.UUID] && hasBase && !b.deleted:
		item.Why = "deleted here, changed on the hub"
		sp.decideDeletedHere(item, rec)
	case kp.gone[item.UUID] && hasBase:
		// Deleted on both sides at the last sync, brought back on the hub since
		// (a colleague kept it in a conflict, or undid an actor merge): taken.
		count.Added++
		sp.restore[kind] = append(sp.restore[kind], item.UUID)
		m.add[kind] = append(m.add[kind], item.UUID)
		sp.inCommon[key] = !sp.p.redirected[key]
	case kp.gone[item.UUID]:
		item.Why = "deleted here; the hub's copy is not added back, and the deletion is sent"
		m.rep.DeletedHere = append(m.rep.DeletedHere, item)
	case kp.same[item.UUID]:
		item.Why = "the same address or text as an article of this project"
		m.rep.SameArticle = append(m.rep.SameArticle, item)
	default:
		count.Added++
		m.add[kind] = append(m.add[kind], item.UUID)
		sp.inCommon[key] = !sp.p.redirected[key]
	}
}

// planHeld decides what becomes of a record pulled that this project holds (its
// version last updated at mineUpdated): unchanged, taken when only the hub changed it
// since the last sync, a conflict when both did.
func (sp *syncPlan) planHeld(item app.MergeItem, kp *kindPlan, mineUpdated string, count *app.MergeCount) {
	m := sp.m
	kind, key := item.Kind, item.Kind+"/"+item.UUID
	b, hasBase := sp.p.bases[key]
	switch {
	case !kp.differ[item.UUID]:
		count.Unchanged++
		sp.inCommon[key] = true
	case hasBase && b.updated == mineUpdated:
		count.Updated++
		m.take[kind] = append(m.take[kind], item.UUID)
		sp.inCommon[key] = !sp.p.redirected[key]
	default:
		n := len(m.take[kind])
		m.decide(kind, item, true, true, count)
		if len(m.take[kind]) > n {
			sp.inCommon[key] = true
		} else {
			sp.keep[key] = true
		}
	}
}

// decideDeletedHere settles a record deleted here that a colleague changed on the hub:
// mine sends the deletion, theirs and both bring the record back.
func (sp *syncPlan) decideDeletedHere(item app.MergeItem, rec app.HubRecord) {
	switch sp.m.opt.Conflicts {
	case app.KeepMine:
		item.Why += ": kept deleted (the deletion is sent)"
	case app.TakeTheirs, app.KeepBoth:
		item.Why += ": brought back"
		sp.restore[rec.Kind] = append(sp.restore[rec.Kind], rec.UUID)
		sp.m.add[rec.Kind] = append(sp.m.add[rec.Kind], rec.UUID)
		sp.inCommon[rec.Kind+"/"+rec.UUID] = true
	}
	sp.m.rep.Conflicts = append(sp.m.rep.Conflicts, item)
}

// restoreDeleted forgets the deletion of records a conflict brings back.
func (sp *syncPlan) restoreDeleted() error {
	for kind, uuids := range sp.restore {
		if _, err := sp.m.tx.ExecContext(sp.m.ctx, `DELETE FROM main.tombstones WHERE kind = ? AND uuid IN (SELECT value FROM json_each(?))`, kind, jsonList(uuids)); err != nil {
			return err
		}
	}
	return nil
}

// planDeletions decides, for each deletion on the hub, whether it is applied here: yes
// when the record was not changed here since the last sync; a conflict otherwise.
func (sp *syncPlan) planDeletions() error {
	m := sp.m
	for _, r := range sp.p.dead {
		k := kindOf(r.Kind)
		var updated, label string
		err := m.tx.QueryRowContext(m.ctx, `SELECT updated, `+k.label+` FROM main.`+k.table+` WHERE uuid = ?`, r.UUID).Scan(&updated, &label)
		if err == sql.ErrNoRows {
			continue
		}
		if err != nil {
			return err
		}
		key := r.Kind + "/" + r.UUID
		b, hasBase := sp.p.bases[key]
		if hasBase && b.updated == updated {
			sp.del = append(sp.del, r)
			continue
		}
		item := app.MergeItem{Kind: r.Kind, UUID: r.UUID, Label: shortLabel(label), Why: "changed here, deleted on the hub"}
		switch m.opt.Conflicts {
		case app.TakeTheirs:
			item.Why += ": deleted here too"
			sp.del = append(sp.del, r)
		case app.KeepMine, app.KeepBoth:
			item.Why += ": kept (sent back to the hub)"
			sp.keep[key] = true
		}
		m.rep.Conflicts = append(m.rep.Conflicts, item)
	}
	return nil
}

// applyDeletions deletes here what colleagues deleted on the hub, references last: an
// actor merged into another there is merged here too, so its notes and mentions follow.
func (sp *syncPlan) applyDeletions(rep *app.HubSyncReport) error {
	m := sp.m
	for _, kind := range []string{"note", "relation", "article", "actor"} {
		for _, r := range sp.del {
			if r.Kind != kind {
				continue
			}
			k := kindOf(kind)
			var id int64
			var label string
			err := m.tx.QueryRowContext(m.ctx, `SELECT id, `+k.label+` FROM main.`+k.table+` WHERE uuid = ?`, r.UUID).Scan(&id, &label)
			if err == sql.ErrNoRows {
				continue // went with a record deleted before it
			}
			if err != nil {
				return err
			}
			item := app.MergeItem{Kind: kind, UUID: r.UUID, Label: shortLabel(label), Why: "deleted on the hub by " + r.UpdatedBy}
			done, err := sp.deleteOne(kind, id, r, &item)
			if err != nil {
				return fmt.Errorf("%s %s: %w", kind, r.UUID, err)
			}
			if done {
				rep.Deleted = append(rep.Deleted, item)
			} else {
				sp.keep[kind+"/"+r.UUID] = true
				m.rep.DeletedThere = append(m.rep.DeletedThere, item)
			}
		}
	}
	return nil
}

// deleteOne deletes one record here; false when it cannot go (relations here still
// name an actor) and is kept, to be sent back.
func (sp *syncPlan) deleteOne(kind string, id int64, r app.HubRecord, item *app.MergeItem) (bool, error) {
	m := sp.m
	tx, ctx := m.tx, m.ctx
	// What was written here since the last sync and would go with the record (a note on
	// it; for an article, a relation citing it) keeps it: deleting would lose that work
	// without a word.
	if n, err := sp.changedDependents(kind, id); err != nil || n > 0 {
		item.Why = fmt.Sprintf("deleted on the hub by %s; kept here, where %d record(s) written since the last sync depend on it, and sent back", r.UpdatedBy, n)
		return false, err
	}
	switch kind {
	case "actor":
		return sp.deleteActor(id, r, item)
	case "article":
		// The relations it backs lose that evidence: a change of theirs to send, unless
		// the hub's copies of them came in this same pull already without it.
		if _, err := tx.ExecContext(ctx, `UPDATE main.relations SET updated = ?1 WHERE id IN (SELECT relation_id FROM main.evidence WHERE article_id = ?2)`, m.s.now(), id); err != nil {
			return false, err
		}
		_, err := tx.ExecContext(ctx, `DELETE FROM main.articles WHERE id = ?`, id)
		return true, err
	default:
		_, err := tx.ExecContext(ctx, `DELETE FROM main.`+kindOf(kind).table+` WHERE id = ?`, id)
		return true, err
	}
}

// deleteActor deletes the actor id here as the hub did: merged into the actor the hub
// merged it into when this project holds that one, deleted otherwise; false when
// relations here still name it and it is kept, to be sent back.
func (sp *syncPlan) deleteActor(id int64, r app.HubRecord, item *app.MergeItem) (bool, error) {
	m := sp.m
	tx, ctx := m.tx, m.ctx
	var d struct {
		MergedInto string `json:"merged_into"`
	}
	json.Unmarshal(r.Data, &d)
	var keepID int64
	if d.MergedInto != "" {
		if err := tx.QueryRowContext(ctx, `SELECT id FROM main.actors WHERE uuid = ?`, d.MergedInto).Scan(&keepID); err != nil && err != sql.ErrNoRows {
			return false, err
		}
	}
	if keepID != 0 && keepID != id {
		k, err := actor(ctx, tx, keepID)
		if err != nil {
			return false, err
		}
		dr, err := actor(ctx, tx, id)
		if err != nil {
			return false, err
		}
		if _, err := m.s.mergeActors(ctx, tx, k, dr); err != nil {
			return false, err
		}
		item.Why = "merged on the hub into “" + k.Name + "” by " + r.UpdatedBy + ": merged here too"
		return true, nil
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM relations WHERE ?1 IN (source_id, target_id, speaker_id)`, id).Scan(&n); err != nil {
		return false, err
	}
	if n > 0 {
		item.Why = fmt.Sprintf("deleted on the hub by %s; kept here, where %d relation(s) still name it, and sent back", r.UpdatedBy, n)
		return false, nil
	}
	return true, unlinkActor(ctx, tx, id, func() error {
		_, err := tx.ExecContext(ctx, `DELETE FROM actors WHERE id = ?`, id)
		return err
	})
}

// recordBases records, for every record pulled, the version now in common: the local
// stamp where this project holds the hub's version, ” where it keeps its own (so that
// it is sent) or holds none.
func (sp *syncPlan) recordBases(place app.HubPlace) error {
	m := sp.m
	left := map[string]bool{}
	for _, it := range m.rep.LeftOut {
		left[it.Kind+"/"+it.UUID] = true
	}
	all := []app.HubRecord{}
	for _, kind := range syncKinds {
		for _, r := range sp.p.live[kind] {
			all = append(all, r)
		}
	}
	all = append(all, sp.p.dead...)
	byKind := map[string][]baseRow{}
	for _, r := range all {
		key := r.Kind + "/" + r.UUID
		if left[key] {
			continue // left out, and said: the base stays, so nothing here overwrites the hub's
		}
		byKind[r.Kind] = append(byKind[r.Kind], newBaseRow(r, sp.inCommon[key] && !sp.keep[key]))
	}
	for _, kind := range syncKinds {
		if err := setBases(m.ctx, m.tx, place, kind, byKind[kind]); err != nil {
			return err
		}
	}
	return nil
}

// baseRow is one record's base as setBases takes it; Common says the local record is
// the hub's version (its stamp is the base's), else the base has no local stamp.
type baseRow struct {
	UUID      string
	Seq       int64
	Deleted   bool
	Common    bool
	CreatedBy string
	UpdatedBy string
	UpdatedAt string
}

func newBaseRow(r app.HubRecord, common bool) baseRow {
	b := baseRow{UUID: r.UUID, Seq: r.Seq, Deleted: r.Deleted, Common: common, CreatedBy: r.CreatedBy, UpdatedBy: r.UpdatedBy}
	if !r.UpdatedAt.IsZero() {
		b.UpdatedAt = r.UpdatedAt.UTC().Format(time.RFC3339Nano)
	}
	return b
}

// setBases records the bases of records of one kind in one statement, as setBase does
// one by one (a first pull records hundreds of thousands).
func setBases(ctx context.Context, tx *sql.Tx, place app.HubPlace, kind string, rows []baseRow) error {
	if len(rows) == 0 {
		return nil
	}
	list, err := json.Marshal(rows)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO main.hub_sync_records(hub, kind, uuid, seq, updated, deleted, created_by, updated_by, updated_at)
		SELECT ?1, ?2, j.value->>'UUID', j.value->>'Seq',
			CASE WHEN j.value->>'Common' THEN coalesce((SELECT m.updated FROM main.`+kindOf(kind).table+` m WHERE m.uuid = j.value->>'UUID'), '') ELSE '' END,
			j.value->>'Deleted', j.value->>'CreatedBy', j.value->>'UpdatedBy', j.value->>'UpdatedAt'
		FROM json_each(?3) j WHERE true
		ON CONFLICT (hub, kind, uuid) DO UPDATE SET seq = excluded.seq, updated = excluded.updated, deleted = excluded.deleted,
		created_by = CASE WHEN excluded.created_by <> '' THEN excluded.created_by ELSE created_by END,
		updated_by = CASE WHEN excluded.updated_by <> '' THEN excluded.updated_by ELSE updated_by END,
		updated_at = CASE WHEN excluded.updated_at <> '' THEN excluded.updated_at ELSE updated_at END`, place.Key(), kind, string(list))
	return err
}

// changedDependents counts the records changed here since the last sync that a
// deletion of the record (kind, id) would take with it.
func (sp *syncPlan) changedDependents(kind string, id int64) (int, error) {
	changed := func(kind string) string {
		return `(SELECT 1 FROM main.hub_sync_records b WHERE b.hub = ?1 AND b.kind = '` + kind + `' AND b.uuid = x.uuid AND b.updated = x.updated) IS NULL`
	}
	var q string
	switch kind {
	case "actor":
		q = `SELECT count(*) FROM main.notes x WHERE x.actor_id = ?2 AND ` + changed("note")
	case "relation":
		q = `SELECT count(*) FROM main.notes x WHERE x.relation_id = ?2 AND ` + changed("note")
	case "article":
		q = `SELECT (SELECT count(*) FROM main.notes x WHERE x.article_id = ?2 AND ` + changed("note") + `) +
			(SELECT count(*) FROM main.relations x WHERE x.id IN (SELECT relation_id FROM main.evidence WHERE article_id = ?2) AND ` + changed("relation") + `)`
	default:
		return 0, nil
	}
	var n int
	err := sp.m.tx.QueryRowContext(sp.m.ctx, q, sp.place.Key(), id).Scan(&n)
	return n, err
}

// wantedRefs lists, by kind, the records the live records and decisions of recs point
// at that recs does not hold.
func wantedRefs(recs []app.HubRecord) map[string][]string {
	in := map[string]bool{}
	for _, r := range recs {
		in[r.Kind+"/"+r.UUID] = true
	}
	want := map[string][]string{}
	seen := map[string]bool{}
	for _, r := range recs {
		var refs [][2]string
		switch {
		case r.Deleted:
		case isSyncKind(r.Kind):
			refs = refsOf(r.Kind, r.Data)
		case isDecisionKind(r.Kind):
			refs = decisionRefs(r)
		}
		for _, ref := range refs {
			key := ref[0] + "/" + ref[1]
			if in[key] || seen[key] {
				continue
			}
			seen[key] = true
			want[ref[0]] = append(want[ref[0]], ref[1])
		}
	}
	return want
}

// MissingRefs lists the records the live records of recs point at (actors, articles,
// relations) that neither recs nor this project holds: a page of a pull fetches them.
func (s *Store) MissingRefs(ctx context.Context, recs []app.HubRecord) (_ []app.HubChange, err error) {
	defer wrapErr(&err, "references of %d records pulled", len(recs))
	want := wantedRefs(recs)
	var out []app.HubChange
	for _, kind := range syncKinds {
		if len(want[kind]) == 0 {
			continue
		}
		rows, err := s.db.QueryContext(ctx, `SELECT value FROM json_each(?) WHERE value NOT IN (SELECT uuid FROM `+kindOf(kind).table+`)`, jsonList(want[kind]))
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			c := app.HubChange{Kind: kind}
			if err := rows.Scan(&c.UUID); err != nil {
				rows.Close()
				return nil, err
			}
			out = append(out, c)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}
