"""Shares linked to their part and whole (addsup/extract/relations.py)."""

import pytest

from addsup.extract import extract


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
