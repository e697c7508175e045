package cli

import (
	"context"
	"fmt"
	"os"
	"strings"

	"dossier/app"
	"dossier/app/teamsync"
)

// hubSyncer is what sync needs of the project beyond Store: *db.Store provides it.
type hubSyncer interface {
	teamsync.Local
	HubPlaces(ctx context.Context) ([]app.HubPlace, error)
	SetHubSubscription(ctx context.Context, place app.HubPlace, tags []string) error
	FillSuggestionQueue(ctx context.Context, progress func(done, total int)) error
}

const syncSynopsis = "sync [--db FILE] [--hub URL] [--collection NAME] [--conflicts mine|theirs|both] [--only-tag T]... [--all-tags] [--pull-article UUID] [--json]"

const syncAbout = `Syncs the project with a collection of the team's hub (see dossier hub): the changes
colleagues sent since this project's last sync are taken in, then this project's own
changes are sent. Records are matched by UUID as in dossier merge. A record changed both
here and on the hub since the last sync is a conflict: the sync then stops, lists them and
changes nothing, until --conflicts says which version to keep (mine, theirs, or both:
theirs as a second record beside mine). A record deleted on the hub is deleted here too,
unless it was changed here (a conflict). A sync cut in the middle (the network, a crash)
leaves both sides consistent; the next sync finishes the job.

--hub defaults to $DOSSIER_HUB_URL, then to the hub this project last synced with;
--collection to the one last synced with that hub. The password is never kept in the
project: put it in the URL, in PGPASSFILE (~/.pgpass) or in PGPASSWORD.

--only-tag T (repeatable) subscribes the project to part of the collection: from then on
it takes only the articles tagged T (any case), the relations quoting them, the actors
those relations name and the notes on any of these, and so on at every later sync
(the subscription is kept in the project). Its own changes are still all sent.
--all-tags ends the subscription: the next sync takes the rest of the collection. A
changed subscription reads the collection's changes again from the start, skipping
what the project holds already; nothing held is removed by a narrower one.

--pull-article UUID copies one article of the collection (found with dossier hub search)
into the project, with the relations that quote it and their actors, instead of syncing:
nothing is sent, and the next sync takes the collection's other changes as before.`

func runSync(ctx context.Context, env Env, args []string) (err error) {
	f := newFlags(env, "sync", syncSynopsis, syncAbout).withDB()
	url := f.String("hub", os.Getenv("DOSSIER_HUB_URL"), "the hub's `URL`: postgres://USER@HOST/DATABASE")
	coll := f.String("collection", "", "the `NAME` of the collection to sync with")
	choice := f.String("conflicts", "", "how to settle records changed on both sides: `mine`, theirs or both")
	asJSON := f.Bool("json", false, "print the report as JSON")
	var only tagList
	f.Var(&only, "only-tag", "take only the articles tagged `T` and what they support (repeatable; kept in the project)")
	allTags := f.Bool("all-tags", false, "end a subscription to tags: take the whole collection")
	article := f.String("pull-article", "", "copy only the hub's article `UUID` (and the relations quoting it), sending nothing")
	if _, err := f.parse(args, 0, 0); err != nil {
		return err
	}
	if *allTags && len(only) > 0 {
		return f.usageErr("--all-tags ends a subscription that --only-tag makes: give one or the other")
	}
	conflicts, err := f.conflictChoice(*choice)
	if err != nil {
		return err
	}
	opt := app.HubSyncOptions{Conflicts: conflicts}
	s, err := f.open(ctx)
	if err != nil {
		return err
	}
	defer closeStore(s, &err)
	hs, ok := s.(hubSyncer)
	if !ok {
		return app.Errorf(app.EINTERNAL, "this project store cannot sync with a hub")
	}
	place, err := syncPlace(ctx, hs, *url, *coll)
	if err != nil {
		return err
	}
	if len(only) > 0 || *allTags {
		if err := hs.SetHubSubscription(ctx, place, only); err != nil {
			return err
		}
	}
	connectTo := *url // with its password, if the researcher gave one
	if connectTo == "" {
		connectTo = place.URL
	}
	h, err := openHub(ctx, env, connectTo)
	if err != nil {
		return err
	}
	defer h.Close(context.Background())
	remote, ok := h.(teamsync.Remote)
	if !ok {
		return app.Errorf(app.EINTERNAL, "This build of Dossier cannot sync with a hub.")
	}
	var rep app.HubSyncReport
	if *article != "" {
		rep, err = copyArticle(ctx, hs, h, place, *article, opt)
	} else {
		rep, err = teamsync.Sync(ctx, hs, remote, place, opt)
	}
	if err != nil && !app.IsCode(err, app.ECONFLICT) {
		return err
	}
	if err := printReport(env, *asJSON, rep, err); err != nil {
		return err
	}
	if rep.Received > 0 {
		return hs.FillSuggestionQueue(ctx, nil)
	}
	return nil
}

// syncPlace is the hub and collection a sync uses: as given, else as last used.
func syncPlace(ctx context.Context, hs hubSyncer, url, coll string) (app.HubPlace, error) {
	known, err := hs.HubPlaces(ctx)
	if err != nil {
		return app.HubPlace{}, err
	}
	place := app.HubPlace{URL: app.WithoutPassword(url), Collection: coll}
	for _, k := range known {
		if (place.URL == "" || k.URL == place.URL) && (coll == "" || k.Collection == coll) {
			if place.URL == "" {
				place.URL = k.URL
			}
			if place.Collection == "" {
				place.Collection = k.Collection
			}
			break
		}
	}
	if place.URL == "" {
		return place, app.Errorf(app.EINVALID, "This project has not synced with a hub yet: pass --hub postgres://USER@HOST/DATABASE (or set DOSSIER_HUB_URL) and --collection NAME.")
	}
	if place.Collection == "" {
		return place, app.Errorf(app.EINVALID, "Name the hub's collection to sync with: --collection NAME.")
	}
	return place, nil
}

// copyArticle copies one article of the hub into the project (sync --pull-article).
func copyArticle(ctx context.Context, hs hubSyncer, h HubAdmin, place app.HubPlace, uuid string, opt app.HubSyncOptions) (app.HubSyncReport, error) {
	src, ok := h.(teamsync.ArticleSource)
	if !ok {
		return app.HubSyncReport{}, app.Errorf(app.EINTERNAL, "This build of Dossier cannot copy articles from a hub.")
	}
	return teamsync.CopyArticle(ctx, hs, src, place, uuid, opt)
}

// tagList collects a repeated flag's values.
type tagList []string

func (t *tagList) String() string { return strings.Join(*t, ",") }

// Set adds one value; a blank one is refused, as it would subscribe to nothing.
func (t *tagList) Set(v string) error {
	if strings.TrimSpace(v) == "" {
		return fmt.Errorf("a tag cannot be blank")
	}
	*t = append(*t, v)
	return nil
}
