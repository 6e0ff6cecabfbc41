"""Run the check views through their pandera schemas and turn the results into findings."""

from __future__ import annotations

import math
from typing import Any

import duckdb
import polars as pl

from addsup import fmt
from addsup.findings import Finding, failing_rows
from addsup.warehouse import registered, sql, transaction
from schemas import FigureSchema, ShareOfCheck

SHARE_CHECK = "share_agrees_with_part_and_whole"


def _share_finding(row: dict[str, Any], status: str, message: str) -> Finding:
    ids = tuple(i for i in (row["share_id"], row["part_id"], row["whole_id"]) if i)
    implied = (row["implied_lo"], row["implied_hi"]) if row["implied_lo"] is not None else None
    return Finding(
        check="share_of",
        status=status,
        severity="error",
        subject=row["relation_id"],
        message=message,
        article_id=row["article_id"],
        sentence_no=row["sentence_no"],
        figure_ids=ids,
        stated=(row["stated_lo"], row["stated_hi"]),
        implied=implied,
        tolerance="rounding of every printed figure (docs/checks.md)",
    )


def _share_arithmetic(row: dict[str, Any]) -> str:
    implied = 100 * row["part_value"] / row["whole_value"] if row["whole_value"] else math.nan
    return (
        f"{row['part_surface']} / {row['whole_surface']} × 100 = {implied:.2f} % "
        f"({fmt.interval(row['implied_lo'], row['implied_hi'], '%')})"
    )


def validate_share_of(con: duckdb.DuckDBPyConnection) -> list[Finding]:
    """One finding per ``share_of`` relation: pass, fail, or skip with the reason."""
    frame = con.sql(sql("select_check_share_of")).pl()
    findings: list[Finding] = []
    checkable = (
        pl.col("whole_id").is_not_null()
        & pl.col("implied_lo").is_not_null()
        & (pl.col("part_currency").eq_missing(pl.col("whole_currency")))
    )
    for row in frame.filter(~checkable).iter_rows(named=True):
        if row["whole_id"] is None:
            lo, hi = row["implied_whole_lo"], row["implied_whole_hi"]
            unit = row["part_currency"] or ""
            derived = (
                f"{row['part_surface']} / {row['share_surface']} implies a whole of "
                f"{fmt.interval(lo, hi, unit)}"
                if lo is not None
                else "the share is zero, so no whole can be derived"
            )
            message = f"whole not stated: {derived}"
        elif row["part_currency"] != row["whole_currency"]:
            message = (
                f"part in {row['part_currency']} and whole in {row['whole_currency']}: "
                "needs an exchange rate"
            )
        else:
            message = f"the whole {row['whole_surface']} may be zero: no share can be computed"
        findings.append(_share_finding(row, "skip", message))

    checked = frame.filter(checkable)
    failing, general = failing_rows(ShareOfCheck, checked)
    if general:
        raise ValueError(f"check_share_of does not match its schema: {general}")
    for index, row in enumerate(checked.iter_rows(named=True)):
        stated = f"{row['share_surface']} ({fmt.interval(row['stated_lo'], row['stated_hi'], '%')})"
        problems = failing.get(index)
        if not problems:
            findings.append(
                _share_finding(
                    row, "pass", f"{_share_arithmetic(row)} agrees with the stated {stated}"
                )
            )
            continue
        others = [p for p in problems if p != SHARE_CHECK]
        extra = f" [also fails: {', '.join(others)}]" if others else ""
        findings.append(
            _share_finding(
                row, "fail", f"{_share_arithmetic(row)}, but the article says {stated}{extra}"
            )
        )
    return findings


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
    return [*validate_figures(con), *validate_share_of(con)]


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
