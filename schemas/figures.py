"""Schema basics for the ``figures`` table: every figure is validated against ``FigureSchema``
(addsup.validate), built from the table's columns."""

from __future__ import annotations

import pandera.polars as pa
import polars as pl
from pandera.api.polars.types import PolarsData

from addsup.columns import columns, names
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


# The figures table's columns, each with its type and whether it may be NULL, come from the
# table (addsup/sql/tables/figures.sql, read by addsup.columns); here, what else holds of some.
COLUMN_CHECKS: dict[str, list[pa.Check]] = {
    "article_id": [pa.Check.str_length(min_value=16, max_value=16)],
    "surface": [pa.Check.str_length(min_value=1)],
    "decimals": [pa.Check.ge(0), pa.Check.le(12)],
    "scale": [pa.Check.isin([1.0, 1e3, 1e5, 1e6, 1e7, 1e9, 1e12])],  # lakh, crore too
    "unit": [pa.Check.isin(UNITS)],
    "currency": [pa.Check.isin(CURRENCIES)],
    "qualifier": [pa.Check.isin(QUALIFIERS)],
}
UNIQUE = ("figure_id",)


def span_is_not_empty(data: PolarsData) -> pl.LazyFrame:
    return data.lazyframe.select(pl.col("start_char") < pl.col("end_char"))


def range_runs_upwards(data: PolarsData) -> pl.LazyFrame:
    """ "5 to 7 percent": the top of a range is above its bottom, and only ranges have one."""
    upper = pl.col("value_upper")
    is_range = pl.col("qualifier") == "range"
    return data.lazyframe.select(
        # a range's second figure (its top as printed) has no top of its own
        pl.when(upper.is_not_null()).then(is_range & (upper > pl.col("value"))).otherwise(True)
    )


def interval_is_ordered(data: PolarsData) -> pl.LazyFrame:
    return data.lazyframe.select(pl.col("lo") <= pl.col("hi"))


def period_starts_before_it_ends(data: PolarsData) -> pl.LazyFrame:
    return data.lazyframe.select(
        pl.col("period_start").is_null() | (pl.col("period_start") <= pl.col("period_end"))
    )


def magnitude_is_plausible(data: PolarsData) -> pl.LazyFrame:
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


def counts_are_not_negative(data: PolarsData) -> pl.LazyFrame:
    return data.lazyframe.select((pl.col("unit") != "count") | (pl.col("value") >= 0))


def currency_only_on_amounts(data: PolarsData) -> pl.LazyFrame:
    return data.lazyframe.select((pl.col("unit") == "currency") == pl.col("currency").is_not_null())


def _schema() -> pa.DataFrameSchema:
    unknown = (set(COLUMN_CHECKS) | set(UNIQUE)) - set(names("figures"))
    if unknown:
        raise ValueError(f"the figures table has no columns {sorted(unknown)}")
    frame_checks = (
        span_is_not_empty,
        range_runs_upwards,
        interval_is_ordered,
        period_starts_before_it_ends,
        magnitude_is_plausible,
        counts_are_not_negative,
        currency_only_on_amounts,
    )
    return pa.DataFrameSchema(
        {
            c.name: pa.Column(
                c.dtype,
                checks=COLUMN_CHECKS.get(c.name),
                nullable=c.nullable,
                unique=c.name in UNIQUE,
            )
            for c in columns("figures")
        },
        checks=[pa.Check(check, name=check.__name__) for check in frame_checks],
        coerce=True,
        name="FigureSchema",
    )


FigureSchema = _schema()
