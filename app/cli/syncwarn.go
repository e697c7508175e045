package cli

import (
	"fmt"
	"path/filepath"

	"dossier/app"
)

// A conflicted copy beside the project is said on standard error by every command that
// opens it, in one line: it may hold work the project lacks, and a script's log is where
// someone will look. That the project lies in a synced folder is said only by 'dossier
// check': it is a standing risk, not news, and a script that imports every hour would
// otherwise repeat it on every run (the window says it once and remembers).

// warnCopies prints one line naming the conflicted copies of the project at path, if any.
func warnCopies(env Env, path string) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return
	}
	if msg := app.ScanSync(abs).CopiesWarning(); msg != "" {
		fmt.Fprintf(env.Stderr, "dossier: warning: %s\n", shown(msg))
	}
}

// warnSyncFolder prints one line when the project at path lies in a folder a sync tool keeps.
func warnSyncFolder(env Env, path string) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return
	}
	if msg := app.ScanSync(abs).Folder.Warning(abs, app.BackupDir(dataDir(env), abs)); msg != "" {
		fmt.Fprintf(env.Stderr, "dossier: warning: %s\n", shown(msg))
	}
}
