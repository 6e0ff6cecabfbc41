-- Failures of the run that the run before it did not have (false alarms left out).
ALTER TABLE runs ADD COLUMN IF NOT EXISTS new_failures INTEGER;
