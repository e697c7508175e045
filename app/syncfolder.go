package app

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// A project is one SQLite file with a write-ahead log beside it while it is open. A
// file-syncing tool (Dropbox, OneDrive, iCloud Drive, Google Drive, Nextcloud,
// Syncthing) copies such a file while it is being written, copies the file and its log at
// different moments, and makes "conflicted copies" when two computers changed it: each
// can lose or corrupt work. Dossier cannot stop a tool, so it says so: once per project
// when the project lies in a synced folder, and every time a conflicted copy lies beside
// it. The functions below decide that from paths and folder listings only, so that they
// can be tested table by table; ScanSync does the looking.

// SyncFolder says which sync tool appears to keep the folder a project lies in.
type SyncFolder struct {
	Tool string // "Dropbox", "OneDrive", "iCloud Drive", "Google Drive", "Nextcloud", "Syncthing"; "" when none
	Root string // the folder that shows it: the tool's folder, or the one holding its marker
	By   string // what showed it: the folder's name, or the marker file found there
}

// The tools, as the warnings name them.
const (
	SyncDropbox     = "Dropbox"
	SyncOneDrive    = "OneDrive"
	SynciCloud      = "iCloud Drive"
	SyncGoogleDrive = "Google Drive"
	SyncNextcloud   = "Nextcloud"
	SyncSyncthing   = "Syncthing"
)

// syncMarkers are files or folders a tool keeps inside the folders it syncs; a name
// ending in "*" is a prefix, one with "*" inside a prefix and a suffix.
//   - Dropbox keeps ".dropbox" and its ".dropbox.cache" folder in its root folder (not
//     under macOS File Provider, where the path names it instead: CloudStorage/Dropbox).
//   - Nextcloud's and ownCloud's desktop clients keep their journal, an SQLite file
//     ".sync_<id>.db" (older clients: "._sync_<id>.db"), and a log in every folder they sync.
//   - Google Drive for desktop stages transfers in ".tmp.drivedownload" and ".tmp.driveupload".
//   - Syncthing marks every folder it shares with ".stfolder".
//
// OneDrive and iCloud Drive leave no marker a listing shows: their paths name them.
var syncMarkers = []struct{ name, tool string }{
	{".dropbox", SyncDropbox},
	{".dropbox.cache", SyncDropbox},
	{".sync_*.db", SyncNextcloud},
	{"._sync_*.db", SyncNextcloud},
	{".nextcloudsync.log", SyncNextcloud},
	{".owncloudsync.log", SyncNextcloud},
	{".tmp.drivedownload", SyncGoogleDrive},
	{".tmp.driveupload", SyncGoogleDrive},
	{".stfolder", SyncSyncthing},
}

// SyncedBy returns the sync tool whose folder holds the file at path (an absolute path),
// found from the names of the folders above it and from the markers that list (the names
// in a folder; nil when it cannot be read) shows in them; roots maps folders known to
// be synced (from the environment: Windows names OneDrive's in %OneDrive%) to their tool.
// The innermost folder that shows a tool wins. The zero SyncFolder means none was seen:
// a tool that leaves neither a name nor a marker (a renamed Dropbox folder under macOS
// File Provider) is not detected.
func SyncedBy(path string, list func(dir string) []string, roots map[string]string) SyncFolder {
	dir := filepath.Dir(filepath.Clean(path))
	for {
		if tool, ok := rootTool(dir, roots); ok {
			return SyncFolder{Tool: tool, Root: dir, By: "its location"}
		}
		if tool, ok := folderTool(dir); ok {
			return SyncFolder{Tool: tool, Root: dir, By: "the folder's name"}
		}
		if list != nil {
			if tool, marker, ok := markerTool(list(dir)); ok {
				return SyncFolder{Tool: tool, Root: dir, By: "the marker " + marker}
			}
		}
		up := filepath.Dir(dir)
		if up == dir {
			return SyncFolder{}
		}
		dir = up
	}
}

func rootTool(dir string, roots map[string]string) (string, bool) {
	for root, tool := range roots {
		if root != "" && samePath(filepath.Clean(root), dir) {
			return tool, true
		}
	}
	return "", false
}

// samePath compares paths as the desktop systems that run sync tools do: without case.
func samePath(a, b string) bool { return strings.EqualFold(a, b) }

// folderTool names the tool a folder's own name (and its parent's) says syncs it.
func folderTool(dir string) (string, bool) {
	name := strings.ToLower(filepath.Base(dir))
	parent := strings.ToLower(filepath.Base(filepath.Dir(dir)))
	grand := strings.ToLower(filepath.Base(filepath.Dir(filepath.Dir(dir))))
	inCloudStorage := parent == "cloudstorage" // macOS File Provider: ~/Library/CloudStorage/<Tool>-<account>
	switch {
	case name == "dropbox", strings.HasPrefix(name, "dropbox ("), inCloudStorage && strings.HasPrefix(name, "dropbox"):
		// "Dropbox (Personal)", "Dropbox (Team name)" when two accounts are linked.
		return SyncDropbox, true
	case name == "onedrive", strings.HasPrefix(name, "onedrive - "), strings.HasPrefix(name, "onedrive-"):
		// "OneDrive - Organisation" on Windows; "OneDrive-Personal" under CloudStorage.
		return SyncOneDrive, true
	case name == "com~apple~clouddocs", parent == "mobile documents" && grand == "library",
		name == "iclouddrive", name == "icloud drive":
		// ~/Library/Mobile Documents/com~apple~CloudDocs (and the apps' containers beside
		// it) on a Mac; C:\Users\NAME\iCloudDrive on Windows.
		return SynciCloud, true
	case name == "google drive", name == "my drive", name == "shared drives", name == "googledrive",
		strings.HasPrefix(name, "googledrive-"):
		// "My Drive" under the drive letter or "Google Drive"; GoogleDrive-<account> under CloudStorage.
		return SyncGoogleDrive, true
	case name == "nextcloud", name == "owncloud", inCloudStorage && strings.HasPrefix(name, "nextcloud"):
		return SyncNextcloud, true
	}
	return "", false
}

// markerTool finds a sync tool's marker among names, a folder's listing.
func markerTool(names []string) (tool, marker string, ok bool) {
	for _, n := range names {
		for _, m := range syncMarkers {
			if matchMarker(m.name, n) {
				return m.tool, n, true
			}
		}
	}
	return "", "", false
}

func matchMarker(pattern, name string) bool {
	prefix, suffix, glob := strings.Cut(pattern, "*")
	if !glob {
		return strings.EqualFold(pattern, name)
	}
	return len(name) > len(prefix)+len(suffix) && strings.HasPrefix(name, prefix) && strings.HasSuffix(name, suffix)
}

// ConflictCopy is a copy of the project a sync tool left beside it.
type ConflictCopy struct {
	Name string // the copy's file name, in the project's folder
	Tool string // the tool whose naming it follows ("a sync tool" when several use it)
}

// ConflictedCopies returns the names among names (the listing of the project's folder)
// that are a sync tool's conflicted copies of the project file named project, sorted.
// The names only Dropbox, Nextcloud, Syncthing and ownCloud give a conflict are
// recognised anywhere; the ones that could be a user's own name ("Research (1)",
// "Research 2", "Research-LAPTOP") only in a folder tool (see SyncedBy) syncs, and
// OneDrive's only with this computer's name, host, which is the name it adds.
func ConflictedCopies(project string, names []string, tool, host string) []ConflictCopy {
	ext := filepath.Ext(project)
	stem := strings.TrimSuffix(project, ext)
	if stem == "" {
		return nil
	}
	var out []ConflictCopy
	for _, n := range names {
		if n == project || !strings.EqualFold(filepath.Ext(n), ext) {
			continue
		}
		nstem := strings.TrimSuffix(n, n[len(n)-len(ext):])
		if len(nstem) <= len(stem) || !strings.EqualFold(nstem[:len(stem)], stem) {
			continue
		}
		if t := conflictSuffix(nstem[len(stem):], tool, host); t != "" {
			out = append(out, ConflictCopy{Name: n, Tool: t})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// conflictSuffix returns the tool whose conflicted copies end with suffix (what follows
// the project's name, before its extension), or "".
func conflictSuffix(suffix, tool, host string) string {
	lower := strings.ToLower(suffix)
	if inner, ok := parenthesised(suffix); ok {
		l := strings.ToLower(inner)
		switch {
		case strings.Contains(l, "conflicted copy") && (strings.Contains(l, "'s ") || strings.Contains(l, "’s ")):
			return SyncDropbox // "Research (Ann's conflicted copy 2026-05-01)"
		case strings.HasPrefix(l, "conflicted copy"):
			return SyncNextcloud // "Research (conflicted copy 2026-05-01 101112)"
		case strings.Contains(l, "conflict"), strings.Contains(l, "conflit"), strings.Contains(l, "konflikt"):
			// Dropbox's "(Case Conflict)" and "(Unicode Encoding Conflict)", and the names
			// the tools give in other languages (conflicto, conflitto, copie en conflit,
			// Konfliktkopie …).
			return "a sync tool"
		case allDigits(inner) && (tool == SyncGoogleDrive || tool == SyncOneDrive):
			return tool // "Research (1)"
		}
		return ""
	}
	switch {
	case strings.HasPrefix(lower, ".sync-conflict-"):
		return SyncSyncthing // "Research.sync-conflict-20260501-101112-ABCDEFG"
	case strings.HasPrefix(lower, "_conflict-"):
		return "ownCloud" // older clients: "Research_conflict-20260501-101112"
	case tool == SynciCloud && strings.HasPrefix(suffix, " ") && allDigits(suffix[1:]):
		return SynciCloud // "Research 2"
	case tool == SyncOneDrive && host != "" && oneDriveSuffix(suffix, host):
		return SyncOneDrive // "Research-LAPTOP", "Research-LAPTOP-2"
	}
	return ""
}

// parenthesised returns what " (…)" encloses when s is exactly that.
func parenthesised(s string) (string, bool) {
	if !strings.HasPrefix(s, " (") || !strings.HasSuffix(s, ")") || len(s) < 4 {
		return "", false
	}
	return s[2 : len(s)-1], true
}

func oneDriveSuffix(suffix, host string) bool {
	rest, ok := cutPrefixFold(suffix, "-"+host)
	if !ok {
		return false
	}
	return rest == "" || (strings.HasPrefix(rest, "-") && allDigits(rest[1:]))
}

func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) < len(prefix) || !strings.EqualFold(s[:len(prefix)], prefix) {
		return s, false
	}
	return s[len(prefix):], true
}

// allDigits reports whether s is a small number, as the tools count copies (1 to 99):
// "Research 2026" is a year, not iCloud's 2026th copy.
func allDigits(s string) bool {
	if s == "" || len(s) > 2 || s[0] == '0' {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// SyncReport is what ScanSync found about a project's folder.
type SyncReport struct {
	Folder SyncFolder
	Copies []ConflictCopy
}

// ScanSync looks at the folders above the project at path (an absolute path) for a sync
// tool, and at the project's own folder for conflicted copies of it. It reads folder
// listings only; a folder it cannot read shows nothing.
func ScanSync(path string) SyncReport {
	host, _ := os.Hostname()
	roots := map[string]string{}
	// Windows names OneDrive's folders in the environment.
	for _, v := range []string{"OneDrive", "OneDriveConsumer", "OneDriveCommercial"} {
		if p := os.Getenv(v); p != "" {
			roots[p] = SyncOneDrive
		}
	}
	r := SyncReport{Folder: SyncedBy(path, listNames, roots)}
	r.Copies = ConflictedCopies(filepath.Base(path), listNames(filepath.Dir(path)), r.Folder.Tool, host)
	return r
}

// listNames returns the names in dir, nil when it cannot be read.
func listNames(dir string) []string {
	f, err := os.Open(dir)
	if err != nil {
		return nil
	}
	defer f.Close()
	names, _ := f.Readdirnames(-1)
	return names
}

// Warning says, in a paragraph, why a project in a synced folder is at risk and what to
// do; project is its file's path and backups the folder its backups go to ("" when not
// known). "" when no tool was seen.
func (f SyncFolder) Warning(project, backups string) string {
	if f.Tool == "" {
		return ""
	}
	backupsSaid := "Dossier's backups are written outside the synced folder, in Dossier's own data folder."
	if backups != "" {
		backupsSaid = "Dossier's backups are written outside the synced folder, in " + backups + "."
		if inside(backups, f.Root) {
			backupsSaid = "Dossier's backups go to " + backups + ", which is inside the synced folder too."
		}
	}
	return fmt.Sprintf("%s is in a folder %s appears to sync (%s, shown by %s). "+
		"A sync tool copies a project while Dossier writes to it and can corrupt it, or leave conflicted copies of it. "+
		"Keep projects outside synced folders, or let the tool sync only while Dossier is closed. %s",
		project, f.Tool, f.Root, f.By, backupsSaid)
}

// inside reports whether path lies in (or is) the folder dir.
func inside(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// CopiesWarning says, in one line, which conflicted copies lie beside the project and
// why they matter; "" when there are none.
func (r SyncReport) CopiesWarning() string {
	if len(r.Copies) == 0 {
		return ""
	}
	names := make([]string, len(r.Copies))
	for i, c := range r.Copies {
		names[i] = fmt.Sprintf("“%s” (%s)", c.Name, c.Tool)
	}
	what, it, them := "A conflicted copy of this project lies", "It", "it"
	if len(names) > 1 {
		what, it, them = fmt.Sprintf("%d conflicted copies of this project lie", len(names)), "They", "them"
	}
	return fmt.Sprintf("%s beside it, left by a sync tool: %s. %s may hold work this project lacks: open %s to compare; Dossier merges nothing by itself.",
		what, strings.Join(names, ", "), it, them)
}
