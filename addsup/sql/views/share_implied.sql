-- The share (percent) that a part and a whole imply, as an interval: each of the four bounds
-- is a figure's rounding interval end (addsup.intervals). NULL when the whole may be zero.
-- Used by the article check views and by the table contracts' `share` checks alike.
CREATE OR REPLACE MACRO share_implied(part_lo, part_hi, whole_lo, whole_hi) AS
    CASE WHEN whole_lo > 0 THEN {'lo': 100 * part_lo / whole_hi, 'hi': 100 * part_hi / whole_lo} END;
