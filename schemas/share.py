"""The ``check_share_of`` view: a stated share agrees with its part and whole."""

from __future__ import annotations

import pandera.polars as pa

from addsup_schemas.checks import IntervalRows, overlap_named


class ShareOfCheck(IntervalRows):
    """Rows of ``check_share_of`` whose part and whole are both stated, in one unit."""

    relation_id: str = pa.Field(unique=True)
    stated_lo: float = pa.Field(ge=-0.05, le=100.05)
    implied_lo: float = pa.Field(ge=0)
    implied_hi: float = pa.Field(ge=0)

    class Config:
        # share_agrees_with_part_and_whole: part / whole × 100, as an interval, overlaps the stated
        # share's interval.
        intervals_overlap = overlap_named("share_agrees_with_part_and_whole")
