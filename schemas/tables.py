"""Schemas of the curated tables under ``data/tables/``: the rows of a contract's arithmetic
(``TableArithmetic``), and the tables whose checks a contract cannot say."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandera.polars as pa
import polars as pl
from pandera.api.polars.types import PolarsData

import addsup_schemas.checks  # noqa: F401  (registers the reusable checks)


class TableArithmetic(pa.DataFrameModel):
    """Rows of a table contract's arithmetic check (``addsup.table_checks``): the stated
    interval and the one the other columns imply, read from the digits the file printed."""

    line: int = pa.Field(ge=1)
    stated_lo: float
    stated_hi: float
    implied_lo: float
    implied_hi: float

    class Config:
        coerce = True
        # registered in schemas.checks: the two intervals share a point on every row
        intervals_overlap = {
            "stated": ("stated_lo", "stated_hi"),
            "implied": ("implied_lo", "implied_hi"),
        }


class ExpoEditions(pa.DataFrameModel):
    """Editions of the China-Northeast Asia Expo."""

    edition: int = pa.Field(ge=1, unique=True)
    year: int = pa.Field(ge=2005, le=2100)
    city: str
    opened_on: dt.date = pa.Field(nullable=True)
    closed_on: dt.date = pa.Field(nullable=True)
    source: str = pa.Field(str_length={"min_value": 1})

    class Config:
        coerce = True

    @pa.dataframe_check
    def opens_before_it_closes(cls, data: PolarsData) -> pl.LazyFrame:
        lf = data.lazyframe
        return lf.select(
            pl.col("opened_on").is_null()
            | pl.col("closed_on").is_null()
            | (pl.col("opened_on") <= pl.col("closed_on"))
        )

    @pa.dataframe_check
    def dates_fall_in_its_year(cls, data: PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(
            pl.col("opened_on").is_null() | (pl.col("opened_on").dt.year() == pl.col("year"))
        )

    @classmethod
    def describe_failure(cls, check: str, row: dict[str, Any]) -> str:
        return f"edition {row.get('edition')} ({row.get('year')}): fails {check}"
