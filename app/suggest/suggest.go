// Package suggest finds the names of actors in an article that the project does not know
// yet — people, parties, states, armed groups, government bodies, media — and proposes
// them with a guessed kind and the short forms the article also uses for them.
//
// It works offline and needs no model: it reads runs of capitalised words, strips the
// titles and roles in front of people's names ("Former Iraqi Prime Minister Nouri
// al-Maliki" is Nouri al-Maliki, a person), guesses the kind from words inside or around
// the name ("Party", "Forces", "Ministry", "the broadcaster …") and from a small
// gazetteer of countries, and groups the later short forms of a name with it ("Maliki",
// "al-Maliki", an acronym in brackets). Datelines, months, weekdays, demonyms, places
// and words capitalised only because a sentence starts with them are left out.
package suggest

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"dossier/app"
)

// Suggestion is a name found in an article that is not yet an actor of the project.
type Suggestion struct {
	Name    string        // the fullest form the article uses: "Nouri al-Maliki"
	Kind    app.ActorKind // the guessed kind
	Aliases []string      // the article's other forms of the name: "Maliki", "al-Maliki"
	Count   int           // how many times the article names it, in any form
	First   int           // rune offset in the body of the first mention; -1 if only the title names it
	// Sample is the rune offset of the mention that best shows the name at work for a
	// reviewer: the first in prose that is not a place ("Washington warned…", not "in
	// Washington"); First when every mention is one; -1 if only the title names it.
	Sample int
	// Withheld are forms the article also uses for the name that are not proposed as
	// aliases, each with the reason: the form is also a place or a common word in the
	// text, or another suggestion uses it too. Accepting one would link every mention of
	// the place or word, so the user must choose it.
	Withheld []WithheldAlias
}

// WithheldAlias is a form of a name not proposed as an alias, and why (one type with
// the review queue's).
type WithheldAlias = app.WithheldAlias

// Reasons an alias is withheld.
const (
	ReasonPlace  = "also a place in this article"
	ReasonCommon = "also a common word in this article"
	ReasonShared = "also a form of another suggestion"
	// ReasonAdjective: the article uses the form before common nouns, as a demonym.
	ReasonAdjective = "used as an adjective in this article"
	// ReasonHeadNoun: the form is only the noun saying what kind of body the name is
	// ("Trust" of the Neithal Trust); alone it would link every trust.
	ReasonHeadNoun = "only the kind of body the name ends with"
	// ReasonOneLetter: a party's or a list's letter ("Venstre (V)"); as an alias it would
	// link every such letter in the project.
	ReasonOneLetter = "a single letter"
)

// Extract proposes the actors named in an article (its title and body) whose names are
// not among known (the project's actor names and aliases, compared folded). The result is
// in the order the article first names them.
func Extract(title, body string, known []string) []Suggestion {
	sugs := extract(title, body)
	if len(known) == 0 {
		return sugs
	}
	set := make(map[string]bool, len(known))
	for _, k := range known {
		set[app.Fold(strings.TrimSpace(k))] = true
	}
	return Sift(sugs, func(folded string) (string, bool) { return ReasonKnown, set[folded] })
}

// ReasonKnown withholds an alias that is already a name of one of the project's actors.
const ReasonKnown = "already a name of an actor of the project"

// Sift applies what the project knows to sugs. known says, for a folded form, whether the
// project has it (as an actor's name or alias, or dismissed) and why. A suggestion whose
// name is known is dropped; one whose alias only is known is kept with that alias
// withheld and the reason, since a different actor may share a short form ("Maliki",
// "KDP"): hiding it would hide the actor, proposing the alias would link the other's
// mentions to it.
func Sift(sugs []Suggestion, known func(folded string) (reason string, ok bool)) []Suggestion {
	out := sugs[:0:0]
	for _, s := range sugs {
		if _, ok := known(app.Fold(s.Name)); ok {
			continue
		}
		kept := s.Aliases[:0:0]
		for _, a := range s.Aliases {
			if why, ok := known(app.Fold(a)); ok {
				s.Withheld = append(slices.Clip(s.Withheld), WithheldAlias{Alias: a, Reason: why})
				continue
			}
			kept = append(kept, a)
		}
		s.Aliases = kept
		out = append(out, s)
	}
	return out
}

// Forms returns the folded name and aliases of s, for looking them up.
func (s Suggestion) Forms() []string {
	out := make([]string, 0, 1+len(s.Aliases))
	out = append(out, app.Fold(s.Name))
	for _, a := range s.Aliases {
		out = append(out, app.Fold(a))
	}
	return out
}

// Actor returns s as a new actor to be saved.
func (s Suggestion) Actor() app.Actor {
	return app.Actor{Name: s.Name, Kind: s.Kind, Aliases: slices.Clone(s.Aliases)}
}

// extract finds every candidate, then groups and filters them.
func extract(title, body string) []Suggestion {
	var occs []*occurrence
	if title = strings.TrimSpace(title); title != "" && !titleCase(title, body) {
		occs = scan(tokenize(title), true, occs)
	}
	body = alignedColumns(body)
	body, nicks := blankNicknames(body)
	toks := tokenize(body)
	cells := markLayout(body, toks)
	occs = scanCells(toks, false, occs, cells)
	addNicknames(occs, nicks)
	datelinePlaces(occs, toks)
	for i, o := range occs {
		o.order = i
	}
	return group(occs, lowerWords(toks))
}

// nickname is a name in quotation marks inside a person's name: "Tiger" of Souksavanh
// "Tiger" Phommachanh, at rune offset at of the body.
type nickname struct {
	name string
	raw  string // as written, with its quotation marks: `"Bouyon King"`
	at   int
}

// blankNicknames blanks the nicknames written inside people's names (Aziz "Tiger"
// Haddad): a capitalised word in quotation marks between two capitalised words, so that
// the name reads whole; it returns them with where they were. Each blanked rune becomes
// one blank, so every offset holds.
func blankNicknames(body string) (string, []nickname) {
	var out []nickname
	var b strings.Builder
	last := 0
	for k := 0; k < len(body); {
		q := nextQuote(body, k)
		if q < 0 {
			break
		}
		name, end, ok := nicknameAt(body, q)
		if !ok {
			_, n := utf8.DecodeRuneInString(body[q:])
			k = q + n
			continue
		}
		b.WriteString(body[last:q])
		b.WriteString(strings.Repeat(" ", utf8.RuneCountInString(body[q:end])))
		out = append(out, nickname{name: name, raw: strings.TrimSpace(body[q:end]), at: utf8.RuneCountInString(body[:q])})
		last, k = end, end
	}
	if out == nil {
		return body, nil
	}
	b.WriteString(body[last:])
	return b.String(), out
}

// nextQuote returns the index of the next opening quotation mark (straight or curly) in
// body from k, or -1.
func nextQuote(body string, k int) int {
	q := strings.IndexByte(body[k:], '"')
	c := strings.Index(body[k:], "“")
	if q < 0 || c >= 0 && c < q {
		q = c
	}
	if q < 0 {
		return -1
	}
	return k + q
}

// nicknameAt reads a nickname whose opening quotation mark is at body[q]: a blank and a
// capitalised word before it, one capitalised word of letters, the closing mark, a blank
// and a capital after. It returns the word and the index after the blank that follows.
func nicknameAt(body string, q int) (string, int, bool) {
	if q < 2 || body[q-1] != ' ' {
		return "", 0, false
	}
	if r, _ := utf8.DecodeLastRuneInString(body[:q-1]); !unicode.IsLetter(r) || !capitalisedWordBefore(body[:q-1]) {
		return "", 0, false
	}
	_, n := utf8.DecodeRuneInString(body[q:])
	start := q + n
	k := nicknameWords(body, start)
	if k == start || k >= len(body) {
		return "", 0, false
	}
	word := body[start:k]
	c, n := utf8.DecodeRuneInString(body[k:])
	if c != '"' && c != '”' || k+n+1 >= len(body) || body[k+n] != ' ' {
		return "", 0, false
	}
	if r, _ := utf8.DecodeRuneInString(body[k+n+1:]); !unicode.IsUpper(r) {
		return "", 0, false
	}
	return word, k + n + 1, true
}

// nicknameWords returns the end of one to three capitalised words, joined by single
// blanks, from body[start]: "Tiger", "Bouyon King", "Ka Ciano".
func nicknameWords(body string, start int) int {
	end := start
	for words, k := 0, start; words < 3 && k < len(body); words++ {
		w := k
		for k < len(body) {
			r, n := utf8.DecodeRuneInString(body[k:])
			if !unicode.IsLetter(r) && r != '-' || k == w && !unicode.IsUpper(r) {
				break
			}
			k += n
		}
		if k == w {
			break
		}
		end = k
		if k >= len(body) || body[k] != ' ' {
			break
		}
		k++
	}
	return end
}

// capitalisedWordBefore reports whether the word that ends s starts with a capital.
func capitalisedWordBefore(s string) bool {
	i := strings.LastIndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' && r != '-' })
	r, _ := utf8.DecodeRuneInString(s[i+1:])
	return unicode.IsUpper(r)
}

// addNicknames gives each nickname, as an alias, to the name read across its blank.
func addNicknames(occs []*occurrence, nicks []nickname) {
	for _, n := range nicks {
		for _, o := range occs {
			if o.pos >= 0 && len(o.toks) > 1 && o.toks[0].start < n.at && o.toks[len(o.toks)-1].start > n.at {
				// The nickname alone, and the name as written with it, link the person.
				k := slices.IndexFunc(o.toks, func(t token) bool { return t.start > n.at })
				o.aliases = append(o.aliases, n.name, textOfPlain(o.toks[:k])+" "+n.raw+" "+textOfPlain(o.toks[k:]))
			}
		}
	}
}

// titleCase reports whether a headline capitalises most of its words ("Maliki Refuses To
// Step Aside"); such a title says nothing about which words are names. Words the body
// capitalises too are names and are not counted.
func titleCase(title, body string) bool {
	n, caps := 0, 0
	inBody := map[string]bool{}
	for _, w := range strings.FieldsFunc(body, func(r rune) bool { return !isWordRune(r) }) {
		inBody[w] = true // whole words: "Strike" is not written in "#AdenPortStrike"
	}
	for _, w := range strings.Fields(title) {
		w = strings.TrimFunc(w, func(r rune) bool { return !isWordRune(r) })
		if utf8.RuneCountInString(w) < 4 || inBody[w] {
			continue
		}
		n++
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			caps++
		}
	}
	return n >= 3 && caps*10 >= n*6
}

// lowerWords returns the folded words the text writes in lower case somewhere: a word
// that is, is a common word even where a sentence capitalises it.
// A handle or a hashtag ("@vsu_north") is written in lower case to be typed, not as a
// common word.
func lowerWords(toks []token) map[string]bool {
	m := map[string]bool{}
	for _, t := range toks {
		if t.kind == tWord && !t.tag && unicode.IsLower(firstRune(t.text)) {
			m[t.fold] = true
		}
	}
	return m
}

// sortSuggestions puts the suggestions in the order the article first names them.
func sortSuggestions(s []Suggestion, order map[string]int) {
	slices.SortStableFunc(s, func(a, b Suggestion) int { return cmp.Compare(order[a.Name], order[b.Name]) })
}

// datelinePlaces marks as a place the city a dateline names ("CUSCO —") where the text
// or its title uses it as a lone word before a noun ("the Cusco club", "Cusco club
// sweeps"): it says where the club is, as the dateline says where the news is.
func datelinePlaces(occs []*occurrence, toks []token) {
	city := datelineCity(toks)
	if city == "" {
		return
	}
	for _, o := range occs {
		if len(o.toks) == 1 && o.key == city && o.country == nil {
			o.datelineCity = true // not the short form of a body whose name ends in it
			o.loc = o.loc || o.attrib
		}
	}
}

// datelineCity returns the folded city of the text's dateline: the words in capitals that
// open its first paragraph before a comma or a dash, or "".
func datelineCity(toks []token) string {
	k := 0
	for k < len(toks) && toks[k].kind == tBreak {
		k++
	}
	j := k
	for j < len(toks) && toks[j].kind == tWord && isAllCaps(toks[j].text) && j < k+3 {
		j++
	}
	if j == k || j >= len(toks) || toks[j].kind != tPunct || !strings.ContainsAny(toks[j].text, ",—–-") {
		return ""
	}
	parts := make([]string, 0, j-k)
	for _, t := range toks[k:j] {
		parts = append(parts, t.fold)
	}
	return strings.Join(parts, " ")
}
