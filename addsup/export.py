"""``addsup export findings``: a run's findings as CSV, JSON lines or Parquet.

One row per finding, the columns of ``COLUMNS`` (documented in docs/contracts.md), read from
the warehouse a chunk at a time (``iter_findings``) and filtered by status, check and review.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import duckdb
import orjson
import polars as pl

from addsup.report.render import iter_findings
from addsup.warehouse import sql

FORMATS = ("csv", "jsonl", "parquet")

COLUMNS: dict[str, Any] = {
    "run_id": pl.String,
    "key": pl.String,
    "check": pl.String,
    "status": pl.String,
    "severity": pl.String,
    "new": pl.Boolean,
    "review": pl.String,
    "review_note": pl.String,
    "review_by": pl.String,
    "review_at": pl.String,
    "article": pl.String,
    "title": pl.String,
    "published_on": pl.String,
    "url": pl.String,
    "subject": pl.String,
    "sentence_no": pl.Int64,
    "sentence": pl.String,
    "figures": pl.String,
    "stated_lo": pl.Float64,
    "stated_hi": pl.Float64,
    "implied_lo": pl.Float64,
    "implied_hi": pl.Float64,
    "tolerance": pl.String,
    "message": pl.String,
}


class ExportError(ValueError):
    """An export that cannot be made (no such run, no run yet); the message says why."""


def latest_run(con: duckdb.DuckDBPyConnection) -> str | None:
    rows = con.execute(sql("select_latest_run")).fetchall()
    return rows[0][0] if rows else None


def _row(run_id: str, f: dict[str, Any]) -> dict[str, Any]:
    review = f.get("review") or {}
    stated, implied = f.get("stated") or {}, f.get("implied") or {}
    return {
        "run_id": run_id,
        "key": f["key"],
        "check": f["check"],
        "status": f["status"],
        "severity": f["severity"],
        "new": f["new"],
        "review": review.get("verdict"),
        "review_note": review.get("note"),
        "review_by": review.get("by"),
        "review_at": review.get("at"),
        "article": f["article"],
        "title": f["title"],
        "published_on": f["published_on"],
        "url": f["url"],
        "subject": f["subject"],
        "sentence_no": f["sentence_no"],
        "sentence": f["sentence"],
        "figures": "|".join(g["surface"] for g in f["figures"]),
        "stated_lo": stated.get("lo"),
        "stated_hi": stated.get("hi"),
        "implied_lo": implied.get("lo"),
        "implied_hi": implied.get("hi"),
        "tolerance": f["tolerance"],
        "message": f["message"],
    }


def finding_frames(
    con: duckdb.DuckDBPyConnection,
    run_id: str | None = None,
    status: str | None = None,
    check: str | None = None,
    reviewed: bool | None = None,
) -> Iterator[pl.DataFrame]:
    """The findings of ``run_id`` (default: the latest run) as frames of ``COLUMNS``, with
    only the given status, check and reviewed (True: a review applies; False: none does)."""
    run_id = run_id or latest_run(con)
    if run_id is None:
        raise ExportError("no run has finished in this warehouse: nothing to export")
    if not con.execute(sql("select_run"), [run_id]).fetchall():
        raise ExportError(f"no run {run_id!r} in the warehouse")
    flagged = 0 if status == "pass" else None  # failures and skips
    passes = None if status in (None, "pass") else 0
    for chunk in iter_findings(con, run_id, flagged=flagged, passes=passes):
        rows = [
            _row(run_id, f)
            for f in chunk
            if (status is None or f["status"] == status)
            and (check is None or f["check"] == check)
            and (reviewed is None or bool(f.get("review")) == reviewed)
        ]
        if rows:
            yield pl.DataFrame(rows, schema=COLUMNS)


def export_findings(frames: Iterator[pl.DataFrame], fmt: str, out: Path | IO[bytes]) -> int:
    """Write ``frames`` to ``out`` as ``fmt`` (csv, jsonl or parquet); returns the rows."""
    if fmt not in FORMATS:
        raise ExportError(f"the format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    if fmt == "jsonl":
        count = 0
        handle = out.open("wb") if isinstance(out, Path) else out
        try:
            for frame in frames:
                for row in frame.iter_rows(named=True):
                    handle.write(orjson.dumps(row) + b"\n")
                    count += 1
        finally:
            if isinstance(out, Path):
                handle.close()
        return count
    parts = list(frames)
    table = pl.concat(parts) if parts else pl.DataFrame(schema=COLUMNS)
    if fmt == "csv":
        table.write_csv(out)
    else:
        table.write_parquet(out)
    return table.height
