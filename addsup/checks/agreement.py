"""``agreement`` (one metric in two articles) and ``reference`` (a derived figure against an
official statistic)."""

from __future__ import annotations

import duckdb

from addsup import fmt
from addsup.checks.base import Row, run_view
from addsup.findings import Finding
from addsup.warehouse import sql
from schemas import AgreementCheck, ReferenceCheck


def validate_agreement(con: duckdb.DuckDBPyConnection) -> list[Finding]:
    findings = []
    sources = dict(con.execute(sql("select_article_source_map")).fetchall())
    for row, status, _ in run_view(con, "select_check_agreement", AgreementCheck, lambda r: None):
        unit = row["currency"] or ("%" if row["unit"] == "percent" else "")
        what = f"{row['metric'].replace('|', ': ')} ({row['period_label'] or row['period_start']})"
        a = f"{row['a_surface']} ({fmt.interval(row['stated_lo'], row['stated_hi'], unit)})"
        b = f"{row['b_surface']} ({fmt.interval(row['implied_lo'], row['implied_hi'], unit)})"
        other = sources.get(row["other_article_id"], row["other_article_id"])
        verdict = "agree" if status == "pass" else "disagree"
        findings.append(
            Finding(
                check="agreement",
                status=status,
                severity="error",
                subject=row["pair_id"],
                message=f"{what}: {a} here and {b} in {other} {verdict}",
                article_id=row["article_id"],
                sentence_no=row["sentence_no"],
                figure_ids=tuple(
                    i
                    for i, d in ((row["a_id"], row["a_derived"]), (row["b_id"], row["b_derived"]))
                    if not d
                ),
                stated=(row["stated_lo"], row["stated_hi"]),
                implied=(row["implied_lo"], row["implied_hi"]),
                tolerance="rounding of both figures (derived ones carry their own intervals)",
            )
        )
    return findings


def _unit(row: Row) -> str:
    return row["currency"] or ("%" if row["unit"] == "percent" else "")


def validate_reference(con: duckdb.DuckDBPyConnection) -> list[Finding]:
    findings = []
    figure_of = dict(con.execute(sql("select_relation_stated")).fetchall())
    for row, status, _ in run_view(con, "select_check_reference", ReferenceCheck, lambda r: None):
        derived = f"{row['description']} implied by the article: {fmt.interval(row['stated_lo'], row['stated_hi'], _unit(row))}"
        official = f"{row['stat_description']}: {fmt.number(row['stat_value'], 4)} {_unit(row)} ({row['source']})"
        verdict = "agrees with" if status == "pass" else "does not agree with"
        findings.append(
            Finding(
                check="reference",
                status=status,
                severity="error",
                subject=f"{row['derived_id']}~{row['stat_id']}",
                message=f"{derived} {verdict} {official}",
                article_id=row["article_id"],
                sentence_no=row["sentence_no"],
                figure_ids=tuple(i for i in (figure_of.get(row["relation_id"]),) if i),
                stated=(row["stated_lo"], row["stated_hi"]),
                implied=(row["implied_lo"], row["implied_hi"]),
                tolerance="the derived interval carries the rounding of the figures it comes from",
            )
        )
    return findings
