"""Balances and the growth of totals: the ``check_balance`` and ``check_growth_of_total`` views."""

from __future__ import annotations

import pandera.polars as pa
import polars as pl
from pandera.api.polars.types import PolarsData

from addsup_schemas.checks import IntervalRows, overlap_named


class BalanceCheck(IntervalRows):
    """Rows of ``check_balance``: exports minus imports against a stated surplus or deficit."""

    relation_id: str = pa.Field(unique=True)
    direction: int = pa.Field(isin=[-1, 1])
    readings: int = pa.Field(ge=1)

    class Config:
        # balance_agrees_with_parts: exports - imports, as an interval, overlaps the signed
        # surplus or deficit
        intervals_overlap = overlap_named("balance_agrees_with_parts")

    @pa.dataframe_check
    def sign_agrees_with_parts(cls, data: PolarsData) -> pl.LazyFrame:
        """A surplus needs exports that can exceed imports; a deficit, imports that can."""
        surplus = pl.col("direction") > 0
        return data.lazyframe.select(
            pl.when(surplus).then(pl.col("implied_hi") >= 0).otherwise(pl.col("implied_lo") <= 0)
        )


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
