-- The failures of the previous run (first parameter) that the run (second) no longer has,
-- the first ones by key (third: how many), each with the count of all of them.
SELECT check_name AS "check", article, title, subject, severity, message,
       count(*) OVER () AS fixed
FROM new_failures(?, ?)
ORDER BY key
LIMIT ?;
