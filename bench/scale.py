"""Grow a warehouse by copies of its own articles, for validation at 10M figures.

Extracting 10 million figures takes minutes; the checks only need that many rows. Each copy
gets its own article ids (figure and relation ids follow), so the copies are
distinct articles with the same figures, relations and planted errors.
"""

from __future__ import annotations

import duckdb

# a copy's article id keeps the 16 characters of an id: 13 of the original, "x" (never in a
# hex digest, so no copy collides with an original) and the copy number
_NEW_ID = "substr(article_id, 1, 13) || 'x' || lpad($k::VARCHAR, 2, '0')"
_COPIES = [
    f"""INSERT INTO articles SELECT * REPLACE ({_NEW_ID} AS article_id,
        source || '~' || $k AS source) FROM articles WHERE NOT contains(article_id, 'x')""",
    f"""INSERT INTO article_sources SELECT source || '~' || $k, {_NEW_ID}, seen_at
        FROM article_sources WHERE NOT contains(article_id, 'x')""",
    f"""INSERT INTO sentences SELECT * REPLACE ({_NEW_ID} AS article_id)
        FROM sentences WHERE NOT contains(article_id, 'x')""",
    f"""INSERT INTO figures SELECT * REPLACE ({_NEW_ID} AS article_id,
        {_NEW_ID} || substr(figure_id, 17) AS figure_id)
        FROM figures WHERE NOT contains(article_id, 'x')""",
    f"""INSERT INTO relations SELECT * REPLACE ({_NEW_ID} AS article_id,
        {_NEW_ID} || substr(relation_id, 17) AS relation_id,
        {_NEW_ID} || substr(stated_id, 17) AS stated_id,
        {_NEW_ID} || substr(a_id, 17) AS a_id,
        {_NEW_ID} || substr(b_id, 17) AS b_id,
        list_transform(members, lambda m: {_NEW_ID} || substr(m, 17)) AS members)
        FROM relations WHERE NOT contains(article_id, 'x')""",
]


def replicate(con: duckdb.DuckDBPyConnection, copies: int) -> int:
    """Add ``copies`` copies of every original article; return the figures now current."""
    for k in range(1, copies + 1):
        con.execute("BEGIN TRANSACTION")
        for statement in _COPIES:
            con.execute(statement, {"k": k})
        con.execute("COMMIT")
    return con.execute("SELECT count(*) FROM figures").fetchall()[0][0]
