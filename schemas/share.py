"""The ``check_share_of`` view: a stated share agrees with its part and whole."""

from __future__ import annotations

import pandera.polars as pa
import polars as pl
from pandera.api.polars.types import PolarsData

from schemas.checks import intervals_overlap_expr


class ShareOfCheck(pa.DataFrameModel):
    """Rows of ``check_share_of`` whose part and whole are both stated, in one unit."""

    class Config:
        coerce = True

    relation_id: str = pa.Field(unique=True)
    article_id: str
    stated_lo: float = pa.Field(ge=-0.05, le=100.05)
    stated_hi: float = pa.Field(ge=0)
    implied_lo: float = pa.Field(ge=0)
    implied_hi: float = pa.Field(ge=0)

    @pa.dataframe_check
    def share_agrees_with_part_and_whole(cls, data: PolarsData) -> pl.LazyFrame:
        """part / whole × 100, as an interval, overlaps the stated share's interval."""
        return data.lazyframe.select(
            intervals_overlap_expr(("stated_lo", "stated_hi"), ("implied_lo", "implied_hi"))
        )
