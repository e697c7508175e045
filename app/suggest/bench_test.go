package suggest

import (
	"fmt"
	"strings"
	"testing"

	"github.com/jdkato/prose/v2"

	"dossier/app"
)

// article5KB joins articles of the evaluation set into one text of about 5 KB, the size
// the speed goal names.
func article5KB(b *testing.B) (string, string) {
	set := loadEval(b)
	var body strings.Builder
	for _, a := range set {
		if body.Len() >= 5<<10 {
			break
		}
		body.WriteString(a.body)
		body.WriteString("\n\n")
	}
	return set[0].title, body.String()
}

// BenchmarkExtract5KB times Extract on a 5 KB article, as it runs when an article is
// opened or filed. BenchmarkFold5KB, folding the same text once, is the baseline.
func BenchmarkExtract5KB(b *testing.B) {
	title, body := article5KB(b)
	b.SetBytes(int64(len(body)))
	b.ResetTimer()
	for b.Loop() {
		Extract(title, body, nil)
	}
}

// BenchmarkExtract5KBKnown is Extract with 10,000 known names to leave out (5,000 actors
// with an alias each), passed as a list: the list is folded on every call.
func BenchmarkExtract5KBKnown(b *testing.B) {
	title, body := article5KB(b)
	known := make([]string, 10000)
	for i := range known {
		known[i] = fmt.Sprintf("Known Actor Number %d", i)
	}
	b.SetBytes(int64(len(body)))
	b.ResetTimer()
	for b.Loop() {
		Extract(title, body, known)
	}
}

// BenchmarkFold5KB is the baseline: folding the article's text once.
func BenchmarkFold5KB(b *testing.B) {
	_, body := article5KB(b)
	b.SetBytes(int64(len(body)))
	b.ResetTimer()
	for b.Loop() {
		app.Fold(body)
	}
}

// BenchmarkProse5KB runs prose's tagger and entity extractor on the same text.
func BenchmarkProse5KB(b *testing.B) {
	title, body := article5KB(b)
	model := proseModel(b)
	b.SetBytes(int64(len(body)))
	b.ResetTimer()
	for b.Loop() {
		if _, err := prose.NewDocument(title+"\n\n"+body, prose.UsingModel(model)); err != nil {
			b.Fatal(err)
		}
	}
}
