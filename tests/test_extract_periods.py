"""Periods and article dates (addsup/extract/periods.py, addsup/extract/dates.py)."""

from datetime import date

import pytest

from addsup.extract import extract
from addsup.extract.dates import infer_date
from addsup.extract.periods import sentence_period


@pytest.mark.parametrize(
    ("sentence", "published", "label"),
    [
        ("In 2016, trade totaled about $606 billion.", None, "2016"),
        ("In the first half of this year, exports rose.", date(2023, 8, 30), "2023-H1"),
        ("In the first half of this year, exports rose.", None, None),
        ("Trade fell in the second half of 2019.", None, "2019-H2"),
        ("Trade came to 210.7 billion yuan last year.", date(2024, 1, 25), "2023"),
        ("H1 2022 exports rose.", None, "2022-H1"),
        ("Nothing about time here.", date(2024, 1, 1), None),
    ],
)
def test_sentence_period(sentence, published, label):
    period = sentence_period(sentence, published, None)
    assert (period.label if period else None) == label


def test_same_year_carries_the_previous_period():
    text = "In 2016, trade totaled 5 billion yuan. In the same year, investment reached 7 billion yuan."
    figures = extract(text).figures
    assert [f.period_label for f in figures] == ["2016", "2016"]


@pytest.mark.parametrize(
    ("sentence", "label", "start", "end"),
    [
        (
            "Output rose in the first three quarters of this year.",
            "2023-Q1-Q3",
            "2023-01-01",
            "2023-09-30",
        ),
        ("Trade grew in the first ten months.", "2023-M01-M10", "2023-01-01", "2023-10-31"),
        ("Sales in the first 8 months of 2022 fell.", "2022-M01-M08", "2022-01-01", "2022-08-31"),
        ("Q3 2023 output was flat.", "2023-Q3", "2023-07-01", "2023-09-30"),
        ("Exports rose in the third quarter of last year.", "2022-Q3", "2022-07-01", "2022-09-30"),
        ("Exports rose in the fourth quarter.", "2023-Q4", "2023-10-01", "2023-12-31"),
    ],
)
def test_quarters_and_months(sentence, label, start, end):
    period = sentence_period(sentence, date(2023, 11, 20), None)
    assert (period.label, period.start.isoformat(), period.end.isoformat()) == (label, start, end)


def test_the_seed_without_a_date_line_gets_its_date_and_the_ambiguity(seeds_dir):
    inferred = infer_date((seeds_dir / "000_9c13dccbde6b4a3b.txt").read_text())
    assert inferred.value == date(2017, 9, 1)  # Sept 1 + Friday + latest year mentioned 2016
    assert inferred.alternatives == (date(2023, 9, 1),)  # a Friday too: recorded
    assert "also possible: 2023-09-01" in inferred.note


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("CHANGCHUN, Aug. 29 (Xinhua) -- In 2022 exports rose.", date(2022, 8, 29)),
        ("Officials said on March 3 that 2019 trade fell.", date(2019, 3, 3)),
        ("Trade rose 5 percent.", None),  # no month and day
        ("Officials spoke on Sept 1.", None),  # no year to start from
    ],
)
def test_infer_date(text, expected):
    inferred = infer_date(text)
    assert (inferred.value if inferred else None) == expected


def test_a_year_earlier_moves_a_level_back_one_year():
    text = "Exports rose to 46 billion yuan in the first quarter, up from 38 billion yuan a year earlier."
    figures = extract(text, date(2023, 5, 12)).figures
    assert [(f.surface, f.period_label) for f in figures] == [
        ("46 billion yuan", "2023-Q1"),
        ("38 billion yuan", "2022-Q1"),
    ]
    assert (figures[1].period_start, figures[1].period_end) == (date(2022, 1, 1), date(2022, 3, 31))


def test_a_rise_on_a_year_earlier_is_a_comparison_not_a_period():
    text = "In the first half of this year exports rose 25.3 percent on a year earlier."
    (f,) = extract(text, date(2023, 8, 29)).figures
    assert f.period_label == "2023-H1"


@pytest.mark.parametrize(
    ("published", "expected"),
    [(date(2023, 8, 29), "2023-08-27"), (date(2023, 8, 27), "2023-08-27")],  # a Tuesday, a Sunday
)
def test_a_weekday_resolves_backwards_from_the_article_date(published, expected):
    (f,) = extract("The fair drew 1,200 visitors on Sunday.", published).figures
    assert (f.period_label, f.period_start, f.period_end) == (expected,) + (
        date.fromisoformat(expected),
    ) * 2
