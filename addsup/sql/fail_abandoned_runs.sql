-- Runs still marked running while another run holds the writer lock: their process is gone
-- (killed, or its machine restarted), so they failed. ? = the run that holds the lock.
UPDATE runs SET finished_at = (now() AT TIME ZONE 'UTC'), status = 'failed'
WHERE status = 'running' AND run_id <> ?
RETURNING run_id;
