"""Reviews: people's decisions on findings, by the findings' keys.

An editor marks a failure ``false-alarm`` (it stops being listed and counted as a failure),
``confirmed`` (it stays a failure and joins the corrections queue) or ``corrected`` (it
leaves the queue; a later run that still finds it reopens it). Reviews are not derived data:
they are appended, one JSON object a line, to the reviews file beside the warehouse
(``<warehouse stem>.reviews.jsonl``), which nothing else writes. The warehouse holds a copy
(table ``reviews``) made again from the file whenever the file has changed (``sync``, on
every connection), so a rerun, a full run, a re-extraction, a retention prune or a rebuild
of the warehouse never loses one. A review applies to its key, which is made of the figures
and the sentence: when those change, the review no longer applies and the finding is new.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

VERDICTS = ("false-alarm", "confirmed", "corrected")

REVIEW_SCHEMA = {
    "key": pl.String,
    "verdict": pl.String,
    "note": pl.String,
    "reviewer": pl.String,
    "reviewed_at": pl.Datetime("us"),
    "check": pl.String,
    "severity": pl.String,
    "article": pl.String,
    "title": pl.String,
    "sentence": pl.String,
    "message": pl.String,
    "run_id": pl.String,
}


class ReviewRefused(ValueError):
    """A review that cannot be recorded (unknown key, unknown verdict); the message says why."""


def reviews_path(warehouse_path: str | Path) -> Path:
    """The reviews file of a warehouse: ``data/warehouse.duckdb`` -> ``data/warehouse.reviews.jsonl``."""
    path = Path(warehouse_path)
    return path.with_name(f"{path.stem}.reviews.jsonl")


def database_path(con: duckdb.DuckDBPyConnection) -> Path | None:
    """The file of the connection's database (None in memory)."""
    rows = con.execute(
        "SELECT path FROM duckdb_databases() WHERE database_name = current_database()"
    ).fetchall()
    return Path(rows[0][0]) if rows and rows[0][0] else None


def read_reviews(path: Path) -> list[dict[str, Any]]:
    """Every review in the file, oldest first; a line cut short by a crash, or edited by hand
    into something that is not a review (no key, an unknown verdict, a time that is not one),
    is passed over."""
    if not path.is_file():
        return []
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(record, dict) and record.get("key") and record.get("verdict") in VERDICTS:
            try:
                datetime.fromisoformat(str(record.get("at")))
            except ValueError:
                continue
            found.append(record)
    return found


def _signature(path: Path) -> str:
    try:
        stat = path.stat()
    except FileNotFoundError:
        return "none"
    return f"{stat.st_size}:{stat.st_mtime_ns}"


def _frame(records: list[dict[str, Any]]) -> pl.DataFrame:
    rows = [
        {
            **{k: r.get(k) for k in REVIEW_SCHEMA},
            "reviewer": r.get("by"),
            "reviewed_at": datetime.fromisoformat(r["at"]).replace(tzinfo=None),
        }
        for r in records
    ]
    return pl.DataFrame(rows, schema=REVIEW_SCHEMA)


def sync(con: duckdb.DuckDBPyConnection, force: bool = False) -> bool:
    """Copy the reviews file into the ``reviews`` table when the file changed since the last
    copy (or ``force``); True when it copied. A warehouse in memory has no reviews file."""
    from addsup.warehouse import registered, transaction

    db = database_path(con)
    if db is None:
        return False
    path = reviews_path(db)
    signature = _signature(path)
    known = con.execute("SELECT signature FROM reviews_file").fetchall()
    if not force and known and known[0][0] == signature:
        return False
    with registered(con, {"reviews_read": _frame(read_reviews(path))}), transaction(con):
        con.execute("DELETE FROM reviews")
        con.execute("INSERT INTO reviews BY NAME SELECT * FROM reviews_read")
        con.execute("DELETE FROM reviews_file")
        con.execute("INSERT INTO reviews_file VALUES (?)", [signature])
    return True


def review_of(row: dict[str, Any]) -> dict[str, Any] | None:
    """The review of a finding row (``reviewed_findings`` columns), as results.json has it."""
    if not row.get("review"):
        return None
    at = row.get("review_at")
    return {
        "verdict": row["review"],
        "note": row.get("review_note"),
        "by": row.get("review_by"),
        "at": at.isoformat() if at else None,
    }


def listed_as_failure(finding: dict[str, Any]) -> bool:
    """A failure of results.json that is listed and counted as one: not a reviewed false alarm."""
    review = finding.get("review") or {}
    return finding["status"] == "fail" and review.get("verdict") != "false-alarm"


def latest_run(con: duckdb.DuckDBPyConnection) -> str | None:
    from addsup.warehouse import sql

    rows = con.execute(sql("select_latest_run")).fetchall()
    return rows[0][0] if rows else None


def _known(con: duckdb.DuckDBPyConnection, key: str) -> dict[str, Any] | None:
    """What the latest run found under ``key`` (a failure), else what a review recorded."""
    from addsup.warehouse import sql

    run_id = latest_run(con)
    if run_id is not None:
        rows = con.execute(sql("select_failure_by_key"), [run_id, key]).fetchall()
        if rows:
            _, check, severity, article, title, message, sentence = rows[0]
            return {
                "check": check,
                "severity": severity,
                "article": article,
                "title": title,
                "sentence": sentence,
                "message": message,
                "run_id": run_id,
            }
    cursor = con.execute(
        'SELECT "check", severity, article, title, sentence, message, run_id FROM reviews '
        "WHERE key = ? ORDER BY reviewed_at DESC LIMIT 1",
        [key],
    )
    cols = [d[0] for d in cursor.description]
    rows = cursor.fetchall()
    return dict(zip(cols, rows[0], strict=True)) if rows else None


def record(
    con: duckdb.DuckDBPyConnection,
    key: str,
    verdict: str,
    note: str | None = None,
    by: str | None = None,
    now: datetime | None = None,
) -> dict[str, Any]:
    """Record a review of the failure ``key`` (of the latest run, or reviewed before) in the
    reviews file beside the warehouse of ``con``, and copy it in; returns the review.
    ``ReviewRefused`` when the verdict or the key is unknown."""
    if verdict not in VERDICTS:
        raise ReviewRefused(f"the verdict must be one of {', '.join(VERDICTS)}, not {verdict!r}")
    db = database_path(con)
    if db is None:
        raise ReviewRefused("reviews are kept beside a warehouse file, not one in memory")
    sync(con)
    key = key.strip()
    known = _known(con, key)
    if known is None:
        latest = latest_run(con)
        where = f"the latest run ({latest})" if latest else "the warehouse (no run has finished)"
        raise ReviewRefused(
            f"no failure has the key {key!r} in {where}, and no review names it: "
            "the keys are in the report (each failure's key) and in results.json (field key)"
        )
    review = {
        "key": key,
        "verdict": verdict,
        "note": note or None,
        "by": by or os.environ.get("USER") or None,
        "at": (now or datetime.now(UTC)).astimezone(UTC).replace(tzinfo=None).isoformat(),
        **known,
    }
    path = reviews_path(db)
    with path.open("a", encoding="utf-8") as out:
        out.write(json.dumps(review, ensure_ascii=False) + "\n")
        out.flush()
        os.fsync(out.fileno())
    sync(con, force=True)
    return review


def corrections_queue(con: duckdb.DuckDBPyConnection, run_id: str | None) -> list[dict[str, Any]]:
    """Confirmed errors not yet marked corrected, and corrected ones ``run_id`` still finds
    (``reopened``), oldest first, with article, sentence, arithmetic and note."""
    from addsup.warehouse import sql

    cursor = con.execute(sql("select_corrections_queue"), [run_id])
    cols = [d[0] for d in cursor.description]
    queue = []
    for row in cursor.fetchall():
        item = dict(zip(cols, row, strict=True))
        item["confirmed_at"] = item["confirmed_at"].isoformat() if item["confirmed_at"] else None
        item["reopened"] = bool(item["reopened"])
        queue.append(item)
    return queue


def review(
    db: Path, reports_dir: Path, key: str, verdict: str, note: str | None, by: str | None
) -> dict[str, Any]:
    """``record`` on the warehouse ``db`` while holding its writer lock (a run in progress
    is waited for), then the corrections queue of ``reports_dir`` written again (when the
    folder is there); returns the review."""
    from addsup import warehouse
    from addsup.report.corrections import write_corrections
    from addsup.writer import one_writer

    with one_writer(db), warehouse.warehouse(db) as con:
        done = record(con, key, verdict, note, by)
        if reports_dir.is_dir():
            write_corrections(con, latest_run(con), reports_dir)
    return done


def said(done: dict[str, Any]) -> str:
    """One line for a review recorded: the key, the verdict, the check and the article."""
    where = done["title"] or done["article"] or ""
    return f"{done['key']} marked {done['verdict']}: {done['check']} · {where}"


def record_run_counts(con: duckdb.DuckDBPyConnection, run_id: str, reviewed: int) -> None:
    """Keep with the run, for the run-history chart, its new failures (false alarms left out),
    its failures reviewed as false alarms (``reviewed``) and those confirmed (or reopened)."""
    from addsup.report.history import delta_run, previous_run
    from addsup.warehouse import sql

    previous = previous_run(con, run_id)
    delta = delta_run(con, run_id, previous)
    new = con.execute(sql("count_new_failures"), [run_id, previous, delta]).fetchall()
    confirmed = con.execute(sql("count_run_confirmed"), [run_id]).fetchall()
    con.execute(sql("set_run_reviews"), [new[0][0], reviewed, confirmed[0][0], run_id])


def reviewed_since(con: duckdb.DuckDBPyConnection, run_id: str) -> bool:
    """Whether a review was made since ``run_id`` started: its report no longer says all,
    so a run that took its findings writes a report of its own."""
    from addsup.warehouse import sql

    return bool(con.execute(sql("count_reviews_since"), [run_id]).fetchall()[0][0])
