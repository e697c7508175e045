package cli

import (
	"context"
	"fmt"
	"strings"

	"dossier/app"
)

const actorSynopsis = "actor add [--db FILE] --name NAME [--kind KIND] [--alias ALIAS]... [--description TEXT] [--tag TAG]... [--force]"

func runActor(ctx context.Context, env Env, args []string) error {
	return runGroup(ctx, env, "actor", "actor add [--db FILE] --name NAME [flags]",
		"Records actors. Subcommands:\n  add       record a new actor (dossier actor add --help)\n  merge     merge one actor into another, undoably\n  unmerge   undo a merge\n  not-same  say two actors are different, so they are never proposed as duplicates",
		[]subcommand{{"add", runActorAdd}, {"merge", runActorMerge}, {"unmerge", runActorUnmerge}, {"not-same", runActorNotSame}}, args)
}

func runActorAdd(ctx context.Context, env Env, args []string) (err error) {
	var kinds []string
	for _, k := range app.ActorKinds {
		kinds = append(kinds, string(k))
	}
	f := newFlags(env, "actor add", actorSynopsis, `Records a new actor: a person, party, state, group… that articles speak of. Articles
already filed that name it, or one of its aliases, are linked to it at once.

A name or alias that an actor already goes by (compared as mentions are matched: case and
accents aside) is refused, naming that actor, so a script run twice adds each actor once;
--force adds the actor anyway, for two people who share a name.`).withDB()
	name := f.String("name", "", "the actor's `NAME` as the dossier shows it")
	kind := f.String("kind", "", "what the actor is: `KIND` is one of "+strings.Join(kinds, ", ")+" (default other)")
	desc := f.String("description", "", "one line saying who the actor is (`TEXT`)")
	var aliases, tags listFlag
	f.Var(&aliases, "alias", "another `NAME` the actor goes by; repeat for several")
	f.Var(&tags, "tag", "a `TAG` to file the actor under; repeat for several")
	force := f.Bool("force", false, "add the actor even when another already goes by one of its names")
	if _, err := f.parse(args, 0, 0); err != nil {
		return err
	}
	if err := f.required("name"); err != nil {
		return err
	}
	k, err := app.ParseKind(*kind)
	if err != nil {
		return flagError("kind", err)
	}
	s, err := f.open(ctx)
	if err != nil {
		return err
	}
	defer closeStore(s, &err)
	create := s.CreateNewActor
	if *force {
		create = s.CreateActor
	}
	a, err := create(ctx, app.Actor{Name: *name, Kind: k, Description: *desc, Aliases: aliases, Tags: tags})
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "added actor #%d %s (%s)\n", a.ID, shown(a.Name), a.Kind.Label())
	return nil
}
