-- A table contract's `balance` check: exports − imports against the stated balance, sign
-- included (a surplus is positive, a deficit negative).
SELECT line, {balance_lo} AS stated_lo, {balance_hi} AS stated_hi,
       difference_implied({exports_lo}, {exports_hi}, {imports_lo}, {imports_hi}).lo AS implied_lo,
       difference_implied({exports_lo}, {exports_hi}, {imports_lo}, {imports_hi}).hi AS implied_hi
FROM contract_rows
WHERE {exports} IS NOT NULL AND {imports} IS NOT NULL AND {balance} IS NOT NULL;
