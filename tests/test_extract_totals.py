"""Totals, parts and wholes named in different sentences, and the roles that link them
(sentences written for these tests)."""

from __future__ import annotations

import pytest

from addsup.extract import extract
from addsup.extract.amount_roles import BALANCE, EXPORT, IMPORT, TOTAL, is_change, is_earlier, role


def _relations(text: str, kind: str) -> list[tuple[str, tuple[str, ...], str | None]]:
    x = extract(text)
    s = [f.surface for f in x.figures]
    return [
        (
            s[r.stated],
            tuple(s[m] for m in r.members) or tuple(s[j] for j in (r.a, r.b) if j is not None),
            r.cues,
        )
        for r in x.relations
        if r.kind == kind
    ]


def _roles(text: str) -> dict[str, str | None]:
    x = extract(text)
    return {
        f.surface: role(text, f, x.sentences[f.sentence_no][0])
        for f in x.figures
        if f.unit == "currency"
    }


@pytest.mark.parametrize(
    ("text", "surface", "want"),
    [
        ("Two-way trade came to $9.2 billion.", "$9.2 billion", TOTAL),
        ("Shipments abroad rose 3 percent to $5.1 billion.", "$5.1 billion", EXPORT),
        ("It bought $4.1 billion in imports, a record.", "$4.1 billion", IMPORT),
        ("Exports fell, while imports rose to $4.1 billion.", "$4.1 billion", IMPORT),
        ("The trade surplus narrowed to $1.0 billion.", "$1.0 billion", BALANCE),
        (
            "Imports and exports stood at $4.1 billion and $5.1 billion, respectively.",
            "$5.1 billion",
            EXPORT,
        ),
        (
            "Imports and exports stood at $4.1 billion and $5.1 billion, respectively.",
            "$4.1 billion",
            IMPORT,
        ),
        ("The ministry spent $2.0 billion.", "$2.0 billion", None),
    ],
)
def test_role(text, surface, want):
    assert _roles(text)[surface] == want


def test_earlier_levels_and_changes_are_told_apart():
    text = "Sales rose $1.1 billion to $9.9 billion, up from $8.8 billion a year earlier."
    x = extract(text)
    by = {f.surface: f for f in x.figures}
    assert is_change(text, by["$1.1 billion"]) and not is_change(text, by["$9.9 billion"])
    assert is_earlier(text, by["$8.8 billion"]) and not is_earlier(text, by["$9.9 billion"])


def test_a_trade_total_and_its_parts_across_sentences():
    text = (
        "Total trade with Peru reached $9.2 billion in May. Exports rose 4 percent to "
        "$5.0 billion, while imports fell 2 percent to $4.2 billion."
    )
    assert _relations(text, "sum_of") == [
        ("$9.2 billion", ("$5.0 billion", "$4.2 billion"), "exports + imports = total trade")
    ]


def test_two_totals_take_the_parts_that_add_up_to_them():
    # the quarter's total stands nearer the half year's parts: the half year's total takes them
    text = (
        "Two-way trade reached $20.1 billion in the half year. "
        "Exports came to $11.5 billion and imports to $8.6 billion. "
        "In the second quarter alone, two-way trade reached $10.3 billion."
    )
    sums = _relations(text, "sum_of")
    assert (
        "$20.1 billion",
        ("$11.5 billion", "$8.6 billion"),
        "exports + imports = total trade",
    ) in sums
    assert all(total != "$10.3 billion" for total, _, _ in sums)


def test_earlier_levels_pair_with_earlier_levels():
    text = (
        "Total trade was $16.0 billion, against $15.0 billion a year earlier. "
        "Exports were $6.0 billion, up from $5.5 billion a year earlier, and imports "
        "$10.0 billion, up from $9.5 billion a year earlier."
    )
    sums = dict((t, p) for t, p, _ in _relations(text, "sum_of"))
    assert sums.get("$16.0 billion") == ("$6.0 billion", "$10.0 billion")
    assert sums.get("$15.0 billion") == ("$5.5 billion", "$9.5 billion")


def test_the_whole_a_share_names_is_read_from_a_sentence_before():
    text = (
        "Exports reached $5.2 billion in January. Exports of copper came to $2.8 billion, "
        "which is 53.8 percent of total exports."
    )
    assert _relations(text, "share_of") == [
        ("53.8 percent", ("$2.8 billion", "$5.2 billion"), "which is ... of total exports")
    ]


def test_no_whole_without_a_level_of_its_role():
    text = "The ministry spent $5.2 billion. Copper came to $2.8 billion, or 53.8 percent of total exports."
    assert [b for _, b, _ in _relations(text, "share_of")] == [("$2.8 billion",)]


def test_a_rate_takes_the_levels_of_its_measure_from_the_next_sentence():
    text = (
        "Exports rose 5.0 percent in May. Outbound shipments reached $4.2 billion, "
        "compared with $4.0 billion a year earlier."
    )
    growth = [(s, p) for s, p, cue in _relations(text, "growth") if cue and "sentence" in cue]
    assert growth == [("5.0 percent", ("$4.2 billion", "$4.0 billion"))]


def test_a_level_with_a_rate_of_its_own_is_not_taken_by_another_sentence():
    text = "Car shipments jumped 29 percent. Steel exports declined 8.7 percent to $1.77 billion."
    assert not [cue for _, _, cue in _relations(text, "growth") if cue and "sentence" in cue]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Imports came to $12.6 billion, including $4.4 billion by local firms and $8.2 billion by foreign ones.",
            [("$12.6 billion", ("$4.4 billion", "$8.2 billion"), "including")],
        ),
        # "41 of which": the amount before "of which" is a part, not the whole: no link
        ("Exports came to 95 cars, 41 of which went to Chile and 18 to Peru.", []),
    ],
)
def test_including_lists_some_of_a_total(text, want):
    assert [
        r for r in _relations(text, "sum_of") if r[2] != "exports + imports = total trade"
    ] == want
