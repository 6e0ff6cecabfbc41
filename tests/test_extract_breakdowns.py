"""A named total and the breakdown that follows it (sentences written for these tests)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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
        (  # the measure word repeated in each part, a sentence apart
            "The province's revenue came to $812.4 million. Officials said collection was "
            "strong. Tax revenue was $701.9 million and fee revenue reached $110.5 million.",
            ("$812.4 million", ("$701.9 million", "$110.5 million")),
        ),
        (  # a breakdown cue, no shared word; another amount in between
            "Sales reached 5,310.2 billion yuan last quarter. Profit was 402.7 billion yuan. "
            "Online stores contributed 1,204.6 billion yuan, while shops brought in "
            "4,105.6 billion yuan.",
            ("5,310.2 billion yuan", ("1,204.6 billion yuan", "4,105.6 billion yuan")),
        ),
        (  # neighbours in one sentence, only the first naming the measure
            "Sales of farm goods reached 3,793.3 billion yuan in May. Sales in towns were "
            "3,286.1 billion yuan, while those in villages were 507.2 billion yuan.",
            ("3,793.3 billion yuan", ("3,286.1 billion yuan", "507.2 billion yuan")),
        ),
        (  # three parts in a list with semicolons
            "Spending totaled Rp903.7 trillion. The spending consisted of wages, Rp410.2 "
            "trillion; goods, Rp301.3 trillion; and capital spending, Rp192.2 trillion.",
            (
                "Rp903.7 trillion",
                ("Rp410.2 trillion", "Rp301.3 trillion", "Rp192.2 trillion"),
            ),
        ),
    ],
)
def test_a_total_takes_the_parts_named_after_it(text, want):
    assert want in _sums(text)


@pytest.mark.parametrize(
    "text",
    [
        # the parts do not add up: nothing is linked (the search proves no inconsistency)
        "Revenue came to $812.4 million. Tax revenue was $701.9 million and fee revenue "
        "reached $120.5 million.",
        # they add up, but nothing names them parts of the total
        "Revenue came to $812.4 million. A bridge cost $701.9 million and a port $110.5 million.",
        # a rounded total ("3 billion") is too loose to tie parts to by arithmetic alone
        "Revenue came to $3 billion. Tax revenue was $1.9 billion and fee revenue $1.1 billion.",
        # the parts come before the total
        "Tax revenue was $701.9 million and fee revenue $110.5 million. Revenue came to "
        "$812.4 million.",
    ],
)
def test_no_breakdown_without_a_sum_and_a_name(text):
    assert not [s for s in _sums(text) if s[0] in ("$812.4 million", "$3 billion")]


@settings(max_examples=40, deadline=None)
@given(
    st.integers(min_value=1000, max_value=9999),
    st.integers(min_value=1000, max_value=9999),
    st.integers(min_value=-3, max_value=3),
)
def test_a_breakdown_is_linked_only_when_it_adds_up(a, b, off):
    total = a + b + off
    text = (
        f"Exports reached ${total / 10:,.1f} million. Farm exports were ${a / 10:,.1f} "
        f"million and factory exports ${b / 10:,.1f} million."
    )
    linked = any(s[0] == f"${total / 10:,.1f} million" for s in _sums(text))
    assert linked == (abs(off) <= 1)
