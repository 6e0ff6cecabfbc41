SELECT seq FROM runs WHERE run_id = ?;
