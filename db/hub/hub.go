// Package hub is the team's shared corpus on PostgreSQL: its schema, its members and
// their grants. The app talks to PostgreSQL directly (pgx); PostgreSQL's own roles and
// row-level security decide who reads and writes which collection.
package hub

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"dossier/app"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// Schema is the PostgreSQL schema that holds a hub; MinServer the oldest PostgreSQL it
// runs on (server_version_num).
const (
	Schema    = "dossier_hub"
	MinServer = 150000
)

// Hub is a connection to a hub's database.
type Hub struct {
	conn *pgx.Conn
}

// Connect opens a connection to the database at url (a postgres:// URL or key=value
// string, TLS and authentication as PostgreSQL and the URL say) and checks the server is
// new enough.
func Connect(ctx context.Context, url string) (*Hub, error) {
	if strings.TrimSpace(url) == "" {
		return nil, app.Errorf(app.EINVALID, "No hub given: pass --url postgres://USER@HOST/DATABASE or set DOSSIER_HUB_URL.")
	}
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		return nil, connectError(err)
	}
	h := &Hub{conn: conn}
	var v int
	if err := conn.QueryRow(ctx, `SELECT current_setting('server_version_num')::int`).Scan(&v); err != nil {
		conn.Close(ctx)
		return nil, err
	}
	if v < MinServer {
		conn.Close(ctx)
		return nil, app.Errorf(app.EINVALID, "The hub needs PostgreSQL 15 or newer; this server is version %d.%d.", v/10000, v%10000)
	}
	return h, nil
}

// connectError says in plain words why the hub could not be reached.
func connectError(err error) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "28P01", "28000":
			return &app.Error{Code: app.EINVALID, Err: err, Message: "The hub refused the user name or password."}
		case "3D000":
			return &app.Error{Code: app.ENOTFOUND, Err: err, Message: "The hub's database does not exist: " + pe.Message + "."}
		}
	}
	return &app.Error{Code: app.ELOCKED, Err: err, Message: "Could not reach the hub: " + err.Error()}
}

// Close closes the connection.
func (h *Hub) Close(ctx context.Context) error { return h.conn.Close(ctx) }

// Ping checks the connection still works: a connection kept between syncs may have
// been cut (the server restarted, the laptop slept, an administrator ended it).
func (h *Hub) Ping(ctx context.Context) error {
	if err := h.conn.Ping(ctx); err != nil {
		return syncError(err, "")
	}
	return nil
}

// initUpTo, set by tests, makes Init stop at that version (0: the newest), to test an
// update from an older hub.
var initUpTo int

// migrations lists the hub's schema versions in order.
func migrations() ([]string, error) {
	names, err := fs.Glob(migrationFiles, "migrations/*.sql")
	sort.Strings(names)
	return names, err
}

// Init creates the hub's schema in the database, or brings an older one up to date, each
// version in its own transaction under an advisory lock, so two inits never interleave.
// It returns the schema version reached.
func (h *Hub) Init(ctx context.Context) (version int, err error) {
	names, err := migrations()
	if err != nil {
		return 0, err
	}
	if initUpTo > 0 && initUpTo < len(names) {
		names = names[:initUpTo]
	}
	tx, err := h.conn.Begin(ctx)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtext('dossier_hub init'))`); err != nil {
		return 0, err
	}
	for _, q := range []string{
		`CREATE SCHEMA IF NOT EXISTS ` + Schema,
		`CREATE TABLE IF NOT EXISTS ` + Schema + `.migrations (version int PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
		`SET LOCAL search_path = ` + Schema + `, public`,
	} {
		if _, err := tx.Exec(ctx, q); err != nil {
			return 0, initError(err)
		}
	}
	if err := tx.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM migrations`).Scan(&version); err != nil {
		return 0, err
	}
	if version > len(names) {
		return version, app.Errorf(app.ETOONEW, "The hub's schema is version %d, newer than this Dossier knows (%d): update Dossier.", version, len(names))
	}
	for i := version; i < len(names); i++ {
		text, err := migrationFiles.ReadFile(names[i])
		if err != nil {
			return version, err
		}
		if _, err := tx.Exec(ctx, string(text)); err != nil {
			return version, initError(fmt.Errorf("%s: %w", names[i], err))
		}
		if _, err := tx.Exec(ctx, `INSERT INTO migrations(version) VALUES ($1)`, i+1); err != nil {
			return version, err
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return version, err
	}
	return len(names), nil
}

// initError says why the schema could not be made.
func initError(err error) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) && pe.Code == "42501" {
		return &app.Error{Code: app.EREADONLY, Err: err, Message: "This user may not create the hub's schema: run init as the database's owner (" + pe.Message + ")."}
	}
	return err
}

// roleName is what add-user accepts as a user name: PostgreSQL role names are
// identifiers, and plain ones keep them easy to type in a URL.
var roleName = regexp.MustCompile(`^[a-z_][a-z0-9_.-]{0,62}$`)

// AddUser creates a member who logs in with name and password. The password is sent
// only as a SCRAM-SHA-256 verifier (see scramVerifier), never as text a server log could
// keep.
func (h *Hub) AddUser(ctx context.Context, name, password string) error {
	if !roleName.MatchString(name) {
		return app.Errorf(app.EINVALID, "“%s” cannot be a hub user name: use lower-case letters, digits, _ . or -, starting with a letter (at most 63).", name)
	}
	if len(password) < 8 {
		return app.Errorf(app.EINVALID, "The password is too short: use at least 8 characters.")
	}
	verifier, err := scramVerifier(password)
	if err != nil {
		return err
	}
	q := fmt.Sprintf(`CREATE ROLE %s LOGIN PASSWORD '%s' IN ROLE dossier_hub_member`, pgx.Identifier{name}.Sanitize(), verifier)
	if _, err := h.conn.Exec(ctx, q); err != nil {
		var pe *pgconn.PgError
		if errors.As(err, &pe) && pe.Code == "42710" {
			return app.Errorf(app.ECONFLICT, "The hub already has a user “%s”.", name)
		}
		return initError(err)
	}
	return nil
}

// Grant lets member read (and, if write, change) collection, creating the collection
// the first time it is named. Granting again changes the right.
func (h *Hub) Grant(ctx context.Context, member, collection string, write bool) error {
	collection = strings.TrimSpace(collection)
	if collection == "" {
		return app.Errorf(app.EINVALID, "Name the collection to grant.")
	}
	var exists bool
	if err := h.conn.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)`, member).Scan(&exists); err != nil {
		return err
	}
	if !exists {
		return app.Errorf(app.ENOTFOUND, "The hub has no user “%s”: add it first with dossier hub add-user.", member)
	}
	_, err := h.conn.Exec(ctx, `WITH c AS (
			INSERT INTO `+Schema+`.collections(name) VALUES ($2) ON CONFLICT (name) DO UPDATE SET name = excluded.name RETURNING id)
		INSERT INTO `+Schema+`.grants(member, collection_id, can_write) SELECT $1, id, $3 FROM c
		ON CONFLICT (member, collection_id) DO UPDATE SET can_write = excluded.can_write`, member, collection, write)
	return initError(err)
}

// Revoke takes member's right to collection away.
func (h *Hub) Revoke(ctx context.Context, member, collection string) error {
	tag, err := h.conn.Exec(ctx, `DELETE FROM `+Schema+`.grants WHERE member = $1
		AND collection_id = (SELECT id FROM `+Schema+`.collections WHERE name = $2)`, member, collection)
	if err != nil {
		return initError(err)
	}
	if tag.RowsAffected() == 0 {
		return app.Errorf(app.ENOTFOUND, "“%s” had no grant on the collection “%s”.", member, collection)
	}
	return nil
}

// ServerVersion is the server's version, as PostgreSQL writes it ("15.8").
func (h *Hub) ServerVersion(ctx context.Context) (string, error) {
	var v string
	err := h.conn.QueryRow(ctx, `SHOW server_version`).Scan(&v)
	if i := strings.IndexByte(v, ' '); i > 0 {
		v = v[:i]
	}
	return v, err
}

// SchemaVersion is the hub schema's version, 0 when init has not run.
func (h *Hub) SchemaVersion(ctx context.Context) (int, error) {
	var s string
	err := h.conn.QueryRow(ctx, `SELECT coalesce((SELECT max(version)::text FROM `+Schema+`.migrations), '0')`).Scan(&s)
	if err != nil {
		var pe *pgconn.PgError
		if errors.As(err, &pe) && pe.Code == "42P01" {
			return 0, nil
		}
		return 0, err
	}
	return strconv.Atoi(s)
}
