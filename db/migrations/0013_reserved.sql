-- Reserved: the number of the hubauto branch's migration, made in parallel. This file
-- only keeps the numbers in sequence on the hubsearch branch; the merge replaces it with
-- that migration.
SELECT 1;
