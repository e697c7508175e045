package packaging

import (
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
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

// TestDesktopEntryMetadata: the Linux .desktop file is written by fyne package from
// FyneApp.toml's [LinuxAndBSD] (release.sh adds the MimeType; release-test validates the
// result with desktop-file-validate). It must give the menu a category and a comment, and
// pass the opened file to Dossier as one %f, which needs no [CanOpen]: fyne would add %F
// (a list of files) after Exec for it, and two field codes are not a valid Exec.
func TestDesktopEntryMetadata(t *testing.T) {
	var meta struct {
		CanOpen     *struct{ MimeTypes string }
		LinuxAndBSD *struct {
			GenericName, Comment, ExecParams string
			Categories, Keywords             []string
		}
	}
	if _, err := toml.DecodeFile("../FyneApp.toml", &meta); err != nil {
		t.Fatal(err)
	}
	l := meta.LinuxAndBSD
	if l == nil {
		t.Fatal("FyneApp.toml has no [LinuxAndBSD]: fyne package's .desktop file would have no Categories or Comment")
	}
	// fyne's template writes "Exec=dossier" and ExecParams with nothing between them.
	if l.ExecParams != " %f" {
		t.Errorf("ExecParams = %q, want %q (Exec=dossier %%f)", l.ExecParams, " %f")
	}
	if meta.CanOpen != nil {
		t.Errorf("FyneApp.toml has [CanOpen] %+v: fyne would add %%F to Exec beside %%f; release.sh adds the MimeType", *meta.CanOpen)
	}
	if l.Comment == "" || l.GenericName == "" || len(l.Keywords) == 0 {
		t.Errorf("[LinuxAndBSD] needs a Comment, a GenericName and Keywords: %+v", *l)
	}
	// A desktop entry needs one main category for menus to place it (desktop-file-validate
	// warns without one); these are the spec's main categories.
	main := map[string]bool{"AudioVideo": true, "Audio": true, "Video": true, "Development": true, "Education": true,
		"Game": true, "Graphics": true, "Network": true, "Office": true, "Science": true, "Settings": true, "System": true, "Utility": true}
	found := false
	for _, c := range l.Categories {
		found = found || main[c]
	}
	if !found {
		t.Errorf("[LinuxAndBSD] Categories %v has no main category", l.Categories)
	}
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
	// release.sh (which gives fyne package the app id, and names the .desktop file and
	// icons after it), install.sh, the Windows installer's uninstall key and manifest name
	// the same id; the installer associates the same extension. The .desktop file's Icon
	// and MimeType are written from the same id and the MIME file by release.sh.
	for _, f := range []string{"release.sh", "release-test.sh", "linux/install.sh", "windows/installer.nsi", "windows/dossier.exe.manifest"} {
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
