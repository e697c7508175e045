package db

import (
	"fmt"
	"strings"

	"dossier/app"
)

// apply writes the plan, kind by kind in the order references need: actors and
// articles before the relations and notes that point at them.
func (m *merger) apply() error {
	for _, q := range []string{
		`INSERT OR IGNORE INTO main.relation_types SELECT * FROM theirs.relation_types`,
		`INSERT OR IGNORE INTO main.dismissed_suggestions SELECT * FROM theirs.dismissed_suggestions`,
		`INSERT OR IGNORE INTO main.outlets(uuid, name, folded, url, reliability)
			SELECT uuid, name, folded, url, reliability FROM theirs.outlets WHERE folded NOT IN (SELECT folded FROM main.outlets)`,
	} {
		if _, err := m.tx.ExecContext(m.ctx, q); err != nil {
			return err
		}
	}
	steps := []struct {
		kind string
		fn   func(mergeKind) error
	}{{"actor", m.applyActors}, {"article", m.applyArticles}, {"relation", m.applyRelations}, {"note", m.applyNotes}}
	for _, st := range steps {
		if err := st.fn(kindOf(st.kind)); err != nil {
			return fmt.Errorf("%ss: %w", st.kind, err)
		}
		if mergeStepHook != nil {
			if err := mergeStepHook(st.kind); err != nil {
				return err
			}
		}
	}
	_, err := m.tx.ExecContext(m.ctx, `INSERT INTO main.merge_peers(peer, merged) SELECT uuid, ? FROM theirs.project_identity WHERE true
		ON CONFLICT (peer) DO UPDATE SET merged = excluded.merged`, m.s.now())
	return err
}

// relinkActors links the names of the actors added or changed in the articles already
// here, all names in one pass.
func (m *merger) relinkActors() error {
	var added, removed []string
	for _, id := range m.addedActors {
		a, r, _, err := takeNameChanges(m.ctx, m.tx, id)
		if err != nil {
			return err
		}
		added, removed = append(added, a...), append(removed, r...)
	}
	if len(added)+len(removed) == 0 {
		return nil
	}
	return relinkNames(m.ctx, m.tx, added, removed, nil)
}

// mergeStepHook, set by tests, runs after each kind is written: an error stands for a
// crash in the middle of the merge.
var mergeStepHook func(kind string) error

func kindOf(kind string) mergeKind {
	for _, k := range mergeKinds {
		if k.kind == kind {
			return k
		}
	}
	panic("no merge kind " + kind)
}

// applyRows adds, takes and doubles the records of kind k as planned, leaving out those
// that point at a record this project lacks.
func (m *merger) applyRows(k mergeKind) error {
	if err := m.leaveOutDangling(k); err != nil {
		return err
	}
	cols, err := m.columns(k.table)
	if err != nil {
		return err
	}
	var names, exprs, sets, setExprs []string
	for _, c := range cols {
		e := "t." + c
		if ref, ok := k.refs[c]; ok {
			e = mapped(c, ref)
		}
		names, exprs = append(names, c), append(exprs, e)
		if c != "uuid" {
			sets, setExprs = append(sets, c), append(setExprs, e)
		}
	}
	list := strings.Join(names, ", ")
	if add := m.add[k.kind]; len(add) > 0 {
		if _, err := m.tx.ExecContext(m.ctx, `INSERT INTO main.`+k.table+`(`+list+`) SELECT `+strings.Join(exprs, ", ")+
			` FROM theirs.`+k.table+` t WHERE t.uuid IN (SELECT value FROM json_each(?))`, jsonList(add)); err != nil {
			return err
		}
	}
	if take := m.take[k.kind]; len(take) > 0 {
		if _, err := m.tx.ExecContext(m.ctx, `UPDATE main.`+k.table+` AS m SET (`+strings.Join(sets, ", ")+`) = (SELECT `+
			strings.Join(setExprs, ", ")+` FROM theirs.`+k.table+` t WHERE t.uuid = m.uuid) WHERE m.uuid IN (SELECT value FROM json_each(?))`, jsonList(take)); err != nil {
			return err
		}
	}
	for _, u := range m.both[k.kind] {
		second := append([]string{"?"}, setExprs...)
		nu := newUUID()
		if _, err := m.tx.ExecContext(m.ctx, `INSERT INTO main.`+k.table+`(uuid, `+strings.Join(sets, ", ")+`) SELECT `+strings.Join(second, ", ")+
			` FROM theirs.`+k.table+` t WHERE t.uuid = ?`, nu, u); err != nil {
			return err
		}
		if m.doubled[k.kind] == nil {
			m.doubled[k.kind] = map[string]string{}
		}
		m.doubled[k.kind][u] = nu
	}
	return nil
}

// leaveOutDangling takes out of the plan the records of kind k one of whose references
// points at a record this project lacks (deleted here), naming them in the report.
func (m *merger) leaveOutDangling(k mergeKind) error {
	if len(k.refs) == 0 {
		return nil
	}
	var conds []string
	for c, ref := range k.refs {
		conds = append(conds, fmt.Sprintf("(t.%s IS NOT NULL AND %s IS NULL)", c, mapped(c, ref)))
	}
	all := append(append(append([]string{}, m.add[k.kind]...), m.take[k.kind]...), m.both[k.kind]...)
	if len(all) == 0 {
		return nil
	}
	rows, err := m.tx.QueryContext(m.ctx, `SELECT t.uuid, t.`+k.label+` FROM theirs.`+k.table+` t
		WHERE t.uuid IN (SELECT value FROM json_each(?)) AND (`+strings.Join(conds, " OR ")+`)`, jsonList(all))
	if err != nil {
		return err
	}
	out := map[string]bool{}
	for rows.Next() {
		it := app.MergeItem{Kind: k.kind, Why: "refers to a record this project does not have (deleted here)"}
		if err := rows.Scan(&it.UUID, &it.Label); err != nil {
			rows.Close()
			return err
		}
		it.Label = shortLabel(it.Label)
		out[it.UUID] = true
		m.rep.LeftOut = append(m.rep.LeftOut, it)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(out) == 0 {
		return err
	}
	c := m.count(k.kind)
	m.add[k.kind], c.Added = without(m.add[k.kind], out, c.Added)
	m.take[k.kind], c.Updated = without(m.take[k.kind], out, c.Updated)
	m.both[k.kind], _ = without(m.both[k.kind], out, 0)
	return nil
}

// without drops the uuids in out from l, and lowers n by as many.
func without(l []string, out map[string]bool, n int) ([]string, int) {
	var keep []string
	for _, u := range l {
		if out[u] {
			n--
			continue
		}
		keep = append(keep, u)
	}
	return keep, n
}

func (m *merger) count(kind string) *app.MergeCount {
	for i := range m.rep.Counts {
		if m.rep.Counts[i].Kind == kind {
			return &m.rep.Counts[i]
		}
	}
	return &app.MergeCount{}
}

// applyActors writes the actors with their names: added, taken and doubled actors get
// their names from theirs, and their mentions are linked once everything is written.
func (m *merger) applyActors(k mergeKind) error {
	if err := m.applyRows(k); err != nil {
		return err
	}
	if take := m.take["actor"]; len(take) > 0 {
		if _, err := m.tx.ExecContext(m.ctx, `DELETE FROM main.aliases WHERE actor_id IN
			(SELECT id FROM main.actors WHERE uuid IN (SELECT value FROM json_each(?)))`, jsonList(take)); err != nil {
			return err
		}
	}
	const names = `INSERT INTO main.aliases(actor_id, text, folded, is_name)
		SELECT ma.id, ta.text, ta.folded, ta.is_name FROM theirs.aliases ta JOIN theirs.actors t ON t.id = ta.actor_id
		JOIN main.actors ma ON ma.uuid = %s WHERE %s ON CONFLICT (actor_id, folded) DO NOTHING`
	changed := append(append([]string{}, m.add["actor"]...), m.take["actor"]...)
	if len(changed) > 0 {
		if _, err := m.tx.ExecContext(m.ctx, fmt.Sprintf(names, "t.uuid", "t.uuid IN (SELECT value FROM json_each(?))"), jsonList(changed)); err != nil {
			return err
		}
	}
	for their, mine := range m.doubled["actor"] {
		if _, err := m.tx.ExecContext(m.ctx, fmt.Sprintf(names, "?", "t.uuid = ?"), mine, their); err != nil {
			return err
		}
		changed = append(changed, mine)
	}
	ids, err := m.ids("actors", changed)
	if err != nil {
		return err
	}
	m.addedActors = ids
	// Before the articles come in: those are linked with every actor as they are added.
	return m.relinkActors()
}

// ids returns my ids of the records of table with these uuids.
func (m *merger) ids(table string, uuids []string) ([]int64, error) {
	rows, err := m.tx.QueryContext(m.ctx, `SELECT id FROM main.`+table+` WHERE uuid IN (SELECT value FROM json_each(?)) ORDER BY id`, jsonList(uuids))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// applyArticles writes the articles, links the names in the ones added or taken, and
// copies the researcher's decisions on their mentions (confirmed, rejected).
func (m *merger) applyArticles(k mergeKind) error {
	// As an import does: the articles added are indexed in one statement, not a trigger
	// call each.
	idx, err := deferIndex(m.ctx, m.tx)
	if err != nil {
		return err
	}
	if err := m.applyRows(k); err != nil {
		return err
	}
	added, err := m.ids("articles", m.add["article"])
	if err != nil {
		return err
	}
	if err := idx.restore(m.ctx, m.tx, added); err != nil {
		return err
	}
	changed := append(append([]string{}, m.add["article"]...), m.take["article"]...)
	if len(changed) == 0 {
		return nil
	}
	l, err := newLinker(m.ctx, m.tx, &m.s.matchers)
	if err != nil {
		return err
	}
	defer l.close()
	rows, err := m.tx.QueryContext(m.ctx, `SELECT id, body FROM main.articles WHERE uuid IN (SELECT value FROM json_each(?))`, jsonList(changed))
	if err != nil {
		return err
	}
	type text struct {
		id   int64
		body string
	}
	var texts []text
	for rows.Next() {
		var t text
		if err := rows.Scan(&t.id, &t.body); err != nil {
			rows.Close()
			return err
		}
		texts = append(texts, t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, t := range texts {
		if err := l.link(m.ctx, t.id, t.body); err != nil {
			return err
		}
	}
	_, err = m.tx.ExecContext(m.ctx, `INSERT INTO main.mentions(article_id, actor_id, start, end, status)
		SELECT ma.id, mc.id, tm.start, tm.end, tm.status FROM theirs.mentions tm
		JOIN theirs.articles ta ON ta.id = tm.article_id JOIN main.articles ma ON ma.uuid = ta.uuid
		JOIN theirs.actors tc ON tc.id = tm.actor_id JOIN main.actors mc ON mc.uuid = tc.uuid
		WHERE tm.status IN ('confirmed', 'rejected') AND ta.uuid IN (SELECT value FROM json_each(?))
		ON CONFLICT (article_id, actor_id, start) DO UPDATE SET end = excluded.end, status = excluded.status`, jsonList(changed))
	return err
}

// applyRelations writes the relations, then gives each relation added or taken the
// evidence theirs has (a doubled relation gets copies under new UUIDs).
func (m *merger) applyRelations(k mergeKind) error {
	if err := m.applyRows(k); err != nil {
		return err
	}
	article := mapped("article_id", "articles")
	changed := append(append([]string{}, m.add["relation"]...), m.take["relation"]...)
	if len(changed) > 0 {
		list := jsonList(changed)
		if _, err := m.tx.ExecContext(m.ctx, `DELETE FROM main.evidence WHERE relation_id IN
			(SELECT id FROM main.relations WHERE uuid IN (SELECT value FROM json_each(?1)))
			AND uuid NOT IN (SELECT e.uuid FROM theirs.evidence e JOIN theirs.relations r ON r.id = e.relation_id
				WHERE r.uuid IN (SELECT value FROM json_each(?1)))`, list); err != nil {
			return err
		}
		if _, err := m.tx.ExecContext(m.ctx, `INSERT INTO main.evidence(uuid, relation_id, article_id, quote, start, end)
			SELECT t.uuid, mr.id, `+article+`, t.quote, t.start, t.end FROM theirs.evidence t
			JOIN theirs.relations tr ON tr.id = t.relation_id JOIN main.relations mr ON mr.uuid = tr.uuid
			WHERE tr.uuid IN (SELECT value FROM json_each(?)) AND t.uuid NOT IN (SELECT uuid FROM main.evidence)
			AND `+article+` IS NOT NULL`, list); err != nil {
			return err
		}
	}
	for their, mine := range m.doubled["relation"] {
		rows, err := m.tx.QueryContext(m.ctx, `SELECT t.uuid FROM theirs.evidence t JOIN theirs.relations tr ON tr.id = t.relation_id
			WHERE tr.uuid = ? AND `+article+` IS NOT NULL`, their)
		if err != nil {
			return err
		}
		var evs []string
		for rows.Next() {
			var u string
			if err := rows.Scan(&u); err != nil {
				rows.Close()
				return err
			}
			evs = append(evs, u)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, e := range evs {
			if _, err := m.tx.ExecContext(m.ctx, `INSERT INTO main.evidence(uuid, relation_id, article_id, quote, start, end)
				SELECT ?, (SELECT id FROM main.relations WHERE uuid = ?), `+article+`, t.quote, t.start, t.end
				FROM theirs.evidence t WHERE t.uuid = ?`, newUUID(), mine, e); err != nil {
				return err
			}
		}
	}
	return nil
}

// applyNotes writes the notes, then their [[links]]: each link keeps the record theirs
// resolved it to (by UUID) where this project has it, else it is resolved here by name.
func (m *merger) applyNotes(k mergeKind) error {
	if err := m.applyRows(k); err != nil {
		return err
	}
	pairs := map[string]string{} // my note's uuid → theirs
	for _, u := range append(append([]string{}, m.add["note"]...), m.take["note"]...) {
		pairs[u] = u
	}
	for their, mine := range m.doubled["note"] {
		pairs[mine] = their
	}
	for mine, their := range pairs {
		var id int64
		var body string
		if err := m.tx.QueryRowContext(m.ctx, `SELECT id, body FROM main.notes WHERE uuid = ?`, mine).Scan(&id, &body); err != nil {
			return err
		}
		prev, err := m.theirLinks(their)
		if err != nil {
			return err
		}
		if err := writeLinks(m.ctx, m.tx, id, body, prev); err != nil {
			return err
		}
	}
	return nil
}

// theirLinks are the records the links of their note pointed at, as previousLinks.
func (m *merger) theirLinks(noteUUID string) (map[linkKey]string, error) {
	rows, err := m.tx.QueryContext(m.ctx, `SELECT l.folded, l.prefix, l.uuid FROM theirs.note_links l
		JOIN theirs.notes n ON n.id = l.note_id WHERE n.uuid = ? AND l.uuid <> ''`, noteUUID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	prev := map[linkKey]string{}
	for rows.Next() {
		var k linkKey
		var id string
		if err := rows.Scan(&k.folded, &k.prefix, &id); err != nil {
			return nil, err
		}
		prev[k] = id
	}
	return prev, rows.Err()
}
