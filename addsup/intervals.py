"""What a printed number can stand for: an interval, from its precision and qualifier.

"16.4 percent" is [16.35, 16.45]: half a unit of the last printed digit either side.
Qualifiers widen or open the interval (docs/checks.md has the table):

| qualifier | words                              | interval                         |
|-----------|------------------------------------|----------------------------------|
| exact     | (none)                             | v ± h                            |
| about     | about, around, roughly, some, ...  | v ± max(h, 1% of v)              |
| nearly    | nearly, almost, close to           | [v - max(h, 5% of v), v + h]     |
| over      | over, more than, above             | [v - h, +inf)                    |
| at_least  | at least                           | [v - h, +inf)                    |
| under     | under, less than, below, fewer than| (floor, v + h]                   |
| up_to     | up to                              | (floor, v + h]                   |
| range     | "5 to 7", "10-15", "between 5 and 7" | [v - h, upper + h]             |

where h = 0.5 × 10^-decimals, all times the scale (a billion, a million), and the
floor is 0 for amounts and counts (unless the printed value is negative) and -inf for rates.
"""

from __future__ import annotations

import math

ABOUT_RELATIVE = 0.01
NEARLY_RELATIVE = 0.05
NON_NEGATIVE_UNITS = frozenset({"count", "currency", "ordinal"})


def half_unit(decimals: int) -> float:
    """Half of one unit in the last printed digit: 0.05 for "16.4"."""
    return 0.5 * 10.0 ** (-decimals)


_HALF_UNITS = tuple(half_unit(d) for d in range(16))  # the same floats, made once


def stated_interval(
    value: float,
    decimals: int,
    scale: float,
    qualifier: str,
    unit: str,
    upper: float | None = None,
) -> tuple[float, float]:
    """The interval of absolute values a printed figure allows (``upper``: a range's top)."""
    h = _HALF_UNITS[decimals] if 0 <= decimals < 16 else half_unit(decimals)
    if upper is not None:  # "5 to 7 percent" is [4.5, 7.5]
        return ((value - h) * scale, (upper + h) * scale)
    # amounts and counts cannot go below zero, unless the printed figure already does
    floor = 0.0 if unit in NON_NEGATIVE_UNITS and value >= 0 else -math.inf
    if qualifier == "about":
        w = max(h, ABOUT_RELATIVE * abs(value))
        lo, hi = value - w, value + w
    elif qualifier == "nearly":
        lo, hi = value - max(h, NEARLY_RELATIVE * abs(value)), value + h
    elif qualifier in ("over", "at_least"):
        lo, hi = value - h, math.inf
    elif qualifier in ("under", "up_to"):
        lo, hi = floor, value + h
    else:
        lo, hi = value - h, value + h
    return (lo * scale if math.isfinite(lo) else lo, hi * scale if math.isfinite(hi) else hi)


def divide(num: tuple[float, float], den: tuple[float, float]) -> tuple[float, float] | None:
    """[a, b] / [c, d] for a non-negative numerator and a positive denominator.

    None when the denominator interval touches zero (the ratio is unbounded).
    """
    (a, b), (c, d) = num, den
    if c <= 0:
        return None
    lo = a / d if math.isfinite(d) else 0.0
    hi = b / c
    return (lo, hi)


def overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """True when two closed intervals share at least one point."""
    return a[0] <= b[1] and b[0] <= a[1]
