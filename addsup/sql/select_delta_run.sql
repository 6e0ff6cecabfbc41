-- The run $1 itself when it decided again only what changed (an incremental run) and the
-- findings of run $2 (its previous run) are those that stood just before it (no run
-- validated in between): then what changed between them is what $1 made and retired.
SELECT r.run_id
FROM runs AS r, runs AS p
JOIN runs AS h ON h.run_id = coalesce(p.unchanged_since, p.run_id)
WHERE r.run_id = $1 AND p.run_id = $2
  AND r.base_seq < r.seq
  AND h.seq = (SELECT max(seq) FROM runs WHERE base_seq IS NOT NULL AND seq < r.seq);
