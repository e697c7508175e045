package db

import (
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// A project in WAL mode keeps its latest commits in NAME-wal until a checkpoint copies
// them into the file. When Dossier is stopped abruptly (a crash, a power cut, kill -9) the
// -wal and -shm files stay beside the project, and the next open replays the -wal. If the
// -wal is deleted or cut short meanwhile (a user tidying "odd files", a sync tool, a copy
// of the project file alone), those commits are gone and SQLite opens the project as it
// was at its last checkpoint, without a word.
//
// The -shm file (the WAL index) says how much was lost: its header counts the frames the
// -wal held (mxFrame) and how many of them a checkpoint had copied into the file
// (nBackfill). walLoss reads it before SQLite opens the project, since the first
// connection to open rebuilds the -shm and the evidence with it. See
// https://sqlite.org/walformat.html#the_wal_index_file_format.

// The WAL index header: two copies of a 48-byte header, then the checkpoint information.
const (
	walIndexVersion  = 3007000
	walIndexHdrSize  = 48
	walNBackfill     = 2 * walIndexHdrSize // offset of nBackfill
	walIndexReadSize = walNBackfill + 4
	walHeaderSize    = 32 // the -wal file's own header
	walFrameHeader   = 24 // before each page in the -wal
)

// walLoss says what the project at path lost if its -wal file is missing or shorter than
// its WAL index says while that index records commits no checkpoint had copied into the
// project file; "" when nothing points to a loss (no -shm, an index that is not whole,
// every commit checkpointed, or the -wal there in full).
func walLoss(path string) string {
	f, err := os.Open(path + "-shm")
	if err != nil {
		return ""
	}
	defer f.Close()
	b := make([]byte, walIndexReadSize)
	if _, err := io.ReadFull(f, b); err != nil {
		return ""
	}
	// The index is in the byte order of the machine that wrote it, which is this one: a
	// -shm is never shared between machines.
	ne := binary.NativeEndian
	first, second := b[:walIndexHdrSize], b[walIndexHdrSize:2*walIndexHdrSize]
	if ne.Uint32(first[0:4]) != walIndexVersion || first[12] != 1 || string(first) != string(second) {
		return "" // not a whole index (or one being written): it proves nothing
	}
	pageSize := int64(ne.Uint16(first[14:16]))
	if pageSize == 1 {
		pageSize = 65536
	}
	frames := int64(ne.Uint32(first[16:20]))
	backfilled := int64(ne.Uint32(b[walNBackfill:]))
	if frames == 0 || backfilled >= frames {
		return "" // everything the -wal held is in the project file
	}
	var have int64
	if st, err := os.Stat(path + "-wal"); err == nil {
		have = st.Size()
	}
	if have >= walHeaderSize+frames*(walFrameHeader+pageSize) {
		return ""
	}
	what := "is missing"
	if have > 0 {
		what = "is cut short"
	}
	return fmt.Sprintf("its write-ahead log %s %s, though it held changes that had been saved but not yet copied into the project file (%d pages): those changes are lost, and the project opens as it was before them",
		filepath.Base(path)+"-wal", what, frames-backfilled)
}
