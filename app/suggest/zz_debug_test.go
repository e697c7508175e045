package suggest

import (
	"os"
	"testing"
)

func TestZZDebug(t *testing.T) {
	txt := os.Getenv("DBG")
	if txt == "" {
		t.Skip()
	}
	for _, s := range ExtractArticle("", txt, "", nil) {
		t.Logf("%q %s %v %v", s.Name, s.Kind, s.Aliases, s.Withheld)
	}
}
