package suggest

import (
	_ "embed"
	"strings"

	"dossier/app"
)

// givenNamesFile is the larger gazetteer of given names, one per line by language (see
// its header). It joins firstNames at start-up; words that are also common words,
// places, titles or organisations' names were left out of it, since a given name is
// evidence that a capitalised run is a person's name.
//
//go:embed givennames.txt
var givenNamesFile string

func init() {
	for _, line := range strings.Split(givenNamesFile, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		firstNames[app.Fold(line)] = true
	}
}
