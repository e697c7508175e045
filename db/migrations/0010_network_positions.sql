-- Where the project network (View ▸ Network) placed each actor and whether the researcher
-- pinned it, so that the picture looks the same the next time (issue 11). An actor that
-- goes takes its place with it.
CREATE TABLE network_positions (
	actor_id INTEGER PRIMARY KEY REFERENCES actors(id) ON DELETE CASCADE,
	x        REAL NOT NULL,
	y        REAL NOT NULL,
	pinned   INTEGER NOT NULL DEFAULT 0
) STRICT;
