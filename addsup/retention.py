"""Retention: the rows of old runs are pruned, so months of hourly runs do not pile up.

A run is kept when it is among the last ``keep_runs`` runs, or started in the last
``keep_days`` days, or is still running, or holds the findings of a run that is kept (a run
that found nothing new points to it). Everything else of older runs goes: the run, its
findings and the quarantine rows it was the last to see. Articles, figures and relations are
the current data, not history, and are never pruned. The settings (docs/operations.md):
``ADDSUP_KEEP_RUNS`` (default 200) and ``ADDSUP_KEEP_DAYS`` (default 30), or the flow's
parameters of the same names.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import duckdb
import polars as pl

from addsup.warehouse import registered, sql, transaction

DEFAULT_KEEP_RUNS = 200
DEFAULT_KEEP_DAYS = 30


@dataclass(frozen=True)
class Retention:
    keep_runs: int = DEFAULT_KEEP_RUNS
    keep_days: int = DEFAULT_KEEP_DAYS

    @classmethod
    def from_env(cls) -> Retention:
        """The settings of ``ADDSUP_KEEP_RUNS`` and ``ADDSUP_KEEP_DAYS`` (a bad value is an
        error that names the variable, not a silent default)."""
        values = {}
        for field, name in (("keep_runs", "ADDSUP_KEEP_RUNS"), ("keep_days", "ADDSUP_KEEP_DAYS")):
            raw = os.environ.get(name, "").strip()
            if raw:
                if not raw.isdigit():
                    raise ValueError(f"{name}={raw!r}: a whole number of runs or days, 0 or more")
                values[field] = int(raw)
        return cls(**values)


def prunable_runs(con: duckdb.DuckDBPyConnection, retention: Retention) -> list[str]:
    rows = con.execute(
        sql("select_prunable_runs"), [retention.keep_runs, retention.keep_days]
    ).fetchall()
    return [run_id for (run_id,) in rows]


def prune(con: duckdb.DuckDBPyConnection, retention: Retention) -> int:
    """Delete what ``retention`` does not keep, in one transaction; returns the runs pruned."""
    runs = prunable_runs(con, retention)
    if not runs:
        return 0
    pruned = pl.DataFrame({"run_id": runs}, schema={"run_id": pl.String})
    with registered(con, {"pruned_runs": pruned}), transaction(con):
        for step in (
            "delete_pruned_check_results",
            "delete_pruned_quarantine",
            "delete_pruned_runs",
        ):
            con.execute(sql(step))
    return len(runs)
