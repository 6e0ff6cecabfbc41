"""Run the check views through their pandera schemas and turn the results into findings."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import closing

import duckdb
import polars as pl

from addsup.checks import ALL_CHECKS
from addsup.checks.base import CHUNK_ROWS, PASSES_LISTED, RowCheck, Within, read_view_chunks
from addsup.findings import Finding, failing_rows
from addsup.scope import Scope, record, retire
from addsup.warehouse import sql, transaction
from addsup_schemas import FigureSchema


def validate_figures(
    con: duckdb.DuckDBPyConnection, rows: int = CHUNK_ROWS, within: Within = None
) -> list[Finding]:
    """Schema basics on every figure (``within``: of those articles), ``rows`` figures at a
    time: only failures are reported (one finding per figure)."""
    findings: list[Finding] = []
    query = "select_figures_for_validation"
    for frame in read_view_chunks(con, query, "figure_id", rows, within):
        findings += _figure_failures(frame, len(findings))
    return findings


def _figure_failures(frame: pl.DataFrame, numbered: int) -> list[Finding]:
    failing, general = failing_rows(FigureSchema, frame)
    findings = [
        Finding("figure_schema", "fail", "error", f"figures:{numbered + i}", f"figures table: {g}")
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
    con: duckdb.DuckDBPyConnection,
    run_id: str,
    extra: Sequence[Finding] = (),
    rows: int = CHUNK_ROWS,
    scope: Scope | None = None,
) -> list[Finding]:
    """``validate`` and ``save_findings`` at scale, in one transaction: failures and skips are
    explained, and the passes of the row checks (one per relation: most of the findings) are
    stored as numbers, built by column, but the first ``PASSES_LISTED`` (the ones a report
    lists), their words written when a report shows them (``addsup.checks.explain_passes``).
    Views are read and decided ``rows`` rows at a time on a cursor of their own while this
    connection stores each chunk's results, so memory does not grow with the warehouse. With a ``scope`` (``addsup.scope``), only what it decides again is
    checked, the rows it replaces are retired and the rest carried; the articles checked
    are recorded. Returns the findings explained here (``extra`` included)."""
    explained = [*extra]
    scope = scope or Scope(None, None)
    with closing(con.cursor()) as reader, transaction(con):
        retire(con, scope)
        figures = validate_figures(reader, rows, scope.within("figure_schema"))
        _insert_results(con, _result_rows(run_id, [*extra, *figures]))
        explained += figures
        for check in ALL_CHECKS:
            within = scope.within(_name(check))
            if not isinstance(check, RowCheck):
                found = check(reader, within)
                _insert_results(con, _result_rows(run_id, found))
                explained += found
                continue
            worded, through = PASSES_LISTED, None  # the passes a report lists
            for decided in check.decide_chunks(reader, rows, within):
                found = check.findings(decided, ("fail", "skip"))
                passes = check.passes(decided, run_id, worded, through)
                said = passes.filter(pl.col("message").is_not_null())
                worded -= said.height
                through = said["article_id"].max() if said.height else through
                frames = [_result_rows(run_id, found), passes]
                _insert_results(con, pl.concat(frames, how="vertical"))
                explained += found
        if scope.seq is not None:
            record(con, run_id, scope)
    return explained


def _name(check: object) -> str:
    """A check's name: a ``RowCheck``'s own, a function's without ``validate_``."""
    return getattr(check, "name", None) or check.__name__.removeprefix("validate_")


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
    frame = pl.concat([_result_rows(run_id, findings), *frames], how="vertical")
    with transaction(con):
        _insert_results(con, frame)


def _insert_results(con: duckdb.DuckDBPyConnection, batch_results: pl.DataFrame) -> None:
    """Insert ``check_results`` rows. The frame reaches SQL by DuckDB's replacement scan of
    this function's local ``batch_results``, not by ``register``: nothing is left to
    unregister when the statement fails inside a transaction (that would fail too)."""
    if batch_results.height:
        con.execute(sql("insert_check_results"))


def _result_rows(run_id: str, findings: Sequence[Finding]) -> pl.DataFrame:
    """Findings as ``check_results`` rows."""
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
    return pl.DataFrame(rows, schema=RESULT_SCHEMA, orient="row")
