package cli

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"strings"

	"dossier/app"
)

// HubAdmin is what the hub commands need of a hub (db/hub provides it).
type HubAdmin interface {
	Init(ctx context.Context) (int, error)
	AddUser(ctx context.Context, name, password string) error
	Grant(ctx context.Context, member, collection string, write bool) error
	Revoke(ctx context.Context, member, collection string) error
	ServerVersion(ctx context.Context) (string, error)
	Close(ctx context.Context) error
}

const hubAbout = `Sets up and manages the team's hub: a PostgreSQL database (version 15 or newer) that
holds the corpus a team shares. Subcommands:
  init       create the hub's schema in an existing database, or update it
  add-user   add a researcher who logs in with a password
  grant      let a researcher read, or read and write, a collection
  revoke     take that right away
  history    list the changes to a collection's actors and relations
  revert     undo one of them
  search     search the hub's articles (as a member)
Each takes --url postgres://USER@HOST/DATABASE (or DOSSIER_HUB_URL): search as a member,
the others as a user allowed to create schemas and roles, usually the database's owner.
TLS and authentication are PostgreSQL's own: add ?sslmode=verify-full to the URL to insist
on a checked certificate.`

func runHub(ctx context.Context, env Env, args []string) error {
	return runGroup(ctx, env, "hub", "hub init|add-user|grant|revoke|history|revert|search --url URL [flags]", hubAbout,
		[]subcommand{{"init", runHubInit}, {"add-user", runHubAddUser}, {"grant", runHubGrant}, {"revoke", runHubRevoke},
			{"history", runHubHistory}, {"revert", runHubRevert}, {"search", runHubSearch}}, args)
}

// hubFlags are the flags every hub command takes.
func hubFlags(env Env, name, synopsis, about string) (*flags, *string) {
	f := newFlags(env, name, synopsis, about)
	url := f.String("url", os.Getenv("DOSSIER_HUB_URL"), "the hub's `URL`: postgres://USER@HOST/DATABASE (default $DOSSIER_HUB_URL)")
	return f, url
}

// openHub connects to the hub at url.
func openHub(ctx context.Context, env Env, url string) (HubAdmin, error) {
	if env.Hub == nil {
		return nil, app.Errorf(app.EINTERNAL, "This build of Dossier cannot reach a hub.")
	}
	return env.Hub(ctx, url)
}

func runHubInit(ctx context.Context, env Env, args []string) (err error) {
	f, url := hubFlags(env, "hub init", "hub init --url URL", `Creates the hub's tables, roles and access rules in the database at URL, or brings an
older hub up to date; running it again changes nothing. Members can then be added with
dossier hub add-user and given collections with dossier hub grant.`)
	if _, err := f.parse(args, 0, 0); err != nil {
		return err
	}
	h, err := openHub(ctx, env, *url)
	if err != nil {
		return err
	}
	defer h.Close(context.Background())
	v, err := h.Init(ctx)
	if err != nil {
		return err
	}
	sv, err := h.ServerVersion(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "hub ready: schema version %d on PostgreSQL %s\n", v, sv)
	return nil
}

func runHubAddUser(ctx context.Context, env Env, args []string) (err error) {
	f, url := hubFlags(env, "hub add-user", "hub add-user --url URL --name NAME [--password-file FILE]", `Adds a researcher to the hub, who logs in as NAME with a password. The password is read
from the first line of standard input (or of --password-file), never from the command line
where other users of the machine could see it; it reaches PostgreSQL only as a SCRAM-SHA-256
verifier. The new user reads nothing until granted a collection (dossier hub grant).`)
	name := f.String("name", "", "the user's `NAME`: lower-case letters, digits, _ . -")
	pwFile := f.String("password-file", "", "read the password from the first line of `FILE`")
	if _, err := f.parse(args, 0, 0); err != nil {
		return err
	}
	if err := f.required("name"); err != nil {
		return err
	}
	pw, err := readPassword(env, *pwFile)
	if err != nil {
		return err
	}
	h, err := openHub(ctx, env, *url)
	if err != nil {
		return err
	}
	defer h.Close(context.Background())
	if err := h.AddUser(ctx, *name, pw); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "added hub user %s\n", *name)
	return nil
}

// readPassword reads the first line of file, or of standard input when file is "".
func readPassword(env Env, file string) (string, error) {
	in := env.Stdin
	if file != "" {
		fh, err := os.Open(file)
		if err != nil {
			return "", app.Errorf(app.EINVALID, "Cannot read the password file: %v.", err)
		}
		defer fh.Close()
		in = fh
	}
	if in == nil {
		return "", app.Errorf(app.EINVALID, "Give the password on standard input or with --password-file.")
	}
	line, err := bufio.NewReader(in).ReadString('\n')
	line = strings.TrimRight(line, "\r\n")
	if line == "" {
		if err != nil && err.Error() != "EOF" {
			return "", err
		}
		return "", app.Errorf(app.EINVALID, "No password given: write it as the first line of standard input or of --password-file.")
	}
	return line, nil
}

func runHubGrant(ctx context.Context, env Env, args []string) (err error) {
	f, url := hubFlags(env, "hub grant", "hub grant --url URL --user NAME --collection NAME [--read-only]", `Lets a hub user read and write a collection (made the first time it is named), or only
read it with --read-only. Granting again changes the right. PostgreSQL enforces it: a user
reads no record of a collection it was not granted, whatever program it uses.`)
	user := f.String("user", "", "the hub user's `NAME`")
	coll := f.String("collection", "", "the collection's `NAME`")
	readOnly := f.Bool("read-only", false, "grant reading only")
	if _, err := f.parse(args, 0, 0); err != nil {
		return err
	}
	if err := f.required("user", "collection"); err != nil {
		return err
	}
	h, err := openHub(ctx, env, *url)
	if err != nil {
		return err
	}
	defer h.Close(context.Background())
	if err := h.Grant(ctx, *user, *coll, !*readOnly); err != nil {
		return err
	}
	right := "read and write"
	if *readOnly {
		right = "read"
	}
	fmt.Fprintf(env.Stdout, "%s may now %s the collection %s\n", *user, right, shown(*coll))
	return nil
}

func runHubRevoke(ctx context.Context, env Env, args []string) (err error) {
	f, url := hubFlags(env, "hub revoke", "hub revoke --url URL --user NAME --collection NAME", `Takes a hub user's right to a collection away; from its next query on it reads nothing of it.`)
	user := f.String("user", "", "the hub user's `NAME`")
	coll := f.String("collection", "", "the collection's `NAME`")
	if _, err := f.parse(args, 0, 0); err != nil {
		return err
	}
	if err := f.required("user", "collection"); err != nil {
		return err
	}
	h, err := openHub(ctx, env, *url)
	if err != nil {
		return err
	}
	defer h.Close(context.Background())
	if err := h.Revoke(ctx, *user, *coll); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%s may no longer read the collection %s\n", *user, shown(*coll))
	return nil
}
