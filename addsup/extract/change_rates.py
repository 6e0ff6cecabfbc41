"""A level, its change in money and the change as a rate, in one sentence: "exports rose $1.8
billion, or 4.7 percent, to $40.1 billion"; "turnover reached $6.7 billion, a decrease of
$1.4 billion or 16.7 percent". The earlier level is the level less the change, and the rate
is the change over it: a ``growth_of_total`` of one member, the level paired with its change
(the check's form for a change in money).

The change is an amount after a word of change ("rose", "a decrease of", "down") whose
direction that word gives, followed by "or" (or a bracket) and a percentage; the level is
the amount after "to" right after the rate, else the nearest amount before the change in the
same clause. Both are amounts of the change's money, neither an earlier level.
"""

from __future__ import annotations

import re

from addsup.extract.amount_roles import is_change, is_earlier
from addsup.extract.figures import Figure
from addsup.extract.relations import Relation

_AMOUNTS = frozenset({"currency", "count"})
_OR = re.compile(r"\s*,?\s*(?:or|\()\s*(?:by\s+)?")
_OF = re.compile(r"\s+(?:of|in)\s")
_TO = re.compile(r"[^.;\d]{0,12}?\b(?:to|at)\s+(?:a\s+|an\s+)?(?:about\s+|around\s+)?")
_FALL = re.compile(
    r"(?i)\b(?:decrease[sd]?|decline[sd]?|fell|fall(?:ing|s)?|down|drop(?:ped|s)?|lower|lost"
    r"|loss|shr[au]nk|narrowed|contracted|slumped|plunged)\b"
)
_RISE = re.compile(
    r"(?i)\b(?:increase[sd]?|rose|rise[sn]?|rising|up|grew|growth|gain(?:ed|s)?|jump(?:ed|s)?"
    r"|climbed|expanded|widened|higher|added)\b"
)
_BREAK = re.compile(r"(?i);|,\s*(?:while|whereas|but)\b|\bwhile\b|\bwhereas\b")


def _direction(text: str, f: Figure, floor: int) -> int:
    """+1 or -1 by the last word of change before the amount (within 40 characters), 0 if none."""
    head = text[max(floor, f.start - 40) : f.start]
    fall = [m.end() for m in _FALL.finditer(head)]
    rise = [m.end() for m in _RISE.finditer(head)]
    if not fall and not rise:
        return 0
    return -1 if max(fall, default=-1) > max(rise, default=-1) else 1


def find_change_rates(
    text: str, figures: list[Figure], sentences: list[tuple[int, int]], known: list[Relation]
) -> list[Relation]:
    """``growth_of_total`` relations of a level, its change in money and the rate of that
    change; ``known`` relations keep their stated figures."""
    taken = {r.stated for r in known if r.kind == "growth_of_total"}
    out = []
    for c in range(len(figures) - 1):
        change, rate = figures[c], figures[c + 1]
        if (
            change.unit not in _AMOUNTS
            or rate.unit != "percent"
            or c + 1 in taken
            or rate.sentence_no != change.sentence_no
            or not _OR.fullmatch(text, change.end, rate.start)
            or _OF.match(text, rate.end)  # "or 0.3 percent of GDP": a share, no rate
            or not is_change(text, change)
        ):
            continue
        start = sentences[change.sentence_no][0] if sentences else 0
        direction = _direction(text, change, start)
        level = _level(text, figures, c, start)
        if direction == 0 or level is None:
            continue
        out.append(
            Relation(
                "growth_of_total",
                c + 1,
                level,
                None,
                change.sentence_no,
                direction,
                phrase=f"{figures[level].surface} … {change.surface} or {rate.surface}",
                members=(level, c),
                signs=(1, direction),
            )
        )
        taken.add(c + 1)
    return out


def _level(text: str, figures: list[Figure], c: int, start: int) -> int | None:
    """The level of change ``c``: the amount after "to" right after its rate, else the
    nearest amount before it in its clause; of its money, no change nor earlier level."""
    change = figures[c]
    after = figures[c + 2] if c + 2 < len(figures) else None
    if after is not None and after.sentence_no == change.sentence_no:
        m = _TO.match(text, figures[c + 1].end)
        close = text[figures[c + 1].end : figures[c + 1].end + 3].lstrip().startswith(")")
        gap = text[figures[c + 1].end : after.start]
        if (m and m.end() == after.start) or (close and _TO.fullmatch(gap.lstrip(" )"))):
            return c + 2 if _fits(text, after, change) else None
    before = [j for j in range(c - 1, -1, -1) if figures[j].sentence_no == change.sentence_no]
    for j in before:
        f = figures[j]
        if f.unit not in _AMOUNTS:
            continue
        if _BREAK.search(text, f.end, change.start) or not _fits(text, f, change):
            return None
        return j
    return None


def _fits(text: str, level: Figure, change: Figure) -> bool:
    return (
        level.unit == change.unit
        and level.currency == change.currency
        and level.start >= 0
        and not is_change(text, level)
        and not is_earlier(text, level)
    )
