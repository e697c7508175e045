-- Syncing with a team hub (issue 14). A project may sync with several hubs, or several
-- collections of one hub; each pairing is keyed by the hub's URL without its password and
-- the collection's name ("postgres://ayse@host/team#iraq-desk"). No password is ever kept.
CREATE TABLE hub_sync_state (
	hub        TEXT PRIMARY KEY,
	url        TEXT NOT NULL, -- the URL, without a password
	collection TEXT NOT NULL,
	pulled_seq INTEGER NOT NULL DEFAULT 0, -- the hub's change number this project has read up to
	pushed_at  TEXT NOT NULL DEFAULT '', -- when the last changes were sent (the store's clock)
	synced_at  TEXT NOT NULL DEFAULT '', -- when a sync last finished
	sent       INTEGER NOT NULL DEFAULT 0, -- what the last sync sent and received
	received   INTEGER NOT NULL DEFAULT 0
) STRICT;

-- Per record, the version this project and the hub last had in common: the hub's change
-- number and the local `updated` stamp the record had then. A local record whose stamp
-- differs (or that has no row) is a change to send; a hub record with another change
-- number is a change to take. Also who created and last changed it on the hub.
CREATE TABLE hub_sync_records (
	hub        TEXT NOT NULL,
	kind       TEXT NOT NULL, -- actor, article, relation, note
	uuid       TEXT NOT NULL,
	seq        INTEGER NOT NULL,
	updated    TEXT NOT NULL, -- '' when the hub's version is not the local one
	deleted    INTEGER NOT NULL DEFAULT 0,
	created_by TEXT NOT NULL DEFAULT '',
	updated_by TEXT NOT NULL DEFAULT '',
	updated_at TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (hub, kind, uuid)
) STRICT;
CREATE INDEX hub_sync_records_uuid ON hub_sync_records(kind, uuid);
