"""Run the check views through their pandera schemas and turn the results into findings."""

from __future__ import annotations

import duckdb
import polars as pl

from addsup.checks import ALL_CHECKS
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
    """Every check over the current articles of the warehouse."""
    return [*validate_figures(con), *(f for check in ALL_CHECKS for f in check(con))]


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


def save_findings(con: duckdb.DuckDBPyConnection, run_id: str, findings: list[Finding]) -> None:
    """Write the findings of a run to ``check_results`` (one transaction)."""
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
    frame = pl.DataFrame(rows, schema=RESULT_SCHEMA, orient="row")
    with registered(con, {"batch_results": frame}), transaction(con):
        con.execute(sql("insert_check_results"))
