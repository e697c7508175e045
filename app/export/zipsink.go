package export

import (
	"archive/zip"
	"context"
	"io"
)

// ZipSink writes a vault's files into one zip archive: a vault of a large project is
// hundreds of thousands of small files, which a file system creates far slower than an
// archive takes them. Each file must be closed before the next is created.
type ZipSink struct {
	zw *zip.Writer
}

// NewZipSink starts an archive on w. The files are stored, not compressed: deflating the
// article texts of a 100,000-article project took longer than writing them, and the
// archive is for carrying a vault, not for keeping it small.
func NewZipSink(w io.Writer) *ZipSink {
	return &ZipSink{zw: zip.NewWriter(w)}
}

// Create starts the file at path in the archive.
func (z *ZipSink) Create(path string) (io.WriteCloser, error) {
	w, err := z.zw.CreateHeader(&zip.FileHeader{Name: path, Method: zip.Store})
	if err != nil {
		return nil, err
	}
	return nopCloser{w}, nil
}

// Close writes the archive's directory; without it the archive is unreadable.
func (z *ZipSink) Close() error { return z.zw.Close() }

type nopCloser struct{ io.Writer }

func (nopCloser) Close() error { return nil }

// WriteVaultZip writes the vault as a zip archive on w.
func WriteVaultZip(ctx context.Context, w io.Writer, j Job) error {
	z := NewZipSink(w)
	if err := WriteVault(ctx, z, j); err != nil {
		return err
	}
	return z.Close()
}
