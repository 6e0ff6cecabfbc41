"""``pp_difference``: a - b in percentage points agrees with the stated gap. The view
(``pp_difference.sql``) does the arithmetic, the model decides, and the words below say what
was skipped and why and what was found."""

from __future__ import annotations

from typing import Any

import pandera.polars as pa
import polars as pl

from addsup import fmt
from addsup.checks.base import CheckView, Decided, Row, RowCheck, decide
from addsup.checks.words import finding, pct_interval, verdict
from addsup.findings import Finding
from addsup_schemas.checks import IntervalRows, overlap_named

VIEWS = ("pp_difference",)  # the view files beside this module, in the order they are created


class PpDifferenceCheck(IntervalRows):
    """Rows of ``check_pp_difference`` with both rates stated."""

    relation_id: str = pa.Field(unique=True)
    stated_lo: float = pa.Field(ge=0)

    class Config:
        # gap_agrees_with_both_sides: a - b (higher) or b - a (lower), as an interval, overlaps the
        # stated gap.
        intervals_overlap = overlap_named("gap_agrees_with_both_sides")


def _gap_skip(row: Row) -> str | None:
    if row["b_id"] is None:
        other = row["phrase"] or "the other rate"
        return (
            f"{other} not stated: {row['a_surface']} {'−' if row['direction'] > 0 else '+'} "
            f"{row['gap_surface']} implies {pct_interval(row['implied_other_lo'], row['implied_other_hi'])}"
        )
    return None


def _decide_gap(frame: pl.DataFrame) -> Decided:
    return decide(frame, PpDifferenceCheck, _gap_skip, pl.col("b_id").is_null())


def _explain_gap(row: Row, status: str, detail: Any) -> Finding:
    message = detail
    if status != "skip":
        higher = row["direction"] > 0
        first, second = (row["a_surface"], row["b_surface"])[:: 1 if higher else -1]
        value = (row["a_value"] - row["b_value"]) * (1 if higher else -1)
        arithmetic = (
            f"{first} − {second} = {value:.2f} points "
            f"({fmt.interval(row['implied_lo'], row['implied_hi'], 'points')})"
        )
        stated = f"{row['gap_surface']} {'higher' if higher else 'lower'}"
        message = verdict(status, arithmetic, stated, detail, "gap_agrees_with_both_sides")
    return finding(
        "pp_difference",
        row,
        status,
        message,
        subject=row["relation_id"],
        figures=(row["gap_id"], row["a_id"], row["b_id"]),
    )


CHECK = RowCheck(
    "pp_difference",
    CheckView("check_pp_difference", ("relation_id",)),
    _decide_gap,
    _explain_gap,
    figures=("gap_id", "a_id", "b_id"),
)
