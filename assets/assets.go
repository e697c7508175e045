// Package assets holds Dossier's embedded files: the application icon and the data of the
// sample project that a new project can be filled with on first start.
package assets

import (
	_ "embed"

	"fyne.io/fyne/v2"
)

//go:embed icon.png
var iconPNG []byte

// Icon is the application icon, a 256×256 PNG of a folder carrying a small graph.
var Icon fyne.Resource = fyne.NewStaticResource("icon.png", iconPNG)

// SampleJSON is the sample project (articles, actors, relations, notes), written in the
// project's own words; package app/sample parses and loads it.
//
//go:embed sample.json
var SampleJSON []byte
