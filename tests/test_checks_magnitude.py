"""``magnitude`` (an order or a size two amounts are said to stand in), the slip a ratio
names, the edge of rounding, and conversions with an ambiguous symbol: on sentences
written for these tests."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from addsup import pipeline as steps
from addsup.checks import validate_converts_to, validate_growth, validate_magnitude
from addsup.checks.slips import slip
from tests.conftest import ROOT, load_texts


@pytest.mark.parametrize(
    ("text", "status", "words"),
    [
        (
            "The port handled $3.1 billion, lower than the $2.9 million a year before.",
            "fail",
            "scale-word",
        ),
        ("The port handled $3.1 billion, lower than the $3.4 billion of May.", "pass", None),
        ("The port handled $3.1 billion, higher than the $3.4 billion of May.", "fail", None),
        ("Orders came to $812 million, up from $790 million.", "pass", None),
        ("Orders came to $812 million, up from $850 million.", "fail", None),
        ("Orders came to $812 million, down from $85.0 million.", "fail", "decimal"),
        (
            "Brazil bought most, with $9.6 billion, followed by Chile with $4.2 billion.",
            "pass",
            None,
        ),
        (
            "Brazil bought most, with $4.2 billion, followed by Chile with $9.6 billion.",
            "fail",
            None,
        ),
        (
            "Revenue may reach ¥12 trillion, compared with ¥11 million last year.",
            "fail",
            "million for trillion",
        ),
        ("Revenue may reach ¥12 trillion, compared with ¥11 trillion last year.", "pass", None),
    ],
)
def test_magnitude(con, text, status, words):
    load_texts(con, text)
    (f,) = validate_magnitude(con)
    assert f.status == status, f.message
    assert f.severity == "error" and len(f.figure_ids) == 2
    assert "cue:" in f.message  # the words that linked the two amounts are shown
    if words:
        assert words in f.message


def test_a_comparison_pointing_back_tries_every_level_it_may_mean(con):
    # "The figure" may be either level of the sentence before: one fits, so no error
    load_texts(
        con,
        "Sales reached $5.2 billion in May. Output came to $4.1 billion. "
        "The figure was lower than the $4.6 billion of April.",
    )
    (f,) = validate_magnitude(con)
    assert f.status == "pass", f.message


def test_a_comparison_pointing_back_fails_only_when_no_level_fits(con):
    load_texts(
        con,
        "Sales reached $5.2 billion in May. Output came to $4.1 billion. "
        "The figure was lower than the $4.6 million of April.",
    )
    (f,) = validate_magnitude(con)
    assert f.status == "fail" and "about 1,000 times" in f.message


def test_no_comparison_without_a_level_to_point_back_to(con):
    load_texts(con, "Analysts expected more. Imports were lower than the $4.6 billion forecast.")
    assert validate_magnitude(con) == []


@pytest.mark.parametrize(
    ("ratio", "words"),
    [
        (1000.0, "scale-word slip (million for billion"),
        (1 / 980, "scale-word slip (million for billion"),
        (1.02e6, "million for trillion"),
        (10.3, "decimal point"),
        (0.097, "decimal point"),
        (100.0, "misplaced decimal point"),
    ],
)
def test_slip_names_the_likely_misprint(ratio, words):
    assert words in (slip(ratio) or "")


@given(st.floats(min_value=1.5, max_value=7.0))
def test_no_slip_away_from_a_power_of_ten(ratio):
    assert slip(ratio) is None and slip(1 / ratio) is None


def test_a_relation_at_the_edge_of_rounding_is_a_warning(con):
    # 119.5 / 99.5 - 1 = 20.10 % is the top of the implied interval; "20.15" reaches down to
    # 20.145: no overlap; "20.1" (20.05 .. 20.15) overlaps by 0.05: comfortably
    load_texts(con, "Sales rose about 20.3 percent from 100 million yuan to 119 million yuan.")
    (f,) = validate_growth(con)
    assert (f.status, f.severity) == ("fail", "warning")
    assert "edge of rounding" in f.message


def test_a_relation_inside_rounding_stays_a_pass(con):
    load_texts(con, "Sales rose 20.1 percent from 100 million yuan to 119 million yuan.")
    (f,) = validate_growth(con)
    assert (f.status, f.severity) == ("pass", "error")


APRIL_2018, JULY_2022 = date(2018, 4, 18), date(2022, 7, 12)


@pytest.fixture
def reference(con):
    steps.load_reference(con, ROOT / "data" / "reference", "r0")
    return con


@pytest.mark.parametrize(
    ("text", "published", "status", "severity"),
    [
        # a bare ¥ where the text is about Japan: read as yen, 980 billion / 9.1 billion = 108
        ("Japan's surplus was ¥980 billion ($9.1 billion) in March.", APRIL_2018, "pass", "error"),
        # the same symbol where nothing says Japan: tried as yuan and as yen, yen fits
        ("The surplus was ¥980 billion ($9.1 billion) in March.", APRIL_2018, "pass", "error"),
        # 4.9 per dollar fits neither
        ("The surplus was ¥980 billion ($200 billion) in March.", APRIL_2018, "fail", "error"),
        # within 3 % of the month's mean rate (euro near 0.98 per dollar in July 2022)
        ("Sales were 50 billion euros ($51 billion) in June.", JULY_2022, "pass", "error"),
        ("Sales were 50 billion euros ($56 billion) in June.", JULY_2022, "fail", "error"),
    ],
)
def test_converts_to_tries_each_reading(reference, text, published, status, severity):
    load_texts(reference, text, published=published)
    (f,) = validate_converts_to(reference)
    assert (f.status, f.severity) == (status, severity), f.message


@pytest.mark.parametrize(
    ("text", "status", "reading"),
    [
        ("Sales were $24 billion, 3.0 times the $8 billion of 2010.", "pass", "ratio"),
        ("Sales were $24 billion, 4.0 times the $8 billion of 2010.", "fail", "ratio"),
        # "rose 1.4 times" may mean x1.4 or x2.4: each fits one of these
        ("Profit rose 1.4 times to $2.4 billion from $1.0 billion.", "pass", "increase"),
        ("Profit rose 1.4 times to $1.4 billion from $1.0 billion.", "pass", "ratio"),
        ("Profit rose 1.4 times to $3.5 billion from $1.0 billion.", "fail", "ratio"),
    ],
)
def test_a_multiple_is_tried_as_a_ratio_and_as_an_increase(con, text, status, reading):
    load_texts(con, text)
    (f,) = validate_growth(con)
    assert f.status == status, f.message
    assert f"read as {'a ratio' if reading == 'ratio' else 'an increase'}" in f.message


def test_a_rise_printed_as_the_ratio_of_the_levels_is_named(con):
    load_texts(con, "Sales to Peru shot up 310% from $2.0 billion to $6.2 billion.")
    (f,) = validate_growth(con)
    assert (f.status, f.severity) == ("fail", "error")
    assert "matches the ratio of the levels" in f.message


_TWICE = (
    "In the first five months of 2024, the total sales of household appliances reached "
    "{first} billion yuan. Online sales grew fast. From January to May, the total sales "
    "of household appliances reached {second} billion yuan, up 4 percent."
)


@pytest.mark.parametrize(
    ("first", "second", "status", "words"),
    [
        ("1,204.6", "1,204.6", "pass", None),
        ("1,204.6", "12,046.0", "fail", "a decimal point slipped"),
        ("1,204.6", "9,310.2", "fail", "another period or measure"),
    ],
)
def test_one_measure_printed_twice_for_one_period(con, first, second, status, words):
    load_texts(con, _TWICE.format(first=first, second=second), published=date(2024, 6, 20))
    (f,) = validate_magnitude(con)
    assert (f.status, f.severity) == (status, "error"), f.message
    assert "one measure and one period" in f.message
    if words:
        assert words in f.message
