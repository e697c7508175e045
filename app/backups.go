package app

import (
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// BackupInfo describes one verified backup of a project.
type BackupInfo struct {
	Path   string
	Time   time.Time // when the copy was taken (UTC)
	Counts BackupCounts
	Size   int64 // bytes
}

// BackupCounts are the rows a backup holds; a backup is verified by comparing them with
// the source's, counted in the same snapshot the copy was taken from.
type BackupCounts struct {
	Articles, Actors, Relations, Evidence, Mentions, Notes int64
}

// BackupExt ends the name of every verified backup. A backup being written has another
// name (see BackupTempMarker) until it has been verified, so a folder listing never
// mistakes a half-written or unverified copy for a backup.
const BackupExt = ".dossier"

// BackupTempMarker is part of the name of a copy not yet verified; such a file is never
// listed, counted or rotated as a backup, only cleaned up.
const BackupTempMarker = ".partial-"

// backupLayout is the sortable UTC timestamp that names a backup: names sort as times
// do, and hold no character Windows forbids (no colon).
const backupLayout = "20060102-150405.000Z"

// BackupName is the file name of a backup taken at t.
func BackupName(t time.Time) string {
	return t.UTC().Format(backupLayout) + BackupExt
}

// ParseBackupName returns the time a backup's file name records; ok is false for any
// other name (a temporary copy, a file the user put there), which is then left alone.
func ParseBackupName(name string) (t time.Time, ok bool) {
	stem, found := strings.CutSuffix(name, BackupExt)
	if !found || len(stem) != len(backupLayout) {
		return time.Time{}, false
	}
	t, err := time.Parse(backupLayout, stem)
	if err != nil || t.Format(backupLayout) != stem {
		return time.Time{}, false
	}
	return t, true
}

// BackupDir is the folder that holds the automatic backups of the project at projectPath
// (an absolute path): dataDir/backups/NAME-HASH, where NAME is the project file's name
// without its extension and HASH a short hash of its absolute path, so two projects of
// the same name in different folders never share (and rotate) each other's backups.
func BackupDir(dataDir, projectPath string) string {
	base := filepath.Base(projectPath)
	base = strings.TrimSuffix(base, filepath.Ext(base))
	sum := sha256.Sum256([]byte(filepath.Clean(projectPath)))
	return filepath.Join(dataDir, "backups", base+"-"+hex.EncodeToString(sum[:])[:10])
}

// Rotation says how many backups to keep.
type Rotation struct {
	KeepLast int           // the newest KeepLast backups are always kept
	DailyFor time.Duration // and the newest backup of each (UTC) day this far back
}

// DefaultRotation keeps the last 10 backups plus one a day for 30 days.
var DefaultRotation = Rotation{KeepLast: 10, DailyFor: 30 * 24 * time.Hour}

// Rotate returns the names among names to delete so that what remains follows r at now.
// Names that are not backups' (see ParseBackupName) are never returned: only verified
// backups are counted or rotated. The result is sorted oldest first.
func Rotate(names []string, r Rotation, now time.Time) []string {
	type backup struct {
		name string
		t    time.Time
	}
	var bs []backup
	for _, n := range names {
		if t, ok := ParseBackupName(n); ok {
			bs = append(bs, backup{n, t})
		}
	}
	// Newest first; equal times (impossible for distinct names) break on the name.
	sort.Slice(bs, func(i, j int) bool {
		if !bs[i].t.Equal(bs[j].t) {
			return bs[i].t.After(bs[j].t)
		}
		return bs[i].name > bs[j].name
	})
	cutoff := now.Add(-r.DailyFor)
	seenDay := map[string]bool{}
	var remove []string
	for i, b := range bs {
		day := b.t.UTC().Format("20060102")
		keep := i < r.KeepLast
		if !b.t.Before(cutoff) && !seenDay[day] {
			keep = true // the newest backup of its day
		}
		seenDay[day] = true
		if !keep {
			remove = append(remove, b.name)
		}
	}
	sort.Strings(remove)
	return remove
}
