-- The corrections queue as of run $1: keys confirmed as errors whose latest review is still
-- 'confirmed', and keys marked corrected that run $1 still finds (reopened), oldest first
-- (by when they were first confirmed), each with what its latest review recorded of it.
WITH latest AS (
    SELECT key, arg_max(verdict, reviewed_at) AS verdict, max(reviewed_at) AS last_at,
           min(reviewed_at) FILTER (WHERE verdict = 'confirmed') AS confirmed_at,
           arg_max(note, reviewed_at) FILTER (WHERE note IS NOT NULL AND note <> '') AS note,
           arg_max(reviewer, reviewed_at) AS reviewer,
           arg_max("check", reviewed_at) AS "check", arg_max(severity, reviewed_at) AS severity,
           arg_max(article, reviewed_at) AS article, arg_max(title, reviewed_at) AS title,
           arg_max(sentence, reviewed_at) AS sentence, arg_max(message, reviewed_at) AS message,
           arg_max(run_id, reviewed_at) AS run_id
    FROM reviews
    GROUP BY key
),
found AS (SELECT key, review FROM reviewed_findings($1, NULL, 0, 0))
SELECT l.key, l."check", l.severity, l.article, l.title, l.sentence, l.message, l.note, l.reviewer AS "by",
       coalesce(l.confirmed_at, l.last_at) AS confirmed_at, l.run_id,
       f.review = 'reopened' AS reopened, f.key IS NOT NULL AS still_found
FROM latest AS l
LEFT JOIN found AS f ON f.key = l.key
WHERE l.verdict = 'confirmed' OR f.review = 'reopened'
ORDER BY coalesce(l.confirmed_at, l.last_at), l.key;
