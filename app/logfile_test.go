package app

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLogFileRotates: the log moves aside once it would pass its size, keeps only one
// old file, never takes more than twice its size, and its tail reads across both files
// from a line's start, saying when older lines were left out.
func TestLogFileRotates(t *testing.T) {
	path := filepath.Join(t.TempDir(), "data", LogName)
	l, err := OpenLog(path, 1000)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 100 {
		fmt.Fprintf(l, "line %03d of the log\n", i) // 20 bytes
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	var total int64
	for _, p := range []string{path, path + ".1"} {
		st, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if st.Size() > 1000 {
			t.Errorf("%s holds %d bytes, more than the log's size", p, st.Size())
		}
		total += st.Size()
	}
	if _, err := os.Stat(path + ".2"); err == nil {
		t.Error("a second old log was kept")
	}
	tail, cut, err := LogTail(path, 300)
	if err != nil {
		t.Fatal(err)
	}
	if !cut || !strings.HasPrefix(tail, "line ") || !strings.HasSuffix(tail, "line 099 of the log\n") || len(tail) > 300 {
		t.Errorf("tail (cut %v):\n%s", cut, tail)
	}
	whole, cut, err := LogTail(path, 1<<20)
	if err != nil || cut || int64(len(whole)) != total || !strings.HasSuffix(whole, "line 099 of the log\n") {
		t.Errorf("the whole log: cut %v, %d of %d bytes, err %v", cut, len(whole), total, err)
	}
	// Reopened, the log appends to what is there.
	l, err = OpenLog(path, 1000)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintln(l, "after the reopen")
	l.Close()
	if tail, _, _ := LogTail(path, 100); !strings.HasSuffix(tail, "line 099 of the log\nafter the reopen\n") {
		t.Errorf("after a reopen the log ends %q", tail)
	}
	if text, cut, err := LogTail(filepath.Join(t.TempDir(), "none.log"), 100); text != "" || cut || err != nil {
		t.Errorf("a missing log: %q %v %v", text, cut, err)
	}
}
