package mention

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// A generator of news-like text and of a large project's actors, for the benchmarks and
// the large differential tests: sentences start with capitals, carry datelines, quotes,
// possessives, numbers, weekdays and months, and name actors in the ways papers do
// (full name, surname, possessive, acronym, "al-" variants, capitals in headlines).

// newsActor is one generated actor: its name and aliases.
type newsActor struct {
	id    int64
	names []string
}

var (
	newsSyllables = strings.Fields("ka ri mo ta la sen dor vi na lu bek har zan ol mir tes qua fen ul ron sa be di go pe")
	newsAccented  = strings.Fields("é ü ı ğ ç ö á ñ ø")
	newsCommon    = strings.Fields("the of and to in a said that for on was with as by at from it is were had have " +
		"government minister talks party election vote council security statement officials week country " +
		"parliament support pressure after before during under against between over their its his her new " +
		"would could not also but which who when where while about more than two three former spokesman " +
		"agreement ceasefire forces troops border region capital province opposition coalition leaders")
	newsCapitals = strings.Fields("Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March " +
		"April May June July August September October November December President Minister General " +
		"Reuters Parliament Council Ministry Government Army Police Europe Africa Asia Gulf Sea River")
	newsDatelines = strings.Fields("BAGHDAD BEIRUT ANKARA CAIRO GENEVA NAIROBI KYIV BOGOTA MANILA")
)

// newsWord returns a made-up capitalised word of two or three syllables, sometimes with a
// letter outside ASCII.
func newsWord(r *rand.Rand) string {
	var b strings.Builder
	for range 2 + r.IntN(2) {
		b.WriteString(newsSyllables[r.IntN(len(newsSyllables))])
		if r.IntN(25) == 0 {
			b.WriteString(newsAccented[r.IntN(len(newsAccented))])
		}
	}
	w := []rune(b.String())
	return strings.ToUpper(string(w[:1])) + string(w[1:])
}

// newsActors returns n actors: people (some with an "al-" name, most also known by their
// surname), organisations known by an acronym, and states known by a short name.
func newsActors(n int, seed uint64) []newsActor {
	r := rand.New(rand.NewPCG(seed, 1))
	out := make([]newsActor, n)
	seen := map[string]bool{}
	for i := range out {
		a := newsActor{id: int64(i + 1)}
		for len(a.names) == 0 || seen[a.names[0]] {
			a.names = a.names[:0]
			switch k := r.IntN(20); {
			case k < 12: // a person
				first, last := newsWord(r), newsWord(r)
				if r.IntN(5) == 0 {
					last = "al-" + last
				}
				a.names = append(a.names, first+" "+last)
				if r.IntN(3) > 0 {
					a.names = append(a.names, last)
				}
			case k < 17: // an organisation
				w1, w2 := newsWord(r), newsWord(r)
				kinds := []string{"Party", "Movement", "Front", "Bank", "Holdings", "Brigades"}
				a.names = append(a.names, w1+" "+w2+" "+kinds[r.IntN(len(kinds))])
				acr := strings.ToUpper(w1[:1] + w2[:1] + string(rune('A'+r.IntN(26))))
				if r.IntN(2) == 0 {
					acr += string(rune('A' + r.IntN(26)))
				}
				a.names = append(a.names, acr)
			default: // a state
				w := newsWord(r)
				a.names = append(a.names, "Republic of "+w, w)
			}
		}
		seen[a.names[0]] = true
		out[i] = a
	}
	return out
}

// newsPatterns returns the patterns of the actors, as a project's aliases table holds them.
func newsPatterns(actors []newsActor) []Pattern {
	var out []Pattern
	for _, a := range actors {
		for _, n := range a.names {
			out = append(out, Pattern{ActorID: a.id, Text: n})
		}
	}
	return out
}

// newsArticle writes one article of about size bytes naming some of the actors.
func newsArticle(r *rand.Rand, actors []newsActor, size int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s — ", newsDatelines[r.IntN(len(newsDatelines))])
	for b.Len() < size {
		n := 8 + r.IntN(18)
		quoted := r.IntN(6) == 0
		if quoted {
			b.WriteString("“")
		}
		for w := range n {
			var word string
			switch k := r.IntN(100); {
			case k < 4:
				word = newsMention(r, actors[r.IntN(len(actors))])
			case k < 12:
				word = newsCapitals[r.IntN(len(newsCapitals))]
			case k < 15:
				word = fmt.Sprint(r.IntN(2000))
			case k < 18:
				word = newsWord(r)
			default:
				word = newsCommon[r.IntN(len(newsCommon))]
			}
			if w == 0 {
				rs := []rune(word)
				word = strings.ToUpper(string(rs[:1])) + string(rs[1:])
			}
			b.WriteString(word)
			switch k := r.IntN(30); {
			case w == n-1:
			case k == 0:
				b.WriteString(",")
			case k == 1:
				b.WriteString(" (")
				b.WriteString(newsCommon[r.IntN(len(newsCommon))])
				b.WriteString(")")
			}
			if w < n-1 {
				b.WriteString(" ")
			}
		}
		b.WriteString(".")
		if quoted {
			b.WriteString("”")
		}
		if r.IntN(5) == 0 {
			b.WriteString("\n\n")
		} else {
			b.WriteString(" ")
		}
	}
	return b.String()
}

// newsMention writes one of an actor's names the way a paper might.
func newsMention(r *rand.Rand, a newsActor) string {
	name := a.names[r.IntN(len(a.names))]
	switch r.IntN(12) {
	case 0:
		return name + "’s"
	case 1:
		return name + "'s"
	case 2:
		return strings.ToUpper(name)
	case 3:
		return strings.Replace(name, "al-", "Al-", 1)
	case 4:
		return strings.Replace(name, "al-", "al ", 1)
	}
	return name
}

// newsCorpus returns articles of about articleSize bytes, about total bytes in all.
func newsCorpus(actors []newsActor, total, articleSize int, seed uint64) []string {
	r := rand.New(rand.NewPCG(seed, 2))
	var out []string
	for n := 0; n < total; {
		a := newsArticle(r, actors, articleSize)
		out = append(out, a)
		n += len(a)
	}
	return out
}
