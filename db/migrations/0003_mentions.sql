-- Mentions: ambiguity and relinking (issue #4); written by the mention work.
SELECT 1;
