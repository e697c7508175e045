package export_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/binary"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"dossier/app/export"
)

// TestVaultZipReadByUnzipAndPython: the vault's zip, written without holding its
// directory in memory, is read whole by Go's archive/zip, Python's zipfile (every CRC
// checked) and Info-ZIP's unzip -t, both for the sample's vault and for an archive of
// 70,000 files, past the 65,535 a zip holds without its zip64 records; names in any
// script keep their UTF-8; the temporary directory file is gone after.
func TestVaultZipReadByUnzipAndPython(t *testing.T) {
	tmp := t.TempDir()
	defer export.SetVaultTempDir(tmp)()
	py := pythonWith(t, "zipfile")
	unzip, err := exec.LookPath("unzip")
	if err != nil {
		t.Fatal("no unzip here: install Debian's unzip (make test-deps does)")
	}

	p := newExportProject(t)
	var sample bytes.Buffer
	if err := export.WriteVaultZip(context.Background(), &sample, export.Job{Src: p.store}); err != nil {
		t.Fatal(err)
	}

	var big bytes.Buffer
	z := export.NewZipSink(&big)
	want := map[string]string{}
	const files = 70_000
	for i := range files {
		name := []string{"actors/", "articles/", "notes/"}[i%3] + "f" + strconv.Itoa(i) + []string{"", "-Işıl", "-Пётр", "-كتائب"}[i%4] + ".md"
		body := strings.Repeat("line "+strconv.Itoa(i)+"\n", i%7)
		w, err := z.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, body)
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		want[name] = body
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	if got := zip64Count(big.Bytes()); got != files {
		t.Errorf("the zip64 end record counts %d files, want %d", got, files)
	}

	for _, c := range []struct {
		name  string
		data  []byte
		files int
	}{{"sample", sample.Bytes(), 0}, {"70,000 files", big.Bytes(), files}} {
		path := filepath.Join(t.TempDir(), "vault.zip")
		if err := os.WriteFile(path, c.data, 0o644); err != nil {
			t.Fatal(err)
		}
		zr, err := zip.OpenReader(path)
		if err != nil {
			t.Fatalf("%s: Go: %v", c.name, err)
		}
		for _, f := range zr.File {
			rc, err := f.Open()
			if err != nil {
				t.Fatalf("%s: %s: %v", c.name, f.Name, err)
			}
			b, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				t.Fatalf("%s: %s: %v", c.name, f.Name, err)
			}
			if c.files > 0 && string(b) != want[f.Name] {
				t.Fatalf("%s: %s holds %q, want %q", c.name, f.Name, b, want[f.Name])
			}
		}
		n := len(zr.File)
		zr.Close()
		if c.files > 0 && n != c.files {
			t.Errorf("%s: Go reads %d files, want %d", c.name, n, c.files)
		}
		out := run(t, nil, py, "-c", `import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
bad = z.testzip()
names = z.namelist()
assert bad is None, bad
print(len(names), sum(1 for n in names if "Işıl" in n))`, path)
		if c.files > 0 && strings.TrimSpace(string(out)) != strconv.Itoa(files)+" "+strconv.Itoa(files/4) {
			t.Errorf("%s: Python reads %q, want %d files, %d with a Turkish name", c.name, out, files, files/4)
		}
		if c.files == 0 && !strings.HasPrefix(string(out), strconv.Itoa(n)+" ") {
			t.Errorf("%s: Python reads %q, want the %d files Go reads", c.name, out, n)
		}
		if out := run(t, nil, unzip, "-tqq", path); len(out) != 0 {
			t.Errorf("%s: unzip -t says %s", c.name, out)
		}
	}
	if left, _ := os.ReadDir(tmp); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// zip64Count is the number of files an archive's zip64 end record gives (readers are
// lenient about the 16-bit count of the plain end record, so it is checked here), -1
// when the archive has no zip64 records.
func zip64Count(b []byte) int {
	end := len(b) - 22 // the end record, without a comment
	loc := end - 20
	if loc < 0 || binary.LittleEndian.Uint32(b[loc:]) != 0x07064b50 {
		return -1
	}
	rec := int(binary.LittleEndian.Uint64(b[loc+8:]))
	if rec+56 > len(b) || binary.LittleEndian.Uint32(b[rec:]) != 0x06064b50 {
		return -1
	}
	return int(binary.LittleEndian.Uint64(b[rec+32:]))
}
