package packaging

import (
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"dossier/app"
)

// appID is the app id FyneApp.toml gives; every packaging file must use the same one.
func appID(t *testing.T) string {
	t.Helper()
	var meta struct {
		Details struct{ ID, Version string }
	}
	if _, err := toml.DecodeFile("../FyneApp.toml", &meta); err != nil {
		t.Fatal(err)
	}
	if meta.Details.ID == "" {
		t.Fatal("FyneApp.toml has no Details.ID")
	}
	return meta.Details.ID
}

// run runs a validator that make test installs (desktop-file-utils, appstream) and fails
// with its output when it reports anything.
func run(t *testing.T, pkg string, name string, args ...string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Fatalf("%s is missing: install the Debian package %s (make test does)", name, pkg)
	}
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	t.Logf("%s: %s", name, out)
}

func TestDesktopFileValidates(t *testing.T) {
	run(t, "desktop-file-utils", "desktop-file-validate", filepath.Join("linux", appID(t)+".desktop"))
}

// TestMetainfoValidates: what software centres read; --no-net because nothing here may
// touch the network (the screenshot address is not fetched).
func TestMetainfoValidates(t *testing.T) {
	run(t, "appstream", "appstreamcli", "validate", "--no-net", "--explain", filepath.Join("linux", appID(t)+".metainfo.xml"))
}

// TestPackagingAgrees: the files that describe the app to the desktop name the same app
// id, the same file type and the same version, so a change to one that forgets the
// others fails here rather than in a user's file manager.
func TestPackagingAgrees(t *testing.T) {
	id := appID(t)
	desktop := read(t, filepath.Join("linux", id+".desktop"))
	var mime struct {
		Types []struct {
			Type  string `xml:"type,attr"`
			Globs []struct {
				Pattern string `xml:"pattern,attr"`
			} `xml:"glob"`
			Icon struct {
				Name string `xml:"name,attr"`
			} `xml:"icon"`
		} `xml:"mime-type"`
	}
	decode(t, filepath.Join("linux", id+".mime.xml"), &mime)
	var meta struct {
		ID         string   `xml:"id"`
		Launchable string   `xml:"launchable"`
		Binaries   []string `xml:"provides>binary"`
		MediaTypes []string `xml:"provides>mediatype"`
		Releases   []struct {
			Version string `xml:"version,attr"`
		} `xml:"releases>release"`
	}
	decode(t, filepath.Join("linux", id+".metainfo.xml"), &meta)

	if len(mime.Types) != 1 || len(mime.Types[0].Globs) != 1 || mime.Types[0].Globs[0].Pattern != "*.dossier" {
		t.Fatalf("the MIME file must define one type for *.dossier: %+v", mime.Types)
	}
	mimeType := mime.Types[0].Type
	checks := []struct {
		what      string
		got, want string
	}{
		{"desktop Icon", field(desktop, "Icon"), id},
		{"desktop MimeType", field(desktop, "MimeType"), mimeType + ";"},
		{"desktop Exec", field(desktop, "Exec"), "dossier %f"},
		{"MIME icon", mime.Types[0].Icon.Name, id},
		{"metainfo id", meta.ID, id},
		{"metainfo launchable", meta.Launchable, id + ".desktop"},
		{"metainfo binary", strings.Join(meta.Binaries, ","), "dossier"},
		{"metainfo mediatype", strings.Join(meta.MediaTypes, ","), mimeType},
	}
	if len(meta.Releases) > 0 {
		checks = append(checks, struct{ what, got, want string }{"metainfo newest release", meta.Releases[0].Version, app.BaseVersion})
	} else {
		t.Error("the metainfo lists no release")
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.what, c.got, c.want)
		}
	}
	// The Windows installer's uninstall key and manifest name the same id; the
	// installer associates the same extension.
	for _, f := range []string{"windows/installer.nsi", "windows/dossier.exe.manifest"} {
		if !strings.Contains(read(t, f), id) {
			t.Errorf("%s does not name the app id %s", f, id)
		}
	}
	if !strings.Contains(read(t, "windows/installer.nsi"), `Software\Classes\.dossier`) {
		t.Error("the installer does not associate .dossier files")
	}
}

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func decode(t *testing.T, path string, v any) {
	t.Helper()
	if err := xml.Unmarshal([]byte(read(t, path)), v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// field is the value of a key in a .desktop file's main group.
func field(desktop, key string) string {
	m := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(key) + `=(.*)$`).FindStringSubmatch(desktop)
	if m == nil {
		return ""
	}
	return m[1]
}
