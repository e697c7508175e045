package suggest

import (
	_ "embed"
	"strings"

	"dossier/app"
)

// knownActorsFile is a gazetteer of well-known actors that news names without any word
// saying what they are ("Goldman Sachs", "Le Monde", "Fidesz", "Boko Haram"): one
// "kind<TAB>name" per line. It joins knownActors at start-up; knownActors wins where both
// list a name. Names that are also common words, places, given names or surnames were
// left out of it, since a known name is proposed wherever the text writes it.
//
//go:embed knownactors.txt
var knownActorsFile string

// gazetteerOnly holds the names known only from knownActorsFile. Unlike knownActors,
// whose short names stay their own actors ("Hezbollah" is not "Kataib Hezbollah"), they
// may be the short form of a longer name the text gives ("Junts" of "Junts per
// Catalunya").
var gazetteerOnly = map[string]bool{}

func init() {
	for _, line := range strings.Split(knownActorsFile, "\n") {
		kind, name, ok := strings.Cut(strings.TrimSpace(line), "\t")
		if !ok || strings.HasPrefix(kind, "#") {
			continue
		}
		key := app.Fold(strings.TrimSpace(name))
		k, err := app.ParseKind(kind)
		if _, listed := knownKinds[key]; !listed && err == nil {
			knownKinds[key] = k
			gazetteerOnly[key] = true
		}
	}
}
