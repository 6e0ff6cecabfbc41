-- The findings of each run: the rows it made, and the rows made since its base (the last
-- full validation) that still stand at it (until_seq), carried by reference, not copied. A
-- run that found nothing new (runs.unchanged_since) has the findings of the run it points
-- to. Rows made before findings were carried (made_seq NULL) belong to their run alone.
CREATE OR REPLACE VIEW run_findings AS
SELECT r.run_id AS for_run, c.*
FROM runs AS r
JOIN runs AS h ON h.run_id = coalesce(r.unchanged_since, r.run_id)
JOIN check_results AS c
  ON c.run_id = h.run_id
  OR (c.made_seq BETWEEN h.base_seq AND h.seq AND coalesce(c.until_seq, h.seq) >= h.seq);
