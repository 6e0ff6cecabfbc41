-- Findings that stop standing at run seq $1 (base $2): those of the touched articles
-- (an agreement also by its other article, the id before ':' of the pair's second half),
-- the curated tables' and reference files' (made again every run), and with $3 (reference
-- data changed) every converts_to and reference finding.
UPDATE check_results SET until_seq = $1 - 1
WHERE until_seq IS NULL
  AND made_seq BETWEEN $2 AND $1 - 1
  AND (article_id IN (SELECT article_id FROM scope_touched)
       OR (check_name = 'agreement'
           AND split_part(split_part(subject, '~', 2), ':', 1)
               IN (SELECT article_id FROM scope_touched))
       OR (article_id IS NULL AND check_name <> 'figure_schema')
       OR ($3 AND check_name IN ('converts_to', 'reference')));
