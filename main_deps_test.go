package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestShippedBinaryHasNoTestHelpers: the synthetic-data generators (db/dbtest,
// app/ingest/ingesttest) serve tests and benchmarks only; the program does not link them.
func TestShippedBinaryHasNoTestHelpers(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "-tags", "migrated_fynedo", ".").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	deps := strings.Fields(string(out))
	if len(deps) < 10 || !strings.Contains(string(out), "dossier/db\n") {
		t.Fatalf("go list gave an unlikely list of dependencies: %q", deps)
	}
	for _, d := range deps {
		if strings.HasPrefix(d, "dossier/") && (strings.HasSuffix(d, "test") || strings.Contains(d, "synth")) {
			t.Errorf("the program links %s", d)
		}
	}
	// Nor do the shipped packages hold a generator themselves.
	files, err := exec.Command("go", "list", "-tags", "migrated_fynedo", "-f", "{{.ImportPath}} {{.GoFiles}}", "./db", "./app/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(files)), "\n") {
		if strings.HasSuffix(strings.Fields(line)[0], "test") {
			continue
		}
		if strings.Contains(line, "synth") {
			t.Errorf("a shipped package holds a synthetic-data generator: %s", line)
		}
	}
}
