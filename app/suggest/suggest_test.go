package suggest

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"dossier/app"
)

// find returns the suggestion named name, or fails.
func find(t *testing.T, sugs []Suggestion, name string) Suggestion {
	t.Helper()
	for _, s := range sugs {
		if s.Name == name {
			return s
		}
	}
	t.Fatalf("no suggestion %q in %v", name, names(sugs))
	return Suggestion{}
}

func names(sugs []Suggestion) []string {
	var out []string
	for _, s := range sugs {
		out = append(out, s.Name)
	}
	return out
}

func TestExtractStripsTitlesAndGroupsShortForms(t *testing.T) {
	body := "BAGHDAD — U.S. President Donald Trump warned on Tuesday that Caretaker Prime Minister " +
		"Mohammed Shia Sudani must not hand power to Former Iraqi Prime Minister Nouri al-Maliki.\n\n" +
		"Maliki's allies in the Coordination Framework said Sudani had lost. Al-Maliki said nothing. " +
		"Trump repeated the warning in January."
	sugs := Extract("Maliki answers Trump", body, nil)
	tests := []struct {
		name    string
		kind    app.ActorKind
		aliases []string
		count   int
	}{
		{"Donald Trump", app.Person, []string{"Trump"}, 3},
		{"Mohammed Shia Sudani", app.Person, []string{"Sudani"}, 2},
		{"Nouri al-Maliki", app.Person, []string{"Maliki", "Al-Maliki"}, 4},
		{"United States", app.State, []string{"U.S."}, 1},
		{"Coordination Framework", app.Party, nil, 1},
	}
	for _, tt := range tests {
		s := find(t, sugs, tt.name)
		if s.Kind != tt.kind || !slices.Equal(s.Aliases, tt.aliases) || s.Count != tt.count {
			t.Errorf("%s: got kind %s, aliases %q, count %d; want %s, %q, %d", tt.name, s.Kind, s.Aliases, s.Count, tt.kind, tt.aliases, tt.count)
		}
	}
	for _, not := range []string{"BAGHDAD", "Baghdad", "Tuesday", "January", "Iraqi", "Caretaker Prime Minister", "Prime Minister", "Maliki", "Al-Maliki"} {
		if slices.Contains(names(sugs), not) {
			t.Errorf("%q should not be suggested: %v", not, names(sugs))
		}
	}
	if len(sugs) != len(tests) {
		t.Errorf("suggested %v", names(sugs))
	}
}

func TestExtractLeavesOutNonActors(t *testing.T) {
	tests := []struct {
		name, body string
	}{
		{"dateline", "ERBIL, Iraq — Officials met on Monday."},
		{"months and weekdays", "The talks resumed in March. On Sunday nothing happened. Friday was quiet."},
		{"sentence-initial words", "However, the vote failed. Analysts said it would. Speaking later, officials agreed."},
		{"demonyms", "Iraqi officials met Turkish and Kurdish delegates, and the Americans left."},
		{"places", "The ship sailed through the Strait of Hormuz into the Red Sea near the Fordow enrichment plant."},
		{"locations", "Protesters gathered in Erbil and near Mosul, residents of Kirkuk said."},
		{"roles alone", "The Prime Minister said the Foreign Minister would travel."},
		{"generic", "Parliament and the Government met. The Army and the Police stood by."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if sugs := Extract("", tt.body, nil); len(sugs) > 0 {
				t.Errorf("suggested %v", names(sugs))
			}
		})
	}
}

func TestExtractKinds(t *testing.T) {
	tests := []struct {
		body, name string
		kind       app.ActorKind
	}{
		{"The Kurdistan Democratic Party met.", "Kurdistan Democratic Party", app.Party},
		{"The Popular Mobilization Forces deployed.", "Popular Mobilization Forces", app.ArmedGroup},
		{"Fighters of Kataib Hezbollah fired.", "Kataib Hezbollah", app.ArmedGroup},
		{"The ISIS remnants moved.", "ISIS", app.ArmedGroup},
		{"The Iraqi Foreign Ministry objected.", "Foreign Ministry", app.GovernmentBody},
		{"The vote in the Iraqi Parliament Speaker's office…", "", ""},
		{"He told the Anadolu Agency and the Saudi Press Agency.", "Saudi Press Agency", app.Media},
		{"She wrote in The New York Times.", "The New York Times", app.Media}, // the fullest form the article uses: a title with its "The"
		{"Turkey objected.", "Turkey", app.State},
		{"Officials in Ankara met. Ankara rejected the plan.", "Ankara", app.State},
		{"The broadcaster ZDF asked.", "ZDF", app.Media},
		{"The Hayastan bloc walked out.", "Hayastan", app.Party},
		{"cleric Muqtada al-Sadr spoke.", "Muqtada al-Sadr", app.Person},
		{"The International Crisis Group warned.", "International Crisis Group", app.Organisation},
	}
	for _, tt := range tests {
		sugs := Extract("", tt.body, nil)
		if tt.name == "" {
			continue
		}
		if s := find(t, sugs, tt.name); s.Kind != tt.kind {
			t.Errorf("%q: %s is %s, want %s", tt.body, tt.name, s.Kind, tt.kind)
		}
	}
}

func TestExtractNames(t *testing.T) {
	tests := []struct {
		body    string
		name    string
		aliases []string
	}{
		// Particles, possessives and curly apostrophes.
		{"Crown Prince Mohammed bin Salman met King Salman. Bin Salman left; bin Salman’s aides stayed.", "Mohammed bin Salman", []string{"Bin Salman"}},
		{"Ursula von der Leyen spoke. Von der Leyen left.", "Ursula von der Leyen", []string{"Von der Leyen"}},
		{"Kemal Yıldırımoğlu was detained. Yıldırımoğlu’s lawyers objected. Yildirimoglu denied it.", "Kemal Yıldırımoğlu", []string{"Yıldırımoğlu"}}, // one form, however written
		// Spanish double surnames and Chinese family names come first.
		{"Minister Lucía Ferrández Olmedo spoke. Ferrández left.", "Lucía Ferrández Olmedo", []string{"Ferrández"}},
		{"Foreign Minister Wang Yi arrived. Wang met his counterpart.", "Wang Yi", []string{"Wang"}},
		// Acronyms in brackets and by initials.
		{"The Kurdistan Democratic Party (KDP) won. The KDP celebrated.", "Kurdistan Democratic Party", []string{"KDP"}},
		{"The Popular Mobilization Forces met. PMF leaders agreed.", "Popular Mobilization Forces", []string{"PMF"}},
		{"Mohamed Hamdan Dagalo, known as Hemedti, spoke.", "Mohamed Hamdan Dagalo", []string{"Hemedti"}},
		// Possessive inside the name.
		{"The Republican People's Party (CHP) called rallies.", "Republican People's Party", []string{"CHP"}},
		{"Sen. Joshua Harris spoke. Harris said no. Kamala Harris disagreed.", "Joshua Harris", []string{"Harris"}},
		{"Ferdinand Marcos Jr. spoke. Marcos left.", "Ferdinand Marcos Jr.", []string{"Marcos"}},
	}
	for _, tt := range tests {
		s := find(t, Extract("", tt.body, nil), tt.name)
		if !slices.Equal(s.Aliases, tt.aliases) {
			t.Errorf("%q: aliases %q, want %q", tt.body, s.Aliases, tt.aliases)
		}
	}
	// King Salman is not Mohammed bin Salman: a father's name alone is not the son.
	find(t, Extract("", tests[0].body, nil), "Salman")
}

func TestExtractSkipsKnown(t *testing.T) {
	body := "Former Prime Minister Nouri al-Maliki met Donald Trump. Maliki smiled; Trump did not. Turkey watched."
	sugs := Extract("", body, []string{"donald trump", "Ferrandez", "  MALIKI "})
	// Trump is known by his name: dropped. "Maliki" is known, but it is only one form of
	// Nouri al-Maliki, who may be another person: kept, with the form withheld and why.
	if got := names(sugs); !slices.Equal(got, []string{"Nouri al-Maliki", "Turkey"}) {
		t.Fatalf("with Trump and Maliki known: %v", got)
	}
	if len(sugs[0].Aliases) != 0 || !slices.Equal(sugs[0].Withheld, []WithheldAlias{{Alias: "Maliki", Reason: ReasonKnown}}) {
		t.Errorf("Maliki proposed as an alias although the project has it: %+v", sugs[0])
	}
}

func TestExtractOffsets(t *testing.T) {
	body := "Dès l’aube, Étienne Delacroix-Morel a parlé. Delacroix-Morel est parti."
	sugs := Extract("Delacroix-Morel and Turkey", body, nil)
	s := find(t, sugs, "Étienne Delacroix-Morel")
	if want := utf8.RuneCountInString("Dès l’aube, "); s.First != want {
		t.Errorf("First = %d, want %d (a rune offset)", s.First, want)
	}
	if got := string([]rune(body)[s.First : s.First+len([]rune(s.Name))]); got != s.Name {
		t.Errorf("the body at First reads %q", got)
	}
	if tr := find(t, sugs, "Turkey"); tr.First != -1 {
		t.Errorf("a name only in the title has First %d, want -1", tr.First)
	}
}

func TestExtractIgnoresTitleCaseHeadline(t *testing.T) {
	sugs := Extract("Opposition Walks Out Of Budget Vote Over Defence Cuts", "Lawmakers left the chamber.", nil)
	if len(sugs) > 0 {
		t.Errorf("suggested %v from a title-case headline", names(sugs))
	}
}

func TestExtractDeterministic(t *testing.T) {
	set := loadEval(t)
	for _, a := range set {
		first := Extract(a.title, a.body, nil)
		for range 3 {
			if again := Extract(a.title, a.body, nil); !slices.EqualFunc(first, again, func(x, y Suggestion) bool {
				return x.Name == y.Name && x.Kind == y.Kind && slices.Equal(x.Aliases, y.Aliases) && x.Count == y.Count && x.First == y.First
			}) {
				t.Fatalf("%s: two runs differ", a.name)
			}
		}
	}
}

func TestSuggestionActorAndForms(t *testing.T) {
	s := Suggestion{Name: "Nouri al-Maliki", Kind: app.Person, Aliases: []string{"Maliki"}}
	a := s.Actor()
	if a.Name != s.Name || a.Kind != app.Person || !slices.Equal(a.Aliases, s.Aliases) {
		t.Errorf("Actor() = %+v", a)
	}
	a.Aliases[0] = "changed"
	if s.Aliases[0] != "Maliki" {
		t.Error("Actor() shares the aliases slice")
	}
	if got := s.Forms(); !slices.Equal(got, []string{"nouri al-maliki", "maliki"}) {
		t.Errorf("Forms() = %q", got)
	}
	known := func(f string) (string, bool) { return "known", f == "maliki" || f == "turkey" }
	kept := Sift([]Suggestion{s, {Name: "Turkey"}}, known)
	if len(kept) != 1 || kept[0].Name != "Nouri al-Maliki" || len(kept[0].Aliases) != 0 ||
		!slices.Equal(kept[0].Withheld, []WithheldAlias{{Alias: "Maliki", Reason: "known"}}) {
		t.Errorf("Sift: %+v", kept)
	}
	if s.Aliases[0] != "Maliki" || len(s.Withheld) != 0 {
		t.Error("Sift changed the suggestion it was given")
	}
}

// FuzzExtract checks that any text is read without panicking and that what comes back is
// well formed: names and aliases non-empty, valid UTF-8, distinct; offsets inside the body.
func FuzzExtract(f *testing.F) {
	for _, a := range loadEval(f) {
		f.Add(a.title, a.body[:min(len(a.body), 600)])
	}
	f.Add("", "U.S.-led (ISIS) bin , al- Al- 's ’ U.S. — BAGHDAD,")
	f.Add("T", "A. B. C. Jr. Sen. of the and in (X) , known as")
	f.Add("Tram line opens", "By Ines Moreau and Tomas Reyes · March 4, 2026\n\nMayor Pablo Ortiz thanked Reyes.")
	f.Add("", "İstanbul said so.\n(Reporting by Ana Ruiz in Lima and ; Editing by)\nReporting by")
	f.Add("", "We saw Alpha the and Gamma Holdings. They met in Rome for and Tisza Kft (NYSE: TK).")
	f.Add("Harbour Pilots End Strike”", "The Farmer–")
	f.Fuzz(func(t *testing.T, title, body string) {
		// The author, here the body's first line, is never suggested.
		author, _, _ := strings.Cut(body, "\n")
		for _, s := range ExtractArticle(title, body, author, nil) {
			for _, n := range AuthorNames(author) {
				if slices.Contains(s.Forms(), app.Fold(n)) {
					t.Fatalf("author %q suggested as %+v", n, s)
				}
			}
		}
		n := utf8.RuneCountInString(body)
		for _, s := range Extract(title, body, []string{"Known Name"}) {
			if strings.TrimSpace(s.Name) == "" || !utf8.ValidString(s.Name) && utf8.ValidString(title+body) {
				t.Fatalf("bad name %q", s.Name)
			}
			if s.Count < 1 || s.First < -1 || s.First >= max(n, 1) {
				t.Fatalf("%q: count %d, first %d of %d runes", s.Name, s.Count, s.First, n)
			}
			if _, err := app.ParseKind(string(s.Kind)); err != nil {
				t.Fatalf("%q: kind %q", s.Name, s.Kind)
			}
			seen := map[string]bool{app.Fold(s.Name): true}
			for _, a := range s.Aliases {
				if strings.TrimSpace(a) == "" || seen[app.Fold(a)] {
					t.Fatalf("%q: alias %q empty or repeated", s.Name, a)
				}
				seen[app.Fold(a)] = true
			}
		}
	})
}

func TestAuthorNames(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"Ines Moreau", []string{"Ines Moreau"}},
		{"A. Writer · March 4, 2026", []string{"A. Writer"}},
		{"Ines Moreau and Tomas Reyes", []string{"Ines Moreau and Tomas Reyes", "Ines Moreau", "Tomas Reyes"}},
		{"Jane Doe, Reuters", []string{"Jane Doe, Reuters", "Jane Doe"}},
		{"Jane Doe | Staff", []string{"Jane Doe"}},
	}
	for _, tt := range tests {
		if got := AuthorNames(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("AuthorNames(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestExtractArticleLeavesOutTheAuthor(t *testing.T) {
	body := "By Ines Moreau · March 4, 2026\n\nMayor Pablo Ortiz opened the tram line. Ortiz thanked Tomas Reyes, who wrote the plan.\n\nInes Moreau contributed reporting."
	got := names(ExtractArticle("Tram line opens", body, "", nil))
	if slices.Contains(got, "Ines Moreau") || !slices.Contains(got, "Pablo Ortiz") || !slices.Contains(got, "Tomas Reyes") {
		t.Errorf("byline: suggested %q", got)
	}
	got = names(ExtractArticle("Tram line opens", "Mayor Pablo Ortiz thanked Tomas Reyes. Reyes smiled.", "Tomas Reyes", nil))
	if slices.Contains(got, "Tomas Reyes") || !slices.Contains(got, "Pablo Ortiz") {
		t.Errorf("metadata: suggested %q", got)
	}
}

// TestGazetteersAreWellFormed: the shipped name lists are read line by line at start-up
// and a malformed line would be skipped without a word, so every line is checked here:
// a known actor is "kind<TAB>name" with a kind the app knows (not "other"), a given name
// one lower-case word; neither list repeats an entry.
func TestGazetteersAreWellFormed(t *testing.T) {
	seen := map[string]bool{}
	for n, line := range strings.Split(knownActorsFile, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		kind, name, ok := strings.Cut(line, "\t")
		k, err := app.ParseKind(kind)
		if !ok || err != nil || k == app.OtherKind || k == app.Person || k == app.State || strings.TrimSpace(name) != name || name == "" {
			t.Errorf("knownactors.txt line %d: %q is not kind<TAB>name", n+1, line)
		}
		if seen[app.Fold(name)] {
			t.Errorf("knownactors.txt line %d: %q listed twice", n+1, name)
		}
		seen[app.Fold(name)] = true
	}
	seen = map[string]bool{}
	for n, line := range strings.Split(givenNamesFile, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if line != strings.ToLower(strings.TrimSpace(line)) || strings.ContainsAny(line, " \t") {
			t.Errorf("givennames.txt line %d: %q is not one lower-case word", n+1, line)
		}
		if seen[line] {
			t.Errorf("givennames.txt line %d: %q listed twice", n+1, line)
		}
		seen[line] = true
	}
}

// TestSampleShowsTheNameAtWork: the review queue's sample sentence is the first mention in
// prose that is not a place, so a capital standing for its government is shown acting.
func TestSampleShowsTheNameAtWork(t *testing.T) {
	body := "The envoy flew to Tallinn on Monday. Tallinn rejected the proposal on Tuesday, officials said."
	for _, s := range Extract("", body, nil) {
		if s.Name != "Tallinn" {
			continue
		}
		if want := strings.Index(body, "Tallinn rejected"); s.Sample != want || s.First >= s.Sample {
			t.Fatalf("Tallinn: Sample %d, First %d; want Sample %d after First", s.Sample, s.First, want)
		}
		return
	}
	t.Fatalf("Tallinn not proposed: %v", Extract("", body, nil))
}
