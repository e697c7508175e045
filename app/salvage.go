package app

import (
	"fmt"
	"strings"
)

// SalvageReport says what salvaging a damaged project into a new one saved, table by
// table, and what it could not read.
type SalvageReport struct {
	Path   string // the new project
	Tables []SalvageTable
	Check  CheckReport // the full check of the new project
}

// SalvageTable is what was saved of one table.
type SalvageTable struct {
	Name  string
	Saved int64 // rows copied into the new project (Dropped not deducted)
	// Total is how many rows the damaged table holds by its own count, -1 when that
	// count cannot be read either.
	Total int64
	// Unreadable says, in words, each run of rows that could not be read (a damaged page
	// skipped: "the rows with ids from 121 to 180"); empty when every row was read.
	Unreadable []string
	// Dropped counts the rows saved but then left out because they point to a row that
	// could not be read (a relation whose actor was on a damaged page); DroppedWhy says to what.
	Dropped    int64
	DroppedWhy []string
}

// Whole reports whether every row of the table was saved and kept.
func (t SalvageTable) Whole() bool {
	return len(t.Unreadable) == 0 && t.Dropped == 0 && (t.Total < 0 || t.Saved >= t.Total)
}

// Text puts the report in words, one table a line, the tables with losses first said.
func (r SalvageReport) Text() string {
	var b strings.Builder
	lossy := 0
	for _, t := range r.Tables {
		if !t.Whole() {
			lossy++
		}
	}
	if lossy == 0 {
		fmt.Fprintf(&b, "Every row of all %d tables was read and saved into %s.\n", len(r.Tables), r.Path)
	} else {
		fmt.Fprintf(&b, "Saved into %s; %d of %d tables lost rows:\n", r.Path, lossy, len(r.Tables))
	}
	for _, t := range r.Tables {
		kept := t.Saved - t.Dropped
		switch {
		case t.Total >= 0:
			fmt.Fprintf(&b, "%s: %d of %d rows saved", t.Name, kept, t.Total)
		default:
			fmt.Fprintf(&b, "%s: %d rows saved (the damaged table's own count cannot be read)", t.Name, kept)
		}
		if t.Whole() {
			b.WriteString(" ✓\n")
			continue
		}
		b.WriteString("\n")
		for _, u := range t.Unreadable {
			fmt.Fprintf(&b, "    could not be read: %s\n", u)
		}
		for _, d := range t.DroppedWhy {
			fmt.Fprintf(&b, "    left out: %s\n", d)
		}
	}
	if r.Check.OK() {
		fmt.Fprintf(&b, "The new project passes the full check (%d checks).", len(r.Check.Items))
	} else {
		b.WriteString("The new project does NOT pass the full check: open it and use Help ▸ Check project.")
	}
	return b.String()
}
