-- A table contract's `share` check: part / whole × 100 against the stated share, per row.
-- <part>, <whole>, <share> are the contract's column names (checked against the table,
-- then quoted); the rows are the registered frame contract_rows with each number's interval.
SELECT line, {share_lo} AS stated_lo, {share_hi} AS stated_hi,
       share_implied({part_lo}, {part_hi}, {whole_lo}, {whole_hi}).lo AS implied_lo,
       share_implied({part_lo}, {part_hi}, {whole_lo}, {whole_hi}).hi AS implied_hi
FROM contract_rows
WHERE {part} IS NOT NULL AND {whole} IS NOT NULL AND {share} IS NOT NULL;
