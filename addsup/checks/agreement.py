"""``agreement`` (one metric in two articles) and ``reference`` (a derived figure against an
official statistic)."""

from __future__ import annotations

import duckdb

from addsup import fmt
from addsup.checks.base import Row, Within, finding, run_view
from addsup.findings import Finding
from addsup.warehouse import sql
from addsup_schemas import AgreementCheck, ReferenceCheck


def _unit(row: Row) -> str:
    return row["currency"] or ("%" if row["unit"] == "percent" else "")


def _interval(row: Row, side: str) -> str:
    return fmt.interval(row[f"{side}_lo"], row[f"{side}_hi"], _unit(row))


def validate_agreement(con: duckdb.DuckDBPyConnection, within: Within = None) -> list[Finding]:
    """Every pair of articles stating one metric (``within``: the pairs with one of those
    articles on either side)."""
    findings = []
    sources = dict(con.execute(sql("select_article_source_map")).fetchall())
    for row, status, _ in run_view(
        con,
        "select_check_agreement",
        AgreementCheck,
        within=within,
        columns=("article_id", "other_article_id"),
    ):
        what = f"{row['metric'].replace('|', ': ')} ({row['period_label'] or row['period_start']})"
        other = sources.get(row["other_article_id"], row["other_article_id"])
        message = (
            f"{what}: {row['a_surface']} ({_interval(row, 'stated')}) here and {row['b_surface']} "
            f"({_interval(row, 'implied')}) in {other} {'agree' if status == 'pass' else 'disagree'}"
        )
        stated_figures = (
            row["a_id"] if not row["a_derived"] else None,
            row["b_id"] if not row["b_derived"] else None,
        )
        findings.append(
            finding(
                "agreement",
                row,
                status,
                message,
                subject=row["pair_id"],
                figures=stated_figures,
                tolerance="rounding of both figures (derived ones carry their own intervals)",
            )
        )
    return findings


def validate_reference(con: duckdb.DuckDBPyConnection, within: Within = None) -> list[Finding]:
    findings = []
    figure_of = dict(con.execute(sql("select_relation_stated")).fetchall())
    for row, status, _ in run_view(con, "select_check_reference", ReferenceCheck, within=within):
        official = f"{row['stat_description']}: {fmt.number(row['stat_value'], 4)} {_unit(row)} ({row['source']})"
        message = (
            f"{row['description']} implied by the article: {_interval(row, 'stated')} "
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
