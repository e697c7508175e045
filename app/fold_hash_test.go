package app

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
	"unicode"
)

// contentHashJoined is ContentHash as it was first written, joining the words in memory:
// the streaming ContentHash must give the very same hashes, or every article filed before
// would stop matching its copies.
func contentHashJoined(body string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(Fold(body), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		b.WriteString(w)
		b.WriteByte(' ')
	}
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:])
}

func TestContentHashUnchanged(t *testing.T) {
	long := strings.Repeat("x", 70<<10) // a word longer than the buffer
	for _, body := range []string{
		"", " ", "word", "Harbour workers walk out.", "  Işık — Ferrández, 3 €; café’s\nnew line\ttab ",
		"ends with a word", long, "a " + long + " b", strings.Repeat("The council met again. ", 5000),
	} {
		if got, want := ContentHash(body), contentHashJoined(body); got != want {
			t.Errorf("ContentHash(%.40q…) = %s, want %s", body, got, want)
		}
	}
}

func FuzzContentHash(f *testing.F) {
	for _, s := range []string{"", "a b", "Işık, 3 €", "x\x00y", "\xff\xfe word"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := ContentHash(s), contentHashJoined(s); got != want {
			t.Fatalf("ContentHash(%q) = %s, want %s", s, got, want)
		}
	})
}

// BenchmarkContentHash20MB: the hash of the largest body an article holds.
func BenchmarkContentHash20MB(b *testing.B) {
	body := strings.Repeat("The council met for the levy, the ferry and the breakwater.\n\n", MaxBody/62)
	b.ReportAllocs()
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		ContentHash(body)
	}
}
