"""``share_of``: part / whole x 100 agrees with the stated share. The view (``share_of.sql``)
does the arithmetic, the model decides, and the words below say what was skipped and why
(``_skip``) and what was found (``_explain``)."""

from __future__ import annotations

import math
from typing import Any

import pandera.polars as pa
import polars as pl

from addsup import fmt
from addsup.checks.base import CheckView, Decided, Row, RowCheck, decide
from addsup.checks.words import finding, linked_across, verdict
from addsup.findings import Finding
from addsup_schemas.checks import IntervalRows, overlap_named

VIEWS = ("share_of",)  # the view files beside this module, in the order they are created


class ShareOfCheck(IntervalRows):
    """Rows of ``check_share_of`` whose part and whole are both stated, in one unit."""

    relation_id: str = pa.Field(unique=True)
    stated_lo: float = pa.Field(ge=-0.05, le=100.05)
    implied_lo: float = pa.Field(ge=0)
    implied_hi: float = pa.Field(ge=0)

    class Config:
        # share_agrees_with_part_and_whole: part / whole × 100, as an interval, overlaps the
        # stated share's interval
        intervals_overlap = overlap_named("share_agrees_with_part_and_whole")


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


def _decide(frame: pl.DataFrame) -> Decided:
    maybe = (
        pl.col("whole_id").is_null()
        | pl.col("part_currency").ne_missing(pl.col("whole_currency"))
        | pl.col("implied_lo").is_null()
    )
    return decide(frame, ShareOfCheck, _skip, maybe)


def _explain(row: Row, status: str, detail: Any) -> Finding:
    message = detail
    if status != "skip":
        value = 100 * row["part_value"] / row["whole_value"] if row["whole_value"] else math.nan
        arithmetic = (
            f"{row['part_surface']} / {row['whole_surface']} × 100 = {value:.2f} % "
            f"({fmt.interval(row['implied_lo'], row['implied_hi'], '%')})"
        )
        stated = f"{row['share_surface']} ({fmt.interval(row['stated_lo'], row['stated_hi'], '%')})"
        message = verdict(status, arithmetic, stated, detail, "share_agrees_with_part_and_whole")
        if row.get("reach") and row["phrase"]:
            message += f' [the whole read from "{row["phrase"]}" in a sentence before]'
    return finding(
        "share_of",
        row,
        status,
        message,
        subject=row["relation_id"],
        figures=(row["share_id"], row["part_id"], row["whole_id"]),
        severity=linked_across(row, status),
    )


CHECK = RowCheck(
    "share_of",
    CheckView("check_share_of", ("relation_id",)),
    _decide,
    _explain,
    figures=("share_id", "part_id", "whole_id"),
)
