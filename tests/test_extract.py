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
    ("headline", "body", "surfaces"),
    [
        (
            "Steel output climbs 4.5% to 81 million tonnes",
            "Mills made more steel.",
            ["4.5%", "81 million"],
        ),
        ("Port handles $2.4 bln of cargo in March", "The port was busy. It said so.", ["$2.4 bln"]),
        ("A quiet month at the harbour", "Ships came in. They left.", []),
    ],
)
def test_headline_figures_come_first_with_offsets_back_from_the_body(headline, body, surfaces):
    alone = extract(body)
    x = extract(body, None, headline)
    whole = headline + "\n" + body
    head = [f for f in x.figures if f.sentence_no < 0]
    assert [f.surface for f in head] == [s for s in surfaces if s in headline]
    shift = len(headline) + 1
    for f in head:
        assert f.start < 0 and whole[f.start + shift : f.end + shift] == f.surface
        assert f.metric is None  # a headline names no metric to compare across articles
    assert x.figures[len(head) :] == alone.figures  # the body reads as it does alone
    assert x.sentences == alone.sentences
    assert [n for n, _, _ in x.numbered_sentences()] == list(
        range(-len(x.headline), len(alone.sentences))
    )


def test_headline_relations_stay_within_the_headline():
    x = extract("Imports were $2.0 billion.", None, "Exports rise 10% to $3.3 billion")
    assert [(r.kind, r.sentence_no) for r in x.relations] == [("growth", -1)]
    text = "Exports rose 10% to $3.3 billion. Imports rose 2% to $5 billion."
    body = extract(text)
    x = extract(text, None, "Trade: 3 ports")
    k = sum(f.sentence_no < 0 for f in x.figures)
    assert k == 1 and x.relations and len(x.relations) == len(body.relations)
    assert [(r.stated - k, r.a - k) for r in x.relations] == [
        (r.stated, r.a) for r in body.relations
    ]
