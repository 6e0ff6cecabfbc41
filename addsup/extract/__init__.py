"""Figures, periods and relations from article text."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from datetime import date

from addsup.extract.amounts import find_amount_relations
from addsup.extract.balance import find_balance_relations
from addsup.extract.balance_parts import find_balance_parts
from addsup.extract.breakdowns import find_breakdowns
from addsup.extract.budget_balance import find_budget_balances
from addsup.extract.change_rates import find_change_rates
from addsup.extract.changes import find_change_relations, growth_rates
from addsup.extract.comparisons import find_comparisons
from addsup.extract.currencies import quoted_against_dollar
from addsup.extract.figures import Figure, find_figures
from addsup.extract.implied_earlier import find_implied_earlier, find_period_splits
from addsup.extract.listed_shares import find_listed_shares
from addsup.extract.metrics import figure_metric, phrase_metric
from addsup.extract.periods import (
    YEAR_EARLIER,
    Period,
    cue_positions,
    sentence_period,
    year_earlier,
)
from addsup.extract.ranges import split_ranges
from addsup.extract.relations import Relation, find_share_relations
from addsup.extract.restated import find_restated
from addsup.extract.sentences import split_sentences
from addsup.extract.totals import (
    find_growth_across,
    find_inclusions,
    find_trade_totals,
    resolve_wholes,
)
from addsup.intervals import stated_interval

EXTRACTOR_VERSION = "0.6.0"

__all__ = ["EXTRACTOR_VERSION", "Extraction", "Figure", "Period", "Relation", "extract"]


@dataclass(frozen=True, slots=True)
class Extraction:
    """``sentences`` are the body's, numbered from 0; ``headline`` the headline's, numbered
    from ``-len(headline)`` up to -1. A headline's offsets are negative: into the text
    ``headline + "\\n" + body``, counted from the start of the body."""

    sentences: list[tuple[int, int]]
    figures: list[Figure]
    relations: list[Relation]
    headline: list[tuple[int, int]] = field(default_factory=list)

    def numbered_sentences(self) -> list[tuple[int, int, int]]:
        """(sentence_no, start, end) of every sentence, the headline's first."""
        n = len(self.headline)
        return [(i - n, s, e) for i, (s, e) in enumerate(self.headline)] + [
            (i, s, e) for i, (s, e) in enumerate(self.sentences)
        ]


def _sentence_periods(
    text: str, sentences: list[tuple[int, int]], starts: list[int], published_on: date | None
) -> list[Period | None]:
    """The period of each sentence; one that names none keeps the one before for "same year"."""
    cued = {bisect.bisect_right(starts, pos) - 1 for pos in cue_positions(text)}
    periods: list[Period | None] = []
    previous: Period | None = None
    for i, (s, e) in enumerate(sentences):
        period = sentence_period(text[s:e], published_on, previous) if i in cued else None
        periods.append(period)
        previous = period or previous
    return periods


_COMPARED = (" on", " over", " than", " with", " to", " versus", " against")


def _year_earlier(text: str, figures: list[Figure]) -> None:
    """ "5 billion yuan a year earlier": that figure's period moves one year back."""
    ends = [f.end for f in figures]
    for at, _ in YEAR_EARLIER.spans(text):
        i = bisect.bisect_right(ends, at) - 1
        if i < 0:
            continue
        f = figures[i]
        gap = text[f.end : at]
        if (
            f.period_start is None
            or f.unit not in ("currency", "count")  # "a rise of 5 percent on a year earlier"
            or len(gap) > 40
            or any(c in gap for c in ".;:!?")
            or gap.lower().rstrip().endswith(_COMPARED)
        ):
            continue
        shifted = year_earlier(Period(f.period_start, f.period_end, f.period_label))
        f.period_start, f.period_end, f.period_label = shifted.start, shifted.end, shifted.label


def _currency_from_sentence(figures: list[Figure]) -> None:
    """ "spending worth Rp413.2 trillion, including 196.1 trillion for ...": a scaled amount
    that names no currency and counts no things takes the currency of the nearest amount of
    its sentence that names one, flagged as assumed."""
    for f in figures:
        if f.unit != "count" or f.scale < 1e6 or (f.noun and f.noun.endswith("s")):
            continue
        near = [g for g in figures if g.sentence_no == f.sentence_no and g.unit == "currency"]
        if near:
            g = min(near, key=lambda g: abs(g.start - f.start))
            f.unit, f.currency, f.currency_assumed, f.noun = "currency", g.currency, True, None


def _exchange_rates(text: str, figures: list[Figure], starts: list[int]) -> None:
    """ "the won weakened to 1,380.5 per dollar": a bare rate is an amount of the currency its
    sentence names, flagged as assumed (a rate's currency is read, not printed with it)."""
    for f in figures:
        if f.unit == "count" and f.scale == 1.0 and "dollar" in text[f.end : f.end + 24].lower():
            code = quoted_against_dollar(
                text, starts[f.sentence_no] if starts else 0, f.start, f.end
            )
            if code:
                f.unit, f.currency, f.currency_assumed, f.noun = "currency", code, True, None


_OF_GDP = re.compile(r"\s+(?:of|to)\s+(?:the\s+)?(?:GDP|gross\s+domestic\s+product)\b", re.I)
_INDEX = re.compile(r"\b(?:index|indices|PMI)\b", re.IGNORECASE)


def _bare_ratios(text: str, figures: list[Figure], starts: list[int]) -> None:
    """Bare numbers that are no count: "0.43 of GDP" is a share of GDP printed without its
    "percent"; "the dollar index climbed to 99.1" is an index level (unit ``other``). Only
    numbers that name nothing counted (no noun, no scale) are read so."""
    for f in figures:
        if f.unit != "count" or f.scale != 1.0 or f.noun:
            continue
        if _OF_GDP.match(text, f.end):
            f.unit = "percent"
        elif f.decimals and _INDEX.search(text, starts[f.sentence_no] if starts else 0, f.start):
            f.unit = "other"


def _cue_words(text: str, figures: list[Figure], r: Relation) -> str | None:
    """The words just before the stated figure, back to the figure before it (at most four):
    the cue of a relation its linker did not name ("or", "a total of")."""
    stated = figures[r.stated]
    start = max((f.end for f in figures if f.end <= stated.start), default=0)
    words = text[max(start, stated.start - 40) : stated.start].replace("(", " ( ").split()
    cue = " ".join(words[-4:])
    return "in parentheses after" if cue == "(" else cue or None


def extract(text: str, published_on: date | None = None, headline: str | None = None) -> Extraction:
    """Every figure of ``text`` with its sentence, period and interval, and their relations.

    Offsets are into ``text``; ``text[f.start:f.end] == f.surface`` for every figure. The
    figures of a ``headline`` come first, with negative offsets and sentence numbers (see
    ``Extraction``): a headline is read as sentences of its own, its relations only within
    it (never with the body: headlines abbreviate), and its figures name no metric (a
    headline's wording is too loose to compare across articles).
    """
    body = _extract(text, published_on)
    if not headline or not headline.strip():
        return body
    return _with_headline(body, _extract(headline, published_on), len(headline) + 1)


def _with_headline(body: Extraction, head: Extraction, shift: int) -> Extraction:
    """The headline's extraction before the body's: offsets moved back by ``shift``, sentence
    numbers below 0, the body's relations renumbered past the headline's figures."""
    n, k = len(head.sentences), len(head.figures)
    for f in head.figures:
        f.start, f.end, f.sentence_no, f.metric = (
            f.start - shift,
            f.end - shift,
            f.sentence_no - n,
            None,
        )
    moved = [
        replace(
            r,
            stated=r.stated + k,
            a=None if r.a is None else r.a + k,
            b=None if r.b is None else r.b + k,
            members=tuple(m + k for m in r.members),
        )
        for r in body.relations
    ]
    return Extraction(
        body.sentences,
        head.figures + body.figures,
        [replace(r, sentence_no=r.sentence_no - n, metric=None) for r in head.relations] + moved,
        [(s - shift, e - shift) for s, e in head.sentences],
    )


def _extract(text: str, published_on: date | None) -> Extraction:
    sentences = split_sentences(text)
    starts = [s for s, _ in sentences]
    periods = _sentence_periods(text, sentences, starts, published_on)
    figures = find_figures(text)
    for f in figures:
        f.sentence_no = max(0, bisect.bisect_right(starts, f.start) - 1)
    _currency_from_sentence(figures)
    _exchange_rates(text, figures, starts)
    _bare_ratios(text, figures, starts)
    for f in figures:
        period = periods[f.sentence_no] if sentences else None
        f.lo, f.hi = stated_interval(f.value, f.decimals, f.scale, f.qualifier, f.unit, f.upper)
        if period:
            f.period_start, f.period_end, f.period_label = period.start, period.end, period.label
        if f.unit in ("currency", "count"):
            f.metric = figure_metric(text, f.start)
    _year_earlier(text, figures)
    relations = resolve_wholes(text, figures, sentences, find_share_relations(text, figures))
    relations = find_listed_shares(text, figures, relations)
    shares = frozenset(r.stated for r in relations)
    by_sentence: dict[int, list[int]] = {}
    for i, f in enumerate(figures):
        by_sentence.setdefault(f.sentence_no, []).append(i)
    for members in by_sentence.values():
        if len(members) < 2:
            continue  # every relation links two figures of one sentence
        relations.extend(find_change_relations(text, figures, members, shares))
        relations.extend(find_amount_relations(text, figures, members))
    for k, r in enumerate(relations):
        if r.phrase and (metric := phrase_metric(r.phrase)) != r.metric:
            relations[k] = replace(r, metric=metric)  # a copy only when the metric changes
    relations = [r if r.cues else replace(r, cues=_cue_words(text, figures, r)) for r in relations]
    relations.extend(find_comparisons(text, figures))
    relations.extend(find_restated(text, figures, sentences, relations))
    summed = {r.stated for r in relations if r.kind == "sum_of"}
    relations.extend(find_trade_totals(text, figures, sentences, summed))
    summed = {r.stated for r in relations if r.kind == "sum_of"}
    relations.extend(find_inclusions(text, figures, sentences, summed))
    relations.extend(find_breakdowns(text, figures, sentences, relations))
    relations.extend(find_balance_parts(text, figures, sentences, relations))
    grown = {r.stated for r in relations if r.kind == "growth"}
    linked = {
        j
        for r in relations
        if r.kind in ("growth", "share_of")
        for j in (r.a, r.b)
        if j is not None
    }
    rates = growth_rates(text, figures)
    relations.extend(find_growth_across(text, figures, sentences, rates, grown, linked))
    relations.extend(find_balance_relations(text, sentences, figures))
    budget = find_budget_balances(text, figures, sentences, relations)
    if budget:  # a reading that holds replaces the trade linker's failing one
        replaced = {r.stated for r in budget}
        relations = [r for r in relations if not (r.kind == "balance" and r.stated in replaced)]
        relations.extend(budget)
    relations.extend(find_implied_earlier(text, figures, sentences, relations, rates))
    relations.extend(find_period_splits(text, figures, sentences, relations, rates))
    relations.extend(find_change_rates(text, figures, sentences, relations))
    figures, relations = split_ranges(figures, relations)
    return Extraction(sentences, figures, relations)
