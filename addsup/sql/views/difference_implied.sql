-- a − b as an interval (a percentage-point gap, exports − imports = the balance). Used by
-- the article check views and the table contracts.
CREATE OR REPLACE MACRO difference_implied(a_lo, a_hi, b_lo, b_hi) AS
    {'lo': a_lo - b_hi, 'hi': a_hi - b_lo};
