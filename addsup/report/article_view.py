"""The per-article view: the text with every figure highlighted, and the article's checks."""

from __future__ import annotations

from typing import Any

import duckdb

from addsup.warehouse import sql

ARTICLE_LIMIT = 200


def rows(con: duckdb.DuckDBPyConnection, name: str, params: list[Any]) -> list[dict[str, Any]]:
    cursor = con.execute(sql(name), params)
    cols = [d[0] for d in cursor.description]
    return [dict(zip(cols, row, strict=True)) for row in cursor.fetchall()]


def web_url(url: str | None) -> str | None:
    """An article's URL when it is a web address a report may link to (never javascript:)."""
    return url if url and url.startswith(("https://", "http://")) else None


def figures_by_sentence(
    con: duckdb.DuckDBPyConnection, article_ids: list[str]
) -> dict[tuple[str, int], list[dict[str, Any]]]:
    out: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for f in rows(con, "select_figures_of_articles", [article_ids]):
        out.setdefault((f["article_id"], f["sentence_no"]), []).append(f)
    return out


def figures_of_sentences(
    con: duckdb.DuckDBPyConnection,
    sentences: set[tuple[str, int]],
    figure_ids: set[str],
) -> dict[tuple[str, int], list[dict[str, Any]]]:
    """``figures_by_sentence`` of the given sentences, plus the figures ``figure_ids`` name
    (in sentences of their own): what the findings of a report show, not whole articles."""
    keys = sorted(sentences)
    out: dict[tuple[str, int], list[dict[str, Any]]] = {}
    params = [[k[0] for k in keys], [k[1] for k in keys], sorted(figure_ids)]
    for f in rows(con, "select_figures_of_sentences", params):
        out.setdefault((f["article_id"], f["sentence_no"]), []).append(f)
    return out


def segments(
    sentence: str,
    start: int,
    figures: list[dict[str, Any]],
    marked: set[str],
    mark: str = "fig-marked",
) -> list[dict[str, Any]]:
    """Split a sentence into plain text and figure spans (offsets into the article body)."""
    out: list[dict[str, Any]] = []
    pos = 0
    for f in figures:
        s, e = f["start_char"] - start, f["end_char"] - start
        if s < pos or e > len(sentence):
            continue
        if s > pos:
            out.append({"text": sentence[pos:s], "cls": None})
        cls = f"fig {mark}" if f["figure_id"] in marked else "fig"
        title = f"{f['unit']}{' ' + f['currency'] if f['currency'] else ''}, {f['qualifier']}"
        if f["period_label"]:
            title += f", period {f['period_label']}"
        if f["currency_assumed"]:
            title += ", currency assumed"
        out.append({"text": sentence[s:e], "cls": cls, "title": title})
        pos = e
    if pos < len(sentence):
        out.append({"text": sentence[pos:], "cls": None})
    return out


def article_views(
    con: duckdb.DuckDBPyConnection, findings: list[dict[str, Any]], limit: int = ARTICLE_LIMIT
) -> tuple[list[dict[str, Any]], int]:
    """Views of the articles with failures or skips first, then the other current articles,
    up to ``limit``; returns the views and how many current articles were left out."""
    flagged = sorted(
        {f["article_id"] for f in findings if f["status"] != "pass" and f["article_id"]}
    )
    others = [r["article_id"] for r in rows(con, "select_current_articles", [limit + len(flagged)])]
    flagged_set = set(flagged)
    chosen = (flagged + [a for a in others if a not in flagged_set])[:limit]
    total = con.execute(sql("count_current")).fetchall()[0][0]
    by_sentence = figures_by_sentence(con, chosen)
    checks: dict[str, list[dict[str, Any]]] = {}
    for f in findings:
        if f["article_id"]:
            checks.setdefault(f["article_id"], []).append(f)
    views: dict[str, dict[str, Any]] = {}
    for s in rows(con, "select_article_sentences", [chosen]):
        aid = s["article_id"]
        view = views.setdefault(
            aid,
            {
                "article_id": aid,
                "source": s["source"],
                "title": s["title"],
                "published_on": s["published_on"].isoformat() if s["published_on"] else None,
                "url": web_url(s["url"]),
                "flagged": aid in flagged_set,
                "checks": checks.get(aid, []),
                "sentences": [],
            },
        )
        marked = {
            g["figure_id"] for f in view["checks"] if f["status"] == "fail" for g in f["figures"]
        }
        view["sentences"].append(
            {
                "no": s["sentence_no"],
                "segments": segments(
                    s["sentence"],
                    s["start_char"],
                    by_sentence.get((aid, s["sentence_no"]), []),
                    marked,
                ),
            }
        )
    ordered = [views[a] for a in chosen if a in views]
    return ordered, max(0, total - len(ordered))
