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


EDGE_SHARE = 0.1  # an overlap under a tenth of the narrower interval holds only at its edge


def at_edge_expr(stated: tuple[str, str], implied: tuple[str, str]) -> pl.Expr:
    """True where the two intervals overlap, but by less than ``EDGE_SHARE`` of the narrower
    one's width: the relation holds only with every figure at the far end of its rounding.

    The narrower width, not the stated one alone: a precise implied value well inside the
    stated rounding holds comfortably, however narrow it is.
    """
    s_lo, s_hi = (pl.col(c) for c in stated)
    i_lo, i_hi = (pl.col(c) for c in implied)
    common = pl.min_horizontal(s_hi, i_hi) - pl.max_horizontal(s_lo, i_lo)
    narrower = pl.min_horizontal(s_hi - s_lo, i_hi - i_lo)
    finite = pl.all_horizontal([c.is_finite() for c in (s_lo, s_hi, i_lo, i_hi)])
    return (finite & (common >= 0) & (common < EDGE_SHARE * narrower)).fill_null(False)


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


def overlap_named(name: str) -> dict[str, object]:
    """The registered ``intervals_overlap`` on a check view's ``stated_*`` and ``implied_*``
    columns, as a model's ``Config`` names it, its failures carrying ``name`` (the check the
    report and the words know): ``intervals_overlap = overlap_named("...")``."""
    return {
        "stated": ("stated_lo", "stated_hi"),
        "implied": ("implied_lo", "implied_hi"),
        "error": name,
    }
