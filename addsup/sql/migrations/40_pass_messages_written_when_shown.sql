-- A pass of a row check (share_of, growth, pp_difference, sum_of) is stored as numbers: its
-- message is NULL and written when a report shows it (addsup.validate.explain_passes).
ALTER TABLE check_results ALTER COLUMN message DROP NOT NULL;
