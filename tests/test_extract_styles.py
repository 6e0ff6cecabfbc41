"""How real economic copy writes its figures (addsup/extract/units.py, currencies.py,
figures.py): currency signs, codes and names, attached scales, signs, ranks, fractions, the
currency of a story or a sentence; and what is no figure. Examples written for the project."""

import pytest

from addsup.extract import extract
from addsup.extract.figures import find_figures
from tests.conftest import only_figure


@pytest.mark.parametrize(
    ("text", "surface", "value", "scale", "unit", "currency", "assumed"),
    [
        (
            "Exports rose to RM12.4 billion in May",
            "RM12.4 billion",
            12.4,
            1e9,
            "currency",
            "MYR",
            False,
        ),
        (
            "the surplus was 3.05 billion RM, officials said",
            "3.05 billion RM",
            3.05,
            1e9,
            "currency",
            "MYR",
            False,
        ),
        (
            "spending of Rp 1,204.5 trillion last year",
            "Rp 1,204.5 trillion",
            1204.5,
            1e12,
            "currency",
            "IDR",
            False,
        ),
        ("revenue of Rp88 trillion so far", "Rp88 trillion", 88, 1e12, "currency", "IDR", False),
        (
            "receipts of IDR412.6 trillion were booked",
            "IDR412.6 trillion",
            412.6,
            1e12,
            "currency",
            "IDR",
            False,
        ),
        ("worth USD 71.2 billion in all", "USD 71.2 billion", 71.2, 1e9, "currency", "USD", False),
        (
            "an estimated USD3.9 billion in sales",
            "USD3.9 billion",
            3.9,
            1e9,
            "currency",
            "USD",
            False,
        ),
        (
            "orders of US$ 4.5 billion arrived",
            "US$ 4.5 billion",
            4.5,
            1e9,
            "currency",
            "USD",
            False,
        ),
        (
            "output reached 4,112.9billion yuan in March",
            "4,112.9billion yuan",
            4112.9,
            1e9,
            "currency",
            "CNY",
            False,
        ),
        ("a deficit of $3.12-billion in June", "$3.12-billion", 3.12, 1e9, "currency", "USD", True),
        ("oil revenue of $41 bln this year", "$41 bln", 41, 1e9, "currency", "USD", True),
        ("a budget of 7.4 tln rubles", "7.4 tln rubles", 7.4, 1e12, "currency", "RUB", False),
        ("tourists spent 96 billion baht", "96 billion baht", 96, 1e9, "currency", "THB", False),
        (
            "exports worth 14.2 trillion dong",
            "14.2 trillion dong",
            14.2,
            1e12,
            "currency",
            "VND",
            False,
        ),
        (
            "a loan of 3.5 billion ringgit",
            "3.5 billion ringgit",
            3.5,
            1e9,
            "currency",
            "MYR",
            False,
        ),
        (
            "an outlay of 620 billion rupiah",
            "620 billion rupiah",
            620,
            1e9,
            "currency",
            "IDR",
            False,
        ),
        ("a fund of 80 crore rupees", "80 crore rupees", 80, 1e7, "currency", "INR", True),
        (
            "bonds of 2.1 billion Philippine pesos",
            "2.1 billion Philippine pesos",
            2.1,
            1e9,
            "currency",
            "PHP",
            False,
        ),
        (
            "a price of 7.21 Chinese yuan renminbi",
            "7.21 Chinese yuan renminbi",
            7.21,
            1,
            "currency",
            "CNY",
            False,
        ),
        (
            "sales of 870 billion U.S. dollars last year",
            "870 billion U.S. dollars",
            870,
            1e9,
            "currency",
            "USD",
            False,
        ),
        ("a fine of ₹450 crore was set", "₹450 crore", 450, 1e7, "currency", "INR", False),
        ("inflation was 4.6 pct in May", "4.6 pct", 4.6, 1, "percent", None, False),
        ("wages rose 2.2percent on the year", "2.2percent", 2.2, 1, "percent", None, False),
        ("output grew 2.4. per cent on the year", "2.4. per cent", 2.4, 1, "percent", None, False),
        ("profit jumped 3.6 times on the year", "3.6 times", 3.6, 1, "multiple", None, False),
        ("imports rose roughly 4.5-fold in a decade", "4.5-fold", 4.5, 1, "multiple", None, False),
        ("the fund was set up 25 years ago", "25", 25, 1, "other", None, False),
        ("a shortfall of $$75 million was found", "$75 million", 75, 1e6, "currency", "USD", True),
        ("a loan of KSh 2.5 billion", "KSh 2.5 billion", 2.5, 1e9, "currency", "KES", False),
        ("a plan of ₹1.1 lakh crore", "₹1.1 lakh crore", 1.1, 1e12, "currency", "INR", False),
        (
            "a bill of 3 billion pounds sterling",
            "3 billion pounds sterling",
            3,
            1e9,
            "currency",
            "GBP",
            False,
        ),
        ("prices rose 3.1pc in May", "3.1pc", 3.1, 1, "percent", None, False),
        ("a budget of P6.1 trillion", "P6.1 trillion", 6.1, 1e12, "currency", "PHP", True),
        ("the yield fell 0.4 pct point", "0.4 pct point", 0.4, 1, "percentage_point", None, False),
        ("a cut of 25bp in June", "25bp", 25, 1, "basis_point", None, False),
        ("exports of RM4.5bil in May", "RM4.5bil", 4.5, 1e9, "currency", "MYR", False),
        ("a grant of RM300mil for schools", "RM300mil", 300, 1e6, "currency", "MYR", False),
        ("a Rs 8,000-crore scheme", "Rs 8,000-crore", 8000, 1e7, "currency", "INR", True),
    ],
)
def test_styles_of_real_copy(text, surface, value, scale, unit, currency, assumed):
    f = only_figure(text)
    assert text[f.start : f.end] == f.surface == surface
    assert (abs(f.value), f.scale, f.unit, f.currency, f.currency_assumed) == (
        value,
        scale,
        unit,
        currency,
        assumed,
    )


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Exports fell -RM2.4 billion from May", "-RM2.4 billion", -2.4),
        ("Imports added +RM610.5 million", "+RM610.5 million", 610.5),
        ("Deficit: $61.2 Billion -3.1%", "-3.1%", -3.1),
        ("Exports: $190.4 Billion +0.8%", "+0.8%", 0.8),
    ],
)
def test_a_printed_sign_belongs_to_its_figure(text, surface, value):
    f = next(f for f in find_figures(text) if f.surface == surface)
    assert f.value == value


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [("the country ranked No. 4 in the table", "No. 4", 4), ("it stayed No.2 in Asia", "No.2", 2)],
)
def test_ranks_are_ordinals(text, surface, value):
    f = only_figure(text)
    assert (f.surface, f.value, f.unit) == (surface, value, "ordinal")


def test_a_whole_number_and_a_fraction_are_one_figure():
    f = only_figure("the month had 21 1/2 trading days")
    assert (f.surface, f.value, f.unit) == ("21 1/2", 21.5, "count")


@pytest.mark.parametrize(
    "text",
    [
        "exports for Nov. 1-10 were released",
        "the data for March 1-15 show",
        "averages are shown in (exhibit 3) below",
        "as Table 4 shows",
        "for the days 3-9 March only",
        "the briefing began at 09:45 and ended at 4 p.m.",
        "the S&P 500 and the FTSE 100 slipped",
        "a Nikkei 225 stock and a Boeing 787 jet",
        "goods under HS code 8703",
    ],
)
def test_day_spans_and_labels_are_not_figures(text):
    assert find_figures(text) == []


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        ("Sony sees profit of ¥1.2 trillion this year", "JPY"),
        ("Osaka retailers sold ¥80 billion of goods", "JPY"),
        ("Shoppers in Zhejiang spent ¥6.1 billion online", "CNY"),
        ("Lahore traders say Pakistan's deficit hit Rs2.1 trillion", "PKR"),
        ("Mumbai's budget is Rs 900 crore", "INR"),
        ("Manila sold 8 billion pesos of bonds", "PHP"),
        ("Mexico sold 8 billion pesos of bonds", "MXN"),
    ],
)
def test_a_sign_of_several_countries_is_read_from_the_whole_story(text, currency):
    assert only_figure(text).currency == currency


def test_a_bare_amount_takes_the_currency_of_its_sentence():
    text = "Outlays reached Rp950 trillion, of which 310.4 trillion went to the regions."
    figures = extract(text).figures
    assert [(f.currency, f.currency_assumed) for f in figures] == [("IDR", False), ("IDR", True)]
    counted = extract("Sales were Rp12 trillion, and 40 million buyers came.").figures
    assert counted[1].unit == "count"


@pytest.mark.parametrize(
    "text", ["the FIRM5 model", "TOP 10 exporters", "ALL 3 ports", "a P1 visa", "the R2 level"]
)
def test_words_in_capitals_are_no_currency(text):
    assert all(f.unit != "currency" for f in find_figures(text))


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        ("The won slid to 1,402.5 per dollar on Friday", "KRW"),
        ("the ringgit firmed to 4.41 against the dollar", "MYR"),
        ("a baht rate of 36.2 to the dollar", "THB"),
    ],
)
def test_a_rate_against_the_dollar_is_an_amount_of_the_currency_named(text, currency):
    (f,) = extract(text).figures
    assert (f.unit, f.currency, f.currency_assumed) == ("currency", currency, True)


def test_a_count_a_dollar_is_no_rate_without_a_currency_named():
    (f,) = extract("fans bought 40 tickets a dollar").figures
    assert (f.unit, f.currency) == ("count", None)


@pytest.mark.parametrize(
    ("text", "surface", "unit"),
    [
        ("The shortfall came to 2.1 of GDP in the quarter.", "2.1", "percent"),
        ("Debt stood at 0.38 of gross domestic product.", "0.38", "percent"),
        ("The yen index slipped to 87.4 on Friday.", "87.4", "other"),
        ("The factory PMI edged up to 50.8, its best reading.", "50.8", "other"),
        ("The index has 30 members.", "30", "count"),  # a whole number counts members
        ("Officials counted 12.5 on the scale.", "12.5", "count"),  # no index named
        ("It shipped 4.5 of them.", "4.5", "count"),
    ],
)
def test_bare_numbers_that_are_no_counts(text, surface, unit):
    (f,) = [f for f in extract(text).figures if f.surface == surface]
    assert f.unit == unit
