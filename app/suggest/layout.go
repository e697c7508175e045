package suggest

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"dossier/app"
)

// markLayout sets layout on the words of text (tokenized as toks) that are not running
// prose: the lines of a table (cells split by "|" or tabs), lines written all in capitals
// (a headline, a table's header) and quotations written like a headline or a slogan
// ("Zero Debt. Freedom For Our Streets!", "VAT DUE"). Capitalisation there says nothing
// about names, so a name read there is kept only if running prose names it too.
//
// It returns the texts of the table cells, folded: a run of prose that is one of them is
// one name ("Brothers of Italy" in a LIST column).
func markLayout(text string, toks []token) map[string]bool {
	cellTexts := map[string]bool{}
	var blocks [][2]int // rune ranges of the layout lines
	type cell struct {
		from, to int
		kind     app.ActorKind
	}
	var kindCells []cell
	var header []string // the cells of the current table's first row, folded
	pos := 0
	for i, line := range strings.SplitAfter(text, "\n") {
		if cells, at := tableCells(line); len(cells) > 1 {
			if header == nil {
				header = cells
			} else {
				for _, c := range cells {
					if strings.Contains(c, " ") {
						cellTexts[app.Fold(c)] = true
					}
				}
				for c := range cells {
					if k := columnKinds[header[min(c, len(header)-1)]]; k != "" && c < len(header) {
						kindCells = append(kindCells, cell{pos + at[c][0], pos + at[c][1], k})
					}
				}
			}
		} else {
			header = nil
		}
		n := 0
		for range line {
			n++
		}
		// A byline near the top ("By Hannah Okafor, Frankfurt") names the author and
		// where the article was filed from: no actor.
		if layoutLine(line) || i < maxBylineLines && bylineLine(line) {
			blocks = append(blocks, [2]int{pos, pos + n})
		} else if l := sectionLabel(line); l > 0 {
			blocks = append(blocks, [2]int{pos, pos + l})
		} else if l := itemHeadline(line); l > 0 {
			blocks = append(blocks, [2]int{pos, pos + l})
		}
		pos += n
	}
	b, p := 0, 0
	for i := range toks {
		t := &toks[i]
		for b < len(blocks) && blocks[b][1] <= t.start {
			b++
		}
		if b < len(blocks) && t.start >= blocks[b][0] {
			t.layout = true
		}
		for p < len(kindCells) && kindCells[p].to <= t.start {
			p++
		}
		if p < len(kindCells) && t.start >= kindCells[p].from {
			t.cellKind = kindCells[p].kind
		}
	}
	markSloganQuotes(toks)
	markTags(toks)
	markShouting(toks, markQuoted(toks))
	markFormulas(toks)
	markTickers(toks)
	return cellTexts
}

// markTags sets layout on the words of hashtags and handles ("#ReturnOurResults",
// "@MoEST_NP"): a tag is written to be searched, not a name in running text.
func markTags(toks []token) {
	for i := 1; i < len(toks); i++ {
		if (toks[i-1].text == "#" || toks[i-1].text == "@") && !toks[i].space {
			for j := i; j < len(toks) && (j == i || !toks[j].space); j++ {
				toks[j].layout, toks[j].tag = true, true
			}
		}
	}
}

// markQuoted sets quoted on the words between quotation marks, within a paragraph, and
// returns the quotations' token ranges.
func markQuoted(toks []token) [][2]int {
	var spans [][2]int
	open := -1
	shut := func(i int) {
		if open >= 0 {
			spans = append(spans, [2]int{open, i})
		}
		open = -1
	}
	for i := range toks {
		t := &toks[i]
		switch {
		case t.kind == tBreak:
			shut(i)
		case t.kind == tPunct && (t.text == "“" || t.text == "«"):
			shut(i)
			open = i + 1
		case t.kind == tPunct && (t.text == "”" || t.text == "»"):
			shut(i)
		case t.kind == tPunct && t.text == "\"":
			if open >= 0 {
				shut(i)
			} else {
				open = i + 1
			}
		case t.kind == tWord:
			t.quoted = open >= 0
		}
	}
	shut(len(toks))
	return spans
}

// markFormulas sets formula on the words of a spreadsheet formula ("=SUM(B2:B14)", from
// the "=" to the next blank) and on cell references of a range ("B2:B41"): function names
// and cell codes are not names.
func markFormulas(toks []token) {
	for i := 0; i < len(toks); i++ {
		if toks[i].kind == tPunct && toks[i].text == "=" && i+1 < len(toks) && !toks[i+1].space {
			for k := i + 1; k < len(toks) && (k == i+1 || !toks[k].space) && toks[k].kind != tBreak; k++ {
				toks[k].formula = true
			}
		}
		if toks[i].kind == tPunct && toks[i].text == ":" && i > 0 && i+1 < len(toks) && !toks[i+1].space &&
			!toks[i].space && isCellCode(toks[i-1].text) && isCellCode(toks[i+1].text) {
			toks[i-1].formula, toks[i+1].formula = true, true
		}
	}
}

// markTickers marks the exchange and the symbol of a listed company's ticker in brackets
// after its name, "(NYSE: HLV)", "(Nasdaq: CVLB)", as no names of their own: the symbol
// is the company's alias (tickerAt), the exchange only where it is listed.
func markTickers(toks []token) {
	for i := range toks {
		if _, close, ok := tickerSpan(toks, i); ok {
			for k := i + 1; k < close; k++ {
				toks[k].formula = true
			}
		}
	}
}

// tickerAt returns the symbol of a ticker "(EXCHANGE: SYMBOL)" opening at toks[k].
func tickerAt(toks []token, k int) (string, bool) {
	sym, _, ok := tickerSpan(toks, k)
	return sym, ok
}

// tickerSpan returns the symbol of a ticker "(EXCHANGE: SYMBOL)" opening at toks[k] and
// the index of its closing bracket. A symbol is capitals or digits, with a market's
// suffix after a dot ("NCAL.CA", "6289.T") or a share class after a blank ("KVARN B").
func tickerSpan(toks []token, k int) (string, int, bool) {
	if k+4 >= len(toks) || toks[k].text != "(" || toks[k+2].text != ":" || !exchanges[toks[k+1].fold] ||
		toks[k+3].kind != tWord || !isAllCaps(toks[k+3].text) && !stockNumber(toks[k+3].text) {
		return "", 0, false
	}
	sym, j := toks[k+3].text, k+4
	switch {
	case j+2 < len(toks) && toks[j].text == "." && !toks[j+1].space && toks[j+1].kind == tWord && isAllCaps(toks[j+1].text):
		sym, j = sym+"."+toks[j+1].text, j+2
	case j+1 < len(toks) && toks[j].kind == tWord && utf8.RuneCountInString(toks[j].text) == 1 && isAllCaps(toks[j].text):
		sym, j = sym+" "+toks[j].text, j+1
	}
	if j >= len(toks) || toks[j].text != ")" {
		return "", 0, false
	}
	return sym, j, true
}

// stockNumber reports whether s is a ticker of digits, as Asian exchanges give them:
// "(TWSE: 2418)", "(HKEX: 0700)".
func stockNumber(s string) bool {
	return len(s) >= 4 && len(s) <= 6 && strings.Trim(s, "0123456789") == ""
}

// exchanges are the stock exchanges that open a ticker in brackets.
var exchanges = words(`nyse nasdaq amex lse lon tsx tsxv asx hkex hkse sgx jse nse bse tse tyo krx kosdaq
	kase bist xetra etr fra euronext epa ams bme bit six swx otc otcqx otcmkts tadawul adx dfm qe
	ngx ngse egx ase dse cse psx idx set bursa pse hose hnx zse nzx
	twse tpex sse szse shse`)

// isCellCode reports whether s is a spreadsheet cell: capitals then digits ("B2", "AA14").
func isCellCode(s string) bool {
	i := 0
	for i < len(s) && s[i] >= 'A' && s[i] <= 'Z' {
		i++
	}
	j := i
	for j < len(s) && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	return i >= 1 && i <= 3 && j > i && j == len(s)
}

// columnKinds are the table headers that say what kind of actor their cells name.
var columnKinds = map[string]app.ActorKind{
	"party": app.Party, "parties": app.Party, "list": app.Party, "team": app.Organisation, "club": app.Organisation,
	"company": app.Organisation, "firm": app.Organisation, "airline": app.Organisation,
	"vendor": app.Organisation, "bank": app.Organisation, "candidate": app.Person,
	"player": app.Person, "athlete": app.Person, "rider": app.Person, "driver": app.Person,
	"runner": app.Person, "cyclist": app.Person, "skater": app.Person, "swimmer": app.Person,
	"winner": app.Person, "nominee": app.Person, "member": app.Person, "mp": app.Person,
	"coach": app.Person, "manager": app.Person, "author": app.Person, "name": app.Person,
	"players": app.Person, "riders": app.Person, "drivers": app.Person, "candidates": app.Person,
	"teams": app.Organisation, "clubs": app.Organisation, "companies": app.Organisation,
	"operator": app.Organisation, "carrier": app.Organisation, "sponsor": app.Organisation,
	"outlet": app.Media, "broadcaster": app.Media, "publisher": app.Media,
}

// alignedColumns rewrites the rows of a table whose columns are aligned with blanks
// ("Ada Lind      Green Union      4,210") as rows split by "|", keeping every rune's
// offset: a gap of two blanks or more between cells becomes "| " or " | ". Such a row is
// a line with a gap of three blanks or more, or with two gaps of two blanks or more; the
// names in its cells are then read as a table's, not glued into one run of prose.
func alignedColumns(text string) string {
	if !strings.Contains(text, "  ") {
		return text
	}
	var b strings.Builder
	b.Grow(len(text))
	for _, line := range strings.SplitAfter(text, "\n") {
		if !alignedRow(line) {
			b.WriteString(line)
			continue
		}
		lead := len(line) - len(strings.TrimLeft(line, " "))
		b.WriteString(line[:lead])
		rest := line[lead:]
		for {
			i := strings.Index(rest, "  ")
			if i < 0 {
				b.WriteString(rest)
				break
			}
			j := i
			for j < len(rest) && rest[j] == ' ' {
				j++
			}
			b.WriteString(rest[:i])
			if j == len(rest) || rest[j] == '\n' || rest[j] == '\r' {
				b.WriteString(rest[i:])
				break
			}
			if j-i == 2 {
				b.WriteString("| ")
			} else {
				b.WriteString(" |" + strings.Repeat(" ", j-i-2))
			}
			rest = rest[j:]
		}
	}
	return b.String()
}

// alignedRow reports whether line is a row of a table aligned with blanks: a gap of
// three blanks or more between words, or two gaps of two blanks or more. A line holding
// "|" or a tab is left to tableCells.
func alignedRow(line string) bool {
	l := strings.TrimSpace(line)
	if strings.ContainsAny(l, "|\t") {
		return false
	}
	gaps := 0
	for i := 0; i < len(l); {
		if l[i] != ' ' || i+1 >= len(l) || l[i+1] != ' ' {
			i++
			continue
		}
		j := i
		for j < len(l) && l[j] == ' ' {
			j++
		}
		if j-i >= 3 {
			return true
		}
		gaps++
		i = j
	}
	return gaps >= 2
}

// tableCells splits a table row on "|" (or tabs) into its cells, folded and trimmed, with
// the rune range of each in the line; nil for a line that is no table row.
func tableCells(line string) ([]string, [][2]int) {
	sep := '|'
	if !strings.ContainsRune(line, '|') {
		if !strings.ContainsRune(strings.TrimSpace(line), '\t') {
			return nil, nil
		}
		sep = '\t'
	}
	var cells []string
	var at [][2]int
	start, n := 0, 0
	var b strings.Builder
	flush := func(end int) {
		cells = append(cells, strings.ToLower(strings.TrimSpace(b.String())))
		at = append(at, [2]int{start, end})
		b.Reset()
	}
	for _, r := range line {
		if r == sep {
			flush(n)
			start = n + 1
		} else if r != '\n' {
			b.WriteRune(r)
		}
		n++
	}
	flush(n)
	return cells, at
}

// layoutLine reports whether a line is a table row or written all in capitals.
func layoutLine(line string) bool {
	if strings.Count(line, "|") >= 1 || strings.Count(strings.TrimSpace(line), "\t") >= 1 {
		return true
	}
	letters, upper, words := 0, 0, len(strings.Fields(line))
	for _, r := range line {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	// A headline, a table's header, or a dateline on a line of its own ("BAGHDAD").
	return words >= 1 && letters >= 4 && upper == letters || titleCaseLine(line)
}

// sectionLabel returns the length in runes of a label in capitals that opens a line
// and ends in a colon ("EVACUATIONS:", "PHOTO:", a transcript's "QUINTERO:") or a digest's
// slug (see slugLabel), 0 if there is none: a label is layout, a name in it counts only if
// the prose writes it too.
func sectionLabel(line string) int {
	if n := colonLabel(line); n > 0 {
		return n
	}
	return slugLabel(line)
}

// colonLabel returns the length in runes of a label in capitals that opens a line and
// ends in a colon, 0 if there is none.
func colonLabel(line string) int {
	colon := strings.IndexByte(line, ':')
	if colon <= 0 || colon > 40 {
		return 0
	}
	head := line[:colon]
	words, letters := 0, 0
	for _, w := range strings.Fields(head) {
		words++
		for _, r := range w {
			if unicode.IsLower(r) {
				return 0
			}
			if unicode.IsLetter(r) {
				letters++
			}
		}
	}
	if words == 0 || words > 4 || letters < 2 {
		return 0
	}
	return utf8.RuneCountInString(line[:colon+1])
}

// slugLabel returns the length in runes of a digest item's slug in capitals, one to six
// words ending in a full stop, that opens a line after its bullet or its date and dash
// ("• GHOST SUPPLIERS. Reporters traced…", "MON 3 NOV — SINJAR. Turkey's ministry…",
// "OUTLOOK. Talks will…"): a place or a section, 0 if there is none.
func slugLabel(line string) int {
	trimmed := strings.TrimLeft(line, " \t•*-")
	trimmed = strings.TrimLeft(trimmed[len(datePrefix(trimmed)):], " ")
	head, _, found := strings.Cut(trimmed, ". ")
	if !found || len(head) > 60 {
		return 0
	}
	words := strings.Fields(head)
	if len(words) < 1 || len(words) > 6 || len(words) == 1 && utf8.RuneCountInString(words[0]) < 2 {
		return 0
	}
	for _, w := range words {
		if !strings.ContainsFunc(w, unicode.IsUpper) {
			return 0 // "LAGOS - NNPC.": a dateline's dash
		}
		for _, r := range w {
			if !unicode.IsUpper(r) && r != '\'' && r != '-' && r != '&' {
				return 0 // lower case, a dateline's dash, an abbreviation's dot: not a slug
			}
		}
	}
	return utf8.RuneCountInString(line[:len(line)-len(trimmed)+len(head)+1])
}

// datePrefix returns the date and dash that open a digest's entry ("MON 3 NOV — "):
// words in capitals and numbers, a digit among them, then an em or en dash; "" if none.
// A city's dateline ("LAGOS — ") holds no digit.
func datePrefix(line string) string {
	for _, dash := range []string{" — ", " – "} {
		before, _, ok := strings.Cut(line, dash)
		if !ok || len(before) > 24 || !strings.ContainsFunc(before, unicode.IsDigit) {
			continue
		}
		if strings.IndexFunc(before, func(r rune) bool { return !unicode.IsUpper(r) && !unicode.IsDigit(r) && r != ' ' && r != '.' }) < 0 {
			return line[:len(before)+len(dash)]
		}
	}
	return ""
}

// itemHeadline returns the length in runes of a digest item's headline in Title Case
// before its dash ("• Uruguay Names New Central Bank Chief — President…"), 0 if the
// line opens with none: the headline is layout, as a headline on its own line is.
func itemHeadline(line string) int {
	trimmed := strings.TrimLeft(line, " \t")
	rest, ok := strings.CutPrefix(trimmed, "•")
	if !ok {
		if rest, ok = strings.CutPrefix(trimmed, "- "); !ok {
			rest, ok = strings.CutPrefix(trimmed, "* ")
		}
	}
	if !ok {
		return 0
	}
	head, _, found := strings.Cut(rest, " — ")
	if !found {
		head, _, found = strings.Cut(rest, " – ")
	}
	if !found || !titleCaseLine(head) {
		return 0
	}
	return utf8.RuneCountInString(line[:len(line)-len(rest)+len(head)])
}

// titleCaseLine reports whether a line is a headline in Title Case on its own line, as
// a digest's items or a live blog's entries open: three to sixteen words, each word of
// letters capitalised but the short function words, and no sentence's end after it
// ("Norway Fines Salmon Farmer Over Mass Escape").
func titleCaseLine(line string) bool {
	line = strings.TrimSpace(line)
	words := strings.Fields(line)
	last, _ := utf8.DecodeLastRuneInString(line)
	if len(words) < 3 || len(words) > 16 || strings.ContainsRune(".,;:!?\"”)", last) {
		return false
	}
	capital := 0
	for i, w := range words {
		r := []rune(w)[0]
		switch {
		case unicode.IsUpper(r):
			capital++
		case unicode.IsLower(r) && (i == 0 || !headlineSmallWords[strings.ToLower(w)]):
			return false
		}
	}
	return capital >= 3
}

// headlineSmallWords stay in lower case in a Title Case headline.
var headlineSmallWords = words(`a an the of in on at to for and or but nor with by from over after as vs via per into`)

// markSloganQuotes sets layout on the words of a quotation of two words or more, nearly
// all of them capitalised: a slogan, a headline or a cell's text quoted, not a sentence.
func markSloganQuotes(toks []token) {
	open := -1
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch {
		case t.kind == tBreak:
			open = -1
		case t.kind == tPunct && (t.text == "“" || t.text == "\"" && open < 0):
			open = i
		case t.kind == tPunct && open >= 0 && (t.text == "”" || t.text == "\""):
			if sloganWords(toks[open+1 : i]) {
				for k := open + 1; k < i; k++ {
					toks[k].layout = true
				}
			} else {
				sloganSentences(toks, open+1, i)
			}
			open = -1
		}
	}
}

// sloganSentences marks the sentences of a quotation toks[from:to] written like a
// headline, four words or more: "We blocked 4 million messages. The Regulator Ignored
// Every One Of Them."
func sloganSentences(toks []token, from, to int) {
	start := from
	for k := from; k <= to; k++ {
		if k < to && !(toks[k].kind == tPunct && (toks[k].text == "." || toks[k].text == "!" || toks[k].text == "?")) {
			continue
		}
		part := toks[start:k]
		n := 0
		for _, t := range part {
			if t.kind == tWord {
				n++
			}
		}
		if n >= 4 && sloganWords(part) {
			for j := start; j < k; j++ {
				toks[j].layout, toks[j].tag = true, true
			}
		}
		start = k + 1
	}
}

// sloganWords reports whether at least four in five words of toks, and two or more,
// start with a capital letter.
func sloganWords(toks []token) bool {
	n, caps := 0, 0
	for _, t := range toks {
		if t.kind != tWord || !hasLetter(t.text) {
			continue
		}
		n++
		if unicode.IsUpper(firstRune(t.text)) {
			caps++
		}
	}
	return n >= 2 && caps*5 >= n*4
}

// bylineLine reports whether a line is a byline: "By A. Writer, City".
func bylineLine(line string) bool {
	l := strings.TrimSpace(line)
	return len(l) > 3 && len(l) < 160 && strings.EqualFold(l[:3], "by ")
}
