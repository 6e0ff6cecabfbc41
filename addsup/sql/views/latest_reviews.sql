-- The review of each key: its latest line (verdict, note, who, when), when it was first
-- confirmed, and what the latest line recorded of the finding.
CREATE OR REPLACE VIEW latest_reviews AS
SELECT key,
       arg_max(verdict, reviewed_at) AS verdict,
       arg_max(reviewer, reviewed_at) AS reviewer,
       max(reviewed_at) AS last_at,
       min(reviewed_at) FILTER (WHERE verdict = 'confirmed') AS confirmed_at,
       arg_max(note, reviewed_at) FILTER (WHERE note IS NOT NULL AND note <> '') AS note,
       arg_max("check", reviewed_at) AS "check",
       arg_max(severity, reviewed_at) AS severity,
       arg_max(article, reviewed_at) AS article,
       arg_max(title, reviewed_at) AS title,
       arg_max(sentence, reviewed_at) AS sentence,
       arg_max(message, reviewed_at) AS message,
       arg_max(run_id, reviewed_at) AS run_id
FROM reviews
GROUP BY key;
