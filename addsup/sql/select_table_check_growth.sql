-- A table contract's `growth` check: current / previous − 1 against the stated rate (percent).
SELECT line, {rate_lo} AS stated_lo, {rate_hi} AS stated_hi,
       growth_implied({current_lo}, {current_hi}, {previous_lo}, {previous_hi}).lo AS implied_lo,
       growth_implied({current_lo}, {current_hi}, {previous_lo}, {previous_hi}).hi AS implied_hi
FROM contract_rows
WHERE {current} IS NOT NULL AND {previous} IS NOT NULL AND {rate} IS NOT NULL;
