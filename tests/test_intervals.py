import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from addsup.intervals import divide, overlap, stated_interval


@pytest.mark.parametrize(
    ("value", "decimals", "scale", "qualifier", "unit", "expected"),
    [
        (16.4, 1, 1, "exact", "percent", (16.35, 16.45)),
        (26, 0, 1, "exact", "percent", (25.5, 26.5)),
        (606, 0, 1e9, "about", "currency", (599.94e9, 612.06e9)),  # 1 % beats half a unit
        (3.9, 1, 1e9, "about", "currency", (3.85e9, 3.95e9)),  # half a unit beats 1 %
        (1000, 0, 1, "over", "count", (999.5, math.inf)),
        (30, 0, 1, "at_least", "count", (29.5, math.inf)),
        (40000, 0, 1, "nearly", "count", (38000, 40000.5)),
        (5, 0, 1, "under", "count", (0.0, 5.5)),
        (
            -1,
            0,
            1,
            "under",
            "currency",
            (-math.inf, -0.5),
        ),  # found by hypothesis: no floor of 0 here
        (5, 0, 1, "up_to", "percent", (-math.inf, 5.5)),
    ],
)
def test_stated_interval(value, decimals, scale, qualifier, unit, expected):
    lo, hi = stated_interval(value, decimals, scale, qualifier, unit)
    assert lo == pytest.approx(expected[0])
    assert hi == pytest.approx(expected[1]) if math.isfinite(expected[1]) else hi == expected[1]


def test_divide_takes_the_extremes():
    assert divide((180 - 0.5, 180 + 0.5), (1199.5, 1200.5)) == pytest.approx(
        (179.5 / 1200.5, 180.5 / 1199.5)
    )


def test_divide_by_an_interval_touching_zero_is_unbounded():
    assert divide((1, 2), (0, 3)) is None


def test_overlap_includes_the_boundary():
    assert overlap((1.0, 2.0), (2.0, 3.0))
    assert not overlap((1.0, 2.0), (2.0000001, 3.0))


@given(
    part=st.floats(0, 1e6, allow_nan=False),
    whole=st.floats(1, 1e6, allow_nan=False),
    slack=st.floats(0, 0.5, allow_nan=False),
)
def test_the_true_ratio_lies_in_the_implied_interval(part, whole, slack):
    """Whatever the true values within the stated rounding, their ratio is in the interval."""
    lo, hi = divide(
        (max(0.0, part - slack), part + slack), (whole - min(slack, whole / 2), whole + slack)
    )
    assert lo <= part / whole <= hi


@given(
    value=st.floats(-1e9, 1e9, allow_nan=False),
    decimals=st.integers(0, 4),
    scale=st.sampled_from([1.0, 1e3, 1e6, 1e9]),
    qualifier=st.sampled_from(["exact", "about", "nearly", "over", "at_least", "under", "up_to"]),
    unit=st.sampled_from(["percent", "currency", "count"]),
)
def test_stated_interval_contains_the_printed_value(value, decimals, scale, qualifier, unit):
    """Whatever the qualifier, the interval is ordered and the printed number itself is possible."""
    lo, hi = stated_interval(value, decimals, scale, qualifier, unit)
    printed = value * scale
    tolerance = 1e-9 * max(1.0, abs(printed))
    assert lo <= hi
    assert lo - tolerance <= printed <= hi + tolerance
