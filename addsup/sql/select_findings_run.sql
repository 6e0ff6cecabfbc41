SELECT coalesce(unchanged_since, run_id) FROM runs WHERE run_id = ?;
