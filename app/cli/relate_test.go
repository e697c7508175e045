package cli_test

import (
	"context"
	"strings"
	"testing"

	"dossier/app"
	"dossier/db"
)

// reportProject is a project with Trump, Iraq and two invented articles of 28 Jan 2026
// that report what was said the day before.
func reportProject(t *testing.T) *project {
	p := newProject(t)
	p.must("actor", "add", "--name", "Donald Trump", "--kind", "person", "--alias", "Trump")
	p.must("actor", "add", "--name", "Iraq", "--kind", "country")
	ctx := context.Background()
	s, err := db.Open(ctx, p.db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, a := range []app.Article{
		{Title: "Washington warns Baghdad over premier", Date: "2026-01-28", Source: "Test Wire",
			Body: "The president said on Jan. 27 that aid to Iraq would stop if parliament chose his rival."},
		{Title: "Baghdad shrugs off warning", Date: "2026-01-29", Source: "Other Wire",
			Body: "Officials answered that aid to Iraq would stop anyway."},
		{Title: "Élections à Bagdad reportées", Date: "2026-01-30", Source: "Test Wire", Body: "Le vote est reporté."},
	} {
		if _, err := s.CreateArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	return p
}

func TestRelateWithArticleNeedsTheEventDate(t *testing.T) {
	p := reportProject(t)
	r := p.run("relate", "--from", "Trump", "--type", "threatens", "--to", "Iraq",
		"--article", "#1", "--quote", "aid to Iraq would stop")
	if r.code != 2 || r.out != "" {
		t.Fatalf("exit %d, stdout %q: a relation was filed without its date", r.code, r.out)
	}
	for _, want := range []string{"--date is required with --article", "is dated 28 Jan 2026, the day it was reported",
		"2026-01-27 (“on Jan. 27”)", "--undated"} {
		if !strings.Contains(r.errOut, want) {
			t.Errorf("stderr %q does not say %q", r.errOut, want)
		}
	}
	if out := p.must("list", "relations"); strings.Contains(out, "#1") {
		t.Fatalf("something was filed: %q", out)
	}
	// --undated is the explicit choice, and the line says the date is unknown.
	out := p.must("relate", "--from", "Trump", "--type", "threatens", "--to", "Iraq", "--article", "#1", "--undated")
	if out != "related #1: Donald Trump threatens Iraq (date unknown)\n" {
		t.Errorf("relate printed %q", out)
	}
	// Both at once cannot be meant.
	if r := p.run("relate", "--from", "Trump", "--type", "threatens", "--to", "Iraq", "--date", "2026-01-27", "--undated"); r.code != 2 ||
		!strings.Contains(r.errOut, "--undated says the date is not known") {
		t.Errorf("--date with --undated: exit %d, %q", r.code, r.errOut)
	}
	// The event's date is stored as given, never the article's.
	p.must("relate", "--from", "Trump", "--type", "criticises", "--to", "Iraq", "--article", "#1", "--date", "2026-01-27")
	s, err := db.Open(context.Background(), p.db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	r2, err := s.Relation(context.Background(), 2)
	if err != nil || r2.Start != "2026-01-27" || r2.Evidence[0].ArticleDate != "2026-01-28" {
		t.Fatalf("stored %+v %v", r2, err)
	}
}

func TestRelateAddsEvidenceToTheSameRelation(t *testing.T) {
	p := reportProject(t)
	first := []string{"relate", "--from", "Trump", "--type", "threatens", "--to", "Iraq", "--date", "2026-01-27",
		"--article", "Washington warns", "--quote", "aid to Iraq would stop"}
	if out := p.must(first...); out != "related #1: Donald Trump threatens Iraq (27 Jan 2026)\n" {
		t.Fatalf("relate printed %q", out)
	}
	// A second article reports the same threat, dated by month: evidence, not a twin.
	out := p.must("relate", "--from", "Donald Trump", "--type", "threatens", "--to", "Iraq", "--date", "2026-01",
		"--article", "shrugs off", "--quote", "aid to Iraq would stop")
	if out != "added evidence to relation #1: Donald Trump threatens Iraq (27 Jan 2026)\n" {
		t.Errorf("second relate printed %q", out)
	}
	// A retry of the first command adds nothing and says so.
	if out := p.must(first...); out != "already recorded: relation #1 has this article and quote: Donald Trump threatens Iraq (27 Jan 2026)\n" {
		t.Errorf("retry printed %q", out)
	}
	list := p.must("list", "relations")
	if strings.Count(list, "threatens") != 1 {
		t.Fatalf("twin relations listed:\n%s", list)
	}
	// --new files a separate one on purpose.
	if out := p.must(append(first, "--new")...); out != "related #2: Donald Trump threatens Iraq (27 Jan 2026)\n" {
		t.Errorf("--new printed %q", out)
	}
	// Another day is another fact.
	out = p.must("relate", "--from", "Trump", "--type", "threatens", "--to", "Iraq", "--date", "2026-01-29",
		"--article", "#2", "--quote", "aid to Iraq would stop")
	if !strings.HasPrefix(out, "related #3: ") {
		t.Errorf("another day printed %q", out)
	}
}

func TestRelateArticleByPartOfTitle(t *testing.T) {
	p := reportProject(t)
	for _, tc := range []struct {
		ref  string
		code int
		want string // in stdout when 0, in stderr otherwise
	}{
		{"Washington warns Baghdad over premier", 0, "related #"}, // exact title
		{"#2", 0, "related #"},                 // id
		{"elections a bagdad", 0, "related #"}, // part, accents and case folded
		{"baghdad", 1, "“baghdad” is in the titles of 2 articles: #1 Washington warns Baghdad over premier (28 Jan 2026); #2 Baghdad shrugs off warning (29 Jan 2026)"},
		{"no such words", 1, "No article has the title or id “no such words”"},
	} {
		r := p.run("relate", "--from", "Trump", "--type", "threatens", "--to", "Iraq", "--undated", "--new", "--article", tc.ref)
		got := r.out
		if tc.code != 0 {
			got = r.errOut
		}
		if r.code != tc.code || !strings.Contains(got, tc.want) {
			t.Errorf("--article %q: exit %d, out %q, err %q; want %d and %q", tc.ref, r.code, r.out, r.errOut, tc.code, tc.want)
		}
	}
	// The suggest command takes the same references.
	if r := p.run("suggest", "--article", "shrugs"); r.code != 0 {
		t.Errorf("suggest --article shrugs: exit %d, %q", r.code, r.errOut)
	}
}

func TestActorAddRefusesATwin(t *testing.T) {
	p := newProject(t)
	add := []string{"actor", "add", "--name", "Nouri al-Maliki", "--kind", "person", "--alias", "Maliki"}
	if out := p.must(add...); out != "added actor #1 Nouri al-Maliki (person)\n" {
		t.Fatalf("actor add printed %q", out)
	}
	for _, args := range [][]string{
		add, // a script that retries
		{"actor", "add", "--name", "MALIKI", "--kind", "person"},
		{"actor", "add", "--name", "N. al-Máliki", "--alias", "nouri al-maliki"},
	} {
		r := p.run(args...)
		if r.code != 1 || r.out != "" || !strings.Contains(r.errOut, "Nouri al-Maliki (#1, person)") || !strings.Contains(r.errOut, "--force") {
			t.Errorf("%q: exit %d, out %q, err %q", args, r.code, r.out, r.errOut)
		}
	}
	if out := p.must("list", "actors"); strings.Count(out, "\n") != 1 {
		t.Fatalf("actors after the retries:\n%s", out)
	}
	// --force adds a namesake on purpose, and may come before the subcommand.
	if out := p.must("actor", "--force", "add", "--name", "Maliki", "--kind", "party"); !strings.HasPrefix(out, "added actor #2 Maliki") {
		t.Errorf("--force printed %q", out)
	}
}

func TestExportKeepsEventAndReportDatesApart(t *testing.T) {
	p := reportProject(t)
	p.must("relate", "--from", "Trump", "--type", "threatens", "--to", "Iraq", "--date", "2026-01-27", "--article", "#1", "--quote", "aid to Iraq would stop")
	p.must("relate", "--from", "Trump", "--type", "criticises", "--to", "Iraq", "--undated", "--article", "#2")
	recs := readCSV(t, p.must("export", "dossier", "--actor", "Trump"))
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	got := map[string][2]string{}
	for _, r := range recs[1:] {
		if r[col["kind"]] == "relation" {
			got[r[col["relation"]]] = [2]string{r[col["date"]], r[col["article_date"]]}
		}
	}
	if got["threatens"] != [2]string{"2026-01-27", "2026-01-28"} || got["criticises"] != [2]string{"", "2026-01-29"} {
		t.Errorf("dossier CSV (date, article_date) by relation: %v", got)
	}
	recs = readCSV(t, p.must("export", "relations"))
	for i, h := range recs[0] {
		col[h] = i
	}
	if len(recs) != 3 || recs[1][col["start"]] != "2026-01-27" || recs[1][col["article_date"]] != "2026-01-28" ||
		recs[2][col["start"]] != "" || recs[2][col["article_date"]] != "2026-01-29" {
		t.Errorf("relations CSV: %q", recs)
	}
}
