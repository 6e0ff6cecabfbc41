SELECT unchanged_since, errors, warnings FROM runs WHERE run_id = ?;
