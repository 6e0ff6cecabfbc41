-- What the checks read: which articles are current, and what extracted them. Order-free
-- (a count, and the xor and the sum of a 64-bit hash of each pair), so no sort: 0.14 s
-- for a million articles, against 0.7 s for an ordered string_agg.
SELECT md5(concat_ws(':', count(*), bit_xor(hash(article_id, extractor_version)),
                     sum(hash(article_id, extractor_version))))
FROM current_articles;
