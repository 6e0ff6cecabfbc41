from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from addsup.extract import extract
from addsup.extract.figures import find_figures
from addsup.extract.sentences import split_sentences
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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One. Two.", ["One.", "Two."]),
        (
            "Lee of Dai Han Pharm. Co., Ltd., a maker, spoke. Then he left.",
            ["Lee of Dai Han Pharm. Co., Ltd., a maker, spoke.", "Then he left."],
        ),
        (
            "CHANGCHUN, Aug. 29 (Xinhua) -- A fair opened. It closed.",
            ["CHANGCHUN, Aug. 29 (Xinhua) -- A fair opened.", "It closed."],
        ),
        (
            "It paid 3.9 billion U.S. dollars. Then more.",
            ["It paid 3.9 billion U.S. dollars.", "Then more."],
        ),
        (
            '"We are seeking new friends," said Lee. He smiled.',
            ['"We are seeking new friends," said Lee.', "He smiled."],
        ),
        ("Heading\n\nBody starts here", ["Heading", "Body starts here"]),
    ],
)
def test_sentences(text, expected):
    assert [text[s:e] for s, e in split_sentences(text)] == expected


@pytest.mark.parametrize(
    ("text", "share", "part", "whole"),
    [
        (
            "trade totaled about $606 billion, accounting for 16.4 percent of China's overall trade.",
            "16.4 percent",
            "$606 billion",
            None,
        ),
        (
            "Of the 1,200 exhibitors, 312 came from the ROK, accounting for 26 percent of the total.",
            "26 percent",
            "312",
            "1,200",
        ),
        (
            "Japanese companies took 180 of the 1,200 booths, or 18 percent, the organisers said.",
            "18 percent",
            "180",
            "1,200",
        ),
        (
            "Exports of 12.6 billion yuan, accounting for 8.1 percent of total trade of 155.2 billion yuan.",
            "8.1 percent",
            "12.6 billion yuan",
            "155.2 billion yuan",
        ),
        (
            "Firms invested $2.35 billion, making up 40 percent of the $5.9 billion the province drew.",
            "40 percent",
            "$2.35 billion",
            "$5.9 billion",
        ),
    ],
)
def test_share_relations(text, share, part, whole):
    x = extract(text)
    assert len(x.relations) == 1
    r = x.relations[0]
    surface = lambda i: None if i is None else x.figures[i].surface  # noqa: E731
    assert (surface(r.stated), surface(r.a), surface(r.b)) == (share, part, whole)


@pytest.mark.parametrize(
    "text",
    [
        "Exports rose 25.3 percent year on year.",
        "Exports to Belt and Road countries increased by 78.2 percent.",
        "The rate was 5 percent.",
    ],
)
def test_growth_is_not_a_share(text):
    assert extract(text).relations == []


# the figures of the two seed articles, by file: (surface, unit, currency, qualifier)
SEED_FIGURES = {
    "000_9c13dccbde6b4a3b.txt": [
        ("11th", "ordinal", None, "exact"),
        ("9th", "ordinal", None, "exact"),
        ("five", "count", None, "exact"),
        ("$606 billion", "currency", "USD", "about"),
        ("16.4 percent", "percent", None, "exact"),
        ("five", "count", None, "exact"),
        ("$7.85 billion", "currency", "USD", "about"),
        ("19.2 percent", "percent", None, "exact"),
    ],
    "003_93d6da752c8adce9.txt": [
        ("28.14 billion yuan", "currency", "CNY", "exact"),
        ("3.9 billion U.S. dollars", "currency", "USD", "about"),
        ("25.3 percent", "percent", None, "exact"),
        ("21.6 percentage points", "percentage_point", None, "exact"),
        ("78.2 percent", "percent", None, "exact"),
        ("14th", "ordinal", None, "exact"),
        ("1,000", "count", None, "over"),
        ("30", "count", None, "over"),
    ],
}


@pytest.mark.parametrize("name", sorted(SEED_FIGURES))
def test_seed_figures(seeds_dir, name):
    text = (seeds_dir / name).read_text(encoding="utf-8")
    figures = extract(text).figures
    assert [(f.surface, f.unit, f.currency, f.qualifier) for f in figures] == SEED_FIGURES[name]
    assert all(text[f.start : f.end] == f.surface for f in figures)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_never_raises_and_spans_round_trip(text):
    x = extract(text)
    for f in x.figures:
        assert text[f.start : f.end] == f.surface
        assert f.lo <= f.hi
    for s, e in x.sentences:
        assert 0 <= s < e <= len(text)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "about",
                "$",
                "606",
                "1,000",
                "16.4",
                "percent",
                "billion",
                "yuan",
                "of",
                "the",
                "or",
                "accounting",
                "for",
                "11th",
                "G20",
                ".",
                ",",
                " ",
                "\n\n",
                "U.S.",
                "Aug.",
                "2016",
                "RM",
                "Rp",
                "USD",
                "-",
                "+",
                "No.",
                "1/2",
                "times",
                "bln",
                "¥",
            ]
        ),
        max_size=40,
    )
)
def test_news_like_tokens_never_break_the_extractor(tokens):
    text = " ".join(tokens)
    x = extract(text, date(2023, 8, 30))
    assert all(text[f.start : f.end] == f.surface for f in x.figures)
    assert all(0 <= r.stated < len(x.figures) for r in x.relations)


# Real copy prints figures in many styles (issue 16); every sentence here is our own.
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
