"""A named total and the parts it is broken into, in the sentences after it.

Budget, retail and trade copy states a total ("state revenue reached Rp516 trillion") and
then its breakdown ("tax revenue of ..., customs revenue of ... and non-tax revenue of
..."; "sales in urban areas were ...; those in rural areas ..."), often sentences apart and
with other amounts in between. Each reading is tried: two or three amounts, or a run of
consecutive ones, of the total's currency and period, each smaller than it, within
``REACH`` sentences after it and ``SPREAD`` of each other, whose sum meets the total within
rounding (amounts of money only: whole counts meet sums by chance too often). A reading counts
only when the parts name what they are part of: a word of the total's measure ("revenue",
"exports", "retail sales") in each part's own words, or a breakdown cue before them
("consist of", "accrued from", "contributed", "of the total").

Only a breakdown that adds up is linked (an arithmetic search finds no inconsistency, it
only ties the figures a reader would tie); the check then also shows when it holds only at
the edge of rounding.
"""

from __future__ import annotations

import bisect
import re
from itertools import combinations

from addsup.extract.amount_roles import is_change, is_earlier
from addsup.extract.figures import Figure
from addsup.extract.relations import Relation

REACH = 8  # sentences after a total that its parts may stand in
MAX_RUN = 6  # the most parts of a run of consecutive amounts
PRECISE = 0.01  # a total's rounding width, relative to it, at most (else coincidence is easy)
SPREAD = 3  # sentences the parts of one breakdown may span
_AMOUNTS = frozenset({"currency"})  # counts are whole numbers: sums meet them by chance
_CUE = re.compile(
    r"\b(?:consist(?:s|ed|ing)?\s+of|compris(?:e|es|ed|ing)|accrued\s+from|made\s+up\s+of"
    r"|(?-i:Of)\s+the\s+total|of\s+which|contribut(?:ed|es|ing)|broken\s+down|split\s+(?:between|into)"
    r"|came\s+from|coming\s+from)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z][a-z-]{3,}")
_NOT_MEASURE = frozenset(
    """with from that this these those which while were have been has had also only than
    into over under about around some nearly almost more less total overall whole estimated
    reached totaled totalled amounted stood came rose fell grew gained increased decreased
    dropped declined climbed hit was reach worth booked posted recorded spent showed shows
    on-month year-on-year month-on-month quarter-on-quarter on-year
    billion million trillion thousand percent cent year years month months quarter period
    january february march april may june july august september october november december
    first second third fourth half last same previous earlier compared against versus
    three four five seven eight nine eleven twelve
    according data said says country nation government state federal""".split()
)
_CLAUSE = re.compile(r"[;:]|,\s+(?:while|whereas|but)\b|\bwhile\b|\bwhereas\b", re.IGNORECASE)


def _stem(word: str) -> str:
    w = word.lower()
    return w[:-1] if w.endswith("s") and not w.endswith("ss") else w


_AFTER_WORDS = re.compile(r"[^,;.()\d]{0,30}")


def _naming(text: str, f: Figure, floor: int) -> frozenset[str]:
    """The measure words of the clause an amount stands in: before it back to the clause's
    start, and the few words after it ("Rp1,957 trillion in revenue")."""
    start = max(floor, f.start - 90)
    for m in _CLAUSE.finditer(text, start, f.start):
        start = m.end()
    after = _AFTER_WORDS.match(text[f.end : f.end + 30])
    words = _WORD.findall(text[start : f.start]) + _WORD.findall(after.group(0) if after else "")
    return frozenset(s for s in map(_stem, words) if s not in _NOT_MEASURE)


def _fits(figures: list[Figure], t: int, parts: tuple[int, ...]) -> bool:
    lo = sum(figures[p].lo for p in parts)
    hi = sum(figures[p].hi for p in parts)
    return lo <= figures[t].hi and figures[t].lo <= hi


def find_breakdowns(
    text: str, figures: list[Figure], sentences: list[tuple[int, int]], known: list[Relation]
) -> list[Relation]:
    """``sum_of`` relations: a total and the parts named after it that add up to it, for
    the totals that ``known`` (the relations found so far) do not sum up yet, from the
    amounts that are no part of a sum there."""
    levels = [
        i
        for i, f in enumerate(figures)
        if f.unit in _AMOUNTS and f.lo is not None and f.hi is not None and f.lo > 0
    ]
    if len(levels) < 3:
        return []
    # arithmetic first, words after: most texts have no amounts that add up to another
    if not any(_reading(figures, t, pool, pool) for t, pool in _pools(figures, levels)):
        return []
    levels = [i for i in levels if not is_change(text, figures[i])]
    earlier = {i: is_earlier(text, figures[i]) for i in levels}
    naming: dict[int, frozenset[str]] = {}
    cues = [m.start() for m in _CUE.finditer(text)]
    prev_end = 0
    for i in levels:
        f = figures[i]
        floor = sentences[f.sentence_no][0] if f.sentence_no < len(sentences) else 0
        naming[i] = _naming(text, f, max(floor, prev_end))
        prev_end = f.end
    out: list[Relation] = []
    totals = {r.stated for r in known if r.kind == "sum_of"}
    used = {p for r in known if r.kind == "sum_of" for p in r.members}
    for t, pool in _pools(figures, levels):
        total = figures[t]
        if t in totals or not naming[t]:
            continue
        pool = [i for i in pool if i not in used and earlier[i] == earlier[t]]
        # a part names the total's measure, or a breakdown cue stands between them
        named = [
            i
            for i in pool
            if naming[i] & naming[t]
            or bisect.bisect_left(cues, figures[t].end) < bisect.bisect_left(cues, figures[i].start)
        ]
        parts = _reading(figures, t, pool, named)
        if parts is None:
            continue
        words = sorted(set().union(*(naming[p] & naming[t] for p in parts)))
        cue = (
            f"{' '.join(words)} … of the {figures[t].surface}"
            if words
            else "a breakdown after the total"
        )
        out.append(Relation("sum_of", t, None, None, total.sentence_no, 1, cues=cue, members=parts))
        totals.add(t)
        used.update(parts)
    return out


def _pools(figures: list[Figure], levels: list[int]) -> list[tuple[int, list[int]]]:
    """Each precise total and the amounts after it that could be its parts: of its unit,
    currency and period, smaller than it, within ``REACH`` sentences."""
    out = []
    for k, t in enumerate(levels):
        total = figures[t]
        if total.hi - total.lo > PRECISE * total.hi:
            continue
        pool = [
            i
            for i in levels[k + 1 :]
            if figures[i].sentence_no - total.sentence_no <= REACH
            and figures[i].unit == total.unit
            and figures[i].currency == total.currency
            and figures[i].hi < total.lo
            and _same_period(figures[i], total)
        ]
        if len(pool) >= 2:
            out.append((t, pool))
    return out


def _reading(
    figures: list[Figure], t: int, pool: list[int], named: list[int]
) -> tuple[int, ...] | None:
    """The parts of ``t``: the first pair, then triple, of named amounts (nearest first)
    that add up to it, else two neighbouring amounts of one sentence (one of them named),
    else a run of consecutive amounts of the pool, all named."""
    if len(named) >= 2:
        for size in (2, 3):
            for parts in combinations(named[:12], size):
                if _fits(figures, t, parts) and _close(figures, parts):
                    return parts
    names = set(named)
    for a, b in zip(pool, pool[1:], strict=False):
        # neighbours in one sentence, one naming the total's measure: "sales in urban areas
        # were X, while those in rural areas were Y"
        if (
            (a in names or b in names)
            and figures[a].sentence_no == figures[b].sentence_no
            and _fits(figures, t, (a, b))
        ):
            return (a, b)
    for first in range(len(pool)):
        for last in range(first + 3, min(first + MAX_RUN, len(pool)) + 1):
            run = tuple(pool[first:last])
            if all(p in names for p in run) and _fits(figures, t, run) and _close(figures, run):
                return run
    return None


def _close(figures: list[Figure], parts: tuple[int, ...]) -> bool:
    """Whether the parts stand within ``SPREAD`` sentences of each other (one breakdown)."""
    return figures[parts[-1]].sentence_no - figures[parts[0]].sentence_no <= SPREAD


def _same_period(x: Figure, y: Figure) -> bool:
    return (
        x.period_start is None
        or y.period_start is None
        or (x.period_start == y.period_start and x.period_end == y.period_end)
    )
