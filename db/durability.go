package db

// Durability: a fact Dossier reports as saved (a "filed:" line, a saved relation, an edit
// the window shows as done) is on the disk, and survives a power cut, not only a crash
// of Dossier.
//
// The project is in WAL mode. There, SQLite's synchronous=NORMAL keeps the file
// consistent but syncs the WAL only at checkpoints, so "a transaction committed in WAL
// mode with synchronous=NORMAL might roll back following a power loss or system crash"
// (SQLite's PRAGMA synchronous documentation). synchronous=FULL syncs the WAL at every
// commit before the commit returns, so everything the store acknowledges is on the disk.
// The other way, NORMAL plus a checkpoint before each acknowledgement, would copy every
// page into the file and sync it twice per commit: more work for the same promise.
//
// The cost is one fsync per transaction. An import commits in batches (500 articles, or
// 8 MB of text), so it pays one fsync per batch, and an edit in the window one per edit
// (well under a millisecond on an SSD). See BenchmarkImportThroughput for the figures.
//
// fsync on macOS hands the data to the drive but does not make the drive write its
// cache; fullfsync has SQLite use F_FULLFSYNC there instead, which does. Elsewhere it is
// ignored.
const (
	syncPragma      = "synchronous(FULL)"
	fullFsyncPragma = "fullfsync(1)"
)
