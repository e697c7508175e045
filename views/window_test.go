package views

import "testing"

func TestKeepNearBoundsCachedPages(t *testing.T) {
	pages := map[int][]int{}
	for p := 0; p < 50; p++ {
		pages[p] = []int{p}
		keepNear(pages, p)
		if len(pages) > maxPages {
			t.Fatalf("after page %d: %d pages cached", p, len(pages))
		}
		if _, ok := pages[p]; !ok {
			t.Fatalf("page %d, just loaded, was dropped", p)
		}
	}
	if _, ok := pages[0]; ok {
		t.Fatal("the page farthest away was kept")
	}
}
