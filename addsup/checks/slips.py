"""What a ratio between two figures that should agree says about how one was misprinted."""

from __future__ import annotations

import math

_SCALE_WORDS = {1: "thousand", 2: "million", 3: "billion", 4: "trillion"}


def slip(ratio: float | None) -> str | None:
    """ "a million/billion slip" for a ratio near 1,000 (or 1/1,000), "a decimal slip" for one
    near 10; None when the ratio is no power of ten (within a third either way)."""
    if ratio is None or not math.isfinite(ratio) or ratio <= 0:
        return None
    power = math.log10(ratio)
    nearest = round(power)
    if nearest == 0 or abs(power - nearest) > math.log10(4 / 3):
        return None
    times = f"{10 ** abs(nearest):,}"
    if nearest % 3 == 0:
        steps = abs(nearest) // 3
        kind = (
            "a scale-word slip (million for billion, billion for trillion)"
            if steps == 1
            else "a scale-word slip (million for trillion)"
            if steps == 2
            else "a scale-word slip"
        )
        return f"about {times} times off: {kind}"
    if abs(nearest) == 1:
        return f"about {times} times off: a decimal point slipped one place"
    return f"about {times} times off: a misplaced decimal point or scale word"
