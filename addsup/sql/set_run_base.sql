UPDATE runs SET base_seq = ? WHERE run_id = ?;
