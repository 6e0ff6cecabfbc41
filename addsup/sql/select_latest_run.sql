-- The newest completed run of the pipeline (not of addsup check).
SELECT run_id
FROM runs
WHERE status = 'completed' AND NOT starts_with(run_id, 'check-')
ORDER BY started_at DESC
LIMIT 1;
