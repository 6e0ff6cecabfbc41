SELECT count(*) FROM new_failures(?, ?);
