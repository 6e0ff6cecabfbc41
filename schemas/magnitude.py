"""``magnitude``: the order or size two amounts of one kind are said to stand in."""

from __future__ import annotations

import pandera.polars as pa
import polars as pl
from pandera.api.polars.types import PolarsData

# two levels said to compare, yet this many times apart, are not of one measure as printed
MAX_COMPARABLE_RATIO = 500.0


def order_holds_expr() -> pl.Expr:
    """True where some values inside both intervals stand in the stated order."""
    below = pl.col("x_lo") <= pl.col("y_hi")
    above = pl.col("x_hi") >= pl.col("y_lo")
    comparable = (pl.col("x_hi") * MAX_COMPARABLE_RATIO >= pl.col("y_lo")) & (
        pl.col("y_hi") * MAX_COMPARABLE_RATIO >= pl.col("x_lo")
    )
    same = below & above  # direction 2: one quantity printed twice, so the intervals meet
    return (
        pl.when(pl.col("direction") == 2)
        .then(same)
        .when(pl.col("direction") < 0)
        .then(below & comparable)
        .when(pl.col("direction") > 0)
        .then(above & comparable)
        .otherwise(comparable)
    )


class MagnitudeCheck(pa.DataFrameModel):
    """Rows of ``check_magnitude``: X and Y as intervals, and the order the text asserts."""

    relation_id: str = pa.Field(unique=True)
    article_id: str
    direction: int = pa.Field(isin=[-1, 0, 1, 2])
    x_lo: float = pa.Field(ge=0)
    x_hi: float = pa.Field(ge=0)
    y_lo: float = pa.Field(ge=0)
    y_hi: float = pa.Field(ge=0)

    class Config:
        coerce = True

    @pa.dataframe_check
    def order_agrees_with_values(cls, data: PolarsData) -> pl.LazyFrame:
        """X is below (above) Y as the text says, and the two are not hundreds of times apart;
        the same quantity printed twice (direction 2) agrees within rounding."""
        return data.lazyframe.select(order_holds_expr())
