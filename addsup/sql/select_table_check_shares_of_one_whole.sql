-- A table contract's `shares_of_one_whole` check: the shares of each group add up to 100
-- (with at_most, to 100 or less). One row per group, named by its first line.
SELECT min(line) AS line, sum({share_lo}) AS stated_lo, sum({share_hi}) AS stated_hi,
       CAST(? AS DOUBLE) AS implied_lo, CAST(100 AS DOUBLE) AS implied_hi,
       string_agg(CAST(line AS VARCHAR), ', ' ORDER BY line) AS lines
FROM contract_rows
WHERE {share} IS NOT NULL
GROUP BY {group_by};
