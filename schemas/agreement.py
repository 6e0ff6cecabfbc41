"""Figures against each other across articles, and against official statistics."""

from __future__ import annotations

import pandera.polars as pa
import polars as pl
from pandera.api.polars.types import PolarsData

from schemas.checks import intervals_overlap_expr


class AgreementCheck(pa.DataFrameModel):
    """Rows of ``check_agreement``: one metric, unit and period in two articles."""

    class Config:
        coerce = True

    pair_id: str = pa.Field(unique=True)
    article_id: str
    other_article_id: str
    stated_lo: float
    stated_hi: float
    implied_lo: float
    implied_hi: float

    @pa.dataframe_check
    def same_metric_agrees_across_articles(cls, data: PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(
            intervals_overlap_expr(("stated_lo", "stated_hi"), ("implied_lo", "implied_hi"))
        )


class ReferenceCheck(pa.DataFrameModel):
    """Rows of ``check_reference``: a derived figure and the official statistic."""

    class Config:
        coerce = True

    derived_id: str
    stat_id: str
    stated_lo: float
    stated_hi: float
    implied_lo: float
    implied_hi: float

    @pa.dataframe_check
    def derived_figure_agrees_with_reference(cls, data: PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(
            intervals_overlap_expr(("stated_lo", "stated_hi"), ("implied_lo", "implied_hi"))
        )
