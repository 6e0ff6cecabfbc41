"""A budget balance and the revenue and spending printed paragraphs away (sentences written
for these tests)."""

from __future__ import annotations

import pytest

from addsup.extract import extract

_STORY = (
    "The state budget deficit for January to June 2024 reached Rp77.3 trillion, the minister "
    "said. She spoke after a cabinet meeting. Officials expect the gap to narrow. Spending "
    "amounted to Rp1,398.0 trillion in the period. Meanwhile, the state collected "
    "Rp{revenue} trillion in revenue."
)


def _balances(text: str) -> list[tuple[str, tuple[str, ...], tuple[int, ...]]]:
    x = extract(text)
    s = [f.surface for f in x.figures]
    return [
        (s[r.stated], tuple(s[m] for m in r.members), r.signs)
        for r in x.relations
        if r.kind == "balance"
    ]


def test_revenue_less_spending_paragraphs_away_meets_the_deficit():
    assert ("Rp77.3 trillion", ("Rp1,320.7 trillion", "Rp1,398.0 trillion"), (1, -1)) in (
        _balances(_STORY.format(revenue="1,320.7"))
    )


@pytest.mark.parametrize("revenue", ["1,330.7", "1,310.0"])
def test_nothing_is_linked_by_search_when_no_pair_meets_it(revenue):
    assert not [
        b for b in _balances(_STORY.format(revenue=revenue)) if f"Rp{revenue} trillion" in b[1]
    ]
