package app

import (
	"runtime/debug"
	"testing"
)

// TestVersionOf: the tag wins (without its v); without one, the base version is marked
// a development build, with the commit and whether the tree had changes when Go knows.
func TestVersionOf(t *testing.T) {
	vcs := func(kv ...string) *debug.BuildInfo {
		info := &debug.BuildInfo{}
		for i := 0; i+1 < len(kv); i += 2 {
			info.Settings = append(info.Settings, debug.BuildSetting{Key: kv[i], Value: kv[i+1]})
		}
		return info
	}
	rev := "0123456789abcdef0123"
	for _, tt := range []struct {
		tag  string
		info *debug.BuildInfo
		want string
	}{
		{"v1.2.3", vcs("vcs.revision", rev), "1.2.3"},
		{"v1.2.3-4-g0123456-dirty", nil, "1.2.3-4-g0123456-dirty"},
		{" 0.2.0\n", nil, "0.2.0"},
		{"", vcs("vcs.revision", rev, "vcs.modified", "false"), BaseVersion + "-dev+0123456789ab"},
		{"", vcs("vcs.revision", rev, "vcs.modified", "true"), BaseVersion + "-dev+0123456789ab.dirty"},
		{"", vcs(), BaseVersion + "-dev"},
		{"", nil, BaseVersion + "-dev"},
	} {
		if got := versionOf(tt.tag, tt.info); got != tt.want {
			t.Errorf("versionOf(%q) = %q, want %q", tt.tag, got, tt.want)
		}
	}
}
