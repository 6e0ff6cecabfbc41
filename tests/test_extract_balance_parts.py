"""A balance made of two balances of opposite sign (sentences written for these tests)."""

from __future__ import annotations

import pytest

from addsup.extract import extract


def _sums(text: str) -> list[tuple[str, tuple[str, ...]]]:
    x = extract(text)
    s = [f.surface for f in x.figures]
    return [
        (s[r.stated], tuple(s[m] for m in r.members)) for r in x.relations if r.kind == "sum_of"
    ]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (  # a goods deficit less a services surplus is the whole deficit
            "The trade deficit stood at $20.31 billion in the quarter. The goods trade "
            "deficit was $67.26 billion, while the services surplus was $46.95 billion.",
            ("$67.26 billion", ("$20.31 billion", "$46.95 billion")),
        ),
        (  # a non-oil surplus less an oil deficit ("a $3.08 billion deficit")
            "The country booked a surplus of $4.23 billion in July. The non-oil surplus rose "
            "to $7.31 billion. The oil balance saw a $3.08 billion deficit.",
            ("$7.31 billion", ("$4.23 billion", "$3.08 billion")),
        ),
    ],
)
def test_a_balance_of_two_balances_of_opposite_sign(text, want):
    assert want in _sums(text)


def test_balances_of_one_sign_are_no_parts_of_each_other():
    # 67.26 = 20.31 + 46.95, but three deficits: nothing says one is made of the others
    text = (
        "The trade deficit stood at $20.31 billion. The goods deficit was $67.26 billion, "
        "while the deficit with Asia was $46.95 billion."
    )
    assert not [s for s in _sums(text) if s[0] == "$67.26 billion"]
