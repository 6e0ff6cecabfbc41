"""Reusable checks, registered with pandera so any schema can name them in its Config.

They compare intervals, never floats: a printed number stands for every value that
rounds to it (see addsup.intervals).
"""

from __future__ import annotations

import pandera.extensions as extensions
import pandera.polars as pa
import polars as pl
from pandera.api.polars.types import PolarsData


def intervals_overlap_expr(stated: tuple[str, str], implied: tuple[str, str]) -> pl.Expr:
    """True where [stated_lo, stated_hi] and [implied_lo, implied_hi] share a point."""
    s_lo, s_hi = (pl.col(c) for c in stated)
    i_lo, i_hi = (pl.col(c) for c in implied)
    return (i_lo <= s_hi) & (s_lo <= i_hi)


@extensions.register_check_method(statistics=["stated", "implied"])
def intervals_overlap(
    data: PolarsData, *, stated: tuple[str, str], implied: tuple[str, str]
) -> pl.LazyFrame:
    """The stated interval and the implied interval overlap on every row."""
    return data.lazyframe.select(intervals_overlap_expr(stated, implied))


class IntervalRows(pa.DataFrameModel):
    """Rows of a check view: a stated interval and the interval the other figures imply."""

    article_id: str
    stated_lo: float
    stated_hi: float
    implied_lo: float
    implied_hi: float

    class Config:
        coerce = True


def overlap(data: PolarsData) -> pl.LazyFrame:
    """The row's stated and implied intervals share a point."""
    return data.lazyframe.select(
        intervals_overlap_expr(("stated_lo", "stated_hi"), ("implied_lo", "implied_hi"))
    )
