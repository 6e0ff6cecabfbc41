"""Totals and their parts named in different sentences, as trade stories write them.

* ``sum_of``: a total of trade ("total trade", "turnover", "import and export") and the
  exports and imports of the same period, within ``REACH`` sentences of it: "Trade reached
  $16.2 billion. Exports came to $5.23 billion ... imports to $10.97 billion." Levels pair
  with levels and earlier levels with earlier levels ("a year earlier"); amounts of change
  ("up $1.8 billion") are never parts. Where more than one export or import could be meant,
  the nearest are the reading.
* the whole of a share whose sentence only names it ("54.2 percent of total exports", "of
  the total"): the nearest level before it with the role the phrase names (else the part's
  own role), of the same currency.

A relation linked across sentences carries its cue words in ``phrase``; its failure is a
warning (the reading is the linker's, not the text's).
"""

from __future__ import annotations

import re
from dataclasses import replace

from addsup.extract.amount_roles import (
    EXPORT,
    IMPORT,
    TOTAL,
    TOTAL_KEYS,
    is_change,
    is_earlier,
    role,
)
from addsup.extract.cues import Keys
from addsup.extract.figures import Figure
from addsup.extract.relations import Relation

REACH = 3  # sentences between a total and its parts
FAR_REACH = 10  # the same, for parts that add up to the total
WHOLE_REACH = 10  # sentences a share looks back for the whole it names
_AMOUNTS = frozenset({"currency", "count"})
_TOTAL_WORD = re.compile(r"\b(?:total|overall|all)\b", re.IGNORECASE)
_PHRASE_ROLE = re.compile(
    r"\b(?:(?P<export>exports?|shipments)|(?P<import>imports?|import\s+bill)|(?P<total>trade|turnover))\b",
    re.IGNORECASE,
)


def _same_kind(x: Figure, y: Figure) -> bool:
    return x.unit == y.unit and x.currency == y.currency and x.unit in _AMOUNTS


def _same_period(x: Figure, y: Figure) -> bool:
    return (
        x.period_start is None
        or y.period_start is None
        or (x.period_start == y.period_start and x.period_end == y.period_end)
    )


class _Earlier(dict):
    """Whether each amount is an earlier level, read when first asked."""

    def __init__(self, text: str, figures: list[Figure]):
        super().__init__()
        self.text, self.figures = text, figures

    def __missing__(self, i: int) -> bool:
        self[i] = found = is_earlier(self.text, self.figures[i])
        return found


class _Levels:
    """Each level's role (amounts of change have none), and whether it is an earlier level
    (made once per text: ``_levels``); ``role`` holds the levels with a role."""

    def __init__(self, text: str, figures: list[Figure], sentences: list[tuple[int, int]]):
        self.text, self.figures = text, figures
        self.role: dict[int, str] = {}
        self.earlier = _Earlier(text, figures)
        self._level: dict[int, bool] = {}
        for i, f in enumerate(figures):
            if f.unit not in _AMOUNTS:
                continue
            start = sentences[f.sentence_no][0] if f.sentence_no < len(sentences) else 0
            found = role(text, f, start)
            if found is not None and self.is_level(i):
                self.role[i] = found

    def is_level(self, i: int) -> bool:
        """An amount, not a change of one ("up $1.8 billion")."""
        if i not in self._level:
            f = self.figures[i]
            self._level[i] = f.unit in _AMOUNTS and not is_change(self.text, f)
        return self._level[i]

    def of(self, text: str, figures: list[Figure]) -> bool:
        return text is self.text and figures is self.figures

    def nearest_total(self, i: int) -> int | None:
        """The total of ``i``'s kind nearest to it (in sentences, then characters)."""
        f = self.figures[i]
        totals = [
            t
            for t, r in self.role.items()
            if r == TOTAL and _same_kind(self.figures[t], f) and self.earlier[t] == self.earlier[i]
        ]
        return min(
            totals,
            key=lambda t: (
                abs(self.figures[t].sentence_no - f.sentence_no),
                abs(self.figures[t].start - f.start),
            ),
            default=None,
        )

    def candidates(self, t: int, want: str, reach: int) -> list[int]:
        """Amounts of role ``want`` that may pair with ``t``, and with no total nearer to
        them than ``t``: nearest first."""
        total = self.figures[t]
        found = [
            i
            for i, r in self.role.items()
            if r == want
            and i != t
            and abs(self.figures[i].sentence_no - total.sentence_no) <= reach
            and self.earlier[i] == self.earlier[t]
            and _same_kind(self.figures[i], total)
            and _same_period(self.figures[i], total)
        ]
        return sorted(
            found,
            key=lambda i: (
                abs(self.figures[i].sentence_no - total.sentence_no),
                abs(self.figures[i].start - total.start),
            ),
        )


_made: list[_Levels] = []  # the last text's, which the linkers below share


def _levels(text: str, figures: list[Figure], sentences: list[tuple[int, int]]) -> _Levels:
    if not (_made and _made[0].of(text, figures)):
        _made[:] = [_Levels(text, figures, sentences)]
    return _made[0]


def find_trade_totals(
    text: str,
    figures: list[Figure],
    sentences: list[tuple[int, int]],
    taken: set[int],
) -> list[Relation]:
    """``sum_of`` relations: a trade total and the exports and imports that make it up.

    Every reading is tried: first each total takes the export and import, within
    ``FAR_REACH`` sentences, that add up to it within rounding (a story may give two totals,
    a half year and its quarter, before their parts); a total left takes the nearest export
    and import within ``REACH`` that no nearer total claims. ``taken`` are the figures
    already stated by a ``sum_of``."""
    if not TOTAL_KEYS.near(text, 0, len(text)):
        return []  # no words of a total: no amount has that role
    levels = _levels(text, figures, sentences)
    totals = [t for t, r in levels.role.items() if r == TOTAL and t not in taken]
    chosen: dict[int, tuple[int, int]] = {}
    used: set[int] = set()
    for t in totals:
        pairs = [
            (e, i)
            for e in levels.candidates(t, EXPORT, FAR_REACH)
            for i in levels.candidates(t, IMPORT, FAR_REACH)
            if e not in used and i not in used and _adds_up(figures, t, (e, i))
        ]
        if pairs:
            chosen[t] = pairs[0]
            used.update(pairs[0])
    for t in totals:
        if t in chosen:
            continue
        exports = [e for e in levels.candidates(t, EXPORT, REACH) if e not in used]
        imports = [i for i in levels.candidates(t, IMPORT, REACH) if i not in used]
        if (
            exports
            and imports
            and levels.nearest_total(exports[0]) == t == levels.nearest_total(imports[0])
        ):
            chosen[t] = (exports[0], imports[0])
    return [
        Relation(
            "sum_of",
            t,
            None,
            None,
            figures[t].sentence_no,
            1,
            cues="exports + imports = total trade",
            members=tuple(sorted(parts)),
        )
        for t, parts in sorted(chosen.items())
    ]


def _adds_up(figures: list[Figure], t: int, parts: tuple[int, ...]) -> bool:
    lo = sum(figures[p].lo for p in parts)
    hi = sum(figures[p].hi for p in parts)
    return lo <= figures[t].hi and figures[t].lo <= hi


def resolve_wholes(
    text: str, figures: list[Figure], sentences: list[tuple[int, int]], relations: list[Relation]
) -> list[Relation]:
    """Shares whose whole is only named get the level it names, from a sentence before."""
    out = []
    for rel in relations:
        if (
            rel.kind != "share_of"
            or rel.b is not None
            or rel.a is None
            or not rel.phrase
            or figures[rel.a].unit != "currency"  # counts ("60 countries") name no trade whole
        ):
            out.append(rel)
            continue
        levels = _levels(text, figures, sentences)
        m = _PHRASE_ROLE.search(rel.phrase)
        want = (
            (EXPORT if m.group("export") else IMPORT if m.group("import") else TOTAL)
            if m
            else levels.role.get(rel.a)
        )
        part = _original(text, figures, rel.a)
        total = bool(_TOTAL_WORD.search(rel.phrase))
        whole = _nearest_before(levels, part, want, total) if want else None
        if whole is None:
            out.append(rel)
            continue
        cues = f"{rel.cues or ''} ... of {rel.phrase}".strip(" .")
        out.append(replace(rel, a=part, b=whole, phrase=f"of {rel.phrase}", cues=cues))
    return out


def _original(text: str, figures: list[Figure], i: int) -> int:
    """The amount a converted one stands for: "4.2 trillion yuan (620 billion dollars)"."""
    f = figures[i]
    if i and text[figures[i - 1].end : f.start].strip() in ("(", "(about", "(around"):
        return i - 1
    return i


def _nearest_before(levels: _Levels, part: int, want: str, total: bool) -> int | None:
    """The level a share's named whole stands for: the largest before the part when the
    phrase says "total" (anywhere before), else the nearest that exceeds the part within
    ``WHOLE_REACH`` sentences."""
    p = levels.figures[part]
    found = [
        i
        for i, r in levels.role.items()
        if r == want
        and i < part
        and (total or p.sentence_no - levels.figures[i].sentence_no <= WHOLE_REACH)
        and not levels.earlier[i]
        and _same_kind(levels.figures[i], p)
    ]
    if not found:
        return None
    if total:
        return max(found, key=lambda i: (levels.figures[i].value * levels.figures[i].scale, i))
    larger = [i for i in found if levels.figures[i].lo > p.hi]  # a whole exceeds its part
    return (larger or found)[-1]


def find_growth_across(
    text: str,
    figures: list[Figure],
    sentences: list[tuple[int, int]],
    rates: list[tuple[int, int]],
    taken: set[int],
    linked: set[int] | frozenset[int] = frozenset(),
) -> list[Relation]:
    """A rate of change whose sentence states no level ("Exports rose 6.8 percent") and the
    level and earlier level of the same role in the sentence after or before it ("Outbound
    shipments reached $40.3 billion, compared with $37.73 billion a year earlier"); without
    an earlier level there, the check derives it from the level and the rate.

    ``rates`` are (figure, direction) of the growth-cued rates; ``taken`` the figures already
    stated by a growth relation; ``linked`` the levels other relations already use (a level
    with a rate of its own, a share's part), never the level of a rate of another sentence."""
    out = []
    for i, direction in rates:
        g = figures[i]
        around = (g.sentence_no - 1, g.sentence_no + 1)
        if (
            i in taken
            or any(f.sentence_no == g.sentence_no and f.unit in _AMOUNTS for f in figures)
            or not any(f.sentence_no in around and f.unit == "currency" for f in figures)
        ):
            continue  # a level of its own, or none in the sentences around
        want = (
            role(text, g, sentences[g.sentence_no][0]) if g.sentence_no < len(sentences) else None
        )
        if want not in (EXPORT, IMPORT, TOTAL):
            continue
        levels = _levels(text, figures, sentences)
        for near in (g.sentence_no + 1, g.sentence_no - 1):
            pair = _level_and_earlier(levels, near, want)
            if pair is not None and pair[0] not in linked:
                out.append(
                    Relation(
                        "growth",
                        i,
                        pair[0],
                        pair[1],
                        g.sentence_no,
                        direction,
                        cues=f"{want}s ... in the sentence {'after' if near > g.sentence_no else 'before'}",
                    )
                )
                break
    return out


def _level_and_earlier(
    levels: _Levels, sentence_no: int, want: str
) -> tuple[int, int | None] | None:
    """The one level of role ``want`` in ``sentence_no`` and the one earlier level after it
    (None when the sentence gives none)."""
    now = [
        i
        for i, r in levels.role.items()
        if levels.figures[i].sentence_no == sentence_no
        and r == want
        and not levels.earlier[i]
        and levels.figures[i].unit == "currency"
    ]
    if len(now) != 1:
        return None
    x = levels.figures[now[0]]
    before = [
        i
        for i in range(now[0] + 1, len(levels.figures))
        if levels.figures[i].sentence_no == sentence_no
        and levels.is_level(i)
        and levels.role.get(i) in (want, None)  # "compared with $37.73 billion": the same measure
        and levels.earlier[i]
        and _same_kind(levels.figures[i], x)
    ]
    if len(before) > 1:
        return None
    return (now[0], before[0] if before else None)  # no earlier level: the check derives it


_INCLUDING = re.compile(
    r"\b(?:including|includes|comprising|consisting\s+of|made\s+up\s+of)\b", re.IGNORECASE
)

_INCLUDING_KEYS = Keys("including", "comprising", "consisting", "made")


def find_inclusions(
    text: str, figures: list[Figure], sentences: list[tuple[int, int]], taken: set[int]
) -> list[Relation]:
    """ "T, ... including A from X and B from Y": A and B are some of T (their sum cannot pass
    it), in one sentence; ``taken`` are the figures already stated by a ``sum_of``."""
    out: list[Relation] = []
    if not _INCLUDING_KEYS.near(text, 0, len(text)):
        return out
    for s, (start, end) in enumerate(sentences):
        if not _INCLUDING_KEYS.near(text, start, end):
            continue
        members = [i for i, f in enumerate(figures) if f.sentence_no == s and f.unit in _AMOUNTS]
        for m in _INCLUDING.finditer(text, start, end):
            before = [i for i in members if figures[i].end <= m.start()]
            if not before or before[-1] in taken:
                continue
            t = before[-1]
            parts = [
                i
                for i in members
                if figures[i].start >= m.end() and _same_kind(figures[i], figures[t])
            ]
            if len(parts) >= 2:
                out.append(
                    Relation(
                        "sum_of",
                        t,
                        None,
                        None,
                        s,
                        0,
                        members=tuple(parts),
                        cues=" ".join(m.group(0).split()),
                    )
                )
                taken.add(t)
    return out
