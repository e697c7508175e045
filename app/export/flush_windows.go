package export

// flushFolder does nothing on Windows, which has no call that writes back one folder
// short of flushing every file: the vault is renamed complete, and NTFS's journal keeps
// the folder's names consistent.
func flushFolder(string) error { return nil }

// flushDir: a folder cannot be flushed on Windows; see flushFolder.
func flushDir(string) error { return nil }
