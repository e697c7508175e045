package app

import (
	"path/filepath"
	"slices"
	"testing"
	"time"
)

func TestBackupNameRoundTrip(t *testing.T) {
	at := time.Date(2026, 12, 2, 20, 31, 5, 123_000_000, time.FixedZone("X", 3600))
	name := BackupName(at)
	if name != "20261202-193105.123Z.dossier" {
		t.Fatalf("name %q", name)
	}
	got, ok := ParseBackupName(name)
	if !ok || !got.Equal(at) {
		t.Fatalf("parse %q = %v %v", name, got, ok)
	}
	// Names sort as the times do.
	if later := BackupName(at.Add(time.Millisecond)); !(later > name) {
		t.Fatalf("%q does not sort after %q", later, name)
	}
}

func TestParseBackupNameRefusesOthers(t *testing.T) {
	for _, n := range []string{
		"", ".dossier", "20261202-193105.123Z.dossier" + BackupTempMarker + "123",
		"20261202-193105.123Z.dossier.tmp", "20261302-193105.123Z.dossier", "notes.dossier",
		"20261202-193105.123Z.txt", "20261202-193105Z.dossier", "20261202-193105.123Z.DOSSIER",
	} {
		if _, ok := ParseBackupName(n); ok {
			t.Errorf("%q parsed as a backup", n)
		}
	}
}

func FuzzParseBackupName(f *testing.F) {
	f.Add("20261202-193105.123Z.dossier")
	f.Add("20261202-193105.123Z.dossier.partial-1")
	f.Add("x.dossier")
	f.Fuzz(func(t *testing.T, name string) {
		at, ok := ParseBackupName(name)
		if ok && BackupName(at) != name {
			t.Fatalf("%q parsed to %v, which names %q", name, at, BackupName(at))
		}
	})
}

func TestBackupDir(t *testing.T) {
	a := BackupDir("/data", "/home/r/one/research.dossier")
	b := BackupDir("/data", "/home/r/two/research.dossier")
	if filepath.Dir(a) != filepath.Join("/data", "backups") {
		t.Fatalf("dir %q", a)
	}
	if a == b {
		t.Fatalf("two projects of one name share %q", a)
	}
	if base := filepath.Base(a); len(base) != len("research-")+10 || base[:9] != "research-" {
		t.Fatalf("base %q", base)
	}
	if a != BackupDir("/data", "/home/r/one/research.dossier") {
		t.Fatal("not stable")
	}
}

func TestRotate(t *testing.T) {
	now := time.Date(2026, 12, 2, 12, 0, 0, 0, time.UTC)
	at := func(days, hours int) string {
		return BackupName(now.Add(-time.Duration(days)*24*time.Hour - time.Duration(hours)*time.Hour))
	}
	r := Rotation{KeepLast: 3, DailyFor: 30 * 24 * time.Hour}
	tests := []struct {
		name   string
		names  []string
		want   []string
		policy Rotation
	}{
		{name: "none", policy: r},
		{name: "fewer than the last kept", names: []string{at(0, 1), at(0, 2)}, policy: r},
		{
			// Same day: the newest 3 stay, the 4th is neither last nor its day's newest.
			name: "same day beyond the last", policy: r,
			names: []string{at(0, 1), at(0, 2), at(0, 3), at(0, 4), at(0, 5)},
			want:  []string{at(0, 5), at(0, 4)},
		},
		{
			// One a day is kept within 30 days, the newest of that day.
			name: "one a day", policy: r,
			names: []string{at(0, 1), at(0, 2), at(0, 3), at(2, 1), at(2, 2), at(5, 0)},
			want:  []string{at(2, 2)},
		},
		{
			name: "older than the daily window", policy: r,
			names: []string{at(0, 1), at(0, 2), at(0, 3), at(29, 0), at(31, 0), at(40, 0)},
			want:  []string{at(40, 0), at(31, 0)},
		},
		{
			// Old backups still count among the last kept when nothing newer exists.
			name: "old but among the last", policy: r,
			names: []string{at(50, 0), at(60, 0), at(70, 0), at(80, 0)},
			want:  []string{at(80, 0)},
		},
		{
			name: "other files are never rotated", policy: Rotation{KeepLast: 0},
			names: []string{"notes.txt", at(0, 1) + BackupTempMarker + "9", at(1, 0)},
			want:  []string{at(1, 0)},
		},
		{
			name: "default policy", policy: DefaultRotation,
			names: func() []string {
				var ns []string
				for h := range 12 { // 12 today: 10 last kept, the 2 oldest go
					ns = append(ns, at(0, h))
				}
				return append(ns, at(3, 0), at(3, 1), at(35, 0))
			}(),
			want: []string{at(0, 11), at(0, 10), at(3, 1), at(35, 0)},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Rotate(tc.names, tc.policy, now)
			want := slices.Clone(tc.want)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Fatalf("Rotate = %v, want %v", got, want)
			}
		})
	}
}
