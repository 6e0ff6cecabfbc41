SELECT count(*) FROM new_failures(?, ?, delta := ?);
