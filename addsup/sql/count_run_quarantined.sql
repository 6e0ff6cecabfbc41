SELECT count(*) FROM quarantine WHERE last_run_id = ? AND NOT loaded;
