package suggest

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"dossier/app"
)

// tokKind says what a token is.
type tokKind uint8

const (
	tWord  tokKind = iota
	tPunct         // one punctuation rune
	tBreak         // a line break: paragraphs and headlines end there
)

// token is a word or a punctuation mark of a text, with its place in runes.
type token struct {
	text       string // the word without a possessive ending or an abbreviation's dot
	fold       string // text folded (app.Fold), for looking words up
	start, end int    // rune offsets of text in the source
	kind       tokKind
	poss       bool // followed by a possessive ending: "Turkey's", "Workers'"
	abbr       bool // an abbreviation whose dot was part of it: "Sen.", "U.S."
	space      bool // preceded by white space (or the start of the text)
	sent       bool // the first word of a sentence, a quotation or a paragraph
	para       bool // the first word of a paragraph
	layout     bool // in a table, an all-capitals line or a slogan quoted (see markLayout)
	// cellKind is the kind a table's column header gives the names in its cells: PARTY,
	// TEAM, CANDIDATE.
	cellKind app.ActorKind
	formula  bool // inside a spreadsheet formula or cell range: "=SUM(B2:B14)"
	quoted   bool // inside quotation marks
	tag      bool // inside a hashtag or a handle: "@cusu_north"
	shout    bool // an English word a quotation writes in capitals for stress: "VERY"
}

// abbreviations take their dot with them, so it does not end a sentence.
var abbreviations = words(`mr mrs ms dr prof sen rep gov gen col lt maj capt sgt adm brig cpl st jr sr
	no vs etc inc ltd corp co jan feb mar apr jun jul aug sep sept oct nov dec mt ft ltda bhd pty
	tbk pte plc lda kft zrt nyrt md avv smt hon adv engr atty supt insp cllr rev fr hj cia pvt mst`)

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

func isHyphen(r rune) bool { return r == '-' || r == '‐' || r == '‑' }

// tokenize splits text into words, punctuation and line breaks, marking where sentences
// and paragraphs begin.
func tokenize(text string) []token {
	rs := []rune(text)
	toks := make([]token, 0, len(rs)/5)
	space := true
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case r == '\n':
			toks = append(toks, token{text: "\n", fold: "\n", start: i, end: i + 1, kind: tBreak, space: true})
			for i < len(rs) && unicode.IsSpace(rs[i]) {
				i++
			}
			space = true
			continue
		case unicode.IsSpace(r):
			i++
			space = true
			continue
		case isWordRune(r):
			t := scanWord(rs, i)
			t.space = space
			t.fold = fold(t.text)
			i = t.next
			toks = append(toks, t.token)
		default:
			toks = append(toks, token{text: string(r), fold: string(r), start: i, end: i + 1, kind: tPunct, space: space})
			i++
		}
		space = false
	}
	toks = joinSuffixes(toks)
	markSentences(toks)
	return toks
}

// joinSuffixes makes one token of two legal suffixes a comma joins: "Hinode Mart Co.,
// Ltd." ends in the suffix "Co., Ltd", not at the comma.
func joinSuffixes(toks []token) []token {
	out := toks[:0]
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.kind == tWord && i+2 < len(toks) && toks[i+1].text == "/" && !toks[i+1].space && toks[i+2].kind == tWord && !toks[i+2].space &&
			isLegalSuffix(t.fold+toks[i+2].fold) && isAllCaps(t.text+toks[i+2].text) {
			// "Norrvik Holding A/S"
			t.text = t.text + "/" + toks[i+2].text
			t.fold = fold(t.text)
			t.end = toks[i+2].end
			t.poss = toks[i+2].poss
			out = append(out, t)
			i += 2
			continue
		}
		if t.kind == tWord && i+2 < len(toks) && !toks[i+1].space && toks[i+2].kind == tWord && !toks[i+2].space &&
			joinedAcronym(t.text, toks[i+1].text, toks[i+2].text) && !(toks[i+1].text == "/" && datelineCredit(toks, i)) {
			// "S&D", "AT&T", "Greens/EFA": one name written without blanks.
			t.text = t.text + toks[i+1].text + toks[i+2].text
			t.fold = fold(t.text)
			t.end = toks[i+2].end
			t.poss = toks[i+2].poss
			out = append(out, t)
			i += 2
			continue
		}
		if t.kind == tWord && i+2 < len(toks) && toks[i+1].text == "/" && !toks[i+1].space && !toks[i+2].space &&
			patronymSlash[t.text+"/"+toks[i+2].text] {
			// "Saraswathy a/p Muniandy", "Kumar s/o Rajan": daughter or son of, one word.
			t.text = t.text + "/" + toks[i+2].text
			t.fold = t.text
			t.end = toks[i+2].end
			out = append(out, t)
			i += 2
			continue
		}
		if t.kind == tWord && i+3 < len(toks) && legalSuffixTok(t) && toks[i+1].text == "&" &&
			strings.TrimSuffix(toks[i+2].fold, ".") == "co" && partnershipForms[toks[i+3].fold] {
			// "Hollmann Armaturen GmbH & Co. KG": a limited partnership whose partner is a
			// company; the whole form ends the name.
			t.text = t.text + " & " + toks[i+2].text
			if toks[i+2].abbr && !strings.HasSuffix(toks[i+2].text, ".") {
				t.text += "."
			}
			t.text += " " + toks[i+3].text
			t.fold = fold(t.text)
			t.end = toks[i+3].end
			t.abbr = toks[i+3].abbr
			t.poss = toks[i+3].poss
			out = append(out, t)
			i += 3
			continue
		}
		if n := bracketedQualifier(toks, i); n > 0 {
			// "Janata Dal (Secular)", "JD(S)": a party's qualifier in brackets is its name's.
			for _, q := range toks[i+1 : i+n+1] {
				t.text += spaceBefore(q) + q.text
			}
			t.fold = fold(t.text)
			t.end = toks[i+n].end
			t.poss = toks[i+n].poss
			out = append(out, t)
			i += n
			continue
		}
		if t.kind == tWord && i+2 < len(toks) && toks[i+1].text == "," && toks[i+2].kind == tWord && toks[i+2].space &&
			legalSuffixTok(t) && legalSuffixTok(toks[i+2]) && unicode.IsUpper(firstRune(toks[i+2].text)) && i > 0 &&
			(toks[i-1].kind == tWord || toks[i-1].text == "," || toks[i-1].text == ")") { // "(HK) Co., Limited"
			dot := ""
			if t.abbr && !strings.HasSuffix(t.text, ".") {
				dot = "."
			}
			t.text = t.text + dot + ", " + toks[i+2].text
			t.fold = fold(t.text)
			t.end = toks[i+2].end
			t.abbr = toks[i+2].abbr
			t.poss = toks[i+2].poss
			i += 2
		}
		out = append(out, t)
	}
	return out
}

// partnershipForms end a German or Austrian limited partnership's form: "GmbH & Co. KG".
var partnershipForms = words(`kg kgaa ohg`)

// patronymSlash are the Malaysian and Singaporean "son of" and "daughter of" inside names.
var patronymSlash = map[string]bool{"a/l": true, "a/p": true, "s/o": true, "d/o": true}

// bracketedQualifier returns how many tokens after toks[i] are a bracket that qualifies
// a party's name: one to three words of partyQualifiers ("Janata Dal (Secular)",
// "Communist Party of Nepal (Unified Socialist)"), or one or two capitals written
// against an acronym ("JD(S)", "CPN(UML)" read as letters); 0 when none is.
func bracketedQualifier(toks []token, i int) int {
	t := toks[i]
	if t.kind != tWord || i+3 >= len(toks) || toks[i+1].text != "(" || !unicode.IsUpper(firstRune(t.text)) {
		return 0
	}
	if !toks[i+1].space && isAllCaps(t.text) && toks[i+2].kind == tWord && strings.ToUpper(toks[i+2].text) == toks[i+2].text &&
		!toks[i+2].space && toks[i+3].text == ")" && utf8.RuneCountInString(toks[i+2].text) <= 3 {
		return 3
	}
	if toks[i+2].kind == tWord && (bracketedForms[strings.TrimSuffix(toks[i+2].fold, ".")] || isCountryTok(toks[i+2])) && toks[i+3].text == ")" &&
		(i+4 < len(toks) && legalSuffixTok(toks[i+4]) || strings.HasPrefix(toks[i+2].fold, "persero")) {
		// "Morawaka Valley Tea Factory (Pvt) Ltd", "PT Bank Mandiri (Persero) Tbk", a
		// state where the firm is registered ("… Services (Seychelles) Ltd"); an
		// Indonesian state or regional firm's "(Perseroda)" may end its name.
		return 3
	}
	k := i + 2
	for k < len(toks) && k < i+5 && toks[k].kind == tWord && partyQualifiers[toks[k].fold] && unicode.IsUpper(firstRune(toks[k].text)) {
		k++
	}
	if k > i+2 && k < len(toks) && toks[k].text == ")" {
		return k - i
	}
	return lawBracket(toks, i)
}

// lawBracket returns how many tokens after toks[i] are a bracket inside a law's title:
// capitalised words and their joiners, followed by another bracket or the law's head
// ("Ground Water (Regulation and Control) (Amendment) Bill"); 0 when they are not.
func lawBracket(toks []token, i int) int {
	k := i + 2
	for k < len(toks) && k < i+8 && toks[k].kind == tWord && (unicode.IsUpper(firstRune(toks[k].text)) || connectors[toks[k].fold]) {
		k++
	}
	if k == i+2 || k+1 >= len(toks) || toks[k].text != ")" {
		return 0
	}
	next := toks[k+1]
	if next.text == "(" {
		if n := lawBracket(toks, k); n > 0 {
			return k - i + n // all the brackets: "(Regulation and Control) (Amendment)"
		}
	}
	if next.kind == tWord && unicode.IsUpper(firstRune(next.text)) && (lawWords[next.fold] || billWords[next.fold]) {
		return k - i
	}
	return 0
}

// bracketedForms are the parts of a legal form written in brackets before its suffix.
var bracketedForms = words(`pvt private persero perseroda pty hk bvi uk`)

// partyQualifiers are the words that tell apart parties of one name, in brackets after it.
var partyQualifiers = words(`secular unified united socialist marxist maoist leninist marxist-leninist
	centre center democratic revolutionary reformed official progressive mukti`)

// spaceBefore is the blank written before t, if any.
func spaceBefore(t token) string {
	if t.space {
		return " "
	}
	return ""
}

// datelineCredit reports whether the words joined by a slash at toks[i] fill a bracket
// that a dash follows, as a dateline's credit does: "RIYADH, May 3 (SPA/WAM) -" credits
// two newsrooms, whatever their letters.
func datelineCredit(toks []token, i int) bool {
	if i < 1 || toks[i-1].text != "(" {
		return false
	}
	k := i + 2
	for k < len(toks) && k < i+5 && toks[k].kind == tWord {
		k++ // "(MNS/Deccan Wire)": the second newsroom's name may take more words
	}
	if k == i+2 || k+1 >= len(toks) || toks[k].text != ")" {
		return false
	}
	d := toks[k+1].text
	return d == "-" || d == "—" || d == "–"
}

// genreAmpersands are letters joined by "&" that name a kind of text or of business, not
// an actor: "a Q&A", "R&D spending", "M&A advisers".
var genreAmpersands = map[string]bool{"q&a": true, "r&d": true, "m&a": true, "b&b": true, "f&b": true, "p&l": true, "h&s": true}

// joinedAcronym reports whether a, sep and b, written without blanks, are one name: two
// short acronyms joined by "&" ("S&D", "AT&T", "P&O"), or a capitalised word and an
// acronym joined by "/" ("Greens/EFA"), unless one is a known newsroom ("Reuters/LETA").
// Two words in capitals joined by "/" are a table's or a dateline's pair ("IND/OTH",
// "GENEVA/LILONGWE"), and two plain words ("Israel/Gaza") are two names.
func joinedAcronym(a, sep, b string) bool {
	short := func(s string) bool {
		return isAllCaps(s) && utf8.RuneCountInString(s) <= 3 || len(s) == 1 && unicode.IsUpper(firstRune(s))
	}
	switch sep {
	case "&":
		return short(a) && short(b) && !genreAmpersands[strings.ToLower(a+sep+b)]
	case "/":
		if knownKinds[app.Fold(a)] == app.Media && knownKinds[app.Fold(b)] == app.Media {
			return false // "(AFP/ANSA)": two newsrooms credited together
		}
		if isAllCaps(a) && isAllCaps(b) && utf8.RuneCountInString(a) >= 3 && utf8.RuneCountInString(b) >= 3 {
			return true // "GUE/NGL": one group's two sets of letters
		}
		if !unicode.IsUpper(firstRune(a)) || !unicode.IsUpper(firstRune(b)) || isAllCaps(a) == isAllCaps(b) {
			return false
		}
		if knownKinds[app.Fold(a)] == app.Media || knownKinds[app.Fold(b)] == app.Media {
			return false // "(Reuters/LETA)": two newsrooms credited together
		}
		return isAllCaps(a) && utf8.RuneCountInString(a) >= 2 || isAllCaps(b) && utf8.RuneCountInString(b) >= 2
	}
	return false
}

type scanned struct {
	token
	next int // where scanning resumes
}

// scanWord reads the word that starts at rs[i]: letters, digits and marks, with inner
// hyphens and apostrophes ("al-Maliki", "Jama'at"), dotted initials ("U.S."), and a
// possessive ending set apart ("Maliki's" is "Maliki" with poss).
func scanWord(rs []rune, i int) scanned {
	if n := legalFormAt(rs, i); n > 0 {
		return scanned{token{text: string(rs[i : i+n]), start: i, end: i + n, kind: tWord, abbr: true}, i + n}
	}
	start := i
	var b strings.Builder
	poss, abbr := false, false
	letterAt := func(j int) bool { return j < len(rs) && isWordRune(rs[j]) }
	for i < len(rs) {
		r := rs[i]
		switch {
		case isWordRune(r):
			b.WriteRune(r)
			i++
			continue
		case letterAt(i+1) && (isHyphen(r) || r == '–' && i > start && unicode.IsLetter(rs[i-1]) && unicode.IsLetter(rs[i+1])):
			// An en dash between two letters joins them as a hyphen does: "Farmer–Citizen
			// Movement". Between digits or set off by blanks it is a range or a dash.
			b.WriteRune('-')
			i++
			continue
		case isApostrophe(r) && letterAt(i+1):
			// "'s" closing the word is a possessive; other inner apostrophes belong to it.
			if (rs[i+1] == 's' || rs[i+1] == 'S') && !letterAt(i+2) {
				poss = true
				i += 2
				return scanned{token{text: b.String(), start: start, end: i - 2, kind: tWord, poss: poss}, i}
			}
			b.WriteRune(r)
			i++
			continue
		case isApostrophe(r) && (i+1 >= len(rs) || !isWordRune(rs[i+1])) && i > start && (rs[i-1] == 's' || rs[i-1] == 'S') && b.Len() > 2:
			// "Workers'": a plural possessive.
			return scanned{token{text: b.String(), start: start, end: i, kind: tWord, poss: true}, i + 1}
		case r == '.' && isInitials(b.String()) && (letterAt(i+1) && i+2 < len(rs) && rs[i+2] == '.' || !letterAt(i+1)):
			// "U.S." and "U.N.": single letters joined by dots, the last dot included.
			b.WriteRune('.')
			i++
			if !letterAt(i) {
				abbr = true
				if i < len(rs) && isHyphen(rs[i]) && letterAt(i+1) {
					continue // "U.S.-led"
				}
				return scanned{token{text: b.String(), start: start, end: i, kind: tWord, abbr: abbr}, i}
			}
			continue
		case r == '.' && initialGlued(rs, start, i):
			// "B.Tserendulam", "Ch.Munkhbat", "Folha de S.Paulo": an initial written against
			// the name it abbreviates before, one word as Mongolian and Brazilian texts write it.
			b.WriteRune('.')
			i++
			continue
		case r == '.' && domainAfterDot(rs, i) && unicode.IsUpper(rs[start]) && utf8.RuneCountInString(b.String()) >= 2:
			// "Kaspi.kz", "Kun.uz": a brand named by its web address is one word.
			b.WriteRune('.')
			i++
			continue
		case r == '.' && capsAfterDot(rs, i) && utf8.RuneCountInString(b.String()) >= 2 && isAllCaps(b.String()):
			// "CERT.LV", "CERT.PL": a body's capitals joined by a dot to its country's are one name.
			b.WriteRune('.')
			i++
			continue
		case r == '.' && i > start && unicode.IsLower(rs[start]) && lowerSuffixes[b.String()] && start >= 2 && isWordRune(rs[start-2]):
			// "Fjallvik Bank hf.": a lower-case suffix keeps its dot, part of the name.
			return scanned{token{text: b.String() + ".", start: start, end: i + 1, kind: tWord, abbr: true}, i + 1}
		case r == '.' && b.String() == "Ma" && filipinoMa(rs, start, i):
			// "Ma. Teresa Buenaventura": María, abbreviated, keeps its dot; "Jack Ma." ends a sentence.
			return scanned{token{text: "Ma.", start: start, end: i + 1, kind: tWord, abbr: true}, i + 1}
		case r == '.' && abbreviations[app.Fold(b.String())] && !(strings.EqualFold(b.String(), "no") && !numberAfter(rs, i+1)) &&
			!capsAfterLower(rs, start, b.String()):
			// "No. 3" is an abbreviation; "voted no." ends a sentence.
			if w := strings.ToLower(b.String()); w == "jr" || w == "sr" || legalSuffixes[w] {
				// Part of the name: "Ferdinand Marcos Jr.", "Arcline Semiconductor Pte. Ltd."
				return scanned{token{text: b.String() + ".", start: start, end: i + 1, kind: tWord, abbr: true}, i + 1}
			}
			return scanned{token{text: b.String(), start: start, end: i, kind: tWord, abbr: true}, i + 1}
		}
		break
	}
	return scanned{token{text: b.String(), start: start, end: i, kind: tWord, poss: poss, abbr: abbr}, i}
}

// initialGlued reports whether the word that starts at rs[start], whose dot stands at
// rs[dot], is an initial glued to a name (initialThenName).
func initialGlued(rs []rune, start, dot int) bool {
	k := dot + 1
	for k < len(rs) && unicode.IsLetter(rs[k]) {
		k++
	}
	return initialThenName(string(rs[start:k]))
}

// initialThenName reports whether a word is an initial of one or two letters (a capital
// first) glued by its dot to a name of four letters or more, as Mongolian names are
// written ("B.Tserendulam", "Ch.Munkhbat") and Brazilian ones abbreviated ("S.Paulo"); not
// a degree after a name ("M.Si").
func initialThenName(w string) bool {
	initial, name, ok := strings.Cut(w, ".")
	ir, nr := []rune(initial), []rune(name)
	if !ok || len(ir) < 1 || len(ir) > 2 || !unicode.IsUpper(ir[0]) || len(ir) == 2 && !unicode.IsLower(ir[1]) ||
		len(nr) < 4 || !unicode.IsUpper(nr[0]) {
		return false
	}
	for _, r := range nr[1:] {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// domains are the endings of web addresses that brands are named by.
var domains = words(`com net org kz uz ru ua by am ge az kg tj mn in pk bd lk np ng ke za gh io co tv info`)

// domainAfterDot reports whether a web address's ending, and then no letter, follows the
// dot at rs[i]: the ".kz" of "Kaspi.kz".
func domainAfterDot(rs []rune, i int) bool {
	k := i + 1
	for k < len(rs) && unicode.IsLower(rs[k]) {
		k++
	}
	return k > i+1 && domains[string(rs[i+1:k])] && (k == len(rs) || !unicode.IsLetter(rs[k]) && rs[k] != '.')
}

// capsAfterDot reports whether two capitals or more, and then no letter, follow the dot
// at rs[i]: the second half of "CERT.LV".
func capsAfterDot(rs []rune, i int) bool {
	k := i + 1
	for k < len(rs) && unicode.IsUpper(rs[k]) {
		k++
	}
	return k-i-1 >= 2 && (k == len(rs) || !unicode.IsLetter(rs[k]) && rs[k] != '.')
}

// capsAfterLower reports whether an abbreviation's letters, all capitals, follow a word in
// lower case: "told DR." is the broadcaster at a sentence's end, not "Dr." before a name.
func capsAfterLower(rs []rune, start int, word string) bool {
	if len([]rune(word)) < 2 || strings.ToUpper(word) != word || legalSuffixes[strings.ToLower(word)] {
		return false // "Halden LTD." keeps its suffix
	}
	k := start - 1
	for k >= 0 && rs[k] == ' ' {
		k--
	}
	for k > 0 && isWordRune(rs[k-1]) {
		k-- // to the word's first letter: "told", not "Halden"
	}
	return k >= 0 && k < start-1 && unicode.IsLower(rs[k])
}

// numberAfter reports whether a number follows rs[i] after blanks: "No. 3".
func numberAfter(rs []rune, i int) bool {
	for i < len(rs) && rs[i] == ' ' {
		i++
	}
	return i < len(rs) && unicode.IsDigit(rs[i])
}

// filipinoMa reports whether "Ma" at rs[start:dot] followed by its dot opens a name
// ("Ma. Cristina Ilagan"): a blank and a capital follow, and no capitalised word comes
// right before it, as a surname's given names would.
func filipinoMa(rs []rune, start, dot int) bool {
	if dot+2 >= len(rs) || rs[dot+1] != ' ' || !unicode.IsUpper(rs[dot+2]) {
		return false
	}
	k := start - 1
	for k >= 0 && rs[k] == ' ' {
		k--
	}
	end := k + 1
	if k >= 0 && rs[k] == '.' {
		end, k = k, k-1 // "Sen. Ma. Corazon": a title's abbreviation
	}
	for k > 0 && isWordRune(rs[k-1]) {
		k--
	}
	if k >= 0 && k < end && isRoleHead(strings.ToLower(string(rs[k:end]))) {
		return true // a title before it: "Sen. Ma. Corazon Villanueva-Abad"
	}
	return k < 0 || !unicode.IsUpper(rs[k]) || start-1 < 0 || rs[start-1] != ' '
}

// dottedSuffix returns the length of a legal suffix written as letters of either case
// joined by dots at rs[i] ("S.p.A.", "S.r.l.", "S.A."), or 0: read letter by letter,
// "S.p.A." would end the name at "S.p".
func dottedSuffix(rs []rune, i int) int {
	j := i
	var letters []rune
	for j+1 < len(rs) && unicode.IsLetter(rs[j]) && rs[j+1] == '.' {
		letters = append(letters, unicode.ToLower(rs[j]))
		j += 2
	}
	if j < len(rs) && unicode.IsLetter(rs[j]) && len(letters) > 0 && (j+1 == len(rs) || !isWordRune(rs[j+1])) {
		letters = append(letters, unicode.ToLower(rs[j])) // "S.p.A" without the last dot
		j++
	}
	// A suffix in lower case ("a.s.", "s.r.o.") only right after a word or its comma:
	// "Vltava Obaly a.s.".
	lowerOK := i >= 2 && rs[i-1] == ' ' && (isWordRune(rs[i-2]) || rs[i-2] == ',') && unicode.IsLower(rs[i]) // "ČD Cargo, a.s." too
	if len(letters) < 2 || !unicode.IsUpper(rs[i]) && !lowerOK || j < len(rs) && isWordRune(rs[j]) ||
		!dottedForm(string(letters)) && !(lowerOK && capsSuffixes[string(rs[i:j])]) { // "e.U.", never "E.U."
		return 0
	}
	return j - i
}

// legalFormAt returns the length of a legal form written with dots at rs[i], spaced
// ("Sp. z o.o.") or not ("S.p.A."), or 0.
func legalFormAt(rs []rune, i int) int {
	if n := spacedSuffix(rs, i); n > 0 {
		return n
	}
	return dottedSuffix(rs, i)
}

// spacedSuffix returns the length of a legal form of several short pieces with dots and
// blanks at rs[i] ("Sp. z o.o.", "spol. s r.o.", "S.A. de C.V."), or 0: read word by
// word, the name would end at "Sp" and leave "z o.o." behind.
func spacedSuffix(rs []rune, i int) int {
	if !dottedStart(rs, i) {
		return 0
	}
	var letters []rune
	end, pieces := 0, 0
	for j := i; j < len(rs) && pieces < 5; {
		k := j
		for k < len(rs) && (unicode.IsLetter(rs[k]) || rs[k] == '.') && k-j < 9 {
			letters = append(letters, unicode.ToLower(rs[k]))
			k++
		}
		if k == j || k < len(rs) && isWordRune(rs[k]) {
			break
		}
		pieces++
		if pieces > 1 && rs[k-1] == '.' && dottedForm(strings.ReplaceAll(string(letters), ".", "")) {
			end = k // the last piece has its dot: "S.A. A fourth firm" is "S.A." and a sentence
		}
		if k >= len(rs) || rs[k] != ' ' {
			break
		}
		j = k + 1
	}
	return end - i
}

// dottedStart reports whether a word starts at rs[i] as a spaced legal form does: up to
// four letters and a dot ("Sp.", "spol.", "S.A.").
func dottedStart(rs []rune, i int) bool {
	if !unicode.IsLetter(rs[i]) || i > 0 && isWordRune(rs[i-1]) {
		return false
	}
	n := i
	for n < len(rs) && n < i+5 && unicode.IsLetter(rs[n]) {
		n++
	}
	return n < len(rs) && rs[n] == '.'
}

// isInitials reports whether s is a capital letter or capitals joined by dots ("U", "U.S").
func isInitials(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if i%2 == 0 && !unicode.IsUpper(r) || i%2 == 1 && r != '.' {
			return false
		}
	}
	return utf8.RuneCountInString(s)%2 == 1
}

// markSentences sets sent on the first word of each sentence, paragraph and quotation.
func markSentences(toks []token) {
	start, para := true, true
	formDot := false // the last word was a legal form with its dot: "… Bank, Ltd. Officials said"
	for i := range toks {
		t := &toks[i]
		switch t.kind {
		case tBreak:
			start, para = true, true
		case tPunct:
			switch t.text {
			case ".", "!", "?", ":", ";":
				start = t.text != ";"
			case "“", "«", "„":
				start = true
			case "\"":
				if t.space {
					start = true
				}
			}
		case tWord:
			t.sent, t.para = start, para
			if formDot && unicode.IsUpper(firstRune(t.text)) && !legalSuffixTok(*t) {
				t.sent = true // the form's dot ended the sentence too
			}
			start, para, formDot = false, false, false
			if t.abbr && !isInitials(strings.TrimSuffix(t.text, ".")) {
				formDot = strings.HasSuffix(t.text, ".") && legalSuffixTok(*t)
				continue
			}
		default:
			formDot = false
		}
	}
}

// fold is app.Fold with a fast path for the plain ASCII words most texts are made of.
func fold(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || c == '`' {
			return app.Fold(s)
		}
	}
	return strings.ToLower(s)
}
