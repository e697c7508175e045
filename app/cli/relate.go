package cli

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"dossier/app"
)

const relateAbout = `Records that one actor did something to another: "Donald Trump threatens Iraq".
Actors are named by name, alias or #id; an unknown or ambiguous name is refused with the
actors it could mean. TYPE is a relation type's key or wording ("threatens",
"member_of", "is a member of"). Dates may be partial: 2026, 2026-01, 2026-01-27,
"27 Jan 2026". A quote must come with the article it is taken from.

The date is the event's, not the article's: with --article, give --date (the error lists
the dates the quote and its paragraph mention, and the day the article reported it) or
--undated when the date is not known. A relation already recorded (same actors, type,
modality and speaker, overlapping dates; either way round for an undirected type) is not
filed twice: the article and quote are added to it as further evidence ("added evidence to
relation #2"), or reported as already recorded. --new files a separate relation anyway.`

// relateFlags holds the values of relate's flags.
type relateFlags struct {
	from, typ, to, date, end, article, quote, confidence, modality, speaker, note *string
	undated, separate                                                             *bool
}

func runRelate(ctx context.Context, env Env, args []string) (err error) {
	f := newFlags(env, "relate", "relate [--db FILE] --from ACTOR --type TYPE --to ACTOR [--date DATE | --undated] [--end DATE] [--article TITLE_OR_ID] [--quote TEXT] [--confidence LEVEL] [--modality M] [--speaker ACTOR] [--note TEXT] [--new]", relateAbout).withDB()
	v := relateFlags{
		from:       f.String("from", "", "the `ACTOR` who acts"),
		typ:        f.String("type", "", "the relation `TYPE`"),
		to:         f.String("to", "", "the `ACTOR` acted upon"),
		date:       f.String("date", "", "when it happened or began (`DATE`)"),
		end:        f.String("end", "", "when it ended (`DATE`), for a lasting relation"),
		article:    f.String("article", "", "the article that reports it: its #id, UUID, `TITLE` or a part of the title no other has"),
		quote:      f.String("quote", "", "the passage of the article that supports it (`TEXT`)"),
		confidence: f.String("confidence", "", "`LEVEL`: "+strings.Join(app.Confidences, ", ")+" (default reported)"),
		modality:   f.String("modality", "", "`M`: "+strings.Join(app.Modalities, ", ")+" (default asserted)"),
		speaker:    f.String("speaker", "", "the `ACTOR` who asserts it, when not the outlet itself"),
		note:       f.String("note", "", "a note on the relation (`TEXT`)"),
		undated:    f.Bool("undated", false, "file the relation without a date: when it happened is not known"),
		separate:   f.Bool("new", false, "file a separate relation even when the same one is already recorded"),
	}
	if _, err := f.parse(args, 0, 0); err != nil {
		return err
	}
	if err := f.required("from", "type", "to"); err != nil {
		return err
	}
	if strings.TrimSpace(*v.quote) != "" && strings.TrimSpace(*v.article) == "" {
		return f.usageErr("--quote needs --article, the article the quote is taken from")
	}
	if *v.undated && (strings.TrimSpace(*v.date) != "" || strings.TrimSpace(*v.end) != "") {
		return f.usageErr("--undated says the date is not known; leave out --date and --end, or --undated")
	}
	r := app.Relation{Confidence: *v.confidence, Modality: *v.modality, Note: *v.note}
	// Dates are checked before the project is opened: a typo costs nothing.
	if r.Start, err = app.ParseDate(*v.date); err != nil {
		return flagError("date", err)
	}
	if r.End, err = app.ParseDate(*v.end); err != nil {
		return flagError("end", err)
	}
	r.Normalize()
	if err := checkChoice("confidence", r.Confidence, app.Confidences); err != nil {
		return err
	}
	if err := checkChoice("modality", r.Modality, app.Modalities); err != nil {
		return err
	}
	s, err := f.open(ctx)
	if err != nil {
		return err
	}
	defer closeStore(s, &err)
	art, err := resolveRelation(ctx, s, v, &r)
	if err != nil {
		return err
	}
	if r.Start == "" && r.End == "" && art.ID != 0 && !*v.undated {
		return f.usageErr("%s", missingDate(art, *v.quote))
	}
	filed, err := s.FileRelation(ctx, r, *v.separate)
	if err != nil {
		return err
	}
	line := shown(relationLine(filed.Relation))
	if filed.Relation.Start == "" && filed.Relation.End == "" {
		line += " (date unknown)"
	}
	if filed.Existing {
		fmt.Fprintf(env.Stdout, "%s: %s\n", filed.Summary(), line)
		return nil
	}
	fmt.Fprintf(env.Stdout, "related #%d: %s\n", filed.Relation.ID, line)
	return nil
}

// missingDate refuses to file a relation from an article without saying when it
// happened, listing the dates the quote and its paragraph give and the article's own
// date, which is when it was reported: copying that in silence would date the event wrongly.
func missingDate(a app.Article, quote string) string {
	msg := "--date is required with --article: the date is the event's, which need not be the article's"
	if a.Date == "" {
		msg += fmt.Sprintf(" (“%s” is undated)", a.Title)
	} else {
		msg += fmt.Sprintf(" (“%s” is dated %s, the day it was reported)", a.Title, a.Date.Human())
	}
	choices, cut := app.EventDateChoices(quote, a.Body, a.Date, 5)
	var found []string
	for _, c := range choices {
		if c.Where == app.ReportedOn {
			continue
		}
		f := fmt.Sprintf("%s (“%s”", string(c.Date), c.Phrase)
		if c.Reported {
			f += ", the article's date"
		}
		found = append(found, f+")")
	}
	if len(found) > 0 {
		msg += ". Dates in the quote and its paragraph: " + strings.Join(found, ", ")
		if cut > 0 {
			msg += fmt.Sprintf(" and %d more", cut)
		}
	}
	return msg + ". Give --date DATE, or --undated when it is not known"
}

// resolveRelation turns the names given on the command line into the ids r needs, and
// returns the article named by --article (ID 0 when none).
func resolveRelation(ctx context.Context, s Store, v relateFlags, r *app.Relation) (app.Article, error) {
	for _, side := range []struct {
		flag, name string
		id         *int64
	}{{"from", *v.from, &r.SourceID}, {"to", *v.to, &r.TargetID}, {"speaker", *v.speaker, &r.SpeakerID}} {
		if strings.TrimSpace(side.name) == "" {
			continue
		}
		a, err := s.FindActor(ctx, side.name)
		if err != nil {
			return app.Article{}, flagError(side.flag, err)
		}
		*side.id = a.ID
	}
	t, err := s.RelationType(ctx, strings.TrimSpace(*v.typ))
	if err != nil {
		return app.Article{}, flagError("type", err)
	}
	r.Type = t.Key
	var a app.Article
	if ref := strings.TrimSpace(*v.article); ref != "" {
		if a, err = findArticle(ctx, s, ref); err != nil {
			return a, err
		}
		r.Evidence = []app.Evidence{{ArticleID: a.ID, Quote: *v.quote, Start: -1, End: -1}}
	}
	return a, nil
}

// relationLine is a relation as a sentence: "Donald Trump threatens Iraq (27 Jan 2026)".
func relationLine(r app.Relation) string {
	label := r.TypeLabel
	if label == "" {
		label = r.Type
	}
	s := r.SourceName + " " + label + " " + r.TargetName
	if r.Modality != "" && r.Modality != app.Asserted {
		s += " [" + r.Modality + "]"
	}
	if d := app.Range(r.Start, r.End); d != "" {
		s += " (" + d + ")"
	}
	return s
}

// checkChoice refuses a value that is not one of choices, naming the flag.
func checkChoice(flag, value string, choices []string) error {
	if slices.Contains(choices, value) {
		return nil
	}
	return app.Errorf(app.EINVALID, "--%s: “%s” is not one of %s.", flag, value, strings.Join(choices, ", "))
}
