-- Passes, failures, skips, errors and warnings of a run, and its reviewed false alarms, which
-- are not counted as failures (reviewed_findings).
WITH alarms AS (
    SELECT check_name, subject FROM reviewed_findings($1, NULL, 0, 0)
    WHERE review = 'false-alarm'
)
SELECT count(*) FILTER (WHERE status = 'pass'),
       count(*) FILTER (WHERE status = 'fail' AND a.subject IS NULL),
       count(*) FILTER (WHERE status = 'skip'),
       count(*) FILTER (WHERE status = 'fail' AND severity = 'error' AND a.subject IS NULL),
       count(*) FILTER (WHERE status = 'fail' AND severity = 'warning' AND a.subject IS NULL),
       count(a.subject)
FROM run_findings AS f
LEFT JOIN alarms AS a USING (check_name, subject)
WHERE f.for_run = $1;
