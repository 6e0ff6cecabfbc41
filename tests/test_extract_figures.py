"""The figures read from text and their fields (addsup/extract/figures.py)."""

import pytest

from addsup.extract.figures import find_figures
from tests.conftest import only_figure


@pytest.mark.parametrize(
    ("text", "surface", "value", "scale", "unit", "currency", "assumed", "qualifier", "decimals"),
    [
        (
            "totaled about $606 billion, a record",
            "$606 billion",
            606,
            1e9,
            "currency",
            "USD",
            True,
            "about",
            0,
        ),
        (
            "reached 28.14 billion yuan in June",
            "28.14 billion yuan",
            28.14,
            1e9,
            "currency",
            "CNY",
            False,
            "exact",
            2,
        ),
        (
            "or about 3.9 billion U.S. dollars.",
            "3.9 billion U.S. dollars",
            3.9,
            1e9,
            "currency",
            "USD",
            False,
            "about",
            1,
        ),
        ("worth US$3.9 billion.", "US$3.9 billion", 3.9, 1e9, "currency", "USD", False, "exact", 1),
        (
            "spent RMB 450 million on roads",
            "RMB 450 million",
            450,
            1e6,
            "currency",
            "CNY",
            False,
            "exact",
            0,
        ),
        ("a loan of 2 bn dollars", "2 bn dollars", 2, 1e9, "currency", "USD", True, "exact", 0),
        (
            "cost 1.5 trillion won last year",
            "1.5 trillion won",
            1.5,
            1e12,
            "currency",
            "KRW",
            False,
            "exact",
            1,
        ),
        ("sold for 80 mln rubles", "80 mln rubles", 80, 1e6, "currency", "RUB", False, "exact", 0),
        (
            "up 25.3 percent on the year",
            "25.3 percent",
            25.3,
            1,
            "percent",
            None,
            False,
            "exact",
            1,
        ),
        ("rose 4 per cent in May", "4 per cent", 4, 1, "percent", None, False, "exact", 0),
        ("a 7.5% rise", "7.5%", 7.5, 1, "percent", None, False, "exact", 1),
        (
            "21.6 percentage points higher",
            "21.6 percentage points",
            21.6,
            1,
            "percentage_point",
            None,
            False,
            "exact",
            1,
        ),
        (
            "a gap of 3 pp over the average",
            "3 pp",
            3,
            1,
            "percentage_point",
            None,
            False,
            "exact",
            0,
        ),
        (
            "cut by 25 basis points",
            "25 basis points",
            25,
            1,
            "basis_point",
            None,
            False,
            "exact",
            0,
        ),
        ("over 1,000 companies came", "1,000", 1000, 1, "count", None, False, "over", 0),
        ("more than 30 themed forums", "30", 30, 1, "count", None, False, "over", 0),
        ("at least 12 ships", "12", 12, 1, "count", None, False, "at_least", 0),
        ("up to 40 trucks a day", "40", 40, 1, "count", None, False, "up_to", 0),
        ("nearly 40,000 visitors", "40,000", 40000, 1, "count", None, False, "nearly", 0),
        ("fewer than 9 delegations", "9", 9, 1, "count", None, False, "under", 0),
        ("the 11th expo", "11th", 11, 1, "ordinal", None, False, "exact", 0),
        (
            "shipped 31.6 million tonnes of coal",
            "31.6 million",
            31.6,
            1e6,
            "count",
            None,
            False,
            "exact",
            1,
        ),
    ],
)
def test_figure_fields(text, surface, value, scale, unit, currency, assumed, qualifier, decimals):
    f = only_figure(text)
    assert text[f.start : f.end] == f.surface == surface
    assert (f.value, f.scale, f.unit, f.currency) == (value, scale, unit, currency)
    assert (f.currency_assumed, f.qualifier, f.decimals) == (assumed, qualifier, decimals)


def test_counted_noun():
    assert (
        only_figure("over 1,000 domestic and international companies set up booths").noun
        == "companies"
    )
    assert only_figure("in more than 30 themed forums and business talks").noun == "forums"


def test_yen_sign_follows_context():
    assert only_figure("Japan's exports of ¥5 trillion").currency == "JPY"
    assert only_figure("Jilin's exports of ¥5 billion").currency == "CNY"
    assert only_figure("Jilin's exports of ¥5 billion").currency_assumed


@pytest.mark.parametrize(
    "text",
    [
        "The G20 summit",
        "after COVID-19 struck",
        "5G networks",
        "a B2B fair",
        "on Sept 1, officials said",
        "CHANGCHUN, Aug. 29 (Xinhua)",
        "on 30 August the fair closed",
        "In 2016, trade rose",
        "published 2023-08-30",
        "in the 1990s",
        "the Belt and Road Initiative",
        "one of the key areas",
        "from 2019-2023",
    ],
)
def test_not_figures(text):
    assert find_figures(text) == []


def test_ordinals_are_not_dates_or_units():
    figures = find_figures("the 9th forum and the 14th expo")
    assert [(f.surface, f.unit) for f in figures] == [("9th", "ordinal"), ("14th", "ordinal")]
