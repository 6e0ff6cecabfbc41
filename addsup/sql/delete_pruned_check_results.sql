-- The rows of pruned runs that no kept run sees (a row an incremental run carries stays,
-- under the run that made it, as long as a kept run stands on it).
DELETE FROM check_results AS c
WHERE c.run_id IN (SELECT run_id FROM pruned_runs)
  AND NOT EXISTS (
      SELECT 1
      FROM runs AS h
      WHERE h.run_id NOT IN (SELECT run_id FROM pruned_runs)
        AND c.made_seq BETWEEN h.base_seq AND h.seq
        AND coalesce(c.until_seq, h.seq) >= h.seq
  );
