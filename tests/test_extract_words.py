"""Number words, ranges and attached abbreviations (addsup/extract/words.py, figures.py)."""

import pytest

from addsup.extract import extract
from addsup.extract.figures import find_figures
from tests.conftest import only_figure


@pytest.mark.parametrize(
    ("text", "surface", "value", "upper", "scale", "unit", "qualifier"),
    [
        ("growth of 5 to 7 percent this year", "5 to 7 percent", 5, 7, 1, "percent", "range"),
        ("a 10-15 percent range", "10-15 percent", 10, 15, 1, "percent", "range"),
        (
            "between 2.5 and 3 billion yuan",
            "2.5 and 3 billion yuan",
            2.5,
            3,
            1e9,
            "currency",
            "range",
        ),
        ("$5-7 billion in deals", "$5-7 billion", 5, 7, 1e9, "currency", "range"),
        ("five provinces took part", "five", 5, None, 1, "count", "exact"),
        ("about a dozen firms signed", "a dozen", 12, None, 1, "count", "about"),
        ("twenty-five delegations came", "twenty-five", 25, None, 1, "count", "exact"),
        ("nearly two million yuan", "two million yuan", 2, None, 1e6, "currency", "nearly"),
        ("three hundred booths", "three hundred", 300, None, 1, "count", "exact"),
        ("the fourteenth expo", "fourteenth", 14, None, 1, "ordinal", "exact"),
        ("raised $5bn last year", "$5bn", 5, None, 1e9, "currency", "exact"),
        ("the rate was 3pp higher", "3pp", 3, None, 1, "percentage_point", "exact"),
        ("its share fell 2 points", "2 points", 2, None, 1, "percentage_point", "exact"),
        ("up 4.2 per cent", "4.2 per cent", 4.2, None, 1, "percent", "exact"),
    ],
)
def test_ranges_words_and_abbreviations(text, surface, value, upper, scale, unit, qualifier):
    f = only_figure(text)
    assert (f.surface, f.value, f.upper, f.scale, f.unit, f.qualifier) == (
        surface,
        value,
        upper,
        scale,
        unit,
        qualifier,
    )


@pytest.mark.parametrize(
    "text",
    [
        "one of the largest ports",
        "rose from 2019-2023",
        "between 2019 and 2023",
        "a five-year plan",
        "in the first 10 months",
        "over the past three years",
        "the third quarter",
        "dozens of firms",
        "a 5m walk",
        "the team scored 2 points",  # no rate in sight: a count, not percentage points
    ][:-1],
)
def test_not_figures_either(text):
    assert find_figures(text) == []


def test_points_without_a_rate_are_a_count():
    f = only_figure("the team scored 2 points")
    assert (f.unit, f.noun) == ("count", "points")


def test_a_range_is_an_interval_from_bottom_to_top():
    low, high = extract("Growth is seen at 5 to 7 percent in 2024.").figures
    assert (low.lo, low.hi) == (high.lo, high.hi) == (4.5, 7.5)


@pytest.mark.parametrize(
    ("text", "low", "high", "unit", "scale"),
    [
        ("Output may grow 2-3% next year.", ("2", 2, 3), ("3%", 3), "percent", 1),
        ("a rise of 4.5 to 6 percent", ("4.5", 4.5, 6), ("6 percent", 6), "percent", 1),
        ("deals of $4-6 billion", ("$4", 4, 6), ("6 billion", 6), "currency", 1e9),
        (
            "between 12 and 15 billion yuan",
            ("12", 12, 15),
            ("15 billion yuan", 15),
            "currency",
            1e9,
        ),
        ("some eight to nine firms", ("eight", 8, 9), ("nine", 9), "count", 1),
    ],
)
def test_a_range_is_two_figures(text, low, high, unit, scale):
    """The first keeps the range (its top in ``upper``), the second is the top as printed."""
    a, b = extract(text).figures
    assert (a.surface, a.value, a.upper) == low and (b.surface, b.value, b.upper) == (*high, None)
    assert text[a.start : a.end] == a.surface and text[b.start : b.end] == b.surface
    assert {a.qualifier, b.qualifier} == {"range"} and {a.unit, b.unit} == {unit}
    assert a.scale == b.scale == scale and (a.lo, a.hi) == (b.lo, b.hi)


def test_relations_name_the_first_figure_of_a_range():
    x = extract("Exports rose 8-10 percent to $4.4 billion.")
    assert [f.surface for f in x.figures] == ["8", "10 percent", "$4.4 billion"]
    assert [(r.kind, r.stated, r.a) for r in x.relations] == [("growth", 0, 2)]


def test_number_words_next_to_non_ascii_letters_never_break_the_extractor():
    assert [f.surface for f in find_figures("éfive firms and five firms")] == ["five"]
