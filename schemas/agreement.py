"""``agreement``: one metric, unit and period stated (or implied) in two articles agrees. The
view (``agreement.sql``, over ``derived_figures.sql``: the figures an article implies) pairs
the figures, the model decides, and the words below say what was found."""

from __future__ import annotations

import duckdb
import pandera.polars as pa

from addsup import fmt
from addsup.checks.base import CheckView, Row, Within, run_view
from addsup.checks.words import finding
from addsup.findings import Finding
from addsup.warehouse import sql
from addsup_schemas.checks import IntervalRows, overlap_named

# the view files beside this module, in the order they are created
VIEWS = ("derived_figures", "agreement")
VIEW = CheckView("check_agreement", ("pair_id",))


class AgreementCheck(IntervalRows):
    """Rows of ``check_agreement``: one metric, unit and period in two articles."""

    pair_id: str = pa.Field(unique=True)
    other_article_id: str

    class Config:
        # same_metric_agrees_across_articles
        intervals_overlap = overlap_named("same_metric_agrees_across_articles")


def unit(row: Row) -> str:
    return row["currency"] or ("%" if row["unit"] == "percent" else "")


def interval(row: Row, side: str) -> str:
    return fmt.interval(row[f"{side}_lo"], row[f"{side}_hi"], unit(row))


def validate_agreement(con: duckdb.DuckDBPyConnection, within: Within = None) -> list[Finding]:
    """Every pair of articles stating one metric (``within``: the pairs with one of those
    articles on either side)."""
    findings = []
    sources = dict(con.execute(sql("select_article_source_map")).fetchall())
    for row, status, _ in run_view(
        con,
        VIEW,
        AgreementCheck,
        within=within,
        columns=("article_id", "other_article_id"),
    ):
        what = f"{row['metric'].replace('|', ': ')} ({row['period_label'] or row['period_start']})"
        other = sources.get(row["other_article_id"], row["other_article_id"])
        message = (
            f"{what}: {row['a_surface']} ({interval(row, 'stated')}) here and {row['b_surface']} "
            f"({interval(row, 'implied')}) in {other} {'agree' if status == 'pass' else 'disagree'}"
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


CHECK = validate_agreement
