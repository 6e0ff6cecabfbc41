UPDATE runs SET unreported = true WHERE run_id = ?;
