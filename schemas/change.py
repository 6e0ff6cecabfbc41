"""Growth and percentage-point gaps: the ``check_growth`` and ``check_pp_difference`` views."""

from __future__ import annotations

import pandera.polars as pa
import polars as pl
from pandera.api.polars.types import PolarsData

from addsup_schemas.checks import IntervalRows, overlap_named


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


class PpDifferenceCheck(IntervalRows):
    """Rows of ``check_pp_difference`` with both rates stated."""

    relation_id: str = pa.Field(unique=True)
    stated_lo: float = pa.Field(ge=0)

    class Config:
        # gap_agrees_with_both_sides: a - b (higher) or b - a (lower), as an interval, overlaps the
        # stated gap.
        intervals_overlap = overlap_named("gap_agrees_with_both_sides")
