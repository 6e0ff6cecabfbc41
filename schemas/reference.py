"""``reference``: a figure an article implies (``derived_figures.sql``) agrees with the
official statistic of the same thing, unit and period. The view (``reference.sql``) pairs
them, the model decides, and the words below say what was found."""

from __future__ import annotations

import duckdb

from addsup import fmt
from addsup.checks.base import CheckView, Within, run_view
from addsup.checks.words import finding
from addsup.findings import Finding
from addsup.warehouse import sql
from addsup_schemas.agreement import interval, unit
from addsup_schemas.checks import IntervalRows, overlap_named

# the view files beside this module, in the order they are created
VIEWS = ("derived_figures", "reference")
VIEW = CheckView("check_reference", ("derived_id", "stat_id"))


class ReferenceCheck(IntervalRows):
    """Rows of ``check_reference``: a derived figure and the official statistic."""

    derived_id: str
    stat_id: str

    class Config:
        # derived_figure_agrees_with_reference
        intervals_overlap = overlap_named("derived_figure_agrees_with_reference")


def validate_reference(con: duckdb.DuckDBPyConnection, within: Within = None) -> list[Finding]:
    findings = []
    figure_of = dict(con.execute(sql("select_relation_stated")).fetchall())
    for row, status, _ in run_view(con, VIEW, ReferenceCheck, within=within):
        official = f"{row['stat_description']}: {fmt.number(row['stat_value'], 4)} {unit(row)} ({row['source']})"
        message = (
            f"{row['description']} implied by the article: {interval(row, 'stated')} "
            f"{'agrees with' if status == 'pass' else 'does not agree with'} {official}"
        )
        findings.append(
            finding(
                "reference",
                row,
                status,
                message,
                subject=f"{row['derived_id']}~{row['stat_id']}",
                figures=(figure_of.get(row["relation_id"]),),
                tolerance="the derived interval carries the rounding of the figures it comes from",
            )
        )
    return findings


CHECK = validate_reference
