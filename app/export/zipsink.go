package export

import (
	"archive/zip"
	"compress/flate"
	"context"
	"io"
)

// ZipSink writes a vault's files into one zip archive: a vault of a large project is
// hundreds of thousands of small files, which a file system creates far slower than an
// archive takes them. Each file must be closed before the next is created.
type ZipSink struct {
	zw *zip.Writer
}

// NewZipSink starts an archive on w. Deflate runs at its fastest level: the notes are
// text, and the export should take seconds, not minutes.
func NewZipSink(w io.Writer) *ZipSink {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(out, flate.BestSpeed)
	})
	return &ZipSink{zw: zw}
}

// Create starts the file at path in the archive.
func (z *ZipSink) Create(path string) (io.WriteCloser, error) {
	w, err := z.zw.Create(path)
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
