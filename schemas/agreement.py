"""Figures against each other across articles, and against official statistics."""

from __future__ import annotations

import pandera.polars as pa

from addsup_schemas.checks import IntervalRows, overlap_named


class AgreementCheck(IntervalRows):
    """Rows of ``check_agreement``: one metric, unit and period in two articles."""

    pair_id: str = pa.Field(unique=True)
    other_article_id: str

    class Config:
        # same_metric_agrees_across_articles
        intervals_overlap = overlap_named("same_metric_agrees_across_articles")


class ReferenceCheck(IntervalRows):
    """Rows of ``check_reference``: a derived figure and the official statistic."""

    derived_id: str
    stat_id: str

    class Config:
        # derived_figure_agrees_with_reference
        intervals_overlap = overlap_named("derived_figure_agrees_with_reference")
