-- Failures of run $1 confirmed as errors or reopened (reviewed_findings).
SELECT count(*) FROM reviewed_findings($1, NULL, 0, 0) WHERE review IN ('confirmed', 'reopened');
