// Package assets holds Dossier's embedded files: the application icon and the user guide
// here, the sample project's data in assets/sampledata.
package assets

import (
	_ "embed"

	"fyne.io/fyne/v2"
)

//go:embed icon.png
var iconPNG []byte

//go:embed guide.md
var guide string

// Guide is the offline user guide, in Markdown, which Help ▸ User guide shows.
func Guide() string { return guide }

// Icon is the application icon, a 256×256 PNG of a folder carrying a small graph.
var Icon fyne.Resource = fyne.NewStaticResource("icon.png", iconPNG)
