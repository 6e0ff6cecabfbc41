"""``growth_of_total``: a total's (or a balance's) rate against the one its parts imply. The
view (``growth_of_total.sql``) does the arithmetic, the model decides, and the words below say
what was skipped and why and what was found."""

from __future__ import annotations

from typing import Any

import pandera.polars as pa
import polars as pl
from pandera.api.polars.types import PolarsData

from addsup import fmt
from addsup.checks.base import CheckView, Decided, Row, RowCheck, decide
from addsup.checks.words import also, amount, finding, pct, pct_interval
from addsup.findings import Finding
from addsup_schemas.balance import linked, severity
from addsup_schemas.checks import IntervalRows, overlap_named

VIEWS = ("growth_of_total",)  # the view files beside this module, in the order they are created


class GrowthOfTotalCheck(IntervalRows):
    """Rows of ``check_growth_of_total`` whose parts imply a positive previous total."""

    relation_id: str = pa.Field(unique=True)
    readings: int = pa.Field(ge=1)
    form: str = pa.Field(isin=["rate", "change", "level"])
    is_total: bool
    all_rose: bool
    all_fell: bool

    class Config:
        # growth_agrees_with_parts: what the previous total its parts imply makes of the stated
        # total (a rate, a change in money, or the earlier level itself) overlaps what the
        # article states
        intervals_overlap = overlap_named("growth_agrees_with_parts")

    @pa.dataframe_check
    def total_moves_with_its_parts(cls, data: PolarsData) -> pl.LazyFrame:
        """A total whose parts all rose cannot fall, nor rise when they all fell."""
        total = pl.col("is_total") & (pl.col("form") != "level")
        return data.lazyframe.select(
            ~(total & pl.col("all_rose") & (pl.col("stated_hi") < 0))
            & ~(total & pl.col("all_fell") & (pl.col("stated_lo") > 0))
        )


def _growth_skip(row: Row) -> str | None:
    if row["implied_lo"] is None:
        return (
            f"the parts' levels and rates ({', '.join(row['level_surfaces'])}; "
            f"{', '.join(row['rate_surfaces'])}) imply no positive previous "
            f"{'total' if row['is_total'] else 'balance'}: no growth can be computed"
        )
    return None


def _growth_words(row: Row, status: str, detail: Any) -> str:
    """The arithmetic of a growth_of_total row in words, and its verdict."""
    currency = row["currency"] or ""
    parts = [
        f"{'−' if sign < 0 else '+'} {rate_surface}"
        + ("" if level_id == rate_id else f" (then; now {level})")
        if is_level
        else f"{'−' if sign < 0 else '+'} {level} / (1 {'−' if rate < 0 else '+'} {rate_surface})"
        if is_rate
        else f"{'−' if sign < 0 else '+'} ({level} {'−' if rate > 0 else '+'} {rate_surface})"
        for level, sign, rate, rate_surface, is_rate, is_level, level_id, rate_id in zip(
            row["level_surfaces"],
            row["level_signs"],
            row["rate_values"],
            row["rate_surfaces"],
            row["rate_is_percent"],
            row.get("rate_is_level") or [False] * len(row["level_surfaces"]),
            row["level_ids"],
            row["rate_ids"],
            strict=True,
        )
    ]
    what = (
        "total"
        if row["is_total"]
        else "level"  # a part's: the earlier total less the other parts' earlier levels
        if any(row.get("rate_is_level") or [])
        else "balance"
    )
    previous = (
        f"previous {what} {' '.join(parts).removeprefix('+ ')} = "
        f"{amount(row['previous_value'])} ({fmt.interval(row['previous_lo'], row['previous_hi'], currency)})"
    )
    implied = fmt.interval(row["implied_lo"], row["implied_hi"], currency)
    said = fmt.interval(row["stated_lo"], row["stated_hi"], currency)
    change = "rise of" if row["direction"] > 0 else "fall of"
    if row["form"] == "level":
        arithmetic, stated = previous, f"earlier {what} of {row['growth_surface']} ({said})"
    elif row["form"] == "change":
        value = row["total_value"] - row["previous_value"] if row["previous_value"] else None
        arithmetic = f"{previous}; {row['total_surface']} less it = {amount(value)} ({implied})"
        stated = f"{change} {row['growth_surface']} ({said})"
    else:
        value = (
            100 * (row["total_value"] / row["previous_value"] - 1)
            if row["previous_value"] and row["previous_value"] > 0
            else None
        )
        arithmetic = (
            f"{previous}; {row['total_surface']} over it − 1 = {pct(value)} "
            f"({pct_interval(row['implied_lo'], row['implied_hi'])})"
        )
        stated = (
            f"{change} {row['growth_surface']} ({pct_interval(row['stated_lo'], row['stated_hi'])})"
        )
    if status == "pass":
        return f"{arithmetic} agrees with the stated {stated}"
    stated = stated if row["form"] == "level" else f"a {stated}"
    if "total_moves_with_its_parts" in detail:
        moved = "rose" if row["all_rose"] else "fell"
        return (
            f"every part {moved}, yet the article says {stated}: {arithmetic}"
            f"{also(detail, 'total_moves_with_its_parts')}"
        )
    return f"{arithmetic}, but the article says {stated}{also(detail, 'growth_agrees_with_parts')}"


def _decide_growth_of_total(frame: pl.DataFrame) -> Decided:
    return decide(frame, GrowthOfTotalCheck, _growth_skip, pl.col("implied_lo").is_null())


def _explain_growth_of_total(row: Row, status: str, detail: Any) -> Finding:
    message = detail
    if status != "skip":
        message = _growth_words(row, status, detail)
    made = finding(
        "growth_of_total",
        row,
        status,
        message + linked(row),
        subject=row["relation_id"],
        figures=(row["growth_id"], row["total_id"], *row["level_ids"], *row["rate_ids"]),
    )
    return severity(made, row)


CHECK = RowCheck(
    "growth_of_total",
    CheckView("check_growth_of_total", ("relation_id",)),
    _decide_growth_of_total,
    _explain_growth_of_total,
    figures=("growth_id", "total_id", "level_ids", "rate_ids"),
)
