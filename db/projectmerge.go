package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"dossier/app"
)

// Merging another project into this one (File ▸ Merge another project…, dossier merge):
// every record is matched by its UUID, set-based, with the other project attached to one
// connection. See the README's architecture for the rules; in short, a record changed on
// one side only since the two last met is taken from that side, one changed on both is a
// conflict settled only as the researcher says, and deletions are shown, never applied.

// mergeKind is one kind of record a merge matches.
type mergeKind struct {
	kind, table, label string
	// refs are the columns that hold another record's id, and that record's table: they
	// are compared and copied through the UUIDs (outlets through their folded name).
	refs map[string]string
	// owned compares, for m (mine) and t (theirs), what belongs to the record beyond
	// its row: an actor's names, a relation's evidence.
	owned string
}

var mergeKinds = []mergeKind{
	{kind: "actor", table: "actors", label: "name",
		owned: `(SELECT group_concat(folded, char(10)) FROM (SELECT folded FROM main.aliases WHERE actor_id = m.id ORDER BY folded)) IS
			(SELECT group_concat(folded, char(10)) FROM (SELECT folded FROM theirs.aliases WHERE actor_id = t.id ORDER BY folded))`},
	{kind: "article", table: "articles", label: "title", refs: map[string]string{"outlet_id": "outlets"}},
	{kind: "relation", table: "relations", label: "type",
		refs: map[string]string{"source_id": "actors", "target_id": "actors", "speaker_id": "actors"},
		owned: `(SELECT group_concat(x, char(10)) FROM (SELECT e.uuid || e.quote || e.start || e.end AS x FROM main.evidence e WHERE e.relation_id = m.id ORDER BY e.uuid)) IS
			(SELECT group_concat(x, char(10)) FROM (SELECT e.uuid || e.quote || e.start || e.end AS x FROM theirs.evidence e WHERE e.relation_id = t.id ORDER BY e.uuid))`},
	{kind: "note", table: "notes", label: "body",
		refs: map[string]string{"article_id": "articles", "actor_id": "actors", "relation_id": "relations"}},
}

// refKey is the column that identifies a record of table across projects.
func refKey(table string) string {
	if table == "outlets" {
		return "folded"
	}
	return "uuid"
}

// mapped is the expression for my id of the record theirs' column col (in row t) points to.
func mapped(col, table string) string {
	k := refKey(table)
	e := fmt.Sprintf(`(SELECT mm.id FROM main.%[1]s mm WHERE mm.%[2]s = (SELECT tt.%[2]s FROM theirs.%[1]s tt WHERE tt.id = t.%[3]s))`, table, k, col)
	if table == "articles" { // their article may be one of mine under another UUID
		e = fmt.Sprintf(`coalesce(%s, (SELECT my_id FROM temp.merge_article_map WHERE their_id = t.%s))`, e, col)
	}
	return e
}

// merger is one merge under way, on one connection with the other project attached.
type merger struct {
	s     *Store
	tx    *sql.Tx
	ctx   context.Context
	opt   app.ProjectMergeOptions
	rep   *app.ProjectMergeReport
	since time.Time // when the projects last met; zero the first time
	// merged is when this project last merged theirs; zero if never.
	merged time.Time
	// plan per kind: what to add, take from theirs, or add as a second record.
	add, take, both map[string][]string
	// doubled maps, per kind, their UUID to the new one of its second record (KeepBoth).
	doubled     map[string]map[string]string
	addedActors []int64
	// kept are the UUIDs of opt.Keep that named a conflict; unsettled counts the
	// conflicts nothing settled.
	kept      map[string]bool
	unsettled int
}

// MergeProject merges the project at theirs into this one, in one transaction; the caller
// backs this project up first. The other file is never written: a copy of it is read
// (brought to this schema version). A dry run reports and changes nothing; conflicts
// refuse the merge until opt.Conflicts says how to settle them.
func (s *Store) MergeProject(ctx context.Context, theirs string, opt app.ProjectMergeOptions) (rep app.ProjectMergeReport, err error) {
	defer wrapErr(&err, "merge %s", theirs)
	start := time.Now()
	rep = app.ProjectMergeReport{From: theirs, DryRun: opt.DryRun}
	if app.SameFile(theirs, s.path) {
		return rep, app.Errorf(app.EINVALID, "That is this project itself: choose another project to merge into it.")
	}
	copyPath, done, err := readyCopy(ctx, theirs)
	if err != nil {
		return rep, err
	}
	defer done()
	// The store's connections are few: the attached connection is given back before
	// the duplicates are looked for.
	added, err := s.mergeAttached(ctx, copyPath, opt, &rep)
	if err == nil && !opt.DryRun {
		rep.Duplicates, err = s.duplicatesOf(ctx, added)
	}
	rep.Took = time.Since(start)
	return rep, err
}

// mergeAttached plans and (unless a dry run) writes the merge of the project copy at
// path, attached to one connection; it returns the ids of the actors it added.
func (s *Store) mergeAttached(ctx context.Context, path string, opt app.ProjectMergeOptions, rep *app.ProjectMergeReport) ([]int64, error) {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `ATTACH DATABASE ? AS theirs`, path); err != nil {
		return nil, err
	}
	defer conn.ExecContext(context.Background(), `DETACH DATABASE theirs`)
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return nil, mapError(err)
	}
	defer tx.Rollback()
	m := &merger{s: s, tx: tx, ctx: ctx, opt: opt, rep: rep,
		add: map[string][]string{}, take: map[string][]string{}, both: map[string][]string{}, doubled: map[string]map[string]string{},
		kept: map[string]bool{}}
	if err := m.plan(); err != nil {
		return nil, mapError(err)
	}
	if err := m.checkKeep(); err != nil {
		return nil, err
	}
	if m.unsettled > 0 && !opt.DryRun {
		return nil, app.Errorf(app.ECONFLICT, "%d record(s) were changed in both projects since they last met. Look at them (a dry run lists them), then say which version to keep: yours, theirs or both.", m.unsettled)
	}
	if opt.DryRun {
		return nil, nil
	}
	if err := m.apply(); err != nil {
		return nil, mapError(err)
	}
	return m.addedActors, mapError(tx.Commit())
}

// readyCopy copies the project at path (by the backup API: a consistent snapshot, the
// file itself untouched) and brings the copy to this schema version.
func readyCopy(ctx context.Context, path string) (string, func(), error) {
	if _, err := os.Stat(path); err != nil {
		return "", func() {}, app.Errorf(app.ENOTFOUND, "Cannot read %s: %v.", path, err)
	}
	dir, err := os.MkdirTemp("", "dossier-merge-")
	if err != nil {
		return "", func() {}, err
	}
	done := func() { os.RemoveAll(dir) }
	src, err := OpenForReading(ctx, path, "merge", true)
	if err != nil {
		done()
		return "", func() {}, err
	}
	cp := filepath.Join(dir, "theirs.dossier")
	_, err = src.Backup(ctx, cp)
	src.Close()
	if err == nil {
		var c *Store
		if c, err = Open(ctx, cp); err == nil {
			err = c.Close()
		}
	}
	if err != nil {
		done()
		return "", func() {}, err
	}
	return cp, done, nil
}

// plan sorts every record of theirs into added, taken, kept, conflicting, and the
// records shown but left alone.
func (m *merger) plan() error {
	var since string
	err := m.tx.QueryRowContext(m.ctx, `SELECT merged FROM main.merge_peers WHERE peer = (SELECT uuid FROM theirs.project_identity)`).Scan(&since)
	if err != nil && err != sql.ErrNoRows {
		return err
	}
	m.since = parseTime(since)
	m.merged = m.since
	if _, err := m.tx.ExecContext(m.ctx, `CREATE TEMP TABLE IF NOT EXISTS merge_article_map (their_id INTEGER PRIMARY KEY, my_id INTEGER NOT NULL)`); err != nil {
		return err
	}
	if _, err := m.tx.ExecContext(m.ctx, `DELETE FROM temp.merge_article_map`); err != nil {
		return err
	}
	var gathered []*kindPlan
	for _, k := range mergeKinds {
		kp, err := m.gather(k)
		if err != nil {
			return fmt.Errorf("%ss: %w", k.kind, err)
		}
		gathered = append(gathered, kp)
	}
	// The newest stamp of a record the two projects hold alike is a moment they were
	// still the same: a record stamped no later than it was not changed since they parted
	// (see the README), whatever either side did after.
	for _, kp := range gathered {
		for _, r := range kp.theirs {
			if _, have := kp.mine[r.uuid]; have && !kp.differ[r.uuid] {
				if t := parseTime(r.updated); t.After(m.since) {
					m.since = t
				}
			}
		}
	}
	for _, kp := range gathered {
		if err := m.planKind(kp); err != nil {
			return fmt.Errorf("%ss: %w", kp.k.kind, err)
		}
	}
	return nil
}

// kindPlan is what the plan reads of one kind before deciding.
type kindPlan struct {
	k            mergeKind
	theirs       []theirRecord
	mine         map[string]string // uuid → updated
	differ, gone map[string]bool
	same         map[string]bool // their articles that are mine under another UUID
}

// theirRecord is one of their records as the plan sees it.
type theirRecord struct {
	uuid, label, updated string
}

func (m *merger) gather(k mergeKind) (*kindPlan, error) {
	kp := &kindPlan{k: k, same: map[string]bool{}}
	var err error
	if kp.theirs, err = m.records(`SELECT t.uuid, t.` + k.label + `, t.updated FROM theirs.` + k.table + ` t ORDER BY t.id`); err != nil {
		return nil, err
	}
	if kp.mine, err = m.stamps(`SELECT m.uuid, m.updated FROM main.` + k.table + ` m WHERE m.uuid IN (SELECT uuid FROM theirs.` + k.table + `)`); err != nil {
		return nil, err
	}
	same, err := m.same(k)
	if err != nil {
		return nil, err
	}
	if kp.differ, err = m.set(`SELECT t.uuid FROM theirs.` + k.table + ` t JOIN main.` + k.table + ` m ON m.uuid = t.uuid WHERE NOT (` + same + `)`); err != nil {
		return nil, err
	}
	if kp.gone, err = m.set(`SELECT uuid FROM main.tombstones WHERE kind = '` + k.kind + `'`); err != nil {
		return nil, err
	}
	if k.kind == "article" {
		if kp.same, err = m.sameArticles(); err != nil {
			return nil, err
		}
	}
	return kp, nil
}

func (m *merger) planKind(kp *kindPlan) error {
	k := kp.k
	count := app.MergeCount{Kind: k.kind}
	theirs, mine, differ, gone, same := kp.theirs, kp.mine, kp.differ, kp.gone, kp.same
	for _, r := range theirs {
		item := app.MergeItem{Kind: k.kind, UUID: r.uuid, Label: r.label}
		mineUpdated, have := mine[r.uuid]
		switch {
		case !have && gone[r.uuid]:
			item.Why = "deleted in this project; their copy is not added back"
			m.rep.DeletedHere = append(m.rep.DeletedHere, item)
		case !have && same[r.uuid]:
			item.Why = "the same address or text as an article of this project"
			m.rep.SameArticle = append(m.rep.SameArticle, item)
		case !have:
			count.Added++
			m.add[k.kind] = append(m.add[k.kind], r.uuid)
		case !differ[r.uuid]:
			count.Unchanged++
		case m.settled(mineUpdated, r.updated):
			// A conflict settled at the last merge (mine kept, or theirs kept beside
			// it) stays settled: neither side touched the record since.
			count.KeptMine++
		default:
			m.decide(k.kind, item, m.changed(mineUpdated), m.changed(r.updated), &count)
		}
	}
	m.rep.Counts = append(m.rep.Counts, count)
	return m.deletedThere(k)
}

// decide settles a record that differs between the projects.
func (m *merger) decide(kind string, item app.MergeItem, mineChanged, theirsChanged bool, count *app.MergeCount) {
	switch {
	case theirsChanged && !mineChanged:
		count.Updated++
		m.take[kind] = append(m.take[kind], item.UUID)
		return
	case mineChanged && !theirsChanged:
		count.KeptMine++
		return
	}
	choice, named := m.opt.Keep[item.UUID]
	if named {
		m.kept[item.UUID] = true
	} else {
		choice = m.opt.Conflicts
	}
	switch choice {
	case app.TakeTheirs:
		item.Why = "changed on both sides: took theirs"
		m.take[kind] = append(m.take[kind], item.UUID)
	case app.KeepBoth:
		if kind == "article" {
			item.Why = "changed on both sides: kept yours (an article is never filed twice; open theirs to compare)"
		} else {
			item.Why = "changed on both sides: kept both (theirs as a new record)"
			m.both[kind] = append(m.both[kind], item.UUID)
		}
	case app.KeepMine:
		item.Why = "changed on both sides: kept yours"
	default:
		item.Why = "changed on both sides since the projects last met"
		m.unsettled++
	}
	if named {
		item.Why += " (chosen for this record)"
	}
	m.rep.Conflicts = append(m.rep.Conflicts, item)
}

// checkKeep refuses choices for records that are not conflicts of this merge, and
// choices that are not mine, theirs or both.
func (m *merger) checkKeep() error {
	var unknown []string
	for uuid, choice := range m.opt.Keep {
		switch choice {
		case app.KeepMine, app.TakeTheirs, app.KeepBoth:
		default:
			return app.Errorf(app.EINVALID, "The choice for %s is %q: say mine, theirs or both.", uuid, choice)
		}
		if !m.kept[uuid] {
			unknown = append(unknown, uuid)
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		return app.Errorf(app.EINVALID, "%s: not a record changed on both sides in this merge, so a choice for it would do nothing. A dry run lists the conflicts.", strings.Join(unknown, ", "))
	}
	return nil
}

// settled says whether a record that differs was left so by the last merge of theirs:
// neither side changed it since.
func (m *merger) settled(mineUpdated, theirsUpdated string) bool {
	return !m.merged.IsZero() && !parseTime(mineUpdated).After(m.merged) && !parseTime(theirsUpdated).After(m.merged)
}

// changed says whether a record stamped updated changed since the projects last met.
func (m *merger) changed(updated string) bool {
	return m.since.IsZero() || parseTime(updated).After(m.since)
}

// deletedThere lists my records the other project deleted for good.
func (m *merger) deletedThere(k mergeKind) error {
	rows, err := m.tx.QueryContext(m.ctx, `SELECT m.uuid, m.`+k.label+` FROM main.`+k.table+` m
		JOIN theirs.tombstones x ON x.kind = ? AND x.uuid = m.uuid`, k.kind)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		it := app.MergeItem{Kind: k.kind, Why: "deleted in their project; kept here"}
		if err := rows.Scan(&it.UUID, &it.Label); err != nil {
			return err
		}
		it.Label = shortLabel(it.Label)
		m.rep.DeletedThere = append(m.rep.DeletedThere, it)
	}
	return rows.Err()
}

// same is the condition under which my row m and their row t hold the same record.
func (m *merger) same(k mergeKind) (string, error) {
	cols, err := m.columns(k.table)
	if err != nil {
		return "", err
	}
	var conds []string
	for _, c := range cols {
		if c == "updated" || c == "uuid" {
			continue
		}
		if ref, ok := k.refs[c]; ok {
			key := refKey(ref)
			conds = append(conds, fmt.Sprintf(`(SELECT %[1]s FROM main.%[2]s WHERE id = m.%[3]s) IS (SELECT %[1]s FROM theirs.%[2]s WHERE id = t.%[3]s)`, key, ref, c))
			continue
		}
		conds = append(conds, "m."+c+" IS t."+c)
	}
	if k.owned != "" {
		conds = append(conds, k.owned)
	}
	return strings.Join(conds, " AND "), nil
}

// columns lists table's columns but its id.
func (m *merger) columns(table string) ([]string, error) {
	rows, err := m.tx.QueryContext(m.ctx, `SELECT name FROM pragma_table_info(?, 'main') WHERE name <> 'id' ORDER BY cid`, table)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// sameArticles maps their articles that are mine under another UUID (same canonical
// address or same text) to mine, for the references that point at them.
func (m *merger) sameArticles() (map[string]bool, error) {
	if _, err := m.tx.ExecContext(m.ctx, `INSERT OR IGNORE INTO temp.merge_article_map(their_id, my_id)
		SELECT id, mine FROM (SELECT t.id, coalesce(
			(SELECT ma.id FROM main.articles ma WHERE t.canon_url <> '' AND ma.canon_url = t.canon_url AND ma.canon_url <> '' ORDER BY ma.id LIMIT 1),
			(SELECT ma.id FROM main.articles ma WHERE ma.hash = t.hash ORDER BY ma.id LIMIT 1)) AS mine
		FROM theirs.articles t WHERE t.uuid NOT IN (SELECT uuid FROM main.articles)) WHERE mine IS NOT NULL`); err != nil {
		return nil, err
	}
	return m.set(`SELECT t.uuid FROM theirs.articles t JOIN temp.merge_article_map x ON x.their_id = t.id`)
}

func (m *merger) records(q string) ([]theirRecord, error) {
	rows, err := m.tx.QueryContext(m.ctx, q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []theirRecord
	for rows.Next() {
		var r theirRecord
		if err := rows.Scan(&r.uuid, &r.label, &r.updated); err != nil {
			return nil, err
		}
		r.label = shortLabel(r.label)
		out = append(out, r)
	}
	return out, rows.Err()
}

// shortLabel keeps a record's label to one short line.
func shortLabel(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 60 {
		s = string(r[:59]) + "…"
	}
	return s
}

func (m *merger) stamps(q string) (map[string]string, error) {
	rows, err := m.tx.QueryContext(m.ctx, q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var u, t string
		if err := rows.Scan(&u, &t); err != nil {
			return nil, err
		}
		out[u] = t
	}
	return out, rows.Err()
}

func (m *merger) set(q string) (map[string]bool, error) {
	rows, err := m.tx.QueryContext(m.ctx, q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var u string
		if err := rows.Scan(&u); err != nil {
			return nil, err
		}
		out[u] = true
	}
	return out, rows.Err()
}

func jsonList(l []string) string {
	b, _ := json.Marshal(l)
	return string(b)
}

// duplicatesOf counts the pairs of probable duplicates one of whose actors is in ids.
func (s *Store) duplicatesOf(ctx context.Context, ids []int64) (int, error) {
	if len(ids) == 0 {
		return 0, nil
	}
	in := map[int64]bool{}
	for _, id := range ids {
		in[id] = true
	}
	d, err := s.DuplicateActors(ctx)
	n := 0
	for _, p := range d.Pairs {
		if in[p.A.ID] || in[p.B.ID] {
			n++
		}
	}
	return n, err
}
