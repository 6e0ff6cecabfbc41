"""Schemas of the curated tables under ``data/tables/`` (one CSV per table)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandera.polars as pa
import polars as pl
from pandera.api.polars.types import PolarsData

import schemas.checks  # noqa: F401  (registers the reusable checks)

PARTNERS = ["Japan", "Republic of Korea", "DPRK", "Mongolia", "Russia", "Northeast Asia"]


class TradeByPartner(pa.DataFrameModel):
    """China's goods trade with a partner in a year, billions of US dollars, one decimal."""

    year: int = pa.Field(ge=1990, le=2100)
    partner: str = pa.Field(isin=PARTNERS)
    exports_usd_bn: float = pa.Field(ge=0)
    imports_usd_bn: float = pa.Field(ge=0)
    total_usd_bn: float = pa.Field(ge=0)
    source: str = pa.Field(str_length={"min_value": 1})

    class Config:
        coerce = True
        unique = ["year", "partner"]
        sum_within_rounding = {
            "parts": ["exports_usd_bn", "imports_usd_bn"],
            "total": "total_usd_bn",
            "half_unit": 0.05,
        }

    @classmethod
    def describe_failure(cls, check: str, row: dict[str, Any]) -> str:
        if check == "sum_within_rounding":
            total = row["exports_usd_bn"] + row["imports_usd_bn"]
            return (
                f"{row['partner']} {row['year']}: exports {row['exports_usd_bn']:g} + imports "
                f"{row['imports_usd_bn']:g} = {total:.1f}, but the total says {row['total_usd_bn']:g} "
                f"(allowed gap 0.15 for rounding)"
            )
        return f"{row.get('partner')} {row.get('year')}: fails {check}"


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
