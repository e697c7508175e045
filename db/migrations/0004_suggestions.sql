-- Suggested actors: dismissed names remembered per project (issue #4).
SELECT 1;
