package app

import (
	"runtime/debug"
	"strings"
)

// BaseVersion is the version being worked towards. FyneApp.toml's Version must say the
// same (a test checks it); a release build takes its version from the git tag instead.
const BaseVersion = "0.1.0"

// Version is the git tag the binary was built from, set by the Makefile with
// -ldflags "-X dossier/app.Version=$(git describe --tags --dirty)"; "" when the build
// did not set it (go build, go run, go install).
var Version = ""

// CurrentVersion is the version the batch interface and the window report: the tag
// (without its "v") when the build set one, else BaseVersion marked as a development
// build with the commit Go recorded, so no untagged build passes for a release.
func CurrentVersion() string {
	info, _ := debug.ReadBuildInfo()
	return versionOf(Version, info)
}

// versionOf is CurrentVersion from its inputs (tests give their own).
func versionOf(tag string, info *debug.BuildInfo) string {
	if tag = strings.TrimSpace(tag); tag != "" {
		return strings.TrimPrefix(tag, "v")
	}
	var rev string
	var dirty bool
	if info != nil {
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				dirty = s.Value == "true"
			}
		}
	}
	v := BaseVersion + "-dev"
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if rev != "" {
		v += "+" + rev
		if dirty {
			v += ".dirty"
		}
	}
	return v
}
