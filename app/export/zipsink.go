package export

import (
	"bufio"
	"context"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"unicode/utf8"

	"dossier/app"
)

// ZipSink writes a vault's files into one zip archive: a vault of a large project is
// hundreds of thousands of small files, which a file system creates far slower than an
// archive takes them. Each file must be closed before the next is created.
//
// The files are stored, not compressed: deflating the article texts of a 100,000-article
// project took longer than writing them, and the archive is for carrying a vault, not
// for keeping it small. archive/zip keeps every file's header in memory until the
// archive's directory is written at the end (50 MB for a 105,000-file vault); ZipSink
// writes each file's directory record to a temporary file instead, and copies it to the
// end of the archive, so memory stays the same whatever the vault's size. Archives of
// more than 65,535 files or 4 GB carry the zip64 records every current unzip reads.
type ZipSink struct {
	w       *zipCounter
	dir     *os.File // the directory records so far
	dirw    *bufio.Writer
	entries uint64
	open    *zipEntry
	err     error
}

// NewZipSink starts an archive on w.
func NewZipSink(w io.Writer) *ZipSink {
	return &ZipSink{w: &zipCounter{w: bufio.NewWriterSize(w, 256<<10)}}
}

type zipCounter struct {
	w *bufio.Writer
	n uint64
}

func (c *zipCounter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += uint64(n)
	return n, err
}

// The zip format's fields (APPNOTE.TXT 4.3).
const (
	zipLocalSig      = 0x04034b50
	zipDescriptorSig = 0x08074b50
	zipCentralSig    = 0x02014b50
	zip64EndSig      = 0x06064b50
	zip64LocatorSig  = 0x07064b50
	zipEndSig        = 0x06054b50
	zipVersion20     = 20 // what a stored file needs
	zipVersion45     = 45 // zip64
	zipFlagDescr     = 0x8
	zipFlagUTF8      = 0x800
	zipMax16         = 0xffff
	zipMax32         = 0xffffffff
)

// zipEntry is the file being written.
type zipEntry struct {
	z      *ZipSink
	name   string
	flags  uint16
	offset uint64
	size   uint64
	crc    uint32
	closed bool
}

// Create starts the file at path in the archive.
func (z *ZipSink) Create(path string) (io.WriteCloser, error) {
	if z.err != nil {
		return nil, z.err
	}
	if z.open != nil {
		return nil, app.Errorf(app.EINTERNAL, "The zip's file %s was not closed before %s.", z.open.name, path)
	}
	if len(path) > zipMax16 {
		return nil, app.Errorf(app.EINVALID, "The file name %.40s… is too long for a zip archive.", path)
	}
	if z.dir == nil {
		f, err := os.CreateTemp(vaultTempDir, "dossier-zipdir-*.tmp")
		if err != nil {
			z.err = &app.Error{Code: app.EINTERNAL, Err: err, Message: fmt.Sprintf("Cannot make a temporary file for the zip's directory: %v.", err)}
			return nil, z.err
		}
		z.dir, z.dirw = f, bufio.NewWriterSize(f, 64<<10)
	}
	e := &zipEntry{z: z, name: path, flags: zipFlagDescr, offset: z.w.n}
	if !isASCIIName(path) && utf8.ValidString(path) {
		e.flags |= zipFlagUTF8
	}
	// The sizes and CRC follow the data, in a data descriptor: the file is streamed.
	b := make([]byte, 0, 30+len(path))
	b = binary.LittleEndian.AppendUint32(b, zipLocalSig)
	b = binary.LittleEndian.AppendUint16(b, zipVersion20)
	b = binary.LittleEndian.AppendUint16(b, e.flags)
	b = append(b, make([]byte, 2+2+2+4+4+4)...) // stored; no time; CRC and sizes later
	b = binary.LittleEndian.AppendUint16(b, uint16(len(path)))
	b = binary.LittleEndian.AppendUint16(b, 0) // no extra field
	b = append(b, path...)
	if _, err := z.w.Write(b); err != nil {
		z.err = err
		return nil, err
	}
	z.open = e
	return e, nil
}

func isASCIIName(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

func (e *zipEntry) Write(p []byte) (int, error) {
	if e.z.err != nil {
		return 0, e.z.err
	}
	n, err := e.z.w.Write(p)
	e.crc = crc32.Update(e.crc, crc32.IEEETable, p[:n])
	e.size += uint64(n)
	if err != nil {
		e.z.err = err
	}
	return n, err
}

// Close ends the file: its data descriptor in the archive, its record in the directory.
func (e *zipEntry) Close() error {
	z := e.z
	if e.closed {
		return z.err
	}
	e.closed = true
	z.open = nil
	if z.err != nil {
		return z.err
	}
	big := e.size >= zipMax32 || e.offset >= zipMax32
	b := make([]byte, 0, 24)
	b = binary.LittleEndian.AppendUint32(b, zipDescriptorSig)
	b = binary.LittleEndian.AppendUint32(b, e.crc)
	if e.size >= zipMax32 {
		b = binary.LittleEndian.AppendUint64(b, e.size)
		b = binary.LittleEndian.AppendUint64(b, e.size)
	} else {
		b = binary.LittleEndian.AppendUint32(b, uint32(e.size))
		b = binary.LittleEndian.AppendUint32(b, uint32(e.size))
	}
	if _, err := z.w.Write(b); err != nil {
		z.err = err
		return err
	}
	var extra []byte
	size32, offset32 := uint32(e.size), uint32(e.offset)
	if big {
		// zip64 extended information: the fields set to 0xffffffff, in this order.
		var fields []byte
		if e.size >= zipMax32 {
			fields = binary.LittleEndian.AppendUint64(fields, e.size) // uncompressed
			fields = binary.LittleEndian.AppendUint64(fields, e.size) // compressed
			size32 = zipMax32
		}
		if e.offset >= zipMax32 {
			fields = binary.LittleEndian.AppendUint64(fields, e.offset)
			offset32 = zipMax32
		}
		extra = binary.LittleEndian.AppendUint16(extra, 0x0001)
		extra = binary.LittleEndian.AppendUint16(extra, uint16(len(fields)))
		extra = append(extra, fields...)
	}
	version := uint16(zipVersion20)
	if big {
		version = zipVersion45
	}
	c := make([]byte, 0, 46+len(e.name)+len(extra))
	c = binary.LittleEndian.AppendUint32(c, zipCentralSig)
	c = binary.LittleEndian.AppendUint16(c, version) // made by (MS-DOS attributes)
	c = binary.LittleEndian.AppendUint16(c, version) // needed
	c = binary.LittleEndian.AppendUint16(c, e.flags)
	c = append(c, make([]byte, 2+2+2)...) // stored; no time
	c = binary.LittleEndian.AppendUint32(c, e.crc)
	c = binary.LittleEndian.AppendUint32(c, size32)
	c = binary.LittleEndian.AppendUint32(c, size32)
	c = binary.LittleEndian.AppendUint16(c, uint16(len(e.name)))
	c = binary.LittleEndian.AppendUint16(c, uint16(len(extra)))
	c = append(c, make([]byte, 2+2+2+4)...) // no comment; disk 0; no attributes
	c = binary.LittleEndian.AppendUint32(c, offset32)
	c = append(c, e.name...)
	c = append(c, extra...)
	if _, err := z.dirw.Write(c); err != nil {
		z.err = &app.Error{Code: app.EINTERNAL, Err: err, Message: fmt.Sprintf("Cannot write %s, the zip's directory being made: %v.", z.dir.Name(), err)}
		return z.err
	}
	z.entries++
	return nil
}

// Close copies the directory to the end of the archive and ends it; without this the
// archive is unreadable. The temporary file is removed whatever happens.
func (z *ZipSink) Close() error {
	defer z.removeDir()
	if z.err != nil {
		return z.err
	}
	if z.open != nil {
		return app.Errorf(app.EINTERNAL, "The zip's file %s was not closed.", z.open.name)
	}
	start := z.w.n
	if z.dir != nil {
		err := z.dirw.Flush()
		if err == nil {
			_, err = z.dir.Seek(0, io.SeekStart)
		}
		if err == nil {
			_, err = io.Copy(z.w, bufio.NewReaderSize(z.dir, 64<<10))
		}
		if err != nil {
			return &app.Error{Code: app.EINTERNAL, Err: err, Message: fmt.Sprintf("Cannot copy the zip's directory from %s: %v.", z.dir.Name(), err)}
		}
	}
	size := z.w.n - start
	records, size32, start32 := uint16(z.entries), uint32(size), uint32(start)
	var b []byte
	if z.entries >= zipMax16 || size >= zipMax32 || start >= zipMax32 {
		end64 := z.w.n
		b = binary.LittleEndian.AppendUint32(b, zip64EndSig)
		b = binary.LittleEndian.AppendUint64(b, 44) // the size of what follows
		b = binary.LittleEndian.AppendUint16(b, zipVersion45)
		b = binary.LittleEndian.AppendUint16(b, zipVersion45)
		b = binary.LittleEndian.AppendUint32(b, 0) // this disk
		b = binary.LittleEndian.AppendUint32(b, 0) // the directory's disk
		b = binary.LittleEndian.AppendUint64(b, z.entries)
		b = binary.LittleEndian.AppendUint64(b, z.entries)
		b = binary.LittleEndian.AppendUint64(b, size)
		b = binary.LittleEndian.AppendUint64(b, start)
		b = binary.LittleEndian.AppendUint32(b, zip64LocatorSig)
		b = binary.LittleEndian.AppendUint32(b, 0)
		b = binary.LittleEndian.AppendUint64(b, end64)
		b = binary.LittleEndian.AppendUint32(b, 1) // disks
		records, size32, start32 = zipMax16, zipMax32, zipMax32
	}
	b = binary.LittleEndian.AppendUint32(b, zipEndSig)
	b = binary.LittleEndian.AppendUint16(b, 0)
	b = binary.LittleEndian.AppendUint16(b, 0)
	b = binary.LittleEndian.AppendUint16(b, records)
	b = binary.LittleEndian.AppendUint16(b, records)
	b = binary.LittleEndian.AppendUint32(b, size32)
	b = binary.LittleEndian.AppendUint32(b, start32)
	b = binary.LittleEndian.AppendUint16(b, 0) // no comment
	if _, err := z.w.Write(b); err != nil {
		return err
	}
	return z.w.w.Flush()
}

func (z *ZipSink) removeDir() {
	if z.dir != nil {
		z.dir.Close()
		os.Remove(z.dir.Name())
		z.dir = nil
	}
}

// WriteVaultZip writes the vault as a zip archive on w.
func WriteVaultZip(ctx context.Context, w io.Writer, j Job) error {
	z := NewZipSink(w)
	if err := WriteVault(ctx, z, j); err != nil {
		z.removeDir()
		return err
	}
	return z.Close()
}
