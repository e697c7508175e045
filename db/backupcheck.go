package db

import (
	"context"
	"database/sql"
	"encoding/binary"
	"fmt"
	"runtime"
	"strings"
	"sync"
)

// The verification of a backup is one PRAGMA quick_check over the whole file, and four
// fifths of its time is the full-text indexes' integrity-check that quick_check runs (the
// articles' index alone: ~3 s of ~4 s at 100,000 articles). One connection runs it on
// one core. quickCheckSplit does the same checks on several connections at once:
//
//   - PRAGMA quick_check(TABLE) for every table of the schema, virtual ones included:
//     each table's b-tree and its indexes' b-trees, their records and NOT NULL columns,
//     and a virtual table's own integrity check (FTS5's 'integrity-check');
//   - what quick_check(TABLE) leaves out because it sees one table at a time (SQLite
//     calls such a check partial), done by pageAccounting: no page belongs to two
//     b-trees, the freelist is well formed, and every page of the file is in a b-tree
//     or the freelist (SQLite's "Page N: never used").
//
// TestQuickCheckSplitAgrees holds the two equal on whole and damaged files. All the
// connections read while one read transaction is held on the guard connection, so the
// file cannot change between the parts: a backup is in rollback-journal mode, where a
// writer waits for every reader. (A WAL file given as a backup would let another
// program commit meanwhile; the parts could then see different states of it.)

// quickCheckWorkers is how many connections the split check uses at most.
func quickCheckWorkers() int { return min(runtime.NumCPU(), 4) }

// quickCheckFile runs quick_check over the whole file db is open on and returns its
// first complaint, "" when the file passes; err is set when a check could not run to
// its end. guard is a connection of db (whose pool must allow quickCheckWorkers()+1
// connections) in a read transaction; the whole-file forms run on it.
func quickCheckFile(ctx context.Context, db *sql.DB, guard *sql.Conn) (string, error) {
	var autoVacuum int
	if err := guard.QueryRowContext(ctx, "PRAGMA auto_vacuum").Scan(&autoVacuum); err != nil {
		return err.Error(), err
	}
	workers := quickCheckWorkers()
	if workers < 2 || autoVacuum != 0 {
		// One core: the split would only add the accounting. Auto-vacuum's pointer-map
		// pages are not accounted for by pageAccounting: SQLite's own check does it.
		return quickCheckRows(ctx, guard, "PRAGMA quick_check")
	}
	return quickCheckSplit(ctx, db, guard, workers)
}

// quickCheckSplit is quick_check over the whole file, its parts run on workers
// connections at once (see above).
func quickCheckSplit(ctx context.Context, db *sql.DB, guard *sql.Conn, workers int) (string, error) {
	tables, err := checkOrder(ctx, guard)
	if err != nil {
		return "its list of tables cannot be read: " + err.Error(), err
	}
	type result struct {
		problem string
		err     error
	}
	// Jobs in the order their problems are reported: the tables, then the accounting
	// (a damaged b-tree also upsets the accounting, which would say less about it).
	results := make([]result, len(tables)+1)
	run := func(i int) {
		if i == len(tables) {
			results[i].problem, results[i].err = pageAccounting(ctx, guard)
			return
		}
		stmt := `PRAGMA quick_check("` + strings.ReplaceAll(tables[i].name, `"`, `""`) + `")`
		results[i].problem, results[i].err = quickCheckRows(ctx, db, stmt)
	}
	// Started in this order: the virtual tables, which take longest, then the
	// accounting, then the plain tables.
	var order []int
	for i, t := range tables {
		if t.virtual {
			order = append(order, i)
		}
	}
	order = append(order, len(tables))
	for i, t := range tables {
		if !t.virtual {
			order = append(order, i)
		}
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range next {
				run(i)
			}
		})
	}
	for _, i := range order {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, r := range results {
		if r.problem != "" {
			return r.problem, r.err
		}
	}
	return "", nil
}

// schemaTable is a table of the schema.
type schemaTable struct {
	name    string
	virtual bool
}

// checkOrder lists the tables of the schema.
func checkOrder(ctx context.Context, q querier) ([]schemaTable, error) {
	rows, err := q.QueryContext(ctx, `SELECT name, sql LIKE 'CREATE VIRTUAL TABLE%' FROM sqlite_schema WHERE type = 'table' ORDER BY name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var tables []schemaTable
	for rows.Next() {
		var t schemaTable
		if err := rows.Scan(&t.name, &t.virtual); err != nil {
			return nil, err
		}
		tables = append(tables, t)
	}
	return tables, rows.Err()
}

// quickCheckRows runs a quick_check statement and returns its first complaints, "" when
// it answers ok; err is set when the check could not run to its end.
func quickCheckRows(ctx context.Context, q querier, stmt string) (string, error) {
	rows, err := q.QueryContext(ctx, stmt)
	if err != nil {
		return err.Error(), err
	}
	defer rows.Close()
	var lines []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return err.Error(), err
		}
		lines = append(lines, line)
	}
	if err := rows.Err(); err != nil {
		return err.Error(), err
	}
	if len(lines) == 1 && lines[0] == "ok" {
		return "", nil
	}
	if len(lines) == 0 {
		return "no answer", nil
	}
	return strings.Join(lines[:min(len(lines), 3)], "; "), nil
}

// pageAccounting does what a whole-file quick_check does beyond checking each b-tree:
// every page of the file belongs to exactly one b-tree (dbstat walks them all, overflow
// pages included) or to the freelist, which must be well formed; the lock-byte page
// (the page holding byte 2^30, in files past 1 GiB) belongs to neither.
func pageAccounting(ctx context.Context, q querier) (string, error) {
	var pageCount, pageSize int64
	if err := q.QueryRowContext(ctx, "PRAGMA page_count").Scan(&pageCount); err != nil {
		return err.Error(), err
	}
	if err := q.QueryRowContext(ctx, "PRAGMA page_size").Scan(&pageSize); err != nil {
		return err.Error(), err
	}
	used := make([]bool, pageCount+1)
	// The lock-byte page holds no data: marked used from the start, as SQLite's check
	// does, so a b-tree or the freelist that lists it is said to use a page twice.
	if lockPage := int64(1<<30)/pageSize + 1; lockPage <= pageCount {
		used[lockPage] = true
	}
	if problem, err := markTreePages(ctx, q, used); problem != "" || err != nil {
		return problem, err
	}
	if problem, err := markFreelist(ctx, q, pageSize, used); problem != "" || err != nil {
		return problem, err
	}
	for p := int64(1); p <= pageCount; p++ {
		if !used[p] {
			return fmt.Sprintf("page %d is never used", p), nil
		}
	}
	return "", nil
}

// markTreePages marks in used every page dbstat lists (the pages of every b-tree), saying
// which is past the end of the file or listed twice.
func markTreePages(ctx context.Context, q querier, used []bool) (string, error) {
	pageCount := int64(len(used) - 1)
	rows, err := q.QueryContext(ctx, "SELECT pageno FROM dbstat")
	if err != nil {
		return err.Error(), err
	}
	defer rows.Close()
	for rows.Next() {
		var p int64
		if err := rows.Scan(&p); err != nil {
			return err.Error(), err
		}
		if p < 1 || p > pageCount {
			return fmt.Sprintf("page %d is past the end of the file (%d pages)", p, pageCount), nil
		}
		if used[p] {
			return fmt.Sprintf("page %d is used twice", p), nil
		}
		used[p] = true
	}
	if err := rows.Err(); err != nil {
		return err.Error(), err
	}
	return "", nil
}

// markFreelist marks in used the pages of the freelist the first page's header points
// to (see walkFreelist).
func markFreelist(ctx context.Context, q querier, pageSize int64, used []bool) (string, error) {
	var page1 []byte
	if err := q.QueryRowContext(ctx, "SELECT data FROM sqlite_dbpage WHERE pgno = 1").Scan(&page1); err != nil {
		return err.Error(), err
	}
	if len(page1) < 100 {
		return "its first page is short", nil
	}
	usable := int(pageSize) - int(page1[20]) // less the bytes reserved at each page's end
	page := func(p uint32) ([]byte, error) {
		var data []byte
		err := q.QueryRowContext(ctx, "SELECT data FROM sqlite_dbpage WHERE pgno = ?", p).Scan(&data)
		return data, err
	}
	return walkFreelist(page, binary.BigEndian.Uint32(page1[32:]), binary.BigEndian.Uint32(page1[36:]), usable, used)
}

// walkFreelist follows the freelist that starts at the trunk page first and should hold
// total pages, marking each in used (indexed by page number, its length the page count
// plus one); usable is the usable size of a page. It says what is wrong with the list,
// "" when it is well formed. Each trunk page holds the next trunk's number, a count n,
// then n leaf page numbers. page reads a page.
func walkFreelist(page func(uint32) ([]byte, error), first, total uint32, usable int, used []bool) (string, error) {
	mark := func(p uint32) string {
		if p < 1 || int64(p) >= int64(len(used)) {
			return fmt.Sprintf("freelist: page %d is past the end of the file", p)
		}
		if used[p] {
			return fmt.Sprintf("freelist: page %d is used twice", p)
		}
		used[p] = true
		return ""
	}
	var seen uint64
	for trunk := first; trunk != 0; {
		if seen >= uint64(total) {
			return fmt.Sprintf("freelist: more than the %d pages the header counts", total), nil
		}
		if problem := mark(trunk); problem != "" {
			return problem, nil
		}
		seen++
		data, err := page(trunk)
		if err != nil {
			return err.Error(), err
		}
		if len(data) < 8 || len(data) < usable {
			return fmt.Sprintf("freelist: trunk page %d is short", trunk), nil
		}
		n := binary.BigEndian.Uint32(data[4:])
		if usable < 8 || uint64(n) > uint64(usable/4-2) {
			return fmt.Sprintf("freelist: trunk page %d lists %d pages, more than fit", trunk, n), nil
		}
		for i := range n {
			if problem := mark(binary.BigEndian.Uint32(data[8+4*i:])); problem != "" {
				return problem, nil
			}
		}
		seen += uint64(n)
		trunk = binary.BigEndian.Uint32(data)
	}
	if seen != uint64(total) {
		return fmt.Sprintf("freelist: %d pages, the header counts %d", seen, total), nil
	}
	return "", nil
}
