package suggest

import (
	"slices"
	"strings"
	"unicode/utf8"

	"dossier/app"
)

// knownKinds is knownActors keyed by folded name.
var knownKinds = func() map[string]app.ActorKind {
	m := make(map[string]app.ActorKind, len(knownActors))
	for k, v := range knownActors {
		m[app.Fold(k)] = v
	}
	return m
}()

// cueKind returns the kind a capitalised word inside a name, folded, points to ("forces":
// armed group), or "" when it points to none.
func cueKind(w string) app.ActorKind {
	if strings.ContainsAny(w, "-/") && !armedCues[w] && !hasParticlePrefix(w) {
		// "Tehreek-e-Taliban", "Greens/EFA": any part may be the cue.
		var k app.ActorKind
		for _, part := range strings.FieldsFunc(w, func(r rune) bool { return r == '-' || r == '/' }) {
			if pk := cueKind(part); pk != "" {
				k = pk
			}
		}
		return k
	}
	switch {
	case armedCues[w]:
		return app.ArmedGroup
	case partyCues[w]:
		return app.Party
	case govCues[w]:
		return app.GovernmentBody
	case mediaCues[w]:
		return app.Media
	case orgCues[w]:
		return app.Organisation
	}
	return ""
}

// hasOrgCue reports whether a word of toks names a kind of organisation.
func hasOrgCue(toks []token) bool {
	for _, t := range toks {
		if isNameToken(t) && !titleCaseTwoLetters[t.text] && (cueKind(t.fold) != "" || t.abbr && legalSuffixTok(t)) {
			return true // "Pelham Mining", "Tarsen Paints B.V."
		}
	}
	return false
}

// hasAnyCue is hasOrgCue, places included: "Strait of Hormuz" is one name, if not an actor's.
func hasAnyCue(toks []token) bool {
	for _, t := range toks {
		if isNameToken(t) && (cueKind(t.fold) != "" || placeCues[t.fold]) {
			return true
		}
	}
	return hasArmedName(toks)
}

// bodyQualifiers before "Council", "Court" and the like make the body a state's own:
// "National Security Council", "Federal Supreme Court".
var bodyQualifiers = words(`national supreme state federal electoral presidential constitutional high
	revolutionary guardian military city county regional municipal district borough town
	provincial local audit`)

// qualified reports whether words before a body's head noun make it a state's.
func qualified(toks []token) bool {
	for _, t := range toks {
		if bodyQualifiers[t.fold] {
			return true
		}
	}
	return false
}

// international reports whether a body's name says it is above states: "International
// Committee of the Red Cross", "Inter-American Commission".
func international(toks []token) bool {
	for _, t := range toks {
		if internationalWord(t.fold) {
			return true
		}
	}
	return false
}

// sharedRegions are seas, rivers and regions that several states share: a body named for
// one ("Caspian Fisheries Commission", "Mekong River Commission") is above states.
var sharedRegions = words(`caspian baltic nordic arctic mekong danube andean caribbean mediterranean
	sahel amazon`)

// internationalWord reports whether a folded word says that what it qualifies is above
// states: "European", "UN", "Inter-American".
func internationalWord(w string) bool {
	switch {
	case w == "international" || w == "european" || w == "african" || w == "arab" || w == "world" ||
		w == "islamic" || w == "united" || w == "intergovernmental" || w == "global" || w == "eu" ||
		w == "un" || strings.HasPrefix(w, "inter-") || sharedRegions[w] ||
		w == "interstate" || w == "binational" || w == "transnational" || w == "pacific" || romanceAboveStates[w]:
		return true
	}
	return false
}

// romanceAboveStates are the Romance words that put a body above states: "Banco Central
// Europeo", "Banque africaine de développement".
var romanceAboveStates = words(`europeo europea europeu europeia europeen europeenne africano africana africain
	africaine internacional internacionale internazionale mundial mondiale interamericano interamericana`)

// publicHeads are head nouns of bodies that, unless their name says otherwise, belong to a
// state: commissions, authorities, regulators, tribunals.
var publicHeads = words(`commission authority regulator tribunal ombudsman directorate inspectorate
	comisión comissão commissione autoridad autoridade autorité autorità`)

// knownOrgInside reports whether a name holds the name of a known body above states:
// "ECOWAS Commission".
func knownOrgInside(toks []token) bool {
	for _, t := range toks {
		if k, ok := knownKinds[t.fold]; ok && k == app.Organisation && !gazetteerOnly[t.fold] {
			return true
		}
	}
	return false
}

// personParticles inside a name make it a person's: "Mohammed bin Salman", "Marine Le Pen",
// "Moussa Ag Elmehdi".
var personParticles = words(`bin ibn bint ben abu de del della di da dos van von ul le ag ould
	oglu oğlu qizi qızı kyzy uulu ferch`)

// guessKind guesses the kind of the actor an occurrence names from the name alone and
// the clues context found; "" when nothing points anywhere.
func guessKind(o *occurrence) app.ActorKind {
	if k := certainKind(o); k != "" {
		return k
	}
	if k := headKind(o.toks); k != "" {
		return headInContext(o, k)
	}
	if len(o.toks) > 1 && !o.layout && !slices.ContainsFunc(o.toks, func(t token) bool { return !isAcronym(t.text) }) {
		return app.Organisation // "CMA CGM": no one writes a person's name in capitals in prose
	}
	orgShape := orgShaped(o)
	if o.ctxKind != "" && !(o.ctxKind == app.Person && orgShape) {
		return o.ctxKind
	}
	if len(o.toks) > 1 && stateQualifiers[o.toks[0].fold] && !o.layout {
		return app.GovernmentBody // "State Great Khural", "Legislative Yuan": the state's own
	}
	if orgShape {
		return app.Organisation
	}
	if len(o.toks) > 1 && slices.ContainsFunc(o.aliases, isAcronym) {
		return app.Organisation // a name with an acronym in brackets is not a person's
	}
	if len(o.toks) == 1 && initialThenName(o.toks[0].text) {
		return app.Person // "B.Tserendulam": a father's initial, then the given name
	}
	return wordsKind(o.toks)
}

// serviceDistrict reports whether a name is a district a public service names ("Yakima
// School District") or a city's public schools ("Chicago Public Schools"): local
// government.
func serviceDistrict(toks []token) bool {
	n := len(toks)
	return n >= 3 && (toks[n-1].fold == "district" && districtServices[toks[n-2].fold] ||
		toks[n-1].fold == "schools" && toks[n-2].fold == "public")
}

// statisticsOffice reports whether a name is "Statistics" and a state's name, as the
// statistics offices of several states are called ("Statistics Canada", "Statistics
// Norway").
func statisticsOffice(toks []token) bool {
	return len(toks) >= 2 && toks[0].fold == "statistics" && isCountryText(textOfPlain(toks[1:]))
}

// certainKind is the kind the name says whatever its context: a state, a known name, a
// dateline's agency, a legal suffix, partners joined by "&", a person by a role, an armed
// group's words.
func certainKind(o *occurrence) app.ActorKind {
	if o.country != nil {
		return app.State
	}
	if k, ok := knownKinds[o.key]; ok {
		return k
	}
	switch {
	case statisticsOffice(o.toks):
		return app.GovernmentBody // "Statistics Norway": a state's statistics office
	case len(o.toks) > 1 && o.toks[len(o.toks)-1].fold == "online" && headKind(o.toks) == "":
		return app.Media // "Nasim Online"
	case len(o.toks) > 2 && numberedUnit(o.toks, len(o.toks)-1, 0) && headKind(o.toks) == "":
		return app.Organisation // "Teamsters Local 1104"
	case serviceDistrict(o.toks):
		return app.GovernmentBody // "Yakima School District", "Chicago Public Schools"
	case o.agency:
		return app.Media // "(Shipping Ledger)" in a dateline: a newsroom, whatever its words
	case len(o.toks) > 1 && legalSuffixTok(o.toks[len(o.toks)-1]) && o.toks[len(o.toks)-1].text != "as":
		if mediaWordIn(o.toks) && o.toks[len(o.toks)-1].fold == "corporation" {
			// "Trellan Broadcasting Corporation", a broadcaster; "Holmgren Family Media
			// LLC" is the company that owns newsrooms.
			return app.Media
		}
		if n := len(o.toks); o.toks[n-1].fold == "corporation" && cityWords[o.toks[n-2].fold] {
			return app.GovernmentBody // "Kochi Municipal Corporation", "Chattogram City Corporation": a city's council
		}
		return app.Organisation // "Nordlaks Havbruk AS", "Pelham Mining Corp"
	case slices.ContainsFunc(o.toks, func(t token) bool { return t.text == "&" }) || len(o.toks) > 2 && firmMates[o.toks[len(o.toks)-1].fold] && andWords[o.toks[len(o.toks)-2].fold]:
		return app.Organisation // "Barrow & Finch", "Nunes e Associados": partners' names joined make a firm's
	case clubPrefix(o.toks) && len(o.toks) == 2:
		return app.Organisation // "NK Osijek said": a club, whatever verb follows
	case len(o.toks) > 2 && stateServices[o.toks[0].fold] && nationalWords[o.toks[1].fold] && headKind(o.toks) == "" && (o.ctxKind == "" || o.ctxKind == app.Person):
		return app.GovernmentBody // "Administración Nacional de Puertos": a state's national service
	case len(o.toks) > 1 && bodyNoun(o.toks[0]) && !hasArmedName(o.toks) && headKind(o.toks) == "" && (o.ctxKind == "" || o.ctxKind == app.Person):
		return app.Organisation // "Coordinación Estatal de Protección Civil said"
	case o.person && (headKind(o.toks) == "" || headKind(o.toks) == app.Person):
		return app.Person // not "Pasargad News Agency", whatever verb follows
	case hasArmedName(o.toks):
		return app.ArmedGroup
	}
	return ""
}

// stateServices are the nouns that open a state's service named in a Romance language,
// folded: administración, direção, superintendencia.
var stateServices = words(`administracion administracao direccion direcao direction superintendencia
	servicio servico administration`)

// nationalWords say a body is the nation's.
var nationalWords = words(`nacional nationale national nazionale`)

// headInContext corrects the kind k of a name's head noun by what its context says.
func headInContext(o *occurrence, k app.ActorKind) app.ActorKind {
	switch {
	case k == app.Party && o.ctxKind == app.ArmedGroup:
		return app.ArmedGroup // "fighters of the Tana Liberation Front": a front that fights
	case (k == app.Organisation || k == app.ArmedGroup) && o.ctxKind == app.Party:
		return app.Party // "the ruling Civic Union", "lawmakers from Popular Force"
	case (k == app.Organisation || k == app.Party) && o.appositive && o.ctxKind != app.Person && o.ctxKind != "" && ambiguousHead(o.toks):
		// "Council of State, the highest administrative court": the appositive says
		// more than a head noun every kind of body uses.
		return o.ctxKind
	case k == app.Party && o.ctxKind == app.Organisation && o.groupNoun:
		return app.Organisation // "consumer group Citizens' Coalition for Economic Justice"
	case k == app.Organisation && (len(o.toks) == 2 && o.toks[1].fold == "council" && unknownWord(o.toks[0]) || placeCouncil(o.toks)) && !o.sent:
		return app.GovernmentBody // "Calderdale Council", "Banff Community Council": a place's council
	}
	return k
}

// placeCouncil reports whether a council is named after its place: the words before
// "Council" are names no English word list has ("Calderdale", "Banff"), with at most the
// nouns that say what kind of place it is ("Community", "Parish"). Other words make it a
// sector's council ("Bar Council", "Exporters' Council").
func placeCouncil(toks []token) bool {
	n := len(toks)
	if n < 2 || n > 4 || toks[n-1].fold != "council" {
		return false
	}
	named := false
	for _, t := range toks[:n-1] {
		switch {
		case placeNouns[t.fold] || t.fold == "community" || t.fold == "parish":
		case unknownWord(t) && !englishWord(t.fold) && !isAcronym(t.text):
			named = true
		default:
			return false
		}
	}
	return named
}

// orgShaped reports whether a name is shaped as no person's is: "Airtel Kenya", "Yiaga
// Africa" (a person's name holds no country); "World Athletics", "National Trust" (no
// person's name starts so). A said-type verb after them does not make them people.
func orgShaped(o *occurrence) bool {
	return placeInside(o.toks) || placeCueInside(o.toks) || !o.layout && acronymInside(o.toks) ||
		// "Médecins Sans Frontières", "Reporters Without Borders": no person's name.
		slices.ContainsFunc(o.toks, func(t token) bool { return withoutWords[t.fold] }) ||
		// "Thai Lawyers for Human Rights": no person's name holds "for" or "of".
		len(o.toks) > 2 && slices.ContainsFunc(o.toks[1:len(o.toks)-1], func(t token) bool { return t.fold == "for" || t.fold == "of" }) ||
		len(o.toks) > 1 && (internationalWord(o.toks[0].fold) || bodyQualifiers[o.toks[0].fold]) && !firstNames[o.toks[0].fold] ||
		romanceBodyName(o.toks) ||
		// "PT Kalbe Farma", "Minera Andes del Sol": a legal form or a trade opens no person's name.
		len(o.toks) > 1 && firmOpener(o.toks[0]) ||
		// "Wrestling Ontario", "Athletics Kenya": a sport and its state or province name
		// the body that governs it there.
		len(o.toks) == 2 && sportNames[o.toks[0].fold] && (isCountryTok(o.toks[1]) || places[o.toks[1].fold]) ||
		len(o.toks) > 1 && o.toks[len(o.toks)-1].fold == "elementary" // "Quail Ridge Elementary", a school
}

// sportNames open the names of national and provincial sports bodies.
var sportNames = words(`wrestling athletics swimming cycling rowing rugby cricket hockey tennis golf netball football
	boxing judo gymnastics volleyball basketball badminton skiing sailing triathlon canoe archery`)

// romanceBodyName reports whether a name opens with a noun that heads bodies in Romance
// languages ("Gremio de Transportistas…", "Collectif des Pêcheurs…", "Asociația
// Armatorilor Dunăreni"): no person's name does.
func romanceBodyName(toks []token) bool {
	if len(toks) < 2 || firstNames[toks[0].fold] || !romanceOrgHeads[toks[0].fold] && !bodyNoun(toks[0]) {
		return false
	}
	return romanceOrgHeads[toks[0].fold] || slices.ContainsFunc(toks[1:], func(t token) bool { return romanceJoiners[t.fold] })
}

// romanceFirmHeads open the names of companies in Spanish and Portuguese by their trade
// ("Minera Cerro Pardo", "Agroindustrial La Esperanza"): the words after are the name the
// text later uses alone.
var romanceFirmHeads = words(`minera mineração agroindustrial agroindústria constructora construtora
	inmobiliaria imobiliária pesquera naviera petrolera cementera inversiones investimentos industrias
	comercializadora distribuidora transportes transportadora laboratórios sistemas
	soluciones agropecuaria frigorífico importadora exportadora estaleiros astilleros agrícola forestal
	ganadera vinícola conservas conserveira salmones salmonera pesqueira alimentos bebidas cervecería
	cervejaria farmacéutica farmacêutica textil têxtil aceites azeites vinos vinhos`)

// romanceOrgHeads open the names of associations, unions, clubs and centres in Romance
// languages.
var romanceOrgHeads = words(`collectif colectivo coletivo grêmio centro clube asociación asociația associação sindicat
	associazione cooperativa sindicato sindicatul fundación fundação fondation fundația observatório
	coordinadora coordenadoria rede liga confederación confederação federación federação consorzio
	consorcio`)

// wordsKind reads the kind from the words of a name no clue speaks for: an acronym alone
// is an organisation's, a particle makes a person's, an acronym of three capitals an
// organisation's; two to five plain capitalised words are most often a person's.
func wordsKind(toks []token) app.ActorKind {
	if len(toks) == 1 {
		if isAcronym(toks[0].text) {
			return app.Organisation
		}
		return ""
	}
	if bodyNoun(toks[0]) || pluralArticles[toks[0].fold] {
		// "Coordinación Nacional de Protección Civil", "Los Lagartos del Estero": a
		// noun or a plural article opens no person's name.
		return app.Organisation
	}
	if slices.ContainsFunc(toks, func(t token) bool { return personParticles[t.fold] || hasParticlePrefix(t.text) }) {
		return app.Person
	}
	for _, t := range toks {
		if isAcronym(t.text) && utf8.RuneCountInString(strings.Trim(t.text, ".")) >= 3 && !strings.Contains(t.text, ".") {
			return app.Organisation // "Coca-Cola FEMSA", "HSBC Bank": no person's name holds one
		}
		if isAcronym(t.text) || !hasLetter(t.text) {
			return ""
		}
	}
	if len(toks) <= 5 {
		return app.Person
	}
	return ""
}

// pluralArticles open names of groups in Romance languages, never a person's.
var pluralArticles = words(`los las les`)

// bodyNoun reports whether t is a Romance abstract noun by its ending ("Coordinación",
// "Fiscalía", "Confederação", "Sociedade", "Autorité"), which opens the names of bodies;
// given names that end so ("Concepción", "Soledad") are in firstNames.
func bodyNoun(t token) bool {
	w := strings.ToLower(t.text)
	if firstNames[t.fold] || utf8.RuneCountInString(w) < 6 || t.fold == "ciudad" || t.fold == "cidade" {
		return false
	}
	for _, suf := range []string{"ción", "sión", "ção", "ções", "dade", "dad", "tad", "ncia", "té", "alía", "ería", "uría", "oría", "licía"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// acronymInside reports whether a name of several words holds an acronym of three
// capitals or more ("NHS England", "Coca-Cola FEMSA"): no person's name does, in prose.
func acronymInside(toks []token) bool {
	if len(toks) < 2 {
		return false
	}
	for _, t := range toks {
		if isAllCaps(t.text) && utf8.RuneCountInString(t.text) >= 3 && !strings.Contains(t.text, ".") {
			return true
		}
	}
	return false
}

// ambiguousHeads are head nouns that bodies of every kind use: a council may be a court's
// or a charity's, a coalition a party's or a militia's.
var ambiguousHeads = words(`council coalition alliance front movement union league`)

// ambiguousHead reports whether the name's head noun (the last word before its first
// connector, or its last word) is one of ambiguousHeads.
func ambiguousHead(toks []token) bool {
	head := toks[len(toks)-1]
	for k, t := range toks {
		if connectors[t.fold] && k > 0 {
			head = toks[k-1]
			break
		}
	}
	return ambiguousHeads[head.fold]
}

// withoutWords, inside a name, make it a cause's: "Doctors Without Borders".
var withoutWords = words(`without sans sin sem ohne senza zonder utan uten`)

// stateQualifiers, first in a name with no head noun, make it a state's body: no
// person's or company's name starts so.
var stateQualifiers = words(`state federal legislative presidential constitutional judicial electoral
	parliamentary`)

// placeCueInside reports whether a word inside a name, before its last, is a place's cue
// (River, Lake, Valley): a community or a body named after a place ("Kiskatinaw River
// First Nation"), not a person.
func placeCueInside(toks []token) bool {
	for _, t := range toks[:len(toks)-1] {
		if placeCues[t.fold] && isNameToken(t) {
			return true
		}
	}
	return false
}

// placeInside reports whether a word after the first of a name is a country or a
// continent: "Airtel Kenya", "Transparency International Georgia". A person's surname is
// not one ("Israel Katz" has it first).
func placeInside(toks []token) bool {
	for k, t := range toks[1:] {
		if isCountryTok(t) || continents[t.fold] || k+2 < len(toks) && isCountryText(t.text+" "+toks[k+2].text) {
			return true // "Airtel Kenya", "HSBC Saudi Arabia"
		}
	}
	return false
}

var continents = words(`africa europe asia america americas oceania`)

// headKind reads the kind from the name's head noun: the last cue word before the first
// connector ("Bank of Spain": Bank), else the last cue word ("Justice and Development
// Party": Party). headRules may say the head means another kind in this name.
func headKind(toks []token) app.ActorKind {
	h, kind := findHead(toks)
	if kind == "" {
		return ""
	}
	for _, r := range headRules {
		if r.holds(h) {
			return r.kind
		}
	}
	return kind
}

// head is a name's head noun: the name's words, the head's index, the head and the word
// before it (folded).
type head struct {
	toks    []token
	at      int
	w, prev string
}

// before returns the words before the head.
func (h head) before() []token { return h.toks[:h.at] }

// findHead returns the name's head noun and the kind its cue gives; "" if none.
func findHead(toks []token) (head, app.ActorKind) {
	end := len(toks)
	for k, t := range toks {
		if connectors[t.fold] {
			end = k
			break
		}
	}
	kind, at := lastCue(toks, end)
	listed := slices.ContainsFunc(toks[:end], func(t token) bool { return t.text == "," })
	if kind == "" || end < len(toks) && toks[end].fold == "and" && (sectorsOfBody(toks[:end], toks[end+1:]) || listed || headEndsAfterAnd(toks[end+1:])) {
		// "Science, ICT, Broadcasting and Communications Committee": a list of portfolios
		// before "and" and the head.
		// "National Energy and Water Supply Regulatory Commission": the head ends the name.
		kind, at = lastCue(toks, len(toks))
	}
	if kind == "" {
		return head{}, ""
	}
	h := head{toks: toks, at: at, w: toks[at].fold}
	if at > 0 {
		h.prev = toks[at-1].fold
	}
	return h, kind
}

// headEndsAfterAnd: "Canadian Radio-television and Telecommunications Commission", read
// as one name, has its head at its end; the cue word before "and" names a sector.
func headEndsAfterAnd(right []token) bool {
	return len(right) >= 2 && cueKind(right[len(right)-1].fold) != "" &&
		!slices.ContainsFunc(right, func(t token) bool { return connectors[t.fold] })
}

// lastCue returns the last cue word of toks[:to], its kind and index.
func lastCue(toks []token, to int) (app.ActorKind, int) {
	for k := to - 1; k >= 0; k-- {
		if kind := cueKind(toks[k].fold); kind != "" && !titleCaseTwoLetters[toks[k].text] &&
			!(k > 0 && openingCues[toks[k].fold] && firstNames[toks[0].fold]) {
			return kind, k
		}
	}
	return "", -1
}

// openingCues head a body only as its first word ("Cámara de Diputados", "Junta de
// Andalucía"); after a given name they are a surname: "Ndeye Fatou Camara".
var openingCues = words(`camara junta concejo`)

// headRule is a head noun that means kind in a name for which holds.
type headRule struct {
	holds func(h head) bool
	kind  app.ActorKind
}

// headRules are read in order; the first that holds gives the kind.
var headRules = []headRule{
	{olympicBody, app.Organisation},
	{purposeBody, app.Organisation},
	{civicLeague, app.Organisation},
	{centralBank, app.GovernmentBody},
	{stateInstitute, app.GovernmentBody},
	{civilDivision, app.GovernmentBody},
	{pressHead, app.Media},
	{reportingNewsroom, app.Media},
	{mediaCompany, app.Media},
	{parliamentAboveStates, app.Organisation},
	{legislatureCommittee, app.GovernmentBody},
	{qualifiedChamber, app.GovernmentBody},
	{bodyNamedForState, app.GovernmentBody},
	{partyCentre, app.Party},
	{stateCentre, app.GovernmentBody},
	{houseOf, app.GovernmentBody}, // before namedHouse: "Oyo State House of Assembly"
	{namedHouse, app.Organisation},
	{coastGuard, app.GovernmentBody},
	{qualifiedAgency, app.GovernmentBody},
	{unionsCongress, app.Organisation},
	{chamberOfLegislators, app.GovernmentBody},
	{electoralBody, app.GovernmentBody},
	{qualifiedStateBody, app.GovernmentBody},
	{internationalBody, app.Organisation},
	{portfolioAgency, app.GovernmentBody},
	{publicBody, app.GovernmentBody},
	{stateFunctionBody, app.GovernmentBody},
	{agencyOrBoard, app.GovernmentBody},
	{partyUnion, app.Party},
	{partyCongress, app.Party},
	{func(h head) bool { return h.w == "union" }, app.Organisation},
	{unitedNations, app.Organisation},
}

// olympicBody: "Canadian Olympic Committee", "Kenya National Paralympic Committee": the
// Olympic movement's bodies are not the state's, whatever qualifies them; nor are a
// sport's governing bodies ("Pakistan Cricket Board", "Kenya Rugby Union").
func olympicBody(h head) bool {
	return slices.ContainsFunc(h.before(), func(t token) bool { return t.fold == "olympic" || t.fold == "paralympic" }) ||
		h.prev != "" && (sportNames[h.prev] || sportNames[strings.TrimSuffix(h.prev, "s")])
}

// stateInstitute: "National Penitentiary Institute", "Norwegian Polar Institute",
// "Instituto Nacional de Estadística": an institute a state names as its own runs one of
// its services; one that studies policy or the economy ("German Economic Institute",
// "Institute for Security Studies") is a think tank.
func stateInstitute(h head) bool {
	if h.w != "institute" && h.w != "instituto" && h.w != "institut" {
		return false
	}
	own := false
	for _, t := range h.toks {
		if thinkTankWords[t.fold] {
			return false
		}
		own = own || t.fold == "national" || t.fold == "nacional" || t.fold == "nationale" || demonyms[t.fold]
	}
	return own
}

// thinkTankWords name what a think tank studies.
var thinkTankWords = words(`research studies study policy economic economics competitiveness international
	affairs peace security strategic democracy development`)

// centralBank: "Central Bank of Iraq", "Reserve Bank of Zimbabwe", "Bank of Ghana",
// "Banco de Portugal", "Federal Reserve Bank of New York": a state's central bank is one of
// its bodies. "European Central Bank", above states, and "Trade Bank of Iraq" are not.
func centralBank(h head) bool {
	if !bankWords[h.w] {
		return false
	}
	var state, central bool
	for k, t := range h.toks {
		state = state || isCountryTok(t) || demonyms[t.fold] || k > 0 && isCountryText(textOfPlain(h.toks[k:]))
		central = central || centralWords[t.fold]
	}
	if central {
		// "Banco Central de la República Dominicana", "Banque centrale du Congo": a central
		// bank named in its own language, not one above states ("Banco Central Europeo").
		romance := h.at == 0 && len(h.toks) > 2 && centralWords[h.toks[1].fold] && !international(h.toks)
		return state || romance || slices.ContainsFunc(h.toks, func(t token) bool { return t.fold == "federal" })
	}
	// "Bank of Ghana", "Banco de Portugal", "Banque du Liban": the bank and its state alone.
	if len(h.toks) < 3 || h.at != 0 || !portfolioJoiners[h.toks[1].fold] && h.toks[1].fold != "du" {
		return false
	}
	return isCountryText(textOfPlain(h.toks[2:]))
}

// bankWords head a bank's name; centralWords make it a central bank.
var (
	bankWords    = words(`bank banco banque banca`)
	centralWords = words(`central reserve monetary centrale`)
)

// civicLeague: "Hellenic League for Human Rights", "Irish League of Credit Unions": a
// league, union, alliance or coalition for rights, of bodies, or of a trade or a sport is
// a civic one, not a party.
func civicLeague(h head) bool {
	if h.w != "league" && h.w != "union" && h.w != "alliance" && h.w != "coalition" {
		return false
	}
	for k, t := range h.toks {
		if rightsWords[t.fold] || k > h.at && bodyPlurals[t.fold] {
			return true
		}
		// "Rainforest Alliance", "Kenya Private Sector Alliance", "Bus Operators' Alliance",
		// "Japan Professional Football League": a cause's, a trade's or a sport's.
		if h.w != "union" && (sectorWords[t.fold] || k < h.at && t.poss && strings.HasSuffix(t.fold, "s")) {
			return true
		}
	}
	return false
}

// sectorWords name a trade, a cause or a sport that alliances, coalitions and leagues of
// firms, campaigners and clubs are named for; parties are named for ideas instead.
var sectorWords = words(`industry industries sector business businesses innovation fairness water rainforest
	fibre fiber vaccine vaccines health heart sepsis cancer automotive climate digital technology tech
	palm cocoa coffee textile textiles growers operators keepers landowners air ocean oceans forest
	wildlife patients football basketball rugby cricket hockey professional pro observers monitors
	lawyers journalists`)

// rightsWords name a cause bodies are founded for.
var rightsWords = words(`rights liberties freedoms`)

// bodyPlurals are the members of a league of bodies.
var bodyPlurals = words(`unions cooperatives co-operatives associations municipalities chambers societies
	councils clubs banks employers`)

// civilDivision: "Finance Division", "Civil Rights Division", "Singapore Police Force":
// a division with no military word and a police force are civil services of the state.
func civilDivision(h head) bool {
	switch h.w {
	case "division":
		return !slices.ContainsFunc(h.toks, func(t token) bool { return armedCues[t.fold] && t.fold != "division" || isOrdinal(t.text) })
	case "force", "service":
		return h.prev == "police"
	}
	return false
}

// purposeBody: "Committee to Protect Journalists", "Campaign to Stop Killer Robots": a
// body named for what it campaigns for is a civic one, not the state's.
func purposeBody(h head) bool {
	for k := 1; k < len(h.toks); k++ {
		if purposeTo(h.toks, k, 0) {
			return true
		}
	}
	return false
}

// pressHead: "Andes Press Service", "Savanna News Agency".
func pressHead(h head) bool {
	return (h.w == "service" || h.w == "agency") && (h.prev == "press" || h.prev == "news")
}

// reportingNewsroom: "Organized Crime and Corruption Reporting Project", "Investigative
// Reporting Lab Macedonia": a newsroom named for its reporting; not a "Financial Reporting
// Council", which rules on accounts.
func reportingNewsroom(h head) bool {
	return reportingHeads[h.w] && slices.ContainsFunc(h.before(), func(t token) bool { return t.fold == "reporting" })
}

// reportingHeads are the heads of newsrooms named for their reporting.
var reportingHeads = words(`project lab network centre center bureau unit`)

// mediaCompany: "Ethiopian Broadcasting Corporation", "Abay Media Network", "Nation
// Media Group": a company whose name says it broadcasts or publishes.
func mediaCompany(h head) bool {
	return mediaCompanyHeads[h.w] && mediaWordIn(h.before())
}

// mediaWordIn reports whether toks hold a word saying a company broadcasts or publishes.
func mediaWordIn(toks []token) bool {
	return slices.ContainsFunc(toks, func(t token) bool {
		return t.fold == "media" || t.fold == "broadcasting" || t.fold == "television" || t.fold == "radio" || t.fold == "news"
	})
}

// mediaCompanyHeads are the heads of companies that media words make a newsroom's.
var mediaCompanyHeads = words(`corporation network company group`)

// parliamentAboveStates: "European Parliament", above states as the European Commission.
func parliamentAboveStates(h head) bool {
	return h.w == "parliament" && international(h.before())
}

// legislatureCommittee: "House Transportation and Infrastructure Committee".
func legislatureCommittee(h head) bool {
	return committeeHeads[h.w] && h.at+1 == len(h.toks) && legislatures[stripLeadingArticle(h.toks)[0].fold]
}

// qualifiedChamber: "Regional Audit Chamber"; not "National Chamber of Commerce".
func qualifiedChamber(h head) bool {
	return h.w == "chamber" && h.at > 0 && qualified(h.before()) && !(h.at+1 < len(h.toks) && h.toks[h.at+1].fold == "of")
}

// bodyNamedForState: "Impact Assessment Agency of Canada", "Chilean Economic Development
// Agency": a body named after its state is the state's.
func bodyNamedForState(h head) bool {
	return stateBodyHeads[h.w] && countryNamed(h.toks) && !international(h.toks) && !knownOrgInside(h.toks)
}

// partyCentre: "Democratic Centre", "Social Democratic Centre".
func partyCentre(h head) bool {
	return (h.w == "centre" || h.w == "center") && h.at == len(h.toks)-1 && h.at > 0 && allPartyWords(h.before())
}

// stateCentre: "National Cyber Security Centre", a state's.
func stateCentre(h head) bool {
	return (h.w == "centre" || h.w == "center") && h.at > 0 && qualified(h.before()) && !international(h.toks)
}

// namedHouse: "Chatham House".
func namedHouse(h head) bool {
	return h.w == "house" && h.at > 0 && !connectors[h.prev]
}

// houseOf: House of Representatives, of Commons.
func houseOf(h head) bool {
	return h.w == "house" && h.at+1 < len(h.toks) && h.toks[h.at+1].fold == "of"
}

// coastGuard: "Philippine Coast Guard", a state's service, not a militia.
func coastGuard(h head) bool {
	return (h.w == "guard" || h.w == "guards") && h.at > 0 && (h.prev == "coast" || h.prev == "border")
}

// qualifiedAgency: "Federal Network Agency".
func qualifiedAgency(h head) bool {
	return h.w == "agency" && h.at > 0 && qualified(h.before()) && !international(h.toks)
}

// unionsCongress: "Nigeria Labour Congress", "Trades Union Congress".
func unionsCongress(h head) bool {
	return h.w == "congress" && slices.ContainsFunc(h.before(), func(t token) bool { return tradeUnionWord(t.fold) })
}

// chamberOfLegislators: "Chamber of Deputies", "Council of Representatives"; not "Chamber
// of Commerce".
func chamberOfLegislators(h head) bool {
	if h.w == "camara" || h.w == "chambre" { // folded: Cámara, Câmara
		// "Cámara de Diputados de San Juan", "Câmara Municipal de Feira": a legislature's;
		// "Cámara de Comercio" is a trade body.
		next := wordAfterHead(h, 1)
		return next == "municipal" || romanceJoiners[next] && legislators[wordAfterHead(h, 2)]
	}
	// "Council of Representatives", "Council of Ministers": a house of legislators or the
	// cabinet.
	return (h.w == "chamber" || h.w == "council") && h.at+2 < len(h.toks) && h.toks[h.at+1].fold == "of" &&
		(legislators[h.toks[h.at+2].fold] || h.w == "council" && h.toks[h.at+2].fold == "ministers")
}

// wordAfterHead returns the folded word k places after the head, or "".
func wordAfterHead(h head, k int) string {
	if h.at+k < len(h.toks) {
		return h.toks[h.at+k].fold
	}
	return ""
}

// electoralBody: "National Electoral Institute": who runs elections is a state's.
func electoralBody(h head) bool {
	return slices.ContainsFunc(h.before(), func(t token) bool { return t.fold == "electoral" }) && !international(h.toks)
}

// qualifiedStateBody: "National Security Council", "Ghana Cocoa Board": a state's.
func qualifiedStateBody(h head) bool {
	switch h.w {
	case "council", "commission", "court", "assembly", "committee", "board":
		return qualified(h.before()) || h.w == "board" && h.at > 0 && isCountryTok(h.toks[0])
	}
	return false
}

// internationalBody: "International Criminal Court", "International Tribunal for the Law of
// the Sea", "European Commission", "UN Office for the Coordination of Humanitarian Affairs".
func internationalBody(h head) bool {
	switch h.w {
	case "court", "council", "commission", "committee", "office", "secretariat", "authority", "mission", "tribunal":
		return international(h.before()) || aboveStatesAfter(h) ||
			h.at > 0 && aboveStates(h.toks[:1]) // "ECOWAS Court of Justice"
	}
	return false
}

// aboveStatesAfter reports whether the head's complement is a body above states: "Court
// of Justice of the European Union", "General Court of the EU".
func aboveStatesAfter(h head) bool {
	for k := h.at + 1; k+1 < len(h.toks); k++ {
		if h.toks[k].fold != "of" {
			continue
		}
		rest := h.toks[k+1:]
		if len(rest) > 1 && rest[0].fold == "the" {
			rest = rest[1:]
		}
		if aboveStates(rest) {
			return true
		}
	}
	return false
}

// portfolioAgency: "Environment Agency", "Energy Agency".
func portfolioAgency(h head) bool {
	return h.w == "agency" && h.at > 0 && portfolio(h.before())
}

// publicBody: a commission, an authority or a regulator is a state's unless its name says
// it is above states: "Japan Fair Trade Commission", "Suez Canal Authority", not
// "European Commission" or "ECOWAS Commission".
func publicBody(h head) bool {
	return publicHeads[h.w] && !international(h.toks) && !knownOrgInside(h.toks)
}

// agencyOrBoard: "Public Health Agency", "Water Development Board", "Kenya Roads Board":
// an agency or a board that its name does not set above states, in the press, in research
// or over a fund is a state's.
func agencyOrBoard(h head) bool {
	if h.w != "agency" && h.w != "board" || international(h.toks) || knownOrgInside(h.toks) {
		return false
	}
	return !slices.ContainsFunc(h.toks, func(t token) bool { return privateBoardWords[t.fold] })
}

// privateBoardWords make an agency or a board a newsroom's, a researcher's or a fund's.
var privateBoardWords = words(`news press research pension pensions investment advertising talent travel
	modelling modeling insurance`)

// stateFunctionBody: "Press Supervisory Board", "Financial Intelligence Unit", "Election
// Supervisory Agency": a board, an agency or a unit named for what only a state does
// (supervise, regulate, gather intelligence, run elections, collect customs) is a state's.
func stateFunctionBody(h head) bool {
	return functionHeads[h.w] && !international(h.toks) && !knownOrgInside(h.toks) &&
		slices.ContainsFunc(h.before(), func(t token) bool { return stateFunctions[t.fold] })
}

// functionHeads are the heads of bodies that stateFunctions make a state's.
var functionHeads = words(`agency board unit office council service register registry bureau administration`)

// stateFunctions are what only a state does.
var stateFunctions = words(`supervisory regulatory intelligence enforcement election elections electoral
	statistics statistical audit inspection customs revenue taxation procurement competition antitrust
	cybersecurity immigration migration prosecution anti-corruption anticorruption licensing protection
	environmental emergency disaster`)

// partyUnion: "Christian Democratic Union"; not "Cerro Blanco Workers' Union", a trade
// union ("Workers' Union", "Union of Metalworkers", "Union of Welders": who works).
func partyUnion(h head) bool {
	return h.w == "union" && partyWords(h.toks) && !slices.ContainsFunc(h.toks, func(t token) bool {
		return t.poss && possNouns[t.fold] || strings.HasSuffix(t.fold, "ers") || possNouns[t.fold] && strings.HasSuffix(t.fold, "s") && t.fold != "people"
	})
}

// partyCongress: "All Progressives Congress", "African National Congress", "Congress for
// Democratic Unity"; not "National People's Congress", a legislature, nor "Nigeria Labour
// Congress", a union.
func partyCongress(h head) bool {
	if h.w != "congress" {
		return false
	}
	if h.at == 0 && h.at+2 < len(h.toks) && h.toks[1].fold == "for" {
		return partyWords(h.toks[2:]) // "Congress for Democratic Unity": what it stands for
	}
	return h.at > 0 && partyWords(h.before()) && !slices.ContainsFunc(h.before(), func(t token) bool {
		return t.fold == "people" || t.fold == "people's" || tradeUnionWord(t.fold)
	})
}

// unitedNations: "United Nations Interim Force in Lebanon".
func unitedNations(h head) bool {
	return len(h.toks) > 1 && h.toks[0].fold == "united" && h.toks[1].fold == "nations"
}

// stateBodyHeads are head nouns of bodies that belong to the state whose name they hold.
var stateBodyHeads = words(`agency board service office authority`)

// countryNamed reports whether a name holds a state's name or demonym as a word of its
// own: "… Agency of Canada", "Chilean … Agency".
func countryNamed(toks []token) bool {
	for k, t := range toks {
		if isCountryTok(t) || demonyms[t.fold] || k+1 < len(toks) && isCountryText(t.text+" "+toks[k+1].text) {
			return true
		}
	}
	return false
}

// allPartyWords reports whether every word of toks is one a party's name uses.
func allPartyWords(toks []token) bool {
	for k := range toks {
		if !partyWords(toks[k : k+1]) {
			return false
		}
	}
	return len(toks) > 0
}

// stripLeadingArticle drops a leading "The" from a name's words.
func stripLeadingArticle(toks []token) []token {
	if len(toks) > 1 && isArticle(toks[0].text) {
		return toks[1:]
	}
	return toks
}

// tradeUnionWord reports whether a word before "Congress" makes it a trade unions' one.
func tradeUnionWord(w string) bool {
	return w == "labour" || w == "labor" || w == "trades" || w == "union" || w == "unions"
}

// legislators are the members a chamber of parliament is named after.
var legislators = words(`deputies representatives senators commons lords councillors diputados deputados
	senadores vereadores representantes concejales députés`)

// cityWords before "Corporation" make it a city's government.
var cityWords = words(`municipal city metropolitan`)

// partyWords reports whether a name holds a word that political parties' names use:
// "Christian Democratic Union" is a party, "African Union" is not.
func partyWords(toks []token) bool {
	for _, t := range toks {
		switch t.fold {
		case "democratic", "christian", "socialist", "patriotic", "liberal", "conservative", "social", "popular", "people's", "people", "workers", "labour", "national", "progressive", "progressives", "republican", "green",
			"muslim", "islamic", "hindu", "buddhist", "revolutionary", "freedom", "renewal", "reform", "liberation", "solidarity":
			return true
		}
	}
	return false
}

func hasParticlePrefix(s string) bool {
	for _, p := range particlePrefixes {
		if len(s) > len(p) && s[:len(p)] == p {
			return true
		}
	}
	return false
}

// portfolio reports whether every word of toks names a government portfolio: "Environment",
// "Foreign Affairs".
func portfolio(toks []token) bool {
	for _, t := range toks {
		if !roleModifiers[t.fold] || connectors[t.fold] {
			return false
		}
	}
	return len(toks) > 0
}

// unknownWord reports whether t is a plain name no list knows: not a cue, a common word
// or a demonym ("Calderdale", not "Atlantic" or "Norwegian").
func unknownWord(t token) bool {
	w := t.fold
	return cueKind(w) == "" && !generic[w] && !demonyms[w] && !regions[w] && !stopwords[w] && !compass[w] && !roleModifiers[w]
}
