package app

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestFindDuplicatesClasses walks each class of duplicate the rules must find, with
// invented names, and checks the pair is proposed with its reason in words.
func TestFindDuplicatesClasses(t *testing.T) {
	cases := []struct {
		name   string
		a, b   DupActor
		reason string // a part of the explanation
	}{
		{"particle", DupActor{Name: "Karim Tavel al-Oundi", Kind: Person}, DupActor{Name: "Karim Tavel Oundi", Kind: Person}, "apart from a particle"},
		{"case and accents", DupActor{Name: "Lúcia Ferrand", Kind: Person}, DupActor{Name: "LUCIA FERRAND", Kind: Person}, "case and accents aside"},
		{"alias of the other's name", DupActor{Name: "Brenna Holt", Kind: Person, Aliases: []string{"B. Holt"}}, DupActor{Name: "B. Holt", Kind: Person}, "is an alias of"},
		{"shared alias", DupActor{Name: "Vesk Harbour Union", Kind: Organisation, Aliases: []string{"VHU"}}, DupActor{Name: "Harbour Workers of Vesk", Kind: Organisation, Aliases: []string{"VHU"}}, "both go by “VHU”"},
		{"acronym and expansion", DupActor{Name: "United Provinces", Kind: State}, DupActor{Name: "UP", Kind: State}, "initials of"},
		{"dotted acronym", DupActor{Name: "U.P.", Kind: State}, DupActor{Name: "UP", Kind: State}, "same acronym"},
		{"surname only", DupActor{Name: "Oundi", Kind: Person}, DupActor{Name: "Karim Tavel al-Oundi", Kind: Person}, "same surname"},
		{"transliteration", DupActor{Name: "Mohammed Tavel", Kind: Person}, DupActor{Name: "Muhammad Tavel", Kind: Person}, "spelling variants"},
		{"transliteration of a particle name", DupActor{Name: "Oundi", Kind: Person}, DupActor{Name: "al-Oundi", Kind: Person}, "particle"},
	}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			c.a.ID, c.b.ID = int64(2*i+1), int64(2*i+2)
			d := FindDuplicates([]DupActor{c.a, c.b, {ID: 99, Name: "Someone Unrelated", Kind: Person}}, nil)
			if len(d.Pairs) != 1 {
				t.Fatalf("pairs %+v, want one", d.Pairs)
			}
			p := d.Pairs[0]
			if p.A.ID != c.a.ID || p.B.ID != c.b.ID || p.Score < MinDupScore || !strings.Contains(p.Explain(), c.reason) {
				t.Errorf("pair %d-%d score %.2f %q, want %q", p.A.ID, p.B.ID, p.Score, p.Explain(), c.reason)
			}
		})
	}
}

// TestFindDuplicatesNotProposed: different names, a kind that rules out the surname
// rule, and pairs the user said are not the same are never proposed.
func TestFindDuplicatesNotProposed(t *testing.T) {
	actors := []DupActor{
		{ID: 1, Name: "Marta Osk", Kind: Person},
		{ID: 2, Name: "Marten Oskar", Kind: Person},
		{ID: 3, Name: "Osk", Kind: State},           // a state, not a surname
		{ID: 4, Name: "Kari Mota 17", Kind: Person}, // numbered names differ
		{ID: 5, Name: "Kari Mota 18", Kind: Person},
		{ID: 6, Name: "Lenz Barrow", Kind: Person},
		{ID: 7, Name: "Lenz Barrow", Kind: Person}, // same name, but said not the same
	}
	d := FindDuplicates(actors, func(a, b int64) bool { return a == 6 && b == 7 || a == 7 && b == 6 })
	for _, p := range d.Pairs {
		t.Errorf("proposed %s / %s (%s)", p.A.Name, p.B.Name, p.Explain())
	}
}

// TestFindDuplicatesKindsAndOrder: the same kind scores above different kinds, and pairs
// come best first.
func TestFindDuplicatesKindsAndOrder(t *testing.T) {
	d := FindDuplicates([]DupActor{
		{ID: 1, Name: "Norvell", Kind: State},
		{ID: 2, Name: "Norvell", Kind: Party},
		{ID: 3, Name: "Tesmir Group", Kind: Organisation},
		{ID: 4, Name: "Tesmir group", Kind: Organisation},
	}, nil)
	if len(d.Pairs) != 2 || d.Pairs[0].A.ID != 3 || d.Pairs[1].A.ID != 1 || d.Pairs[0].Score <= d.Pairs[1].Score {
		t.Fatalf("pairs %+v", d.Pairs)
	}
	if !strings.Contains(d.Pairs[1].Explain(), "different kinds") {
		t.Errorf("explanation %q does not say the kinds differ", d.Pairs[1].Explain())
	}
}

// TestFindDuplicatesCrowded: a key shared by more actors than can be compared is named,
// not silently dropped.
func TestFindDuplicatesCrowded(t *testing.T) {
	var actors []DupActor
	for i := range maxBlock + 1 {
		actors = append(actors, DupActor{ID: int64(i + 1), Name: "Harlow", Kind: Person})
	}
	d := FindDuplicates(actors, nil)
	if len(d.Crowded) == 0 || !strings.Contains(d.Crowded[0], "harlow") {
		t.Fatalf("crowded %v", d.Crowded)
	}
}

func TestEditDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		d    int
	}{{"", "", 0}, {"mohammed", "muhammad", 2}, {"kitten", "sitting", 3}, {"abc", "", 3}, {"oundi", "oundi", 0}} {
		if got := editDistance(c.a, c.b); got != c.d {
			t.Errorf("editDistance(%q, %q) = %d, want %d", c.a, c.b, got, c.d)
		}
	}
}

// benchActors invents n actors with random names (persons of
// three words, bodies with their acronym as alias, one-word actors), and one in fifty a
// duplicate of the one before it: a particle added, a vowel changed or the surname alone.
func benchActors(n int) []DupActor {
	rng := rand.New(rand.NewPCG(1, 2))
	word := func(int, int) string {
		var b strings.Builder
		for k := range 5 + rng.IntN(5) {
			if k%2 == 0 {
				b.WriteByte("bcdfghjklmnprstvz"[rng.IntN(17)])
			} else {
				b.WriteByte("aeiou"[rng.IntN(5)])
			}
		}
		s := b.String()
		return strings.ToUpper(s[:1]) + s[1:]
	}
	out := make([]DupActor, n)
	for i := range n {
		a := DupActor{ID: int64(i + 1), Kind: Person}
		switch i % 10 {
		case 0:
			a.Name, a.Kind = word(i, 1)+"ov", OtherKind
		case 1, 2:
			a.Name, a.Kind = fmt.Sprintf("%s %s Authority", word(i, 2), word(i, 5)), GovernmentBody
		default:
			a.Name = fmt.Sprintf("%s %s %s", word(i, 3), word(i, 4), word(i, 6))
		}
		if i%50 == 49 {
			prev := out[i-1]
			switch i % 150 {
			case 49:
				a.Name = "al-" + prev.Name
			case 99:
				a.Name = strings.Replace(prev.Name, "a", "e", 1)
			default:
				f := strings.Fields(prev.Name)
				a.Name = f[len(f)-1]
			}
			a.Kind = prev.Kind
		}
		out[i] = a
	}
	return out
}

// BenchmarkFindDuplicates10k: the speed goal is under 1 s for 10,000 actors.
func BenchmarkFindDuplicates10k(b *testing.B) {
	actors := benchActors(10_000)
	b.ResetTimer()
	for b.Loop() {
		d := FindDuplicates(actors, nil)
		b.ReportMetric(float64(len(d.Pairs)), "pairs")
	}
}
