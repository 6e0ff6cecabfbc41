"""A level, its change in money and the change as a rate (sentences written for these tests)."""

from __future__ import annotations

import pytest

from addsup.extract import extract


def _changes(text: str) -> list[tuple[str, tuple[str, ...], tuple[int, ...]]]:
    x = extract(text)
    s = [f.surface for f in x.figures]
    return [
        (s[r.stated], tuple(s[m] for m in r.members), r.signs)
        for r in x.relations
        if r.kind == "growth_of_total" and r.phrase and " or " in r.phrase
    ]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Imports rose $2.4 billion, or 6.3 percent, to $40.5 billion in May.",
            ("6.3 percent", ("$40.5 billion", "$2.4 billion"), (1, 1)),
        ),
        (
            "Sales came to $8.1 billion, a decrease of $0.9 billion or 10.0 percent.",
            ("10.0 percent", ("$8.1 billion", "$0.9 billion"), (1, -1)),
        ),
    ],
)
def test_a_level_its_change_and_the_rate_of_the_change(text, want):
    assert _changes(text) == [want]


@pytest.mark.parametrize(
    "text",
    [
        # the level before the change is another clause's
        "Exports reached $40.5 billion, while imports rose $2.4 billion, or 6.3 percent.",
        # a change that is a share of something else
        "The deficit reached $40.5 billion, up $2.4 billion, or 0.3 percent of output.",
        # no word of change: "$2.4 billion, or 6.3 percent" is a share
        "Imports reached $40.5 billion, of which fuel was $2.4 billion, or 6.3 percent.",
    ],
)
def test_no_link_without_a_change_of_the_same_clause(text):
    assert _changes(text) == []
