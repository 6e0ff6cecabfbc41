"""Linking that a careful editor would do: comparisons, sentences run together in copy, and
an amount of change that is no share (sentences written for these tests)."""

from __future__ import annotations

import pytest

from addsup.extract import extract
from addsup.extract.sentences import split_sentences


def _kinds(text: str) -> list[tuple[str, str, str | None]]:
    x = extract(text)
    s = [f.surface for f in x.figures]
    return [(r.kind, s[r.stated], s[r.b] if r.b is not None else None) for r in x.relations]


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ("Sales rose on Monday.Imports fell 3 percent.", 2),  # a lost line break
        ("Sales were flat.\n— Imports fell 3 percent.\n— Exports rose.", 3),  # dash bullets
        ("Output grew 1.5 percent.", 1),  # a decimal point is no stop
        ("He works at Acme Co.Ltd in Busan.", 1),  # no lower-case word before the stop
    ],
)
def test_sentences_end_where_copy_lost_the_space(text, pieces):
    assert len(split_sentences(text)) == pieces


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Cargo reached $7.5 billion, lower than the $8.1 billion of June.",
            ("$7.5 billion", "$8.1 billion"),
        ),
        ("Cargo reached $7.5 billion, up from $6.9 billion.", ("$7.5 billion", "$6.9 billion")),
        (
            "Peru led with $3.3 billion, followed by Chile with $2.8 billion.",
            ("$3.3 billion", "$2.8 billion"),
        ),
        (
            "Profit hit ¥4 trillion, compared with ¥3 trillion a year ago.",
            ("¥4 trillion", "¥3 trillion"),
        ),
    ],
)
def test_comparisons_link_two_amounts(text, want):
    assert ("magnitude", *want) in _kinds(text)


def test_a_comparison_of_rates_is_no_magnitude():
    assert not [
        k for k in _kinds("Growth was 3.1 percent, lower than 3.4 percent.") if k[0] == "magnitude"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Trade came to $6.1 billion, a decrease of $1.2 billion, or 16.4 percent.",
        "Trade came to $6.1 billion, up by $1.2 billion, or 24.5 percent.",
    ],
)
def test_an_amount_of_change_before_or_percent_is_no_share(text):
    assert not [k for k in _kinds(text) if k[0] == "share_of"]


def test_taken_up_is_no_rise():
    text = "Buyers in 40 countries took goods, and Peru has taken up 55 percent of it."
    assert not [k for k in _kinds(text) if k[0] == "growth"]


def _shares(text: str) -> list[tuple[str, str | None, str | None]]:
    x = extract(text)
    s = [f.surface for f in x.figures]
    return [
        (s[r.stated], s[r.a] if r.a is not None else None, r.phrase)
        for r in x.relations
        if r.kind == "share_of"
    ]


def test_a_gapped_list_of_shares_keeps_its_whole():
    text = (
        "Copper made up 61.5 percent of total exports, coal 20.5 percent and "
        "wool 9.5 percent, respectively."
    )
    assert _shares(text) == [
        ("61.5 percent", None, "total exports"),
        ("20.5 percent", None, "total exports"),
        ("9.5 percent", None, "total exports"),
    ]


def test_a_list_whose_items_name_other_wholes_is_no_list_of_one_whole():
    text = (
        "Gold accounted for 5.5 percent of exports to Peru, 7.5 percent of exports to Chile "
        "and 87 percent of exports to Brazil, respectively."
    )
    assert _shares(text) == []


def test_parallel_clauses_keep_their_own_parts():
    # the amount belongs to the first clause: the second clause's share has no part
    text = (
        "Private firms traded $6.1 billion, accounting for 41.5 percent of the total, "
        "while state firms took up 17.5 percent of the total."
    )
    parts = {share: part for share, part, _ in _shares(text)}
    assert parts.get("41.5 percent") == "$6.1 billion"
    assert parts.get("17.5 percent") is None


def test_a_rate_in_a_parallel_clause_keeps_its_own_levels():
    text = (
        "Imports fell to $165.6 million from $165.8 million, while exports dropped "
        "30 percent to $23.9 million."
    )
    growth = {k[1]: k for k in _kinds(text) if k[0] == "growth"}
    # the rate's clause names no earlier level: the first clause's "from" is not its base
    assert growth["30 percent"][2] is None
