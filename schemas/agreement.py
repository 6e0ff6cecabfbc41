"""Figures against each other across articles, and against official statistics."""

from __future__ import annotations

import pandera.polars as pa
import polars as pl
from pandera.api.polars.types import PolarsData

from addsup_schemas.checks import IntervalRows, overlap


class AgreementCheck(IntervalRows):
    """Rows of ``check_agreement``: one metric, unit and period in two articles."""

    pair_id: str = pa.Field(unique=True)
    other_article_id: str

    @pa.dataframe_check
    def same_metric_agrees_across_articles(cls, data: PolarsData) -> pl.LazyFrame:
        return overlap(data)


class ReferenceCheck(IntervalRows):
    """Rows of ``check_reference``: a derived figure and the official statistic."""

    derived_id: str
    stat_id: str

    @pa.dataframe_check
    def derived_figure_agrees_with_reference(cls, data: PolarsData) -> pl.LazyFrame:
        return overlap(data)
