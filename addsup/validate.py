"""Run the check views through their pandera schemas and turn the results into findings."""

from __future__ import annotations

from collections.abc import Sequence

import duckdb
import polars as pl

from addsup.checks import ALL_CHECKS, ROW_CHECKS
from addsup.checks.base import RowCheck
from addsup.findings import Finding, failing_rows
from addsup.warehouse import registered, sql, transaction
from schemas import FigureSchema


def validate_figures(con: duckdb.DuckDBPyConnection) -> list[Finding]:
    """Schema basics on every figure: only failures are reported (one finding per figure)."""
    frame = con.sql(sql("select_figures_for_validation")).pl()
    failing, general = failing_rows(FigureSchema, frame)
    findings = [
        Finding("figure_schema", "fail", "error", f"figures:{i}", f"figures table: {g}")
        for i, g in enumerate(general)
    ]
    for index, checks in sorted(failing.items()):
        row = frame.row(index, named=True)
        findings.append(
            Finding(
                check="figure_schema",
                status="fail",
                severity="warning",
                subject=row["figure_id"],
                message=f"figure {row['surface']!r} fails {', '.join(sorted(set(checks)))}",
                article_id=row["article_id"],
                sentence_no=row["sentence_no"],
                figure_ids=(row["figure_id"],),
            )
        )
    return findings


def validate(con: duckdb.DuckDBPyConnection) -> list[Finding]:
    """Every check over the current articles of the warehouse, every finding explained."""
    return [*validate_figures(con), *(f for check in ALL_CHECKS for f in check(con))]


def validate_into(
    con: duckdb.DuckDBPyConnection, run_id: str, extra: Sequence[Finding] = ()
) -> list[Finding]:
    """``validate`` and ``save_findings`` at scale: failures and skips are explained, and the
    passes of the row checks (one per relation: most of the findings) are stored as numbers,
    built by column, their words written when a report shows them (``explain_passes``).
    Returns the findings explained here (``extra`` included)."""
    findings = [*extra, *validate_figures(con)]
    passes = []
    for check in ALL_CHECKS:
        if not isinstance(check, RowCheck):
            findings += check(con)
            continue
        decided = check.decide(con)
        findings += check.findings(decided, ("fail", "skip"))
        passes.append(check.passes(decided, run_id))
    save_findings(con, run_id, findings, passes)
    return findings


def explain_passes(con: duckdb.DuckDBPyConnection, rows: list[dict]) -> None:
    """Write the message of each stored pass in ``rows`` (``check_results`` rows with
    ``check_name``, ``subject``, ``article_id``, ``message``) that has none, in place."""
    todo: dict[str, list[dict]] = {}
    for r in rows:
        if r["message"] is None and r["check_name"] in ROW_CHECKS_BY_NAME:
            todo.setdefault(r["check_name"], []).append(r)
    for name, wanted in todo.items():
        articles = sorted({r["article_id"] for r in wanted})
        messages = ROW_CHECKS_BY_NAME[name].explain_rows(
            con, articles, {r["subject"] for r in wanted}
        )
        for r in wanted:
            r["message"] = messages.get(
                r["subject"], "passed when checked; its article has changed since"
            )


ROW_CHECKS_BY_NAME = {c.name: c for c in ROW_CHECKS}

RESULT_SCHEMA = {
    "run_id": pl.String,
    "check_name": pl.String,
    "severity": pl.String,
    "status": pl.String,
    "subject": pl.String,
    "article_id": pl.String,
    "sentence_no": pl.Int32,
    "figure_ids": pl.List(pl.String),
    "stated_lo": pl.Float64,
    "stated_hi": pl.Float64,
    "implied_lo": pl.Float64,
    "implied_hi": pl.Float64,
    "tolerance": pl.String,
    "message": pl.String,
}


def save_findings(
    con: duckdb.DuckDBPyConnection,
    run_id: str,
    findings: list[Finding],
    frames: Sequence[pl.DataFrame] = (),
) -> None:
    """Write the findings of a run, and ``frames`` of result rows built by column, to
    ``check_results`` (one transaction)."""
    rows = [
        (
            run_id,
            f.check,
            f.severity,
            f.status,
            f.subject,
            f.article_id,
            f.sentence_no,
            list(f.figure_ids),
            *(f.stated or (None, None)),
            *(f.implied or (None, None)),
            f.tolerance,
            f.message,
        )
        for f in findings
    ]
    frame = pl.concat(
        [pl.DataFrame(rows, schema=RESULT_SCHEMA, orient="row"), *frames], how="vertical"
    )
    with registered(con, {"batch_results": frame}), transaction(con):
        con.execute(sql("insert_check_results"))
