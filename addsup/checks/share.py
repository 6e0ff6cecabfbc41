"""``share_of``: part / whole x 100 agrees with the stated share."""

from __future__ import annotations

import math

import duckdb

from addsup import fmt
from addsup.checks.base import Row, also, run_view
from addsup.findings import Finding
from schemas import ShareOfCheck

CHECK = "share_agrees_with_part_and_whole"
TOLERANCE = "rounding of every printed figure (docs/checks.md)"


def _skip(row: Row) -> str | None:
    if row["whole_id"] is None:
        lo, hi = row["implied_whole_lo"], row["implied_whole_hi"]
        what = f" ({row['phrase']})" if row["phrase"] else ""
        if lo is None:
            return "whole not stated, and a zero share implies no whole"
        return (
            f"whole{what} not stated: {row['part_surface']} / {row['share_surface']} implies "
            f"{fmt.interval(lo, hi, row['part_currency'] or '')}"
        )
    if row["part_currency"] != row["whole_currency"]:
        return f"part in {row['part_currency']} and whole in {row['whole_currency']}: needs an exchange rate"
    if row["implied_lo"] is None:
        return f"the whole {row['whole_surface']} may be zero: no share can be computed"
    return None


def validate_share_of(con: duckdb.DuckDBPyConnection) -> list[Finding]:
    findings = []
    for row, status, detail in run_view(con, "select_check_share_of", ShareOfCheck, _skip):
        if status == "skip":
            message = detail
        else:
            value = 100 * row["part_value"] / row["whole_value"] if row["whole_value"] else math.nan
            arithmetic = (
                f"{row['part_surface']} / {row['whole_surface']} × 100 = {value:.2f} % "
                f"({fmt.interval(row['implied_lo'], row['implied_hi'], '%')})"
            )
            stated = (
                f"{row['share_surface']} ({fmt.interval(row['stated_lo'], row['stated_hi'], '%')})"
            )
            message = (
                f"{arithmetic} agrees with the stated {stated}"
                if status == "pass"
                else f"{arithmetic}, but the article says {stated}{also(detail, CHECK)}"
            )
        findings.append(
            Finding(
                check="share_of",
                status=status,
                severity="error",
                subject=row["relation_id"],
                message=message,
                article_id=row["article_id"],
                sentence_no=row["sentence_no"],
                figure_ids=tuple(
                    i for i in (row["share_id"], row["part_id"], row["whole_id"]) if i
                ),
                stated=(row["stated_lo"], row["stated_hi"]),
                implied=(row["implied_lo"], row["implied_hi"])
                if row["implied_lo"] is not None
                else None,
                tolerance=TOLERANCE,
            )
        )
    return findings
