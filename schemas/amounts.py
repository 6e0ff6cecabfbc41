"""Amounts: currency conversions, sums, and shares of one whole."""

from __future__ import annotations

import pandera.polars as pa
import polars as pl
from pandera.api.polars.types import PolarsData

from schemas.checks import intervals_overlap_expr


class ConvertsToCheck(pa.DataFrameModel):
    """Rows of ``check_converts_to`` with a reference rate for the period."""

    class Config:
        coerce = True

    relation_id: str = pa.Field(unique=True)
    article_id: str
    stated_lo: float = pa.Field(gt=0)
    stated_hi: float = pa.Field(gt=0)
    implied_lo: float = pa.Field(gt=0)
    implied_hi: float = pa.Field(gt=0)

    @pa.dataframe_check
    def rate_agrees_with_reference(cls, data: PolarsData) -> pl.LazyFrame:
        """The rate the two amounts imply overlaps the reference range for the period."""
        return data.lazyframe.select(
            intervals_overlap_expr(("stated_lo", "stated_hi"), ("implied_lo", "implied_hi"))
        )


class SumOfCheck(pa.DataFrameModel):
    """Rows of ``check_sum_of``: listed parts and their total."""

    class Config:
        coerce = True

    relation_id: str = pa.Field(unique=True)
    article_id: str
    exhaustive: int = pa.Field(isin=[0, 1])
    stated_lo: float
    stated_hi: float
    implied_lo: float
    implied_hi: float

    @pa.dataframe_check
    def parts_add_up_to_total(cls, data: PolarsData) -> pl.LazyFrame:
        """All the parts: their sum overlaps the total. Some of them: their sum fits in it."""
        overlap = intervals_overlap_expr(("stated_lo", "stated_hi"), ("implied_lo", "implied_hi"))
        fits = pl.col("implied_lo") <= pl.col("stated_hi")
        return data.lazyframe.select(
            pl.when(pl.col("exhaustive") == 1).then(overlap).otherwise(fits)
        )


class SharesOfOneWholeCheck(pa.DataFrameModel):
    """Rows of ``check_shares_of_one_whole``."""

    class Config:
        coerce = True

    article_id: str
    whole_key: str
    shares: int = pa.Field(ge=2)
    stated_lo: float

    @pa.dataframe_check
    def shares_do_not_exceed_100(cls, data: PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(pl.col("stated_lo") <= 100)
