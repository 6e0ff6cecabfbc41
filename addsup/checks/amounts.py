"""``converts_to`` (two currencies against the reference rate), ``sum_of`` (parts and total)
and ``shares_of_one_whole`` (shares of one whole add to at most 100)."""

from __future__ import annotations

import duckdb

from addsup import fmt
from addsup.checks.base import Row, also, amount, run_view
from addsup.findings import Finding
from schemas import ConvertsToCheck, SharesOfOneWholeCheck, SumOfCheck


def _rate(x: float | None) -> str:
    return "?" if x is None else f"{x:.4g}"


def _fx_skip(row: Row) -> str | None:
    if row["stated_lo"] is None:
        return f"{row['b_surface']} may be zero: no rate can be computed"
    if not row["months"]:
        return (
            f"no reference rate for {row['a_currency']} and {row['b_currency']} from "
            f"{row['first_month'] or '?'} to {row['last_month'] or '?'} (data/reference/README.md)"
        )
    return None


def validate_converts_to(con: duckdb.DuckDBPyConnection) -> list[Finding]:
    findings = []
    for row, status, detail in run_view(con, "select_check_converts_to", ConvertsToCheck, _fx_skip):
        unit = f"{row['a_currency']} per {row['b_currency']}"
        if status == "skip":
            message = detail
        else:
            rate = row["a_value"] / row["b_value"] if row["b_value"] else None
            arithmetic = (
                f"{row['a_surface']} / {row['b_surface']} = {_rate(rate)} {unit} "
                f"({_rate(row['stated_lo'])} to {_rate(row['stated_hi'])})"
            )
            reference = (
                f"the ECB reference rate from {row['first_month']} to {row['last_month']} was "
                f"{_rate(row['implied_lo'])} to {_rate(row['implied_hi'])}"
            )
            message = (
                f"{arithmetic}; {reference}: agrees"
                if status == "pass"
                else f"{arithmetic}, but {reference}{also(detail, 'rate_agrees_with_reference')}"
            )
        findings.append(
            Finding(
                check="converts_to",
                status=status,
                severity="error",
                subject=row["relation_id"],
                message=message,
                article_id=row["article_id"],
                sentence_no=row["sentence_no"],
                figure_ids=(row["b_id"], row["a_id"]),
                stated=(row["stated_lo"], row["stated_hi"])
                if row["stated_lo"] is not None
                else None,
                implied=(row["implied_lo"], row["implied_hi"])
                if row["implied_lo"] is not None
                else None,
                tolerance="rounding of both amounts; the reference range is every daily ECB rate in the months",
            )
        )
    return findings


def validate_sum_of(con: duckdb.DuckDBPyConnection) -> list[Finding]:
    findings = []
    for row, status, detail in run_view(con, "select_check_sum_of", SumOfCheck, lambda r: None):
        parts = " + ".join(row["part_surfaces"])
        total = f"{row['total_surface']} ({fmt.interval(row['stated_lo'], row['stated_hi'])})"
        arithmetic = f"{parts} = {amount(row['parts_value'])} ({fmt.interval(row['implied_lo'], row['implied_hi'])})"
        if row["exhaustive"]:
            verdict = (
                f"agrees with the total {total}"
                if status == "pass"
                else f"but the total says {total}"
            )
        else:
            verdict = (
                f"fits in the whole {total}" if status == "pass" else f"more than the whole {total}"
            )
        message = f"{arithmetic}, {verdict}" + (
            also(detail, "parts_add_up_to_total") if status == "fail" else ""
        )
        findings.append(
            Finding(
                check="sum_of",
                status=status,
                severity="error",
                subject=row["relation_id"],
                message=message,
                article_id=row["article_id"],
                sentence_no=row["sentence_no"],
                figure_ids=(row["total_id"], *row["part_ids"]),
                stated=(row["stated_lo"], row["stated_hi"]),
                implied=(row["implied_lo"], row["implied_hi"]),
                tolerance="rounding of every printed figure",
            )
        )
    return findings


def validate_shares_of_one_whole(con: duckdb.DuckDBPyConnection) -> list[Finding]:
    findings = []
    for row, status, _ in run_view(
        con, "select_check_shares_of_one_whole", SharesOfOneWholeCheck, lambda r: None
    ):
        shares = " + ".join(row["share_surfaces"])
        verdict = "at most 100 percent" if status == "pass" else "more than the whole"
        findings.append(
            Finding(
                check="shares_of_one_whole",
                status=status,
                severity="error",
                subject=f"{row['article_id']}:{row['whole_key']}",
                message=f"shares of one whole: {shares} = at least {row['stated_lo']:.2f} %, {verdict}",
                article_id=row["article_id"],
                sentence_no=row["sentence_no"],
                figure_ids=tuple(row["share_ids"]),
                stated=(row["stated_lo"], row["stated_hi"]),
                implied=(0.0, 100.0),
                tolerance="rounding of every printed share",
            )
        )
    return findings
