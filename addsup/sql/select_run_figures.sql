SELECT figures_total FROM runs WHERE run_id = ?;
