"""Reference data under ``data/reference/``: every row carries its source."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandera.polars as pa
import polars as pl
from pandera.api.polars.types import PolarsData

# the currencies the extractor knows and every one the ECB has quoted since 2010
ISO_CURRENCIES = sorted(
    {"USD", "CNY", "JPY", "KRW", "RUB", "MNT", "EUR", "GBP", "HKD"}
    | set(
        "AUD BGN BRL CAD CHF CZK DKK EEK HRK HUF IDR ILS INR ISK LTL LVL MXN MYR NOK NZD PHP "
        "PLN RON SEK SGD THB TRY ZAR".split()
    )
)


class FxMonthly(pa.DataFrameModel):
    """Units of ``currency`` per US dollar: the lowest, mean and highest day of a month."""

    month: str = pa.Field(str_matches=r"^\d{4}-(0[1-9]|1[0-2])$")
    currency: str = pa.Field(isin=ISO_CURRENCIES)
    base: str = pa.Field(isin=["USD"])
    low: float = pa.Field(gt=0)
    mean: float = pa.Field(gt=0)
    high: float = pa.Field(gt=0)
    days: int = pa.Field(ge=1, le=31)
    source: str = pa.Field(str_length={"min_value": 1})

    class Config:
        coerce = True
        unique = ["month", "currency"]

    @pa.dataframe_check
    def low_mean_high_in_order(cls, data: PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(
            (pl.col("low") <= pl.col("mean")) & (pl.col("mean") <= pl.col("high"))
        )

    @classmethod
    def describe_failure(cls, check: str, row: dict[str, Any]) -> str:
        return f"{row.get('currency')} {row.get('month')}: fails {check}"


class OfficialStats(pa.DataFrameModel):
    """Official statistics that articles cite; ``pattern`` says which sentences speak of it."""

    stat_id: str = pa.Field(unique=True)
    description: str
    pattern: str = pa.Field(str_length={"min_value": 3})
    unit: str = pa.Field(isin=["percent", "currency", "count"])
    currency: str = pa.Field(nullable=True, isin=ISO_CURRENCIES)
    period_start: dt.date
    period_end: dt.date
    value: float
    decimals: int = pa.Field(ge=0, le=6)
    scale: float = pa.Field(isin=[1.0, 1e3, 1e6, 1e9, 1e12])
    source: str = pa.Field(str_length={"min_value": 10})

    class Config:
        coerce = True

    @pa.dataframe_check
    def period_starts_before_it_ends(cls, data: PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(pl.col("period_start") <= pl.col("period_end"))

    @classmethod
    def describe_failure(cls, check: str, row: dict[str, Any]) -> str:
        return f"{row.get('stat_id')}: fails {check}"
