package views

// CloseProject closes the project open in the window when the app quits. After File ▸
// Open project that is not the project the window started with, so main asks the window
// rather than closing the one it opened: a project left open keeps its -wal and -shm
// beside it, and most of its data in the -wal, so copying the .dossier file alone would
// copy an empty project. Closing the last connection checkpoints the WAL into the file
// and removes both.
func (mw *Window) CloseProject() error {
	return mw.u.store.Close()
}
