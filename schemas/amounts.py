"""Amounts: currency conversions, sums, and shares of one whole."""

from __future__ import annotations

import pandera.polars as pa
import polars as pl
from pandera.api.polars.types import PolarsData

from addsup_schemas.checks import IntervalRows, intervals_overlap_expr, overlap_named


class ConvertsToCheck(IntervalRows):
    """Rows of ``check_converts_to`` with a reference rate for the period."""

    relation_id: str = pa.Field(unique=True)
    stated_lo: float = pa.Field(gt=0)
    implied_lo: float = pa.Field(gt=0)

    class Config:
        # rate_agrees_with_reference: The rate the two amounts imply overlaps the reference range
        # for the period.
        intervals_overlap = overlap_named("rate_agrees_with_reference")


class SumOfCheck(IntervalRows):
    """Rows of ``check_sum_of``: listed parts and their total."""

    relation_id: str = pa.Field(unique=True)
    exhaustive: int = pa.Field(isin=[0, 1])

    @pa.dataframe_check
    def parts_add_up_to_total(cls, data: PolarsData) -> pl.LazyFrame:
        """All the parts: their sum overlaps the total. Some of them: their sum fits in it."""
        whole = intervals_overlap_expr(("stated_lo", "stated_hi"), ("implied_lo", "implied_hi"))
        fits = pl.col("implied_lo") <= pl.col("stated_hi")
        return data.lazyframe.select(pl.when(pl.col("exhaustive") == 1).then(whole).otherwise(fits))


class SharesOfOneWholeCheck(pa.DataFrameModel):
    """Rows of ``check_shares_of_one_whole``."""

    article_id: str
    whole_key: str
    shares: int = pa.Field(ge=2)
    stated_lo: float

    class Config:
        coerce = True

    @pa.dataframe_check
    def shares_do_not_exceed_100(cls, data: PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(pl.col("stated_lo") <= 100)
