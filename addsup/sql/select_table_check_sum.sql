-- A table contract's `sum` check: the parts add up to the total. <parts_lo> and <parts_hi>
-- are the sums of the parts' interval ends (<parts> their columns, none of them NULL).
SELECT line, {total_lo} AS stated_lo, {total_hi} AS stated_hi,
       {parts_lo} AS implied_lo, {parts_hi} AS implied_hi
FROM contract_rows
WHERE {total} IS NOT NULL AND {parts_not_null};
