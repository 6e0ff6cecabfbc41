"""The extractor as a whole (addsup/extract/__init__.py): the seed articles, any text, and
headlines."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from addsup.extract import extract

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
