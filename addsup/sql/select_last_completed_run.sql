SELECT run_id, inputs_digest
FROM runs
WHERE status = 'completed' AND run_id <> ? AND NOT starts_with(run_id, 'check-')
ORDER BY finished_at DESC
LIMIT 1;
