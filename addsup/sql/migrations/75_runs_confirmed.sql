-- Failures of the run confirmed as errors (or reopened): the corrections queue's share of it.
ALTER TABLE runs ADD COLUMN IF NOT EXISTS confirmed INTEGER;
