package app

import "testing"

// The summary names each encoding apart and keeps the kinds in their order.
func TestImportSummaryWarn(t *testing.T) {
	var sum ImportSummary
	enc := func(name string) ImportWarning {
		return ImportWarning{Kind: WarnEncoding, Message: "not UTF-8: read as " + name, Tally: "read as " + name}
	}
	sum.Warn([]ImportWarning{UndatedWarning, enc("Windows-1252")})
	sum.Warn([]ImportWarning{enc("UTF-16LE")})
	sum.Warn([]ImportWarning{enc("Windows-1252"), UndatedWarning})
	if got, want := sum.WarningText(), "2 read as Windows-1252, 1 read as UTF-16LE, 2 undated"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
