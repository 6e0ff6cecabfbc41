"""``growth``: current / previous - 1 agrees with the stated rise or fall. The view
(``growth.sql``) does the arithmetic, the models decide, and the words below say what was
skipped and why and what was found."""

from __future__ import annotations

from typing import Any

import pandera.polars as pa
import polars as pl
from pandera.api.polars.types import PolarsData

from addsup import fmt
from addsup.checks.base import CheckView, Decided, Row, RowCheck, decide
from addsup.checks.words import finding, linked_across, pct, pct_interval, verdict
from addsup.findings import Finding
from addsup_schemas.checks import IntervalRows, overlap_named

VIEWS = ("growth",)  # the view files beside this module, in the order they are created


class GrowthCheck(IntervalRows):
    """Rows of ``check_growth`` with both levels stated."""

    relation_id: str = pa.Field(unique=True)

    class Config:
        # growth_agrees_with_levels: current / previous - 1, as an interval, overlaps the stated
        # rise or fall.
        intervals_overlap = overlap_named("growth_agrees_with_levels")


class GrowthStated(pa.DataFrameModel):
    """Every growth relation, whatever levels it has: a level cannot fall by 100 % or more."""

    relation_id: str = pa.Field(unique=True)
    stated_hi: float

    @pa.dataframe_check
    def fall_is_not_below_minus_100(cls, data: PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(pl.col("stated_hi") > -100)


def _change(row: Row) -> str:
    return "a rise of" if row["direction"] > 0 else "a fall of"


def _growth_skip(row: Row) -> str | None:
    if row["stated_hi"] is not None and row["stated_hi"] <= -100:
        return None  # checked below: a fall of 100 % or more is impossible
    if row["previous_id"] is None:
        lo, hi = row["implied_previous_lo"], row["implied_previous_hi"]
        return (
            f"previous level not stated: {row['current_surface']} after {_change(row)} "
            f"{row['growth_surface']} implies {fmt.interval(lo, hi, row['currency'] or '')} before"
        )
    if row["current_id"] is None:
        return f"current level not stated: only {row['previous_surface']} before {_change(row)} {row['growth_surface']}"
    if row["implied_lo"] is None:
        return (
            f"the previous level {row['previous_surface']} may be zero: no growth can be computed"
        )
    return None


IMPOSSIBLE = "stated:fall_is_not_below_minus_100"
_READINGS = {"ratio": "a ratio (x m)", "increase": "an increase of m times (x m+1)"}


def _ratio_slip(row: Row, growth: float) -> str:
    """The likely slip when a printed rise matches the ratio of the levels, not the rise:
    "up 520 %" for a level 5.2 times the earlier one (that is up 420 %)."""
    ratio = growth + 100
    printed = (row["stated_lo"] + row["stated_hi"]) / 2
    if row["direction"] > 0 and ratio > 0 and abs(printed - ratio) <= 0.02 * ratio:
        return (
            f"; the printed {row['growth_surface']} matches the ratio of the levels "
            f'({ratio:.0f} % of the earlier one), not the rise: likely "to {ratio:.0f} % of" '
            f'printed as "up {row["growth_surface"]}"'
        )
    return ""


def _decide_growth(frame: pl.DataFrame) -> Decided:
    """The growth rows decided; a stated fall of 100 % or more fails whatever the levels."""
    impossible = list(decide(frame, GrowthStated, edge=False).failing)  # validated twice
    maybe = (
        pl.col("previous_id").is_null()
        | pl.col("current_id").is_null()
        | pl.col("implied_lo").is_null()
    )
    decided = decide(frame, GrowthCheck, _growth_skip, maybe)
    for i in impossible:
        decided.skipped.pop(i, None)
        decided.failing[i] = [IMPOSSIBLE, *decided.failing.get(i, [])]
    return decided


def _explain_growth(row: Row, status: str, detail: Any) -> Finding:
    stated = f"{_change(row)} {row['growth_surface']} ({pct_interval(row['stated_lo'], row['stated_hi'])})"
    message = detail
    if status == "fail" and IMPOSSIBLE in detail:
        message = f"{stated} would take the level below zero: a fall cannot exceed 100 %"
    elif status != "skip":
        value = (
            100 * (row["current_value"] / row["previous_value"] - 1)
            if row["previous_value"]
            else None
        )
        arithmetic = (
            f"{row['current_surface']} / {row['previous_surface']} − 1 = {pct(value)} "
            f"({pct_interval(row['implied_lo'], row['implied_hi'])})"
        )
        message = verdict(status, arithmetic, stated, detail, "growth_agrees_with_levels")
        if row.get("reading"):
            message += f" [{row['growth_surface']} read as {_READINGS[row['reading']]}]"
        elif status == "fail" and value is not None:
            message += _ratio_slip(row, value)
    return finding(
        "growth",
        row,
        status,
        message,
        subject=row["relation_id"],
        figures=(row["growth_id"], row["current_id"], row["previous_id"]),
        severity="error" if IMPOSSIBLE in (detail or []) else linked_across(row, status),
    )


CHECK = RowCheck(
    "growth",
    CheckView("check_growth", ("relation_id",)),
    _decide_growth,
    _explain_growth,
    figures=("growth_id", "current_id", "previous_id"),
)
