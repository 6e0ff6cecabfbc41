-- A table contract's `pp_difference` check: a − b against the stated gap (percentage points).
SELECT line, {difference_lo} AS stated_lo, {difference_hi} AS stated_hi,
       difference_implied({a_lo}, {a_hi}, {b_lo}, {b_hi}).lo AS implied_lo,
       difference_implied({a_lo}, {a_hi}, {b_lo}, {b_hi}).hi AS implied_hi
FROM contract_rows
WHERE {a} IS NOT NULL AND {b} IS NOT NULL AND {difference} IS NOT NULL;
