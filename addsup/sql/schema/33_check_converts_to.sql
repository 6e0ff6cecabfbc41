-- One row per amount given in two currencies: the exchange rate the two amounts imply
-- (units of a's currency per unit of b's) and the ECB reference range over the months
-- from the figure's period start (else 90 days before publication) to publication.
CREATE OR REPLACE VIEW check_converts_to AS
WITH pairs AS (
    SELECT
        r.relation_id, r.article_id, r.sentence_no,
        x.figure_id AS a_id, y.figure_id AS b_id, x.surface AS a_surface, y.surface AS b_surface,
        x.currency AS a_currency, y.currency AS b_currency,
        x.value * x.scale AS a_value, y.value * y.scale AS b_value,
        x.lo AS a_lo, x.hi AS a_hi, y.lo AS b_lo, y.hi AS b_hi,
        strftime(coalesce(x.period_start, art.published_on - INTERVAL 90 DAY), '%Y-%m') AS first_month,
        strftime(coalesce(art.published_on, x.period_end), '%Y-%m') AS last_month
    FROM relations AS r
    JOIN current_articles AS art ON art.article_id = r.article_id
    JOIN figures AS x ON x.figure_id = r.a_id
    JOIN figures AS y ON y.figure_id = r.b_id
    WHERE r.kind = 'converts_to'
),
fx AS (
    SELECT month, currency, low, high FROM fx_monthly
    UNION ALL
    SELECT DISTINCT month, 'USD', 1.0, 1.0 FROM fx_monthly
),
ranges AS (
    SELECT
        p.relation_id,
        min(fa.low) AS a_low, max(fa.high) AS a_high, min(fb.low) AS b_low, max(fb.high) AS b_high,
        count(*) AS months
    FROM pairs AS p
    JOIN fx AS fa ON fa.currency = p.a_currency AND fa.month BETWEEN p.first_month AND p.last_month
    JOIN fx AS fb ON fb.currency = p.b_currency AND fb.month = fa.month
    GROUP BY p.relation_id
)
SELECT
    p.*,
    CASE WHEN p.b_lo > 0 THEN p.a_lo / p.b_hi END AS stated_lo,
    CASE WHEN p.b_lo > 0 THEN p.a_hi / p.b_lo END AS stated_hi,
    rg.a_low / rg.b_high AS implied_lo,
    rg.a_high / rg.b_low AS implied_hi,
    coalesce(rg.months, 0) AS months
FROM pairs AS p
LEFT JOIN ranges AS rg ON rg.relation_id = p.relation_id;
