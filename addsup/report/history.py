"""What changed since the previous run: failures that are new, and failures that were fixed.

A failure is identified across runs by its check, where it is (the article's source, or a
table row) and the surfaces of its figures, so an article edited elsewhere keeps its failures'
identity, and one whose wrong figure was corrected shows that failure as fixed.
"""

from __future__ import annotations

from typing import Any

import duckdb

from addsup.warehouse import sql


def failure_key(check: str, place: str, surfaces: list[str]) -> str:
    return "|".join([check, place, *surfaces])


def previous_run(con: duckdb.DuckDBPyConnection, run_id: str) -> str | None:
    rows = con.execute(sql("select_previous_run"), [run_id]).fetchall()
    return rows[0][0] if rows else None


def run_failures(con: duckdb.DuckDBPyConnection, run_id: str) -> dict[str, dict[str, Any]]:
    """The failures of a run by their key, each with what a reader needs to recognise it."""
    cursor = con.execute(sql("select_run_failures"), [run_id])
    cols = [d[0] for d in cursor.description]
    rows = [dict(zip(cols, r, strict=True)) for r in cursor.fetchall()]
    ids = sorted({i for r in rows for i in r["figure_ids"] or []})
    surfaces = dict(con.execute(sql("select_figure_surfaces"), [ids]).fetchall()) if ids else {}
    out: dict[str, dict[str, Any]] = {}
    for r in rows:
        place = r["source"] or r["subject"]
        key = failure_key(
            r["check_name"], place, [surfaces.get(i, i) for i in r["figure_ids"] or []]
        )
        out[key] = {
            "check": r["check_name"],
            "article": r["source"],
            "title": r["title"],
            "subject": r["subject"],
            "severity": r["severity"],
            "message": r["message"],
        }
    return out


def changes(con: duckdb.DuckDBPyConnection, run_id: str) -> dict[str, Any]:
    """``previous_run_id``, the keys of new failures, and the fixed failures (from the previous run)."""
    previous = previous_run(con, run_id)
    now = run_failures(con, run_id)
    if previous is None:
        return {"previous_run_id": None, "new": set(now), "fixed": []}
    before = run_failures(con, previous)
    return {
        "previous_run_id": previous,
        "new": set(now) - set(before),
        "fixed": [before[k] for k in sorted(set(before) - set(now))],
    }
