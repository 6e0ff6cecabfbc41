"""``magnitude``: two amounts said to stand in an order ("lower than", "up from", "followed
by") or merely compared ("compared with") agree with that order, and are not hundreds of
times apart; one measure printed twice for one period agrees within rounding; a ratio near
1,000 or 10 is named as the slip it likely is. The view (``magnitude.sql``) pairs the
amounts, the model decides, and the words below say what was found."""

from __future__ import annotations

import math

import duckdb
import pandera.polars as pa
import polars as pl
from pandera.api.polars.types import PolarsData

from addsup.checks.base import CheckView, Row, Within, run_view
from addsup.checks.slips import slip
from addsup.checks.words import finding
from addsup.findings import Finding

VIEWS = ("magnitude",)  # the view files beside this module, in the order they are created
VIEW = CheckView("check_magnitude", ("relation_id",))

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


_ORDER = {-1: "below", 1: "above", 0: "comparable with"}


def _ratio(row: Row) -> float | None:
    return row["x_value"] / row["y_value"] if row["y_value"] else None


def _message(row: Row, status: str) -> str:
    said = (
        f"{row['x_surface']} and {row['y_surface']} are given for one measure and one period"
        if row["direction"] == 2
        else f"{row['x_surface']} is said to be {_ORDER[row['direction']]} {row['y_surface']}"
    )
    cue = ""  # the cue words are shown by ``finding``
    ratio = _ratio(row)
    if status == "pass":
        return f"{said}{cue}: the values agree"
    if ratio is None:
        return f"{said}{cue}, but {row['y_surface']} is zero"
    size = f"{ratio:,.0f}" if ratio >= 100 else f"{ratio:.3g}"
    likely = slip(ratio)
    if row["direction"] == 2 and ratio > 0:
        # one quantity printed twice: a slip only when the ratio is a power of ten nearly
        # exactly; else one of the two belongs to another period or measure
        exact = abs(math.log10(ratio) - round(math.log10(ratio))) <= math.log10(1.05)
        likely = (
            likely
            if likely and exact
            else "one of the two likely belongs to another period or measure"
        )
        return f"{said}, but {row['x_surface']} is {size} times {row['y_surface']}: {likely}"
    return f"{said}{cue}, but it is {size} times {row['y_surface']}" + (
        f": {likely}" if likely else ""
    )


def validate_magnitude(con: duckdb.DuckDBPyConnection, within: Within = None) -> list[Finding]:
    return [
        finding(
            "magnitude",
            row,
            status,
            _message(row, status),
            subject=row["relation_id"],
            figures=(row["x_id"], row["y_id"]),
            tolerance="rounding of both amounts; at most 500 times apart",
            implied=(row["y_lo"], row["y_hi"]),
        )
        for row, status, _ in run_view(con, VIEW, MagnitudeCheck, edge=False, within=within)
    ]


CHECK = validate_magnitude
