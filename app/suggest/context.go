package suggest

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"dossier/app"
)

// context reads the words around s.toks[i:end] for what they say about the name. Each
// step reads one family of clues; they run in this order because later ones defer to
// what earlier ones found (most set a kind only when none was read yet).
func (s *scanner) context(o *occurrence, i, end int) {
	prev := wordBefore(s.toks, i)
	next := wordAfter(s.toks, end)
	s.memberOf(o, i, end)
	if prev != "" {
		s.wordBeforeClue(o, i, prev)
		s.precedeCue(o, i, prev)
	}
	s.nounBeforeComma(o, i)
	s.appositiveBefore(o, i)
	s.thingBeforeComma(o, i, i+len(o.toks))
	s.nounBeforeBrackets(o, i, end)
	s.appositiveAfter(o, i, end)
	s.attribution(o, i, end, prev, next)
	s.tagClues(o, i, end, prev)
	s.thingClues(o, i, end, prev, next)
	s.personByRoleComma(o, i, prev)
	s.placeClues(o, i, end, prev, next)
	s.listedPlaces(o, i, end, prev)
	s.followClues(o, i, end, prev, next)
	s.listClues(o, i, end, prev)
	s.newsroomClues(o, i, prev, next)
	s.aliasClues(o, end)
	if !o.person && headKind(o.toks) == "" && s.appositiveRole(end) {
		o.person = true
	}
	if s.agentAfterBy(i) {
		o.described = true // "a group, led by (Montana's) Ryder Halvorsen,": the one who leads
	}
	if standingWords[prev] && len(o.toks) >= 2 && partyOrHouse[o.toks[len(o.toks)-1].fold] {
		o.kind, o.ctxKind = app.Party, app.Party // "the opposition United Highlands Congress": a party, not a house
	}
}

// agentAfterBy reports whether the name at toks[i] follows "by" and a verb of agentVerbs,
// a place's possessive between them or not.
func (s *scanner) agentAfterBy(i int) bool {
	by := i - 1
	if by >= 1 && s.toks[by].poss && s.toks[by].kind == tWord {
		by-- // "led by Montana's Ryder Halvorsen"
	}
	return by >= 1 && s.toks[by].fold == "by" && agentVerbs[s.toks[by-1].fold]
}

// agentVerbs, before "by" and a name, say the name leads, runs or speaks for something.
var agentVerbs = words(`led headed chaired run founded co-founded owned backed represented appointed
	nominated signed filed brought written managed directed coached`)

// standingWords, right before a name, say it is a party in or out of government.
var standingWords = words(`opposition ruling governing`)

// partyOrHouse are head nouns that name parties as often as legislatures.
var partyOrHouse = words(`congress assembly`)

// wordBeforeClue reads what the word before a name may say of it, in this order: the
// first that holds decides (a role before a name makes it a person, "in" before it a
// place, "shares in" a company). Direct calls, not a table of functions: this runs for
// every name.
func (s *scanner) wordBeforeClue(o *occurrence, i int, prev string) {
	_ = s.roleBefore(o, i, prev) ||
		s.employerBefore(o, i, prev) ||
		s.namedByPhrase(o, i, prev) ||
		s.sourceBefore(o, i, prev) ||
		s.marketOrPlaceNoun(o, i, prev) ||
		s.stakeBefore(o, i, prev) ||
		s.locativeBefore(o, i, prev) ||
		s.movementBefore(o, i, prev) ||
		s.articleAfterLocative(o, i, prev) ||
		s.placeOfBefore(o, i, prev)
}

// roleBefore: "rival Givaudan", "partner Vexor" (companies as often as people); "broker
// Marsh Vellan" is a firm's name unless a given name opens it.
func (s *scanner) roleBefore(o *occurrence, i int, prev string) bool {
	o.described = companyRoles[prev]
	if s.lowerAgentBefore(o, i, prev) {
		o.person = true // "asked bookkeeper Lorna Arcenas Tabura": a job's noun, then a name
		return true
	}
	if !roleWords[prev] || isArticle(prev) || companyRoles[prev] && len(o.toks) == 1 ||
		precedeCues[prev] == app.Organisation && !firstNames[o.toks[0].fold] {
		return false
	}
	o.person = true
	return true
}

// lowerAgentBefore reports whether a lower-case noun for someone who does something
// stands right before a name of two to four plain words: "bookkeeper Lorna Tabura",
// "fisherman Jun Dela Cruz". Lower case, it cannot be a capitalised surname's first word,
// and a company's words or a body's head noun in the name say it is no person's. Not in
// a headline, which glues a company's description to its name ("chip designer Sartori
// Microsystems") as often as a role to a person's.
func (s *scanner) lowerAgentBefore(o *occurrence, i int, prev string) bool {
	if s.title || i == 0 || len(o.toks) < 2 || len(o.toks) > 4 || !unicode.IsLower(firstRune(s.toks[i-1].text)) {
		return false
	}
	if !lowerAgent(prev) || hasAnyCue(o.toks) || !allNameTokens(o.toks) {
		return false
	}
	if end := i + len(o.toks); end < len(s.toks) && legalSuffixTok(s.toks[end]) {
		return false // "chip designer Sartori Microsystems SpA"
	}
	return !slices.ContainsFunc(o.toks, func(t token) bool { return companyWords[t.fold] || legalSuffixTok(t) })
}

// lowerAgent reports whether a lower-case word reads as a noun for someone who does
// something: "bookkeeper", "fisherman", "florist", "accountant"; not a company's
// ("chipmaker", "newspaper"), which says what the name is.
func lowerAgent(w string) bool {
	if utf8.RuneCountInString(w) < 5 || stopwords[w] || notAgents[w] || speechVerbs[w] || demonyms[w] ||
		kindNoun(w) != "" || descriptorNouns[w] || agentNouns[w] {
		return false
	}
	for _, suf := range []string{"er", "or", "ist", "man", "woman", "ian", "ant"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// notAgents end like a noun for someone but are not: "after Anna Berg", "under Rio Lima".
var notAgents = words(`after under other never whether together either neither rather later over ever
	however former latter earlier border corner quarter river water winter summer number member
	center centre order letter matter paper power chamber october november december september
	minor major prior junior senior elder inner outer upper lower meanwhile plant giant want
	meant brilliant important significant tenant`)

// employerBefore: "analysts at Brightwater Securities", "lawmakers from Popular Force":
// where people work or whose they are, not where it happens.
func (s *scanner) employerBefore(o *occurrence, i int, prev string) bool {
	if !s.peopleOf(i - 1) {
		return false
	}
	o.employer = true
	if o.ctxKind == "" {
		o.ctxKind = app.Organisation
		if partyMembers[wordBefore(s.toks, i-1)] {
			o.ctxKind = app.Party
		}
	}
	return true
}

// namedByPhrase: "the gang known as Los Injertos", "a group calling itself Hollow Reed",
// "a seller who gave her name as Afi", "a loader known as GreyMoth".
func (s *scanner) namedByPhrase(o *occurrence, i int, prev string) bool {
	return s.namingPhrase(o, i)
}

// sourceBefore: "according to Statistics Denmark" is a source, not a place.
func (s *scanner) sourceBefore(o *occurrence, i int, prev string) bool {
	return prev == "to" && i >= 2 && wordBefore(s.toks, i-1) == "according"
}

// marketOrPlaceNoun: "the Tishreen dam on the Euphrates"; "fell 11 percent on the
// Nasdaq", a market where shares trade.
func (s *scanner) marketOrPlaceNoun(o *occurrence, i int, prev string) bool {
	if s.onPlaceNoun(i) || len(o.toks) == 1 && s.marketAfterMove(i) {
		o.loc = true
		return true
	}
	return false
}

// stakeBefore: "Shares in Ironbark fell", "a stake in Varma" (whose shares, not where);
// "Harlow, which bought into Tessel in 2019" (a stake in a company, not a place).
func (s *scanner) stakeBefore(o *occurrence, i int, prev string) bool {
	if i < 2 {
		return false
	}
	before := wordBefore(s.toks, i-1)
	if !((prev == "in" || prev == "of") && stakeNouns[before] || prev == "into" && buyInVerbs[before]) {
		return false
	}
	if o.ctxKind == "" {
		o.ctxKind = app.Organisation
	}
	return true
}

// locativeBefore: "in Basra", "to Ankara" (a weak clue, which a movement before it makes
// a journey's end).
func (s *scanner) locativeBefore(o *occurrence, i int, prev string) bool {
	if !locatives[prev] {
		return false
	}
	o.loc = true
	o.weakLoc = weakLocatives[prev] && !buildingName(o.toks)
	if o.weakLoc && prev == "at" && i >= 2 && (placeNoun(wordBefore(s.toks, i-1)) || placeCues[wordBefore(s.toks, i-1)] || hubNouns[wordBefore(s.toks, i-1)]) {
		o.weakLoc = false // "the terminal at Supsa", "the bridge at Zvornik": a place's noun, then where
	}
	o.motion = o.weakLoc && s.motionBefore(i-1)
	o.placeSaid = !o.weakLoc
	return true
}

// buildingName reports whether a name of several words ends in a building's noun: after
// "at" or "in the" it says where ("at Government House", "at the Villa d'Accueil"), a
// strong place clue, not the weak one "at" gives a name alone.
func buildingName(toks []token) bool {
	n := len(toks)
	return n > 1 && buildingNouns[toks[n-1].fold] && !institutionWords[toks[n-2].fold]
}

// institutionWords before "Centre" or "Center" make it a body that works, not a building:
// "Jose Abad Memorial Medical Center", "Kestrel Research Centre".
var institutionWords = words(`medical research policy health cancer heart trauma legal data studies science
	training rehabilitation resource resources crisis information operations coordination`)

// buildingNouns end the names of buildings and sites.
var buildingNouns = words(`centre center hall complex house villa palace hotel arena stadium building
	tower plaza mall terminal airport station church mosque cathedral temple`)

// hubNouns are the places of trade or travel, besides placeNouns, that a name after "at"
// locates: "the tea-buying centre at Kiegoi", "the station at Mersa".
var hubNouns = words(`centre center station stop market depot hub office warehouse quay wharf pier
	jetty landing`)

// movementBefore: "from reaching El Fasher", "troops entered Kherson", "the ship was
// heading for Djibouti", "flights travelled between Sanaa and…", "the road between
// Marsabit and…".
func (s *scanner) movementBefore(o *occurrence, i int, prev string) bool {
	if reachVerbs[prev] || prev == "for" && s.motionBefore(i-1) || prev == "between" && s.betweenPlaces(i-1) {
		o.loc = true
		return true
	}
	return false
}

// articleAfterLocative: "in The Hague"; "listed in both Oslo and Helsinki", "in
// downtown Tbilisi", "in neighbouring Isiolo".
func (s *scanner) articleAfterLocative(o *occurrence, i int, prev string) bool {
	if compass[prev] && o.country != nil && prev != "greater" {
		o.loc = true // "the boat left eastern Libya": a region of the state, a place
		return true
	}
	if i < 2 || !locatives[wordBefore(s.toks, i-1)] {
		return false
	}
	if isArticle(prev) && (len(o.toks) == 1 || o.country != nil || buildingName(o.toks)) && !isAcronym(o.text) {
		// "in The Hague", "stored in the United States", "register at the Bonnyville
		// Centennial Centre"
		o.loc = true
		return true
	}
	if prev == "both" || prev == "either" || compass[prev] || nearWords[prev] {
		// "in eastern Ukraine", "in downtown Tbilisi"
		o.loc = true
		o.weakLoc = weakLocatives[wordBefore(s.toks, i-1)]
		return true
	}
	return false
}

// placeOfBefore: "the city of Manisa", "ships out of Paldiski".
func (s *scanner) placeOfBefore(o *occurrence, i int, prev string) bool {
	if prev == "of" && i >= 2 && (placeOf[wordBefore(s.toks, i-1)] || wordBefore(s.toks, i-1) == "out") {
		o.loc = true
		o.placeSaid = true // "the town of Dhobley"
		return true
	}
	return false
}

// precedeCue reads a cue word right before the name: "the broadcaster", "the party".
func (s *scanner) precedeCue(o *occurrence, i int, prev string) {
	k, ok := precedeCues[prev]
	if !ok {
		return
	}
	if s.toks[i-1].poss {
		// "the United Progressive Party's Delcia Warner-Joseph": one of the party's
		// people, not the party.
		if k == app.Party && len(o.toks) >= 2 && len(o.toks) <= 3 && !hasAnyCue(o.toks) && o.country == nil {
			o.person = true
		}
		return
	}
	o.ctxKind = k
	o.groupNoun = nonPartyNouns[prev]
	if k == app.Media && prev == "agency" && i >= 2 && wordBefore(s.toks, i-1) != "news" && wordBefore(s.toks, i-1) != "press" {
		// "the UN refugee agency UNHCR" is above states; "the statistics agency
		// INDEC" is a state's.
		o.ctxKind = s.publicKind(i - 1)
	}
}

// nounBeforeComma: "The newspaper, El Colombiano, published", "Sheinbaum's party, Morena,";
// "Its producer, Selma Hadžić," is a role's, read by roleComma.
func (s *scanner) nounBeforeComma(o *occurrence, i int) {
	toks := s.toks
	if i < 3 || toks[i-1].text != "," || toks[i-2].kind != tWord || !unicode.IsLower(firstRune(toks[i-2].text)) || o.ctxKind != "" ||
		roleWords[toks[i-2].fold] || !s.describingNounBeforeComma(i) {
		return
	}
	if bodyParts[toks[i-2].fold] {
		o.ctxKind = app.Organisation
	}
	if k := kindNoun(toks[i-2].fold); k != "" {
		o.ctxKind = k
		if toks[i-2].fold == "agency" {
			o.ctxKind = s.publicKind(i - 2)
		}
	}
}

// describingNounBeforeComma reports whether the lowercase noun at toks[i-2], before a
// comma and the name, is one that describes it: after an article or a possessive, a
// kind noun opening a phrase, or "its youth wing, Jeunes Semeurs" (a body's part).
func (s *scanner) describingNounBeforeComma(i int) bool {
	toks := s.toks
	return isArticle(toks[i-3].text) || toks[i-3].poss ||
		i >= 4 && isArticle(toks[i-4].text) && toks[i-3].kind == tWord && unicode.IsLower(firstRune(toks[i-3].text)) ||
		s.modifiedNounOpens(i-2) && kindNoun(toks[i-2].fold) != "" ||
		pronounPoss[toks[i-3].fold] && kindNoun(toks[i-2].fold) != app.Organisation ||
		i >= 4 && pronounPoss[toks[i-4].fold] && unicode.IsLower(firstRune(toks[i-3].text)) && bodyParts[toks[i-2].fold]
}

// appositiveBefore: "the country's data protection watchdog, the CNIL": the noun before
// the comma says what the name is.
func (s *scanner) appositiveBefore(o *occurrence, i int) {
	toks := s.toks
	if i < 3 || !isArticle(toks[i-1].text) || toks[i-2].text != "," || toks[i-3].kind != tWord || o.ctxKind != "" {
		return
	}
	if k, ok := appositiveKinds[toks[i-3].fold]; ok && unicode.IsLower(firstRune(toks[i-3].text)) {
		o.ctxKind = k
		if k == app.Organisation && toks[i-3].fold == "agency" {
			o.ctxKind = s.publicKind(i - 3)
		}
	}
}

// thingBeforeComma: "its encryption software, VireoLock,": what the name is, a thing.
func (s *scanner) thingBeforeComma(o *occurrence, i, end int) {
	toks := s.toks
	if i >= 3 && toks[i-1].text == "," && thingNoun(toks[i-2].fold) && unicode.IsLower(firstRune(toks[i-2].text)) && s.phraseOpens(i-2) &&
		!(frontedPhrase(toks, i-2) && end < len(toks) && toks[end].kind == tWord) {
		o.product = true
	}
}

// frontedPhrase reports whether the noun at toks[k] ends a phrase or a clause that opens
// its sentence ("By the next summit, ASEAN should…", "If there is no deal by the summit,
// ASEAN…"): when a verb follows, the name after its comma is the clause's subject, not
// the noun's appositive.
func frontedPhrase(toks []token, k int) bool {
	for j := k; j >= 0 && j > k-12 && toks[j].kind == tWord; j-- {
		if toks[j].sent {
			return frontPrepositions[toks[j].fold] || clauseOpeners[toks[j].fold]
		}
	}
	return false
}

// frontPrepositions open a sentence's fronted phrase of time or place.
var frontPrepositions = words(`by in at on after before during since until for from with without under over within`)

// nounBeforeBrackets: "the Congolese army (FARDC)", "the data regulator (DPC)": the noun
// before the brackets says what the acronym names.
func (s *scanner) nounBeforeBrackets(o *occurrence, i, end int) {
	toks := s.toks
	if i < 2 || toks[i-1].text != "(" || end >= len(toks) || toks[end].text != ")" || len(o.toks) != 1 || !isAcronym(o.text) || o.ctxKind != "" {
		return
	}
	w := wordBefore(toks, i-1)
	if w == "" || !unicode.IsLower(firstRune(w)) {
		return
	}
	if w == "army" || w == "military" {
		o.ctxKind = app.ArmedGroup
	} else if k := kindNoun(w); k != "" {
		o.ctxKind = k
	}
}

// appositiveAfter: "(Andina Press)" in a dateline is the agency; "Frontex, the EU border
// agency", "La Provence, the local daily".
func (s *scanner) appositiveAfter(o *occurrence, i, end int) {
	if i >= s.agency[0] && end <= s.agency[1] {
		o.ctxKind = app.Media
		o.agency = true
	}
	if k := s.appositiveKind(end); k != "" && o.ctxKind == "" {
		o.ctxKind = k
		o.appositive = true
	}
}

// attribution reads whether a lone word qualifies the noun after it ("UN peacekeepers",
// "two Dene hunters") rather than being its subject.
func (s *scanner) attribution(o *occurrence, i, end int, prev, next string) {
	toks := s.toks
	o.attrib = s.qualifies(o, end, next) && next != "" && toks[end].space && !ownedNouns[next]
	// "until Brussels listens": after a clause's opening word the name is its subject and
	// the word after it a verb, not a noun it qualifies.
	o.attrib = o.attrib && !clauseOpeners[prev]
	if o.attrib && end+1 < len(toks) && toks[end+1].kind == tWord && objectOpeners[toks[end+1].fold] {
		// "The IMF forecast last month that…": a clause word after the next word makes
		// that word the name's verb, not a noun it qualifies ("UN peacekeepers say").
		o.attrib = false
	}
	if o.attrib && o.country != nil && prev != "" && !ownsBody(toks, end) && !strings.Contains(toks[i].text, "-") {
		// "reliance on U.S. suppliers": where from. "U.S. officials" are the state's own;
		// "Kazakhstan kept out", first in its clause, is the subject of a verb; "the
		// Armenia-Azerbaijan war" is between the two.
		o.possPlace = true
	}
	// "Hanbit's U.S. holding company", "its Kenyan unit": whose and where, not who.
	o.ownedAttrib = o.attrib && i > 0 && (toks[i-1].poss || pronounPoss[prev])
	// "two Dene hunters": a count, the word, a plural noun.
	o.counted = o.attrib && strings.HasSuffix(next, "s") && (countWords[prev] || prev != "" && unicode.IsDigit(firstRune(prev)))
}

// tagClues reads a member's tag in brackets and a quotation's speaker.
func (s *scanner) tagClues(o *occurrence, i, end int, prev string) {
	toks := s.toks
	if end == i+1 && o.ctxKind == "" && s.tagAfterPerson(i) || o.ctxKind == "" && !isAcronym(o.text) && s.partyAfterMember(i, end) {
		o.ctxKind = app.Party
	}
	switch memberTag(toks, i, end) {
	case 1:
		if o.ctxKind == "" {
			o.ctxKind = app.Party // "Katarina Vrabec (S&D, Slovenia)": her party…
		}
	case 2:
		o.nationality = true // …and where she is from
	}
	if (prev == "said" || prev == "says") && len(o.toks) > 1 && o.ctxKind == "" && i >= 2 &&
		(toks[i-2].kind == tPunct || toks[i-2].kind == tWord && wordBefore(toks, i-1) == "") {
		// "“…,” said Katarina Vrabec": the speaker of a quotation, named after the verb.
		o.ctxKind = app.Person
	}
}

// currencyAmount reports whether a word is a currency's letters and digits: "K4" (kwacha),
// "R550" (rand), "Tk500", "GH¢" already gone.
func currencyAmount(w string) bool {
	letters := strings.TrimRight(w, "0123456789")
	return letters != w && strings.Trim(w[len(letters):], "0123456789") == "" && currencyLetters[strings.ToLower(letters)]
}

// currencyLetters write amounts before their digits.
var currencyLetters = words(`k r rs tk ksh sh rm gh le br zk ush tsh rp`)

// thingClues reads what makes a name a thing rather than an actor: "a bad-tempered
// Superclásico", "its Kvitta Pay terminals", "(D-Wash.)", "the Atlas 9 smartphone".
func (s *scanner) thingClues(o *occurrence, i, end int, prev, next string) {
	toks := s.toks
	if end == i+1 && strings.ContainsAny(o.text, "0123456789") && (quantityUnits[next] || next == "bn" || next == "m" || currencyAmount(o.text) && !speechVerbs[next]) {
		o.thing = true // "RM2 billion", "KSh40 million", "K4.8 billion", "R550": an amount in a currency's letters
	}
	if end == i+1 && currencyLetters[o.key] && end < len(toks) && unicode.IsDigit(firstRune(toks[end].text)) {
		o.thing = true // "Rp 4.2 trillion", "Rs 300 crore": a currency's letters before the amount
	}
	if len(o.toks) == 1 && !o.attrib && s.indefiniteBefore(i) && !isAcronym(o.text) {
		// "a bad-tempered Superclásico", "an Airbus": one of a kind of things, no actor.
		o.thing, o.instance = true, true
	}
	if (prev == "its" || prev == "their") && s.ownedBrand(end, next) && headKind(o.toks) == "" {
		// "its Kvitta Pay terminals", "their Orion laptops": what a company has, named by
		// a brand or a place before the noun, is not an actor; "its Audit Committee
		// meets" is a body's own body, named by its head noun.
		o.thing = true
	}
	if prev == "the" && roadCode(o.text) && knownKinds[o.key] == "" {
		o.thing = true // "blocked the A28 and the N35": roads; "the M23" is a known group
	}
	if partyStateTag(toks, i, end) || modelCode(o) || usStateAfterTown(toks, i, end) {
		o.thing = true // "Sen. Ruth Hale (D-Wash.)": party and state, not a name; "the K-220"; "Greenville, S.C."
	}
	s.wonOrLaunched(o, i, end, prev)
	if prev == "as" && s.soldAs(i-1) {
		o.thing, o.product = true, true // "sells the service to call centres as Kvitta Live"
	}
	if vesselBefore(toks, i) {
		o.thing = true // "aboard the Al Nour Express", "the tanker Qamar": a ship, not who
	}
	numbered := s.numberAfter(end)
	o.numbered = numbered && prev == "the" && !(end+1 < len(toks) && toks[end+1].text == "%")
	if thingAfter(toks, end) || numbered || s.codeAfterNumber(o, i) {
		o.thing = true // "the Atlas 9 smartphone", "the KOSPI index", "Vantor Aero X2"
	}
}

// codeAfterNumber: a lone all-caps word right after a number ("12 TB", "a 5 GW plant") is
// a unit or a model's code.
func (s *scanner) codeAfterNumber(o *occurrence, i int) bool {
	toks := s.toks
	return len(o.toks) == 1 && isAllCaps(o.text) && i > 0 && toks[i-1].kind == tWord && unicode.IsDigit(firstRune(toks[i-1].text)) && toks[i].space
}

// ownedBrand reports whether the name ending at end qualifies the noun after it.
func (s *scanner) ownedBrand(end int, next string) bool {
	return next != "" && !followCuesAny(next) && !ownedNouns[next] && s.toks[end].space && !s.toks[end-1].poss
}

// personByRoleComma: "Its president, Sanna Koivisto, said", "the party's leader in the
// assembly, Ana Rocha, said", "two directors, Ion Popa and Dan Mureș, were…".
func (s *scanner) personByRoleComma(o *occurrence, i int, prev string) {
	if o.product {
		return // "whose rival app, Tulko,": the phrase ends in a thing's noun, not a role
	}
	if headKind(o.toks) == "" && o.country == nil && (s.roleComma(i) || prev == "and" && s.roleComma(s.nameStart(i-1))) {
		o.person = true
	}
}

// placeClues reads what says a name is a place, or a state's as its owner or nationality,
// or whose role follows.
func (s *scanner) placeClues(o *occurrence, i, end int, prev, next string) {
	toks := s.toks
	o.stemPlace = s.stemLoc
	if bodyPlaceNouns[next] && !toks[end-1].poss || s.placeWordAfter(o, end, next) {
		o.loc = true
	}
	if i > 0 && toks[i-1].poss && s.locBefore(i) {
		o.loc = true // "near Cox's Bazar"
	}
	s.stateOwner(o, end, next)
	if (roleWords[next] || roleWords[strings.TrimSuffix(next, "s")] || s.roleQualifier) && !o.person {
		o.roleOf = true // "São Paulo governor", "SDF commander": whose role, not a person
	}
	s.placeModifier(o, i, end, prev, next)
}

// placeWordAfter reports whether what follows the name says it is a place: "Baghdad-based",
// "the Basra province", "Tbilisi residents", an election held there.
func (s *scanner) placeWordAfter(o *occurrence, end int, next string) bool {
	return s.stemLoc || placeNoun(next) || groupNouns[next] || s.placeAhead(end) ||
		s.electionAfter(end) && headKind(o.toks) == "" && knownKinds[o.key] == "" && o.country == nil
}

// stateOwner reads a state's possessive: "Norway's Sindre Haugen" (nationality), "in
// Norway's top court" (the place word is the court's; the state owns it).
func (s *scanner) stateOwner(o *occurrence, end int, next string) {
	toks := s.toks
	if o.country == nil || !toks[end-1].poss {
		return
	}
	o.nationality = personAfter(toks, end) || companyAfter(toks, end)
	if o.loc && !placeNouns[next] && !bodyPlaceNouns[next] {
		o.loc, o.weakLoc = false, false
	}
	o.possPlace = !o.nationality && !ownsBody(toks, end)
}

// ownsBody reports whether the lower-case words after a state's possessive name what the
// state has or is: its government, army, court or minister ("Japan's foreign ministry",
// "Nigeria's central bank", "Ghana's president"), or a name follows ("Spain's Competition
// Commission"). "South Korea's third-largest chipmaker", "Japan's opposition parties" or
// "Myanmar's eastern Kayah State" only say where something is.
func ownsBody(toks []token, k int) bool {
	for j := k; j < len(toks) && j < k+4 && toks[j].kind == tWord; j++ {
		w := toks[j].fold
		if j == k && isNameToken(toks[j]) && !compass[w] {
			return stateBodyNamed(toks, k)
		}
		if stateOwned[w] || govCues[w] || armedCues[w] || roleWords[w] {
			return true
		}
	}
	return false
}

// stateBodyNamed reports whether the name at toks[k] is the state's own or dealt with by
// it ("Spain's Competition Commission", "Brazil's Vale"), not a party the possessive only
// places ("Denmark's Liberal Party").
func stateBodyNamed(toks []token, k int) bool {
	for j := k; j < len(toks) && j < k+6 && isNameToken(toks[j]); j++ {
		if partyCues[toks[j].fold] {
			return false
		}
	}
	return true
}

// stateOwned are the nouns of what a state has or does, besides its bodies' and
// officials' nouns: "Iraq's authorities", "Iran's nuclear programme", "China's economy".
var stateOwned = words(`authorities officials government regime leadership military navy
	forces troops economy budget programme program policy sanctions stance decision
	position offer proposal demand bid response support veto delegation negotiators
	diplomats embassy envoy ambassador allies ally strikes strike attack attacks offensive
	election elections vote constitution debt currency exports imports bank regulator
	watchdog state-owned authority commission agency council rules law laws operator grid
	output supervisor supervisors state-controlled state-run chargé charge chargée broadcaster
	broadcasting airline railway railways utility`)

// placeModifier reads a place named before a noun or a name it describes: "a Wichita
// firm", "the Pretoria agreement", "Oslo shipping group Varde Lines", "Gov. Mike DeWine of
// Ohio".
func (s *scanner) placeModifier(o *occurrence, i, end int, prev, next string) {
	toks := s.toks
	if s.indefiniteModifier(i, end, o.country != nil || o.capital) {
		o.loc = true // "a Wichita firm", "one Tokyo brokerage", "a former Botswana foreign minister"
	}
	s.ownedPlace(o, i, end, prev, next)
	if len(o.toks) == 1 && (prev == "the" || prev == "a") && i >= 2 && toks[i-2].text == "," && agentNouns[next] {
		o.loc = true // "Officine Marzotti, the Bergamo maker of gearboxes": where it is from
	}
	if o.capital && s.capitalAsPlace(end, prev, next) {
		// "the Pretoria agreement", "a Moscow court"; "Oslo shipping group Varde Lines":
		// where the group is from.
		o.loc = true
	}
	if prev == "of" && s.ofAfterName(o, i) && !clubPrefix(o.toks) && !(len(o.toks) >= 2 && firstNames[o.toks[0].fold]) {
		// "Gov. Mike DeWine of Ohio", "Residents of Qamishli"; not the leader named in
		// "the Kurdistan Patriotic Front of Sherzad Omer Baban", nor a firm ("Umut Kaya
		// of Demirtas Rolling Mills"), his employer.
		switch firm := len(o.toks) >= 2 && companyWords[o.toks[len(o.toks)-1].fold]; {
		case !firm:
			o.loc = true
		case o.ctxKind == "":
			o.ctxKind, o.employer = app.Organisation, true
		}
	}
}

// qualifies reports whether the name could qualify the noun after it: a lone word not
// followed by a cue, or a body above states of several words before a body's or a
// role's noun ("the United Nations mission", "a European Union envoy").
func (s *scanner) qualifies(o *occurrence, end int, next string) bool {
	if len(o.toks) == 1 {
		return !followCuesAny(next)
	}
	return !s.toks[end-1].poss && aboveStates(o.toks) && bodyOrRoleNoun(next)
}

// capitalAsPlace reports whether a capital is named as a place: "the Pretoria
// agreement", "a Moscow court", "Tbilisi court upholds", "Oslo shipping group Varde Lines"
// (where the group is from).
func (s *scanner) capitalAsPlace(end int, prev, next string) bool {
	return prev == "the" || prev == "a" || localBodyNouns[next] || prev == "" && s.describedNoun(end, false) || s.describedNameAfter(end)
}

// bodyOrRoleNoun reports whether a lowercase word names a body, a role or a mission
// ("mission", "agency", "envoy"), not a verb.
func bodyOrRoleNoun(w string) bool {
	return followCues[w] != "" && followCues[w] != app.Person || kindNoun(w) != "" || roleWords[w] || missionWords[w]
}

// aboveStates reports whether a name of several words is a known body above states, by
// its name or by the acronym of its initials ("United Nations": "UN").
func aboveStates(toks []token) bool {
	var b strings.Builder
	for _, t := range toks {
		b.WriteRune(unicode.ToLower(firstRune(t.text)))
	}
	key := app.Fold(textOfPlain(toks))
	return knownKinds[key] == app.Organisation && !gazetteerOnly[key] ||
		len(toks) <= 4 && internationalWord(toks[0].fold) && knownKinds[b.String()] == app.Organisation && !gazetteerOnly[b.String()]
}

// ownedPlace reads a place named before what someone owns or holds ("whose Penang firm",
// "her Lagos office", "its lawmaker for Kosofe") and a club after "of" ("Jan Nowak of KS
// Tatry Nowe": his club, not where he is from).
func (s *scanner) ownedPlace(o *occurrence, i, end int, prev, next string) {
	if len(o.toks) != 1 || o.country != nil {
		if prev == "of" && clubPrefix(o.toks) && o.ctxKind == "" {
			o.ctxKind = app.Organisation
		}
		return
	}
	if (pronounPoss[prev] || prev == "whose") && (s.describedNoun(end, false) || localBodyNouns[next]) && !s.mediaNounAfter(end) {
		o.loc = true // "its Al-Rawda channel" names the channel
	}
	if prev == "for" && i >= 2 && legislatorNouns[wordBefore(s.toks, i-1)] {
		o.loc = true // the seat, a place
	}
}

// mediaNounAfter reports whether a media noun follows the name within two words ("its
// Sahel television channel").
func (s *scanner) mediaNounAfter(end int) bool {
	for k := end; k < len(s.toks) && k < end+2 && s.toks[k].kind == tWord; k++ {
		if kindNoun(s.toks[k].fold) == app.Media {
			return true
		}
	}
	return false
}

// localBodyNouns after a capital make it where the body sits, not the state's government:
// "Tbilisi court upholds", "a Riga club".
var localBodyNouns = words(`court courts tribunal assembly club office firm`)

// wonOrLaunched reads a race won ("won the 40-kilometre Vallee Sky Race") and a product
// launched ("launched Kuala Mas, a fish paste sold in…"): things, not actors.
func (s *scanner) wonOrLaunched(o *occurrence, i, end int, prev string) {
	if headKind(o.toks) != "" || o.country != nil {
		return
	}
	if s.wonBefore(i) {
		o.thing = true
	}
	if launchVerbs[prev] && s.appositiveKind(end) == "" && s.thingAppositive(end) {
		o.thing, o.product = true, true
	}
}

// wonBefore reports whether "won the" comes before the name at toks[i], with up to two
// lowercase or numbered words between ("won the 72-kilometre …", "won the annual …").
func (s *scanner) wonBefore(i int) bool {
	k := i - 1
	for n := 0; n < 2 && k >= 0 && s.toks[k].kind == tWord && !isArticle(s.toks[k].text) && !unicode.IsUpper(firstRune(s.toks[k].text)); n++ {
		k--
	}
	return k >= 1 && s.toks[k].fold == "the" && winVerbs[s.toks[k-1].fold]
}

// winVerbs take a race, a cup or a prize as their object.
var winVerbs = words(`won wins win winning`)

// legislatorNouns hold a seat named after "for": "MP for Kosofe", "senator for Oyo".
var legislatorNouns = words(`lawmaker lawmakers legislator mp mps senator senators assemblyman
	assemblywoman councillor councilor deputy representative`)

// launchVerbs put a product on the market: "launched Kuala Mas, a fish paste".
var launchVerbs = words(`launched launches unveiled unveils introduced introduces released releases`)

// thingAppositive reports whether ", a …" follows the name: an appositive with an
// indefinite article, which after a launch verb says what the product is.
func (s *scanner) thingAppositive(end int) bool {
	toks := s.toks
	return end+1 < len(toks) && toks[end].text == "," && (toks[end+1].fold == "a" || toks[end+1].fold == "an")
}

// ofAfterName reports whether "of" before the name follows another name (not a lone word
// opening the sentence), and the name holds no joiner: "Anon Nampa of Lawyers for Rights"
// is his employer, not where he is from.
func (s *scanner) ofAfterName(o *occurrence, i int) bool {
	toks := s.toks
	return i >= 2 && isNameToken(toks[i-2]) && !(toks[i-2].sent && (i < 3 || !isNameToken(toks[i-3]))) &&
		!slices.ContainsFunc(o.toks, func(t token) bool { return connectors[t.fold] || t.text == "&" })
}

// listedPlaces reads a name listed after a place: "in Indonesia and the Philippines", "in
// Miami and Madrid", "in Paris, Lyon and Marseille"; not "In Berlin, Siemens said". The
// list's first place word says how strong a clue it is.
func (s *scanner) listedPlaces(o *occurrence, i, end int, prev string) {
	toks := s.toks
	if isArticle(prev) && i >= 2 && (wordBefore(toks, i-1) == "and" || wordBefore(toks, i-1) == "or") && s.locBefore(i-2) {
		o.loc = true
		s.listLocativeStrength(o, i-2)
	}
	if (prev == "and" || prev == "or") && s.locBefore(i-1) || i > 0 && toks[i-1].text == "," && s.listGoesOn(end) && s.locBefore(i-1) {
		o.loc, o.listPlace = true, true
		s.listLocativeStrength(o, i-1)
	}
	if o.country != nil && i > 0 && toks[i-1].text == "," && s.locBefore(i-1) && (end == len(toks) || toks[end].kind == tPunct && toks[end].text != "'") {
		o.loc = true // "born in Sabha, Libya.": a town's state, an address
		s.listLocativeStrength(o, i-1)
	}
}

// listLocativeStrength sets how weak a place clue is from the word that opens the list
// the name ends (at toks[k] or before).
func (s *scanner) listLocativeStrength(o *occurrence, k int) {
	at := s.listLocative(k)
	o.weakLoc = at > 0 && weakLocatives[s.toks[at].fold]
	o.motion = o.weakLoc && s.motionBefore(at)
}

// ofNameSaid reports whether "of", a name and a said-type verb follow toks[end-1]: "of
// Ishin said", "of the Forum for Rights told".
func (s *scanner) ofNameSaid(end int) bool {
	toks := s.toks
	j := end + 1
	if j < len(toks) && toks[j].fold == "the" {
		j++
	}
	k := j
	for k < len(toks) && k < j+8 && (isNameToken(toks[k]) || isJoiner(toks[k])) && toks[k].space {
		k++
	}
	return k > j && isNameToken(toks[k-1]) && speechVerbs[wordAfter(toks, k)]
}

// participleThenSaid reports whether a clause opened by a verb's -ing form or by "for",
// set off by commas, and a said-type verb follow toks[end-1]: ", appearing for the party,
// said", ", for the petitioners, argued": someone speaking for others.
func (s *scanner) participleThenSaid(end int) bool {
	toks := s.toks
	if end+1 >= len(toks) || toks[end].text != "," || !unicode.IsLower(firstRune(toks[end+1].text)) ||
		!strings.HasSuffix(toks[end+1].text, "ing") && toks[end+1].fold != "for" {
		return false // ", appearing for the party, said"; ", for the petitioners, argued"
	}
	for k := end + 2; k < len(toks) && k < end+14; k++ {
		if toks[k].text == "," {
			return speechVerbs[wordAfter(toks, k+1)]
		}
		if toks[k].kind == tPunct && toks[k].text != "-" {
			return false
		}
	}
	return false
}

// followClues reads the words after a name: a cue noun ("the Forward Together party"),
// a platform, a said-type verb, "who", "leader".
func (s *scanner) followClues(o *occurrence, i, end int, prev, next string) {
	toks := s.toks
	s.cueAfter(o, end, next)
	o.speaks = speechVerbs[next]
	// A network is where posts go ("on X, Facebook and WhatsApp", "not from Facebook",
	// "an Instagram account") unless it acts as a company: it speaks, does something
	// ("Facebook removed…") or owns ("Facebook's parent").
	acts := func(w string) bool {
		return speechVerbs[w] || strings.HasSuffix(w, "ed") && unicode.IsLower(firstRune(w))
	}
	o.onPlatform = platforms[o.key] && !o.speaks && !toks[end-1].poss && !acts(next) &&
		!(next == "and" && end+2 < len(toks) && isNameToken(toks[end+1]) && acts(wordAfter(toks, end+2))) // "Bluesky and Threads gained"
	if len(o.toks) >= 2 && len(o.toks) <= 4 && o.country == nil && !hasAnyCue(o.toks) && s.participleThenSaid(end) {
		o.person = true // "Prakash Iyengar, appearing for the party, said": someone acting for a body
	}
	if next == "of" && len(o.toks) >= 2 && len(o.toks) <= 3 && o.country == nil && !hasAnyCue(o.toks) && s.ofNameSaid(end) {
		o.person = true // "Shunsuke Hirooka of Ishin said": someone of a body, speaking
	}
	o.who = end+1 < len(toks) && toks[end].text == "," && toks[end+1].fold == "who"
	if end+1 < len(toks) && toks[end].text == "," && toks[end+1].fold == "where" {
		o.placeSaid = true // "sent engineers to Tuzla, where…"
	}
	if toks[end-1].poss && (next == "leader" || next == "leaders") && o.ctxKind == "" && o.country == nil && !o.person && len(o.toks) == 1 {
		o.ctxKind = app.Party // "Sumar's leader, Yolanda Díaz": a lone name with a leader is a party's
	}
}

// cueAfter reads a cue word right after the name: "the Forward Together party", "Veskaran
// said".
func (s *scanner) cueAfter(o *occurrence, end int, next string) {
	toks := s.toks
	k, ok := followCues[next]
	if !ok || o.ctxKind != "" {
		return
	}
	// "Patient group Heart Alliance": a cue word before another name describes that one.
	descr := end+1 < len(toks) && isNameToken(toks[end+1]) && toks[end+1].space
	// "Armed factions", "Rival militias" opening a sentence: the capital is the sentence's and
	// the cue noun is what the word describes, so the cue says nothing of a name.
	sentWord := len(o.toks) == 1 && o.toks[0].sent && !isAcronym(o.text)
	if !sentWord && (k != app.Person || len(o.toks) > 1) && !(descr && k != app.Person) {
		o.ctxKind = k
	}
}

// listClues reads a name joined to others: "Meta and Snap declined", "Takeda, which makes
// the vaccine, said", "Rohan Kapoor and Neha Kapoor", "Tesla and other carmakers".
func (s *scanner) listClues(o *occurrence, i, end int, prev string) {
	toks := s.toks
	if s.joinedToName(i, end, prev) {
		o.listed = true
		o.which = s.listDescribed(end)
	}
	if o.ctxKind == "" && !o.person && o.country == nil && s.whichAfter(end) {
		// "Uber Eats and Glovo, which also operate…", "Kestrel Labs, which…": "which"
		// speaks of things and bodies; a person takes "who".
		o.ctxKind = app.Organisation
	}
	if o.ctxKind == "" && !o.person && s.pairedWithPerson(o, i, end, prev) {
		o.ctxKind = app.Person
	}
	if end+2 < len(toks) && toks[end].fold == "and" && toks[end+1].fold == "other" && toks[end+2].kind == tWord {
		// "Tesla and other carmakers": one of them.
		if k := kindNoun(strings.TrimSuffix(toks[end+2].fold, "s")); k != "" && o.ctxKind == "" && !o.person {
			o.ctxKind, o.listed = k, true
		}
	}
}

// listDescribed reports whether a relative clause or an appositive follows the list the
// name ends or stands in: "Takeda, which makes…", "from Lumio and Qentar, the two giants".
// What the list's names are is then said, whatever place clue stands before them.
func (s *scanner) listDescribed(end int) bool {
	toks := s.toks
	k := end
	for k+1 < len(toks) && (toks[k].fold == "and" || toks[k].fold == "or" || toks[k].text == ",") && isNameToken(toks[k+1]) {
		k++
		for k < len(toks) && isNameToken(toks[k]) && toks[k].space {
			k++
		}
	}
	return k+1 < len(toks) && toks[k].text == "," && (toks[k+1].fold == "which" || toks[k+1].fold == "the" || toks[k+1].fold == "both")
}

// joinedToName reports whether the name at toks[i:end] is joined to another name ("Meta
// and Snap declined") or is a thing a relative clause describes ("Takeda, which makes the
// vaccine, said").
func (s *scanner) joinedToName(i, end int, prev string) bool {
	toks := s.toks
	return end+1 < len(toks) && isNameToken(toks[end+1]) && toks[end].kind == tWord && (toks[end].fold == "and" || toks[end].fold == "or") ||
		end+1 < len(toks) && toks[end].text == "," && toks[end+1].fold == "which" ||
		(prev == "and" || prev == "or") && i >= 2 && isNameToken(toks[i-2]) || s.commaList(end)
}

// pairedWithPerson: "Rohan Kapoor and Neha Kapoor": a name of two or three words paired
// with a person's name (a given name opens it) is a person's too.
func (s *scanner) pairedWithPerson(o *occurrence, i, end int, prev string) bool {
	toks := s.toks
	if len(o.toks) < 2 || len(o.toks) > 3 || headKind(o.toks) != "" || o.country != nil {
		return false
	}
	return end+1 < len(toks) && toks[end].fold == "and" && givenNameAt(toks, end+1) ||
		prev == "and" && i >= 3 && givenNameBefore(toks, i-1)
}

// newsroomClues: "Digi24 reported that…" (a newsroom reports); "told NHK", "told Dagens
// Næringsliv" (one tells a newsroom, or a person named before in full, whose short form
// this then is, or with a known first name).
func (s *scanner) newsroomClues(o *occurrence, i int, prev, next string) {
	if o.person || o.ctxKind != "" || o.country != nil {
		return
	}
	switch {
	case next == "reported":
		o.ctxKind = app.Media
	case (prev == "told" || prev == "the" && i >= 2 && wordBefore(s.toks, i-1) == "told") && (len(o.toks) == 1 || !firstNames[o.toks[0].fold] && !slices.ContainsFunc(o.toks, func(t token) bool {
		return personParticles[t.fold] || hasParticlePrefix(t.text)
	})):
		o.ctxKind = app.Media
	}
}

// aliasClues reads the other forms the text gives a name right after it: "Kurdistan
// Democratic Party (KDP)", "the Islamic State group (ISIS)", "the Council for Fair
// Fisheries, or CFF", "the Coastal Alliance (Strandabandalagið)", "also called …".
func (s *scanner) aliasClues(o *occurrence, end int) {
	toks := s.toks
	k := end
	if k < len(toks) && toks[k].kind == tWord && actorCue(toks[k].fold) {
		k++ // "the Islamic State group (ISIS)"
	}
	if o.country == nil && s.bracketedShortForm(o, k) {
		if s.personTag(end-len(o.toks), end, toks[k+1].text, o.person) {
			o.person = true // "Marit Tveit (SV)": a member and her party's letters
		} else {
			o.aliases = append(o.aliases, toks[k+1].text)
		}
	}
	if acr, tr, ok := acronymThenName(toks, k); ok && placeText(tr) && s.personTag(end-len(o.toks), end, acr, o.person) {
		o.person = true // "Alison Garvie (LD, North East Scotland)": a member's party and region
	} else if ok && o.country == nil && !o.person && !firstNames[o.toks[0].fold] && !isCountryText(textOfPlain(tr)) && !placeText(tr) {
		// "Nieuw-Vlaamse Alliantie (N-VA, New Flemish Alliance)": letters, then what it means.
		o.aliases = append(o.aliases, acr, s.textOf(tr))
		s.kindFromTranslation(o, tr, false)
	}
	if tr, ok := quotedTranslation(toks, k); ok && o.country == nil && !o.person && len(o.toks) <= 3 {
		o.aliases = append(o.aliases, s.textOf(tr)) // "Vooruit (\"Forward\")"
		s.kindFromTranslation(o, tr, true)
	}
	if sym, ok := tickerAt(toks, end); ok && o.country == nil {
		o.aliases = append(o.aliases, sym) // "Halverston Foods Inc. (NYSE: HLV)"
	}
	if acr, ok := acronymAt(toks, end); ok && toks[end].text != "(" && o.country == nil && len(o.toks) > 1 && lowercaseInitials(o.toks) == acronymLetters(acr) {
		o.aliases = append(o.aliases, acr)
	}
	if a, close, ok := translationAt(toks, k); ok && o.country == nil && !o.person && !firstNames[o.toks[0].fold] && nameWords(o.toks) > 0 {
		o.aliases = append(o.aliases, a)
		s.kindFromTranslation(o, toks[k+1:close], false)
		if toks[close-2].text == "," {
			o.aliases = append(o.aliases, toks[close-1].text) // "(Prawo i Sprawiedliwość, PiS)"
		} else if toks[close-3].text == "," && toks[close-2].fold == "or" {
			o.aliases = append(o.aliases, toks[close-1].text) // "(Ertiani Natsionaluri Modzraoba, or UNM)"
		}
	}
	s.otherNameClues(o, end)
	if a, ok := s.alsoCalled(end); ok {
		o.aliases = append(o.aliases, a)
		s.kindFromTranslation(o, tokenize(a), true)
	}
	o.aliases = append(o.aliases, bracketedAKA(toks, end)...)
	if a, ok := appositiveName(toks, end); ok && !slices.Contains(o.aliases, a) && (o.person || firstNames[o.toks[0].fold]) {
		o.aliases = append(o.aliases, a)
	}
}

// placeText reports whether words name a place or a region rather than a translation: "North
// East Scotland" in "(LD, North East Scotland)", a member's party and region.
func placeText(toks []token) bool {
	f := app.Fold(textOfPlain(toks))
	if places[f] || regions[f] || compass[toks[0].fold] {
		return true
	}
	_, capital := capitalOf[f]
	return capital
}

// acronymThenName reads "(N-VA, New Flemish Alliance)" at toks[k]: an acronym, a comma
// and a name of capitalised words and their joiners, closed by the bracket.
func acronymThenName(toks []token, k int) (string, []token, bool) {
	if k+4 >= len(toks) || toks[k].text != "(" || toks[k+1].kind != tWord || !isAcronym(toks[k+1].text) || toks[k+2].text != "," {
		return "", nil, false
	}
	j := k + 3
	for j < len(toks) && j < k+12 && toks[j].kind == tWord && (isNameToken(toks[j]) || connectors[toks[j].fold] && j > k+3) {
		j++
	}
	if j == k+3 || j >= len(toks) || toks[j].text != ")" || !isNameToken(toks[j-1]) || toks[k+3].fold == "or" {
		return "", nil, false
	}
	return toks[k+1].text, toks[k+3 : j], true
}

// quotedTranslation reads a translation quoted in brackets at toks[k]: "(\"The
// Committed\")", one to five capitalised words.
func quotedTranslation(toks []token, k int) ([]token, bool) {
	if k+3 >= len(toks) || toks[k].text != "(" || !quoteMark(toks[k+1]) {
		return nil, false
	}
	j := k + 2
	for j < len(toks) && j < k+8 && toks[j].kind == tWord && (isNameToken(toks[j]) || connectors[toks[j].fold] && j > k+2) {
		j++
	}
	if j == k+2 || j+1 >= len(toks) || !quoteMark(toks[j]) || toks[j+1].text != ")" || !isNameToken(toks[j-1]) {
		return nil, false
	}
	return toks[k+2 : j], true
}

// appositiveName returns the other name an appositive after a name gives it: ", a former
// commander better known by his nom de guerre Abu Hafs al-Hamawi,", ", whom older members
// still call Mam Rostam,", ", who holds the name Xsgiigyet,". The name ends the clause.
func appositiveName(toks []token, end int) (string, bool) {
	if end+3 >= len(toks) || toks[end].text != "," {
		return "", false
	}
	for k := end + 1; k < len(toks) && k < end+16 && toks[k].kind == tWord; k++ {
		j := namingTrigger(toks, k)
		if j < 0 {
			continue
		}
		e := j
		for e < len(toks) && (isNameToken(toks[e]) || e > j && particles[toks[e].fold] && e+1 < len(toks) && isNameToken(toks[e+1])) && toks[e].space {
			e++
		}
		if e == j || e < len(toks) && toks[e].kind == tWord {
			return "", false
		}
		return textOfPlain(toks[j:e]), true
	}
	return "", false
}

// namingTrigger returns where the name starts after words that give a name at toks[k]
// ("known as", "nom de guerre", "call him", "holds the name", "goes by"), or -1.
func namingTrigger(toks []token, k int) int {
	w := func(n int) string { return wordAfter(toks, n) }
	switch toks[k].fold {
	case "known":
		if w(k+1) == "as" {
			return k + 2
		}
	case "nom":
		if w(k+1) == "de" && w(k+2) == "guerre" {
			return k + 3
		}
	case "call", "calls", "called":
		if k+1 < len(toks) && (toks[k+1].fold == "him" || toks[k+1].fold == "her") {
			return k + 2
		}
		if k+1 < len(toks) && isNameToken(toks[k+1]) {
			return k + 1
		}
	case "name":
		if k > 0 && toks[k-1].fold == "the" && (wordBefore(toks, k-1) == "holds" || wordBefore(toks, k-1) == "took" || wordBefore(toks, k-1) == "uses") {
			return k + 1
		}
	case "goes":
		if w(k+1) == "by" {
			return k + 2
		}
	}
	return -1
}

// bracketedAKA returns the other names given in brackets right after a name: "Tarek
// Salem Haddad (also known as "Abu Yasin"; Tariq Salim al-Haddad)", "(a.k.a. Kevin
// Zhao)", as sanctions lists and court papers write them.
func bracketedAKA(toks []token, end int) []string {
	if end+3 >= len(toks) || toks[end].text != "(" {
		return nil
	}
	k := end + 1
	switch {
	case toks[k].fold == "also" && toks[k+1].fold == "known" && k+2 < len(toks) && toks[k+2].fold == "as":
		k += 3
	case toks[k].fold == "known" && toks[k+1].fold == "as":
		k += 2
	case toks[k].fold == "a.k.a." || toks[k].fold == "aka":
		k++
	default:
		return nil
	}
	var out []string
	for k < len(toks) && toks[k].text != ")" && k < end+30 {
		for k < len(toks) && (quoteMark(toks[k]) || toks[k].text == ";" || toks[k].text == ",") {
			k++
		}
		j := k
		for j < len(toks) && (isNameToken(toks[j]) || particles[toks[j].fold] && j > k) && (j == k || toks[j].space) {
			j++
		}
		if j == k {
			break
		}
		out = append(out, textOfPlain(toks[k:j]))
		k = j
	}
	if k >= len(toks) || toks[k].text != ")" {
		return nil
	}
	return out
}

// kindFromTranslation gives a name of another language the kind its translation's head
// noun says: "Phak Ruam Thai Sang Chart (United Thai Nation Party) said" is a party, not
// a person who speaks. meaning: the text says what the name means ("whose name means").
func (s *scanner) kindFromTranslation(o *occurrence, tr []token, meaning bool) {
	if headKind(o.toks) != "" || o.ctxKind != "" && o.ctxKind != app.Person {
		return
	}
	if k := headKind(tr); k != "" && k != app.Person {
		o.ctxKind = k
	} else if meaning && o.ctxKind == "" && len(o.toks) > 1 && !firstNames[o.toks[0].fold] {
		// "Akhali Gza, whose name means New Road": a name translated word by word is a
		// body's; people's names are not.
		o.ctxKind = app.Organisation
	}
}

// otherNameClues reads a body's other name given after it, past its acronym in brackets
// if any: ", Romanian for …", ", or Other Name,", ", whose name means …".
func (s *scanner) otherNameClues(o *occurrence, end int) {
	toks := s.toks
	after := end
	if end+2 < len(toks) && toks[end].text == "(" && toks[end+2].text == ")" && isNameToken(toks[end+1]) {
		after = end + 3 // "Partidul Renașterea Nistrului (PRN), Romanian for …", "… (Sinutrapez), or …"
	}
	if o.country != nil || o.person {
		return
	}
	if a, ok := languageFor(toks, after); ok {
		o.aliases = append(o.aliases, a) // "Umoja wa Wapiganaji, Swahili for Unity of Fighters"
	}
	if len(o.toks) < 2 || firstNames[o.toks[0].fold] {
		return
	}
	if a, ok := orName(toks, after); ok {
		o.aliases = append(o.aliases, s.textOf(a)) // "Spolok Prístrešie, or Shelter Association,"
	} else if w, ok := orWord(toks, after); ok && headKind(o.toks) != "" {
		o.aliases = append(o.aliases, w) // "the Islamic Consultative Assembly, or Majlis."
	}
	if a, ok := theNameAfter(toks, after); ok && (!hasAnyCue(o.toks) || foreignName(o.toks)) && knownKinds[o.key] == "" {
		// "the Rikken Minshuto, the Constitutional Democratic Party of Japan (CDP),"
		o.aliases = append(o.aliases, s.textOf(a))
		s.kindFromTranslation(o, a, true)
	}
	if a, ok := s.alsoCalled(after); ok && after > end {
		o.aliases = append(o.aliases, a) // "… (CPDK), whose name means …"
	}
}

// foreignName reports whether a name is written in a Romance language, which joins its
// words with lower-case "des", "pour la": "the Alliance of Sahel States" after "Alliance des
// États du Sahel (AES)" is its translation, not another body.
func foreignName(toks []token) bool {
	return slices.ContainsFunc(toks[1:], func(t token) bool {
		return romanceJoiners[t.fold] && unicode.IsLower(firstRune(t.text)) && !connectors[t.fold]
	})
}

// personTag reports whether an acronym in brackets after a name is a person's tag, not
// the name's short form: "Marte Haugland (SV)", "Lars Ove Fjeld (MDG)". People have no
// acronyms; the letters name the party or body they belong to, unless they spell the
// name's own initials.
func (s *scanner) personTag(start, end int, acr string, person bool) bool {
	name := s.toks[start:end]
	if !isAcronym(acr) || lowercaseInitials(name) == acronymLetters(acr) || isArticle(wordBefore(s.toks, start)) {
		return false // "the Christian Democrats (KrF)": no person is "the"
	}
	if unicode.ToUpper(firstRune(acr)) == unicode.ToUpper(firstRune(name[0].text)) && !person {
		return false // "Elektromreža Srbije (EMS)": the name's own, by syllables
	}
	if person || firstNames[name[0].fold] && len(name) > 1 {
		return true
	}
	// Two or three plain words with nothing of a body's: "Marte Haugland (SV)"; not
	// "Reporters Without Borders (RSF)", whose bracket is its own.
	return len(name) >= 2 && len(name) <= 3 && allNameTokens(name) && !hasAnyCue(name) && headKind(name) == "" &&
		!slices.ContainsFunc(name, func(t token) bool {
			return withoutWords[t.fold] || orgCues[t.fold] || companyWords[t.fold] || legalSuffixTok(t)
		})
}

// tagAfterPerson reports whether the acronym at toks[i] stands in brackets right after a
// person's name: it names the person's party ("Ida Lund (SV)").
func (s *scanner) tagAfterPerson(i int) bool {
	toks := s.toks
	if i < 2 || i+1 >= len(toks) || toks[i-1].text != "(" {
		return false
	}
	if _, tr, ok := acronymThenName(toks, i-1); toks[i+1].text != ")" && !(ok && placeText(tr)) {
		return false // "(SV)", or "(LD, North East Scotland)": a party and a region
	}
	start := s.nameStart(i - 1)
	return start >= 0 && s.personTag(start, i-1, toks[i].text, roleWords[wordBefore(toks, start)])
}

// partyAfterMember reports whether toks[i:end], of one to four words, stands alone in
// brackets right after a legislator's or a councillor's title and name: "Senator Gráinne
// Ó Cuív (Fine Gael)", "Cllr Pádraig Ó Flaithearta (Fianna Fáil)" name the member's party.
func (s *scanner) partyAfterMember(i, end int) bool {
	toks := s.toks
	if i < 3 || end >= len(toks) || end-i > 4 || toks[i-1].text != "(" || toks[end].text != ")" {
		return false
	}
	start := s.nameStart(i - 1)
	return start >= 0 && i-1-start >= 2 && (legislatorTitles[wordBefore(toks, start)] ||
		slices.ContainsFunc(toks[start:start+2], func(t token) bool { return legislatorTitles[t.fold] }))
}

// legislatorTitles stand before the name of a member of a legislature or a council.
var legislatorTitles = words(`senator sen representative rep congressman congresswoman councillor councilor cllr
	td mla mep msp mp deputy alderman assemblyman assemblywoman
	senador senadora diputado diputada deputado deputada congresista vereador vereadora concejal concejala`)

// actorCue reports whether w, after a name, is a cue word naming a body's kind.
func actorCue(w string) bool {
	return followCues[w] != "" && followCues[w] != app.Person
}

// bracketedShortForm reports whether toks[k:k+3] is an acronym or a syllable abbreviation
// in brackets: "(KDP)", "(Jirama)".
func (s *scanner) bracketedShortForm(o *occurrence, k int) bool {
	toks := s.toks
	return k+2 < len(toks) && toks[k].text == "(" && toks[k+2].text == ")" && toks[k+1].kind == tWord &&
		(isAcronym(toks[k+1].text) || syllableAbbreviation(o.toks, toks[k+1]))
}

// nearWords, between a locative and a name, say where the place lies: "in neighbouring
// Isiolo", "in downtown Tbilisi".
var nearWords = words(`downtown rural neighbouring neighboring nearby`)

// soldAs reports whether "as" at toks[k] follows, within its clause, a verb of selling or
// branding ("sells it to banks as", "markets the drug as", "rebranded as"): the name
// after it is what is sold, a product.
func (s *scanner) soldAs(k int) bool {
	for j := k - 1; j >= 0 && j >= k-8 && s.toks[j].kind == tWord; j-- {
		if sellVerbs[s.toks[j].fold] {
			return true
		}
	}
	return false
}

// sellVerbs sell or name a product.
var sellVerbs = words(`sell sells sold selling market markets marketed marketing brand brands branded
	rebrand rebranded rebrands relaunched ships shipped`)

// quoteMark reports whether t is a quotation mark.
func quoteMark(t token) bool {
	return t.kind == tPunct && strings.ContainsAny(t.text, "\"“”«»")
}
