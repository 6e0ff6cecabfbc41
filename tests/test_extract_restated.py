"""One measure printed twice for one period (sentences written for these tests)."""

from __future__ import annotations

import pytest

from addsup.extract import extract


def _twice(text: str) -> list[tuple[str, str]]:
    x = extract(text)
    s = [f.surface for f in x.figures]
    return [
        (s[r.a], s[r.b])
        for r in x.relations
        if r.kind == "magnitude" and r.direction == 2 and r.a is not None and r.b is not None
    ]


@pytest.mark.parametrize(
    "first",
    [
        "In January-May, the total sales of farm machinery came to",
        "In the first five months, the total sales of farm machinery came to",
    ],
)
def test_the_same_words_and_months_name_one_quantity(first):
    second = "From January to May, the total sales of farm machinery came to"
    text = f"{first} $41.2 billion. Prices held. {second} $4.12 billion."
    assert _twice(text) == [("$41.2 billion", "$4.12 billion")]


@pytest.mark.parametrize(
    "second",
    [
        # another period
        "From January to June, the total sales of farm machinery came to",
        # another measure
        "From January to May, the total sales of garden machinery came to",
        # the same months of another year
        "From January to May last year, the total sales of farm machinery came to",
        # too few words to be sure of the measure
        "From January to May, sales came to",
        # "between ... and" is no span this reads
        "Between January and May, the total sales of farm machinery came to",
        "From January to May, sales came to",
    ],
)
def test_no_link_for_another_period_measure_or_year(second):
    text = (
        "From January to May, the total sales of farm machinery came to $41.2 billion. "
        f"Prices held. {second} $4.12 billion."
    )
    assert _twice(text) == []
