-- The corrections queue as of run $1: keys confirmed as errors whose latest review is still
-- 'confirmed', and keys marked corrected that run $1 still finds (reopened), oldest first
-- (by when they were first confirmed), each with what its latest review recorded of it.
WITH found AS (SELECT key, review FROM reviewed_findings($1, NULL, 0, 0))
SELECT l.key, l."check", l.severity, l.article, l.title, l.sentence, l.message, l.note,
       l.reviewer AS "by", coalesce(l.confirmed_at, l.last_at) AS confirmed_at, l.run_id,
       f.review = 'reopened' AS reopened, f.key IS NOT NULL AS still_found
FROM latest_reviews AS l
LEFT JOIN found AS f ON f.key = l.key
WHERE l.verdict = 'confirmed' OR f.review = 'reopened'
ORDER BY coalesce(l.confirmed_at, l.last_at), l.key;
