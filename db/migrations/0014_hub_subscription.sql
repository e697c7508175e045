-- Subscribing to part of a hub's collection (issue 14): the tags whose articles this
-- project takes, one a line, lower-cased; '' takes the whole collection.
ALTER TABLE hub_sync_state ADD COLUMN only_tags TEXT NOT NULL DEFAULT '';
