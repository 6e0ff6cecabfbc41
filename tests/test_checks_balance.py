"""The balance and growth_of_total checks (addsup/checks/balance.py) on hand-made sentences,
in an in-memory warehouse: consistent, inconsistent, several readings, slips, signs."""

from __future__ import annotations

from datetime import date

import pytest

from addsup.checks import validate_balance, validate_growth_of_total
from tests.conftest import load_texts


def _load(con, *texts, published=date(2023, 8, 30)):
    load_texts(con, *texts, published=published)


@pytest.mark.parametrize(
    ("text", "status", "words"),
    [
        (
            "Exports were $12.5 billion and imports $10.3 billion, a trade surplus of $2.2 billion.",
            "pass",
            "agrees",
        ),
        (
            "Exports were $12.5 billion and imports $10.3 billion, a trade surplus of $2.4 billion.",
            "fail",
            "but the article says a surplus",
        ),
        # the sign: a surplus where imports are larger
        (
            "Exports were $10.3 billion and imports $12.5 billion, a trade surplus of $2.2 billion.",
            "fail",
            "exports are below imports",
        ),
        (
            "Exports were $10.3 billion and imports $12.5 billion, a trade deficit of $2.2 billion.",
            "pass",
            "agrees",
        ),
        # rounding: 40.3 - 38.9 is 1.3 .. 1.5, which holds a surplus of 1.35
        (
            "Exports were $40.3 billion and imports $38.9 billion, a trade surplus of $1.35 billion.",
            "pass",
            "agrees",
        ),
        # edge: 120.495 - 107.875 = 12.62 just reaches 12.615 .. 12.625
        (
            "Exports were $120.49 billion and imports $107.88 billion, a surplus of $12.62 billion.",
            "pass",
            "agrees",
        ),
        (
            "Exports were $120.49 billion and imports $107.88 billion, a surplus of $12.63 billion.",
            "fail",
            "but the article says",
        ),
        # across sentences
        (
            "The trade deficit was $1.62 billion in January. Exports were $25.7 billion in January. "
            "Imports were $27.2 billion.",
            "fail",
            "deficit of $1.62 billion",
        ),
    ],
)
def test_balance(con, text, status, words):
    _load(con, text)
    (f,) = validate_balance(con)
    assert (f.status, f.severity) == (status, "error"), f.message
    assert words in f.message
    assert "(linked by: " in f.message


def test_a_balance_failing_in_one_of_several_readings_is_a_warning(con):
    _load(
        con,
        "Exports were $9.0 billion in the month. Exports were later put at $9.1 billion. "
        "Imports were $6.0 billion, for a trade surplus of $2.5 billion.",
    )
    (f,) = validate_balance(con)
    assert (f.status, f.severity) == ("fail", "warning")
    assert "one of 2 readings tried" in f.message


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # previous total 16.0/1.04 + 14.0/1.062 = 28.57; 30.0 over it is +5.0 %
        (
            "Total trade rose 5.0 percent to $30.0 billion. Exports grew 4.0 percent to "
            "$16.0 billion. Imports grew 6.2 percent to $14.0 billion.",
            "pass",
        ),
        (
            "Total trade rose 7.0 percent to $30.0 billion. Exports grew 4.0 percent to "
            "$16.0 billion. Imports grew 6.2 percent to $14.0 billion.",
            "fail",
        ),
        # a balance: previous surplus 16.0/1.04 - 14.0/1.062 = 2.20; 2.0 over it is -9 %
        (
            "The trade surplus fell 9 percent to $2.0 billion. Exports grew 4.0 percent to "
            "$16.0 billion. Imports grew 6.2 percent to $14.0 billion.",
            "pass",
        ),
        (
            "The trade surplus rose 9 percent to $2.0 billion. Exports grew 4.0 percent to "
            "$16.0 billion. Imports grew 6.2 percent to $14.0 billion.",
            "fail",
        ),
    ],
)
def test_growth_of_total(con, text, status):
    _load(con, text)
    (f,) = validate_growth_of_total(con)
    assert f.status == status, f.message
    assert "previous" in f.message and "(linked by: " in f.message


def test_a_total_cannot_fall_when_every_part_rose(con):
    _load(
        con,
        "Total trade fell 2.0 percent to $30.0 billion. Exports grew 4.0 percent to "
        "$16.0 billion. Imports grew 6.2 percent to $14.0 billion.",
    )
    (f,) = validate_growth_of_total(con)
    assert f.status == "fail"
    assert "every part rose" in f.message


def test_a_previous_balance_that_changes_sign_is_skipped(con):
    # previous: 10.0/1.25 - 9.0/0.90 = 8.0 - 10.0 < 0: no growth of a surplus can be computed
    _load(
        con,
        "The trade surplus rose 50 percent to $1.0 billion. Exports grew 25 percent to "
        "$10.0 billion. Imports fell 10 percent to $9.0 billion.",
    )
    (f,) = validate_growth_of_total(con)
    assert f.status == "skip"
    assert "no positive previous balance" in f.message


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # previous surplus 16.0/1.04 - 14.0/1.062 = 2.20 (2.17 to 2.23): a fall of about 0.2
        (
            "Exports grew 4.0 percent to $16.0 billion. Imports grew 6.2 percent to $14.0 billion. "
            "The trade surplus was $2.0 billion, down by $0.2 billion.",
            "pass",
        ),
        (
            "Exports grew 4.0 percent to $16.0 billion. Imports grew 6.2 percent to $14.0 billion. "
            "The trade surplus was $2.0 billion, down by $0.5 billion.",
            "fail",
        ),
        # the earlier level itself: about 2.2 billion a year before
        (
            "Exports grew 4.0 percent year on year to $16.0 billion. Imports grew 6.2 percent "
            "year on year to $14.0 billion. The trade surplus was $2.0 billion, down from "
            "$2.2 billion a year earlier.",
            "pass",
        ),
        (
            "Exports grew 4.0 percent year on year to $16.0 billion. Imports grew 6.2 percent "
            "year on year to $14.0 billion. The trade surplus was $2.0 billion, down from "
            "$2.6 billion a year earlier.",
            "fail",
        ),
    ],
)
def test_growth_of_total_as_a_change_or_an_earlier_level(con, text, status):
    _load(con, text)
    (f,) = validate_growth_of_total(con)
    assert f.status == status, f.message


@pytest.mark.parametrize(
    ("deficit", "words"),
    [
        ("$35.0 billion", "ten times what the parts give"),
        ("$0.35 billion", "ten times less"),
        ("$4.0 billion", None),
    ],
)
def test_a_balance_a_power_of_ten_off_is_called_a_slip(con, deficit, words):
    _load(con, f"Exports were $101.5 billion and imports $105.0 billion, a deficit of {deficit}.")
    (f,) = validate_balance(con)
    assert f.status == "fail"
    assert (words in f.message) if words else ("misplaced" not in f.message)


@pytest.mark.parametrize(
    ("earlier", "status"),
    [("$12.4 billion", "pass"), ("$12.9 billion", "fail")],
)
def test_an_earlier_balance_from_the_parts_changes_in_money(con, earlier, status):
    # previous deficit: (60.0 + 1.5) - (50.0 - 0.8) = 12.3, give or take 0.2
    _load(
        con,
        f"The trade deficit narrowed to $10.0 billion in May from {earlier} in April. "
        "May exports were $50.0 billion, $0.8 billion more than April exports. "
        "May imports were $60.0 billion, $1.5 billion less than April imports.",
    )
    (f,) = [f for f in validate_growth_of_total(con) if "earlier balance" in f.message]
    assert f.status == status, f.message
    assert "($50.0 billion − $0.8 billion)" in f.message


@pytest.mark.parametrize(
    ("text", "status", "words"),
    [
        (
            "Exports were $5.0 billion, $0.8 billion more than the $4.2 billion of imports.",
            "pass",
            "agrees with the stated difference of $0.8 billion",
        ),
        (
            "Revenue came to $3.1 billion, or $0.5 billion less than the $3.6 billion spent.",
            "pass",
            "agrees",
        ),
        (
            "Costs were $4.0 billion, $0.5 billion more than the $4.5 billion budgeted.",
            "fail",
            "but $4.0 billion is below $4.5 billion",
        ),
        (
            "Sales were $9.0 billion, $2.0 billion higher than last year's $7.5 billion.",
            "fail",
            "but the article says a difference of $2.0 billion",
        ),
    ],
)
def test_a_stated_difference_between_two_amounts(con, text, status, words):
    _load(con, text)
    (f,) = validate_balance(con)
    assert (f.status, f.severity) == (status, "error"), f.message
    assert words in f.message and "(linked by: " in f.message


# the earlier total is the sum of the parts' earlier levels: 40.0 + 25.0 = 65.0; 70.2 / 65.0 is +8 %
_PARTS_THEN = (
    "Exports rose {rate} percent from a year earlier. Total exports reached $70.2 billion. "
    "Goods exports were $44.1 billion vs $40.0 billion a year ago; service exports "
    "were $26.1 billion vs $25.0 billion a year ago."
)
# a part's earlier level is the earlier total less the other part's: 50.0 - 30.0 = 20.0
_PART_THEN = (
    "Two-way trade stood at $52.0 million in May, down from $50.0 million in April. Imports "
    "totaled $30.5 million in May, up from $30.0 million the previous month, while exports "
    "rose {rate} percent on-month to $21.5 million."
)


@pytest.mark.parametrize(
    ("text", "status", "words"),
    [
        (_PARTS_THEN.format(rate="8.0"), "pass", "previous total $40.0 billion (then;"),
        (_PARTS_THEN.format(rate="5.9"), "fail", "but the article says a rise of 5.9"),
        (_PART_THEN.format(rate="7.5"), "pass", "previous level $50.0 million (then;"),
        (_PART_THEN.format(rate="10"), "fail", "but the article says a rise of 10"),
    ],
)
def test_growth_against_an_earlier_level_the_sum_implies(con, text, status, words):
    _load(con, text)
    (f,) = validate_growth_of_total(con)
    assert (f.status, f.severity) == (status, "error"), f.message
    assert words in f.message


# the quarter before is the half year less this quarter: (6.08 + 4.03) - 5.21 = 4.90; 5.21 / 4.90
# is +6.3 % (the parts pin the half year down more tightly than the printed 10.1)
_QUARTER = (
    "Foreign trade reached 10.1 trillion yuan in the first half of the year. Exports were "
    "6.08 trillion yuan and imports 4.03 trillion yuan. Total trade in the second quarter "
    "rose {rate} percent {said} to 5.21 trillion yuan."
)


@pytest.mark.parametrize(
    ("rate", "said", "status"),
    [
        ("6.3", "quarter-on-quarter", "pass"),
        ("8", "quarter-on-quarter", "fail"),
        ("8", "year-on-year", None),  # the same quarter a year before: not implied
    ],
)
def test_a_quarters_rate_against_the_half_year_less_the_quarter(con, rate, said, status):
    _load(con, _QUARTER.format(rate=rate, said=said))
    found = [f for f in validate_growth_of_total(con) if "the quarter before" in f.message]
    assert [f.status for f in found] == ([status] if status else [])
    if status:
        assert "6.08 trillion yuan + 4.03 trillion yuan − 5.21 trillion yuan" in found[0].message
        assert found[0].severity == "error"


@pytest.mark.parametrize(("rate", "status"), [("6.3", "pass"), ("8.3", "fail")])
def test_a_rate_of_a_change_in_money_against_the_level_less_the_change(con, rate, status):
    # previous level 40.5 - 2.4 = 38.1; 40.5 / 38.1 - 1 is 6.3 %
    _load(con, f"Imports rose $2.4 billion, or {rate} percent, to $40.5 billion in May.")
    (f,) = validate_growth_of_total(con)
    assert (f.status, f.severity) == (status, "error"), f.message
    assert "($40.5 billion − $2.4 billion)" in f.message
