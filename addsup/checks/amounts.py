"""``converts_to`` (two currencies against the reference rate), ``sum_of`` (parts and total)
and ``shares_of_one_whole`` (shares of one whole add to at most 100)."""

from __future__ import annotations

from typing import Any

import duckdb
import polars as pl

from addsup import fmt
from addsup.checks.base import (
    AT_EDGE,
    EDGE_WORDS,
    Decided,
    Row,
    RowCheck,
    Within,
    also,
    amount,
    decide,
    finding,
    linked_across,
    run_view,
)
from addsup.findings import Finding
from addsup_schemas import ConvertsToCheck, SharesOfOneWholeCheck, SumOfCheck


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


def _overlaps(row: Row, lo: str, hi: str) -> bool:
    return (
        row["stated_lo"] is not None
        and row[lo] is not None
        and row["stated_lo"] <= row[hi]
        and row[lo] <= row["stated_hi"]
    )


def validate_converts_to(con: duckdb.DuckDBPyConnection, within: Within = None) -> list[Finding]:
    findings = []
    maybe = pl.col("stated_lo").is_null() | (pl.col("months").fill_null(0) == 0)
    for row, status, detail in run_view(
        con, "select_check_converts_to", ConvertsToCheck, _fx_skip, maybe, edge=False, within=within
    ):
        message = detail
        severity = "error"
        earlier = status == "fail" and _overlaps(row, "wide_lo", "wide_hi")
        if earlier:  # the rate of an earlier month of the period fits: a warning at most
            severity = "warning"
            message = (
                f"{row['a_surface']} / {row['b_surface']} implies "
                f"{_rate(row['stated_lo'])} to {_rate(row['stated_hi'])} "
                f"{row['a_currency']} per {row['b_currency']}: off the ECB rate of "
                f"{row['last_month']} ({_rate(row['implied_lo'])} to {_rate(row['implied_hi'])}, "
                f"give or take 3 %), though within 3 % of a monthly rate since {row['first_month']}"
            )
        elif status != "skip":
            rate = row["a_value"] / row["b_value"] if row["b_value"] else None
            arithmetic = (
                f"{row['a_surface']} / {row['b_surface']} = {_rate(rate)} "
                f"{row['a_currency']} per {row['b_currency']} "
                f"({_rate(row['stated_lo'])} to {_rate(row['stated_hi'])})"
            )
            reference = f"the ECB reference rate of {row['last_month']}, give or take 3 %, was {_rate(row['implied_lo'])} to {_rate(row['implied_hi'])}"
            if row.get("reading"):  # a bare "¥" read the other way
                reference += f" (read as {row['reading']}: the symbol is ambiguous)"
            message = (
                f"{arithmetic}; {reference}: agrees"
                if status == "pass"
                else f"{arithmetic}, but {reference}{also(detail, 'rate_agrees_with_reference')}"
            )
        findings.append(
            finding(
                "converts_to",
                row,
                status,
                message,
                subject=row["relation_id"],
                figures=(row["b_id"], row["a_id"]),
                tolerance="rounding of both amounts; the ECB rate of the month, ±3 %",
                severity=severity,
            )
        )
    return findings


def _decide_sum(frame: pl.DataFrame) -> Decided:
    # the edge of rounding means something only where the parts make the whole total
    return decide(frame, SumOfCheck, edge=pl.col("exhaustive") == 1)


def _explain_sum(row: Row, status: str, detail: Any) -> Finding:
    arithmetic = (
        f"{' + '.join(row['part_surfaces'])} = {amount(row['parts_value'])} "
        f"({fmt.interval(row['implied_lo'], row['implied_hi'])})"
    )
    total = f"{row['total_surface']} ({fmt.interval(row['stated_lo'], row['stated_hi'])})"
    if row["exhaustive"]:
        outcome = (
            f"agrees with the total {total}" if status == "pass" else f"but the total says {total}"
        )
    else:
        outcome = (
            f"fits in the whole {total}" if status == "pass" else f"more than the whole {total}"
        )
    extra = also(detail, "parts_add_up_to_total") if status == "fail" else ""
    if detail == [AT_EDGE]:
        outcome, extra = f"meets the total {total} {EDGE_WORDS}", ""
    cue = ""  # the cue words are shown by ``finding``
    return finding(
        "sum_of",
        row,
        status,
        f"{arithmetic}, {outcome}{extra}{cue}",
        severity=linked_across(row, status),
        subject=row["relation_id"],
        figures=(row["total_id"], *row["part_ids"]),
    )


SUM_OF = RowCheck(
    "sum_of", "select_check_sum_of", _decide_sum, _explain_sum, figures=("total_id", "part_ids")
)

validate_sum_of = SUM_OF  # every finding of the view, explained


def validate_shares_of_one_whole(
    con: duckdb.DuckDBPyConnection, within: Within = None
) -> list[Finding]:
    findings = []
    view = run_view(con, "select_check_shares_of_one_whole", SharesOfOneWholeCheck, within=within)
    for row, status, _ in view:
        outcome = "at most 100 percent" if status == "pass" else "more than the whole"
        message = (
            f"shares of one whole: {' + '.join(row['share_surfaces'])} = at least "
            f"{row['stated_lo']:.2f} %, {outcome}"
        )
        findings.append(
            finding(
                "shares_of_one_whole",
                row,
                status,
                message,
                subject=f"{row['article_id']}:{row['whole_key']}",
                figures=tuple(row["share_ids"]),
                implied=(0.0, 100.0),
                severity=linked_across(row, status),
            )
        )
    return findings
