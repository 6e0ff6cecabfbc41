-- The findings of a run as finding_keys chooses them (the first `fails` failures, ... of
-- `part`, passes `after`), each with the review that applies to its key (latest_reviews):
-- `review` is its latest verdict ('false-alarm', 'confirmed', 'corrected'), or 'reopened'
-- when it was marked corrected before the run started and the run still finds it; NULL when
-- nobody reviewed it.
CREATE OR REPLACE MACRO reviewed_findings(run, fails, skips, passes, part := 'all', after := NULL)
AS TABLE
SELECT f.*,
       CASE WHEN l.verdict = 'corrected' AND f.status = 'fail' AND r.started_at > l.last_at
            THEN 'reopened' ELSE l.verdict END AS review,
       l.note AS review_note, l.reviewer AS review_by, l.last_at AS review_at
FROM finding_keys(run, fails, skips, passes, part := part, after := after) AS f
LEFT JOIN latest_reviews AS l ON l.key = f.key
LEFT JOIN runs AS r ON r.run_id = run;
