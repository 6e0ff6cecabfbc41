-- Failures of the run reviewed as false alarms (counted apart from its errors and warnings).
ALTER TABLE runs ADD COLUMN IF NOT EXISTS reviewed INTEGER;
