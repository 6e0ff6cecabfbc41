"""Numbers and intervals in words (addsup/fmt.py)."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from addsup import fmt


@pytest.mark.parametrize(
    ("lo", "hi", "unit", "shown"),
    [
        (28.135e9, 28.145e9, "CNY", "28.135 billion to 28.145 billion CNY"),
        (28.14e9, 28.14e9, "CNY", "28.14 billion CNY"),
        (16.35, 16.45, "%", "16.35 to 16.45 %"),
        (2.345, 2.355, "", "2.345 to 2.355"),
        (1.5e6, math.inf, "", "at least 1.5 million"),
        (-math.inf, 40.0, "%", "at most 40 %"),
    ],
)
def test_interval(lo, hi, unit, shown):
    assert fmt.interval(lo, hi, unit) == shown


@given(
    st.floats(min_value=1e-3, max_value=1e13),
    st.floats(min_value=1e-9, max_value=1e-1),
)
def test_an_interval_never_shows_the_same_number_twice(x, width):
    lo, hi = x, x * (1 + width)
    if lo == hi:
        return
    low, _, high = fmt.interval(lo, hi).partition(" to ")
    assert high and low != high
