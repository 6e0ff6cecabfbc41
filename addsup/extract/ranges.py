"""A range is two figures, as news readers and the real-news gold count it: "5 to 7 percent"
is "5" and "7 percent", "$2-3 billion" is "$2" and "3 billion".

The extractor reads a range as one figure (its value the bottom, ``upper`` the top, its
interval the whole range) and links it so; ``split_ranges`` then cuts its surface in two.
The first figure keeps the range (``upper``, the interval) and every relation that names
it; the second, the top as printed, has the range's interval and takes part in no relation.
"""

from __future__ import annotations

import re
from dataclasses import replace

from addsup.extract.relations import Relation
from addsup.extract.units import Figure

# the words between a range's two numbers ("5 to 7", "8-10", "between 30 and 40")
_BETWEEN = re.compile(r"\s*[-–]\s*|\s+(?:to|and)\s+")
_DECIMALS = re.compile(r"[^\d]*\d[\d,]*(?:\.(\d+))?")


def _top(f: Figure) -> Figure | None:
    """The second figure of range ``f`` (``f`` is cut to the first), or None if its surface
    does not split."""
    m = _BETWEEN.search(f.surface, 1)  # past a sign: "-2 to 3%"
    if m is None or m.end() >= len(f.surface) or f.upper is None:
        return None
    top_text = f.surface[m.end() :]
    digits = _DECIMALS.match(top_text)
    top = replace(
        f,
        start=f.start + m.end(),
        surface=top_text,
        value=f.upper,
        decimals=len(digits.group(1) or "") if digits else 0,
        upper=None,
        metric=None,
    )
    f.end, f.surface = f.start + m.start(), f.surface[: m.start()]
    return top


def split_ranges(
    figures: list[Figure], relations: list[Relation]
) -> tuple[list[Figure], list[Relation]]:
    """The figures with each range as two, and the relations renumbered to match."""
    out: list[Figure] = []
    moved: list[int] = []  # the new index of each old figure
    for f in figures:
        moved.append(len(out))
        out.append(f)
        if f.qualifier == "range" and (top := _top(f)) is not None:
            out.append(top)
    if len(out) == len(figures):
        return figures, relations
    return out, [
        replace(
            r,
            stated=moved[r.stated],
            a=None if r.a is None else moved[r.a],
            b=None if r.b is None else moved[r.b],
            members=tuple(moved[m] for m in r.members),
        )
        for r in relations
    ]
