-- Derived figures against official statistics that speak of the same thing (the
-- statistic's pattern matches the sentence), in the same unit and period.
CREATE OR REPLACE VIEW check_reference AS
SELECT
    d.derived_id, d.relation_id, d.article_id, d.sentence_no, d.kind, d.description,
    d.unit, d.currency, d.lo AS stated_lo, d.hi AS stated_hi,
    o.stat_id, o.description AS stat_description, o.source, o.value * o.scale AS stat_value,
    (o.value - 0.5 * pow(10, -o.decimals)) * o.scale AS implied_lo,
    (o.value + 0.5 * pow(10, -o.decimals)) * o.scale AS implied_hi
FROM derived_figures AS d
JOIN official_stats AS o
  ON d.unit = o.unit
 AND d.currency IS NOT DISTINCT FROM o.currency
 AND d.period_start = o.period_start
 AND d.period_end = o.period_end
 AND regexp_matches(d.context, o.pattern);
