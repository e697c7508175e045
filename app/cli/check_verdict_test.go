package cli

import (
	"strings"
	"testing"

	"dossier/app"
)

// TestCheckVerdictAdvisesRepairOnlyWhenThePagesAreWhole walks every kind of failed check,
// with the project opened whole or read-only because damaged, repaired or not: the verdict
// tells the researcher to run --repair only when the pages are whole and no repair ran;
// damage the integrity check found (which no repair mends) is always called damage, with
// what to do instead.
func TestCheckVerdictAdvisesRepairOnlyWhenThePagesAreWhole(t *testing.T) {
	failing := []string{app.IntegrityCheck, "full-text index articles_fts", "foreign keys", "orphan mentions"}
	for _, name := range failing {
		for _, damage := range []string{"", "page 12 of table articles is malformed"} {
			for _, repaired := range []bool{false, true} {
				out := checkJSON{DB: "p.dossier", Damage: damage, Check: app.CheckReport{Items: []app.CheckItem{
					{Name: name, Problems: []string{"something is wrong"}},
				}}}
				msg := app.ErrorMessage(checkVerdict(out, repaired))
				pagesDamaged := damage != "" || name == app.IntegrityCheck
				advisesRepair := strings.Contains(msg, "--repair")
				if advisesRepair != (!pagesDamaged && !repaired) {
					t.Errorf("%s failed, damage %q, repaired %v: --repair advised %v: %s", name, damage, repaired, advisesRepair, msg)
				}
				if pagesDamaged && (!strings.Contains(msg, "damaged") || !strings.Contains(msg, "Restore a backup") || !strings.Contains(msg, "Save a copy")) {
					t.Errorf("%s failed, damage %q: the verdict does not call it damage and say what to do: %s", name, damage, msg)
				}
			}
		}
	}
}
