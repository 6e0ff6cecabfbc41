"""Shares in a list that name their whole once (sentences written for these tests)."""

from __future__ import annotations

import pytest

from addsup.extract import extract


def _shares(text: str) -> dict[str, tuple[str | None, str | None]]:
    x = extract(text)
    s = [f.surface for f in x.figures]
    return {
        s[r.stated]: (s[r.a] if r.a is not None else None, s[r.b] if r.b is not None else None)
        for r in x.relations
        if r.kind == "share_of"
    }


_LIST = (
    "Exports totaled $4.80 billion in March. Germany bought $1.20 billion of exports, or "
    "25.0 percent of "
    "the total. Next came France at $960 million (20.0 percent) and Spain at $480 million "
    "(10.0 percent)."
)


def test_bracketed_shares_after_a_share_of_the_total_take_its_whole():
    shares = _shares(_LIST)
    assert shares["20.0 percent"] == ("$960 million", "$4.80 billion")
    assert shares["10.0 percent"] == ("$480 million", "$4.80 billion")


@pytest.mark.parametrize(
    "text",
    [
        # no share of the list names a total: the bare shares stay unlinked
        "Exports totaled $4.80 billion in March. Germany bought $1.20 billion of exports, or 25.0 "
        "percent. Next came France at $960 million (20.0 percent).",
        # a signed percentage in brackets is a rate of change, no share
        "Exports totaled $4.80 billion in March. Germany bought $1.20 billion of exports, or "
        "25.0 percent of the total. Next came France at $960 million (+20.0 percent).",
        # an amount without a share ends the list
        "Exports totaled $4.80 billion in March. Germany bought $1.20 billion of exports, or "
        "25.0 percent "
        "of the total. Imports were $3.1 billion. Next came France at $960 million "
        "(20.0 percent).",
    ],
)
def test_no_whole_outside_a_list_that_names_one(text):
    bracketed = text[text.rindex("(") + 1 : text.rindex(")")]
    assert _shares(text).get(bracketed, (None, None))[1] is None
