package views

import "dossier/app"

// articleLayout places the rows of the article list. Sorted by date, the articles whose
// date is unknown form a group of their own at the top, under a header that counts them,
// and the dated ones follow under a header of theirs: an undated article is never silently
// sorted to the bottom of "Newest first". The list stays virtual: a row maps to an offset
// in the store's order (where the undated come last newest first, first oldest first;
// see app.ArticleQuery), so pages are fetched as before.
type articleLayout struct {
	undated, dated int
	sort           app.ArticleSort
}

// grouped reports whether the list shows the two groups with their headers: a date sort
// with at least one undated article.
func (l articleLayout) grouped() bool { return l.sort != app.ByTitle && l.undated > 0 }

// undatedLast reports whether the store lists the undated articles after the dated ones.
func (l articleLayout) undatedLast() bool { return l.sort == app.NewestFirst }

// length is the number of list rows, headers included.
func (l articleLayout) length() int {
	if !l.grouped() {
		return l.undated + l.dated
	}
	n := 1 + l.undated
	if l.dated > 0 {
		n += 1 + l.dated
	}
	return n
}

// at maps list row i to the article's offset in the store's order, or to a header's text.
func (l articleLayout) at(i int) (offset int, header string) {
	if !l.grouped() {
		return i, ""
	}
	switch {
	case i == 0:
		return -1, l.undatedHeader()
	case i <= l.undated:
		if l.undatedLast() {
			return l.dated + i - 1, ""
		}
		return i - 1, ""
	case i == l.undated+1:
		return -1, l.datedHeader()
	}
	k := i - l.undated - 2
	if l.undatedLast() {
		return k, ""
	}
	return l.undated + k, ""
}

// rowOf is the list row of the article at offset in the store's order (at's inverse).
func (l articleLayout) rowOf(offset int) int {
	if !l.grouped() {
		return offset
	}
	undated := offset >= l.dated
	if !l.undatedLast() {
		undated = offset < l.undated
	}
	switch {
	case undated && l.undatedLast():
		return 1 + offset - l.dated
	case undated:
		return 1 + offset
	case l.undatedLast():
		return l.undated + 2 + offset
	}
	return l.undated + 2 + offset - l.undated
}

func (l articleLayout) undatedHeader() string {
	return "Undated — " + dossierCount(l.undated, "article", "articles")
}

func (l articleLayout) datedHeader() string {
	order := "newest first"
	if l.sort == app.OldestFirst {
		order = "oldest first"
	}
	return "Dated — " + dossierCount(l.dated, "article", "articles") + ", " + order
}

// headerHint is the small line under a header.
func (l articleLayout) headerHint(header string) string {
	if header == l.undatedHeader() {
		return "No date was found in these; open one and use Edit to give it its date."
	}
	return ""
}
