"""Numbers for people: compact, with the scale word a reader expects."""

from __future__ import annotations

import math

_SCALES = [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")]


def number(x: float, digits: int = 4) -> str:
    """``6.06e11`` -> ``606 billion``; ``15.04`` -> ``15.04``; inf -> ``∞``."""
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    for size, word in _SCALES:
        if abs(x) >= size:
            return f"{x / size:,.{digits}g} {word}"
    if abs(x) >= 1000:
        return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.1f}"
    return f"{x:.{digits}g}" if abs(x) < 1 else f"{x:,.2f}".rstrip("0").rstrip(".")


def _significant(x: float, digits: int) -> str:
    """``number`` with ``digits`` significant digits whatever the size of ``x``."""
    for size, word in _SCALES:
        if abs(x) >= size:
            return f"{x / size:,.{digits}g} {word}"
    return f"{x:,.{digits}g}" if abs(x) < 1000 else f"{x:,.{max(0, digits - 4)}f}"


def interval(lo: float, hi: float, unit: str = "") -> str:
    """``lo`` to ``hi`` in words; with as many digits as it takes for the two ends to differ
    ("28.135 billion to 28.145 billion", never "28.14 billion to 28.14 billion"), and one
    value when they are the same."""
    suffix = f" {unit}" if unit else ""
    if math.isinf(hi) and not math.isinf(lo):
        return f"at least {number(lo)}{suffix}"
    if math.isinf(lo) and not math.isinf(hi):
        return f"at most {number(hi)}{suffix}"
    low, high = number(lo), number(hi)
    digits = 5
    while low == high and lo != hi and digits <= 15:
        low, high = _significant(lo, digits), _significant(hi, digits)
        digits += 1
    if low == high:
        return f"{low}{suffix}"
    return f"{low} to {high}{suffix}"
