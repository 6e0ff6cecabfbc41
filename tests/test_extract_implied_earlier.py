"""Rates whose earlier level a sum implies (sentences written for these tests)."""

from __future__ import annotations

import pytest

from addsup.extract import extract

_TOTAL = (
    "Exports rose {rate} percent {said}. Total exports reached $70.2 billion. "
    "Goods exports were $44.1 billion vs $40.0 billion {then}; service exports "
    "were $26.1 billion vs $25.0 billion {then}."
)


def _implied(text: str) -> list[tuple[str, str, tuple[str, ...], tuple[int, ...], int]]:
    x = extract(text)
    s = [f.surface for f in x.figures]
    return [
        (s[r.stated], s[r.a], tuple(s[m] for m in r.members), r.signs, r.readings)
        for r in x.relations
        if r.kind == "growth_of_total" and 0 in r.signs
    ]


def test_a_totals_rate_takes_the_sum_of_the_parts_earlier_levels():
    text = _TOTAL.format(rate="5.9", said="from a year earlier", then="a year ago")
    assert _implied(text) == [
        (
            "5.9 percent",
            "$70.2 billion",
            ("$44.1 billion", "$40.0 billion", "$26.1 billion", "$25.0 billion"),
            (1, 0, 1, 0),
            1,
        )
    ]


def test_a_parts_rate_takes_the_earlier_total_less_the_other_parts():
    text = (
        "Two-way trade stood at $52.0 million in May, down from $50.0 million in April. "
        "Imports totaled $30.5 million in May, up from $30.0 million the previous month, "
        "while exports rose 7.5 percent on-month to $21.5 million."
    )
    ((_, level, members, signs, _),) = _implied(text)
    assert (level, members, signs) == (
        "$21.5 million",
        ("$52.0 million", "$50.0 million", "$30.5 million", "$30.0 million"),
        (1, 0, -1, 0),
    )


@pytest.mark.parametrize(
    ("said", "then"),
    [
        ("on-month", "a year ago"),  # a monthly rate never takes year-earlier levels
        ("year-on-year", "the previous month"),
    ],
)
def test_no_link_when_the_rate_and_the_earlier_levels_compare_differently(said, then):
    assert _implied(_TOTAL.format(rate="5.9", said=said, then=then)) == []


def test_a_rate_that_fits_a_part_is_one_of_two_readings():
    # goods exports: 44.1 / 40.0 - 1 = 10.25 %: "exports rose 10.3 percent" may mean them
    text = _TOTAL.format(rate="10.3", said="from a year earlier", then="a year ago")
    ((*_, readings),) = _implied(text)
    assert readings == 2


def test_a_rate_of_another_period_is_not_the_totals():
    text = (
        "Exports rose 5.9 percent in June from a year earlier. In the second quarter, "
        "exports reached $70.2 billion. Goods exports were $44.1 billion vs $40.0 billion "
        "a year ago; service exports were $26.1 billion vs $25.0 billion a year ago."
    )
    assert _implied(text) == []
    # the same text without the month: the rate is the quarter's
    assert len(_implied(text.replace(" in June", ""))) == 1


def test_a_rate_that_does_not_say_is_year_on_year():
    said = _TOTAL.format(rate="5.9", said="", then="a year ago").replace(" .", ".")
    assert len(_implied(said)) == 1
    assert _implied(said.replace("a year ago", "the month before")) == []


def test_earlier_levels_that_do_not_say_when_imply_nothing():
    # "from $40.0 billion": a month or a year before? No reading is sure enough
    text = _TOTAL.format(rate="5.9", said="year-on-year", then="").replace("vs", "from")
    assert _implied(text.replace(" ;", ";").replace(" .", ".")) == []
