package app

import (
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Fold returns s lower-cased with diacritics removed, for matching names and aliases:
// "Ferrández" and "FERRANDEZ" fold to the same text.
func Fold(s string) string {
	if isASCII(s) {
		return strings.ToLower(strings.Map(foldRune, s))
	}
	t := folders.Get().(transform.Transformer)
	defer folders.Put(t)
	t.Reset()
	out, _, err := transform.String(t, s)
	if err != nil {
		out = s
	}
	out = strings.Map(foldRune, out)
	return strings.ToLower(out)
}

// folders pools the diacritic-removing transformers: building one costs far more than
// folding a name with it.
var folders = sync.Pool{New: func() any {
	return transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
}}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// foldRune maps the letters NFD does not decompose, and typographic variants, to plain ones.
func foldRune(r rune) rune {
	switch r {
	case 'ı':
		return 'i'
	case 'ø', 'Ø':
		return 'o'
	case 'ł', 'Ł':
		return 'l'
	case 'đ', 'Đ':
		return 'd'
	case '’', '‘', 'ʼ', '`':
		return '\''
	case '‐', '‑', '–', '—':
		return '-'
	}
	return r
}

// ContentHash is the hash of an article body used to detect the same article filed twice:
// it ignores case, diacritics, punctuation and spacing, so a re-saved copy still matches.
//
// It hashes the folded words, each followed by a space, as they are found: a 20 MB body
// would otherwise cost a slice of millions of words and two more copies of itself.
func ContentHash(body string) string {
	h := sha256.New()
	buf := make([]byte, 0, 32<<10)
	folded := Fold(body)
	word := -1 // where the word being read starts, if one is
	for i, r := range folded {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if word < 0 {
				word = i
			}
			continue
		}
		if word >= 0 {
			buf = hashWord(h, buf, folded[word:i])
			word = -1
		}
	}
	if word >= 0 {
		buf = hashWord(h, buf, folded[word:])
	}
	h.Write(buf)
	return hex.EncodeToString(h.Sum(nil))
}

// hashWord adds w and a space to buf, handing buf to h whenever it is full.
func hashWord(h hash.Hash, buf []byte, w string) []byte {
	if len(buf)+len(w)+1 > cap(buf) {
		h.Write(buf)
		buf = buf[:0]
		if len(w)+1 > cap(buf) {
			h.Write([]byte(w))
			w = ""
		}
	}
	buf = append(buf, w...)
	return append(buf, ' ')
}

// CanonicalURL returns the URL in the form used to spot the same article saved twice:
// scheme and host lower-cased, no fragment, no trailing slash, no tracking parameters.
func CanonicalURL(u string) string {
	if i := strings.IndexByte(u, '#'); i >= 0 {
		u = u[:i]
	}
	u = strings.TrimSpace(u) // after the fragment goes, so "a #b" loses its space too
	if u == "" {
		return ""
	}
	scheme, rest, ok := strings.Cut(u, "://")
	if !ok {
		return strings.TrimRight(u, "/") // all of them, so that the result is its own canonical form
	}
	// The host ends at the path or, in "example.com?id=3", at the query.
	host, path := rest, ""
	if i := strings.IndexAny(rest, "/?"); i >= 0 {
		host, path = rest[:i], strings.TrimPrefix(rest[i:], "/")
	}
	host = strings.TrimPrefix(strings.ToLower(host), "www.")
	path, query, _ := strings.Cut(path, "?")
	var keep []string
	for _, kv := range strings.Split(query, "&") {
		k, _, _ := strings.Cut(kv, "=")
		if kv == "" || strings.HasPrefix(k, "utm_") || k == "fbclid" || k == "gclid" {
			continue
		}
		keep = append(keep, kv)
	}
	s := strings.ToLower(scheme)
	if s == "http" {
		s = "https" // the same page served both ways is the same article
	}
	// Trim the path's slash only: in "?next=/" the slash belongs to the query.
	out := strings.TrimSuffix(s+"://"+host+"/"+strings.TrimRight(path, "/"), "/")
	if len(keep) > 0 {
		out += "?" + strings.Join(keep, "&")
	}
	return out
}
