package db

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/binary"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"dossier/app"
)

// foreignDB makes a SQLite file as another program would: with the real sqlite3 tool
// when it is installed, else through a plain connection that sets no Dossier pragma.
func foreignDB(t *testing.T, path, script string) {
	t.Helper()
	if _, err := exec.LookPath("sqlite3"); err == nil {
		if out, err := exec.Command("sqlite3", path, script).CombinedOutput(); err != nil {
			t.Fatalf("sqlite3: %v %s", err, out)
		}
		return
	}
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(script); err != nil {
		t.Fatal(err)
	}
}

// TestForeignFilesAreNeverModified opens every kind of file that is not a Dossier project
// through each way in (Open, Create, OpenReadOnly) and checks each is refused with the
// right code and left byte for byte as it was, with no journal or WAL file beside it.
func TestForeignFilesAreNeverModified(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	files := []struct {
		name string
		make func(path string)
		code string
		says string
	}{
		{"another program's database", func(p string) {
			foreignDB(t, p, "CREATE TABLE contacts(name TEXT, phone TEXT); INSERT INTO contacts VALUES ('Ada', '555');")
		}, app.ENOTPROJ, "not a Dossier project"},
		{"an empty database", func(p string) {
			foreignDB(t, p, "CREATE TABLE t(x); DROP TABLE t;")
		}, app.ENOTPROJ, "not a Dossier project"},
		{"an empty database with a version number", func(p string) {
			foreignDB(t, p, "CREATE TABLE t(x); DROP TABLE t; PRAGMA user_version = 7;")
		}, app.ENOTPROJ, "not a Dossier project"},
		{"a database with another application id", func(p string) {
			foreignDB(t, p, "PRAGMA application_id = 1234; CREATE TABLE notes(body TEXT);")
		}, app.ENOTPROJ, "not a Dossier project"},
		{"a WAL database", func(p string) {
			foreignDB(t, p, "PRAGMA journal_mode = WAL; CREATE TABLE items(x); INSERT INTO items VALUES (1);")
		}, app.ENOTPROJ, "not a Dossier project"},
		{"a text file", func(p string) {
			os.WriteFile(p, []byte("shopping list: bread, tea\n"), 0o644)
		}, app.ENOTPROJ, "not a SQLite database"},
		{"a cut-off SQLite header", func(p string) {
			os.WriteFile(p, []byte("SQLite format 3\x00\x10\x00"), 0o644)
		}, app.ENOTPROJ, "not a SQLite database"},
		{"an empty file", func(p string) {
			os.WriteFile(p, nil, 0o644)
		}, app.ENOTPROJ, "--create"},
	}
	for _, f := range files {
		t.Run(f.name, func(t *testing.T) {
			path := filepath.Join(dir, strings.ReplaceAll(f.name, " ", "-")+".db")
			f.make(path)
			before, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			opens := map[string]func(context.Context, string) (*Store, error){"Open": Open, "OpenReadOnly": OpenReadOnly}
			if f.name != "an empty file" {
				opens["Create"] = Create
			}
			for how, open := range opens {
				s, err := open(ctx, path)
				if err == nil {
					s.Close()
					t.Fatalf("%s accepted %s", how, f.name)
				}
				if app.ErrorCode(err) != f.code && !(how == "OpenReadOnly" && f.name == "an empty file") {
					t.Fatalf("%s: %v, want %s", how, err, f.code)
				}
				if how != "OpenReadOnly" && !strings.Contains(app.ErrorMessage(err), f.says) {
					t.Fatalf("%s: message %q does not say %q", how, app.ErrorMessage(err), f.says)
				}
				if strings.Contains(app.ErrorMessage(err), "newer version") {
					t.Fatalf("%s calls %s a newer Dossier's project: %q", how, f.name, app.ErrorMessage(err))
				}
				after, _ := os.ReadFile(path)
				if !bytes.Equal(before, after) {
					t.Fatalf("%s changed %s (header bytes 18-19 %v -> %v)", how, f.name, head(before), head(after))
				}
				for _, ext := range []string{"-wal", "-shm", "-journal"} {
					if _, err := os.Stat(path + ext); err == nil && f.name != "a WAL database" {
						t.Fatalf("%s left %s beside %s", how, ext, f.name)
					}
				}
			}
		})
	}
}

func head(b []byte) []byte {
	if len(b) < 20 {
		return b
	}
	return b[18:20]
}

// TestEmptyFileBecomesAProjectOnlyByCreate: Open refuses a zero-byte file and leaves it
// empty; Create makes it a project.
func TestEmptyFileBecomesAProjectOnlyByCreate(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "empty.dossier")
	os.WriteFile(path, nil, 0o644)
	_, err := Open(ctx, path)
	wantCode(t, err, app.ENOTPROJ)
	if st, _ := os.Stat(path); st.Size() != 0 {
		t.Fatalf("Open wrote %d bytes into the empty file", st.Size())
	}
	s, err := Create(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatalf("the created project does not reopen: %v", err)
	}
	s.Close()
}

// TestNewProjectHeaderIsWrittenAtOnce: a project just created carries Dossier's id in the
// file's own header (not only in its WAL), so reading the header says "Dossier project"
// even if Dossier stops before its next checkpoint.
func TestNewProjectHeaderIsWrittenAtOnce(t *testing.T) {
	s := openTest(t)
	h, err := readHeader(s.path)
	if err != nil {
		t.Fatal(err)
	}
	migs, _ := migrations()
	if h.appID != ApplicationID || int(h.userVersion) != len(migs) {
		t.Fatalf("header of an open new project: id %x version %d", h.appID, h.userVersion)
	}
}

// TestTooNewIsReadFromTheHeader: a project of a newer schema is refused before SQLite
// opens it, and left unchanged.
func TestTooNewIsReadFromTheHeader(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "newer.dossier")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	b, _ := os.ReadFile(path)
	binary.BigEndian.PutUint32(b[60:64], 99)
	os.WriteFile(path, b, 0o644)
	_, err = Open(ctx, path)
	wantCode(t, err, app.ETOONEW)
	if after, _ := os.ReadFile(path); !bytes.Equal(b, after) {
		t.Fatal("refusing a newer project changed it")
	}
}

// TestCutOffProjectIsDamaged: a project whose end is missing is refused as damaged.
func TestCutOffProjectIsDamaged(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "cut.dossier")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	b, _ := os.ReadFile(path)
	os.WriteFile(path, b[:len(b)/2], 0o644)
	_, err = Open(ctx, path)
	wantCode(t, err, app.ECORRUPT)
	if !strings.Contains(app.ErrorMessage(err), "shorter than its header says") {
		t.Fatalf("message %q", app.ErrorMessage(err))
	}
}

// FuzzParseHeader: any bytes parse without panicking, and a header that parses as a
// valid SQLite header reports a page size SQLite allows.
func FuzzParseHeader(f *testing.F) {
	valid := make([]byte, 100)
	copy(valid, "SQLite format 3\x00")
	valid[16], valid[17], valid[18], valid[19], valid[21], valid[22], valid[23] = 0x10, 0, 2, 2, 64, 32, 32
	binary.BigEndian.PutUint32(valid[68:], ApplicationID)
	f.Add(valid)
	f.Add([]byte("SQLite format 3\x00"))
	f.Add([]byte{})
	f.Add(bytes.Repeat([]byte{0xff}, 100))
	f.Fuzz(func(t *testing.T, b []byte) {
		h := parseHeader(b)
		if !h.sqlite && (h.appID != 0 || h.problem != "") {
			t.Fatalf("a non-SQLite header has fields: %+v", h)
		}
		if h.sqlite && h.problem == "" && (h.pageSize < 512 || h.pageSize > 65536 || h.pageSize&(h.pageSize-1) != 0) {
			t.Fatalf("accepted page size %d", h.pageSize)
		}
		_ = h.sizeProblem(int64(len(b)))
	})
}
