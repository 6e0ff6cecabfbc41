"""The ``check_share_of`` view: a stated share agrees with its part and whole."""

from __future__ import annotations

import pandera.polars as pa
import polars as pl
from pandera.api.polars.types import PolarsData

from addsup_schemas.checks import IntervalRows, overlap


class ShareOfCheck(IntervalRows):
    """Rows of ``check_share_of`` whose part and whole are both stated, in one unit."""

    relation_id: str = pa.Field(unique=True)
    stated_lo: float = pa.Field(ge=-0.05, le=100.05)
    implied_lo: float = pa.Field(ge=0)
    implied_hi: float = pa.Field(ge=0)

    @pa.dataframe_check
    def share_agrees_with_part_and_whole(cls, data: PolarsData) -> pl.LazyFrame:
        """part / whole × 100, as an interval, overlaps the stated share's interval."""
        return overlap(data)
