-- One row per amount given in two currencies: the exchange rate the two amounts imply
-- (units of a's currency per unit of b's) against the ECB reference: ``implied_*`` is the
-- mean of the month of publication, ``wide_*`` the monthly means over the months from the
-- figure's period start (else 60 days before publication) to publication; both widened by
-- 3 % either side (a writer converts at a rate of the day, a bank's or a rounded one).
-- A bare "¥" may be yuan or yen: both readings are tried and the one nearer the reference
-- rate is kept (``reading`` names it).
CREATE OR REPLACE VIEW check_converts_to AS
WITH pairs AS (
    SELECT
        r.relation_id, r.article_id, r.sentence_no, r.cues,
        x.figure_id AS a_id, y.figure_id AS b_id, x.surface AS a_surface, y.surface AS b_surface,
        x.currency AS a_printed, y.currency AS b_printed,
        x.value * x.scale AS a_value, y.value * y.scale AS b_value,
        x.lo AS a_lo, x.hi AS a_hi, y.lo AS b_lo, y.hi AS b_hi,
        strftime(coalesce(x.period_start, art.published_on - INTERVAL 60 DAY), '%Y-%m') AS first_month,
        strftime(coalesce(art.published_on, x.period_end), '%Y-%m') AS last_month
    FROM relations AS r
    JOIN current_articles AS art ON art.article_id = r.article_id
    JOIN figures AS x ON x.figure_id = r.a_id
    JOIN figures AS y ON y.figure_id = r.b_id
    WHERE r.kind = 'converts_to'
),
readings AS (
    SELECT
        p.*,
        CASE WHEN a.alt THEN (CASE p.a_printed WHEN 'CNY' THEN 'JPY' ELSE 'CNY' END)
             ELSE p.a_printed END AS a_currency,
        CASE WHEN b.alt THEN (CASE p.b_printed WHEN 'CNY' THEN 'JPY' ELSE 'CNY' END)
             ELSE p.b_printed END AS b_currency,
        a.alt OR b.alt AS other_reading
    FROM pairs AS p,
        (SELECT unnest([false, true]) AS alt) AS a,
        (SELECT unnest([false, true]) AS alt) AS b
    WHERE (NOT a.alt OR (p.a_printed IN ('CNY', 'JPY') AND p.a_surface LIKE '%¥%'
                         AND NOT regexp_matches(lower(p.a_surface), 'yuan|yen|rmb')))
      AND (NOT b.alt OR (p.b_printed IN ('CNY', 'JPY') AND p.b_surface LIKE '%¥%'
                         AND NOT regexp_matches(lower(p.b_surface), 'yuan|yen|rmb')))
),
fx AS (
    SELECT month, currency, low, mean, high FROM fx_monthly
    UNION ALL
    SELECT DISTINCT month, 'USD', 1.0, 1.0, 1.0 FROM fx_monthly
),
ranges AS (
    SELECT
        p.relation_id, p.a_currency, p.b_currency,
        min(fa.low) AS a_low, max(fa.high) AS a_high, min(fb.low) AS b_low, max(fb.high) AS b_high,
        max(CASE WHEN fa.month = p.last_month THEN fa.mean / fb.mean END) AS last_mean,
        min(fa.mean / fb.mean) AS low_mean, max(fa.mean / fb.mean) AS high_mean,
        count(*) AS months
    FROM readings AS p
    JOIN fx AS fa ON fa.currency = p.a_currency AND fa.month BETWEEN p.first_month AND p.last_month
    JOIN fx AS fb ON fb.currency = p.b_currency AND fb.month = fa.month
    GROUP BY p.relation_id, p.a_currency, p.b_currency
),
scored AS (
    SELECT
        p.*,
        CASE WHEN p.b_lo > 0 THEN p.a_lo / p.b_hi END AS stated_lo,
        CASE WHEN p.b_lo > 0 THEN p.a_hi / p.b_lo END AS stated_hi,
        0.97 * coalesce(rg.last_mean, rg.low_mean) AS implied_lo,
        1.03 * coalesce(rg.last_mean, rg.high_mean) AS implied_hi,
        0.97 * rg.low_mean AS wide_lo,
        1.03 * rg.high_mean AS wide_hi,
        coalesce(rg.months, 0) AS months
    FROM readings AS p
    LEFT JOIN ranges AS rg
        ON rg.relation_id = p.relation_id AND rg.a_currency = p.a_currency
        AND rg.b_currency = p.b_currency
)
SELECT * EXCLUDE (a_printed, b_printed, other_reading),
    CASE WHEN other_reading THEN a_currency || ' per ' || b_currency END AS reading
FROM scored
QUALIFY row_number() OVER (
    PARTITION BY relation_id
    ORDER BY
        months = 0,
        -- the reading whose rate lies nearest the reference range (by ratio), the printed one on a tie
        CASE WHEN stated_lo IS NULL OR wide_lo IS NULL THEN 1e308
             ELSE greatest(0, ln(stated_lo / wide_hi), ln(wide_lo / stated_hi)) END,
        CASE WHEN stated_lo IS NULL OR implied_lo IS NULL THEN 1e308
             ELSE greatest(0, ln(stated_lo / implied_hi), ln(implied_lo / stated_hi)) END,
        other_reading
) = 1;
