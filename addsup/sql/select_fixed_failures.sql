-- The failures of the previous run (first parameter) that the run (second) no longer has,
-- the first ones by key (fourth: how many), each with the count of all of them; the third
-- is the run when what it changed is all that changed since (new_failures).
SELECT check_name AS "check", article, title, subject, severity, message,
       count(*) OVER () AS fixed
FROM new_failures(?, ?, delta := ?)
ORDER BY key
LIMIT ?;
