// Package packaging holds no program code: its folder has the release packaging (the
// Linux desktop files, the Windows resources and installer, the macOS build) and the
// scripts behind make release and make release-test. Its tests check those files.
package packaging
