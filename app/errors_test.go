package app

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"
)

// TestErrorMessageNeverRaw: whatever error reaches a researcher, the message shown holds
// none of a lower layer's own words; an internal error or damage is written in full to
// the error log as it is shown, and the batch interface's report keeps the words of an
// unexplained error.
func TestErrorMessageNeverRaw(t *testing.T) {
	const raw = "SQL logic error: no such column: bogus (1)"
	driver := errors.New(raw)
	var logged []string
	SetErrorLog(func(err error) { logged = append(logged, err.Error()) })
	t.Cleanup(func() { SetErrorLog(nil) })
	for _, tc := range []struct {
		name   string
		err    error
		logged bool
	}{
		{"bare driver error", driver, true},
		{"wrapped driver error", fmt.Errorf("update actor 3: %w", driver), true},
		{"internal with a cause", &Error{Code: EINTERNAL, Message: "The disk is full; nothing was changed.", Err: driver}, true},
		{"damage with a cause", fmt.Errorf("article 9: %w", &Error{Code: ECORRUPT, Message: "The project file is damaged.", Err: driver}), true},
		{"conflict with a cause", &Error{Code: ECONFLICT, Message: "That would break the project's rules.", Err: driver}, false},
		{"file error", &fs.PathError{Op: "open", Path: "/x", Err: errors.New(raw)}, true},
	} {
		logged = nil
		msg := ErrorMessage(tc.err)
		if msg == "" || strings.Contains(msg, "SQL logic error") || strings.Contains(msg, "bogus") {
			t.Errorf("%s: shown %q", tc.name, msg)
		}
		if tc.logged != (len(logged) == 1) || (tc.logged && !strings.Contains(logged[0], raw)) {
			t.Errorf("%s: logged %q", tc.name, logged)
		}
		if asError(tc.err) == nil && !strings.Contains(ErrorReport(tc.err), raw) {
			t.Errorf("%s: the batch report %q lost the cause", tc.name, ErrorReport(tc.err))
		}
	}
	if ErrorMessage(nil) != "" || ErrorReport(nil) != "" {
		t.Error("nil has a message")
	}
}
