-- The runs a retention prune may delete: neither among the last ? runs nor started in the
-- last ? days, not running, and not holding the findings of a run that is kept (a run that
-- found nothing new points to the run that holds its findings: runs.unchanged_since).
WITH ranked AS (
    SELECT run_id, status, started_at, unchanged_since,
           row_number() OVER (ORDER BY started_at DESC, run_id DESC) AS newest
    FROM runs
),
kept AS (
    SELECT run_id, unchanged_since
    FROM ranked
    WHERE newest <= ?
       OR started_at >= now()::TIMESTAMP - to_days(CAST(? AS INTEGER))
       OR status = 'running'
)
SELECT run_id
FROM ranked
WHERE run_id NOT IN (SELECT run_id FROM kept)
  AND run_id NOT IN (SELECT unchanged_since FROM kept WHERE unchanged_since IS NOT NULL)
ORDER BY started_at;
