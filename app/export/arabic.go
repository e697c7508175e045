package export

// The PDF library draws glyphs one after another, left to right, without shaping: Arabic
// would come out as isolated letters in reverse order. shapeRTL does the two things a
// name needs: it picks each letter's contextual form from Unicode's Arabic Presentation
// Forms-B (which the embedded DejaVu Sans has), with the lam-alef ligatures, and it
// reverses each right-to-left run into visual order. Browsers do this themselves, so the
// HTML briefing keeps the text as stored.

// arabicForms gives a letter's isolated, final, initial and medial forms; a right-joining
// letter (alef, dal, reh, waw…) has no initial or medial form (0).
var arabicForms = map[rune][4]rune{
	0x0621: {0xFE80, 0, 0, 0},
	0x0622: {0xFE81, 0xFE82, 0, 0}, 0x0623: {0xFE83, 0xFE84, 0, 0}, 0x0624: {0xFE85, 0xFE86, 0, 0},
	0x0625: {0xFE87, 0xFE88, 0, 0}, 0x0626: {0xFE89, 0xFE8A, 0xFE8B, 0xFE8C}, 0x0627: {0xFE8D, 0xFE8E, 0, 0},
	0x0628: {0xFE8F, 0xFE90, 0xFE91, 0xFE92}, 0x0629: {0xFE93, 0xFE94, 0, 0}, 0x062A: {0xFE95, 0xFE96, 0xFE97, 0xFE98},
	0x062B: {0xFE99, 0xFE9A, 0xFE9B, 0xFE9C}, 0x062C: {0xFE9D, 0xFE9E, 0xFE9F, 0xFEA0}, 0x062D: {0xFEA1, 0xFEA2, 0xFEA3, 0xFEA4},
	0x062E: {0xFEA5, 0xFEA6, 0xFEA7, 0xFEA8}, 0x062F: {0xFEA9, 0xFEAA, 0, 0}, 0x0630: {0xFEAB, 0xFEAC, 0, 0},
	0x0631: {0xFEAD, 0xFEAE, 0, 0}, 0x0632: {0xFEAF, 0xFEB0, 0, 0}, 0x0633: {0xFEB1, 0xFEB2, 0xFEB3, 0xFEB4},
	0x0634: {0xFEB5, 0xFEB6, 0xFEB7, 0xFEB8}, 0x0635: {0xFEB9, 0xFEBA, 0xFEBB, 0xFEBC}, 0x0636: {0xFEBD, 0xFEBE, 0xFEBF, 0xFEC0},
	0x0637: {0xFEC1, 0xFEC2, 0xFEC3, 0xFEC4}, 0x0638: {0xFEC5, 0xFEC6, 0xFEC7, 0xFEC8}, 0x0639: {0xFEC9, 0xFECA, 0xFECB, 0xFECC},
	0x063A: {0xFECD, 0xFECE, 0xFECF, 0xFED0}, 0x0641: {0xFED1, 0xFED2, 0xFED3, 0xFED4}, 0x0642: {0xFED5, 0xFED6, 0xFED7, 0xFED8},
	0x0643: {0xFED9, 0xFEDA, 0xFEDB, 0xFEDC}, 0x0644: {0xFEDD, 0xFEDE, 0xFEDF, 0xFEE0}, 0x0645: {0xFEE1, 0xFEE2, 0xFEE3, 0xFEE4},
	0x0646: {0xFEE5, 0xFEE6, 0xFEE7, 0xFEE8}, 0x0647: {0xFEE9, 0xFEEA, 0xFEEB, 0xFEEC}, 0x0648: {0xFEED, 0xFEEE, 0, 0},
	0x0649: {0xFEEF, 0xFEF0, 0, 0}, 0x064A: {0xFEF1, 0xFEF2, 0xFEF3, 0xFEF4},
}

// lamAlef gives the isolated and final ligature of lam with each alef.
var lamAlef = map[rune][2]rune{0x0622: {0xFEF5, 0xFEF6}, 0x0623: {0xFEF7, 0xFEF8}, 0x0625: {0xFEF9, 0xFEFA}, 0x0627: {0xFEFB, 0xFEFC}}

const tatweel = 0x0640

// transparent marks (harakat) sit on a letter and do not break its joining.
func transparent(r rune) bool { return r >= 0x064B && r <= 0x065F || r == 0x0670 }

// joinsNext reports whether r connects to the letter after it.
func joinsNext(r rune) bool {
	if r == tatweel {
		return true
	}
	f, ok := arabicForms[r]
	return ok && f[2] != 0
}

// joinsPrev reports whether r connects to the letter before it.
func joinsPrev(r rune) bool {
	if r == tatweel {
		return true
	}
	f, ok := arabicForms[r]
	return ok && f[1] != 0
}

// neighbour returns the nearest letter from i in direction step, skipping marks; 0 if none.
func neighbour(rs []rune, i, step int) rune {
	for j := i + step; j >= 0 && j < len(rs); j += step {
		if !transparent(rs[j]) {
			return rs[j]
		}
	}
	return 0
}

// shapeArabic replaces Arabic letters by their contextual presentation forms.
func shapeArabic(rs []rune) []rune {
	out := make([]rune, 0, len(rs))
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		f, ok := arabicForms[r]
		if !ok {
			out = append(out, r)
			continue
		}
		prev, next := neighbour(rs, i, -1), neighbour(rs, i, 1)
		joinPrev := joinsNext(prev) && joinsPrev(r)
		if r == 0x0644 {
			if lig, ok := lamAlef[next]; ok {
				if joinPrev {
					out = append(out, lig[1])
				} else {
					out = append(out, lig[0])
				}
				for i++; i < len(rs) && rs[i] != next; i++ {
					out = append(out, rs[i]) // marks between lam and alef stay
				}
				continue
			}
		}
		joinNext := joinsNext(r) && joinsPrev(next)
		switch {
		case joinPrev && joinNext:
			out = append(out, f[3])
		case joinPrev:
			out = append(out, f[1])
		case joinNext:
			out = append(out, f[2])
		default:
			out = append(out, f[0])
		}
	}
	return out
}

// rtl reports whether r is written right to left (Arabic and Hebrew letters and forms).
func rtl(r rune) bool {
	return r >= 0x0590 && r <= 0x08FF || r >= 0xFB1D && r <= 0xFDFF || r >= 0xFE70 && r <= 0xFEFF
}

// neutral characters (spaces, punctuation) take the direction of a run they sit inside.
func neutral(r rune) bool {
	return r == ' ' || r == '-' || r == '.' || r == ',' || r == '\'' || r == '"' || r == '(' || r == ')'
}

// shapeRTL returns s ready for a left-to-right drawing library: Arabic shaped and each
// right-to-left run (with the spaces and punctuation inside it) in visual order. Text
// without right-to-left letters comes back unchanged.
func shapeRTL(s string) string {
	has := false
	for _, r := range s {
		if rtl(r) {
			has = true
			break
		}
	}
	if !has {
		return s
	}
	rs := shapeArabic([]rune(s))
	for i := 0; i < len(rs); {
		if !rtl(rs[i]) {
			i++
			continue
		}
		j := i + 1
		end := j // one past the last right-to-left letter of the run
		for ; j < len(rs) && (rtl(rs[j]) || neutral(rs[j]) || transparent(rs[j])); j++ {
			if rtl(rs[j]) {
				end = j + 1
			}
		}
		for a, b := i, end-1; a < b; a, b = a+1, b-1 {
			rs[a], rs[b] = rs[b], rs[a]
		}
		i = end
	}
	return string(rs)
}
