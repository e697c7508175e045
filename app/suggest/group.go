package suggest

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"dossier/app"
)

// entity is one actor the article names, with every occurrence of its names.
type entity struct {
	person  bool // a person's name, as the index saw it
	key     string
	words   []string // the fullest form's folded words without Arabic articles, once computed
	occs    []*occurrence
	full    *occurrence // the fullest form: a multi-word name, or the first occurrence
	country *country
	aliases []string // forms the text gave explicitly
	first   int      // order of the first occurrence
}

// grouper gathers occurrences into entities.
type grouper struct {
	ents    []*entity
	byKey   map[string]*entity
	byAlias map[string]*entity // explicit aliases and acronyms, folded
	lower   map[string]bool    // words the text writes in lower case
	// nameWords are the folded words of every name found, without Arabic articles.
	nameWords map[string]bool
	// byWord and byInitials index the names of several words (see buildIndex).
	byWord, byInitials map[string][]*entity
}

// group turns the occurrences into suggestions: one per actor, its short forms as aliases.
func group(occs []*occurrence, lower map[string]bool) []Suggestion {
	g := &grouper{byKey: map[string]*entity{}, byAlias: map[string]*entity{}, lower: lower, nameWords: map[string]bool{}}
	for _, o := range occs {
		for _, t := range o.toks {
			if w := stripArticle(t.fold); w != o.key {
				g.nameWords[w] = true
			}
		}
	}
	var short []*occurrence
	for _, o := range occs {
		switch {
		case o.country != nil && !o.capital:
			g.add("\x00state:"+o.country.name, o).country = o.country // apart from "INDIA", an alliance
		case nameWords(o.toks) > 1:
			g.add(o.key, o)
		default:
			short = append(short, o)
		}
	}
	g.mergeContained()
	g.mergeLegalSuffix()
	g.mergeTruncated()
	g.mergeMiddleless()
	g.mergeInvertedBodies()
	for _, e := range g.ents {
		for _, o := range e.occs {
			for _, a := range o.aliases {
				g.byAlias[app.Fold(a)] = e
				e.aliases = appendNew(e.aliases, a)
			}
		}
	}
	for _, o := range short {
		if e := g.owner(o); e != nil {
			e.occs = append(e.occs, o)
			for _, a := range o.aliases {
				e.aliases = appendNew(e.aliases, a)
			}
			continue
		}
		e := g.add(o.key, o)
		for _, a := range o.aliases {
			g.byAlias[app.Fold(a)] = e
			e.aliases = appendNew(e.aliases, a)
		}
	}
	g.mergeAliases()
	g.mergeHeadPhrases()
	var out []Suggestion
	order := map[string]int{}
	for _, e := range g.ents {
		if !g.keep(e) {
			continue
		}
		s := e.suggestion(g)
		if _, dup := order[s.Name]; dup {
			continue
		}
		order[s.Name] = e.first
		out = append(out, s)
	}
	sortSuggestions(out, order)
	withholdShared(out)
	return out
}

// mergeHeadPhrases files a body's head phrase named alone ("Port Authority", "Water
// Board") under the one body of the text whose longer name ends with it ("Kallio Port
// Authority"): the text names the body again by what it is. With two such bodies, it
// stays apart.
func (g *grouper) mergeHeadPhrases() {
	gone := map[*entity]bool{}
	for _, e := range g.ents {
		ft := e.full.toks
		if len(ft) < 2 || e.country != nil || e.person || headKind(ft) == "" || headKind(ft) == app.Person ||
			firstNames[ft[0].fold] || slices.ContainsFunc(ft, func(t token) bool { return connectors[t.fold] }) {
			continue
		}
		var into *entity
		n := 0
		for _, f := range g.ents {
			if f != e && !gone[f] && len(f.full.toks) > len(ft) && strings.HasSuffix(f.key, " "+e.key) {
				into, n = f, n+1
			}
		}
		if n != 1 || gone[e] || !g.keep(e) {
			continue
		}
		into.occs = append(into.occs, e.occs...)
		into.first = min(into.first, e.first)
		into.aliases = appendNew(into.aliases, e.full.text)
		gone[e] = true
	}
	g.dropGone(gone)
}

// bodyHeadNouns say what kind of body a name ends with; alone they name none.
var bodyHeadNouns = words(`trust foundation association council commission authority agency board institute
	company group bank union court ministry office committee society fund`)

// withholdShared moves to Withheld the aliases two suggestions share: "Helix" for the
// company and its product line would link every mention to one of them at random.
func withholdShared(sugs []Suggestion) {
	n := map[string]int{}
	for _, s := range sugs {
		for _, f := range s.Forms() {
			n[f]++
		}
	}
	for i := range sugs {
		s := &sugs[i]
		kept := s.Aliases[:0]
		for _, a := range s.Aliases {
			if n[app.Fold(a)] > 1 {
				s.Withheld = append(s.Withheld, WithheldAlias{Alias: a, Reason: ReasonShared})
				continue
			}
			kept = append(kept, a)
		}
		s.Aliases = kept
	}
}

// legalSuffixes end a company's registered name: "Nordlaks Havbruk AS" is the
// "Nordlaks Havbruk" the article names later.
var legalSuffixes = words(`inc incorporated corp corporation co ltd llc llp plc sa ag gmbh nv bv spa asa as
	oyj ab kg sarl pty srl bhd sas sl sarl kk limited ltda tbk jsc pjsc ojsc kft zrt sro doo pvt pte
	oü oy aps hf ehf se lp sia uab sae ead sac saa sab eirl berhad ae sgps spzoo spolsro sadecv sabdecv sderl sderldecv sapidecv
	pvtltd coltd ptyltd pteltd sdnbhd lda crl fze fzco fzc fzllc bsc saog saoc wll slp sgeic sgiic sicav nyrt
	unipessoal saic eireli pbc ltdsti gmbh&cokg ag&cokg se&cokg gmbh&cokgaa ag&cokgaa kgaa eood ood osoo`)

// dottedSuffixes are legal forms only when written with dots, since without them they are
// common words or other names' letters: "Águas do Alto Cávado, E.M." (a Portuguese municipal
// company), not "em"; "Loro Sa'e Petróleo, E.P."; a Lebanese "S.A.L.", not "sal"; "e.V.",
// not an "EV"; "S.C.A.", not SCA; a Croatian "d.d.", not "dd"; a Spanish "S.A.U."; "S.C."
// (only after partners' names, see commaSuffix, never "Columbia, S.C.").
var dottedSuffixes = words(`em epe ep sal ev sca slu rl dd sau sc`)

// dottedForm reports whether letters, read from a legal form written with dots ("S.A.L.",
// "e.V.", "S.p.A."), make one.
func dottedForm(letters string) bool {
	letters = fold(letters) // "Ltd. Şti." is "ltdsti"
	return legalSuffixes[letters] || dottedSuffixes[letters]
}

// legalPhrases are legal forms written as words, ending a company's registered name:
// "Bao Loc Textiles Joint Stock Company" is the "Bao Loc" the article names later.
var legalPhrases = [][]string{{"joint", "stock", "company"}, {"joint-stock", "company"},
	{"limited", "liability", "company"}, {"public", "limited", "company"}, {"public", "joint", "stock", "company"}}

// legalPhraseLen returns how many words of legalPhrases end toks, or 0.
func legalPhraseLen(toks []token) int {
	best := 0
	for _, ph := range legalPhrases {
		if len(ph) >= len(toks) || len(ph) <= best {
			continue
		}
		tail := toks[len(toks)-len(ph):]
		if slices.EqualFunc(tail, ph, func(t token, w string) bool { return t.fold == w }) {
			best = len(ph)
		}
	}
	return best
}

// legalPrefixes begin a company's registered name: "PT Sulawesi Logam Makmur Tbk",
// "PJSC Gazprom".
var legalPrefixes = words(`pt cv pjsc ojsc ooo ao jsc`)

// legalSuffixTok reports whether a token is a legal suffix as written: "AG", "SA" and "AS"
// are, but "Ag" in "Moussa Ag Elmehdi" is a Tuareg name's "son of", and "Sa" or "Se" a
// name's word.
func legalSuffixTok(t token) bool {
	return isLegalSuffix(t.fold) && !titleCaseTwoLetters[t.text] || capsSuffixes[t.text]
}

// capsSuffixes are legal forms only as written, since otherwise they are words or other
// letters: "Tekhsnab-Almaty TOO" (a Kazakh LLP), "Vratsa Precision Munitions AD", an
// Austrian "eGen" or "e.U." (never the "E.U.").
var capsSuffixes = map[string]bool{"TOO": true, "AD": true, "OsOO": true, "eGen": true, "e.U.": true}

// titleCaseTwoLetters are legal suffixes that, written with one capital, are name words.
var titleCaseTwoLetters = map[string]bool{"Ag": true, "As": true, "Sa": true, "Se": true, "Ae": true, "Sl": true}

// isLegalSuffix reports whether a folded word is a legal suffix, written with dots or
// without ("B.V.", "S.L.") or as two joined by a comma ("Co., Ltd").
func isLegalSuffix(w string) bool {
	if !strings.ContainsAny(w, ".,/") {
		return legalSuffixes[w]
	}
	dotted := strings.Contains(w, ".")
	for _, part := range strings.Split(w, ",") {
		part = strings.NewReplacer(".", "", "/", "", " ", "").Replace(strings.TrimSpace(part))
		if !legalSuffixes[part] && !(dotted && dottedSuffixes[part]) {
			return false
		}
	}
	return w != ""
}

// mergeLegalSuffix files the name without its legal suffix under the name with it.
func (g *grouper) mergeLegalSuffix() {
	gone := map[*entity]bool{}
	for _, e := range g.ents {
		if gone[e] {
			continue
		}
		for _, r := range shortOrgForms(e.full.toks) {
			short := app.Fold(g.textOfToks(e.full.toks[r[0]:r[1]]))
			o := g.byKey[short]
			if o == nil || o == e || gone[o] || len(o.occs) > 0 && o.occs[0].person {
				continue
			}
			g.fileUnder(e, o, short, gone)
		}
	}
	g.dropGone(gone)
}

// fileUnder moves o's mentions to e, which key now finds, and marks o gone: o named
// the same actor as e.
func (g *grouper) fileUnder(e, o *entity, key string, gone map[*entity]bool) {
	e.occs = append(e.occs, o.occs...)
	e.first = min(e.first, o.first)
	gone[o] = true
	g.byKey[key] = e
	g.byAlias[key] = e
}

// dropGone removes the entities marked gone.
func (g *grouper) dropGone(gone map[*entity]bool) {
	if len(gone) > 0 {
		g.ents = slices.DeleteFunc(g.ents, func(x *entity) bool { return gone[x] })
	}
}

// shortOrgForms returns the lengths of the shorter names of several words an
// organisation's name toks may be written as: without its legal suffix ("Nordlaks
// Havbruk" of "Nordlaks Havbruk AS"), then without the company words that end it
// ("Aegean Star" of "Aegean Star Shipping").
func shortOrgForms(toks []token) [][2]int {
	n := len(toks)
	var out [][2]int
	for n >= 3 && legalSuffixTok(toks[n-1]) {
		n-- // "Sunrise Remedies" of "Sunrise Remedies Pvt Ltd"
	}
	if k := legalPhraseLen(toks[:n]); k > 0 && n-k >= 2 {
		n -= k // "Bao Loc Textiles" of "Bao Loc Textiles Joint Stock Company"
	}
	if n < len(toks) {
		out = append(out, [2]int{0, n})
	}
	if n < len(toks) {
		// "Anadolu Jet" of "Anadolu Jet Havayolları A.Ş.": a registered company is named by
		// the first words of its name.
		for k := 2; k < n; k++ {
			out = append(out, [2]int{0, k})
		}
	}
	if n >= 3 && toks[n-1].text == "," {
		n-- // "Minera Cerro Pardo, S.A. de C.V."
	}
	if n >= 3 && firmOpener(toks[0]) {
		// "Sulawesi Logam Makmur" of "PT Sulawesi Logam Makmur Tbk", "Cerro Pardo" of
		// "Minera Cerro Pardo, S.A. de C.V.": the name after the form or the trade.
		out = append(out, [2]int{1, n})
	}
	cut := n
	for cut > 2 && cueKind(toks[cut-1].fold) == app.Organisation && orgCues[toks[cut-1].fold] && isNameToken(toks[cut-2]) && !connectors[toks[cut-2].fold] {
		cut--
	}
	if cut < n && cut >= 2 {
		out = append(out, [2]int{0, cut})
	}
	// "Federal Court" of "Federal Court of Australia": the head before the connector.
	for k := 2; k < n; k++ {
		if connectors[toks[k].fold] {
			if cueKind(toks[k-1].fold) != "" {
				out = append(out, [2]int{0, k})
			}
			break
		}
	}
	return out
}

// textOfToks joins the words of toks with blanks.
func (g *grouper) textOfToks(toks []token) string {
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = t.text
	}
	return strings.Join(parts, " ")
}

// add files o under key, creating the entity when it is new.
func (g *grouper) add(key string, o *occurrence) *entity {
	e := g.byKey[key]
	if e == nil {
		e = &entity{key: key, full: o, first: o.order}
		g.byKey[key] = e
		g.ents = append(g.ents, e)
	}
	e.occs = append(e.occs, o)
	if e.first > o.order {
		e.first = o.order
	}
	return e
}

// mergeAliases folds into an entity the entities named by the aliases the text gave it:
// "Ansar Allah" into "The Houthis, who call themselves Ansar Allah".
func (g *grouper) mergeAliases() {
	gone := map[*entity]bool{}
	for _, e := range g.ents {
		if gone[e] {
			continue
		}
		for _, a := range e.aliases {
			f := g.byKey[app.Fold(a)]
			if f == nil || f == e || gone[f] || f.country != nil {
				continue
			}
			e.occs = append(e.occs, f.occs...)
			e.first = min(e.first, f.first)
			gone[f] = true
		}
	}
	g.dropGone(gone)
}

// nameWords counts the words of a name that are not particles: "bin Salman" is one.
func nameWords(toks []token) int {
	n := 0
	for _, t := range toks {
		if !particles[t.fold] {
			n++
		}
	}
	if n == 1 && len(toks) >= 3 && !slices.ContainsFunc(toks, func(t token) bool { return !unicode.IsUpper(firstRune(t.text)) }) {
		// "Le Van Minh": capitalised words that are particles elsewhere are a Vietnamese
		// name's own words, not particles before one name.
		return len(toks)
	}
	return n
}

// mergeContained folds a person's shorter multi-word name into the longer one it is part
// of: "Mohamed bin Zayed" into "Mohamed bin Zayed Al Nahyan".
func (g *grouper) mergeContained() {
	// The kinds are read once: a person's name that absorbs another stays a person's.
	kinds := make(map[*entity]app.ActorKind, len(g.ents))
	for _, e := range g.ents {
		kinds[e] = e.kind()
	}
	keep := g.ents[:0]
	for _, e := range g.ents {
		if e.country == nil && kinds[e] == app.Person {
			if into := g.containing(e, kinds); into != nil {
				into.occs = append(into.occs, e.occs...)
				into.first = min(into.first, e.first)
				delete(g.byKey, e.key)
				continue
			}
		}
		keep = append(keep, e)
	}
	g.ents = keep
}

// containing returns the one other person entity whose name holds e's words in a row.
func (g *grouper) containing(e *entity, kinds map[*entity]app.ActorKind) *entity {
	words := foldedWords(e.full.toks)
	var found *entity
	for _, o := range g.ents {
		if o == e || o.country != nil || kinds[o] != app.Person {
			continue
		}
		ow := foldedWords(o.full.toks)
		if len(ow) <= len(words) || !containsRun(ow, words) {
			continue
		}
		if found != nil {
			return nil // part of two names: leave it alone
		}
		found = o
	}
	return found
}

func foldedWords(toks []token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.fold
	}
	return out
}

func containsRun(hay, needle []string) bool {
	for i := 0; i+len(needle) <= len(hay); i++ {
		match := true
		for j := range needle {
			if hay[i+j] != needle[j] {
				match = false
				break
			}
		}
		if match {
			return true
		}
	}
	return false
}

// owner finds the entity a short form belongs to: the one whose explicit alias or key it
// is, the person whose name holds it ("Maliki", "bin Salman"), the organisation whose
// initials it is ("KDP") or whose first or last word it is ("Junts", "Framework").
func (g *grouper) owner(o *occurrence) *entity {
	if e := g.byAlias[o.key]; e != nil {
		return e
	}
	if e := g.byKey[o.key]; e != nil {
		return e
	}
	if _, known := knownKinds[o.key]; known {
		// "Houthi" and "Houthis" are one group.
		for _, k := range []string{o.key + "s", strings.TrimSuffix(o.key, "s")} {
			if e := g.byKey[k]; e != nil {
				return e
			}
		}
	}
	if o.capital {
		return nil
	}
	_, known := knownKinds[o.key] // "Hezbollah" is not "Kataib Hezbollah", but "UN" is "United Nations"
	known = known && !gazetteerOnly[o.key]
	g.buildIndex()
	var cands []*entity
	if isAcronym(o.text) {
		a := acronymLetters(o.text)
		list := g.byInitials[a]
		if l := strings.TrimRight(a, "0123456789"); l != a {
			list = append(slices.Clone(list), g.byInitials[l]...) // "MS-13": "Mara Salvatrucha"
		}
		for _, e := range list {
			if !e.person && initialsMatch(e.full.toks, o.text) && !slices.Contains(cands, e) {
				cands = append(cands, e)
			}
		}
	}
	if !known {
		for _, e := range g.byWord[stripArticle(o.toks[len(o.toks)-1].fold)] {
			if e.full.thing || e.full.layout && !personCell(e.full) && !bodyCell(e.full) {
				continue // a product's or a table's name owns no short form
			}
			// A numbered short form ("the Haiyuan 606") is a company's vessel or model, and one
			// listed among places ("sent helicopters to Pelalawan and Siak") the place.
			if e.person && !(o.loc && !o.weakLoc && !o.gazOnly) && personShortForm(e.full.toks, e.strippedWords(), o) ||
				!e.person && !o.datelineCity && !o.numbered && !(o.listPlace && (o.motion || !o.weakLoc)) && orgShortForm(e.full.toks, o.toks) && !slices.Contains(cands, e) {
				cands = append(cands, e)
			}
		}
	}
	if len(cands) == 0 && !known && len(o.toks) == 1 && !isAcronym(o.text) && !g.nameWords[o.key] && !places[o.key] && o.country == nil && !o.loc && !o.person {
		for _, e := range g.ents {
			if !e.person && e.country == nil && syllableShort(e.full.toks, o.key) {
				cands = append(cands, e) // "Banorte" of "Banco Mercantil del Norte"
			}
		}
	}
	if len(cands) > 1 && !e0person(cands) {
		o.shared = true // "Ferrow" after Ferrow Optics and Ferrow Clinics
	}
	return nearest(cands, o.order)
}

// syllableShort reports whether word (folded) is a body's short name made of the first
// syllables of some of its words, in order, from its first: "Banorte" of "Banco
// Mercantil del Norte", "Minsa" of "Ministério da Saúde". The body's name says it is one
// (a head noun or a legal form), and every syllable has two letters or more.
func syllableShort(full []token, word string) bool {
	if len(full) < 3 || headKind(full) == "" && !registered(full) || utf8.RuneCountInString(word) < 5 {
		return false
	}
	var parts []string
	for _, t := range withoutLegalForm(full) {
		if t.kind == tWord && !connectors[t.fold] && !particles[t.fold] {
			if t.fold == word {
				return false // a word of the name itself: orgShortForm's
			}
			parts = append(parts, t.fold)
		}
	}
	return len(parts) >= 2 && madeOfSyllables(word, parts, true)
}

// mergeTruncated files a company's name cut short ("Lumen Semi") under the one company
// whose name it opens ("Lumen Semiconductor Manufacturing Co."), which has a legal suffix
// or a head noun that says it is a body.
func (g *grouper) mergeTruncated() {
	gone := map[*entity]bool{}
	for _, e := range g.ents {
		n := len(e.full.toks)
		if e.country != nil || !legalSuffixTok(e.full.toks[n-1]) && headKind(e.full.toks) == "" && !numberedUnit(e.full.toks, n-1, 0) {
			continue
		}
		for _, o := range g.ents {
			if o == e || gone[o] || gone[e] || o.country != nil || len(o.occs) > 0 && o.occs[0].person || onlyPlace(o) ||
				!truncatedForm(e.full.toks, o.full.toks) && !localOf(e.full.toks, o.full.toks) &&
					!(tradeOpens(e.full.toks) && truncatedForm(afterTrade(e.full.toks), o.full.toks)) { // "Sinar Halmahera" of "PT Sinar Halmahera Mineral Tbk"
				continue
			}
			g.fileUnder(e, o, o.key, gone)
		}
	}
	g.dropGone(gone)
}

// onlyPlace reports whether every mention of e is a place or qualifies a noun: "the Kwun
// Tong site" is where, not "Crestview Kwun Tong Ltd".
func onlyPlace(e *entity) bool {
	return !slices.ContainsFunc(e.occs, func(o *occurrence) bool { return !o.loc && !o.attrib })
}

// mergeMiddleless files a person's name written without its middle words ("Kamala Thapa")
// under the full name ("Kamala Adhikari Thapa") whose first and last words it is, when one
// full name only has them.
func (g *grouper) mergeMiddleless() {
	byEnds := map[string][]*entity{}
	for _, e := range g.ents {
		if t := e.full.toks; len(t) >= 3 && e.country == nil && e.kind() == app.Person {
			k := t[0].fold + " " + t[len(t)-1].fold
			byEnds[k] = append(byEnds[k], e)
		}
	}
	gone := map[*entity]bool{}
	for _, o := range g.ents {
		t := o.full.toks
		if len(t) != 2 || o.country != nil || o.kind() != app.Person {
			continue
		}
		if full := byEnds[t[0].fold+" "+t[1].fold]; len(full) == 1 {
			g.fileUnder(full[0], o, o.key, gone)
		}
	}
	g.dropGone(gone)
}

// localOf reports whether short is the union local's number that ends full: "Local 49"
// of "United Forest Workers Local 49".
func localOf(full, short []token) bool {
	n := len(full)
	return len(short) == 2 && n > 2 && numberedUnit(full, n-1, 0) && short[0].fold == full[n-2].fold && short[1].fold == full[n-1].fold
}

// truncatedForm reports whether short names a company by the first words of its name,
// the last one cut short ("Lumen Semi" of "Lumen Semiconductor Manufacturing Co.",
// "Arcadia Pharma" of "Arcadia Pharmaceuticals Ltd") or whole when the name is a
// registered one ("Gulf Shield" of "Gulf Shield Marine Insurance B.S.C.").
func truncatedForm(full, short []token) bool {
	if len(short) < 2 || len(short) >= len(full) || firstNames[short[0].fold] {
		return false
	}
	for k, t := range short[:len(short)-1] {
		if t.fold != full[k].fold {
			return false
		}
	}
	last, word := short[len(short)-1].fold, full[len(short)-1].fold
	if last == word {
		// "Al Sadaf", "Gulf Shield" of "Gulf Shield Marine Insurance B.S.C.": the first
		// words of a registered company's name, whole.
		return legalSuffixTok(full[len(full)-1]) && !hasOrgCue(short) && !isCountryText(textOfPlain(short))
	}
	return utf8.RuneCountInString(last) >= 3 && len(word) > len(last) && strings.HasPrefix(word, last)
}

// e0person reports whether the candidates are people: a surname shared by two people is
// resolved by nearness ("Harris"), a word shared by two organisations is not.
func e0person(cands []*entity) bool {
	for _, e := range cands {
		if !e.person {
			return false
		}
	}
	return true
}

// buildIndex indexes the names of several words, once all are known, by the words a
// short form of them may be (every word of a person's name; the first and last of an
// organisation's) and by their initials, so that each short form is matched against a few
// names rather than all of them.
func (g *grouper) buildIndex() {
	if g.byWord != nil {
		return
	}
	g.byWord, g.byInitials = map[string][]*entity{}, map[string][]*entity{}
	add := func(m map[string][]*entity, k string, e *entity) {
		if l := m[k]; len(l) == 0 || l[len(l)-1] != e {
			m[k] = append(l, e)
		}
	}
	for _, e := range g.ents {
		if e.country != nil || nameWords(e.full.toks) < 2 {
			continue
		}
		e.person = e.kind() == app.Person
		words := e.strippedWords()
		if e.person {
			for _, w := range words {
				add(g.byWord, w, e)
			}
			continue
		}
		add(g.byWord, words[0], e)
		add(g.byWord, words[0]+"s", e)
		if clubPrefix(e.full.toks) || townClub(e.full.toks) || particles[words[0]] || places[words[0]] || registered(e.full.toks) {
			add(g.byWord, words[1], e) // "Al Sadaf" of "Al Sadaf Marine…", "Qingfeng" of "Shenzhen Qingfeng…"
		}
		if len(words) > 3 && firmOpener(e.full.toks[0]) {
			// "La Esperanza" of "Agroindustrial La Esperanza S.A.S.", "Sinar Halmahera" of
			// "PT Sinar Halmahera Mineral Tbk": the words after the trade or the legal form.
			add(g.byWord, words[2], e)
			add(g.byWord, words[3], e)
		}
		last := len(words) - 1
		for last > 1 && isLegalSuffix(words[last]) {
			last-- // "Marzotti" of "Officine Marzotti S.p.A."
		}
		add(g.byWord, words[last], e)
		with, without := initials(e.full.toks)
		add(g.byInitials, with, e)
		add(g.byInitials, without, e)
	}
}

// strippedWords returns the folded words of the entity's fullest name without Arabic
// articles ("al-maliki" is "maliki"), computed once.
func (e *entity) strippedWords() []string {
	if e.words == nil {
		e.words = make([]string, len(e.full.toks))
		for i, t := range e.full.toks {
			e.words[i] = stripArticle(t.fold)
		}
	}
	return e.words
}

// nearest picks, among the entities a short form could belong to, the one named last
// before it ("Harris" after "Sen. Joshua Harris" is him, even if Kamala Harris comes
// later), else the first named after it.
func nearest(cands []*entity, order int) *entity {
	var before, after *entity
	bestBefore, bestAfter := -1, int(^uint(0)>>1)
	for _, e := range cands {
		for _, o := range e.occs {
			if o.order < order && o.order > bestBefore {
				before, bestBefore = e, o.order
			}
			if o.order > order && o.order < bestAfter {
				after, bestAfter = e, o.order
			}
		}
	}
	if before != nil {
		return before
	}
	return after
}

// stripArticle removes an Arabic article from a word: "al-Maliki" → "maliki".
func stripArticle(w string) string {
	for _, p := range []string{"al-", "el-", "al ", "ul-", "ad-", "as-", "ash-", "at-", "az-", "ar-", "an-"} {
		if strings.HasPrefix(w, p) && len(w) > len(p)+1 {
			return w[len(p):]
		}
	}
	return w
}

// personShortForm reports whether the short form o ("Maliki", "al-Maliki", "bin Salman",
// "Xi") is a later way of naming the person full ("Nouri al-Maliki"). A name after bin or
// ibn is a father's: "Salman" alone is not "Mohammed bin Salman", "bin Salman" is.
func personShortForm(full []token, words []string, o *occurrence) bool {
	if nameWords(o.toks) != 1 {
		return false
	}
	key := stripArticle(o.toks[len(o.toks)-1].fold)
	for k, t := range full {
		w := t.fold
		if particles[w] || words[k] != key {
			continue
		}
		before := ""
		if k > 0 {
			before = full[k-1].fold
		}
		if (fathers[before] || o.father != "") && before != o.father {
			continue
		}
		return true
	}
	return false
}

// firmOpener reports whether t, opening a name, is a legal form ("PT", "OOO") or a trade
// ("Minera", "Agroindustrial") before the name the firm goes by.
func firmOpener(t token) bool {
	return legalPrefixes[t.fold] && isAcronym(t.text) || romanceFirmHeads[t.fold]
}

// tradeOpens reports whether a firm's first word may be its trade or its legal form, the
// rest its own name: a legal form or a trade opens it ("PT", "Conservas"), or it is a
// registered firm whose first word is no given name ("Acuícola Fiordo Blanco S.A.").
func tradeOpens(full []token) bool {
	return firmOpener(full[0]) || registered(full) && !firstNames[full[0].fold]
}

// afterTrade returns a firm's name after its opening legal form or trade, and after the
// bank's or group's word that may follow a legal form: "Mitra Dagang Tbk" of "PT Bank
// Mitra Dagang Tbk".
func afterTrade(full []token) []token {
	if len(full) > 3 && legalPrefixes[full[0].fold] && cueKind(full[1].fold) == app.Organisation {
		return full[2:]
	}
	return full[1:]
}

// registered reports whether a name of three words or more ends in a legal form: a
// registered firm, whose first word is often its seat ("Hulunbuir Qingfeng Dairy Co.").
func registered(toks []token) bool {
	return len(toks) >= 3 && legalSuffixTok(toks[len(toks)-1]) && !isCountryTok(toks[0]) // not "Niger Delta … Ltd"
}

// withoutLegalForm returns toks without the legal forms and commas that end them.
func withoutLegalForm(toks []token) []token {
	for len(toks) > 1 && (legalSuffixTok(toks[len(toks)-1]) || toks[len(toks)-1].text == ",") {
		toks = toks[:len(toks)-1]
	}
	return toks
}

// orgShortForm reports whether short is the first or last word of the organisation's
// name full ("Junts" of "Junts per Catalunya", "Nujaba" of "Harakat al-Nujaba").
func orgShortForm(full, short []token) bool {
	if len(full) > 3 && firmOpener(full[0]) && len(short) == 2 && particles[short[0].fold] && full[1].fold == short[0].fold {
		full = full[1:] // "La Esperanza" of "Agroindustrial La Esperanza S.A.S."
	}
	if len(short) == 2 && len(full) > 2 && particles[short[0].fold] && full[0].fold == short[0].fold {
		full, short = full[1:], short[1:] // "Al Sadaf" of "Al Sadaf Marine Terminals PJSC"
	}
	if rest := withoutLegalForm(full[1:]); len(short) >= 2 && len(full) > len(short)+1 && len(rest) >= len(short) &&
		(firmOpener(full[0]) || tradeOpens(full) && len(rest) == len(short)) &&
		slices.EqualFunc(rest[:len(short)], short, func(a, b token) bool { return a.fold == b.fold }) &&
		(len(rest) == len(short) || legalPrefixes[full[0].fold]) {
		// "Ría Brava" of "Conservas Ría Brava, S.L.", "Fiordo Blanco" of "Acuícola Fiordo
		// Blanco S.A.": the name after its trade, a registered firm's; "Sinar
		// Halmahera" of "PT Sinar Halmahera Mineral Tbk": its first words after the legal form.
		return true
	}
	if len(short) != 1 {
		return false
	}
	w := short[0].fold
	reg := registered(full)
	for len(full) > 2 && legalSuffixTok(full[len(full)-1]) {
		full = full[:len(full)-1] // "Marzotti" of "Officine Marzotti S.p.A."
	}
	if len(full) < 2 || numberedUnit(full, len(full)-1, 0) {
		return false // "Unifor" is the union, not "Unifor Local 444", one of its locals
	}
	first, last := full[0].fold, full[len(full)-1].fold
	if clubPrefix(full) && stripArticle(full[1].fold) == stripArticle(w) && cueKind(full[1].fold) == "" {
		return true // "Deltana" of "CSM Deltana Tulcea": the name after its capitals
	}
	if partyCues[first] && len(full) >= 3 && stripArticle(full[1].fold) == stripArticle(w) && cueKind(full[1].fold) == "" {
		return true // "Bintang" of "Partai Bintang Nusantara": the name after its party word
	}
	if townClub(full) && full[1].fold == w {
		return true // "Champa" of "Vientiane Champa FC": the name between its town and its letters
	}
	if len(full) >= 3 && (places[first] || reg && !firstNames[first]) && full[1].fold == w && cueKind(w) == "" && !generic[w] && headKind(full) != app.GovernmentBody {
		// "Qingfeng" of "Shenzhen Qingfeng New Energy Co., Ltd.": the name after its place,
		// known or not ("Hulunbuir Qingfeng Dairy Co., Ltd.") when a legal form says a firm.
		return true
	}
	if w == first+"s" && partyCues[last] {
		return true // "Conservatives" of "Conservative Party"
	}
	if generic[w] {
		return false
	}
	key := stripArticle(w)
	// A cue word is no short form ("Bank" of "Bank of Spain"); a hyphenated first word
	// holding one still is ("Red-Green" of "Red-Green Alliance").
	// A cue word of another kind than the name's head is a plain word of this name:
	// "Liwa" of "Liwa Sovereign Holdings" ("liwa" is a brigade elsewhere).
	otherCue := cueKind(first) != "" && headKind(full) != "" && cueKind(first) != headKind(full)
	if _, c := countryByForm[first]; !c && stripArticle(first) == key && (cueKind(first) == "" || otherCue || strings.Contains(first, "-") || partyCues[first] && partyCues[last]) {
		return true
	}
	return stripArticle(last) == key
}

// mergeInvertedBodies files a body named by its portfolio before its head noun under the
// same body named with "of", "for" or "on": "Transport Ministry" is the "Ministry of
// Transport", "Finance Committee" the "Committee on Finance".
func (g *grouper) mergeInvertedBodies() {
	byInverse := map[string]*entity{}
	for _, e := range g.ents {
		t := e.full.toks
		if len(t) >= 3 && govCues[t[0].fold] && (t[1].fold == "of" || t[1].fold == "for" || t[1].fold == "on") {
			byInverse[strings.Join(append(foldedWords(t[2:]), t[0].fold), " ")] = e
		}
	}
	if len(byInverse) == 0 {
		return
	}
	keep := g.ents[:0]
	for _, f := range g.ents {
		if e := byInverse[strings.Join(foldedWords(f.full.toks), " ")]; e != nil && e != f && sameOwner(e, f) {
			e.occs = append(e.occs, f.occs...)
			e.first = min(e.first, f.first)
			g.byKey[f.key] = e
			continue
		}
		keep = append(keep, f)
	}
	g.ents = keep
}

// sameOwner reports whether no two mentions of e and f name different owners: "Somalia's
// Ministry of Defence" and "Kenya's Defence Ministry" are two ministries.
func sameOwner(e, f *entity) bool {
	for _, a := range e.occs {
		for _, b := range f.occs {
			if a.owner != "" && b.owner != "" && a.owner != b.owner {
				return false
			}
		}
	}
	return true
}

// townClub reports whether a name of three words is a town's, a name and a club's letters
// ("Vientiane Champa FC", "Tarsk Rovers SC"): the middle word is what the club is called.
func townClub(full []token) bool {
	if len(full) != 3 || !clubLetters[full[2].fold] || !isNameToken(full[1]) || isAcronym(full[1].text) {
		return false
	}
	_, capital := capitalOf[full[0].fold]
	return places[full[0].fold] || capital
}

// clubLetters end the names of sports clubs: "Champa FC", "Prabang SC".
var clubLetters = words(`fc sc afc cf`)

// sportsLetters open the names of sports clubs in many languages: "FK Sarajevo", "NK
// Osijek", "AC Milan", "VfB Stuttgart". Before a single name word they make it a club's,
// not a person's initials.
var sportsLetters = words(`fc fk nk hnk gnk sk ks kf afc pfc cf cd ud sd rcd ac as ss us sv tsv vfb vfl bsc
	if ik bk hk hc kv krc rsc sl`)

// clubPrefix reports whether a name of three words or more opens with a short word in
// capitals that says what sort of club or company it is ("FC", "CSM", "ACS"): the
// next word is its short name.
func clubPrefix(full []token) bool {
	if len(full) == 2 && isAcronym(full[0].text) && sportsLetters[full[0].fold] {
		return isNameToken(full[1]) && !isAcronym(full[1].text) // "NK Osijek", "FK Sarajevo"
	}
	return len(full) >= 3 && isAcronym(full[0].text) && utf8.RuneCountInString(full[0].text) <= 4 && isNameToken(full[1]) && !isAcronym(full[1].text)
}

// initialsMatch reports whether acronym is made of the initials of the name's words,
// with or without its connectors ("UNIFIL": United Nations Interim Force in Lebanon;
// "ISPR": Inter-Services Public Relations).
func initialsMatch(name []token, acronym string) bool {
	want := acronymLetters(acronym)
	if len(want) < 2 {
		return false
	}
	letters := strings.TrimRight(want, "0123456789") // "MS-13": "Mara Salvatrucha"
	for _, lower := range []bool{true, false} {
		with, without := initialsOf(name, lower)
		if want == without || want == with || letters != want && len(letters) >= 2 && (letters == without || letters == with) {
			return true
		}
	}
	return false
}

// acronymLetters returns an acronym's letters in capitals: "U.S." is "US", "AfD" "AFD".
func acronymLetters(acronym string) string {
	var b strings.Builder
	for _, r := range acronym {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToUpper(r)) // "G20": "Group of 20"
		}
	}
	return b.String()
}

// initials returns the capitalised first letters of a name's words (of each part of a
// hyphenated word), with its connectors and particles and without them.
func initials(name []token) (with, without string) {
	return initialsOf(name, true)
}

// initialsOf is initials, with or without the parts of a hyphenated word written in
// lower case: "Inter-governmental Authority on Development" is "IGAD", but "Canadian
// Radio-television and Telecommunications Commission" is "CRTC".
func initialsOf(name []token, lowerParts bool) (with, without string) {
	var w, wo strings.Builder
	for _, t := range name {
		if t.kind != tWord {
			continue // "Ministry of Economy, Trade and Industry": its comma has no initial
		}
		skip := connectors[t.fold] || particles[t.fold]
		text := stripArticle(t.text)
		for _, p := range []string{"l'", "d'", "l’", "d’"} {
			text = strings.TrimPrefix(text, p) // "l'alternance": its initial is the noun's
		}
		// "Dal (Secular)": a bracketed qualifier's words have initials of their own.
		for _, part := range strings.FieldsFunc(text, func(r rune) bool { return r == '-' || r == ' ' || r == '(' || r == ')' }) {
			r := firstRune(part)
			if r == 0 || !lowerParts && part != text && !strings.HasPrefix(text, part) && unicode.IsLower(r) {
				continue
			}
			if strings.Trim(part, "0123456789") == "" {
				w.WriteString(part) // a number counts whole: "Group of 20" is "G20"
				wo.WriteString(part)
				continue
			}
			r = unicode.ToUpper(r)
			w.WriteRune(r)
			if !skip && !particles[strings.ToLower(part)] {
				wo.WriteRune(r) // "PTI": Pakistan Tehreek-e-Insaf without its "e"
			}
		}
	}
	return w.String(), wo.String()
}

// kind returns the entity's kind: a state, a person if any occurrence says so, else the
// kind its fullest name suggests.
func (e *entity) kind() app.ActorKind {
	if e.country != nil {
		return app.State
	}
	full := e.full
	if full.layout {
		// A table cell or an all-caps line says less about a name than the prose that
		// writes it: "PAWEŁ ZIELIŃSKI" in a results table, "Paweł Zieliński of Velotek Pro".
		if i := slices.IndexFunc(e.occs, func(o *occurrence) bool { return !o.layout && o.key == full.key }); i >= 0 {
			full = e.occs[i]
		}
	}
	if full.kind != "" && full.kind != app.Person {
		if headKind(full.toks) == "" && knownKinds[full.key] == "" && full.ctxKind == "" && !legalSuffixTok(full.toks[len(full.toks)-1]) {
			// The fullest name's kind was guessed from its shape ("Progressive Slovakia"
			// holds a country): a later mention that says what it is ("…, the main
			// opposition party,") knows better.
			for _, o := range e.occs {
				if o.ctxKind != "" && o.ctxKind != app.Person && !o.layout {
					return o.ctxKind
				}
			}
		}
		return full.kind
	}
	for _, o := range e.occs {
		if o.person {
			return app.Person
		}
	}
	if full.kind == app.Person && !firstNames[full.toks[0].fold] && full.ctxKind == "" {
		// Two plain words were guessed a person's; a mention that says what the name is
		// ("Shares of Rio Tinto", "…, the miner,") knows better.
		for _, o := range e.occs {
			if o.ctxKind != "" && o.ctxKind != app.Person && !o.layout {
				return o.ctxKind
			}
		}
	}
	if full.kind != "" {
		return full.kind
	}
	for _, o := range e.occs {
		if o.kind != "" {
			return o.kind
		}
	}
	if full.capital {
		return app.State
	}
	return ""
}

// keep decides whether the entity is worth suggesting.
func (g *grouper) keep(e *entity) bool {
	if !proseNames(e) {
		return false
	}
	if e.country != nil {
		// A state is an actor where it acts or is acted on ("Gambia agreed", "talks with
		// Ghana"), not where it only says where ("printed in Senegal", "the
		// Singapore-listed Tembusu Resources", "a former minister of Ghana").
		return slices.ContainsFunc(e.occs, func(o *occurrence) bool {
			return !o.layout && !o.stemPlace && !o.possPlace && !countryAsPlace(o)
		})
	}
	if onlyThing(e) || placeInDiscourse(e) {
		return false
	}
	m := readMentions(e)
	if placeName(e) && !m.known {
		return false // "Lake Chad", "Mount Elgon", "Puerto Aysén": a place; "Lake Chad Basin Commission" is a body
	}
	if !slices.ContainsFunc(e.occs, func(o *occurrence) bool { return !capitalsPhrase(o) }) {
		return false // "CHECK THE SCALES FIRST": a slogan or a line in capitals
	}
	if sloganName(e, m) {
		return false // "Favours for None", "Great Farmers": a post's capitals, not a name
	}
	if codeLike(e.full.text) && !m.known && !saysWhatItIs(e) {
		return false // "Rp1,900", "Mk2": an amount or a model, not who
	}
	if e.kind() == app.Person && !g.personEvidence(e) && !repeated(e) &&
		!slices.ContainsFunc(e.occs, func(o *occurrence) bool { return o.cellKind != "" }) {
		// Capitals alone, named once, are no evidence of a name: "Zero Excuses",
		// "Earth Norway". A name the text repeats, or a table's column (RIDER, PARTY)
		// says what it is, is proposed.
		return false
	}
	if qualifierOnly(e) {
		return false // "the United Nations mission": a body above states qualifying a noun
	}
	if e.full.capital {
		return !m.allLoc // "Ankara rejected…" stands for the state; "in Ankara" does not
	}
	if m.multi || len(e.aliases) > 0 {
		return keepLongName(e, m)
	}
	return g.keepLoneWord(e, m)
}

// sloganName reports whether a name of several words is only a quotation's capitals:
// every word an English word, no mention outside quotation marks, nothing known of it
// and nothing around it saying what it is.
func sloganName(e *entity, m mentions) bool {
	if !m.multi || m.known || headKind(e.full.toks) != "" {
		return false
	}
	for _, o := range e.occs {
		if !o.quoted || o.ctxKind != "" || o.person {
			return false
		}
	}
	return englishOnly(e.full.toks)
}

// englishOnly reports whether every word of toks is an English word or a connector
// ("Favours for None", "Joint Operations Command").
func englishOnly(toks []token) bool {
	for _, t := range toks {
		if t.kind == tWord && !englishWord(t.fold) && !connectors[t.fold] {
			return false
		}
	}
	return true
}

// proseNames reports whether running prose gives the name: not only a table, a headline
// or a slogan writes it in full, even if prose uses a word of it ("Marseille"). A
// person's column ("ATHLETE") whose name the prose then names by the surname, as one who
// acts ("Bekele, who led until 35 km"), or a body's column whose name prose uses, is the
// exception.
func proseNames(e *entity) bool {
	return slices.ContainsFunc(e.occs, func(o *occurrence) bool { return !o.layout && o.key == e.full.key }) ||
		personCell(e.full) && slices.ContainsFunc(e.occs, func(o *occurrence) bool {
			return !o.layout && (o.listed || o.speaks || o.person || o.ctxKind == app.Person || o.who)
		}) || bodyCell(e.full) && slices.ContainsFunc(e.occs, func(o *occurrence) bool {
		return !o.layout && !(o.loc && !o.weakLoc) && !o.thing && o.country == nil && !places[o.key]
	})
}

// onlyThing reports whether every mention is of a network posted on ("wrote on X"), of a
// product or an index ("Atlas 9", "the KOSPI index"), or the text says it is a thing and
// nothing says it acts ("its software, VireoLock").
func onlyThing(e *entity) bool {
	if rowCode(e) {
		return true
	}
	if !slices.ContainsFunc(e.occs, func(o *occurrence) bool { return !o.layout && !o.onPlatform }) {
		return true
	}
	if !slices.ContainsFunc(e.occs, func(o *occurrence) bool { return !o.thing && o.key == e.full.key }) {
		return true
	}
	// A said-type verb after a product the text calls one ("its rival app, Tulko, says")
	// is its maker speaking through it.
	return slices.ContainsFunc(e.occs, func(o *occurrence) bool { return o.product }) &&
		!slices.ContainsFunc(e.occs, func(o *occurrence) bool { return o.speaks && !o.product || o.person || o.ctxKind != "" })
}

// rowCode reports whether a name is a code of capitals and digits that a table writes in
// its cells ("B1", a budget line) or a quarter or half of a year ("Q3", "H1"): a row's
// label or a period, not an actor, even where prose refers to it ("line B1", "the Q3
// reserve"). Codes that name groups ("M23", "G20") are in no table's cells.
func rowCode(e *entity) bool {
	t := e.full.text
	if !isCellCode(t) {
		return false
	}
	if len(t) == 2 && (t[0] == 'Q' && t[1] >= '1' && t[1] <= '4' || t[0] == 'H' && (t[1] == '1' || t[1] == '2')) {
		return true
	}
	return slices.ContainsFunc(e.occs, func(o *occurrence) bool { return o.layout })
}

// mentions sums up what an entity's mentions say.
type mentions struct {
	multi   bool // the name has more than one word
	known   bool // the gazetteer knows it
	acronym bool
	allLoc  bool // every mention is a place's
	allSent bool // every mention is a lone word opening a sentence
	person  bool // a mention says it is a person
}

// readMentions reads an entity's mentions outside tables and headlines.
func readMentions(e *entity) mentions {
	_, known := knownKinds[e.key]
	m := mentions{multi: nameWords(e.full.toks) > 1, known: known, acronym: isAcronym(e.full.text), allLoc: true, allSent: true}
	for _, o := range e.occs {
		if o.layout || o.instance && len(e.occs) > 1 {
			continue // a table's or a headline's capitals say nothing; nor does "a Superclásico"
		}
		// A name that only qualifies a role ("São Paulo governor") is a place or a body;
		// without a word saying which, it is left out.
		roleOf := o.roleOf && !m.known && !m.acronym && headKind(o.toks) == "" && o.ctxKind == "" && !clubPrefix(o.toks)
		// "a blow to Boeing, which had hoped…": a weak place clue gives way to a name that
		// acts or that a relative clause describes.
		// Names listed after the place clue share it: "complaints from Tiruppur and Erode".
		m.allLoc = m.allLoc && (o.loc && !(o.weakLoc && !o.motion && (o.which || o.speaks)) || roleOf)
		m.allSent = m.allSent && o.sent
		m.person = m.person || o.person
	}
	return m
}

// keepLongName decides on a name of several words or with aliases. to/at/from are weak
// place clues: a first name says it is a person ("a letter to Paulo Ferraz"), and a
// table's column (PARTY, CANDIDATE) that writes the name says what it is, as a first
// name does: "a request from Green Union" is the party's, not a place.
func keepLongName(e *entity, m mentions) bool {
	// An appositive that says what the name is ("…goes to Seniorcentrum Považie, a
	// non-profit") outweighs a weak place clue (to, at, from), not a strong one ("marched
	// towards Singha Durbar, the seat of government").
	// A legal suffix says a company: "funds went to Puszta Mérnök Kft." is no place.
	if m.allLoc && buildingName(e.full.toks) && !m.person && !m.known && !slices.ContainsFunc(e.occs, func(o *occurrence) bool { return o.weakLoc || o.appositive }) {
		return false // "register at the Bonnyville Centennial Centre": a building, though a centre may be a body
	}
	return !m.allLoc || m.person || m.known || headKind(e.full.toks) != "" || hasArmedName(e.full.toks) ||
		legalSuffixTok(e.full.toks[len(e.full.toks)-1]) ||
		slices.ContainsFunc(e.occs, func(o *occurrence) bool {
			return o.appositive && o.ctxKind != app.Person && !o.layout && (!o.loc || o.weakLoc) ||
				o.ctxKind == app.Party && !o.layout // "Diputado … of Unidad Andina": a party, not a place
		}) ||
		m.multi && firstNames[e.full.toks[0].fold] && !weakLocOnly(e) ||
		m.multi && !weakLocOnly(e) && slices.ContainsFunc(e.occs, func(o *occurrence) bool { return o.cellKind != "" })
}

// qualifierOnly reports whether a known body above states of several words is named only
// as the qualifier of a noun ("the United Nations mission", "European Union law").
func qualifierOnly(e *entity) bool {
	return len(e.full.toks) > 1 && aboveStates(e.full.toks) &&
		!slices.ContainsFunc(e.occs, func(o *occurrence) bool { return !o.attrib })
}

// keepLoneWord decides on a name of one word without aliases.
func (g *grouper) keepLoneWord(e *entity, m mentions) bool {
	if !m.known && e.full.ctxKind == "" && !slices.ContainsFunc(e.occs, func(o *occurrence) bool { return !o.quoted }) {
		// A lone capitalised word only a quotation uses is the speaker's emphasis or
		// slogan ("ZERO chance of Success, Prosperity, or Freedom"), not a name.
		return false
	}
	if m.known && knownKinds[e.key] == app.Organisation && !slices.ContainsFunc(e.occs, func(o *occurrence) bool {
		return !o.attrib && !(o.roleOf && !gazetteerOnly[e.key])
	}) {
		// "UN peacekeepers", "EU law", "a NATO ally", "the AU envoy": a body above states
		// named only as the qualifier of a noun is not itself dealt with.
		return false
	}
	if m.known || m.acronym {
		// A known group after to, at or from is dealt with, not a place: "weapons from
		// Hezbollah".
		return !m.allLoc || m.known && knownKinds[e.key] != app.State && !weakLocOnly(e)
	}
	if g.followers(e.key) || onlyQualifies(e) {
		return false
	}
	if m.allLoc || m.allSent && (e.full.ctxKind == "" || e.full.ctxKind == app.Person) && !speaksAsName(e) {
		return false
	}
	if g.lower[e.key] {
		return false // the text writes it in lower case too: a common word
	}
	if unheard(e) {
		return false
	}
	return !adjectival(e.occs, e.key) // "the Korean electronics maker": a demonym the gazetteer lacks
}

// placeHeads open the names of places and buildings: "Lake Titicaca", "Mount Elgon",
// "Gulf of Aden", "Salar de Uyuni", "Palacio de Tribunales".
var placeHeads = words(`lake mount mt river gulf bay cape strait isle lac lago monte salar cerro nevado highway corridor corredor palau
	volcán palacio palazzo palais estadio estádio stade stadio stadion puerto porto ciudad villa vila`)

// placeName reports whether e is named as a place is, by a place's head before other
// words, with no body's head noun, no legal form ("Puerto Costa Verde S.A." is the port's
// operator) and no alias of its own.
func placeName(e *entity) bool {
	t := e.full.toks
	return placeHeads[t[0].fold] && len(t) > 1 && headKind(t) == "" && !legalSuffixTok(t[len(t)-1]) && len(e.aliases) == 0
}

// capitalsPhrase reports whether a mention of three or more words in capitals holds a
// function word ("THE", "OF", "TO"): a slogan, a warning or a headline's words. A name
// the text writes only so is left out; one it also writes in mixed case is a name.
func capitalsPhrase(o *occurrence) bool {
	if len(o.toks) < 3 || !isAllCaps(o.text) {
		return false
	}
	return slices.ContainsFunc(o.toks, func(t token) bool { return stopwords[t.fold] })
}

// placeInDiscourse reports whether the text says plainly, once, that a name is a place
// ("in Supsa", "the terminal at Supsa", "to Tuzla, where…") and no mention of it acts or
// is said to be anything else: then "traders at Supsa said" is the same place, as a name
// keeps one sense in one article. A body's head noun, a legal suffix or a person's clue
// says otherwise.
func placeInDiscourse(e *entity) bool {
	t := e.full.toks
	if nameWords(t) > 3 || headKind(t) != "" || legalSuffixTok(t[len(t)-1]) || e.full.capital || knownKinds[e.key] != "" {
		return false
	}
	strong := false
	for _, o := range e.occs {
		if o.layout {
			continue
		}
		if o.person || o.appositive || o.who || o.described || (o.ctxKind != "" || o.speaks) && !o.employer && !o.loc {
			return false
		}
		strong = strong || o.placeSaid
	}
	return strong
}

// codeLike reports whether a name has a digit right after a lower-case letter: "Rp1,900",
// "Mk2". Such words are amounts and models, not who; the capitals-and-digits codes of
// groups ("E3", "M23", "G20") have no lower-case letter, and cells and models written so
// ("B2", "K-220") are read elsewhere. A mention that says what the name is still counts.
func codeLike(name string) bool {
	return flightCode(name) || afterLower(name, unicode.IsDigit)
}

// flightCode reports whether name is two capitals (or a capital and a digit) and three or
// four digits: a flight or a model's code ("KT417", "MH370"), never an actor's name.
func flightCode(name string) bool {
	if len(name) < 5 || len(name) > 6 {
		return false
	}
	for i, r := range name {
		switch {
		case i == 0 && (r < 'A' || r > 'Z'), i == 1 && (r < 'A' || r > 'Z') && (r < '0' || r > '9'), i >= 2 && (r < '0' || r > '9'):
			return false
		}
	}
	return true
}

// saysWhatItIs reports whether a mention in prose says what the name is or that it
// acts: a cue word or appositive, a "said"-type verb, a relative clause.
func saysWhatItIs(e *entity) bool {
	return slices.ContainsFunc(e.occs, func(o *occurrence) bool {
		return !o.layout && (o.ctxKind != "" || o.speaks || o.who || o.appositive || o.person)
	})
}

// onlyQualifies reports whether a lone word never stands as a noun of its own: each
// mention in prose qualifies the common noun after it ("the Bergamo maker", "a Wichita
// firm", "Kivu rebels") or is a place's. Such a word says where or whose, not who; a
// name that acts ("Bergamo said", "Valtra, the maker,") is a noun somewhere.
func onlyQualifies(e *entity) bool {
	n := 0
	for _, o := range e.occs {
		if o.layout {
			continue
		}
		if !((o.attrib || o.roleOf) && o.ctxKind == "" && !o.speaks && !o.described || o.loc) {
			return false
		}
		if o.attrib || o.roleOf {
			n++
		}
	}
	return n > 0
}

// unheard reports whether a lone word is named once and nothing around it says what it
// is or that it acts: no cue, no said-type verb, no other name joined to it, no kind its
// word gives. Capitals alone are no evidence of a name ("for Divadlo pod Dubňom", a
// fragment of a name of another language).
func unheard(e *entity) bool {
	if len(e.occs) != 1 {
		return false
	}
	o := e.occs[0]
	return o.ctxKind == "" && o.kind == "" && !o.speaks && !o.listed && !o.person && !o.who && !o.appositive && o.cellKind == "" && !o.sent && !o.described
}

// followers reports whether a word names the followers or people of a name: "Sadrist",
// "Tigrayans", "Peronist".
func (g *grouper) followers(key string) bool {
	return g.derived(key) || g.nameWords[strings.TrimSuffix(key, "s")] && strings.HasSuffix(key, "s") ||
		strings.HasSuffix(key, "ist") || strings.HasSuffix(key, "ists")
}

// bodyCell reports whether o is a table's cell of a club's, a party's or a company's
// column written in mixed case ("Harbour Rovers Kell" under CLUB): prose that names it by
// a short form ("Rovers beat…") gives the whole name from the cell.
func bodyCell(o *occurrence) bool {
	return o.layout && o.cellKind != "" && o.cellKind != app.Person && !isAllCaps(o.text) && len(o.toks) > 1
}

// personCell reports whether o is a table's cell of a person's column written in mixed
// case ("Aster Bekele" under ATHLETE).
func personCell(o *occurrence) bool {
	return o.layout && o.cellKind == app.Person && !isAllCaps(o.text) && len(o.toks) > 1
}

// countryAsPlace reports whether an occurrence of a state only places something: after a
// place word ("in", "across", but not "to" or "from": "linked to Israel", "demand from
// China" are dealings with the state), qualifying a role without the possessive ("Ghana
// coach", where "Japan's chief cabinet secretary" speaks for the state), as a person's
// nationality ("Norway's Sindre Haugen"), or where something someone owns is ("Hanbit's
// U.S. holding company").
func countryAsPlace(o *occurrence) bool {
	return o.loc && (!o.weakLoc || o.motion) || o.roleOf && !o.toks[len(o.toks)-1].poss || o.nationality || o.ownedAttrib
}

// speaksAsName reports whether a lone word that only starts sentences is still a name: a
// "said"-type verb follows it and it is not a plural or a mass noun. A singular common
// noun needs an article before it ("The company said"), so "Telkomsel said" or "Airbnb
// declined" can only be a name; "Analysts said", "Police said" are not.
func speaksAsName(e *entity) bool {
	if len(e.full.toks) != 1 || massNouns[e.key] || strings.HasSuffix(e.key, "s") && !strings.HasSuffix(e.key, "ss") ||
		roleModifiers[e.key] || roleWords[e.key] {
		return false
	}
	// A name joined by "and" to another name ("Meta and Snap declined"), or that a
	// relative clause with "which" describes ("Takeda, which makes…"), is one too.
	return slices.ContainsFunc(e.occs, func(o *occurrence) bool { return (o.speaks || o.listed) && !o.layout && !o.quoted })
}

// massNouns are plurals without an s and nouns that take no article: "People said",
// "Police said", "Staff said".
var massNouns = words(`people children women men police staff management security personnel
	media press clergy youth public military cattle folk`)

// personEvidence reports whether anything beyond its capitals says a name is a person's:
// a title or role, an appositive, a "said"-type verb, a particle, or a later mention by
// one of its words.
func (g *grouper) personEvidence(e *entity) bool {
	for _, o := range e.occs {
		if o.person || o.ctxKind == app.Person || o.key != e.full.key || o.described && len(o.toks) >= 2 {
			return true // "led by Ryder Halvorsen": described as the one who leads
		}
	}
	for _, t := range e.full.toks {
		if personParticles[t.fold] || hasParticlePrefix(t.text) || fathers[t.fold] {
			return true
		}
	}
	return firstNames[e.full.toks[0].fold] || len(e.full.toks) == 1 && initialThenName(e.full.toks[0].text)
}

// weakLocOnly is false when every place clue of e is a weak one (to, at, from): a first
// name overrides those, not "in" or "the city of".
func weakLocOnly(e *entity) bool {
	for _, o := range e.occs {
		if o.loc && !o.weakLoc {
			return true
		}
	}
	return false
}

// repeated reports whether running prose names e twice or more.
func repeated(e *entity) bool {
	n := 0
	for _, o := range e.occs {
		if !o.layout {
			n++
		}
	}
	return n >= 2
}

// derived reports whether a word is an adjective or demonym made from a place or from a
// name the article uses: "Tigrayans" from Tigray, "Sadrist" from Sadr.
func (g *grouper) derived(w string) bool {
	for _, suf := range []string{"ists", "ist", "ites", "ite", "ians", "ian", "ans", "an", "is", "i", "ese"} {
		stem, ok := strings.CutSuffix(w, suf)
		if !ok || len(stem) < 3 {
			continue
		}
		if regions[stem] || g.nameWords[stem] {
			return true
		}
		if _, ok := countryByForm[stem]; ok {
			return true
		}
	}
	return false
}

// doubtful says why a one-word short form of a non-person's name (key) should not be
// proposed as its alias, or "" when it may: the text uses it as a place ("at Gdansk" for
// the Gdansk Port Authority), writes it in lower case too, or uses it as an adjective
// before a common noun ("Veskaran riders" beside the Veskaran Cycling Federation).
func (g *grouper) doubtful(e *entity, key string) string {
	if e.person || e.country != nil || strings.Contains(key, " ") {
		return ""
	}
	if _, known := knownKinds[key]; known {
		return ""
	}
	// A place names an organisation by its first word: "Gdansk" of the Gdansk Port
	// Authority, "Leeds" of Leeds City Council.
	ft := e.full.toks
	placeWord := len(ft) > 1 && (stripArticle(ft[0].fold) == stripArticle(key) || stripArticle(ft[len(ft)-1].fold) == stripArticle(key))
	for _, o := range e.occs {
		if o.key != key || isAcronym(o.text) {
			continue
		}
		if placeWord && (o.loc && !o.weakLoc || o.capital) {
			return ReasonPlace
		}
		if o.shared {
			return ReasonShared
		}
	}
	if _, ok := countryByForm[key]; ok && placeWord {
		return ReasonPlace
	}
	if len(ft) > 1 && stripArticle(ft[len(ft)-1].fold) == stripArticle(key) && bodyHeadNouns[stripArticle(key)] && !isAcronym(key) {
		return ReasonHeadNoun // "Trust" of the Neithal Trust: what it is, not its name
	}
	if g.lower[key] {
		return ReasonCommon
	}
	if adjectival(e.occs, key) {
		return ReasonAdjective
	}
	return ""
}

// adjectival reports whether every mention of key alone stands before a lowercase noun
// and key ends like a demonym: "Veskaran riders", "Korean electronics maker".
//
// A word that the text only writes after a count and before a plural noun ("two Dene
// hunters", "three Rakhine villages") is such a modifier too, whatever its ending.
func adjectival(occs []*occurrence, key string) bool {
	n, counted := 0, 0
	for _, o := range occs {
		if o.key != key {
			continue
		}
		if !o.attrib || o.ctxKind != "" {
			return false
		}
		n++
		if o.counted {
			counted++
		}
	}
	return n > 0 && (demonymEnding(key) || counted == n)
}

func demonymEnding(w string) bool {
	for _, suf := range []string{"an", "ian", "ese", "ish", "i"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	return false
}

// wordsName reports whether a name of two words or more is made of English words only,
// none of them a given name: "Joint Operations Command", "Atlas Grove Investors".
func wordsName(toks []token) bool {
	return len(toks) >= 2 && !firstNames[toks[0].fold] && !virtueNames[toks[0].fold] && englishOnly(toks)
}

// suggestion writes the entity as a suggestion.
func (e *entity) suggestion(g *grouper) Suggestion {
	s := Suggestion{Name: e.full.text, Kind: e.kind(), First: -1, Sample: -1, Count: len(e.occs)}
	if s.Kind == app.Person && !g.personEvidence(e) {
		s.Kind = app.OtherKind // nothing says it is a person's: the user chooses
	}
	if s.Kind == app.Person && wordsName(e.full.toks) && !slices.ContainsFunc(e.occs, func(o *occurrence) bool { return o.person }) {
		// "Joint Operations Command said", "Open Door Trading said": a name made of
		// English words and no given name is a body's, whatever verb follows. Decided
		// here, not in kind(), so that keep still drops such a name when nothing but
		// its capitals speaks for it.
		s.Kind = app.Organisation
	}
	if e.full.layout {
		// "OSTRA MINING CORP" in a table, "Ostra Mining Corp" in the prose: the prose's.
		for _, o := range e.occs {
			if o.key == e.full.key && !o.layout {
				s.Name = o.text
				break
			}
		}
	}
	if e.country != nil {
		s.Name = e.country.name
	}
	if s.Kind == app.Media && !strings.HasPrefix(s.Name, "The ") && slices.ContainsFunc(e.occs, func(o *occurrence) bool {
		return o.the && o.key == e.full.key && o.pos >= 0
	}) {
		// "told The Hindu", "The Nation, Kenya's largest newspaper,": a newspaper's title
		// holds its "The".
		s.Name = "The " + s.Name
	}
	if (s.Kind == "" || s.Kind == app.OtherKind) && nameWords(e.full.toks) == 1 && !g.personEvidence(e) && e.country == nil {
		// A single word that nothing says is a person's: news names a person in full
		// first, so a lone name is most often an organisation's ("Deliveroo", "Lawson").
		s.Kind = app.Organisation
	}
	if i := slices.IndexFunc(e.occs, func(o *occurrence) bool { return o.cellKind != "" }); i >= 0 && e.country == nil {
		// A table's column says what its names are: PARTY "Reform UK", TEAM "Sporting
		// Cristal". It overrides a guess, not a first name or a head noun.
		k := e.occs[i].cellKind
		guess := s.Kind == "" || s.Kind == app.OtherKind || s.Kind == app.Organisation && k == app.Party ||
			s.Kind == app.Person && !firstNames[e.full.toks[0].fold]
		if guess && (k != app.Person || s.Kind != app.Organisation) {
			s.Kind = k
		}
	}
	if s.Kind == "" {
		s.Kind = app.OtherKind
	}
	seen := map[string]bool{app.Fold(s.Name): true}
	prose := map[string]bool{}
	for _, o := range e.occs {
		if !o.layout {
			prose[o.key] = true
		}
	}
	for _, o := range e.occs {
		if o.pos >= 0 && (s.First < 0 || o.pos < s.First) {
			s.First = o.pos
		}
		if o.pos >= 0 && !o.loc && !o.layout && (s.Sample < 0 || o.pos < s.Sample) {
			s.Sample = o.pos
		}
		if !seen[o.key] && !prose[o.key] {
			continue // a dateline's, a table's or a headline's form only
		}
		if !seen[o.key] {
			seen[o.key] = true
			if why := g.doubtful(e, o.key); why != "" {
				s.Withheld = append(s.Withheld, WithheldAlias{Alias: o.text, Reason: why})
				continue
			}
			s.Aliases = append(s.Aliases, o.text)
		}
	}
	for _, a := range e.aliases {
		if k := app.Fold(a); !seen[k] {
			seen[k] = true
			if utf8.RuneCountInString(strings.Trim(a, ".")) == 1 {
				// "Venstre (V)": a list's letter would link every "V" in the project.
				s.Withheld = append(s.Withheld, WithheldAlias{Alias: a, Reason: ReasonOneLetter})
				continue
			}
			s.Aliases = append(s.Aliases, a)
		}
	}
	if bare, ok := strings.CutPrefix(s.Name, "The "); ok && s.Kind == app.Media {
		// "Point" of The Point is a common word: linking it would link every point.
		s.Aliases = slices.DeleteFunc(s.Aliases, func(a string) bool { return a == bare })
	}
	if s.Sample < 0 {
		s.Sample = s.First // every prose mention is a place's, or only layout names it
	}
	return s
}

func appendNew(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}
