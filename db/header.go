package db

import (
	"encoding/binary"
	"fmt"
)

// headerSize is the length of the header at the start of every SQLite file.
const headerSize = 100

// fileHeader is what Dossier reads of a SQLite file's header before SQLite opens the file:
// whether the file is a Dossier project, of which schema version, and whether the header
// itself is whole. Reading it by hand lets Dossier refuse another program's file without
// SQLite writing a byte to it (opening with the project's pragmas would switch it to WAL).
// See https://sqlite.org/fileformat2.html#the_database_header.
type fileHeader struct {
	sqlite      bool   // the "SQLite format 3" magic string is there
	appID       uint32 // offset 68: PRAGMA application_id
	userVersion int32  // offset 60: PRAGMA user_version, Dossier's schema version
	pageSize    int    // offset 16, 0 when invalid
	pages       uint32 // offset 28: the database size in pages, when sizeValid
	sizeValid   bool   // the in-header size is trustworthy (change counter matches offset 92)
	problem     string // what is wrong with the header of a SQLite file, "" when nothing
}

// parseHeader reads a SQLite header from b, which may be short or hold anything.
func parseHeader(b []byte) fileHeader {
	var h fileHeader
	if len(b) < headerSize || string(b[:16]) != "SQLite format 3\x00" {
		return h
	}
	h.sqlite = true
	be := binary.BigEndian
	h.appID = be.Uint32(b[68:72])
	h.userVersion = int32(be.Uint32(b[60:64]))
	h.pageSize = headerPageSize(be.Uint16(b[16:18]))
	h.pages = be.Uint32(b[28:32])
	h.sizeValid = h.pages != 0 && be.Uint32(b[24:28]) == be.Uint32(b[92:96])
	h.problem = headerProblem(b, h.pageSize)
	return h
}

// headerPageSize is the page size a header's field gives (1 stands for 65536), 0 when it
// is not a power of two from 512 to 65536.
func headerPageSize(field uint16) int {
	ps := int(field)
	if ps == 1 {
		ps = 65536
	}
	if ps >= 512 && ps <= 65536 && ps&(ps-1) == 0 {
		return ps
	}
	return 0
}

// headerProblem says what is wrong with the fields of header b, whose page size field
// gave pageSize; "" when nothing.
func headerProblem(b []byte, pageSize int) string {
	switch {
	case pageSize == 0:
		return fmt.Sprintf("its header gives an impossible page size (%d)", binary.BigEndian.Uint16(b[16:18]))
	case b[18] < 1 || b[18] > 2 || b[19] < 1 || b[19] > 2:
		return fmt.Sprintf("its header gives an unknown file format (%d, %d)", b[18], b[19])
	case b[21] != 64 || b[22] != 32 || b[23] != 32:
		return "its header's fixed fields are wrong"
	}
	return ""
}

// sizeProblem says what is wrong when a file of size bytes is shorter than its header
// says: the tail of the project was lost (a copy cut short, a full disk).
func (h fileHeader) sizeProblem(size int64) string {
	if !h.sizeValid || h.pageSize == 0 {
		return ""
	}
	if want := int64(h.pages) * int64(h.pageSize); size < want {
		return fmt.Sprintf("it is shorter than its header says (%d of %d pages): its end is missing", size/int64(h.pageSize), h.pages)
	}
	return ""
}
