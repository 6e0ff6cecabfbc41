-- The last runs that ended, with how they ended, newest first: those whose end their server
-- did not hear, and those that ended at least ? seconds ago.
SELECT run_id, status
FROM runs
WHERE status <> 'running'
  AND (unreported OR finished_at <= (now() AT TIME ZONE 'UTC') - to_seconds(CAST(? AS DOUBLE)))
ORDER BY finished_at DESC
LIMIT ?;
