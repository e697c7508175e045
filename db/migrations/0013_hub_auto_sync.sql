-- Automatic sync with a team hub (issue 14): whether the window syncs with this hub and
-- collection on its own once connected; on unless the researcher turned it off
-- (File ▸ Team ▸ Sync automatically).
ALTER TABLE hub_sync_state ADD COLUMN auto_sync INTEGER NOT NULL DEFAULT 1;
