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
"27 Jan 2026". A quote must come with the article it is taken from.`

// relateFlags holds the values of relate's flags.
type relateFlags struct {
	from, typ, to, date, end, article, quote, confidence, modality, speaker, note *string
}

func runRelate(ctx context.Context, env Env, args []string) (err error) {
	f := newFlags(env, "relate", "relate [--db FILE] --from ACTOR --type TYPE --to ACTOR [--date DATE] [--end DATE] [--article TITLE_OR_ID] [--quote TEXT] [--confidence LEVEL] [--modality M] [--speaker ACTOR] [--note TEXT]", relateAbout).withDB()
	v := relateFlags{
		from:       f.String("from", "", "the `ACTOR` who acts"),
		typ:        f.String("type", "", "the relation `TYPE`"),
		to:         f.String("to", "", "the `ACTOR` acted upon"),
		date:       f.String("date", "", "when it happened or began (`DATE`)"),
		end:        f.String("end", "", "when it ended (`DATE`), for a lasting relation"),
		article:    f.String("article", "", "the article that reports it: its exact `TITLE`, #id or UUID"),
		quote:      f.String("quote", "", "the passage of the article that supports it (`TEXT`)"),
		confidence: f.String("confidence", "", "`LEVEL`: "+strings.Join(app.Confidences, ", ")+" (default reported)"),
		modality:   f.String("modality", "", "`M`: "+strings.Join(app.Modalities, ", ")+" (default asserted)"),
		speaker:    f.String("speaker", "", "the `ACTOR` who asserts it, when not the outlet itself"),
		note:       f.String("note", "", "a note on the relation (`TEXT`)"),
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
	if err := resolveRelation(ctx, s, v, &r); err != nil {
		return err
	}
	r, err = s.CreateRelation(ctx, r)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "related #%d: %s\n", r.ID, relationLine(r))
	return nil
}

// resolveRelation turns the names given on the command line into the ids r needs.
func resolveRelation(ctx context.Context, s Store, v relateFlags, r *app.Relation) error {
	for _, side := range []struct {
		flag, name string
		id         *int64
	}{{"from", *v.from, &r.SourceID}, {"to", *v.to, &r.TargetID}, {"speaker", *v.speaker, &r.SpeakerID}} {
		if strings.TrimSpace(side.name) == "" {
			continue
		}
		a, err := s.FindActor(ctx, side.name)
		if err != nil {
			return flagError(side.flag, err)
		}
		*side.id = a.ID
	}
	t, err := s.RelationType(ctx, strings.TrimSpace(*v.typ))
	if err != nil {
		return flagError("type", err)
	}
	r.Type = t.Key
	if ref := strings.TrimSpace(*v.article); ref != "" {
		a, err := s.ArticleByRef(ctx, articleRef(ref))
		if err != nil {
			return flagError("article", err)
		}
		r.Evidence = []app.Evidence{{ArticleID: a.ID, Quote: *v.quote, Start: -1, End: -1}}
	}
	return nil
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

// articleRef lets --article take "#12", the form the lists print, as well as "12".
func articleRef(ref string) string {
	if id, ok := strings.CutPrefix(ref, "#"); ok && id != "" && strings.Trim(id, "0123456789") == "" {
		return id
	}
	return ref
}
