-- Reviews made since run $1 started (its report does not show them).
SELECT count(*)
FROM reviews
WHERE reviewed_at >= (SELECT started_at FROM runs WHERE run_id = $1);
