package app

import (
	"strings"
	"time"
	"unicode/utf8"
)

// ActorKind is what sort of actor an actor is.
type ActorKind string

// Actor kinds.
const (
	Person         ActorKind = "person"
	Organisation   ActorKind = "organisation"
	State          ActorKind = "state"
	Party          ActorKind = "party"
	ArmedGroup     ActorKind = "armed_group"
	GovernmentBody ActorKind = "government_body"
	Media          ActorKind = "media"
	OtherKind      ActorKind = "other"
)

// ActorKinds lists the kinds in the order menus show them.
var ActorKinds = []ActorKind{Person, Organisation, State, Party, ArmedGroup, GovernmentBody, Media, OtherKind}

var kindLabels = map[ActorKind]string{
	Person: "person", Organisation: "organisation", State: "state / country", Party: "political party",
	ArmedGroup: "armed group", GovernmentBody: "government body", Media: "media", OtherKind: "other",
}

// Label returns the kind as a researcher reads it ("political party").
func (k ActorKind) Label() string {
	if l, ok := kindLabels[k]; ok {
		return l
	}
	return string(k)
}

// ParseKind accepts a kind's key or label, in any case ("armed group", "armed_group",
// "country"); "" is OtherKind.
func ParseKind(s string) (ActorKind, error) {
	k := strings.ReplaceAll(strings.ToLower(strings.TrimSpace(s)), " ", "_")
	switch k {
	case "":
		return OtherKind, nil
	case "country", "state_/_country", "state/country":
		return State, nil
	case "political_party":
		return Party, nil
	case "organization", "org":
		return Organisation, nil
	}
	for _, kind := range ActorKinds {
		if string(kind) == k {
			return kind, nil
		}
	}
	var names []string
	for _, kind := range ActorKinds {
		names = append(names, string(kind))
	}
	return "", Errorf(EINVALID, "“%s” is not an actor kind; use one of %s.", s, strings.Join(names, ", "))
}

// Actor is a person, party, state, group… that articles speak of.
type Actor struct {
	ID          int64
	UUID        string
	Name        string
	Kind        ActorKind
	Description string // one line: "former prime minister of Iraq"
	Aliases     []string
	Tags        []string
	Notes       string
	// Updated is when the actor was last changed, as read: UpdateActor refuses to save
	// over a change made since (ECONFLICT). Zero skips that check.
	Updated time.Time
}

// Normalize trims the actor's fields and drops empty, repeated or name-equal aliases.
func (a *Actor) Normalize() {
	a.Name = strings.TrimSpace(oneLine(a.Name))
	a.Description = strings.TrimSpace(oneLine(a.Description))
	a.Notes = strings.TrimSpace(NormalizeNewlines(a.Notes))
	if a.Kind == "" {
		a.Kind = OtherKind
	}
	a.Tags = CleanTags(a.Tags)
	seen := map[string]bool{Fold(a.Name): true}
	var out []string
	for _, al := range a.Aliases {
		al = strings.TrimSpace(oneLine(al))
		if al == "" || seen[Fold(al)] {
			continue
		}
		seen[Fold(al)] = true
		out = append(out, al)
	}
	a.Aliases = out
}

// Validate reports the first thing wrong with the actor.
func (a *Actor) Validate() error {
	if a.Name == "" {
		return Errorf(EINVALID, "The actor needs a name.")
	}
	if len(a.Name) > MaxTitle || len(a.Description) > MaxField {
		return Errorf(EINVALID, "The name or description of “%.40s…” is too long.", a.Name)
	}
	if !utf8.ValidString(a.Name + a.Description + a.Notes + strings.Join(a.Aliases, "")) {
		return Errorf(EINVALID, "The actor “%s” has text that is not valid UTF-8.", a.Name)
	}
	if _, err := ParseKind(string(a.Kind)); err != nil {
		return err
	}
	return nil
}

// Names returns the actor's name followed by its aliases.
func (a *Actor) Names() []string { return append([]string{a.Name}, a.Aliases...) }

// ActorQuery selects a page of actors.
type ActorQuery struct {
	Text   string // a prefix of the name or of an alias
	Kind   ActorKind
	Offset int
	Limit  int
}

// ActorRow is an actor as a list shows it.
type ActorRow struct {
	ID          int64
	UUID        string
	Name        string
	Kind        ActorKind
	Description string
	Aliases     []string
	Relations   int // how many relations it takes part in
}
