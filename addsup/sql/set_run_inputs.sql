UPDATE runs SET inputs_digest = ?, unchanged_since = ? WHERE run_id = ?;
