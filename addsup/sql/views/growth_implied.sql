-- The growth (percent) from a previous level to a current one, as an interval. NULL when
-- the previous level may be zero. Used by the article check views and the table contracts.
CREATE OR REPLACE MACRO growth_implied(current_lo, current_hi, previous_lo, previous_hi) AS
    CASE WHEN previous_lo > 0 THEN
        {'lo': 100 * (current_lo / previous_hi - 1), 'hi': 100 * (current_hi / previous_lo - 1)}
    END;
