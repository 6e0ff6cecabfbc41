SELECT run_id
FROM runs
WHERE status = 'completed'
  AND started_at < (SELECT started_at FROM runs WHERE run_id = ?)
  AND NOT starts_with(run_id, 'check-')
ORDER BY started_at DESC
LIMIT 1;
