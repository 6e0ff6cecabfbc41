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


def interval(lo: float, hi: float, unit: str = "") -> str:
    suffix = f" {unit}" if unit else ""
    if math.isinf(hi) and not math.isinf(lo):
        return f"at least {number(lo)}{suffix}"
    if math.isinf(lo) and not math.isinf(hi):
        return f"at most {number(hi)}{suffix}"
    return f"{number(lo)} to {number(hi)}{suffix}"
