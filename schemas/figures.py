"""Schema basics for the ``figures`` table."""

from __future__ import annotations

import datetime as dt

import pandera.polars as pa
import polars as pl
from pandera.api.polars.types import PolarsData

from addsup.extract.currencies import ISO_CODES

UNITS = [
    "percent",
    "percentage_point",
    "basis_point",
    "currency",
    "count",
    "ordinal",
    "multiple",
    "other",
]
QUALIFIERS = ["exact", "about", "nearly", "over", "at_least", "under", "up_to", "range"]
CURRENCIES = sorted(ISO_CODES)


class FigureSchema(pa.DataFrameModel):
    figure_id: str = pa.Field(unique=True)
    article_id: str = pa.Field(str_length={"min_value": 16, "max_value": 16})
    # a headline's sentences are numbered below 0 and its offsets are negative (counted back
    # from the start of the body: addsup.extract.Extraction)
    sentence_no: int
    start_char: int
    end_char: int
    surface: str = pa.Field(str_length={"min_value": 1})
    value: float
    decimals: int = pa.Field(ge=0, le=12)
    scale: float = pa.Field(isin=[1.0, 1e3, 1e5, 1e6, 1e7, 1e9, 1e12])  # lakh, crore too
    unit: str = pa.Field(isin=UNITS)
    currency: str = pa.Field(nullable=True, isin=CURRENCIES)
    currency_assumed: bool
    qualifier: str = pa.Field(isin=QUALIFIERS)
    lo: float
    hi: float
    value_upper: float = pa.Field(nullable=True)
    period_start: dt.date = pa.Field(nullable=True)
    period_end: dt.date = pa.Field(nullable=True)

    class Config:
        coerce = True

    @pa.dataframe_check
    def span_is_not_empty(cls, data: PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(pl.col("start_char") < pl.col("end_char"))

    @pa.dataframe_check
    def range_runs_upwards(cls, data: PolarsData) -> pl.LazyFrame:
        """ "5 to 7 percent": the top of a range is above its bottom, and only ranges have one."""
        upper = pl.col("value_upper")
        is_range = pl.col("qualifier") == "range"
        return data.lazyframe.select(
            # a range's second figure (its top as printed) has no top of its own
            pl.when(upper.is_not_null()).then(is_range & (upper > pl.col("value"))).otherwise(True)
        )

    @pa.dataframe_check
    def interval_is_ordered(cls, data: PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(pl.col("lo") <= pl.col("hi"))

    @pa.dataframe_check
    def period_starts_before_it_ends(cls, data: PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(
            pl.col("period_start").is_null() | (pl.col("period_start") <= pl.col("period_end"))
        )

    @pa.dataframe_check
    def magnitude_is_plausible(cls, data: PolarsData) -> pl.LazyFrame:
        """Finite, and below what any real figure reaches: 1e18 for amounts (even in won or
        yen), 1e12 for counts, a million for percentages."""
        size = (pl.col("value") * pl.col("scale")).abs()
        limit = (
            pl.when(pl.col("unit") == "currency")
            .then(1e18)
            .when(pl.col("unit") == "count")
            .then(1e12)
            .otherwise(1e6)
        )
        return data.lazyframe.select(pl.col("value").is_finite() & (size < limit))

    @pa.dataframe_check
    def counts_are_not_negative(cls, data: PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select((pl.col("unit") != "count") | (pl.col("value") >= 0))

    @pa.dataframe_check
    def currency_only_on_amounts(cls, data: PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(
            (pl.col("unit") == "currency") == pl.col("currency").is_not_null()
        )
