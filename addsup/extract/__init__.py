"""Figures, periods and relations from article text."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace
from datetime import date

from addsup.extract.amounts import find_amount_relations
from addsup.extract.changes import find_change_relations
from addsup.extract.figures import Figure, find_figures
from addsup.extract.metrics import figure_metric, phrase_metric
from addsup.extract.periods import Period, sentence_period
from addsup.extract.relations import Relation, find_share_relations
from addsup.extract.sentences import split_sentences
from addsup.intervals import stated_interval

EXTRACTOR_VERSION = "0.3.0"

__all__ = ["EXTRACTOR_VERSION", "Extraction", "Figure", "Period", "Relation", "extract"]


@dataclass(frozen=True, slots=True)
class Extraction:
    sentences: list[tuple[int, int]]
    figures: list[Figure]
    relations: list[Relation]


def extract(text: str, published_on: date | None = None) -> Extraction:
    """Every figure of ``text`` with its sentence, period and interval, and their relations.

    Offsets are into ``text``; ``text[f.start:f.end] == f.surface`` for every figure.
    """
    sentences = split_sentences(text)
    starts = [s for s, _ in sentences]
    periods: list[Period | None] = []
    previous: Period | None = None
    for s, e in sentences:
        period = sentence_period(text[s:e], published_on, previous)
        periods.append(period)
        previous = period or previous
    figures = find_figures(text)
    for f in figures:
        f.sentence_no = max(0, bisect.bisect_right(starts, f.start) - 1)
        period = periods[f.sentence_no] if sentences else None
        f.lo, f.hi = stated_interval(f.value, f.decimals, f.scale, f.qualifier, f.unit)
        if period:
            f.period_start, f.period_end, f.period_label = period.start, period.end, period.label
        if f.unit in ("currency", "count"):
            f.metric = figure_metric(text, f.start)
    relations = find_share_relations(text, figures)
    shares = frozenset(r.stated for r in relations)
    by_sentence: dict[int, list[int]] = {}
    for i, f in enumerate(figures):
        by_sentence.setdefault(f.sentence_no, []).append(i)
    for members in by_sentence.values():
        relations.extend(find_change_relations(text, figures, members, shares))
        relations.extend(find_amount_relations(text, figures, members))
    relations = [replace(r, metric=phrase_metric(r.phrase)) if r.phrase else r for r in relations]
    return Extraction(sentences, figures, relations)
