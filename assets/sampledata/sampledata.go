// Package sampledata embeds the sample project's data. It is apart from package assets so
// that app/sample can read it without importing Fyne.
package sampledata

import _ "embed"

// JSON is the sample project (articles, actors, relations, notes), written in the
// project's own words; app/sample parses and loads it.
//
//go:embed sample.json
var JSON []byte
