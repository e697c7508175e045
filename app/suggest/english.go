package suggest

import (
	_ "embed"
	"strings"
	"sync"
	"unicode/utf8"
)

// englishWordsFile is a general English word list (SCOWL size 50, American and British, lower-case entries
// only; its header names the source and licence). It tells a word shouted in capitals
// ("VERY", "TARIFFS") from an acronym ("NATO"), which no list of the article's own
// lower-case words can when the post uses the word only once.
//
//go:embed englishwords.txt
var englishWordsFile string

var (
	englishOnce sync.Once
	english     map[string]bool
)

// englishWord reports whether w (folded) is an ordinary English word.
func englishWord(w string) bool {
	englishOnce.Do(func() {
		english = make(map[string]bool, 64000)
		for _, line := range strings.Split(englishWordsFile, "\n") {
			if line != "" && line[0] != '#' {
				english[line] = true
			}
		}
	})
	return english[w]
}

// markShouting sets shout on the words a quotation writes in capitals for stress ("Iraq
// is a SOVEREIGN state", "NO MORE American Money", "FRIENDS DON'T FUND WARS"): English
// words of two letters or more in a quotation that also has words in lower case. A word
// the article also writes in capitals outside quotations, a state's form ("US") or an
// actor the app knows ("WHO") is left as it is.
func markShouting(toks []token, spans [][2]int) {
	prose := map[string]bool{}
	for _, t := range toks {
		if t.kind == tWord && !t.quoted && isAllCaps(t.text) {
			prose[t.text] = true
		}
	}
	for _, sp := range spans {
		lower := false
		for _, t := range toks[sp[0]:sp[1]] {
			if t.kind == tWord && hasLetter(t.text) && !isAllCaps(t.text) && utf8.RuneCountInString(t.text) > 1 {
				lower = true
				break
			}
		}
		if !lower {
			continue
		}
		for k := sp[0]; k < sp[1]; k++ {
			if t := &toks[k]; t.kind == tWord && shouted(t.text, t.fold) && !prose[t.text] {
				t.shout = true
			}
		}
	}
}

// wordAcronyms are bodies' acronyms that are also English words: the World Health
// Organization, Immigration and Customs Enforcement, CARE, SWIFT, NICE.
var wordAcronyms = words(`who ice care swift nice`)

// shouted reports whether a word in capitals is an English word, not an acronym or a
// state's form.
func shouted(text, fold string) bool {
	if !isAllCaps(text) || strings.Contains(text, ".") || knownKinds[fold] != "" || wordAcronyms[fold] {
		return false
	}
	if _, ok := countryFormFolded(text, fold); ok {
		return false
	}
	return englishWord(fold) || strings.HasSuffix(fold, "'t") && englishWord(strings.TrimSuffix(fold, "'t")) ||
		strings.HasSuffix(fold, "n't") && englishWord(strings.TrimSuffix(fold, "n't"))
}
