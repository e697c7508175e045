package suggest

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"dossier/app"
)

// occurrence is one place where the text names a candidate actor.
type occurrence struct {
	toks  []token
	text  string // as written, blanks collapsed
	key   string // folded text
	pos   int    // rune offset in the body; -1 in the title
	order int
	// datelineCity: the word is the city of the text's dateline ("RAUB, Pahang —").
	datelineCity bool

	kind    app.ActorKind // the kind this occurrence suggests; "" when it says nothing
	ctxKind app.ActorKind // the kind the words around it suggest: "the Hayastan bloc"
	person  bool          // a title, role or appositive says it is a person
	country *country      // the state it names, or whose capital it is
	capital bool          // it names a capital city
	sent    bool          // a single word at the start of a sentence
	father  string        // "bin", "ibn"… right before a single word: "bin Salman"
	roleOf  bool          // a lowercase role word follows: "São Paulo governor", "PUK spokesman"
	speaks  bool          // a "said"-type verb follows: "Telkomsel said", "Airbnb declined"
	listed  bool          // "and" and a name follow, or ", which": "Meta and Snap", "Takeda, which"
	which   bool          // a relative clause or an appositive follows its list: "Takeda, which"
	// stemPlace: the stem of "Singapore-listed", "Baghdad-based": where, not who.
	stemPlace bool
	cellKind  app.ActorKind // the kind a table's column header gives: "PARTY", "TEAM"
	// onPlatform: a network posted on: "wrote on Facebook", "posted to TikTok".
	onPlatform bool
	loc        bool // a place: "in Erbil", "the city of Manisa", "the Torkham border crossing"
	layout     bool // read in a table, an all-capitals line or a quoted slogan
	thing      bool // a number or a product word follows: "Atlas 9", "the KOSPI index"
	numbered   bool // "the" before, a number after: "the Haiyuan 606", a vessel or model, never its maker
	shared     bool // a short form two organisations' names could both own
	weakLoc    bool // loc only because of to, at or from right before it
	listPlace  bool // listed after a place: "in Pelalawan and Siak"
	// groupNoun: a noun before the name says it is a group, a charity or an NGO, not a
	// party, whatever party words the name holds: "consumer group Citizens' Coalition".
	groupNoun bool
	// agency: the name is in a dateline's brackets, a news agency's.
	agency bool
	// gazOnly: loc only because the places gazetteer has the word ("Mendoza"), no word
	// around it says so: a person's surname the text gives may still be it.
	gazOnly bool
	// instance: "a"/"an" before a lone word: one of a kind of things ("a Superclásico").
	instance bool
	// appositive: ctxKind was read from an appositive after the name: "Council of State,
	// the country's highest administrative court,".
	appositive bool
	// the: a capitalised "The" stands right before it.
	the bool
	// who: ", who" follows: "Bekele, who led until 35 km".
	who bool
	// described: a word before it says what it is to another ("rival Aerolux", "partner
	// Vexor"), which is evidence of a name though not of its kind.
	described bool
	// counted: attrib after a count: "two Dene hunters".
	counted bool
	// product: the text says what the name is, a thing: "its encryption software,
	// VireoLock", "a loader known as GreyMoth".
	product bool
	// motion: the weak place word follows a word of movement ("flew to", "operate from"):
	// a place for a state or a lone word; a given name still overrides it.
	motion  bool
	quoted  bool     // inside quotation marks
	attrib  bool     // one word right before a lowercase word: "Veskaran riders"
	aliases []string // forms the text gives explicitly: "(KDP)", "known as Hemedti"
	// nationality: a state's possessive right before a person's name: "Norway's Sindre
	// Haugen" says where she is from; "Paraguay's Supreme Court" is the state's own body.
	nationality bool
	// employer: people "at" or "from" it come before it: "analysts at Brightwater",
	// "traders at Supsa" (a firm or a place: other mentions decide).
	employer bool
	// placeSaid: the words around say plainly it is a place: "in Supsa", "the terminal at
	// Supsa", "the town of Dhobley", "to Tuzla, where…".
	placeSaid bool
	// ownedAttrib: attrib right after a possessive: "Hanbit's U.S. holding company".
	ownedAttrib bool
	// possPlace: a state's possessive before what only says where something is ("South
	// Korea's third-largest chipmaker"), not before what the state owns or does.
	possPlace bool
	// owner: the possessive right before the name, folded: "kenya's" of "Kenya's Defence
	// Ministry". Two bodies with different owners are two bodies.
	owner string
}

// scanner walks one text's tokens and collects its occurrences.
type scanner struct {
	toks  []token
	title bool
	out   []*occurrence
	// stemLoc is set while the stem of "Baghdad-based" is read: it says where, not who.
	stemLoc bool
	// cells are the folded texts of the table cells: a run that is one is one name.
	cells map[string]bool
	// wholeNames are names holding "and" that a party noun showed to be one name.
	wholeNames map[string]bool
	// roleQualifier is set while the words before a title are read.
	roleQualifier bool
	// agency is the token range of the brackets of a dateline: a news agency's name.
	agency [2]int
	// alone are the folded capitalised words the text writes as a name of one word
	// somewhere, with no capitalised word or joiner on either side and not opening a
	// sentence: evidence that the word is a name by itself.
	alone map[string]bool
	// solo counts the one-word names the text writes between words that are no name's
	// ("and Komeito,", "Komeito's local"), sentences' first words too.
	solo map[string]int
	// lower are the folded words the text writes in lower case somewhere (lowerWords),
	// read when first needed.
	lower map[string]bool
}

// commonWord reports whether the text writes w in lower case somewhere or w names a
// portfolio ("energy", "ethics"): a common word, not a name of its own.
func (s *scanner) commonWord(w string) bool {
	if s.lower == nil {
		s.lower = lowerWords(s.toks)
	}
	return s.lower[w] || roleModifiers[w] && !connectors[w]
}

// aloneWords returns the scanner's alone set for toks.
func aloneWords(toks []token) map[string]bool {
	m := map[string]bool{}
	for k, t := range toks {
		if !isNameToken(t) || t.sent || t.layout {
			continue
		}
		if k > 0 && (isNameToken(toks[k-1]) && !(toks[k-1].sent && stopwords[toks[k-1].fold]) || isJoiner(toks[k-1])) ||
			k+1 < len(toks) && (isNameToken(toks[k+1]) || isJoiner(toks[k+1])) {
			continue // "A Maersk spokesperson" is alone; "Maersk and Mediterranean" is not
		}
		m[t.fold] = true
	}
	return m
}

// soloWords counts the name words of toks that stand alone, with no name word beside
// them: what s.solo holds.
func soloWords(toks []token) map[string]int {
	m := map[string]int{}
	for k, t := range toks {
		if !isNameToken(t) || t.layout || k > 0 && isNameToken(toks[k-1]) && !toks[k-1].poss || k+1 < len(toks) && isNameToken(toks[k+1]) && !t.poss {
			continue
		}
		m[t.fold]++
	}
	return m
}

// scan appends the occurrences found in toks to out.
func scan(toks []token, title bool, out []*occurrence) []*occurrence {
	return scanCells(toks, title, out, nil)
}

// scanCells is scan with the texts of the text's table cells, folded (see markLayout).
func scanCells(toks []token, title bool, out []*occurrence, cells map[string]bool) []*occurrence {
	s := &scanner{toks: toks, title: title, out: out, cells: cells, wholeNames: map[string]bool{}, alone: aloneWords(toks), solo: soloWords(toks)}
	for i := 0; i < len(toks); {
		t := toks[i]
		if t.kind != tWord {
			i++
			continue
		}
		if t.para && !title {
			if end := s.dateline(i); end > i {
				i = end
				continue
			}
		}
		if !isNameToken(t) {
			i++
			continue
		}
		i = s.run(i)
	}
	if !title {
		s.partyLists(len(out))
	}
	return s.out
}

// partyLists gives the party's kind to the names listed with a party ("the Harbour
// League, Green Dawn and the Moor Party"; "formed by the Social Radicals and Open
// Veskar") when nothing else says what they are and their words are common words of
// the text or a state's name, as no person's name is: a list joins names of one kind.
// It reads the occurrences s.out[from:] the body gave.
func (s *scanner) partyLists(from int) {
	occs := s.out[from:]
	at := make(map[int]int, len(s.toks)) // rune start → token index
	var lower map[string]bool
	for k, t := range s.toks {
		at[t.start] = k
	}
	// joinedTo reports whether only commas, "and", "or", "the" and names in brackets
	// stand between the occurrences a and b.
	joinedTo := func(a, b *occurrence) bool {
		i, ok1 := at[a.toks[len(a.toks)-1].start]
		j, ok2 := at[b.toks[0].start]
		if !ok1 || !ok2 || j <= i+1 || j > i+12 {
			return false
		}
		depth, joiner := 0, false
		for k := i + 1; k < j; k++ {
			t := s.toks[k]
			switch {
			case t.text == "(":
				depth++
			case t.text == ")":
				depth = max(depth-1, 0) // also the bracket a name in it before opened
			case depth > 0:
			case t.text == "," || t.fold == "and" || t.fold == "or":
				joiner = true
			case t.fold == "the":
			default:
				return false
			}
		}
		return joiner && depth == 0
	}
	for start := 0; start < len(occs); {
		end := start + 1
		for end < len(occs) && (inBrackets(s.toks, at, occs[end]) || joinedTo(occs[end-1], occs[end])) {
			end++
		}
		list := occs[start:end]
		start = end
		if len(list) < 2 {
			continue
		}
		media, party := listKinds(list)
		if media {
			s.mediaList(list, at)
			continue
		}
		if !party {
			continue
		}
		if lower == nil {
			lower = lowerWords(s.toks)
		}
		for _, o := range list {
			if o.country != nil || o.person || o.ctxKind != "" || headKind(o.toks) != "" || knownKinds[o.key] != "" ||
				firstNames[o.toks[0].fold] || inBrackets(s.toks, at, o) {
				continue
			}
			if slices.ContainsFunc(o.toks, func(t token) bool { return lower[t.fold] || stopwords[t.fold] || isCountryTok(t) }) {
				o.ctxKind, o.kind = app.Party, app.Party
			}
		}
	}
}

// listKinds reports whether a newsroom's or a party's head noun ends a name of the list.
func listKinds(list []*occurrence) (media, party bool) {
	for _, o := range list {
		switch headKind(o.toks) {
		case app.Media:
			media = true
		case app.Party:
			party = true
		}
	}
	return media, party
}

// mediaList gives a newsroom's kind to the titles listed with one ("the Kano Herald, the
// Delta Ledger and Le Courrier du Sahel") when nothing else says what they are: titles
// of two words or more after "the", or opening with another language's article.
func (s *scanner) mediaList(list []*occurrence, at map[int]int) {
	for _, o := range list {
		// ("which" after a list speaks of bodies; it says no more than the list)
		if o.country != nil || o.person || o.ctxKind != "" && o.ctxKind != app.Organisation || headKind(o.toks) != "" || knownKinds[o.key] != "" ||
			len(o.toks) < 2 || firstNames[o.toks[0].fold] || inBrackets(s.toks, at, o) {
			continue
		}
		k, ok := at[o.toks[0].start]
		if ok && k > 0 && s.toks[k-1].fold == "the" || len(o.toks) >= 3 && foreignArticles[o.toks[0].fold] {
			o.ctxKind, o.kind = app.Media, app.Media
		}
	}
}

// foreignArticles open the titles of newspapers of other languages: "Le Monde", "El País".
var foreignArticles = words(`le la les el il lo der die das het`)

// inBrackets reports whether o is written right after "(".
func inBrackets(toks []token, at map[int]int, o *occurrence) bool {
	k, ok := at[o.toks[0].start]
	return ok && k > 0 && toks[k-1].text == "("
}

// dateline returns the index after the dateline that starts the paragraph at i
// ("BAGHDAD —", "ERBIL, Iraq —", "PORT SUDAN —"), or i when there is none.
func (s *scanner) dateline(i int) int {
	j := i
	for j < len(s.toks) && s.toks[j].kind == tWord && isAllCaps(s.toks[j].text) {
		j++
	}
	if j == i || j >= len(s.toks) {
		return i
	}
	// Up to a dash on the same line, within a few tokens: "ERBIL, Iraq (Reuters) —",
	// "ANTOFAGASTA, Chile, June 9 (Andina Press) —". The agency in brackets is read.
	bracket := -1
	for k := j; k < len(s.toks) && k < j+16; k++ {
		switch t := s.toks[k]; {
		case t.kind == tBreak:
			return i
		case t.kind == tPunct && t.text == "(":
			bracket = k
		case t.kind == tPunct && (t.text == "—" || t.text == "–" || t.text == "-"):
			if k+1 < len(s.toks) {
				s.toks[k+1].sent = true
			}
			if bracket > 0 {
				s.agency = [2]int{bracket + 1, k}
				s.lowercaseAgency(bracket+1, k)
				return bracket + 1
			}
			return k + 1
		}
	}
	return i
}

// lowercaseAgency adds an agency that writes its name in lower case, alone or first in
// the dateline's brackets that open at toks[a] and close before the dash at toks[dash]:
// "SARAJEVO, Oct 14 (dpa) -", "(dpa/IRNA)". Its name is known as a newsroom's.
func (s *scanner) lowercaseAgency(a, dash int) {
	t := s.toks[a]
	// "(dpa)" alone, or first of two newsrooms: "(dpa/IRNA)".
	if a+1 >= dash || s.toks[a+1].text != ")" && s.toks[a+1].text != "/" || t.kind != tWord || !unicode.IsLower(firstRune(t.text)) || !mediaCues[t.fold] {
		return
	}
	s.add(&occurrence{toks: s.toks[a : a+1], kind: app.Media, ctxKind: app.Media}, a, a+1)
}

// run reads the run of name words that starts at i, records its occurrences and returns
// the index after it.
func (s *scanner) run(i int) int {
	j, done := s.runEnd(i)
	if done >= 0 {
		return done
	}
	return s.readRun(i, j)
}

// keptLast reports whether toks[end-1] may end the name that toks[i] opens: a name's word,
// a legal suffix in lower case ("a.s."), a local's number, or the "uulu" or "kyzy" that
// closes a Turkic name after the father's ("Aibek Toktogul uulu").
func keptLast(toks []token, i, end int) bool {
	t := toks[end-1]
	return isNameToken(t) || isLowerSuffix(t.text) || numberedUnit(toks, end-1, i) ||
		end-i >= 3 && patronymEnds[t.fold] && isNameToken(toks[end-2])
}

// numberedUnit reports whether toks[k] is the number of a union's local, a lodge or a
// tribunal that the run toks[i:k] names: "Teamsters Local 1104", "Election Tribunal No.
// 3", "Capital City Lodge No. 9".
func numberedUnit(toks []token, k, i int) bool {
	if k-1 < i || k < 1 || strings.Trim(toks[k].text, "0123456789") != "" || !toks[k].space {
		return false
	}
	w := toks[k-1].fold
	if k-1 == i {
		return w == "local" // "Local 49", a union's local named alone
	}
	if w == "of" && k >= 2 && toks[k-2].fold == "group" {
		return true // "Group of 20"
	}
	return w == "local" || w == "no" && toks[k-1].abbr || w == "number" || w == "lodge" || w == "branch"
}

// purposeList reports whether the comma at toks[j] goes on the objects of a body's
// purpose named in the run toks[i:j]: "Global Fund to Fight AIDS, Tuberculosis and
// Malaria".
func (s *scanner) purposeList(i, j int) bool {
	for k := i + 1; k < j; k++ {
		if purposeTo(s.toks, k, i) {
			return s.commaList(j)
		}
	}
	return false
}

// purposeTo reports whether "to" at toks[k] joins a body's head noun to the capitalised
// verb and object of its purpose, one name: "Committee to Protect Journalists",
// "National Network to End Domestic Violence".
func purposeTo(toks []token, k, start int) bool {
	if k <= start || k+2 >= len(toks) || toks[k].text != "to" || !isNameToken(toks[k+1]) || !isNameToken(toks[k+2]) || !toks[k+2].space {
		return false
	}
	head := toks[k-1].fold
	k1 := toks[k+1].fold
	return cueKind(head) != "" && cueKind(head) != app.Person && !isCountryTok(toks[k+1]) && !places[k1] && !firstNames[k1] &&
		!dateWords[k1] && cueKind(k1) == "" && !isAcronym(toks[k+1].text)
}

// partnersList reports whether the comma at toks[j] joins the surnames of a firm's
// partners: "Aluko, Fashola & Okoye", "Sethi, Bose & Partners" — one surname before it,
// one after it, then "&" and a last name or "Partners"; no state among them. Only the
// first may not be a given name: people listed go by their first names ("Ana, Rui &
// Eva"), while a partner's surname may be one elsewhere ("Baker, Lin & Whitmore").
func partnersList(toks []token, i, j int) bool {
	if j > i+1 && (toks[j-2].fold == "of" || toks[j-2].fold == "at" || toks[j-2].fold == "and") {
		i = j - 1 // "Rodrigo Saldaña of Quintero, Saldaña & Asociados": the firm after "of" (or "and")
	}
	if j == i+2 && lawOfficeWords[toks[i].fold] {
		i++ // "Bufete Molins, Roig y Asociados": a law office's word, then its partners
	}
	if j != i+1 || j+3 >= len(toks) || !isNameToken(toks[j+1]) || !isNameToken(toks[j+3]) || firstNames[toks[i].fold] {
		return false
	}
	if toks[j+2].text != "&" && !(andWords[toks[j+2].fold] && firmMates[toks[j+3].fold]) {
		return false // "Molins, Roig y Asociados": a word for "and" only before the partners' word
	}
	for _, k := range []int{i, j + 1, j + 3} {
		if isCountryTok(toks[k]) || !toks[k].space && k > i {
			return false
		}
	}
	// A comma after the last name ends a list of people ("Ana, Rui & Eva, who…"), not a
	// firm whose last word says it is one ("Petkov, Ilieva & Partners, which…") or one
	// of surnames only.
	return j+4 >= len(toks) || toks[j+4].text != "," || firmMates[toks[j+3].fold] || legalSuffixTok(toks[j+3]) ||
		!firstNames[toks[j+1].fold] && !firstNames[toks[j+3].fold] // "Quintero, Batista & Moreno, its lawyers": surnames only
}

// lawOfficeWords open a law firm's name in Spanish, Portuguese, French and German.
var lawOfficeWords = words(`bufete despacho estudio escritório escritorio cabinet kanzlei`)

// andWords are "and" in the languages firms of partners are named in.
var andWords = words(`and y e et und`)

// firmMates end the names of firms of partners: "… & Partners", "… & Asociados", "… & Co".
var firmMates = words(`partners partner associates associados asociados associati associés rekan kollegen sons
	brothers co company advogados abogados avocats cia`)

// runEnd returns the index after the words of the run that starts at i. done is the index
// to go on from when the run was read already (a pair of states, a stem: "Iran-backed"),
// else -1.
func (s *scanner) runEnd(i int) (j, done int) {
	toks := s.toks
	for j = i; j < len(toks); {
		t := toks[j]
		if t.text == "," && j > i && (s.portfolioList(i, j) || commaSuffix(toks, j) || partnersList(toks, i, j) || s.purposeList(i, j)) {
			// "Ministry of Information, Communications and the Digital Economy"; "Banco
			// Norte de Fomento, S.A.": the suffix after a comma is the name's.
			j++
			continue
		}
		if t.kind != tWord && !(t.text == "&" && j > i && isJoiner(t)) || (j > i && !t.space) {
			break
		}
		if cs := countryPair(t); cs != nil && j == i {
			// "the Israel-Iran war", "Russia-Ukraine talks": the states, not one name.
			for _, c := range cs {
				s.add(&occurrence{toks: []token{c.tok}, country: c.c, kind: app.State}, j, j+1)
			}
			return j, j + 1
		}
		if stem, ok := modifierStem(t); ok {
			return j, s.stemRun(i, j, stem)
		}
		if !isNameToken(t) && !isJoiner(t) && !purposeTo(toks, j, i) && !numberedUnit(toks, j, i) && !(j > i && toks[j-1].text == "," && isLowerSuffix(t.text)) &&
			!orInRemit(toks, i, j) {
			break
		}
		if j > i && toks[j-1].abbr && utf8.RuneCountInString(toks[j-1].text) == 2 && stopwords[t.fold] && !particles[t.fold] {
			toks[j].sent = true
			break // "wrote on X. Her party…": the dot ended a sentence
		}
		j++
		if t.poss && !s.possContinues(j) {
			if j-3 > i && toks[j-2].fold == "of" && isCountryTok(t) && s.stateBodyAfter(j) {
				return j - 2, -1 // "General Security Service of Syria's Interior Ministry": the service, then the state's ministry
			}
			break
		}
		if j-i >= 2 && legalSuffixTok(t) && isNameToken(t) && (j == len(toks) || !legalSuffixTok(toks[j])) && !s.stateInAcronym(i, j) {
			break // "Brenner Antriebstechnik GmbH of Stuttgart": the registered name ends there
		}
	}
	return j, -1
}

// stateInAcronym reports whether "of" and a state after the firm's word that ends
// toks[i:j] belong to its name, because the acronym in brackets after them spells the
// whole: "Asset Management Corporation of Nigeria (AMCON)".
func (s *scanner) stateInAcronym(i, j int) bool {
	toks := s.toks
	return j+1 < len(toks) && toks[j].fold == "of" && isCountryTok(toks[j+1]) && s.acronymAfter(j+2) &&
		initialsMatch(stripLeadingArticle(toks[i:j+2]), toks[j+3].text)
}

// commaSuffix reports whether the comma at toks[k] sets off a legal suffix written with
// dots that ends the name before it ("Orvana Holdings, SGPS, S.A.", "…de Fomento, S.A.").
func commaSuffix(toks []token, k int) bool {
	if k+1 >= len(toks) || k == 0 || toks[k-1].kind != tWord || legalSuffixTok(toks[k-1]) {
		return false
	}
	n := toks[k+1]
	if n.kind != tWord || !n.space {
		return false
	}
	if unicode.IsLower(firstRune(n.text)) {
		return strings.Contains(n.text, ".") && isLowerSuffix(n.text) // "ČD Cargo, a.s."
	}
	if isAllCaps(n.text) && !strings.Contains(n.text, ".") {
		// "…do Sorraia, CRL": a suffix in capitals, the name's last word.
		return legalSuffixTok(n) && utf8.RuneCountInString(n.text) >= 3 && (k+2 >= len(toks) || !isNameToken(toks[k+2]))
	}
	if degreeAfterPerson(toks, k) {
		return false // "Baiq Nurmala Dewi, S.E.": her degree, not a company's form
	}
	if n.text == "S.C." {
		return partnersBefore(toks, k) // "Ríos, Santoyo & Escalante, S.C.", never "Columbia, S.C."
	}
	if !n.abbr && !strings.Contains(n.text, ".") && utf8.RuneCountInString(n.text) >= 3 && abbreviations[n.fold] && legalSuffixTok(n) {
		// "Mussulo Offshore Serviços, Lda, the vessel's owner": an abbreviated form
		// without its dot, the name's last word.
		return k+2 >= len(toks) || !isNameToken(toks[k+2])
	}
	return unicode.IsUpper(firstRune(n.text)) && strings.Contains(n.text, ".") && legalSuffixTok(n)
}

// partnersBefore reports whether the name that ends before toks[k] is a partnership's: an
// ampersand or a partners' word within its last five words ("… & Escalante", "… Abogados").
func partnersBefore(toks []token, k int) bool {
	for j := k - 1; j >= 0 && j >= k-5 && (toks[j].kind == tWord || toks[j].text == "&" || toks[j].text == ","); j-- {
		if toks[j].text == "&" || firmMates[toks[j].fold] {
			return true
		}
	}
	return false
}

// degreeAfterPerson reports whether the comma at toks[k] sets off an academic degree
// written with dots after a person's name ("…, S.E.", "…, S.H.", "…, M.Si."), as Indonesian
// names are written: a given name opens the name before it.
func degreeAfterPerson(toks []token, k int) bool {
	if k+1 >= len(toks) || !academicDegrees[strings.ReplaceAll(toks[k+1].fold, ".", "")] || !strings.Contains(toks[k+1].text, ".") {
		return false
	}
	for j := k - 1; j >= 0 && j >= k-4 && isNameToken(toks[j]); j-- {
		if firstNames[toks[j].fold] {
			return true
		}
	}
	return false
}

// academicDegrees are degrees written after a name with dots: S.E., S.H., M.Si., M.M.
var academicDegrees = words(`se sh st spd sip sos ssos msi mm mh mpd mt msc mba ma`)

// stemRun reads the word at toks[j] that is a stem and a suffix ("Iran-backed",
// "Baghdad-based") in the run that starts at i: it returns the index to go on from, or -1
// when the run ends before the word, which starts a run of its own.
func (s *scanner) stemRun(i, j int, stem string) int {
	toks := s.toks
	t := toks[j]
	if j > i && placeSuffixes[strings.ToLower(t.text[len(stem)+1:])] {
		// "a Dar es Salaam-based group": the words before the stem are the same
		// place's name, back to a connector: "Oxfam and the Suva-based network" names
		// Oxfam before it.
		from := i
		for k := j - 1; k >= i; k-- {
			if connectors[toks[k].fold] {
				s.split(i, k)
				from = k + 1
				break
			}
		}
		s.stemLoc = true
		s.segmentTrim(from, j)
		s.stemLoc = false
		return j
	}
	if j > i {
		return -1 // the stem starts a run of its own
	}
	// "Iran-backed", "U.S.-led": the stem is a name; the run ends with it.
	st := t
	st.text, st.end = stem, t.start+utf8.RuneCountInString(stem)
	st.fold = app.Fold(stem)
	s.stemLoc = placeSuffixes[strings.ToLower(t.text[len(stem)+1:])]
	s.segment([]token{st}, j, j+1)
	s.stemLoc = false
	return j + 1
}

// readRun records the occurrences of the run s.toks[i:j] and returns the index after it:
// a lower-case legal suffix or another language's name may extend it, a thing's name or
// a state's is read as such, any other is split into names.
func (s *scanner) readRun(i, j int) int {
	toks := s.toks
	// "Chatterbox Holdings plc": a legal suffix in lower case ends the name.
	if j > i && j < len(toks) && toks[j].kind == tWord && toks[j].space && unicode.IsLower(firstRune(toks[j].text)) &&
		isLowerSuffix(toks[j].text) && isNameToken(toks[j-1]) {
		j++
	} else if k := lowerWordsThenSuffix(toks, j); j-i <= 2 && k > j {
		s.segment(toks[i:k], i, k) // "Moravská nákladní doprava a.s.": one name
		return k
	}
	if close, ok := s.bracketedTranslation(i, j); ok {
		return close
	}
	k := romanceNameGoesOn(toks, i, j)
	if k == j {
		k = s.lowercaseName(i, j)
	}
	if k > j {
		if isArticle(toks[i].text) {
			i++ // without "The"
		}
		s.segment(toks[i:k], i, k)
		return k
	}
	// Joiners do not end a name: "the Bank of" → "the Bank".
	end := j
	for end > i && !keptLast(toks, i, end) {
		end--
	}
	if end == i {
		return max(j, i+1)
	}
	if thingAfter(toks, end) && !hasOrgCue(toks[i:end]) {
		return end // "the Heart of Sarajevo award", "the Quillon Halo headset": a thing's name
	}
	from := i
	if isArticle(toks[i].text) && end-i > 2 {
		from = i + 1 // "The Democratic Republic of Congo has refused…"
	}
	if c, ok := countryForm(s.textOf(toks[from:end])); ok && end-from > 1 {
		s.add(&occurrence{toks: toks[from:end], country: c, kind: app.State}, from, end) // "Bosnia and Herzegovina"
		return end
	}
	s.split(i, end)
	return max(end, i+1)
}

// bracketedTranslation reads a run in brackets right after a name that gives the name in
// another language ("People First (Fólkið fyrst)"): the bracket names it whole. It returns
// the index of the closing bracket.
func (s *scanner) bracketedTranslation(i, j int) (int, bool) {
	toks := s.toks
	open := i - 1
	if open >= 1 && toks[open].text == "the" {
		open-- // "(the Left Party)"
	}
	if open < 1 || toks[open].text != "(" || !isNameToken(toks[open-1]) {
		return 0, false
	}
	_, close, ok := translationAt(toks, open)
	if !ok || close <= j {
		return 0, false
	}
	n := len(s.out)
	if toks[close-2].text == "," {
		s.segment(toks[i:close-2], i, close-2) // "(Prawo i Sprawiedliwość, PiS)": the name, then its acronym
		s.segment(toks[close-1:close], close-1, close)
	} else if toks[close-3].text == "," && toks[close-2].fold == "or" {
		s.segment(toks[i:close-3], i, close-3) // "(Ertiani Natsionaluri Modzraoba, or UNM)"
		s.segment(toks[close-1:close], close-1, close)
	} else {
		s.segment(toks[i:close], i, close)
	}
	for _, o := range s.out[n:] {
		if o.kind == app.Person && !o.person && !firstNames[o.toks[0].fold] {
			o.kind = "" // its words' shape says nothing; the name it translates does
		}
	}
	return close, true
}

// possContinues reports whether a name goes on after a possessive: "Republican People's
// Party" does, "Turkey's foreign ministry" does not.
func (s *scanner) possContinues(j int) bool {
	if j+1 < len(s.toks) && s.toks[j].fold == "of" && isNameToken(s.toks[j+1]) && j >= 1 {
		// "Lloyd's of London": a possessive name with its complement; not "Turkey's of".
		prev := s.toks[j-1]
		_, country := countryByForm[prev.fold]
		_, capital := capitalOf[prev.fold]
		return !country && !capital && !places[prev.fold] && !firstNames[prev.fold]
	}
	if j >= len(s.toks) || !isNameToken(s.toks[j]) || !s.toks[j].space {
		return false
	}
	prev := s.toks[j-1]
	if _, ok := countryByForm[prev.fold]; ok {
		return false // "Afghanistan's Taliban"
	}
	if j >= 2 && isCountryText(s.toks[j-2].text+" "+prev.text) {
		return false // "the United States' Office of Foreign Assets Control"
	}

	if _, ok := capitalOf[prev.fold]; ok {
		return false
	}
	if places[prev.fold] || j >= 3 && s.toks[j-2].kind == tWord && places[app.Fold(s.toks[j-2].text+" "+prev.text)] {
		return false // "British Columbia's Ministry of Mining": a place's body
	}
	if !possNouns[prev.fold] && !strings.HasSuffix(prev.text, "s") && !strings.HasSuffix(prev.fold, "men") {
		// "Turkey's Foreign Ministry", "Bolsonaro's Liberal Party" end at the possessive;
		// "Public Defender's Office", one head noun after it, goes on.
		// A head noun with a complement of its own ("Ontario's Ministry of Energy") is
		// the body's whole name.
		// So is a Romance head with its lower-case complement ("Quebec's Agence du revenu").
		t, next := s.toks[j], token{}
		if j+1 < len(s.toks) {
			next = s.toks[j+1]
		}
		return cueKind(t.fold) != "" && (next.text == "" || !next.space ||
			!isNameToken(next) && !connectors[next.fold] && !romanceJoiners[next.fold] && !(romanceHeads[t.fold] && romanceAdjective(next.text)))
	}
	if j >= 2 && s.toks[j-2].fold == "of" && headBefore(s.toks, j-1) && singularHeadAhead(s.toks, j) {
		return false // "House of Commons' Standing Committee": the body's, then its own body
	}
	for k := j; k < len(s.toks) && k < j+5 && s.toks[k].kind == tWord && isNameToken(s.toks[k]); k++ {
		// "Seamen's Independent Union", "Parents' Associations", "Peoples' Rights"
		if w := s.toks[k].fold; cueKind(w) != "" || cueKind(strings.TrimSuffix(w, "s")) != "" || rightsWords[w] {
			return true
		}
		if s.toks[k].poss {
			break
		}
	}
	return false
}

// stateBodyAfter reports whether a state's body's name, ending in its head noun, follows
// a state's possessive at toks[j-1] ("Syria's Interior Ministry"): whatever was "of" the
// state before it belongs to that body, not to the state's name.
func (s *scanner) stateBodyAfter(j int) bool {
	k := j
	for k < len(s.toks) && k < j+4 && isNameToken(s.toks[k]) && s.toks[k].space {
		k++
	}
	return k > j && govCues[s.toks[k-1].fold]
}

// headBefore reports whether the name that ends with the possessive at toks[p] already
// holds a body's head noun within five words before it ("House of Commons'").
func headBefore(toks []token, p int) bool {
	for k := p; k >= 0 && k > p-6 && toks[k].kind == tWord && (isNameToken(toks[k]) || connectors[toks[k].fold]); k-- {
		if k < p && cueKind(toks[k].fold) != "" {
			return true
		}
	}
	return false
}

// singularHeadAhead reports whether a body's head noun in the singular comes within the
// five name words from toks[j]: a body of its own ("Standing Committee"), not the rest of
// one name ("Peoples' Rights", "Parents' Associations").
func singularHeadAhead(toks []token, j int) bool {
	for k := j; k < len(toks) && k < j+5 && toks[k].kind == tWord && isNameToken(toks[k]); k++ {
		if cueKind(toks[k].fold) != "" {
			return true
		}
	}
	return false
}

// split cuts the run toks[i:end] at the joiners that do not belong inside a name ("Japan
// and Australia" is two names, "Justice and Development Party" one) and at possessives.
func (s *scanner) split(i, end int) {
	if s.cellWritesWhole(i, end) {
		return
	}
	toks := s.toks
	e := end
	for e > i && connectors[toks[e-1].fold] {
		e-- // "Save the Children and" before a place stem
	}
	if _, known := knownKinds[app.Fold(s.textOf(toks[i:e]))]; known && e-i > 2 {
		s.segmentTrim(i, e) // "Save the Children", "Doctors of the World": a known name stays whole
		return
	}
	if e-i > 3 && isCountryTok(toks[e-1]) && knownKinds[app.Fold(s.textOf(toks[i:e-1]))] != "" {
		s.segmentTrim(i, e) // "Friends of the Earth Norway": a known body's branch in a state
		return
	}
	start := i
	// A connector was kept, or a word before the run says what it names ("environmental
	// group Friends of the Earth"): the name is an organisation's, "of" may follow.
	inName := precedeCues[wordBefore(toks, i)] != ""
	list := false // a comma of a portfolio list is inside the run
	for k := i; k < end; k++ {
		t := toks[k]
		w := t.fold
		cut := false
		switch {
		case t.poss && k+1 < end:
			// possContinues let the run go on: keep it whole.
		case isNameToken(t) || particles[w] && !connectors[w] || w == "&" || isLowerSuffix(t.text):
			continue
		case t.text == ",":
			list = true // a portfolio list the run let in: one name
			continue
		case w == "the":
			cut = s.cutAtThe(start, k, end, inName, list)
		case w == "and":
			cut = s.cutAtAnd(start, k, end, inName, list)
		case w == "to":
			cut = !purposeTo(toks, k, start) // "Committee to Protect Journalists"
			inName = inName || !cut          // its remit goes on: "… to Investigate Allegations of Bribery"
		case w == "or" && orInRemit(toks, start, k):
			continue
		case numberedUnit(toks, k, start):
			continue // "Teamsters Local 1104"
		default: // of, for, on, in
			cut = s.cutAtPreposition(start, k, end, inName)
		}
		if !cut && connectors[w] {
			inName = true
		}
		if cut {
			s.segmentTrim(start, k)
			start, inName = k+1, false
		}
	}
	s.segmentTrim(start, end)
}

// cellWritesWhole segments toks[i:end] as a table's cell writes it, if one does: "Brothers
// of Italy" whole, or "Agronomist Ada Lind won…" without the sentence's first word, which
// describes her.
func (s *scanner) cellWritesWhole(i, end int) bool {
	if len(s.cells) == 0 || end-i <= 2 {
		return false
	}
	if s.cells[app.Fold(s.textOf(s.toks[i:end]))] {
		s.segmentTrim(i, end)
		return true
	}
	if s.toks[i].sent && s.cells[app.Fold(s.textOf(s.toks[i+1:end]))] {
		s.segmentTrim(i+1, end)
		return true
	}
	return false
}

// cutAtThe reports whether "the" at toks[k] starts a new name: after a word that does not
// join names, or after "and" outside a portfolio list ("Committee on Finance and the State
// Budget" stays one; "the Ministry of Finance and the Central Bank of Oravia" is two).
func (s *scanner) cutAtThe(start, k, end int, inName, list bool) bool {
	toks := s.toks
	prev := toks[k-1].fold
	if k-start >= 2 && gerundObject(toks, k) {
		return false // "Fund for Saving the Aral Sea": the verb's object is in the name
	}
	// "Ministry of Culture, Sports and Tourism and the Korea Creative Content Agency": a
	// list's own "and" came already; this one joins another name.
	cut := !connectors[prev] || prev == "the" || prev == "and" && (!list || slices.ContainsFunc(toks[start:k-1], func(t token) bool { return t.fold == "and" }))
	if !cut || prev != "and" || !inName {
		return cut
	}
	right := nameAfter(toks, k+1, end)
	if k+1+len(right) == end && regionPair(toks[start:k-1], right) {
		return false // "Economic Commission for Latin America and the Caribbean": the regions it serves
	}
	return !(bodyComplements(toks[start:k-1], right) &&
		!slices.ContainsFunc(right, func(t token) bool { return cueKind(t.fold) != "" }) &&
		(k+1+len(right) == end || !connectors[toks[k+1+len(right)].fold]))
}

// gerundObject reports whether "the" at toks[k] follows a capitalised verb in -ing right
// after of or for ("Society for Protecting the Wetlands", "Campaign for Ending the
// Blockade"): a body named for what it does, whose object is part of the name.
func gerundObject(toks []token, k int) bool {
	v := toks[k-1]
	return isNameToken(v) && strings.HasSuffix(v.fold, "ing") && len(v.fold) > 5 && (toks[k-2].fold == "for" || toks[k-2].fold == "of") &&
		k+1 < len(toks) && isNameToken(toks[k+1])
}

// regionPair reports whether the words before "and the" end in a region, a continent or a
// country and the words after it are one region: a body named for the two regions it
// serves.
func regionPair(left, right []token) bool {
	if len(left) < 2 || len(right) != 1 || !regions[right[0].fold] {
		return false
	}
	last := left[len(left)-1]
	return regions[last.fold] || continents[last.fold] || isCountryTok(last) ||
		isCountryText(left[len(left)-2].text+" "+last.text) || regions[left[len(left)-2].fold]
}

// subunitOf reports whether "of the" at toks[k] joins a unit's name to the body it is part
// of, each a name with its own head noun: "Commercial Affairs Department of the Singapore
// Police Force", "Finance Division of the Ministry of Finance". The text names two bodies;
// "Department of the Treasury" (one word before "of") is one.
func subunitOf(toks []token, start, k, end int) bool {
	if toks[k].fold != "of" || k+2 >= end || toks[k+1].text != "the" || k-start < 2 {
		return false
	}
	left := stripLeadingArticle(toks[start:k])
	if len(left) < 2 || cueKind(left[len(left)-1].fold) == "" || roleModifiers[left[0].fold] && len(left) == 2 && isRoleHead(left[1].fold) {
		return false
	}
	right := toks[k+2 : end]
	ownOf := false
	if c := slices.IndexFunc(right, func(t token) bool { return !isNameToken(t) }); c >= 0 {
		ownOf = connectors[right[c].fold] && c+1 < len(right) && isNameToken(right[c+1])
		right = right[:c] // "… of the Ministry of Finance": its head before its own "of"
	}
	if len(right) == 0 || len(right) < 2 && !ownOf || knownKinds[app.Fold(textOfPlain(toks[start:end]))] != "" {
		return false // "International Committee of the Red Cross": one known name
	}
	if right[len(right)-1].fold == "union" && (left[len(left)-1].fold == "court" || left[len(left)-1].fold == "tribunal") {
		return false // "General Court of the European Union": a union's court carries its name
	}
	return unitParents[right[len(right)-1].fold]
}

// forParty reports whether "for the" at toks[k] joins a body with its own head to a
// party's name: "Council of Representatives for the Patriotic Union of Kurdistan" names
// the chamber and the party a member sits for.
func forParty(toks []token, start, k, end int) bool {
	chamber := k-start == 1 && (knownKinds[toks[start].fold] == app.GovernmentBody || legislatures[toks[start].fold]) // "Mazhilis for the Amanat party"
	if toks[k].fold != "for" || k+2 >= end || toks[k+1].fold != "the" || !chamber && (k-start < 2 || !hasOrgCue(toks[start:k])) {
		return false
	}
	right := toks[k+2 : end]
	return headKind(right) == app.Party || knownKinds[app.Fold(textOfPlain(right))] == app.Party || partyAfter[wordAfterBracket(toks, end)]
}

// wordAfterBracket returns the lower-case word after toks[end-1], past a bracket that
// follows it ("Jasyl Qala (Green City) party"), or "".
func wordAfterBracket(toks []token, end int) string {
	if end < len(toks) && toks[end].text == "(" {
		for k := end + 1; k < len(toks) && k < end+10; k++ {
			if toks[k].text == ")" {
				return wordAfter(toks, k+1)
			}
		}
	}
	return wordAfter(toks, end)
}

// unitParents are the heads of bodies that have departments and divisions of their own.
var unitParents = words(`ministry department force police authority council commission bank agency office union
	court parliament assembly army navy service government`)

// cutAtAnd reports whether "and" at toks[k] joins two names rather than the words of one:
// "Justice and Development Party" and "Chamber of Commerce and Industry" are one name
// with a head noun on one side only; "Kataib Hezbollah and Harakat al-Nujaba" are two.
func (s *scanner) cutAtAnd(start, k, end int, inName, list bool) bool {
	toks := s.toks
	left, right := toks[start:k], nameAfter(toks, k+1, end)
	if countryWithAnd(toks, start, k, end) {
		return false // "Antigua and Barbuda", "Trinidad and Tobago Red Cross Society"
	}
	cut := s.andSeparates(start, k, left, right)
	if s.andInsideBody(start, k, end, left, right, inName) {
		cut = false
	}
	if loneNameAfterHead(left, right) && k+2 == end && (s.solo[right[0].fold] >= 2 || webName(right[0].text)) {
		return true
	}
	if registeredAfterAnd(left, right) && k+1+len(right) == end {
		return true
	}
	if ck := cueKind(toks[end-1].fold); !slices.ContainsFunc(left, func(t token) bool { return connectors[t.fold] }) && len(left) >= 2 && len(right) >= 2 && k+1+len(right) == end && !list &&
		(s.pluralBefore(start) || bothAfter(toks, end)) && ck != app.Organisation && ck != app.GovernmentBody {
		// "militias such as Asa'ib Ahl al-Haq and Kata'ib Hezbollah", "… and Kata'ib
		// Hezbollah, both of which": two of them; not
		// "officials of the Trade and Industry Commission", one body's head after both.
		return true
	}
	if len(left) > 1 && len(right) > 0 && toks[k].text == "and" && foreignName(left) {
		// "Banco do Brasil and Itaú Unibanco": a name in a Romance language holds no English
		// "and"; the words after it are another name.
		return true
	}
	if !hasOrgCue(left) && !hasOrgCue(right) && len(right) > 0 && k+1+len(right) == end &&
		!isCountryTok(toks[k-1]) && !isCountryTok(right[0]) {
		// "the ruling Homeland and Progress party": the noun after names the whole,
		// and "Homeland and Progress" stays whole when the text names it again.
		whole := app.Fold(s.textOf(toks[start:end]))
		if partyAfter[wordAfter(toks, end)] {
			s.wholeNames[whole] = true
		}
		cut = cut && !s.wholeNames[whole]
	}
	if list || portfolio(stripDemonym(left)) && roleLead(right) || len(right) > 0 && titleOfPortfolio(left) && roleModifiers[right[0].fold] {
		// "…, Communications and the Digital Economy"; "Trade and Industry
		// Minister Yoko Nakagawa": the portfolios of one body or one role.
		cut = false
	}
	// "the FCU and Comunidad Ciudadana": an acronym alone names a whole body, so the
	// name after "and" is another.
	if len(left) != 1 || len(right) == 0 || isAcronym(right[0].text) {
		return cut
	}
	if len(right) == 2 && localCouncils[right[1].fold] && !isAcronym(left[0].text) && isNameToken(right[0]) && !hasOrgCue(right[:1]) &&
		knownKinds[left[0].fold] == "" && knownKinds[right[0].fold] == "" {
		return false // "Perth and Kinross Council": a council of two places joined
	}
	// "in Split and Tisza Mérnök Kft": a lone place before "and" a company.
	_, capital := capitalOf[left[0].fold]
	place := places[left[0].fold] || capital || locatives[wordBefore(toks, start)]
	return cut || isAcronym(left[0].text) || place && hasOrgCue(right)
}

// pluralBefore reports whether a plural noun for groups or their people comes right
// before the name at toks[start], through "such as", "from", "of", "the" or "both":
// "militias such as", "deputies from", "Leaders of".
func (s *scanner) pluralBefore(start int) bool {
	for k := start - 1; k >= 0 && k >= start-4 && s.toks[k].kind == tWord; k-- {
		w := s.toks[k].fold
		if listLead[w] {
			continue
		}
		one := strings.TrimSuffix(w, "s")
		if strings.HasSuffix(w, "ies") {
			one = strings.TrimSuffix(w, "ies") + "y"
		}
		return one != w && (kindNoun(one) != "" || roleWords[one] || partyMembers[w] || armedMembers[w])
	}
	return false
}

// bothAfter reports whether ", both" follows the names that end at toks[end]: two names.
func bothAfter(toks []token, end int) bool {
	return end+1 < len(toks) && toks[end].text == "," && toks[end+1].fold == "both"
}

// listLead are the words between a plural noun and the names it lists.
var listLead = words(`such as from of the both including like`)

// localCouncils are the heads of a local government named after its places.
var localCouncils = words(`council borough corporation municipality`)

// titleOfPortfolio reports whether toks are a title and "of" or "for" and its first
// portfolio ("Minister of Lands"): a portfolio word after "and" goes on with the title.
func titleOfPortfolio(toks []token) bool {
	toks = stripLeadingArticle(toks)
	return len(toks) >= 3 && isRoleHead(toks[0].fold) && (toks[1].fold == "of" || toks[1].fold == "for") && cueKind(toks[0].fold) == ""
}

// countryWithAnd reports whether "and" at toks[k] is inside a state's name: the words
// from a start up to it and one or two after it name a state ("Saint Kitts and Nevis").
func countryWithAnd(toks []token, start, k, end int) bool {
	for a := start; a < k; a++ {
		for b := k + 2; b <= min(k+3, end); b++ {
			if isCountryText(textOfPlain(toks[a:b])) {
				return true
			}
		}
	}
	return false
}

// andSeparates reports whether the words on each side of "and" look like two names: both
// or neither have a head noun, a country ends or opens a side, an acronym opens the right
// one, the left one ends in its head noun or is named alone elsewhere.
func (s *scanner) andSeparates(start, k int, left, right []token) bool {
	toks := s.toks
	if hasOrgCue(left) == hasOrgCue(right) || isCountryTok(toks[k-1]) || len(right) > 0 && isCountryTok(right[0]) {
		return true
	}
	if k-start > 2 && !isCountryTok(toks[k-1]) && isCountryText(s.textOf(toks[k-2:k])) && hasOrgCue(right) {
		return true // "HSBC Saudi Arabia and Al Rajhi Capital": a name ending in a country ends there
	}
	if len(right) > 1 && isCountryTok(right[len(right)-1]) && !isCountryTok(toks[k-1]) {
		return true // "Popular Force and Podemos Perú": a name ending in a country is one of its own
	}
	if !hasOrgCue(left) && len(right) > 1 && isAcronym(right[0].text) && !isAcronym(toks[k-1].text) {
		return true // "Safaricom and MTN Group": the acronym starts a name of its own
	}
	if len(left) == 1 && camelCase(left[0].text) {
		return true // "TotalEnergies and Azule Energy": a brand written as one word is a name of its own
	}
	if headFirst(left) && !hasOrgCue(right) {
		return true // "Club Olimpia and Cerro Porteño": a name its head opens is whole before "and"
	}
	// "Maersk and Mediterranean Shipping Co.": the text names Maersk alone elsewhere
	// ("a Maersk spokesperson"), so it is a name of its own.
	return headEndsLeft(left, right) || len(left) == 1 && cueKind(left[0].fold) == "" && s.alone[left[0].fold]
}

// registeredAfterAnd: "Andes Reefer Line and Cordillera Maritime Co.": a registered firm's
// name after "and", and two plain words or more before it, are two firms; "Smith Ward and
// Sons Ltd" is one ("Sons", "Partners" open no firm's name).
func registeredAfterAnd(left, right []token) bool {
	l := stripLeadingArticle(left)
	plain := func(t token) bool { return isNameToken(t) && !connectors[t.fold] }
	known := len(l) == 1 && knownKinds[l[0].fold] == app.Organisation // "Codelco and Jiangsu Hengxin Copper Co., Ltd."
	return (len(l) >= 2 || known) && len(right) >= 3 && legalSuffixTok(right[len(right)-1]) && !firmMates[right[0].fold] &&
		!slices.ContainsFunc(l, func(t token) bool { return !plain(t) }) && !slices.ContainsFunc(right, func(t token) bool { return !plain(t) })
}

// webName reports whether a word is a brand's web address: "Kaspi.kz".
func webName(w string) bool {
	_, tld, ok := strings.Cut(w, ".")
	return ok && domains[tld]
}

// loneNameAfterHead: "Liberal Democratic Party and Komeito": a name ending in its head
// noun, then one plain word the text also names alone, a name of its own.
func loneNameAfterHead(left, right []token) bool {
	l := stripLeadingArticle(left)
	return len(l) > 1 && len(right) == 1 && cueKind(l[len(l)-1].fold) != "" && cueKind(right[0].fold) == "" &&
		!roleModifiers[right[0].fold] && !generic[right[0].fold] && !slices.ContainsFunc(l, func(t token) bool { return connectors[t.fold] })
}

// camelCase reports whether a word holds a capital after a lower-case letter, as brands
// written as one word do: "TotalEnergies", "BlackRock".
func camelCase(w string) bool {
	return afterLower(w, unicode.IsUpper)
}

// afterLower reports whether a rune for which is holds comes right after a lower-case
// letter in w: a capital ("TotalEnergies") or a digit ("Mk2").
func afterLower(w string, is func(rune) bool) bool {
	prevLower := false
	for _, r := range w {
		if is(r) && prevLower {
			return true
		}
		prevLower = unicode.IsLower(r)
	}
	return false
}

// headFirst reports whether a name of two or three words opens with its only cue word
// and holds no joiner: "Club Olimpia", "Banco Atlas" (not "Ministry of Trade").
func headFirst(toks []token) bool {
	toks = stripLeadingArticle(toks)
	return len(toks) >= 2 && len(toks) <= 3 && cueKind(toks[0].fold) != "" && !hasOrgCue(toks[1:]) &&
		!slices.ContainsFunc(toks, func(t token) bool { return connectors[t.fold] || particles[t.fold] })
}

// qualifiedSectors: "International Nut and Dried Fruit Council", "National Tea and
// Coffee Development Board": a qualifier and the first sector before "and", the second
// sector and the head after it; the words before "and" name no body by themselves.
func qualifiedSectors(left, right []token) bool {
	l := stripLeadingArticle(left)
	if len(l) < 2 || len(right) < 2 || len(right) > 4 || cueKind(right[len(right)-1].fold) == "" ||
		!internationalWord(l[0].fold) && !bodyQualifiers[l[0].fold] && !demonyms[l[0].fold] {
		return false
	}
	return !slices.ContainsFunc(l[1:], func(t token) bool {
		return cueKind(t.fold) != "" || isAcronym(t.text) || isCountryTok(t) || firstNames[t.fold] || connectors[t.fold]
	}) && !slices.ContainsFunc(right, func(t token) bool { return connectors[t.fold] || isCountryTok(t) || isAcronym(t.text) })
}

// knownBodyOrgan: "African Union Peace and Security Council", "African Union Support and
// Stabilization Mission": a known body's name, then the first words of one of its organs,
// whose head comes after "and".
func knownBodyOrgan(left, right []token) bool {
	l := stripLeadingArticle(left)
	if len(right) < 2 || cueKind(right[len(right)-1].fold) == "" {
		return false
	}
	for p := len(l) - 1; p >= max(1, len(l)-2); p-- {
		if knownKinds[app.Fold(textOfPlain(l[:p]))] == "" || len(l[:p]) < 2 {
			continue
		}
		return !slices.ContainsFunc(l[p:], func(t token) bool {
			return cueKind(t.fold) != "" || connectors[t.fold] || isAcronym(t.text) || isCountryTok(t)
		})
	}
	return false
}

// headEndsLeft: "World Food Programme and Médecins Sans Frontières": a name that ends in its
// head noun is whole; the words after "and" are another name.
func headEndsLeft(left, right []token) bool {
	l := stripLeadingArticle(left)
	return len(l) > 1 && cueKind(l[len(l)-1].fold) != "" && !hasOrgCue(right) && len(right) > 1 &&
		!slices.ContainsFunc(l, func(t token) bool { return connectors[t.fold] })
}

// andInsideBody reports whether "and" joins the parts of one body's name: its portfolios
// ("Ministry of Energy and Mineral Resources", "Centre for Monitoring and Research"), a
// committee's ("House Transportation and Infrastructure Committee"), or words an acronym
// in brackets spells ("Socialists and Democrats (S&D)").
func (s *scanner) andInsideBody(start, k, end int, left, right []token, inName bool) bool {
	if inName && bodyComplements(left, right) || knownBodyOrgan(left, right) || qualifiedSectors(left, right) {
		return true
	}
	if inName && len(right) == 1 && k+2 == end && (roleModifiers[right[0].fold] || cueKind(right[0].fold) == app.Organisation) && !isCountryTok(right[0]) {
		return true
	}
	if inName && k+2 < end && s.toks[k+1].fold == "the" && k+2+len(nameAfter(s.toks, k+2, end)) == end &&
		regionPair(left, nameAfter(s.toks, k+2, end)) {
		return true // "Economic Commission for Latin America and the Caribbean"
	}
	return committeeName(left, right) || s.acronymNames(start, end) || sectorsOfBody(left, right) ||
		s.wordsOfBody(k, end, left, right)
}

// wordsOfBody: "Energy and Mines Commission", "Health and Safety Executive", "Petroleum
// and Natural Gas Senior Staff Association of Nigeria": a common word alone before "and"
// (one the text writes in lower case, or an English word), and after it the rest of a
// body's name ending in its head noun or a legal form, which may then say whose body it
// is ("of Nigeria"). A name of its own before "and" ("Vestra and Harbour Port
// Authority") is not a common word, and one the text names alone is not either.
func (s *scanner) wordsOfBody(k, end int, left, right []token) bool {
	left = stripLeadingArticle(left)
	after := k + 1 + len(right)
	if len(left) != 1 || len(right) < 2 || after != end && !(after < end && (s.toks[after].fold == "of" || s.toks[after].fold == "for")) ||
		s.alone[left[0].fold] || slices.ContainsFunc(right, func(t token) bool { return connectors[t.fold] || isAcronym(t.text) }) {
		return false
	}
	if w := left[0].fold; !s.commonWord(w) && !englishWord(w) {
		return false
	}
	last := right[len(right)-1]
	return cueKind(last.fold) != "" && cueKind(last.fold) != app.Person || legalSuffixTok(last)
}

// sectorsOfBody: "National Energy and Water Supply Regulatory Commission": a state's body
// named for two sectors, the first a company word ("Energy"), after a word that says the
// body is a state's ("National", "Federal", "Norwegian"). A company's name before "and" holds no such
// word ("Vestra Energy and Harbour Port Authority" are two).
func sectorsOfBody(left, right []token) bool {
	l := stripLeadingArticle(left)
	if len(l) < 2 || len(right) < 2 || !qualified(l[:len(l)-1]) && !demonyms[l[0].fold] || !orgCues[l[len(l)-1].fold] || hasOrgCue(l[:len(l)-1]) {
		return false
	}
	return headKind(right) == app.GovernmentBody && !slices.ContainsFunc(right, func(t token) bool { return connectors[t.fold] || isAcronym(t.text) })
}

// cutAtPreposition reports whether of, for, on or in at toks[k] ends a name: it joins
// "Bank of Spain", "Secretary of State", "Force in Lebanon"; not "Dulaimi on Monday".
func (s *scanner) cutAtPreposition(start, k, end int, inName bool) bool {
	if subunitOf(s.toks, start, k, end) || forParty(s.toks, start, k, end) || leaderAfterOf(s.toks, k, end) ||
		k-start == 1 && participle(s.toks[start]) {
		return true
	}
	joined := s.prepositionJoins(start, k, end, inName)
	return !joined && !(k-start == 1 && s.acronymAfter(end)) && !s.acronymNames(start, end)
}

// participle reports whether a sentence's first word is an English verb's -ing form
// ("Prosecuting for the Health and Safety Executive, …", "Speaking on Monday"): it opens
// a clause, not a name.
func participle(t token) bool {
	return t.sent && strings.HasSuffix(t.fold, "ing") && englishWord(t.fold) && !firstNames[t.fold]
}

// leaderAfterOf reports whether "of" at toks[k] opens a person's full name that ends the
// run: "the Kurdistan Patriotic Front of Sherzad Omer Baban", "the government of Nouri
// al-Maliki" name a body and the one who leads it.
func leaderAfterOf(toks []token, k, end int) bool {
	n := end - (k + 1)
	if toks[k].fold != "of" || n < 2 || n > 4 || !firstNames[toks[k+1].fold] || cueKind(toks[k+1].fold) != "" {
		return false
	}
	rest := toks[k+1 : end]
	// "Ministry of Marine Affairs and Fisheries": a portfolio, whatever its first word.
	return !hasAnyCue(rest) && !isCountryText(textOfPlain(rest)) &&
		!slices.ContainsFunc(rest, func(t token) bool { return places[t.fold] || connectors[t.fold] || roleModifiers[t.fold] })
}

// prepositionJoins reports whether the words before the preposition at toks[k] take it
// into the name: a body's head noun, a place cue, a title, an event or an award.
func (s *scanner) prepositionJoins(start, k, end int, inName bool) bool {
	toks := s.toks
	w, pw := toks[k].fold, toks[k-1].fold
	joined := inName || cueKind(pw) != "" || placeCues[pw] || s.titleBefore(start, k) || toks[k-1].text == "House" ||
		toks[k-1].poss && w == "of" || // "Lloyd's of London": the run went on past the possessive
		w == "of" && ofJoinsTitle(toks, k, end) || w == "on" && nonActorHeads[pw] || // "Law on Expression and Dissemination of Thought"
		w == "of" && nonActorHeads[toks[end-1].fold] && !hasOrgCue(toks[start:k]) || // "California Invasion of Privacy Act": one law's name
		s.namedBeforeCountry(start, k, end) || s.pluralsForCause(start, k, end)
	nx := k + 1
	if nx+1 < end && toks[nx].fold == "the" {
		nx++ // "Palmos Research for the Sunday edition"
	}
	if nx < end && generic[toks[nx].fold] && !isNameHead(toks[nx:end]) || committeeOfHouse(toks, start, k, end) ||
		w == "of" && k+2 == end && companyWords[pw] && (places[toks[k+1].fold] || capitalOf[toks[k+1].fold] != nil) { // "Harrowgate Ventures of London"
		joined = false // "National Assembly on Wednesday"
	}
	if w == "in" {
		// "Interim Force in Lebanon (UNIFIL)", "Mission in Haiti": a force or a
		// mission is named for where it serves; "General Court in Luxembourg" only
		// says where the court sits.
		joined = joined && countryFollows(toks, k+1, end) && (inName || s.acronymAfter(end) || armedCues[pw] || missionWords[pw]) ||
			k+1 < end && (localBody(toks[start:k]) || embassyOf(toks[start:k])) && !generic[toks[k+1].fold] && !isCountryTok(toks[k+1]) || // its town, not its country
			k+1 < end && k+2 == end && continents[toks[k+1].fold] && headKind(toks[start:k]) != "" // "Organization for Security and Co-operation in Europe"
	}
	return joined
}

// committeeOfHouse reports whether "of" at toks[k] follows a committee's name and opens a
// legislature's ("Committee on Agriculture, Forestry and Fisheries of the House of
// Representatives"): two bodies, the committee and the house, each named in full.
func committeeOfHouse(toks []token, start, k, end int) bool {
	j := k + 1
	if j < end && toks[j].fold == "the" {
		j++
	}
	if j+1 < end && (demonyms[toks[j].fold] || isCountryTok(toks[j])) {
		j++ // "… of the German Bundestag"
	}
	return toks[k].fold == "of" && j < end && (legislatures[toks[j].fold] || knownKinds[toks[j].fold] == app.GovernmentBody && j+1 == end) &&
		slices.ContainsFunc(toks[start:k], func(t token) bool { return committeeHeads[t.fold] })
}

// titleBefore: a role's head before the preposition ("Secretary of State"); a title after a
// given name is a surname: "Rebecca Cardinal of Gladue & Morin LLP" is a person of a
// firm, not a cardinal's see.
func (s *scanner) titleBefore(start, k int) bool {
	pw := s.toks[k-1].fold
	return (isRoleHead(pw) || isRoleHead(strings.TrimSuffix(pw, "s"))) && !(k-2 >= start && firstNames[s.toks[k-2].fold])
}

// ofJoinsTitle: "Tour of the Carpathians" (one event's name), "the Brave Hearts of Gold
// Award" (an award's whole name), "Player of the Month" (a title given for a period).
func ofJoinsTitle(toks []token, k, end int) bool {
	return nonActorHeads[toks[k-1].fold] || awardAhead(toks, k, end) || periodTitle(toks, k, end)
}

// acronymAfter reports whether the run that ends at end is followed by an acronym in
// brackets, which says the whole run is one name: "Alternative for Germany (AfD)".
func (s *scanner) acronymAfter(end int) bool {
	toks := s.toks
	return end+2 < len(toks) && toks[end].text == "(" && (toks[end+2].text == ")" || toks[end+2].text == ",") && toks[end+1].kind == tWord && isAcronym(toks[end+1].text)
}

// pluralsForCause reports whether "for" at toks[k] joins a group of people named by a
// plural noun to its cause, the rest of the run: "Thai Lawyers for Human Rights",
// "Mothers for Clean Air". A person is no plural.
func (s *scanner) pluralsForCause(start, k, end int) bool {
	toks := s.toks
	if toks[k].fold != "for" || k-start > 2 || end-k < 2 || !strings.HasSuffix(toks[k-1].fold, "s") || strings.HasSuffix(toks[k-1].fold, "ss") ||
		firstNames[toks[start].fold] || toks[k-1].poss || toks[start].sent {
		return false // "Prices for Asian buyers" opens a sentence
	}
	for j := k + 1; j < end; j++ {
		if !isNameToken(toks[j]) && !connectors[toks[j].fold] {
			return false
		}
	}
	return true
}

// localBody reports whether toks name one of a state's many local courts or offices by
// its level ("Regional Court", "District Prosecutor's Office", "Municipal Court"): such a
// name is one body only with the town it sits in, so "in Velmov" is part of it.
func localBody(toks []token) bool {
	if len(toks) < 2 || !levelWords[toks[0].fold] && !(len(toks) > 2 && isArticle(toks[0].text) && levelWords[toks[1].fold]) {
		return false
	}
	last := toks[len(toks)-1].fold
	return last == "court" || last == "office" || last == "prosecutor" || last == "tribunal" || last == "council"
}

// embassyOf reports whether toks name a state's embassy or consulate with "of": "Embassy
// of the United States" goes on with the city it is in.
func embassyOf(toks []token) bool {
	start := 0
	if len(toks) > 0 && isArticle(toks[0].text) {
		start = 1
	}
	return len(toks) > start+2 && (toks[start].fold == "embassy" || toks[start].fold == "consulate") && toks[start+1].fold == "of"
}

// levelWords say which level of a state's courts or offices a body is of.
var levelWords = words(`regional district municipal county provincial city local voivodeship cantonal oblast
	prefectural departmental circuit`)

// countryFollows reports whether a state's name, with "the" or without, starts at toks[k]:
// one word ("Haiti") or the rest of the run ("the Democratic Republic of the Congo").
func countryFollows(toks []token, k, end int) bool {
	if k >= end {
		return false
	}
	if isCountryTok(toks[k]) {
		return true
	}
	if toks[k].fold == "the" {
		k++
	}
	parts := make([]string, 0, end-k)
	for _, t := range toks[k:end] {
		parts = append(parts, t.text)
	}
	return k < end && isCountryText(strings.Join(parts, " "))
}

// goesByName reads "who goes by the name Jabari Tole" from the four words before the name:
// a person's name, or a body's after "which" or "that".
func goesByName(o *occurrence, the, by, goes, who string) bool {
	if the != "the" || by != "by" || goes != "goes" && goes != "go" && goes != "went" {
		return false
	}
	if who == "which" || who == "that" {
		o.ctxKind = app.Organisation
	} else {
		o.ctxKind = app.Person
	}
	return true
}

// missionWords are the heads of bodies named for the country they serve in: "Mission in
// Haiti", "Office in Kabul".
var missionWords = words(`mission missions delegation representation`)

// namedBeforeCountry reports whether "of" or "for" at toks[k] joins the words before it to
// a country or a continent that ends the run, as one name: "Patriots for Europe",
// "Alternative for Germany", or "Brothers of Italy, the largest party…" where an
// appositive says what the whole is. "Ana Ruiz of Spain" (a given name) is a person
// and her country.
func (s *scanner) namedBeforeCountry(start, k, end int) bool {
	toks := s.toks
	if k+2 != end || k == start || firstNames[toks[start].fold] || !(isCountryTok(toks[k+1]) || continents[toks[k+1].fold]) {
		return false
	}
	switch toks[k].fold {
	case "for":
		return true
	case "of":
		k := s.appositiveKind(end)
		return k != "" && k != app.Person
	}
	return false
}

// acronymNames reports whether an acronym in brackets after toks[from:end] is made of
// the initials of those words: the acronym is the evidence that the run is one name,
// whatever joiners it holds ("Socialists and Democrats (S&D)").
func (s *scanner) acronymNames(from, end int) bool {
	toks := s.toks
	if !s.acronymAfter(end) || end-from < 3 {
		return false
	}
	return initialsMatch(toks[from:end], toks[end+1].text)
}

// lowercaseName returns the end of a name of other languages that capitalise only its
// first word ("Ligue togolaise des droits de l'homme (LTDH)", "Conseil militaire pour la
// transition et la souveraineté, or CMTS") when the run toks[i:end] is that first word, a
// body's cue, and an acronym after the lowercase words spells their initials; else end.
func (s *scanner) lowercaseName(i, end int) int {
	toks := s.toks
	for end-i > 1 && (particles[toks[end-1].fold] || connectors[toks[end-1].fold]) && unicode.IsLower(firstRune(toks[end-1].text)) {
		end-- // "Front de" of "Front de libération du Gourma": the joiner is the lower-case part's
	}
	if end-i == 2 && isArticle(toks[i].text) {
		i++ // "The Ligue togolaise…"
	}
	if end-i != 1 || cueKind(toks[i].fold) == "" && toks[i].sent || end >= len(toks) || toks[end].kind != tWord || !unicode.IsLower(firstRune(toks[end].text)) {
		return end
	}
	k := end
	for k < len(toks) && k < end+12 && toks[k].kind == tWord && toks[k].space && unicode.IsLower(firstRune(toks[k].text)) {
		k++
	}
	if k >= len(toks) || k >= end+12 {
		return end
	}
	if acr, ok := acronymAt(toks, k); ok && k-i >= 2 && (lowercaseInitials(toks[i:k]) == acronymLetters(acr) || syllablesOf(toks[i:k], acr)) {
		return k // "Bataillon de la sécurité présidentielle (BASEP)": by initials or syllables
	}
	plain := !slices.ContainsFunc(toks[end:k], func(t token) bool { return stopwords[t.fold] })
	if _, close, ok := translationAt(toks, k); ok && s.translationThenAcronym(close) == lowercaseInitials(toks[i:k]) {
		// "Syndicat national des travailleurs portuaires (National Union of Dockers,
		// SNTP)", "… (National Union of Dockers), known as SNTP"
		return k
	}
	if _, _, ok := translationAt(toks, k); ok && k-end <= 3 && plain {
		return k // "Soukromí v síti (Privacy Online)": the other language's name, then its translation
	}
	if _, ok := orName(toks, k); ok && k > end && k-end <= 3 && plain {
		return k // "Hrvatska demokratska zajednica, or Croatian Democratic Union"
	}
	if k > end && toks[k].kind == tWord && isNameToken(toks[k]) && toks[k].space {
		if m, ok := s.capitalisedAgain(i, end, k); ok {
			return m
		}
	}
	if romanceHeads[toks[i].fold] {
		return formAfter(toks, romanceTail(toks, end)) // "the Conseil constitutionnel has five days"
	}
	return end
}

// romanceNameGoesOn returns where a Romance body's name that the run toks[i:end] opens
// ends, when lower-case adjectives and joiners go on it past the run's capitalised words
// ("Ministère de la Transition énergétique et du Développement durable"); else end.
func romanceNameGoesOn(toks []token, i, end int) int {
	if isArticle(toks[i].text) {
		i++
	}
	if end-i < 3 || !romanceHeads[toks[i].fold] || !romanceOf[toks[i+1].fold] || end >= len(toks) ||
		toks[end].kind != tWord || !romanceAdjective(toks[end].text) && !romanceJoiners[toks[end].fold] {
		return end
	}
	for n := 0; n < 3; n++ {
		k := romanceTail(toks, end)
		if k <= end {
			break
		}
		end = k
	}
	return formAfter(toks, end)
}

// formAfter returns end, or the index after a legal form in capitals or with dots that
// ends a Romance name at toks[end]: "Société ivoirienne de transformation du cacao SA".
func formAfter(toks []token, end int) int {
	if end > 0 && end < len(toks) && toks[end].space && unicode.IsLower(firstRune(toks[end-1].text)) && legalSuffixTok(toks[end]) &&
		(isAllCaps(toks[end].text) || strings.Contains(toks[end].text, ".")) && (end+1 == len(toks) || !isNameToken(toks[end+1])) {
		return end + 1
	}
	return end
}

// romanceHeads open the names of bodies in French, Spanish, Portuguese and Italian, which
// capitalise only their first word: "Conseil constitutionnel".
var romanceHeads = words(`conseil commission front bataillon agence comite cour tribunal ministere direction
	office societe rassemblement mouvement coalition federation confederation syndicat association
	institut autorite haute haut banque caisse ligue parti union alliance consejo comision frente partido
	comissao agencia corte conselho sindicato instituto autoridad autoridade consiglio tribunale autorita
	agenzia comitato procura confederazione federazione`)

// romanceTail returns the end of the lower-case words at toks[end] that go on a name of
// a Romance language: its joiners (de, la, pour…), adjectives with a Romance ending
// ("constitutionnel", "nationale", "démocratique") and any word right after a joiner
// ("de recensement des votes"). The name ends on such a word, not a joiner; English
// words ("has", "said") end it.
func romanceTail(toks []token, end int) int {
	last := end
	k := end
	for ; k < len(toks) && k < end+10 && toks[k].kind == tWord && toks[k].space && unicode.IsLower(firstRune(toks[k].text)); k++ {
		w := toks[k].fold
		switch {
		case romanceJoiners[w]:
			continue
		case stopwords[w] || speechVerbs[w]:
			return last
		case strings.HasSuffix(w, "able") && k+1 < len(toks) && englishComplement[toks[k+1].fold]:
			return last // "… constitutionnel unable to meet": English, what the body is
		case romanceJoiners[toks[k-1].fold] || romanceAdjective(toks[k].text) || hasParticlePrefix(toks[k].text):
			last = k + 1
		case k >= 2 && romanceJoiners[toks[k-2].fold] && k+1 < len(toks) && romanceJoiners[toks[k+1].fold]:
			last = k + 1 // "Tribunal de première instance de Namur": two words between joiners
		case roleWords[w] || roleWords[strings.TrimSuffix(w, "s")]:
			return end // "Union general secretary Maria…": English, a role after the name
		default:
			return last
		}
	}
	if k > last && last > end && k < len(toks) && isNameToken(toks[k]) && toks[k].space {
		// "… pour la sauvegarde de la République": joiners, then the capitalised noun
		// that ends the name.
		for k < len(toks) && k < last+6 && isNameToken(toks[k]) && (toks[k].space || toks[k].text == "-") {
			k++
		}
		return k
	}
	return last
}

// englishComplement words follow an English adjective in -able ("unable to", "liable
// for"), not a Romance one that ends a name ("durable").
var englishComplement = words(`to for of in with`)

// romanceJoiners join the words of a name in French, Spanish, Portuguese and Italian.
var romanceJoiners = words(`de la le les du des pour et à au aux sur en contre dans del los las da do das dos di della per e y
	delle degli dei dello nas nos na`)

// romanceAdjective reports whether a lower-case word ends as French, Spanish,
// Portuguese or Italian adjectives do: "constitutionnel", "nationale", "présidentielle",
// "démocratique", "suprême".
func romanceAdjective(w string) bool {
	for _, suf := range []string{"al", "el", "elle", "ale", "aux", "ain", "aine", "ique", "ien", "ienne", "aire", "ive", "if", "ifs", "anne", "ois", "oise", "é", "ée", "és", "ées", "eux", "euse", "ais", "aise", "ême", "ano", "ana", "ico", "ica", "iano", "iana", "ario", "aria", "ivo", "iva", "ado", "ada", "ista", "ês", "eus", "eue", "ues", "able"} {
		if strings.HasSuffix(w, suf) && utf8.RuneCountInString(w) > len(suf)+2 {
			return true
		}
	}
	return false
}

// translationThenAcronym returns the letters of the acronym that ends the translation in
// brackets closing at toks[close] ("(National Union of Dockers, SNTP)") or follows it
// ("…), known as SNTP"); "" when there is none.
func (s *scanner) translationThenAcronym(close int) string {
	toks := s.toks
	if toks[close-2].text == "," {
		return acronymLetters(toks[close-1].text)
	}
	if a, ok := s.alsoCalled(close + 1); ok && isAcronym(a) {
		return acronymLetters(a)
	}
	return "-"
}

// capitalisedAgain reads the capitalised words at toks[k] after the lower-case words of a
// name of another language that starts at toks[i] ("Jiro sy Rano Malagasy (Jirama)") and
// returns where the whole name ends when what follows says it is one: an abbreviation
// made of its syllables, an acronym of its words, a translation, a legal suffix.
func (s *scanner) capitalisedAgain(i, end, k int) (int, bool) {
	toks := s.toks
	m := k
	for m < len(toks) && m < k+4 && toks[m].kind == tWord && isNameToken(toks[m]) && toks[m].space {
		m++
	}
	if m+2 < len(toks) && toks[m].text == "(" && toks[m+2].text == ")" && m-end <= 5 && syllablesOf(toks[i:m], toks[m+1].text) {
		return m, true
	}
	if acr, ok := acronymAt(toks, m); ok && m-end <= 5 && lowercaseInitials(toks[i:m]) == acronymLetters(acr) {
		return m, true // "Front de libération du Gourma (FLG)": the acronym spells every word
	}
	if translatedAfter(toks, end, m) {
		return m, true // "Umoja wa Wapiganaji, Swahili for Unity of Fighters"
	}
	if m+1 < len(toks) && isLowerSuffix(toks[m].text) && m-end <= 5 {
		// "Mestská doprava Žilina a.s. (MDŽ)": a company's name and its legal suffix, one
		// name if the acronym after spells its words' initials.
		if acr, ok := acronymAt(toks, m+1); ok && app.Fold(lowercaseInitials(toks[i:m])) == app.Fold(acronymLetters(acr)) {
			return m + 1, true
		}
	}
	return 0, false
}

// languageFor returns the translation in ", Swahili for Unity of Fighters," at toks[k]: a
// language's name, "for" and a name of capitalised words and joiners.
func languageFor(toks []token, k int) (string, bool) {
	if !languageForAt(toks, k) {
		return "", false
	}
	j := k + 3
	for j < len(toks) && j < k+9 && toks[j].kind == tWord && (isNameToken(toks[j]) || connectors[toks[j].fold]) {
		j++
	}
	for j > k+3 && !isNameToken(toks[j-1]) {
		j--
	}
	if j == k+3 || j < len(toks) && toks[j].kind == tWord {
		return "", false
	}
	parts := make([]string, 0, j-k-3)
	for _, t := range toks[k+3 : j] {
		parts = append(parts, t.text)
	}
	return strings.Join(parts, " "), true
}

// orName returns the other name a body is given right after its own, set off by commas:
// "Spolok Prístrešie, or Shelter Association, runs…" — two to six words, capitalised
// but for the connectors between them, closed by a comma, a bracket or a full stop. It
// returns the name's tokens.
func orName(toks []token, end int) ([]token, bool) {
	if end+3 >= len(toks) || toks[end].text != "," || toks[end+1].fold != "or" || !isNameToken(toks[end+2]) {
		return nil, false
	}
	j := end + 2
	for j < len(toks) && j < end+12 && toks[j].kind == tWord && (isNameToken(toks[j]) || connectors[toks[j].fold] && j > end+2) {
		j++
	}
	if j-(end+2) < 2 || !isNameToken(toks[j-1]) || j < len(toks) && toks[j].text != "," && toks[j].text != ")" && toks[j].text != "." && toks[j].text != "(" {
		return nil, false
	}
	if isCountryText(textOfPlain(toks[end+2 : j])) {
		return nil, false
	}
	return toks[end+2 : j], true
}

// orWord returns the one capitalised word a body is also called right after its name:
// ", or Majlis." — no acronym (those are read as acronyms), no state nor place, closed
// by a comma, a bracket or a full stop.
func orWord(toks []token, end int) (string, bool) {
	if end+3 >= len(toks) || toks[end].text != "," || toks[end+1].fold != "or" || !isNameToken(toks[end+2]) || isAcronym(toks[end+2].text) {
		return "", false
	}
	t, next := toks[end+2], toks[end+3].text
	if next != "," && next != "." && next != ")" || isCountryTok(t) || places[t.fold] || firstNames[t.fold] {
		return "", false
	}
	return t.text, true
}

// theNameAfter returns the body's name set off by commas after a name of another
// language: ", the Constitutional Democratic Party of Japan (CDP)," — "the", capitalised
// words ending in a body's head noun, an acronym in brackets if any, then a comma or a
// full stop.
func theNameAfter(toks []token, end int) ([]token, bool) {
	if end+3 >= len(toks) || toks[end].text != "," || toks[end+1].text != "the" || !isNameToken(toks[end+2]) {
		return nil, false
	}
	j := end + 2
	for j < len(toks) && j < end+10 && toks[j].kind == tWord && (isNameToken(toks[j]) || connectors[toks[j].fold] && connectorsThenName(toks, j)) {
		j++
	}
	name := toks[end+2 : j]
	if k := headKind(name); k == "" || k == app.Person || !cueWordLast(name) {
		return nil, false
	}
	k := j
	if _, ok := acronymAt(toks, k); ok && toks[k].text == "(" {
		k += 3
	}
	if k < len(toks) && toks[k].text != "," && toks[k].text != "." {
		return nil, false
	}
	return name, true
}

// cueWordLast reports whether the last word of a name, or the last before its first
// connector, is a cue word: "Democratic Party", "Party of Japan".
func cueWordLast(toks []token) bool {
	end := len(toks)
	if c := slices.IndexFunc(toks, func(t token) bool { return connectors[t.fold] }); c > 0 {
		end = c
	}
	return cueKind(toks[end-1].fold) != ""
}

// translatedAfter reports whether the name of another language whose lower-case words
// start at end and whose capitalised words end at m is followed by its translation.
func translatedAfter(toks []token, end, m int) bool {
	_, ok := languageFor(toks, m)
	return ok && m-end <= 3
}

// languageForAt reports whether ", Swahili for" starts at toks[k].
func languageForAt(toks []token, k int) bool {
	return k+3 < len(toks) && toks[k].text == "," && toks[k+1].kind == tWord && isNameToken(toks[k+1]) && toks[k+2].fold == "for" &&
		languageName(toks[k+1].fold)
}

// languageName reports whether a folded word reads as a language's name: a demonym
// ("Arabic", "French") or a word with a language's ending ("Swahili", "Lingala").
func languageName(w string) bool {
	if demonyms[w] {
		return true
	}
	for _, suf := range []string{"i", "ic", "ish", "ese", "an", "ala", "ian"} {
		if strings.HasSuffix(w, suf) && len(w) > 4 {
			return true
		}
	}
	return false
}

// translationAt returns the name in brackets at toks[k] that gives another language's
// form of the name just before it ("Coastal Alliance (Strandabandalagið)", "Privacy
// Watch (Soukromí v síti)"), with the index of the closing bracket: one to five words,
// the first capitalised, no digits, no English function word, and no acronym, state,
// place, month or weekday, which brackets also hold ("(AfD)", "(Norway)", "(Monday)").
func translationAt(toks []token, k int) (string, int, bool) {
	first := k + 1
	if first+1 < len(toks) && toks[first].text == "the" {
		first++ // "Vänsterpartiet (the Left Party)"
	}
	if first+1 >= len(toks) || toks[k].text != "(" || !isNameToken(toks[first]) || isAcronym(toks[first].text) {
		return "", 0, false
	}
	var parts []string
	j := first
	for ; j < len(toks) && j <= first+9 && (toks[j].kind == tWord || listedPortfolio(toks, first, j)); j++ {
		t := toks[j]
		if t.text == "," {
			parts[len(parts)-1] += ","
			continue
		}
		// "(National Union of…)", "(Union for the Homeland)" are names; "(the main party)" no.
		genericOpens := generic[t.fold] && j == first && !(j+1 < len(toks) && (isNameToken(toks[j+1]) || connectorsThenName(toks, j+1)))
		innerPoss := t.poss && j > first && j+1 < len(toks) && isNameToken(toks[j+1]) // "(Arica Dock Workers' Union)"
		if stopwords[t.fold] && j > first && !connectors[t.fold] || genericOpens || strings.ContainsAny(t.text, "0123456789") || t.poss && !innerPoss {
			return "", 0, false // "(Civic and Social Front)" holds a connector, "(the main party)" no name
		}
		text := t.text
		if innerPoss {
			text += possMark(t.text)
		}
		parts = append(parts, text)
	}
	if j+2 < len(toks) && toks[j].text == "," && toks[j+1].kind == tWord && isAcronym(toks[j+1].text) && toks[j+2].text == ")" {
		j += 2 // "(BoerBurgerBeweging, BBB)": the name in its language, then its acronym
	} else if j+3 < len(toks) && toks[j].text == "," && toks[j+1].fold == "or" && isAcronym(toks[j+2].text) && toks[j+3].text == ")" {
		j += 3 // "(Ertiani Natsionaluri Modzraoba, or UNM)"
	}
	if j >= len(toks) || toks[j].text != ")" || len(parts) == 0 || len(parts) == 1 && generic[toks[first].fold] {
		return "", 0, false
	}
	text := strings.Join(parts, " ")
	f := app.Fold(text)
	if _, ok := countryByForm[f]; ok {
		return "", 0, false
	}
	if _, ok := capitalOf[f]; ok || places[f] || isCountryText(text) || knownKinds[f] == app.Media {
		return "", 0, false
	}
	return text, j, true
}

// listedPortfolio reports whether the comma at toks[j], inside a translation in
// brackets that starts at toks[first], lists a body's portfolios: "(Ministry of Industry,
// Mines and Energy)" — "of" before it, a capitalised word after it that no bracket closes.
func listedPortfolio(toks []token, first, j int) bool {
	return toks[j].text == "," && j+2 < len(toks) && isNameToken(toks[j+1]) && toks[j+2].text != ")" &&
		slices.ContainsFunc(toks[first:j], func(t token) bool { return t.fold == "of" })
}

// acronymAt returns the acronym written at toks[k] as "(ACR)", ", or ACR" or "or ACR".
func acronymAt(toks []token, k int) (string, bool) {
	if k+2 < len(toks) && toks[k].text == "(" && toks[k+2].text == ")" && toks[k+1].kind == tWord && isAcronym(toks[k+1].text) {
		return toks[k+1].text, true
	}
	if k < len(toks) && toks[k].text == "," {
		k++
	}
	if k+1 < len(toks) && toks[k].fold == "or" && toks[k+1].kind == tWord && isAllCaps(toks[k+1].text) {
		return toks[k+1].text, true
	}
	return "", false
}

// lowercaseInitials returns the initials of a name's words, in capitals, leaving out its
// connectors and particles in any language and an elided article ("l'homme" gives H).
func lowercaseInitials(toks []token) string {
	var b strings.Builder
	for _, t := range toks {
		w := t.fold
		if connectors[w] || particles[w] || nameConjunctions[w] {
			continue
		}
		for _, p := range []string{"l'", "d'", "l’", "d’"} {
			w = strings.TrimPrefix(w, p)
		}
		if r := firstRune(w); r != utf8.RuneError && r != 0 {
			b.WriteRune(unicode.ToUpper(r))
		}
	}
	return b.String()
}

// nameConjunctions are "and" in the languages whose names capitalise only their first
// word: "Conseil militaire pour la transition et la souveraineté".
var nameConjunctions = words(`et und och og en`)

// isNameHead reports whether toks, a name's continuation after a connector, hold more
// than a date word: "of Foreign Affairs" does, "on Wednesday" does not.
func isNameHead(toks []token) bool {
	for _, t := range toks {
		if !isNameToken(t) {
			break
		}
		if !dateWords[t.fold] {
			return true
		}
	}
	return false
}

var dateWords = words(`january february march april may june july august september october november
	december monday tuesday wednesday thursday friday saturday sunday
	muharram safar jumada shawwal farvardin ordibehesht khordad mordad shahrivar aban azar bahman esfand`)

// personAfter reports whether the name starting at toks[k] reads as a person's: two or
// three name words, no title, role or body word, and no "of" or "and" carrying it on
// ("Spain's National Markets and Competition Commission" is a body).
func personAfter(toks []token, k int) bool {
	after := nameAfter(toks, k, len(toks))
	if len(after) < 2 || len(after) > 3 || headKind(after) != "" || govHead(after) || roleLead(after) ||
		isRoleHead(after[0].fold) || roleModifiers[after[0].fold] {
		return false
	}
	j := k + len(after)
	return j >= len(toks) || toks[j].fold != "of" && toks[j].fold != "and" && toks[j].fold != "for" && toks[j].text != "&"
}

// companyAfter reports whether the name starting at toks[k] is a company's: it ends in a
// legal suffix or holds a company word ("Colombia's Aerolíneas del Sur S.A.", "Chile's
// Andina Mining"). A state's possessive before it says where the company is from, as
// before a person; a state's own body ("Spain's competition commission") is not one.
func companyAfter(toks []token, k int) bool {
	if k < len(toks) && (kindNoun(toks[k].fold) == app.GovernmentBody || govCues[toks[k].fold]) {
		return false // "Uzbekistan's Ministry of Water Resources", "India's Directorate of Shipping": the state's own body
	}
	for j := k; j < len(toks) && j < k+8 && (isNameToken(toks[j]) || isJoiner(toks[j])) && (j == k || toks[j].space); j++ {
		if isNameToken(toks[j]) && (legalSuffixTok(toks[j]) || companyWords[toks[j].fold]) {
			return true
		}
		if toks[j].poss {
			break
		}
	}
	return false
}

// companyWords are the words of company names only (no public body is named so).
var companyWords = words(`holding holdings freight lines mining labs motors petroleum consulting
	airlines airways shipping logistics tankers technologies pharmaceuticals insurance
	investments ventures steel telecom enterprises brands foods studios minerals metals
	chemicals pharma express resources electronics devices semiconductor networks ratings group
	industries corporation company partners mills`)

// indefiniteModifier reports whether the name toks[i:end] only qualifies the noun after it
// in an indefinite phrase: "a Wichita firm", "a small Madrid privacy group", "one Tokyo
// brokerage". "A" cannot be said of a name that is itself the firm, so the name says
// where the firm is from, not which actor it is. Before a role only a state's or a
// capital's name is where the person is from ("a former Botswana foreign minister"); any
// other is the employer ("a former Whitcombe inspector").
func (s *scanner) indefiniteModifier(i, end int, place bool) bool {
	toks := s.toks
	k := i - 1
	for k >= 0 && k >= i-3 && toks[k].kind == tWord && unicode.IsLower(firstRune(toks[k].text)) {
		switch toks[k].fold {
		case "a", "an", "one", "another":
			return s.describedNoun(end, place)
		}
		if stopwords[toks[k].fold] {
			return false
		}
		k--
	}
	return false
}

// describedNoun reports whether a body's, a company's or a role's noun follows end, right
// after it or after one or two more lowercase words ("privacy group", "foreign minister").
func (s *scanner) describedNoun(end int, roles bool) bool {
	for k := end; k < len(s.toks) && k < end+3; k++ {
		w := wordAfter(s.toks, k)
		if w == "" || stopwords[w] {
			return false
		}
		if _, ok := precedeCues[w]; ok || agentNouns[w] || roles && roleWords[w] || w == "start-up" || w == "brokerage" {
			return true
		}
	}
	return false
}

// ownedNouns, after a one-word name, are who or what a company or body has, not what a
// demonym describes: "Ostra executives", "Kobayashi's board". ("Korean shares" is a
// demonym's: shares are not among them.)
var ownedNouns = words(`executives executive board staff employees spokesman spokeswoman spokesperson
	subsidiary headquarters chief boss founder`)

// partyStateTag reports whether toks[i:end] is a legislator's party-and-state tag in
// brackets: "(D-Wash.)", "(R-Texas)", "(I-Vt.)", "(D-El Paso)".
func partyStateTag(toks []token, i, end int) bool {
	// "(D-El Paso)": the place may take more words, up to the bracket.
	if end-i < 1 || end-i > 3 || i == 0 || toks[i-1].text != "(" || end < len(toks) && toks[end].text != ")" && end-i > 1 {
		return false
	}
	p, rest, ok := strings.Cut(toks[i].text, "-")
	return ok && (p == "D" || p == "R" || p == "I") && rest != "" && unicode.IsUpper(firstRune(rest))
}

// usStateAfterTown reports whether toks[i:end] is a US state's dotted abbreviation after a
// town and its comma, as American papers place towns: "Greenville, S.C.", "Tacoma, Wash.".
func usStateAfterTown(toks []token, i, end int) bool {
	return end == i+1 && i >= 2 && toks[i-1].text == "," && isNameToken(toks[i-2]) && usStateAbbrs[toks[i].text]
}

// usStateAbbrs are the AP abbreviations of US states written with dots.
var usStateAbbrs = func() map[string]bool {
	m := map[string]bool{}
	for _, a := range strings.Fields(`Ala. Ariz. Ark. Calif. Colo. Conn. Del. Fla. Ga. Ill. Ind. Kan. Ky. La. Md. Mass.
		Mich. Minn. Miss. Mo. Mont. Neb. Nev. N.H. N.J. N.M. N.Y. N.C. N.D. Okla. Ore. Pa. R.I. S.C. S.D.
		Tenn. Vt. Va. Wash. W.Va. Wis. Wyo. D.C.`) {
		m[a] = true
	}
	return m
}()

// namingPhrase reads the phrase that introduces a name right before toks[i] and sets
// what it says of o: "the gang known as", "a group calling itself", "a man named" give
// the noun's kind; "gave her name as", "calling himself" a person's; "a loader known as"
// a thing's. It reports whether there was such a phrase.
func (s *scanner) namingPhrase(o *occurrence, i int) bool {
	toks := s.toks
	w := func(k int) string { return wordBefore(toks, k) }
	k := i // the name starts at toks[k]; the phrase's words are before it
	noun, self := "", ""
	switch w(k) {
	case "as":
		k--
		if w(k) == "only" {
			k--
		}
		switch w(k) {
		case "name":
			if p := w(k - 1); p == "her" || p == "his" {
				o.ctxKind = app.Person // "who gave her name only as Afi"
				return true
			}
			return false
		case "known", "identified", "described":
			noun = w(k - 1)
		case "locally", "widely", "also", "better", "commonly":
			if v := w(k - 1); v != "known" {
				return false
			}
			noun = w(k - 2) // "a militia known locally as Wazalendo"
		default:
			return false
		}
	case "itself", "himself", "herself", "themselves":
		self = w(k)
		if v := w(k - 1); v != "calling" && v != "calls" && v != "called" {
			return false
		}
		noun = w(k - 2)
	case "named", "called", "dubbed":
		if a := wordAfter(toks, i+len(o.toks)); a == "as" || a == "to" || pronounPoss[a] || isArticle(a) {
			return false // "The party named Kervin Laville as its candidate": a verb, its object
		}
		noun = w(k - 1)
	case "name":
		return goesByName(o, w(k-1), w(k-2), w(k-3), w(k-4))
	default:
		return false
	}
	switch {
	case self == "himself" || self == "herself" || personNouns[noun] || roleWords[noun]:
		o.ctxKind = app.Person
	case thingNoun(noun):
		o.product = true
	case kindNoun(noun) != "":
		o.ctxKind = kindNoun(noun)
	case self != "":
		o.ctxKind = app.Organisation // "calling itself", "calling themselves": a body
	default:
		return false
	}
	return true
}

// objectOpeners open a verb's object or time: after "The IMF forecast" they make
// "forecast" a verb.
var objectOpeners = words(`the a an that this these those last next its their his her some all every
	no it them him`)

// clauseOpeners open a clause whose subject follows them.
var clauseOpeners = words(`until unless because when whenever while if although though since that
	whether once after before where and but or`)

// descriptorNouns say what a company or a newsroom does; no name starts with one.
var descriptorNouns = words(`maker carmaker drugmaker chipmaker automaker miner lender insurer retailer
	broadcaster carrier shipper brokerage conglomerate startup start-up exporter importer
	distributor supplier manufacturer producer consultancy contractor developer refiner brewer
	regulator watchdog processor processors trader`)

// nonPartyNouns before a name say it is no party: "consumer group", "charity".
var nonPartyNouns = words(`group charity ngo association union federation organisation organization
	institute foundation club syndicate cooperative co-operative`)

// companyRoles are role words said of companies as often as of people.
var companyRoles = words(`rival competitor peer partner ally owner successor predecessor host winner
	champion runner-up finalist investor buyer seller`)

// whichAfter reports whether ", which" follows the name, or "and" another name and then
// ", which".
func (s *scanner) whichAfter(end int) bool {
	toks := s.toks
	k := end
	if k+1 < len(toks) && toks[k].fold == "and" && isNameToken(toks[k+1]) {
		k += 1 + len(nameAfter(toks, k+1, len(toks)))
	}
	return k+1 < len(toks) && toks[k].text == "," && toks[k+1].fold == "which"
}

// givenNameAt reports whether a person's name of two or three plain words, opening with
// a known given name, starts at toks[k].
func givenNameAt(toks []token, k int) bool {
	after := nameAfter(toks, k, len(toks))
	return len(after) >= 2 && len(after) <= 3 && firstNames[after[0].fold] && headKind(after) == ""
}

// givenNameBefore reports whether such a name ends right before toks[and].
func givenNameBefore(toks []token, and int) bool {
	k := and
	for k > 0 && isNameToken(toks[k-1]) && toks[k].space {
		k--
	}
	return and-k >= 2 && and-k <= 3 && givenNameAt(toks, k) && k+len(nameAfter(toks, k, and)) == and
}

// listingWords before "on" a market: "listing on the Nasdaq", "trades on the Borsex".
var listingWords = words(`listing listed list lists trade trades traded trading floated float debuted`)

// indefiniteBefore reports whether "a" or "an" opens the phrase that ends right before
// toks[i], through lowercase adjectives: "a bad-tempered X".
func (s *scanner) indefiniteBefore(i int) bool {
	for k := i - 1; k >= 0 && k >= i-3 && s.toks[k].kind == tWord && unicode.IsLower(firstRune(s.toks[k].text)); k-- {
		switch w := s.toks[k].fold; {
		case w == "a" || w == "an":
			return true
		case stopwords[w]:
			return false
		}
	}
	return false
}

// onPlaceNoun reports whether the name at toks[i] follows a place noun and "on" or
// "along" (and "the"): "the dam on the Euphrates", "a port on the Danube".
func (s *scanner) onPlaceNoun(i int) bool {
	toks := s.toks
	k := i - 1
	if k >= 0 && isArticle(toks[k].text) {
		k--
	}
	if k < 1 || toks[k].fold != "on" && toks[k].fold != "along" {
		return false
	}
	return placeNoun(wordBefore(toks, k))
}

// marketAfterMove reports whether the name at toks[i] follows "on" or "in" (and "the")
// after a price's move ("fell 11 percent in early trading on the Nasdaq"): the market the
// shares trade on.
func (s *scanner) marketAfterMove(i int) bool {
	toks := s.toks
	k := i - 1
	if k >= 0 && isArticle(toks[k].text) {
		k--
	}
	if k < 0 || toks[k].fold != "on" {
		return false
	}
	if listingWords[wordBefore(toks, k)] {
		return true // "since listing on the Nasdaq"
	}
	for j := k - 1; j >= 0 && j >= k-6 && toks[j].kind != tBreak && toks[j].text != "."; j-- {
		if toks[j].fold == "percent" || toks[j].text == "%" || toks[j].fold == "points" {
			return true
		}
	}
	return false
}

// briefVerbs before people and "at" make "at" say where they were addressed.
var briefVerbs = words(`told tells telling briefed addressed met meeting greeted`)

// countWords count the noun phrase they open: "two Dene hunters".
var countWords = words(`two three four five six seven eight nine ten dozen dozens hundreds thousands
	several many few some`)

// personNouns are nouns for people that are no roles: "a man named…".
var personNouns = words(`man woman men women boy girl person child teenager`)

// modifiedNounOpens reports whether the noun at toks[k] ends a phrase of lowercase
// modifiers opened by a possessive or an article a few words back: "The city's social
// affairs agency".
func (s *scanner) modifiedNounOpens(k int) bool {
	for j := k - 1; j >= 0 && j >= k-4 && s.toks[j].kind == tWord; j-- {
		t := s.toks[j]
		if t.poss || isArticle(t.text) {
			return true
		}
		if !unicode.IsLower(firstRune(t.text)) || stopwords[t.fold] {
			return false
		}
	}
	return false
}

// phraseOpens reports whether the lowercase noun phrase that ends at toks[k] opens with
// an article or a possessive within three words: "its encryption software", "the tool".
func (s *scanner) phraseOpens(k int) bool {
	for j := k - 1; j >= 0 && j >= k-3 && s.toks[j].kind == tWord; j-- {
		t := s.toks[j]
		if isArticle(t.text) || pronounPoss[t.fold] || t.poss || t.fold == "whose" {
			return true // "whose rival app, Tulko,"
		}
		if !unicode.IsLower(firstRune(t.text)) {
			return false
		}
	}
	return false
}

// syllableAbbreviation reports whether a capitalised word in brackets after a body's name
// is its short name made of syllables ("Commission on Elections (Comelec)", "Office of
// Communications (Ofcom)"): the name has a body's head noun and of or on, and the word
// starts with the name's first letters.
func syllableAbbreviation(name []token, t token) bool {
	if len(name) < 3 || headKind(name) == "" || !isNameToken(t) || utf8.RuneCountInString(t.text) < 4 {
		return false
	}
	first := []rune(name[0].fold)
	w := []rune(t.fold)
	return len(first) >= 2 && w[0] == first[0] && w[1] == first[1]
}

// syllablesOf reports whether abbr is made of the first syllables (two letters or more)
// of every capitalised word of name, in order: "Jirama" of "Jiro sy Rano Malagasy".
func syllablesOf(name []token, abbr string) bool {
	var parts []string
	for _, t := range name {
		if isNameToken(t) {
			parts = append(parts, t.fold)
		}
	}
	a := app.Fold(abbr)
	if len(parts) < 2 || utf8.RuneCountInString(a) < 4 {
		return false
	}
	return madeOfSyllables(a, parts, false)
}

// madeOfSyllables reports whether a (folded) is made of the first syllables, two letters
// or more each, of the words parts, in order and from the first: of every word, or of
// two or more when skip lets words be passed over ("Banorte" of "Banco Mercantil del
// Norte").
func madeOfSyllables(a string, parts []string, skip bool) bool {
	var match func(a string, parts []string, used int) bool
	match = func(a string, parts []string, used int) bool {
		if a == "" {
			if skip {
				return used >= 2
			}
			return len(parts) == 0
		}
		for i, p := range parts {
			if i > 0 && (!skip || used == 0) {
				break // the first syllable is the first word's; without skip, every word's
			}
			for n := 2; n <= len(p) && n <= len(a); n++ {
				if a[:n] == p[:n] && match(a[n:], parts[i+1:], used+1) {
					return true
				}
			}
		}
		return false
	}
	return match(a, parts, 0)
}

// memberTag reads a legislator's tag in brackets after a name, "(S&D, Slovenia)": it
// returns 1 when toks[i:end] is the tag's acronym (a party or group), 2 when it is the
// tag's country (where the legislator is from), 0 otherwise.
func memberTag(toks []token, i, end int) int {
	open := i - 1
	if open >= 0 && toks[open].text == "," {
		open -= 2
	}
	if open < 1 || toks[open].text != "(" || !isNameToken(toks[open-1]) || open+3 >= len(toks) ||
		toks[open+2].text != "," || !isAcronym(toks[open+1].text) {
		return 0
	}
	close := open + 3
	for close < len(toks) && close < open+7 && isNameToken(toks[close]) {
		close++
	}
	if close >= len(toks) || toks[close].text != ")" || !isCountryText(textOfPlain(toks[open+3:close])) {
		return 0
	}
	switch {
	case i == open+1 && end == open+2:
		return 1
	case i == open+3 && end == close:
		return 2
	}
	return 0
}

// textOfPlain joins the words of toks with blanks.
func textOfPlain(toks []token) string {
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = t.text
	}
	return strings.Join(parts, " ")
}

// modelCode reports whether a one-word name is a model's code, letters, a hyphen and a
// number: "K-220", "Su-57". "G-20" and "G-7" are groups of states, not models.
func modelCode(o *occurrence) bool {
	if len(o.toks) != 1 {
		return false
	}
	p, n, ok := strings.Cut(o.text, "-")
	if !ok || p == "G" || p == "" || n == "" || strings.Trim(n, "0123456789") != "" || len(n) < 2 && utf8.RuneCountInString(p) < 3 {
		return false // "Cholvira-1", "K-220"; not "G-7"
	}
	return strings.IndexFunc(p, func(r rune) bool { return !unicode.IsLetter(r) }) < 0
}

// roadCode reports whether w is one or two capitals and one to three digits, the way
// roads and motorways are numbered: "A28", "N35", "M4".
func roadCode(w string) bool {
	letters := strings.TrimRight(w, "0123456789")
	n := len(w) - len(letters)
	return n >= 1 && n <= 3 && len(letters) >= 1 && len(letters) <= 2 && strings.ToUpper(letters) == letters && strings.ToLower(letters) != letters
}

// fairNouns after a name make it an event's, not a host's: a trade fair or a festival. Of
// eventNouns only these: a party or a bloc holds its own conference or summit.
var fairNouns = words(`fair fairs festival festivals expo exhibition`)

// thingAfter reports whether a product's or an event's noun follows the name at end,
// right after it or after one hyphenated modifier: "the Atlas 9 smartphone", "the Vela
// e-bike motor", "the Kastor range of forklift drives".
func thingAfter(toks []token, end int) bool {
	w := wordAfter(toks, end)
	if thingNoun(w) || fairNouns[w] {
		return true // "the Spice World Asia fair"
	}
	if strings.Contains(w, "-") && thingNoun(wordAfter(toks, end+1)) {
		return true
	}
	// "Patriot air defence systems": a product's noun after two or three modifiers that
	// are plain nouns or adjectives (no verb: "Telvoro and MTK Group sell phones").
	for k := end; k < len(toks) && k < end+3; k++ {
		v := wordAfter(toks, k)
		if v == "" || v == "think" || stopwords[v] || speechVerbs[v] || strings.HasSuffix(v, "ed") || strings.HasSuffix(v, "s") && k > end && !thingNoun(v) {
			return false
		}
		if k > end && (weaponNouns[v] || eventNouns[v]) {
			return true
		}
	}
	return false
}

// weaponNouns are the nouns of weapons and their systems, read a few words after a name:
// "Patriot air defence systems", "Leopard battle tanks".
var weaponNouns = words(`system systems tank tanks launcher launchers howitzer howitzers missile missiles
	rocket rockets jet jets fighter fighters drone drones frigate frigates submarine submarines
	helicopter helicopters`)

// eventNouns are the nouns of gatherings, read a word or two after a name: "the Baltic
// Timber Days trade fair", "the Kotka film festival".
var eventNouns = words(`fair fairs festival festivals show expo exhibition conference congress forum
	tournament championship ceremony gala marathon race regatta`)

// vesselNouns, right before a name, say it is a ship's: "the tanker Qamar 2".
var vesselNouns = words(`vessel vessels ship ships tanker tankers freighter ferry trawler dhow
	yacht cutter frigate warship barge tug mv`)

// vesselBefore reports whether the name starting at toks[i] is a ship's: after "aboard
// the", "on board the" or a vessel's noun.
func vesselBefore(toks []token, i int) bool {
	w := wordBefore(toks, i)
	if vesselNouns[w] {
		return true
	}
	if w == "the" {
		v := wordBefore(toks, i-1)
		return v == "aboard" || v == "board" && wordBefore(toks, i-2) == "on"
	}
	return false
}

// thingNoun reports whether w, or the last part of a hyphenated w ("e-bike"), is a
// product's or an event's noun.
func thingNoun(w string) bool {
	if nonActorAfter[w] {
		return true
	}
	if i := strings.LastIndex(w, "-"); i >= 0 {
		return nonActorAfter[w[i+1:]]
	}
	return false
}

// nameAfter returns the name words from toks[k] up to the next joiner or end.
func nameAfter(toks []token, k, end int) []token {
	j := k
	for j < end && isNameToken(toks[j]) {
		j++
	}
	return toks[k:j]
}

// segmentTrim records toks[i:end] without joiners at its ends.
func (s *scanner) segmentTrim(i, end int) {
	for i < end && !isNameToken(s.toks[i]) {
		i++
	}
	for end > i && !keptLast(s.toks, i, end) {
		end--
	}
	if end > i {
		s.segment(s.toks[i:end], i, end)
	}
}

// segment turns one candidate name, toks = s.toks[i:end] (toks[k] is s.toks[i+k]), into
// occurrences: it drops the words a sentence capitalised, strips titles and roles, and
// notes the clues around it.
func (s *scanner) segment(toks []token, i, end int) {
	if n := len(toks); n >= 4 && periodTitle(toks, n-3, n) {
		return // "Goalkeeper of the Season": a title, whatever role word it holds
	}
	toks, i, end = trimOpeners(toks, i, end)
	if len(toks) == 0 || len(toks) > 1 && streetOpeners[toks[0].fold] {
		return // "Rua General Câmara", "Avenida Simón Bolívar": a street, whoever it honours
	}
	if s.capitalsLabel(toks) {
		return // "FINAL", "PROVISIONAL RESULTS": a table's or a blog's label in capitals
	}
	if len(toks) > 1 && isRoleHead(toks[0].fold) {
		if c, ok := countryForm(s.textOf(toks)); ok {
			// "Sri Lanka", "Saint Lucia": a state's name, though a title's word opens it.
			s.add(&occurrence{toks: toks, country: c, kind: app.State}, i, end)
			return
		}
	}
	// "Labour MPs", "Kremlin Spokesman": a role after the name says whose it is.
	for len(toks) > 1 && trailingRoles[toks[len(toks)-1].fold] && !connectors[toks[len(toks)-2].fold] {
		toks, end = toks[:len(toks)-1], end-1
	}
	if h := remitOffice(toks); h >= 0 {
		s.addOffice(toks, h, i, end)
		return
	}
	if s.titledPerson(toks, i, end) {
		return
	}
	if onlyRoles(toks) || romanceTitle(stripLeadingArticle(toks)) {
		s.addCountries(toks, 0, len(toks)-1, i)
		return
	}
	toks, i = s.stripDemonym(toks, i, end)
	toks, i = stripDescriptor(toks, i)
	s.add(&occurrence{toks: toks}, i, end)
}

// virtueNames are given names that are English words, left out of the given names for
// that reason: "Faith Wanjiru Kamau", "Blessing Okafor Eze".
var virtueNames = words(`faith grace charity patience mercy blessing precious prudence constance felicity comfort
	goodluck innocent favour favor peace gift hope`)

// stripDescriptor drops an English word the sentence capitalised before a person's full
// name ("Surveyor Seo Yu-na", "Sanitation Lindiwe Phakathi-Mokoena"): a trade or a
// portfolio, not a part of the name. Two words ("Park Chung-hee"), a short word that may
// be a surname ("Tan Wei Ling") and a name ending in an English word ("Sequoia Park
// Elementary") are left as they are.
func stripDescriptor(toks []token, i int) ([]token, int) {
	if len(toks) < 3 || !firstNames[toks[1].fold] || firstNames[toks[0].fold] || virtueNames[toks[0].fold] || !englishWord(toks[0].fold) ||
		len(toks[0].fold) < 5 || englishWord(toks[len(toks)-1].fold) ||
		isAllCaps(toks[0].text) || cueKind(toks[0].fold) != "" || particles[toks[0].fold] || connectors[toks[0].fold] ||
		headKind(toks[1:]) != "" || slices.ContainsFunc(toks[1:], func(t token) bool { return !isNameToken(t) || isAcronym(t.text) }) {
		return toks, i
	}
	return toks[1:], i + 1
}

// stressedWords are the function words and calls a post writes in capitals for stress
// ("NOT", "OR", "NOW", "AGAIN").
var stressedWords = words(`not or and nor but for to never no now again enough continue must stop`)

// neverOpens are capitalised words that begin no name, wherever they stand: "Partnership,
// Not Ownership!".
var neverOpens = words(`not nor but yet`)

// trimOpeners drops the words around a name that are not part of it: a sentence's first
// words ("The Framework", "But Maliki"), a role or descriptor noun the sentence
// capitalised ("Rival Carl Zeiss AG", "Chipmaker Veltrane"), joiners, weekdays and months.
func trimOpeners(toks []token, i, end int) ([]token, int, int) {
	// "The Framework", "But Maliki": words that only start a sentence.
	for len(toks) > 0 && stopwords[toks[0].fold] && (toks[0].sent || isArticle(toks[0].text) || neverOpens[toks[0].fold]) && !irishArticle(toks) {
		toks, i = toks[1:], i+1
	}
	// "for Ankara OR for the PKK": a word in capitals a post stresses is no part of a name.
	for len(toks) > 1 && stressedWords[toks[len(toks)-1].fold] && isAllCaps(toks[len(toks)-1].text) && !isAllCaps(toks[len(toks)-2].text) {
		toks, end = toks[:len(toks)-1], end-1
	}
	// "Mostly Tenger Capital Bank", "Russian-speaking Saskaņas Kreisie": an adverb or a
	// compound adjective the sentence capitalised describes the name after it.
	for len(toks) > 2 && toks[0].sent && sentenceModifier(toks[0]) {
		toks, i = toks[1:], i+1
	}
	// "Rival Carl Zeiss AG", "Striker Eoin Madigan" opening a sentence: a role noun the
	// sentence capitalised describes the name; it is not part of it.
	for len(toks) > 1 && sentenceRole(toks) {
		toks, i = toks[1:], i+1
	}
	if n := peopleOfOpening(toks); n > 0 {
		toks, i = toks[n:], i+n // "Officers of Finantsinspektsioon", "Soldiers of the TPDF"
	}
	// "Chipmaker Veltrane recalls…", "Broadcaster NRK said": a noun saying what a company
	// or a newsroom does, capitalised by the sentence, describes the name after it (the
	// word before the name then gives its kind).
	for len(toks) > 1 && toks[0].sent && descriptorNouns[toks[0].fold] {
		toks, i = toks[1:], i+1
	}
	// "Leaders of the Southern African Development Community": the joiners the role word
	// held are not part of the name either.
	for len(toks) > 1 && !isNameToken(toks[0]) {
		toks, i = toks[1:], i+1
	}
	// "C&F Oran", "FOB Santos": a trade term before a port is not part of its name.
	for len(toks) > 1 && tradeTerms[toks[0].fold] {
		toks, i = toks[1:], i+1
	}
	// "GM Mateusz Wróbel", "IM Einar Þórólfsson": a chess title in capitals before a
	// person's name of two words or more (not "GM Korea", a company's unit).
	if len(toks) > 2 && chessTitles[toks[0].text] && (firstNames[toks[1].fold] || !hasAnyCue(toks[1:])) {
		toks, i = toks[1:], i+1
	}
	// "By Friday Talvane Orrin", "the Ministry Tuesday": a weekday or a month beside a
	// name is not part of it.
	for len(toks) > 1 && dateWords[toks[0].fold] {
		toks, i = toks[1:], i+1
	}
	// "Priya Raghunathan KC", "Mairi Ross MacLennan MSP": letters after a person's name
	// say what they are, as a title before it does.
	for len(toks) > 2 && postNominal(toks[len(toks)-1]) && !hasAnyCue(toks[:len(toks)-1]) &&
		(toks[len(toks)-1].fold != "sc" || firstNames[toks[0].fold]) {
		toks, end = toks[:len(toks)-1], end-1
	}
	// "Ramkissoon-Baptiste JA": a judge signs with the surname alone.
	if len(toks) == 2 && benchLetters[toks[1].fold] && isAcronym(toks[1].text) && isNameToken(toks[0]) && !hasAnyCue(toks[:1]) {
		toks, end = toks[:1], end-1
	}
	for len(toks) > 1 && dateWords[toks[len(toks)-1].fold] {
		toks, end = toks[:len(toks)-1], end-1
	}
	return toks, i, end
}

// capitalsLabel reports whether toks are words in capitals of five letters or more, each
// one the text also writes in lower case or a table's label word: a label ("RESULT", "FINAL
// STANDINGS"), not an acronym ("WHO" is short, "NATO" is written only so).
func (s *scanner) capitalsLabel(toks []token) bool {
	for _, t := range toks {
		if !isAllCaps(t.text) || utf8.RuneCountInString(t.text) < 5 || !s.commonWord(t.fold) && !generic[t.fold] && !labelWords[t.fold] {
			return false
		}
	}
	return true
}

// labelWords head tables and live blogs in capitals: "FINAL STANDINGS", "RESULT".
var labelWords = words(`final standings results result provisional summary ranking rankings leaderboard update`)

// streetOpeners open a street's or a square's name in other languages, before the name.
var streetOpeners = words(`rua avenida calle carrera rue boulevard piazza praça plaza paseo jalan ulitsa jirón`)

// irishArticle reports whether toks open with a capital "An" inside a sentence, where
// English writes "an": the Irish article of a name ("An Bord Pleanála", "An Garda Síochána").
func irishArticle(toks []token) bool {
	return len(toks) > 1 && toks[0].text == "An" && !toks[0].sent
}

// chessTitles are the titles of chess players, written in capitals before their names.
var chessTitles = map[string]bool{"GM": true, "IM": true, "WGM": true, "WIM": true, "FM": true, "WFM": true, "CM": true}

// tradeTerms say who pays for carriage to a port: "C&F Oran", "FOB Santos".
var tradeTerms = words(`c&f cfr cif fob exw ddp`)

// sentenceRole reports whether the name's first word is a role noun the sentence
// capitalised ("Candidate Tomas Mendoza", "Activist Ana Ruiz Vela"; not "Brothers of
// Italy").
func sentenceRole(toks []token) bool {
	w := toks[0].fold
	if agentBeforeName(toks) {
		return true
	}
	if !toks[0].sent || !(roleWords[w] || roleWords[strings.TrimSuffix(w, "s")]) || isRoleHead(w) {
		return false
	}
	return hasOrgCue(toks[1:]) || len(toks) == 2 || len(toks) <= 4 && (roleWords[w] || roleWords[strings.TrimSuffix(w, "s")] && !kinWords[strings.TrimSuffix(w, "s")]) && !hasAnyCue(toks[1:]) &&
		!slices.ContainsFunc(toks[1:], func(t token) bool { return !isNameToken(t) || withoutWords[t.fold] })
}

// peopleOfOpening returns how many words a sentence's first word, a plural noun of people,
// and "of" (and "the") take before a name: "Officers of Finantsinspektsioon", "Soldiers
// of the Tanzania People's Defence Forces". They name whose people act, not a body's
// words; 0 when the name does not open so.
func peopleOfOpening(toks []token) int {
	if len(toks) < 3 || !toks[0].sent || toks[1].fold != "of" || knownKinds[app.Fold(textOfPlain(toks))] != "" || isCountryText(textOfPlain(toks[2:])) {
		return 0 // "Brothers of Italy": a party's name
	}
	n := 2
	if toks[2].fold == "the" {
		n = 3
	}
	if n >= len(toks) {
		return 0
	}
	if collectiveNouns[toks[0].fold] && headKind(toks[n:]) != "" {
		return n // "Police of the Lesotho Mounted Police Service": the body is named whole after
	}
	w, ok := strings.CutSuffix(toks[0].fold, "s")
	if !ok || kinWords[w] || !(roleWords[w] || personNouns[toks[0].fold] || armedMembers[toks[0].fold] || agentNoun(w) || partNouns[toks[0].fold]) {
		return 0 // "Brothers of Italy", "Mothers of the Disappeared": groups named so
	}
	return n
}

// collectiveNouns name a body's people without a plural ending: "Police of the …".
var collectiveNouns = words(`police staff personnel`)

// partNouns are the parts of a body that act for it: "Units of the Petroleum Facilities
// Guard", "Elements of the 4th Brigade".
var partNouns = words(`units elements members sections branches detachments contingents`)

// longForms are legal forms written as words, never a surname: "Ltd", "Limited", "Inc".
var longForms = words(`ltd limited inc incorporated corp corporation llc plc gmbh`)

// keptAbbrs are abbreviations a name keeps, written with their dot.
var keptAbbrs = words(`no md jr sr cia`)

// postNominals follow a person's name: honours, seats and ranks at the bar.
// SC (senior counsel, after a given name only: a sports club's letters too), JA and CJ
// (judges of appeal, chief justice), LJ: the bench and bar.
var postNominals = words(`kc qc sc san td mp msp mla mep mpp mha obe mbe cbe kbe dbe phd ja jca cj lj`)

// postNominal reports whether t follows a person's name to say what they are: letters in
// capitals ("KC", "MSP") or a monk's title ("Thero").
func postNominal(t token) bool {
	return postNominals[t.fold] && isAcronym(t.text) || monkTitles[t.fold]
}

// honorificsFirst are honorifics that stand before a whole name; the same word inside a
// name, after another of its words, is the name's own ("Sai Khun Hseng", a Shan name).
var honorificsFirst = words(`khun daw`)

// monkTitles follow a Buddhist monk's name, written as words: "Kirinde Sumanarathana Thero".
var monkTitles = words(`thero`)

// benchLetters follow a judge's surname in a judgment: "Okafor JA", "Mensah CJ".
var benchLetters = words(`ja jca cj lj`)

// sentenceModifier reports whether a word opening a sentence is an adverb in -ly or a
// compound adjective ("Russian-speaking", "Kurdish-majority") rather than a name's word.
func sentenceModifier(t token) bool {
	w := t.fold
	if firstNames[w] || knownKinds[w] != "" {
		return false
	}
	if strings.HasSuffix(w, "ly") && utf8.RuneCountInString(w) > 5 && !strings.HasSuffix(w, "ally") || w == "mostly" || w == "only" {
		return true
	}
	if _, after, ok := strings.Cut(t.text, "-"); ok && after != "" && unicode.IsLower(firstRune(after)) {
		return strings.HasSuffix(after, "ing") || strings.HasSuffix(after, "majority") || strings.HasSuffix(after, "dominated")
	}
	return false
}

// kinWords name groups that call themselves family: "Brothers of Italy", "Friends of
// the Earth".
var kinWords = words(`brother sister mother father son daughter friend widow`)

// agentBeforeName reports whether the name's first word is an agent noun the sentence
// capitalised before a name of two or three words: "Wholesaler Ong Bee Hua, who…".
func agentBeforeName(toks []token) bool {
	if !toks[0].sent || len(toks) < 3 || len(toks) > 4 || hasAnyCue(toks[1:]) || !allNameTokens(toks[1:]) {
		return false
	}
	// A short agent noun ("Weaver", "Rider") says so only before a given name: "Baker"
	// or "Porter" alone may be a surname.
	w := toks[0].fold
	return agentNoun(w) || utf8.RuneCountInString(w) >= 5 && strings.HasSuffix(w, "er") && !firstNames[w] && !isRoleHead(w) &&
		firstNames[toks[1].fold]
}

// agentNoun reports whether a folded word reads as a noun for someone who does something
// ("wholesaler", "boatman", "florist"): a long word with an agent's ending that is no
// given name ("Alexander") nor a title (the title rules read those).
func agentNoun(w string) bool {
	if utf8.RuneCountInString(w) < 7 || firstNames[w] || isRoleHead(w) || demonyms[w] {
		return false
	}
	for _, suf := range []string{"er", "ist", "man", "woman"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// allNameTokens reports whether every token is a capitalised name word.
func allNameTokens(toks []token) bool {
	return !slices.ContainsFunc(toks, func(t token) bool { return !isNameToken(t) || t.fold != "" && stopwords[t.fold] })
}

// addCountries adds the states named by toks[from:to+1] (in a title: "U.S. President").
// The state of a head of state, a minister or an envoy acts through them; that of a judge
// or a legislator ("U.S. District Judge", "U.S. Rep.") only says which country's court
// or house they sit in.
func (s *scanner) addCountries(toks []token, from, to, i int) {
	acts := stateRoles[toks[to].fold]
	for k := from; k <= to; k++ {
		if c, ok := countryFormFolded(toks[k].text, toks[k].fold); ok {
			s.add(&occurrence{toks: toks[k : k+1], country: c, kind: app.State, roleOf: !acts}, i+k, i+k+1)
		}
	}
}

// stateRoles are the titles of those who speak or act for a state.
var stateRoles = words(`president minister premier chancellor king queen emir amir sultan prince
	ambassador envoy secretary secretary-general spokesman spokeswoman spokesperson leader
	vice-president ruler monarch commander general admiral`)

// titledPerson adds the person a title or role names ("U.S. President Donald Trump",
// "Secretary of State Marco Rubio"), with the states and the name before the title; it
// reports whether there was one.
func (s *scanner) titledPerson(toks []token, i, end int) bool {
	if last := toks[len(toks)-1]; len(toks) > 2 && legalSuffixTok(last) && (strings.Contains(last.text, ".") || isAllCaps(last.text) || longForms[last.fold]) {
		return false // "Al-Manara General Trading Co.": a registered firm holds no title ("Irigoyen Saá" may)
	}
	h, from := roleSpan(toks, s.saidAlone)
	if h < 0 {
		return false
	}
	// The countries in the title are actors too: "U.S. President Donald Trump".
	s.addCountries(toks, from, h, i)
	if from > 0 {
		// "Mendal Care Trust and Dr. Hilde Moen": no "and" left. A lone name before a
		// title says whose title it is ("Texas Attorney General Ken Paxton").
		s.roleQualifier = true
		s.segmentTrim(i, i+from)
		s.roleQualifier = false
	}
	// "Secretary of State Marco Rubio": the role's complement goes with it.
	n := h + 1
	for n < len(toks)-1 && (roleModifiers[toks[n].fold] || connectors[toks[n].fold]) && !(toks[n].fold == "tan" && toks[n+1].fold != "sri") {
		n++ // "Tan Sri Tan Boon Hock": the second "Tan" is his surname
	}
	if of := bodyAfterHolder(toks, n); of > 0 {
		// "Minister for Housing Colm Ó Ceallaigh of Fianna Fáil": the holder, then the
		// body they belong to, a name of its own.
		s.add(&occurrence{toks: toks[n:of], person: true, kind: app.Person}, i+n, i+of)
		s.segmentTrim(i+of+1, end)
		return true
	}
	s.add(&occurrence{toks: toks[n:], person: true, kind: app.Person}, i+n, end)
	return true
}

// bodyAfterOf reports whether "of" and a known body, a state or a body's name end toks
// from toks[g]: the holder's body, not the holder ("… of Fianna Fáil").
func bodyAfterOf(toks []token, g int) bool {
	if g < 1 || toks[g-1].fold != "of" {
		return false
	}
	rest := toks[g:]
	return knownKinds[app.Fold(textOfPlain(rest))] != "" || isCountryText(textOfPlain(rest)) || hasAnyCue(rest)
}

// bodyAfterHolder returns where "of" stands in a title's holder toks[n:] when a known
// body, a state or a body's name follows it ("Colm Ó Ceallaigh of Fianna Fáil"), after
// two name words or more; 0 when none does.
func bodyAfterHolder(toks []token, n int) int {
	for k := n + 2; k < len(toks)-1; k++ {
		if toks[k].fold != "of" {
			continue
		}
		rest := toks[k+1:]
		if len(rest) > 0 && isArticle(rest[0].text) {
			rest = rest[1:]
		}
		if len(rest) == 0 || !allNameTokens(toks[n:k]) {
			return 0
		}
		if knownKinds[app.Fold(textOfPlain(rest))] != "" || isCountryText(textOfPlain(rest)) || hasAnyCue(rest) {
			return k
		}
		return 0
	}
	return 0
}

// saidAlone reports whether the text writes the folded words ws alone somewhere: one
// word as aloneWords finds it or opening a sentence before a said-type verb
// ("Phommachanh said"), two words as a run of their own ("Chhay Sokunthea told"). A
// surname or a full name said again is a name; a title's portfolio words are not.
func (s *scanner) saidAlone(ws ...string) bool {
	if len(ws) == 1 && s.alone[ws[0]] {
		return true
	}
	t, n := s.toks, len(ws)
	for i := 0; i+n <= len(t); i++ {
		if !matchesRun(t[i:i+n], ws) || i > 0 && isNameToken(t[i-1]) && !t[i].sent || i+n < len(t) && isNameToken(t[i+n]) {
			continue
		}
		if n > 1 || i+1 < len(t) && speechVerbs[t[i+1].fold] {
			return true
		}
	}
	return false
}

// matchesRun reports whether toks are the name words ws, folded.
func matchesRun(toks []token, ws []string) bool {
	for k, t := range toks {
		if !isNameToken(t) || t.fold != ws[k] {
			return false
		}
	}
	return true
}

// stripDemonym drops a demonym or a state's abbreviation that opens a name and only says
// where it is from or whose it is.
func (s *scanner) stripDemonym(toks []token, i, end int) ([]token, int) {
	if knownKinds[app.Fold(textOfPlain(toks))] != "" {
		return toks, i // "Nepali Congress": a known party's name, demonym and all
	}
	// "Kenyan Daniel Kiptanui": a demonym before two plain words or more (no head noun of a
	// body, no "union" or "party" after them) says where the person is from; it is not
	// part of the name. A demonym of two words ("New Zealander", "Sri Lankan") likewise.
	if d := demonymLen(toks); d > 0 && len(toks) > d+1 && headKind(toks[d:]) == "" && !hasArmedName(toks) && !actorNounAfter(wordAfter(s.toks, end)) &&
		!slices.ContainsFunc(toks[d:], func(t token) bool { return isAcronym(t.text) || !isNameToken(t) }) {
		toks, i = toks[d:], i+d
	}
	// "Philippine Department of Foreign Affairs", "U.S. Drug Enforcement Administration":
	// the demonym or abbreviation only says whose body it is. An authority's, a
	// commission's or a coast guard's official name holds it ("Ethiopian Civil Aviation
	// Authority", "Philippine Coast Guard"; "Indian National Congress" is a party's name,
	// demonym and all).
	if len(toks) < 2 || !(govHead(toks[1:]) || headKind(toks[1:]) == app.GovernmentBody) || ownDemonym(toks[1:]) ||
		headKind(toks[1:]) == app.Party || headKind(toks[1:]) == app.Organisation || // "Nigerian Labour Congress": a union's own name
		demonyms[toks[0].fold] && demonymBody(toks[1:]) {
		return toks, i
	}
	first := toks[0]
	c, isCountry := countryFormFolded(first.text, first.fold)
	if isCountry && isAbbreviation(first.text) && genericBodyName(toks[1:]) {
		return toks, i // "U.S. District Court", "U.S. Department of the Interior": the state's letters are in the name
	}
	if demonyms[first.fold] || isCountry && c.name != first.text && toks[1].fold != "and" { // not "Antigua and Barbuda …"
		if isCountry {
			s.add(&occurrence{toks: toks[:1], country: c, kind: app.State}, i, i+1)
		}
		toks, i = toks[1:], i+1
	}
	return toks, i
}

// nounAfter reports whether a lower-case noun saying what the name is follows it: "The"
// before "The Xinhua news agency" is the noun's, not the name's.
func nounAfter(toks []token, end int) bool {
	if end >= len(toks) || toks[end].kind != tWord || !unicode.IsLower(firstRune(toks[end].text)) {
		return false
	}
	_, cue := precedeCues[toks[end].fold]
	return cue || toks[end].fold == "news"
}

// isAbbreviation reports whether a state's form is written in capitals: "U.S.", "UK".
func isAbbreviation(text string) bool {
	return isAcronym(text) || strings.Contains(text, ".") && isAllCaps(strings.ReplaceAll(text, ".", ""))
}

// genericBodyName reports whether a body's name opens with its head noun or with one
// word and its head noun ("Department of the Interior", "District Court", "Forest
// Service", "Attorney's Office"): without the state's letters before it, it would name
// no one body. "State Department" and "Drug Enforcement Administration" name one.
func genericBodyName(toks []token) bool {
	if len(toks) == 0 || toks[0].fold == "state" {
		return false
	}
	if cueKind(toks[0].fold) != "" {
		return len(toks) == 1 || connectors[toks[1].fold] // "Department of the Interior", not "Treasury Department"
	}
	return len(toks) >= 2 && cueKind(toks[1].fold) != ""
}

// add completes an occurrence found at s.toks[i:end] and keeps it unless it names no actor.
func (s *scanner) add(o *occurrence, i, end int) {
	toks := o.toks
	if len(toks) == 0 {
		return
	}
	if k := roleOfBody(toks); k > 0 {
		// "The President of the Personal Data Protection Office fined…": the office acts
		// through its head; the role has no name, the body has.
		toks, i = toks[k:], i+k
		o.toks = toks
	}
	if s.sentenceDotAfterForm(toks, end) {
		last := toks[len(toks)-1]
		last.text = strings.TrimSuffix(last.text, ".")
		last.fold, last.abbr = fold(last.text), false
		toks = append(toks[:len(toks)-1:len(toks)-1], last)
		o.toks = toks
	}
	o.text = s.textOf(toks)
	o.pos = toks[0].start
	// "told The Hindu", "The Point, a Banjul daily,": a newsroom's title may hold "The".
	// A sentence's first "The" belongs to a one-word title only ("The Nation"), not to
	// "The Saudi Press Agency".
	o.the = i > 0 && s.toks[i-1].text == "The" && s.toks[i-1].end < toks[0].start && toks[0].space &&
		(!s.toks[i-1].sent && !s.toks[i-1].para || len(toks) == 1) && !nounAfter(s.toks, end)
	switch {
	case len(toks) == 1 && i > 0 && s.toks[i-1].kind == tWord && fathers[s.toks[i-1].text]:
		o.father = s.toks[i-1].text
		o.text = o.father + " " + o.text
		o.pos = s.toks[i-1].start
	case len(toks) == 2 && fathers[toks[0].fold]:
		o.father = toks[0].fold // "Bin Salman" starting a sentence
	}
	o.key = app.Fold(o.text)
	if i > 0 && s.toks[i-1].poss {
		o.owner = s.toks[i-1].fold // "Kenya's Defence Ministry"
	}
	o.layout = toks[0].layout
	o.cellKind = toks[0].cellKind
	o.quoted = toks[0].quoted
	if s.title {
		o.pos = -1
	}
	if o.country == nil {
		if c, ok := countryForm(o.text); ok {
			o.country, o.kind = c, app.State
		} else if c, ok := capitalOf[o.key]; ok && !isAllCaps(o.text) && knownKinds[o.key] == "" {
			o.country, o.capital = c, true
		}
	}
	if o.country == nil && !keepable(toks) && !(len(toks) > 1 && actorNounAfter(wordAfter(s.toks, end))) && !s.companyOpening(toks) {
		return
	}
	if toks[0].quoted && toks[0].sent && len(toks) > 1 && slices.ContainsFunc(toks[1:], func(t token) bool {
		return isAllCaps(t.text) && utf8.RuneCountInString(t.text) >= 4
	}) && !isAllCaps(toks[0].text) {
		return // "Warehouses FULL, families HUNGRY": a quotation's emphasis, not a name
	}
	if len(toks) == 1 && toks[0].sent {
		o.sent = true
	}
	s.context(o, i, end)
	if o.country == nil && !o.capital && places[o.key] {
		// "Texas", "Madhya Pradesh": a place, whatever the words around say. Kept as an
		// occurrence so that an organisation named after it withholds it as an alias.
		o.gazOnly = !o.loc
		o.loc, o.weakLoc = true, false
	}
	if o.kind == "" {
		o.kind = guessKind(o)
	}
	s.out = append(s.out, o)
}

// undottedForms are legal forms written without a dot of their own ("Ltd", "plc",
// "SA"), as the abbreviations "Co.", "Corp." and "Inc." are not.
var undottedForms = words(`ltd plc limited sa ag llc gmbh nv bv spa ab as asa oy oyj srl sarl`)

// sentenceDotAfterForm reports whether the dot after the legal form that ends toks, the
// name before toks[end], is the sentence's: "… sold to Kafue Pharma Ltd. Its owner…" names
// "Kafue Pharma Ltd". A capitalised word, an opening quotation mark, a line break or the
// text's end follows: inside a sentence these forms go without a dot.
func (s *scanner) sentenceDotAfterForm(toks []token, end int) bool {
	last := toks[len(toks)-1]
	if len(toks) < 2 || !strings.HasSuffix(last.text, ".") || strings.Count(last.text, ".") != 1 || strings.Contains(last.text, ",") ||
		toks[len(toks)-2].text == "," || // "Sakuragawa Bank, Ltd.": a form set off by a comma is written whole, with its dot
		!undottedForms[strings.TrimSuffix(last.fold, ".")] {
		return false
	}
	if end >= len(s.toks) || s.toks[end].kind == tBreak {
		return true
	}
	n := s.toks[end]
	return n.kind == tWord && unicode.IsUpper(firstRune(n.text)) || quoteMark(n) && n.space
}

// roleOfBody returns where the body starts in a role "of" a body with no name after it
// ("President of the Personal Data Protection Office", "Speaker of the House of
// Representatives"), or 0: "Minister of Finance" names a role only.
func roleOfBody(toks []token) int {
	if len(toks) < 4 || !isRoleHead(toks[0].fold) || toks[1].fold != "of" && !(toks[1].fold == "for" && isArticle(toks[2].text)) {
		return 0 // "MP for the Egyptian Social Democratic Party" too; not "Minister for Housing"
	}
	k := 2
	if isArticle(toks[k].text) {
		k++
	}
	rest := toks[k:]
	if len(rest) < 2 || headKind(rest) == "" || headKind(rest) == app.Person {
		return 0
	}
	if h, _ := findHead(rest); h.at < len(rest)-1 && !connectors[rest[h.at+1].fold] {
		return 0 // "Vice-Minister of Cooperative Mining Rosmery Huanca": a portfolio, then a name
	}
	return k
}

// textOf returns the source text the tokens span, blanks collapsed.
func (s *scanner) textOf(toks []token) string {
	if len(toks) == 1 {
		return toks[0].text
	}
	var b strings.Builder
	for n, t := range toks {
		if t.text == "," {
			b.WriteByte(',')
			continue
		}
		if n > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.text)
		if t.abbr && keptAbbrs[t.fold] && !strings.HasSuffix(t.text, ".") {
			b.WriteByte('.') // "Election Tribunal No. 3", "Md. Habibur Rahman", "Rogelio Macalintal Jr."
		}
		if t.abbr && n == len(toks)-1 && legalSuffixTok(t) && !strings.HasSuffix(t.text, ".") {
			b.WriteByte('.') // "Hengli Fine Chemicals Co."
		}
		if t.poss && n < len(toks)-1 {
			b.WriteString(possMark(t.text))
		}
	}
	return b.String()
}

// possMark is the possessive's mark a word takes back in a name: "Workers'", "People's".
func possMark(w string) string {
	if strings.HasSuffix(w, "s") {
		return "'"
	}
	return "'s"
}

type countryPart struct {
	tok token
	c   *country
}

// countryPair splits a hyphenated word whose every part is a country ("Israel-Iran") into
// them; nil for any other word.
func countryPair(t token) []countryPart {
	parts := strings.Split(t.text, "-")
	if len(parts) < 2 || !strings.Contains(t.text, "-") {
		return nil
	}
	var out []countryPart
	at := t.start
	for _, p := range parts {
		c, ok := countryForm(p)
		if !ok {
			return nil
		}
		n := utf8.RuneCountInString(p)
		out = append(out, countryPart{token{text: p, fold: app.Fold(p), start: at, end: at + n, kind: tWord, space: true}, c})
		at += n + 1
	}
	return out
}

// lowerSuffixes are the legal suffixes some names write in lower case: "Chatterbox
// Holdings plc".
var lowerSuffixes = map[string]bool{"plc": true, "inc": true, "ltd": true, "llc": true, "llp": true, "gmbh": true, "oyj": true, "asa": true,
	"hf": true, "ehf": true, "ry": true} // "ry": a Finnish registered association

// isLowerSuffix reports whether a word is a legal suffix written in lower case, with or
// without dots: "plc", "hf.", "a.s.", "s.r.o." (Icelandic, Czech and Slovak companies).
func isLowerSuffix(w string) bool {
	if lowerSuffixes[w] || capsSuffixes[w] && unicode.IsLower(firstRune(w)) {
		return true
	}
	if !strings.Contains(w, ".") || w == "" || !unicode.IsLower(firstRune(w)) {
		return false
	}
	return lowerSuffixes[strings.TrimSuffix(w, ".")] || strings.Count(w, ".") >= 1 && len(w) >= 3 && isLegalSuffix(strings.ToLower(w)) && (w[1] == '.' || w[2] == '.')
}

// lowerWordsThenSuffix returns the index after a legal suffix in lower case that one to
// three lower-case words lead to from toks[j], or j: "Moravská nákladní doprava a.s.", a
// name that capitalises only its first word.
func lowerWordsThenSuffix(toks []token, j int) int {
	for k := j; k < len(toks) && k < j+4; k++ {
		t := toks[k]
		if t.kind != tWord || !t.space || !unicode.IsLower(firstRune(t.text)) {
			return j
		}
		if k > j && strings.Contains(t.text, ".") && isLowerSuffix(t.text) {
			return k + 1
		}
		if stopwords[t.fold] || connectors[t.fold] || strings.Contains(t.text, ".") {
			return j
		}
	}
	return j
}

// actorNounAfter reports whether a lowercase word after a name says it is a party's, a
// group's or an organisation's: "the Europe Now movement", "the Forward Together party".
func actorNounAfter(w string) bool {
	k, ok := followCues[w]
	return ok && k != app.Person && w != "said" && w != "government"
}

// speechVerbs, right after a name, say that it speaks: a person or an organisation.
var speechVerbs = words(`said says told wrote added posted tweeted replied answered insisted argued
	admitted reported announced declined denied warned welcomed confirmed stated urged criticised
	criticized complained responded`)

// followCuesAny reports whether w, after a name, is a verb or cue rather than the noun
// the name qualifies: "Veskaran said" is not "Veskaran riders".
func followCuesAny(w string) bool {
	_, ok := followCues[w]
	return ok || stopwords[w] || roleWords[w] || strings.HasSuffix(w, "ed")
}

// publicKind reads the words before the agency noun at toks[k] (back to an article or a
// comma): an agency a name calls international or another body's ("the UN refugee
// agency", "the EU border agency") is an organisation; any other agency is a state's
// ("the statistics agency", "the country's tax agency").
func (s *scanner) publicKind(k int) app.ActorKind {
	for j := k - 1; j >= 0 && j >= k-5 && s.toks[j].kind == tWord && !isArticle(s.toks[j].text); j-- {
		if internationalWord(s.toks[j].fold) || knownOrgInside(s.toks[j:j+1]) {
			return app.Organisation
		}
	}
	return app.GovernmentBody
}

// appositiveKinds are the nouns of an appositive that say what a name is.
var appositiveKinds = map[string]app.ActorKind{
	"daily": app.Media, "newspaper": app.Media, "broadcaster": app.Media, "weekly": app.Media,
	"channel": app.Media, "magazine": app.Media, "agency": app.Organisation, "regulator": app.GovernmentBody,
	"watchdog": app.GovernmentBody, "ministry": app.GovernmentBody, "operator": app.Organisation,
	"organisation": app.Organisation, "organization": app.Organisation, "union": app.Organisation,
	"association": app.Organisation, "carrier": app.Organisation, "bank": app.Organisation,
	"retailer": app.Organisation, "chain": app.Organisation, "platform": app.Organisation,
	"airline": app.Organisation, "insurer": app.Organisation, "website": app.Media, "outlet": app.Media,
	"authority": app.GovernmentBody, "tribunal": app.GovernmentBody, "seller": app.Organisation,
	"vendor": app.Organisation, "lobby": app.Organisation, "utility": app.Organisation, "buyer": app.Organisation,
	"arm": app.Organisation, "subsidiary": app.Organisation, "body": app.GovernmentBody,
	"federation": app.Organisation, "confederation": app.Organisation, "network": app.Organisation,
	"foundation": app.Organisation, "institute": app.Organisation, "ngo": app.Organisation,
	"company": app.Organisation, "firm": app.Organisation, "maker": app.Organisation,
	"lender": app.Organisation, "charity": app.Organisation, "group": app.Organisation, "non-profit": app.Organisation, "nonprofit": app.Organisation,
	"party": app.Party, "militia": app.ArmedGroup, "court": app.GovernmentBody, "legislature": app.GovernmentBody,
	"parliament": app.GovernmentBody, "government": app.GovernmentBody,
}

// appositiveKind reads ", the local daily," or ", the EU border agency" after a name: the
// noun that ends the appositive, within four words of "the" or "a".
func (s *scanner) appositiveKind(end int) app.ActorKind {
	toks := s.toks
	if end+4 < len(toks) && toks[end].text == "," && toks[end+1].fold == "one" && toks[end+2].fold == "of" && isArticle(toks[end+3].text) {
		// "Prestige Estates, one of the developers named…": the first plural noun.
		for k := end + 4; k < len(toks) && k < end+8 && toks[k].kind == tWord; k++ {
			if w := toks[k].fold; strings.HasSuffix(w, "s") {
				if kind := kindNoun(strings.TrimSuffix(w, "s")); kind != "" {
					return kind
				}
			}
		}
		return ""
	}
	if end+2 >= len(toks) || toks[end].text != "," || !(isArticle(toks[end+1].text) || toks[end+1].poss && isNameToken(toks[end+1])) {
		return "" // ", the local daily", ", Brazil's competition authority"
	}
	for k := end + 2; k < len(toks) && k < end+7; k++ {
		t := toks[k]
		if t.kind != tWord {
			return ""
		}
		if kind, ok := appositiveKinds[t.fold]; ok && unicode.IsLower(firstRune(t.text)) {
			if k+1 < len(toks) && toks[k+1].kind == tWord && !connectors[toks[k+1].fold] && !relatives[toks[k+1].fold] && toks[k+1].fold != "known" && toks[k+1].fold != "that" &&
				!strings.HasSuffix(toks[k+1].fold, "ed") { // "the frozen-food group based in the city"
				return "" // "the group's founder": the noun does not end it; "the lobby for farmers" does
			}
			if t.fold == "agency" && (toks[k-1].fold == "news" || toks[k-1].fold == "press") {
				return app.Media
			}
			if t.fold == "agency" || t.fold == "body" {
				return s.publicKind(k) // "Frontex, the EU border agency"; "INDEC, the statistics agency"
			}
			return kind
		}
	}
	return ""
}

// memberOf reads "NAME of the BODY": a person's name and the party, group or body they
// belong to ("Ilse Varga of the Civic Forum", "Rahel Tesfaye of the Tigray Farmers'
// Union"). A body's name after "of the" and a person's name says whom they belong to, so
// it is an organisation's (when its words say no other kind); a name before "of the" and
// a body whose head says its kind is a person's.
func (s *scanner) memberOf(o *occurrence, i, end int) {
	toks := s.toks
	if i >= 3 && toks[i-1].fold == "the" && toks[i-2].fold == "of" && armedMembers[toks[i-3].fold] && o.country == nil && !o.capital {
		o.ctxKind = app.ArmedGroup // "fighters of the Tana Liberation Front": who fight with weapons
		return
	}
	if o.country != nil || o.capital || knownKinds[o.key] != "" {
		return
	}
	if s.legislatorOf(o, i) && (headKind(o.toks) == "" || ambiguousHead(o.toks)) && o.ctxKind == "" {
		o.ctxKind = app.Party // "Senador Rodrigo Urrutia of Renovación Nacional", "lawmaker … of the Homeland Union"
		return
	}
	if headKind(o.toks) != "" {
		return
	}
	if i >= 3 && toks[i-1].fold == "the" && toks[i-2].fold == "of" && len(s.out) > 0 {
		if p := s.out[len(s.out)-1]; p.toks[len(p.toks)-1].end <= toks[i-2].start && at(toks, i-3) == p.toks[len(p.toks)-1].start &&
			(p.person || firstNames[p.toks[0].fold]) && p.country == nil && !places[o.key] && o.ctxKind == "" {
			o.ctxKind = app.Organisation
			if k, ok := s.tokenAt(p.toks[0].start); ok && (k >= 1 && oppositionWords[toks[k-1].fold] || k >= 2 && roleWords[toks[k-1].fold] && oppositionWords[toks[k-2].fold]) {
				o.ctxKind = app.Party // "opposition leader Ilse Varga of the Civic Forum"
			}
		}
	}
	if end+2 < len(toks) && toks[end].fold == "of" && toks[end+1].fold == "the" && len(o.toks) >= 2 && o.ctxKind == "" {
		k := end + 2
		for k < len(toks) && isNameToken(toks[k]) && toks[k].space {
			k++
		}
		if hk := headKind(toks[end+2 : k]); k > end+2 && (hk == app.Party || hk == app.Organisation || hk == app.GovernmentBody) {
			o.ctxKind = app.Person
		}
	}
}

// legislatorOf reports whether the name at toks[i] follows "of" (or "of the") after a
// person whom a legislator's title or noun introduces: the body they sit for is a party.
func (s *scanner) legislatorOf(o *occurrence, i int) bool {
	toks := s.toks
	of := i - 1
	if of >= 1 && toks[of].fold == "the" {
		of--
	}
	if of < 2 || toks[of].fold != "of" || len(s.out) == 0 {
		return false
	}
	p := s.out[len(s.out)-1]
	if at(toks, of-1) != p.toks[len(p.toks)-1].start || p.country != nil || !(p.person || firstNames[p.toks[0].fold]) {
		return false
	}
	k, ok := s.tokenAt(p.toks[0].start)
	if !ok {
		return false
	}
	for j := k - 1; j >= 0 && j >= k-3 && toks[j].kind == tWord; j-- {
		w := toks[j].fold
		if legislatorTitles[w] || legislatorNouns[w] {
			return true
		}
	}
	return false
}

// armedMembers before "of the" and a name say it is an armed group's.
var armedMembers = words(`fighters militants gunmen combatants insurgents rebels guerrillas militiamen`)

// oppositionWords before a person's role say that they lead or sit for a party.
var oppositionWords = words(`opposition party`)

// tokenAt returns the index of the token that starts at rune start.
func (s *scanner) tokenAt(start int) (int, bool) {
	k, ok := slices.BinarySearchFunc(s.toks, start, func(t token, v int) int { return t.start - v })
	return k, ok
}

// at returns the rune start of toks[k], or -1.
func at(toks []token, k int) int {
	if k < 0 || k >= len(toks) {
		return -1
	}
	return toks[k].start
}

// buyInVerbs before "into" say that what follows is a company one takes a stake in.
var buyInVerbs = words(`bought buy buys buying invested invest invests investing merged merge merges merging folded`)

// describedNameAfter reports whether the name ending at end qualifies a noun that says
// what the next name is: "Lima brokerage Andes Valores", "Oslo shipping group Varde
// Lines" (one to three lower-case words, the last a kind or agent noun, then a name).
func (s *scanner) describedNameAfter(end int) bool {
	toks := s.toks
	k := end
	for k < len(toks) && k < end+3 && toks[k].kind == tWord && unicode.IsLower(firstRune(toks[k].text)) && !stopwords[toks[k].fold] {
		k++
	}
	if k == end || k >= len(toks) || !isNameToken(toks[k]) || !toks[k].space {
		return false
	}
	w := toks[k-1].fold
	return kindNoun(w) != "" || agentNouns[w] || agentNouns[strings.TrimSuffix(w, "s")]
}

// kindNoun returns the kind a common noun describing a name gives it ("newspaper":
// media, "developer": organisation), or "".
func kindNoun(w string) app.ActorKind {
	if k, ok := appositiveKinds[w]; ok {
		return k
	}
	if k, ok := precedeCues[w]; ok && w != "ruling" {
		return k
	}
	return ""
}

// numberAfter reports whether a number or a model code follows the name, or ends it:
// "Atlas 9", "KVX 30", "Aero X2" name products and indexes, not actors.
func (s *scanner) numberAfter(end int) bool {
	if s.toks[end-1].poss || legalSuffixTok(s.toks[end-1]) && end-1 > 0 {
		// "Governor Ruiz's 2023 campaign": the number is the possessor's; "fined Hanbit
		// Co., Ltd. 41 billion won": a company's name ends at its suffix.
		return false
	}
	// A model code after a name word: "Aero X2", not "E3" alone.
	if t := s.toks[end-1]; hasDigit(t.text) && end >= 2 && isNameToken(s.toks[end-2]) && t.space && !numberedUnit(s.toks, end-1, 0) {
		return true
	}
	u := end + 1
	for u+1 < len(s.toks) && (s.toks[u].text == "." || s.toks[u].text == ",") && !s.toks[u].space && unicode.IsDigit(firstRune(s.toks[u+1].text)) {
		u += 2 // "1.2 billion", "24,000 euros"
	}
	if u < len(s.toks) && s.toks[u].kind == tWord && quantityUnits[s.toks[u].fold] {
		return false // "gave Anatel 24 hours", "fined Kestrel 3 million": a quantity, not a model
	}
	if end < len(s.toks) && isScore(s.toks[end].text) {
		return false // "beat Vedra 3-1": a match's score, not a model
	}
	return end < len(s.toks) && s.toks[end].kind == tWord && s.toks[end].space && unicode.IsDigit(firstRune(s.toks[end].text))
}

// isScore reports whether w is a match's score: one or two digits, a hyphen, one or two
// digits ("3-1", "10-9").
func isScore(w string) bool {
	a, b, ok := strings.Cut(w, "-")
	digits := func(x string) bool {
		return len(x) >= 1 && len(x) <= 2 && strings.Trim(x, "0123456789") == ""
	}
	return ok && digits(a) && digits(b)
}

// quantityUnits after a number make it a quantity: "24 hours", "3 million".
var quantityUnits = words(`hours hour days day weeks week months month years year percent per million
	billion thousand people points times minutes seconds tonnes tons euros dollars pounds francs
	forints rupees yuan won yen pesos reais rand naira shillings crore lakh`)

func hasDigit(s string) bool {
	for _, r := range s {
		if unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// alsoCalled reads the other name a text gives right after a name: "Mohamed Hamdan
// Dagalo, known as Hemedti", "The Houthis, who call themselves Ansar Allah".
func (s *scanner) alsoCalled(end int) (string, bool) {
	toks := s.toks
	k := end
	if k >= len(toks) || toks[k].text != "," {
		return "", false
	}
	k++
	w := func(k int) string {
		if k < len(toks) && toks[k].kind == tWord {
			return toks[k].fold
		}
		return ""
	}
	switch {
	case w(k) == "known" && w(k+1) == "as":
		k += 2
	case (w(k) == "also" || w(k) == "better") && w(k+1) == "known" && w(k+2) == "as":
		k += 3
	case w(k) == "known" && w(k+1) == "in" && languageName(w(k+2)) && w(k+3) == "as":
		k += 4 // "The Kokumin Minshuto, known in English as the Democratic Party for the People"
		if w(k) == "the" && k+1 < len(toks) && isNameToken(toks[k+1]) {
			k++
		}
	case (w(k) == "who" || w(k) == "which") && (w(k+1) == "call" || w(k+1) == "calls") &&
		(w(k+2) == "themselves" || w(k+2) == "itself" || w(k+2) == "himself" || w(k+2) == "herself"):
		k += 3
	case tradesAs[w(k)] && w(k+1) == "as":
		k += 2 // "Hollin Air Ltd, trading as Hollin"
	case w(k) == "which" && tradesAs[w(k+1)] && w(k+2) == "as":
		k += 3 // "Aerolíneas Sur S.A., which flies as Aerosur"
	case w(k) == "whose" && w(k+1) == "name" && (w(k+2) == "means" || w(k+2) == "translates" && (w(k+3) == "as" || w(k+3) == "to")):
		k += 3 // "Fundacja Wolne Dane, whose name means Free Data Foundation"
		if w(k) == "as" || w(k) == "to" {
			k++
		}
	default:
		return "", false
	}
	if w(k) == "the" && k+1 < len(toks) && isAcronym(toks[k+1].text) {
		k++ // "the State Committee for National Security, known as the GKNB"
	}
	j := k
	for j < len(toks) && (isNameToken(toks[j]) || j > k && connectorsThenName(toks, j)) && (j == k || toks[j].space) {
		j++ // "Coalition of Patriots for the Defence of Kivu": connectors between capitalised words
	}
	if j == k {
		return "", false
	}
	return s.textOf(toks[k:j]), true
}

// connectorsThenName reports whether one or two connectors at toks[j] ("of", "for the")
// lead to a capitalised word.
func connectorsThenName(toks []token, j int) bool {
	for n := 0; n < 2 && j < len(toks) && toks[j].kind == tWord && connectors[toks[j].fold]; n++ {
		j++
	}
	return j < len(toks) && isNameToken(toks[j])
}

// placeNoun reports whether w is a place's noun, singular or plural: "mill", "mills",
// "refineries".
func placeNoun(w string) bool {
	if placeNouns[w] {
		return true
	}
	if stem, ok := strings.CutSuffix(w, "ies"); ok && placeNouns[stem+"y"] {
		return true
	}
	stem, ok := strings.CutSuffix(w, "s")
	return ok && placeNouns[stem]
}

// electionAfter reports whether an election's noun follows the name, right after it or
// after one adjective: "the Velhaven by-election", "the Batumi mayoral vote".
func (s *scanner) electionAfter(end int) bool {
	w := wordAfter(s.toks, end)
	if electionAdjectives[w] {
		w = wordAfter(s.toks, end+1)
	}
	return electionNouns[w]
}

// tradesAs are the verbs of a trading name: "trading as", "which flies as", "which
// operates as".
var tradesAs = words(`trading trades operating operates flies flying sells selling brands`)

// placeAhead reports whether a place noun follows the name within two lowercase words,
// or after "and" and another name: "the Fordow enrichment plant", "the Isfahan and Natanz
// facilities".
func (s *scanner) placeAhead(end int) bool {
	toks := s.toks
	k := end
	if k+1 < len(toks) && toks[k].kind == tWord && (toks[k].text == "and" || toks[k].text == "or") && isNameToken(toks[k+1]) {
		k += 2
	}
	for n := 0; n < 4 && k < len(toks) && toks[k].kind == tWord && unicode.IsLower(firstRune(toks[k].text)); n, k = n+1, k+1 {
		if placeNoun(toks[k].fold) || bodyPlaceNouns[toks[k].fold] && !toks[end-1].poss || k > end && groupNouns[toks[k].fold] {
			return true // "the Isfahan and Natanz facilities", "Leco and Aymara farmers"
		}
		if (toks[k].fold == "and" || toks[k].fold == "or") && n > 0 && k+1 < len(toks) && !stopwords[toks[k+1].fold] {
			continue // "the Tsagaan Del copper and gold deposit"
		}
		if stopwords[toks[k].fold] {
			return false
		}
	}
	return false
}

// partyMembers, before "from" or "of", say the name after is a party's: "lawmakers from
// Popular Force".
var partyMembers = words(`lawmakers legislators deputies senators mps members councillors councilors`)

// relatives after an appositive's noun still let it end the appositive: "the agency that
// manages European airspace".
var relatives = words(`that which who whose`)

// pronounPoss before a party's or a newsroom's noun: "Her party, Morena,". ("Its
// producer, Selma Hadžić," is a person.)
var pronounPoss = words(`her his its their`)

// bodyParts are the parts of a body named after "its … NOUN,": its youth wing, its
// trading subsidiary, its research arm.
var bodyParts = words(`wing subsidiary affiliate arm branch offshoot`)

// stakeNouns before "in" make the name after it a company: "shares in Ironbark".
var stakeNouns = words(`shares share stake stakes holding holdings investment investments interest`)

// weakLocatives are the place words a first name overrides: "a letter to Paulo Ferraz".
var weakLocatives = words(`to at from`)

// listLocative returns the index of the locative before the first name of the list whose
// item ends right before toks[and], or -1.
func (s *scanner) listLocative(and int) int {
	k := s.nameStart(and)
	for k > 1 && (s.toks[k-1].text == "," || s.toks[k-1].fold == "and" || s.toks[k-1].fold == "or") {
		k = s.nameStart(k - 1)
	}
	if k > 0 && s.toks[k-1].kind == tWord {
		return k - 1
	}
	return -1
}

// motionBefore reports whether a verb or noun of movement or of where one works stands
// right before the place word at toks[p] ("flew to", "spread to", "exported to", "operates
// from", "routes from", "heading for"): then to, from and for say where, however weak
// they are elsewhere ("linked to Israel", "demand from China" deal with the state).
func (s *scanner) motionBefore(p int) bool {
	w := wordBefore(s.toks, p)
	if w == "back" || w == "out" || w == "away" || w == "abroad" || w == "home" || w == "in" {
		w = wordBefore(s.toks, p-1) // "flew back to", "moved out to", "smuggled in from"
	}
	if !motionWords[w] && w != "" && !stopwords[w] && p >= 3 && s.toks[p-2].kind == tWord && (isArticle(s.toks[p-2].text) || pronounPoss[s.toks[p-2].fold]) {
		w = wordBefore(s.toks, p-2) // "escorted the tanker to", "moved its headquarters to"
	}
	if s.toks[p].fold == "from" && (originNouns[w] || w == "them" && wordBefore(s.toks, p-1) == "of") {
		// "workers from Nepal", "most of them from Kenya": where people come from. Troops
		// or police "from Kenya" are the state's own, sent: it acts.
		return true
	}
	return motionWords[w] || shipVerbs[w] && s.toks[p].fold == "to" || s.shippedGoods(p)
}

// originNouns before "from" and a state say where people, votes or goods come from, not
// who acts.
var originNouns = words(`people fighters workers migrants nationals citizens refugees journalists votes
	ballots players crews crew sailors tourists visitors students mercenaries recruits victims
	buyers traders importers investors mostly mainly largely rice sugar wheat maize grain crude fuel coal
	timber cocoa coffee fish cattle goods steel cement fertiliser fertilizer`)

// shippedGoods reports whether a verb of shipping comes two or three lowercase words
// before the "to" at toks[p-1] ("ships frozen durian to", "exports cut flowers to"), or a
// verb of motion with "by" and a vehicle ("went by tanker to").
func (s *scanner) shippedGoods(p int) bool {
	for k := p - 2; k >= 0 && k >= p-4; k-- {
		t := s.toks[k]
		if t.kind != tWord || !unicode.IsLower(firstRune(t.text)) || stopwords[t.fold] && !motionWords[t.fold] && t.fold != "by" {
			return false
		}
		// "ship scooters to", "went by tanker to"
		if shipVerbs[t.fold] || motionWords[t.fold] && (strings.HasPrefix(t.fold, "export") || k < p-2) {
			return true
		}
	}
	return false
}

// shipVerbs send goods somewhere.
var shipVerbs = words(`ship ships shipped shipping export exports exported send sends sent deliver delivers delivered`)

// betweenPlaces reports whether "between" at toks[p] joins two places: after a word of
// movement ("travelled between") or a place noun ("the road between", "the border
// between"); "talks between" joins actors.
func (s *scanner) betweenPlaces(p int) bool {
	return s.motionBefore(p) || placeNoun(wordBefore(s.toks, p))
}

// motionWords are verbs and nouns of movement and of where one works from.
var motionWords = words(`flew fled fly flies flying travelled traveled travel travels travelling traveling
	moved moving returned returning go goes went gone going came headed heading sailed sailing bound
	drove spread spreading exported export exports shipped shipments deported relocated emigrated
	migrated escaped evacuated routes route flights flight trip trips journey operate operates
	operating operated departed left leaving diverted rerouted redirected convoy convoys deliveries
	corridor access escorted towed arrive arrives arrived arriving come comes coming return returns move
	moves sail sails imported import imports ship ships smuggled smuggling trafficked brought bring
	brings bringing carried trucked flown`)

// reachVerbs take a place as their object: "convoys stopped from reaching El Fasher".
var reachVerbs = words(`reach reaches reached reaching enter enters entered entering cross crossed
	crossing governs governed captured recaptured retook overran seized fled flee flees fleeing`)

// locBefore reports whether the name that ends right before toks[and] follows a locative:
// "in Miami" of "in Miami and Madrid".
func (s *scanner) locBefore(and int) bool {
	k := and - 1
	if k < 0 || !isNameToken(s.toks[k]) {
		return false
	}
	for k > 0 && (isNameToken(s.toks[k-1]) || k > 1 && particles[s.toks[k-1].fold] && isNameToken(s.toks[k-2])) && !sentLocative(s.toks[k-1]) && s.toks[k].space {
		k-- // "Castilla y León"
	}
	if k > 1 && s.toks[k-1].text == "," && s.listGoesOn(and) {
		return s.locBefore(k - 1) // "in Paris, Lyon and Marseille": the list's first says
	}
	if k > 1 && (s.toks[k-1].fold == "both" || s.toks[k-1].fold == "either" || s.toks[k-1].text == "the" || compassOrNear(s.toks[k-1])) {
		k-- // "in both Oslo and Helsinki", "at the Bonnyville Centre or the…", "in northern France, Belgium…"
	}
	if k > 1 && s.toks[k-1].fold == "of" && placeOf[wordBefore(s.toks, k-1)] ||
		k > 1 && s.toks[k-1].fold == "between" && s.betweenPlaces(k-1) {
		return true // "the villages of Aita and Ramyeh", "travelled between Sanaa and Aden"
	}
	return k > 0 && s.toks[k-1].kind == tWord && locatives[s.toks[k-1].fold] && !s.peopleOf(k-1)
}

// countryAt reports whether a state's name of one or two words begins at toks[k]: "the
// Netherlands", "the United States".
func (s *scanner) countryAt(k int) bool {
	if k >= len(s.toks) || !isNameToken(s.toks[k]) {
		return false
	}
	return isCountryText(s.toks[k].text) || k+1 < len(s.toks) && isCountryText(s.toks[k].text+" "+s.toks[k+1].text)
}

// compassOrNear reports whether t is a lower-case compass or nearness word ("northern",
// "neighbouring"), which stands between a locative and the place it qualifies.
func compassOrNear(t token) bool {
	return t.kind == tWord && unicode.IsLower(firstRune(t.text)) && (compass[t.fold] && t.fold != "greater" || nearWords[t.fold])
}

// peopleOf reports whether toks[p] is "at" after people who work somewhere ("analysts
// at Brightwater") or "from" after a party's members ("lawmakers from Popular Force"):
// the name after it is whose they are, not where something happens.
func (s *scanner) peopleOf(p int) bool {
	if p < 1 || s.toks[p].kind != tWord {
		return false
	}
	before := wordBefore(s.toks, p)
	switch s.toks[p].fold {
	case "at":
		// "told reporters at City Hall": where they were told, not whose they are.
		return roleWords[strings.TrimSuffix(before, "s")] && !briefVerbs[wordBefore(s.toks, p-1)]
	case "from":
		return partyMembers[before]
	case "of":
		return ownerNouns[before] // "owner of Balkh Flour Mills": a firm's owner
	}
	return false
}

// ownerNouns, before "of" and a name, say the name is a firm's or a body's.
var ownerNouns = words(`owner owners co-owner founder co-founder chairman chairwoman shareholder shareholders`)

// roleComma reports whether the name at toks[i] follows a comma closing a phrase about a
// role: "Its president,", "the company's directors,", "Chega's leader in the assembly,".
// The role word is the phrase's first lowercase noun or its last word.
func (s *scanner) roleComma(i int) bool {
	toks := s.toks
	if i < 2 || i > len(toks) || toks[i-1].text != "," {
		return false
	}
	for k := i - 2; k >= 0 && k >= i-5 && toks[k].kind == tWord; k-- {
		w := toks[k].fold
		if (w == "his" || w == "her") && k < i-2 && (k == 0 || toks[k-1].kind != tWord || toks[k].sent) &&
			!slices.ContainsFunc(toks[k+1:i-1], func(t token) bool { return kindNoun(t.fold) != "" || stopwords[t.fold] || isNameToken(t) }) {
			// "His running mate, Joy Abellana,": someone of a person's; "Her party,
			// Morena," is a party's name.
			return true
		}
		if isNameToken(toks[k]) && !toks[k].sent {
			break
		}
	}
	for k := i - 2; k >= 0 && k >= i-7 && toks[k].kind == tWord; k-- {
		w := toks[k].fold
		lower := unicode.IsLower(firstRune(toks[k].text))
		if lower && (roleWords[w] || roleWords[strings.TrimSuffix(w, "s")] || isRoleHead(w) && w != "partner") {
			return true // "its director-general, Hortense Mbarga,", "Its coordinator, Tiyamike Msiska,"
		}
		if k == i-2 && !lower && s.titleEndsAt(k) {
			return true // "the state's Chief Electoral Officer, Archana Pillai,": a title, then its holder
		}
		if lower && (stopwords[w] && !connectors[w] && !isArticle(w) || strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing")) {
			return false // a verb or a clause word: "The president arrived late, Valtor said"
		}
	}
	return false
}

// titleEndsAt reports whether the capitalised run ending at toks[k] is a title without a
// name ("Chief Electoral Officer", "Deputy Mayor").
func (s *scanner) titleEndsAt(k int) bool {
	j := k
	for j > 0 && isNameToken(s.toks[j-1]) && s.toks[j-1].space {
		j--
	}
	return onlyRoles(s.toks[j : k+1])
}

// nameStart returns where the name that ends right before toks[and] begins.
func (s *scanner) nameStart(and int) int {
	k := and - 1
	if k < 0 || !isNameToken(s.toks[k]) {
		return -1
	}
	for k > 0 && (isNameToken(s.toks[k-1]) || particles[s.toks[k-1].fold]) && !sentLocative(s.toks[k-1]) && s.toks[k].space {
		k--
	}
	return k
}

// sentLocative reports whether t is a locative opening a sentence ("In Tilcara and Las
// Piedras, …"): capitalised, yet no part of the name after it.
func sentLocative(t token) bool {
	return t.sent && locatives[t.fold]
}

// partyAfter, right after a name, say it is one party's or movement's, whatever "and" it
// holds: "the Homeland and Progress party".
var partyAfter = words(`party movement bloc coalition alliance`)

// legislatures begin the names of their committees: "Senate Foreign Relations Committee".
var legislatures = words(`senate house assembly parliament congress`)

// committeeHeads end a legislature's committee's name.
var committeeHeads = words(`committee subcommittee commission caucus panel`)

// committeeName reports whether left and right, joined by "and", are one committee's name:
// a legislature's word, its portfolios and a committee's head ("House Transportation and
// Infrastructure Committee"), with no other body's word in between.
func committeeName(left, right []token) bool {
	if len(left) > 0 && isArticle(left[0].text) {
		left = left[1:] // "The House Transportation…" opening a sentence
	}
	if len(left) < 2 || len(right) < 2 || !legislatures[left[0].fold] || !committeeHeads[right[len(right)-1].fold] {
		return false
	}
	return !slices.ContainsFunc(left[1:], func(t token) bool { return cueKind(t.fold) != "" }) &&
		!slices.ContainsFunc(right[:len(right)-1], func(t token) bool { return cueKind(t.fold) != "" })
}

// bodyComplements reports whether right, after "and", is one more complement of the body
// named by left ("Ministry of Energy and Mineral Resources", "State Agency for Geology and
// Mineral Resources"): left's head before its connector is a government or organisation
// word, and right is a few words that name no body or actor of another kind.
func bodyComplements(left, right []token) bool {
	// The last "of" says whose words the complement is: "Inspectors of the Ministry of Ecology".
	c := lastIndexFunc(left, func(t token) bool { return connectors[t.fold] && t.fold != "and" && t.fold != "the" })
	if c < 1 || len(right) == 0 || len(right) > 3 || isAcronym(right[0].text) || isCountryTok(right[0]) {
		return false
	}
	if k := cueKind(left[c-1].fold); k != app.GovernmentBody && k != app.Organisation && !govCueIn(left[:c]) {
		return false
	}
	return !slices.ContainsFunc(right, func(t token) bool {
		k := cueKind(t.fold)
		return k != "" && k != app.Organisation
	})
}

// lastIndexFunc is slices.IndexFunc from the end.
func lastIndexFunc(toks []token, f func(token) bool) int {
	for k := len(toks) - 1; k >= 0; k-- {
		if f(toks[k]) {
			return k
		}
	}
	return -1
}

// govCueIn reports whether toks hold a government body's head noun: "Ministry".
func govCueIn(toks []token) bool {
	return slices.ContainsFunc(toks, func(t token) bool { return govCues[t.fold] })
}

// roleLead reports whether toks begin with portfolio words and a title: "Industry
// Minister …".
func roleLead(toks []token) bool {
	k := 0
	for k < len(toks) && roleModifiers[toks[k].fold] && !connectors[toks[k].fold] {
		k++
	}
	return k > 0 && k < len(toks) && isRoleHead(toks[k].fold)
}

// lastItemIsBody reports whether the list's last item, from toks[k], is "the" and a name
// ending in a body's head noun: "the Murewa Rural District Council" is a body of its own,
// while "… Science and Transportation Committee" is the head of the whole name.
func lastItemIsBody(toks []token, k int) bool {
	if k >= len(toks) || toks[k].fold != "the" {
		return false
	}
	k++
	e := k
	for e < len(toks) && isNameToken(toks[e]) && (e == k || toks[e].space) {
		e++
	}
	return e-k >= 2 && cueKind(toks[e-1].fold) != "" && !roleModifiers[toks[e-1].fold]
}

// romanceOf are "of" in Spanish, Portuguese, French and Italian, and listAnds their "and".
var romanceOf, listAnds = words(`de do da del dos das du des di della delle degli dei dello`), words(`e y et`)

// portfolioList reports whether the comma at toks[j] continues the name toks[i:j]: the
// name is a body's "of" or "for" a list of portfolios ("Ministry of Information,
// Communications and the Digital Economy"), and capitalised words, commas and "the" run
// from the comma to an "and" and a last capitalised word.
func (s *scanner) portfolioList(i, j int) bool {
	toks := s.toks
	of, role := false, false
	for k := i + 1; k < j; k++ {
		if toks[k].fold == "of" || toks[k].fold == "for" || toks[k].fold == "on" || romanceOf[toks[k].fold] {
			// "Ministério do Trabalho, Solidariedade e Segurança Social" lists so too.
			of = of || cueKind(toks[k-1].fold) != ""
			role = role || isRoleHead(toks[k-1].fold) && cueKind(toks[k-1].fold) == ""
		}
	}
	if role && !of {
		// "Minister for Climate, Energy and the Environment Ciarán Ó Dálaigh": the title's
		// portfolios run on to its holder's name; not when a comma ends them.
		return s.portfoliosThenName(j) || s.portfoliosOnly(j)
	}
	lead := i
	if isArticle(toks[lead].text) && lead+1 < j {
		lead++ // "The Senate Commerce, …"
	}
	if !of && !legislatures[toks[lead].fold] {
		// "European Maritime, Fisheries and Aquaculture Fund": portfolio words before a
		// head noun, the list ending in "and" and the head.
		return !hasOrgCue(toks[i:j]) && s.listEndsInHead(j) || portfolio(stripDemonym(toks[i:j])) && s.listEndsInRole(j)
	}
	for k := j + 1; k < len(toks) && k < j+12; k++ {
		t := toks[k]
		switch {
		case isNameToken(t) && cueKind(t.fold) != "" && !roleModifiers[t.fold]:
			return false // "University of Iowa, Iowa State University and…": names of their own
		case t.text == "," || isNameToken(t) || t.fold == "the" || romanceOf[t.fold] && unicode.IsLower(firstRune(t.text)):
			// "Ministère de l'Industrie, des Mines et de l'Énergie": a Romance list's
			// items keep their "des", "de".
		case t.fold == "and" || listAnds[t.fold] && unicode.IsLower(firstRune(t.text)):
			if k == j+1 || lastItemIsBody(toks, k+1) {
				// "the Election Commission of India, and the Konkan Chronicle", "…, EMA and
				// the Murewa Rural District Council": a list of names
				return false
			}
			return k+1 < len(toks) && (isNameToken(toks[k+1]) || toks[k+1].fold == "the" ||
				listAnds[t.fold] && romanceItemAt(toks, k+1))
		default:
			return false
		}
	}
	return false
}

// romanceItemAt reports whether a Romance list's last item starts at toks[k] with its
// joiners: "de la Pêche", "du Logement", "de l'Énergie".
func romanceItemAt(toks []token, k int) bool {
	j := k
	for j < len(toks) && j < k+2 && romanceJoiners[toks[j].fold] && unicode.IsLower(firstRune(toks[j].text)) {
		j++
	}
	return j > k && j < len(toks) && isNameToken(toks[j])
}

// portfoliosThenName reports whether capitalised words and commas run from the comma at
// toks[j] to "and", then one portfolio word ("the" may open it) and two name words or
// more.
func (s *scanner) portfoliosThenName(j int) bool {
	toks := s.toks
	k := j + 1
	for k < len(toks) && k < j+12 && (toks[k].text == "," || isNameToken(toks[k])) {
		k++
	}
	if k == j+1 || k >= len(toks) || toks[k].fold != "and" {
		return false
	}
	k++
	if k < len(toks) && toks[k].fold == "the" {
		k++
	}
	n := 0
	for m := k; m < len(toks) && isNameToken(toks[m]); m++ {
		n++
	}
	return n >= 3 && roleModifiers[toks[k].fold]
}

// portfoliosOnly reports whether portfolio words, commas, "and" and "the" run from the
// comma at toks[j] and end the run: "Minister of Industry, Trade and Investment, Salisu
// Umar Gwarzo": the title's, with no name in it.
func (s *scanner) portfoliosOnly(j int) bool {
	toks := s.toks
	and := false
	k := j + 1
	for ; k < len(toks) && k < j+12 && toks[k].kind == tWord; k++ {
		w := toks[k].fold
		switch {
		case w == "and":
			and = true
		case w == "the" || roleModifiers[w] && isNameToken(toks[k]):
		default:
			return false
		}
	}
	return and && k > j+2 && (k == len(toks) || !isNameToken(toks[k]))
}

// commaList reports whether a comma after the name opens a list of names that ends with
// "and" or "or" and one more name: "Volkswagen, Stellantis and Renault".
func (s *scanner) commaList(end int) bool {
	toks := s.toks
	if end+1 >= len(toks) || toks[end].text != "," || !isNameToken(toks[end+1]) {
		return false
	}
	for k := end + 1; k < len(toks) && k < end+12; k++ {
		t := toks[k]
		switch {
		case isNameToken(t) || t.text == "," || particles[t.fold]:
		case t.fold == "and" || t.fold == "or":
			return k+1 < len(toks) && isNameToken(toks[k+1])
		default:
			return false
		}
	}
	return false
}

// listEndsInHead reports whether the capitalised words after the comma at toks[j] run,
// through commas, to "and" and a last run of name words whose last is a body's head noun.
func (s *scanner) listEndsInHead(j int) bool {
	toks := s.toks
	for k := j + 1; k < len(toks) && k < j+12; k++ {
		t := toks[k]
		switch {
		case t.text == "," || isNameToken(t) && (cueKind(t.fold) == "" || cueKind(t.fold) == app.Media):
			// "Science, ICT, Broadcasting and Communications Committee": a portfolio of media too
		case t.fold == "and":
			if k == j+1 {
				return false // "Harrow & Keel, and Kobayashi Robotics": a list of names
			}
			last := nameAfter(toks, k+1, len(toks))
			return len(last) >= 2 && cueKind(last[len(last)-1].fold) != ""
		default:
			return false
		}
	}
	return false
}

// listEndsInRole reports whether portfolio words, commas and "and" run from the comma at
// toks[j] to a role and its holder: "Macedonian Energy, Mining and Mineral Resources
// Minister Blagica Trajkovska".
func (s *scanner) listEndsInRole(j int) bool {
	toks := s.toks
	for k := j + 1; k < len(toks) && k < j+12; k++ {
		t := toks[k]
		switch {
		case t.text == "," || roleModifiers[t.fold] && isNameToken(t):
		case t.fold == "and":
			last := nameAfter(toks, k+1, len(toks))
			return k > j+1 && len(last) >= 3 && roleLead(last)
		default:
			return false
		}
	}
	return false
}

// stripDemonym returns toks without a demonym opening them: "Serbian Mining" → "Mining".
func stripDemonym(toks []token) []token {
	if len(toks) > 1 && demonyms[toks[0].fold] {
		return toks[1:]
	}
	return toks
}

// listGoesOn reports whether a comma or and/or and another name follow toks[end-1]: the
// name is an item of a list.
func (s *scanner) listGoesOn(end int) bool {
	if end+1 >= len(s.toks) {
		return false
	}
	t, next := s.toks[end], end+1
	if t.kind == tWord && (t.text == "and" || t.text == "or") && s.toks[next].text == "the" && s.countryAt(next+1) {
		next++ // "in France, Belgium and the Netherlands"
	}
	if !isNameToken(s.toks[next]) {
		return false
	}
	return t.text == "," || t.kind == tWord && (t.text == "and" || t.text == "or")
}

// appositiveRole reports whether the name is followed by ", a/the … role,": "Hakan Fidan,
// Turkey's foreign minister," or "Hayder Kadhim, a researcher at…".
func (s *scanner) appositiveRole(end int) bool {
	toks := s.toks
	end = afterHandle(toks, end)
	if end < len(toks) && postNominal(toks[end]) {
		end++ // "Priya Raghunathan KC, a barrister,": the letters the name was read without
	}
	if end >= len(toks) || toks[end].text != "," {
		return false
	}
	if end+2 < len(toks) && personAge(toks[end+1].text) && (toks[end+2].text == "," || toks[end+2].text == ".") {
		return true // "Chan Tak-wing, 58, a director of…": an age
	}
	for k := end + 1; k < len(toks) && k < end+7; k++ {
		t := toks[k]
		if t.kind != tWord {
			return false
		}
		w := t.fold
		if k == end+1 {
			// ", a researcher", ", Turkey's foreign minister", ", who…"; not ", said it…".
			switch {
			case w == "who":
				return true
			case w == "which" || w == "whose":
				return false
			case !(isArticle(w) || w == "his" || w == "her" || w == "its" || w == "their" || w == "former" ||
				t.poss || roleWords[w] || countWords[w]):
				return false
			}
		}
		if countWords[toks[end+1].fold] && k > end+1 && roleWords[strings.TrimSuffix(w, "s")] && unicode.IsLower(firstRune(t.text)) {
			return true // "Ana Ruiz and Eva Sol, two former linguists": a count of people
		}
		if roleWords[w] && unicode.IsLower(firstRune(t.text)) {
			// "the junior coalition partner": a party's role among parties, not a person's;
			// "Las Piedras, mayor Raúl Ferreyra": the role is the next name's.
			return !(k > end+1 && partyCues[toks[k-1].fold]) && !(k+1 < len(toks) && isNameToken(toks[k+1]) && toks[k].space)
		}
		if stopwords[w] && !isArticle(w) && k > end+1 {
			return false
		}
	}
	return false
}

// afterHandle returns the index after a handle in brackets at toks[end] ("Rima Khoury
// (@rima_khoury), a reporter"), or end when there is none.
func afterHandle(toks []token, end int) int {
	if end+2 >= len(toks) || toks[end].text != "(" || toks[end+1].text != "@" {
		return end
	}
	k := end + 2
	for k < len(toks) && toks[k].tag && toks[k].text != ")" && k < end+8 {
		k++
	}
	if k > end+2 && k < len(toks) && toks[k].text == ")" {
		return k + 1
	}
	return end
}

// personAge reports whether w is a grown person's age in digits, as news gives it after a
// name between commas.
func personAge(w string) bool {
	n, err := strconv.Atoi(w)
	return err == nil && len(w) == 2 && n >= 16
}

// wordBefore returns the folded word right before toks[i], or "" after punctuation.
func wordBefore(toks []token, i int) string {
	if i <= 0 || toks[i-1].kind != tWord {
		return ""
	}
	return toks[i-1].fold
}

// wordAfter returns the folded lowercase word right after toks[end-1], or "".
func wordAfter(toks []token, end int) string {
	if end >= len(toks) || toks[end].kind != tWord || !unicode.IsLower(firstRune(toks[end].text)) {
		return ""
	}
	return toks[end].fold
}

// roleSpan finds the title or role in front of a person's name: it returns the index of
// the last role word h, followed by the name, and from, where the words describing the
// role begin ("Former Iraqi Prime Minister" starts at Former). h is -1 when there is none.
func roleSpan(toks []token, saidAlone func(...string) bool) (h, from int) {
	h = -1
	role := -1 // the role word, when a portfolio with of follows it
	for k := len(toks) - 2; k >= 0; k-- {
		if !isRoleHead(toks[k].fold) || titleAbbrCaps(toks[k]) || toks[k].fold == "general" && k > 0 && govCues[toks[k-1].fold] ||
			unicode.IsLower(firstRune(toks[k].text)) {
			continue // "Directorate General of Civil Aviation", "Syndicat général des…": the body's own name
		}
		if isCountryText(toks[k].text+" "+toks[k+1].text) || demonyms[toks[k].fold+" "+toks[k+1].fold] {
			continue // "Commission of Sri Lanka", "Sri Lankan": a title that opens a country's name is the country's
		}
		if k > 0 && (firstNames[toks[k-1].fold] || honorificsFirst[toks[k].fold] && isNameToken(toks[k-1])) && !isRoleHead(toks[k-1].fold) &&
			!roleModifiers[toks[k-1].fold] && !knownBefore(toks, k) {
			// "Abdirahman Sheikh Hassan": a title's word after a given name is part of the
			// name; so is an honorific that opens names only, after any name word ("Sai Khun Hseng").
			continue
		}
		rest := toks[k+1:]
		if j := portfolioEnd(toks, k, saidAlone); j > 0 {
			h, role = j, k // "Minister of Solid Minerals Development Aminu Garba Kurfi"
			break
		}
		if romanceTitle(toks[k:]) {
			break // "Ministro de Defensa": a title and its portfolio, no holder named
		}
		if hasAnyCue(rest) || onlyRoles(rest) || allRoleModifiers(rest) {
			break // "King Faisal Center…" names a centre, not King Faisal
		}
		h = k
		break
	}
	if h < 0 {
		return -1, 0
	}
	from = h
	if role >= 0 {
		from = role
	}
	for from > 0 {
		t := toks[from-1]
		w := t.fold
		_, isCountry := countryByForm[w]
		if (w == "and" || t.text == ",") && from >= 2 && roleModifiers[toks[from-2].fold] {
			from-- // "Trade and Industry Minister", "Energy, Mining and Mineral Resources Minister"
			continue
		}
		if !(isRoleHead(w) || roleModifiers[w] || demonyms[w] || isCountry) {
			break
		}
		from--
	}
	return h, from
}

// portfolioEnd returns the index of the last word of a role's portfolio named with of or
// for after the role word at toks[k] ("Minister of Solid Minerals Development"), when a
// known given name opens the two or three plain words that end the run, a person's
// name; else -1. A portfolio's words may be a body's cue words ("Minerals"), which do not
// make the whole a body.
func portfolioEnd(toks []token, k int, saidAlone func(...string) bool) int {
	if k+3 >= len(toks) || !portfolioJoiners[toks[k+1].fold] {
		return -1
	}
	if toks[k+1].fold != "of" && toks[k+1].fold != "for" {
		return romancePortfolioEnd(toks, k) // "Ministro de Hacienda Cristóbal Méndez"
	}
	if g := len(toks) - 2; g > k+2 && saidAlone != nil && !bodyAfterOf(toks, g) && (saidAlone(toks[g+1].fold) || saidAlone(toks[g].fold, toks[g+1].fold)) &&
		isNameToken(toks[g]) && unknownWord(toks[g]) && unknownWord(toks[g+1]) && !isAcronym(toks[g].text) {
		// "Minister of Water Resources and Meteorology Chhay Sokunthea … Sokunthea said":
		// the text names the person again, so the last two words are the name.
		if g-1 > k+2 && saidAlone(toks[g-1].fold) && unknownWord(toks[g-1]) {
			g--
		}
		return g - 1
	}
	for g := max(k+3, len(toks)-3); g <= len(toks)-2; g++ {
		if !firstNames[toks[g].fold] || !slices.ContainsFunc(toks[k+2:g], func(t token) bool { return !unknownWord(t) }) || bodyAfterOf(toks, g) {
			continue // "… Colm Ó Ceallaigh of Fianna Fáil": a body after "of", not the holder
		}
		if !slices.ContainsFunc(toks[g:], func(t token) bool { return !isNameToken(t) || isAcronym(t.text) || !unknownWord(t) }) {
			return g - 1
		}
	}
	return lastPortfolioWord(toks, k)
}

// romanceTitle reports whether toks are a title of a Romance language, its joiner and a
// portfolio of one to three words with no holder: "Ministro de Defensa", "Defensor del
// Pueblo".
func romanceTitle(toks []token) bool {
	if len(toks) < 3 || len(toks) > 5 || !isRoleHead(toks[0].fold) || !portfolioJoiners[toks[1].fold] || toks[1].fold == "of" || toks[1].fold == "for" {
		return false
	}
	return !slices.ContainsFunc(toks[2:], func(t token) bool { return firstNames[t.fold] || isAcronym(t.text) })
}

// knownBefore reports whether the words before toks[k] end in a known actor's name: "Fine
// Gael TD Declan Furlong" is the party, its member's title and her name.
func knownBefore(toks []token, k int) bool {
	for j := max(0, k-4); j < k-1; j++ {
		if knownKinds[app.Fold(textOfPlain(toks[j:k]))] != "" {
			return true
		}
	}
	return false
}

// portfolioJoiners join a title to its portfolio: "Minister of", "Ministro de".
var portfolioJoiners = words(`of for de del da do`)

// romancePortfolioEnd returns where the portfolio of a title of a Romance language ends
// ("Ministro de Hacienda Cristóbal Méndez Fuenzalida", "Defensor del Pueblo Julián
// Arboleda Mesa", "Presidenta del Congreso Rosa María Palacios de la Cruz"): at the
// first given name after the title's joiner, with two to five name words after it.
func romancePortfolioEnd(toks []token, k int) int {
	plain := func(g int) bool {
		n := len(toks) - g
		return n >= 2 && n <= 6 && !slices.ContainsFunc(toks[g:], func(t token) bool { return cueKind(t.fold) != "" || isAcronym(t.text) })
	}
	for g := k + 3; g < len(toks)-1; g++ {
		if firstNames[toks[g].fold] && isNameToken(toks[g-1]) && plain(g) {
			return g - 1
		}
	}
	// No given name the lists know: the portfolio is one word, or words joined by "y"
	// or "e" ("de Hidrocarburos y Energías"), and the holder's name follows.
	g := k + 2
	for g+2 < len(toks) && (toks[g+1].fold == "y" || toks[g+1].fold == "e") && isNameToken(toks[g+2]) {
		g += 2
	}
	if g+1 < len(toks) && isNameToken(toks[g]) && plain(g+1) {
		return g
	}
	return -1
}

// lastPortfolioWord returns where the portfolio of the title at toks[k] ends when two to
// four plain name words follow its last portfolio word ("Minister of Lands and Irrigation
// Ranjith Wickramasinghe Bandara", "Minister for Climate, Energy and the Environment
// Ciarán Ó Dálaigh"): those are the holder's name. -1 when they do not.
func lastPortfolioWord(toks []token, k int) int {
	p := -1
	for g := k + 2; g < len(toks); g++ {
		if roleModifiers[toks[g].fold] && !connectors[toks[g].fold] && !isArticle(toks[g].text) {
			p = g
		}
	}
	n := len(toks) - (p + 1)
	if p < 0 || n < 2 || n > 4 {
		return -1
	}
	for _, t := range toks[p+1:] {
		if !(isNameToken(t) || particles[t.fold]) || isAcronym(t.text) || cueKind(t.fold) != "" || roleModifiers[t.fold] {
			return -1
		}
	}
	return p
}

// remitHeads are offices named for what they look after, which are institutions as well
// as titles: "High Commissioner for Refugees", "Ombudsman for Children".
var remitHeads = words(`commissioner ombudsman ombudswoman ombudsperson`)

// remitOffice returns where the head stands when toks end in such an office, "for" and
// its remit — one to three words and their joiners, with no given name and not only a
// portfolio's words ("for Human Rights", not "for Foreign Affairs") — and no holder is
// named after it; else -1.
func remitOffice(toks []token) int {
	for h := len(toks) - 3; h >= 0 && h >= len(toks)-6; h-- {
		if !remitHeads[toks[h].fold] || toks[h+1].fold != "for" {
			continue
		}
		remit := toks[h+2:]
		joiners := 0
		for _, t := range remit {
			if connectors[t.fold] {
				joiners++
			}
		}
		if len(remit)-joiners > 3 || allRoleModifiers(remit) || slices.ContainsFunc(remit, func(t token) bool {
			return firstNames[t.fold] || isAcronym(t.text) || !isNameToken(t) && !connectors[t.fold]
		}) {
			return -1
		}
		return h
	}
	return -1
}

// addOffice adds an office named for its remit, toks with its head at toks[h], as a body
// when something before the head says whose office it is ("UN High Commissioner for
// Refugees", "Office of the High Commissioner…") or an acronym after it names it
// ("National Commissioner for Human Rights (CONADEH)"); a bare title names no one. A
// body above states before it makes it an organisation, else it is a state's body.
func (s *scanner) addOffice(toks []token, h, i, end int) {
	owner := slices.ContainsFunc(toks[:h], func(t token) bool { return !roleModifiers[t.fold] && !isRoleHead(t.fold) && !connectors[t.fold] })
	if !owner && !s.acronymAfter(end) {
		s.addCountries(toks, 0, h, i)
		return
	}
	kind := app.GovernmentBody
	if knownOrgInside(toks[:h]) || slices.ContainsFunc(toks[:h], func(t token) bool { return internationalWord(t.fold) }) {
		kind = app.Organisation
	}
	s.add(&occurrence{toks: toks, kind: kind, ctxKind: kind}, i, end)
}

// allRoleModifiers reports whether toks are portfolio words and connectors only: "of
// State for Energy Affairs" completes a title and names no one.
func allRoleModifiers(toks []token) bool {
	for _, t := range toks {
		if !roleModifiers[t.fold] && !connectors[t.fold] && t.text != "," {
			return false
		}
	}
	return len(toks) > 0
}

// onlyRoles reports whether toks are all titles, role words, demonyms and countries
// ("Prime Minister", "Iraqi Parliament Speaker"): a role without a name.
func onlyRoles(toks []token) bool {
	head := false
	for _, t := range toks {
		w := t.fold
		_, isCountry := countryByForm[w]
		if !(isRoleHead(w) || roleModifiers[w] || demonyms[w] || isCountry || stopwords[w] || t.text == ",") || titleAbbrCaps(t) {
			return false
		}
		head = head || isRoleHead(w)
	}
	return head
}

// titleAbbrCaps reports whether t is a title's abbreviation written in capitals: "DR" is
// a broadcaster's acronym, "Dr" a title.
func titleAbbrCaps(t token) bool {
	return len(t.text) <= 4 && isAllCaps(t.text) && abbreviations[t.fold]
}

// keepable reports whether toks can name an actor at all: not a lone common word, demonym,
// month or region, not a place ("Red Sea"), not a single letter.
func keepable(toks []token) bool {
	if len(toks) == 1 {
		t := toks[0]
		w := t.fold
		if utf8.RuneCountInString(strings.Trim(t.text, ".")) < 2 || isOrdinal(t.text) || generic[w] || demonyms[w] || regions[w] || stopwords[w] && !isAllCaps(t.text) ||
			massNouns[w] && !isAllCaps(t.text) { // "Children" of "Save the Children": a common noun alone
			return false
		}
		if demonyms[strings.TrimSuffix(w, "s")] || !hasLetter(t.text) || eventFirst[w] || nonActorAcronyms[w] || nonActorAcronyms[strings.TrimSuffix(w, "s")] || nonActorHeads[w] || t.formula ||
			romanNumeral(t.text) || strings.Count(t.text, ".") >= 2 && academicDegrees[strings.ReplaceAll(w, ".", "")] { // "districts VIII and IX"; "S.E."
			return false
		}
		return true
	}
	if thingHead(toks) || shipPrefixes[toks[0].fold] {
		return false // "Orbis Prize", "Tour of the Lakes", "Digital Markets Act", "BRP Datu Cabaylo"
	}
	if len(toks) == 2 && stageWords[toks[0].fold] && utf8.RuneCountInString(toks[1].text) == 1 {
		return false // "Group C", "Pool B": a stage of a competition
	}
	all := true
	for _, t := range toks {
		w := t.fold
		if !(generic[w] || demonyms[w] || regions[w] || continents[w] && len(toks) > 1 || stopwords[w] || particles[w] || connectors[w]) {
			all = false
			break
		}
	}
	if all && headKind(toks) == "" && !hasArmedName(toks) {
		return false // "East African", "Middle East"; not "European Commission"
	}
	if compass[toks[0].fold] && headKind(toks) == "" {
		return false // "West Bengal", "North Darfur"; countries were found before
	}
	if placeHead(toks) && !hasArmedName(toks) {
		return false // "Red Sea", "Strait of Hormuz"
	}
	return true
}

// companyOpening reports whether a name that ends in a place's word ("Dala Hills", "Tiga
// Lake") opens the name of a company the text writes with its legal suffix ("Dala Hills
// Holdings Ltd"): it is the company's short name, not a place.
func (s *scanner) companyOpening(toks []token) bool {
	if len(toks) < 2 || !placeHead(toks) {
		return false
	}
	n := len(toks)
	for k := 0; k+n < len(s.toks); k++ {
		if s.toks[k].fold != toks[0].fold || s.toks[k].start == toks[0].start || !sameWords(s.toks[k:k+n], toks) {
			continue
		}
		for j := k + n; j < len(s.toks) && j <= k+n+2 && isNameToken(s.toks[j]); j++ {
			if legalSuffixTok(s.toks[j]) && j > k+n-1 {
				return true
			}
		}
	}
	return false
}

// sameWords reports whether a and b are the same words, folded.
func sameWords(a, b []token) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if a[k].fold != b[k].fold {
			return false
		}
	}
	return true
}

// romanNumeral reports whether s is a Roman numeral of I, V and X written in capitals
// ("IX", "VIII", "XIV"): a district's, a king's or a chapter's number, not a name.
func romanNumeral(s string) bool {
	if len(s) < 2 || len(s) > 5 {
		return false
	}
	return strings.Trim(s, "IVX") == ""
}

// eventFirst are the words that begin the names of competitions in other languages:
// "Copa Libertadores", "Coupe de France".
var eventFirst = words(`copa coupe coppa pokal`)

// operationWords begin the names of military or police operations: "Operation Lake Guard".
var operationWords = words(`operation operación opération operazione operasi operação operacao`)

// indexBrands begin the names of market indexes: "FTSE MIB", "STOXX Europe 600".
var indexBrands = words(`sensex nikkei ftse dax kospi hang-seng stoxx msci`)

// demonymLen returns how many words of a demonym open toks: 1 ("Kenyan"), 2 ("New
// Zealander"), or 0.
func demonymLen(toks []token) int {
	if len(toks) > 0 && demonyms[toks[0].fold] {
		return 1
	}
	if len(toks) > 1 && demonyms[toks[0].fold+" "+toks[1].fold] {
		return 2
	}
	return 0
}

// ownDemonym reports whether a body's name, after a demonym, ends in a head noun whose
// official names keep the demonym: authorities, commissions, guards, agencies, boards,
// institutes ("Swedish Tax Agency"), and a state's Olympic committee.
func ownDemonym(toks []token) bool {
	w := toks[len(toks)-1].fold
	return publicHeads[w] || w == "guard" || w == "guards" || w == "police" || w == "agency" || w == "board" || w == "institute" ||
		slices.ContainsFunc(toks, func(t token) bool { return t.fold == "olympic" || t.fold == "paralympic" }) // "Canadian Olympic Committee"
}

// demonymBody reports whether a body named after a state's adjective keeps it in its
// name: an embassy or a consulate ("Russian Embassy"), a royal court ("Saudi Royal
// Court"), a customs service ("Finnish Customs"), an administration of several words
// ("Norwegian Public Roads Administration"): without the adjective the name says nothing
// of whose it is.
func demonymBody(toks []token) bool {
	w := toks[len(toks)-1].fold
	switch w {
	case "embassy", "consulate", "customs":
		return true
	case "court":
		return len(toks) == 2 && toks[0].fold == "royal"
	case "administration":
		return len(toks) >= 3
	}
	return false
}

// shipPrefixes begin the names of ships, which are not actors: "USS Carney", "BRP Sierra
// Madre".
var shipPrefixes = words(`uss hms brp mv ins hmcs hmas rfs pns kri rss mfv fv mt ms mts`)

// awardAhead reports whether the capitalised words after "of" at toks[k] end with an
// award's word and hold no country: "Brave Hearts of Gold Award".
func awardAhead(toks []token, k, end int) bool {
	j := k + 1
	for j < end && isNameToken(toks[j]) && !isCountryTok(toks[j]) {
		j++
	}
	return j > k+1 && (j == end || !isCountryTok(toks[j])) && awardWords[toks[j-1].fold]
}

// periodTitle reports whether "of" at toks[k] opens "the" and a period ("of the Month",
// "of the Year"): with the words before, a title given for that period.
func periodTitle(toks []token, k, end int) bool {
	return k+2 < end && toks[k+1].fold == "the" && periodWords[toks[k+2].fold]
}

// periodWords are the periods a title is given for.
var periodWords = words(`month year season week decade century tournament match day`)

// awardWords end the whole name of an award, whatever "of" it holds.
var awardWords = words(`prize prizes award awards medal trophy`)

// stageWords before a single letter name a stage of a competition: "Group C".
var stageWords = words(`group pool class stage zone`)

// thingHead reports whether the name's head noun, its last word or the last before a
// connector, names an event, an award, a product line, a law or a document, and no word
// of it says it is an organisation's: "Mobile World Congress" is an event.
func thingHead(toks []token) bool {
	head := toks[len(toks)-1]
	for k, t := range toks {
		if t.fold == "and" && cueKind(head.fold) != "" {
			break // "Tax and Customs Board": two sectors of one body, whose head ends it
		}
		if connectors[t.fold] && k > 0 {
			head = toks[k-1]
			break
		}
	}
	if len(toks) >= 3 && toks[len(toks)-2].fold == "the" && periodWords[toks[len(toks)-1].fold] && toks[len(toks)-3].fold == "of" {
		return true // "Player of the Month", "Goal of the Season": a title, no actor
	}
	if venue(toks) || len(toks) > 1 && operationWords[toks[0].fold] {
		return true // "Kenyatta International Convention Centre", "Operation Lake Guard": no actors
	}
	if n := len(toks); n >= 2 && toks[n-1].fold == "open" && (places[toks[0].fold] || isCountryTok(toks[0]) || demonyms[toks[0].fold] || capitalOf[toks[0].fold] != nil) {
		return true // "Reykjavik Open", "Australian Open": a tournament named for its place; not "Keep Linden Open"
	}
	// An award's or a law's word ends its whole name: "Women of Steel Award", "Invasion of
	// Privacy Act".
	last := toks[len(toks)-1].fold
	if !nonActorHeads[head.fold] && !eventFirst[toks[0].fold] && !indexBrands[toks[0].fold] && !awardWords[last] && !lawWords[last] {
		return false
	}
	if len(toks) >= 3 && (billWords[last] || last == "index") && unicode.IsUpper(firstRune(toks[len(toks)-1].text)) {
		return true // "Alberta Provincial Police Service Act", "World Press Freedom Index": a body's words inside a law's or an index's name
	}
	for _, t := range toks {
		if k := cueKind(t.fold); k != "" && k != app.Organisation {
			return false // "Congress Party"
		}
	}
	return true
}

// billWords end a law's name whatever body's words it holds; "Law" may end a faculty's.
var billWords = words(`act bill treaty statute ordinance decree directive`)

// lawWords end the names of laws and treaties however they open.
var lawWords = words(`act law treaty statute code ordinance decree regulation directive convention`)

// venue reports whether a name ends in a centre, a hall or an arena for gatherings:
// "Convention Centre", "Exhibition Hall", "Sports Arena"; a research centre is a body.
func venue(toks []token) bool {
	n := len(toks)
	if n < 2 {
		return false
	}
	last, prev := toks[n-1].fold, toks[n-2].fold
	return (last == "centre" || last == "center" || last == "hall" || last == "complex") && venueWords[prev] ||
		last == "stadium" || last == "arena"
}

// venueWords say what a centre or a hall is for when it is a building.
var venueWords = words(`convention conference exhibition shopping trade sports cultural congress events expo
	concert leisure community`)

// placeHead reports whether the name's head noun, its last word or the last before a
// connector, is a place's: "Litani River", "Strait of Hormuz".
// A body's head before the connector makes it the body's, whatever place ends its name:
// "Fund for Saving the Aral Sea".
func placeHead(toks []token) bool {
	for k, t := range toks {
		if connectors[t.fold] {
			if k > 0 && cueKind(toks[k-1].fold) != "" && !placeCues[toks[k-1].fold] {
				return false
			}
			break
		}
	}
	if n := len(toks); placeCues[toks[n-1].fold] {
		// "Yakima School District", "Bay Area Air Quality Management District": a
		// district that a service names is the body that runs it.
		return n < 2 || !districtServices[toks[n-2].fold]
	}
	for k, t := range toks {
		if connectors[t.fold] {
			return k > 0 && placeCues[toks[k-1].fold]
		}
	}
	return false
}

// districtServices before "District" make it a body: the district's school board, its
// water or fire service.
var districtServices = words(`school water management fire irrigation sanitation utility utilities hospital
	conservation park transit library unified graded improvement sewer drainage`)

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// hasArmedName reports whether toks hold "Islamic State", which names a group even in
// "Islamic State Sahel Province".
func hasArmedName(toks []token) bool {
	for k := 0; k+1 < len(toks); k++ {
		if toks[k].fold == "islamic" && toks[k+1].fold == "state" {
			return true
		}
	}
	return false
}

// govHead reports whether toks are portfolio words ending in a government body's head
// noun: "Foreign Ministry", "Department of Foreign Affairs".
func govHead(toks []token) bool {
	for _, t := range toks {
		w := t.fold
		if govCues[w] {
			return true
		}
		if !roleModifiers[w] {
			return false
		}
	}
	return false
}

// modifierStem splits "Iran-backed", "U.S.-led" and "Baghdad-based" into the name and its
// modifier; ok is false for other words.
func modifierStem(t token) (string, bool) {
	i := strings.LastIndexByte(t.text, '-')
	if i <= 0 || !isNameToken(t) {
		return "", false
	}
	if !modifierSuffixes[strings.ToLower(t.text[i+1:])] {
		return "", false
	}
	return t.text[:i], true
}

// placeSuffixes make the stem a place or a style rather than an actor: "Baghdad-based".
var placeSuffixes = words(`based born made style era bound centred centered friendly like type listed
	registered headquartered flagged speaking language`)

var modifierSuffixes = words(`based backed led aligned allied friendly linked funded sponsored owned run
	born style era controlled held affiliated leaning majority dominated brokered mediated made
	bound centred centered focused oriented supported armed trained listed registered headquartered flagged
	speaking language`)

// trailingRoles are the roles that, written after a name, are people belonging to it, and
// "NGO", which says what the name before it only places ("a Caracas NGO").
var trailingRoles = words(`mps mp meps mep lawmakers legislators deputies senators ministers officials
	leaders members supporters spokesman spokeswoman spokesperson chief ngo ngos`)

// fathers are the particles before a father's name: "bin Salman" is not "Salman".
var fathers = map[string]bool{"bin": true, "ibn": true, "bint": true, "ben": true}

// connectors join the words of an organisation's name: "Bank of Spain".
var connectors = words(`of for on in and the`)

// orInRemit reports whether "or" at toks[j] joins the last two nouns of a body's remit
// after its purpose ("Commission to Investigate Allegations of Bribery or Corruption"):
// the run has "to" and "of" after a head noun, and one capitalised word ends it after "or".
func orInRemit(toks []token, i, j int) bool {
	if toks[j].text != "or" || j+1 >= len(toks) || !isNameToken(toks[j+1]) || !toks[j+1].space ||
		j+2 < len(toks) && isNameToken(toks[j+2]) && toks[j+2].space || j-i < 5 || toks[j-2].fold != "of" {
		return false
	}
	for k := i + 1; k < j-2; k++ {
		if toks[k].text == "to" && cueKind(toks[k-1].fold) != "" {
			return true
		}
	}
	return false
}

// isJoiner reports whether t may stand inside a name between capitalised words.
func isJoiner(t token) bool {
	if t.text == "&" && t.space {
		return true // "Barrow & Finch"
	}
	if !unicode.IsLower(firstRune(t.text)) {
		return false
	}
	w := t.fold
	return particles[w] || connectors[w]
}

// isNameToken reports whether t can be part of a name: capitalised ("Maliki"), an
// acronym ("PKK", "AfD"), or a capitalised word after a lowercase particle ("al-Maliki").
func isNameToken(t token) bool {
	if t.kind != tWord || t.text == "" || t.shout {
		return false
	}
	r := firstRune(t.text)
	if unicode.IsUpper(r) {
		return true
	}
	if unicode.IsDigit(r) {
		return isOrdinal(t.text) // "47th Mechanized Brigade", "9th U.S. Circuit Court of Appeals"
	}
	if !unicode.IsLower(r) {
		return false
	}
	for _, p := range particlePrefixes {
		if strings.HasPrefix(t.text, p) && len(t.text) > len(p) {
			r, _ := utf8.DecodeRuneInString(t.text[len(p):])
			return unicode.IsUpper(r)
		}
	}
	return nguniPrefix(t.text)
}

// nguniPrefix reports whether w is a name written with a Nguni locative or class prefix in
// lower case before its capital: "eThekwini", "eSwatini", "iSimangaliso", "uMhlathuze".
func nguniPrefix(w string) bool {
	if len(w) < 5 || w[0] != 'e' && w[0] != 'i' && w[0] != 'u' && w[0] != 'o' {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w[1:])
	if !unicode.IsUpper(r) {
		return false
	}
	for _, c := range w[1+utf8.RuneLen(r):] {
		if !unicode.IsLower(c) {
			return false // "iPhone15", "eID-Card": not a name so written
		}
	}
	return true
}

// isOrdinal reports whether s is a number written as an ordinal: "4th", "21st", "47th".
func isOrdinal(s string) bool {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	suf := strings.ToLower(s[i:])
	return i > 0 && i <= 3 && (suf == "st" || suf == "nd" || suf == "rd" || suf == "th" || suf == "ª" || suf == "º") // "15ª Região"
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// isAllCaps reports whether s has two letters or more, all capitals ("BAGHDAD", "U.S.").
func isAllCaps(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= 2
}

// isAcronym reports whether s reads as an acronym: all capitals ("PKK", "U.S.") or a
// short word with two capitals or more ("AfD", "E3").
func isAcronym(s string) bool {
	if isAllCaps(s) {
		return true
	}
	letters, upper, digits := 0, 0, 0
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			upper++
			letters++
		case unicode.IsLetter(r):
			letters++
		case unicode.IsDigit(r):
			digits++
		}
	}
	if !unicode.IsUpper(firstRune(s)) {
		return false
	}
	return letters <= 4 && (upper >= 2 || digits > 0 && letters <= 2)
}

func isArticle(s string) bool {
	switch s {
	case "the", "a", "an", "The", "A", "An", "THE", "AN":
		return true
	}
	return false
}

func isCountryText(s string) bool {
	_, ok := countryForm(s)
	return ok
}

func isCountryTok(t token) bool {
	_, ok := countryFormFolded(t.text, t.fold)
	return ok
}
