"""What changed since the previous run: failures that are new, and failures that were fixed.

A failure is identified across runs by its key: its check, where it is (the article's URL or
source, or a table row), the surfaces of its figures and the text of their sentence, so an
article edited elsewhere keeps its failures' keys, and one whose wrong figure was corrected
shows that failure as fixed. The keys are built and compared in SQL (the ``finding_keys`` and
``new_failures`` macros): a run with hundreds of thousands of failures is never held in memory
to find what changed. Failures reviewed as false alarms are not counted as new.
"""

from __future__ import annotations

from typing import Any

import duckdb

from addsup.warehouse import sql

FIXED_LISTED = 1000  # fixed failures listed in a report; the count covers all


def previous_run(con: duckdb.DuckDBPyConnection, run_id: str) -> str | None:
    rows = con.execute(sql("select_previous_run"), [run_id]).fetchall()
    return rows[0][0] if rows else None


def delta_run(con: duckdb.DuckDBPyConnection, run_id: str, previous: str | None) -> str | None:
    """``run_id`` when it is an incremental run and what it decided again is all that changed
    since ``previous``: new and fixed failures are then found among its own rows and the
    rows it retired, not among every failure of both runs."""
    if previous is None:
        return None
    found = con.execute(sql("select_delta_run"), [run_id, previous]).fetchall()
    return found[0][0] if found else None


def changes(
    con: duckdb.DuckDBPyConnection, run_id: str, listed: int = FIXED_LISTED
) -> dict[str, Any]:
    """``previous_run_id``, how many failures are ``new``, and the failures of the previous
    run that were ``fixed`` (the first ``listed`` by key; ``fixed_count`` counts all)."""
    previous = previous_run(con, run_id)
    delta = delta_run(con, run_id, previous)
    new = con.execute(sql("count_new_failures"), [run_id, previous, delta]).fetchall()[0][0]
    cursor = con.execute(sql("select_fixed_failures"), [previous, run_id, delta, listed])
    cols = [d[0] for d in cursor.description]
    fixed = [dict(zip(cols, row, strict=True)) for row in cursor.fetchall()]
    return {
        "previous_run_id": previous,
        "new": new,
        "fixed": [{k: v for k, v in f.items() if k != "fixed"} for f in fixed],
        "fixed_count": fixed[0]["fixed"] if fixed else 0,
    }
