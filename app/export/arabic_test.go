package export

import "testing"

// TestShapeRTL: letters take their joined forms, lam-alef becomes one ligature, the run
// is reversed for a left-to-right drawing, and other text is left alone.
func TestShapeRTL(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Nouri al-Maliki", "Nouri al-Maliki"},
		{"Işıl Пётр", "Işıl Пётр"},
		// كتب: kaf initial, teh medial, beh final; reversed.
		{"كتب", string([]rune{0xFE90, 0xFE98, 0xFEDB})},
		// لا: one lam-alef ligature.
		{"لا", string([]rune{0xFEFB})},
		// دار: dal and alef do not join forward, so all three stand isolated.
		{"دار", string([]rune{0xFEAD, 0xFE8D, 0xFEA9})},
		// Two words keep their order right to left: the second word comes first on the left.
		{"Brigade كتب دار", "Brigade " + string([]rune{0xFEAD, 0xFE8D, 0xFEA9, ' ', 0xFE90, 0xFE98, 0xFEDB})},
	} {
		if got := shapeRTL(c.in); got != c.want {
			t.Errorf("shapeRTL(%q) = %U, want %U", c.in, []rune(got), []rune(c.want))
		}
	}
}

// FuzzShapeRTL: shaping never panics, keeps valid text valid and changes nothing
// without right-to-left letters.
func FuzzShapeRTL(f *testing.F) {
	for _, s := range []string{"", "لا", "كتائب النخيل", "a لَا b", "ل", "ـلـ", "abc"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := shapeRTL(s)
		has := false
		for _, r := range s {
			has = has || rtl(r)
		}
		if !has && out != s {
			t.Fatalf("changed %q to %q", s, out)
		}
	})
}
