"""A rate of change whose earlier level is not printed but follows from a sum.

"Exports rose 4.4 percent" with total exports of $210.3 billion, and each part printed with
its year-earlier level ("merchandise exports $112.2 billion vs $110.1 billion a year ago;
services $98.1 billion vs $88.5 billion"): the earlier total is the sum of the parts'
earlier levels. Likewise a part's rate ("exports fell 30 percent to $23.9 million") when
the total and the other parts have earlier levels ("trade ... down from $199.4 million;
imports ... down from $165.8 million"): the part's earlier level is the earlier total less
the other parts'. Each such reading becomes a ``growth_of_total`` whose members pair every
other figure of the sum with its own earlier level (sign 0 marks the pair).

The rate is the one a growth relation already gives the figure, or, for a total, an unlinked
rate of change of the total's role (exports, imports, trade) within ``REACH`` sentences
whose own sentence states no amount. The earlier levels must say what they compare with
("a year ago", "the previous month", "in April"), and the rate the same way (a year-on-year
rate never takes "the previous month"; a rate that does not say is read as year on year). When a part's own rate of change
would also fit the rate the total is said to have, the reading is one of two (a failure is
then a warning).
"""

from __future__ import annotations

import re
from datetime import date

from addsup.extract.amount_roles import EXPORT, IMPORT, TOTAL, is_earlier, role
from addsup.extract.figures import Figure
from addsup.extract.relations import Relation

REACH = 3  # sentences between a total and a rate said of its role
_AMOUNTS = frozenset({"currency", "count"})
_YEAR = re.compile(
    r"year[- ]on[- ]year|\by/y\b|\byoy\b|a\s+year\s+(?:ago|earlier|before)|last\s+year"
    r"|same\s+(?:period|month|quarter)|previous\s+year|annual",
    re.IGNORECASE,
)
_MONTH = re.compile(
    r"on[- ]month|month[- ]on[- ]month|\bm/m\b|(?:previous|last|a)\s+month"
    r"|month\s+(?:earlier|before|ago)|\bin\s+(?:January|February|March|April|May|June|July"
    r"|August|September|October|November|December)\b",
    re.IGNORECASE,
)
_QUARTER = re.compile(
    r"quarter[- ]on[- ]quarter|\bq/q\b|(?:previous|last|a)\s+quarter", re.IGNORECASE
)
_CLAUSE_END = re.compile(r"[;.]\s|,\s+(?:while|whereas|but)\b")


def _comparison(words: str) -> str | None:
    """How a stretch of text compares: "year", "month", "quarter" or None (not said)."""
    found = {
        k
        for k, rx in (("year", _YEAR), ("month", _MONTH), ("quarter", _QUARTER))
        if rx.search(words)
    }
    return found.pop() if len(found) == 1 else None


def _clause_end(text: str, start: int, end: int) -> int:
    m = _CLAUSE_END.search(text, start, end)
    return m.start() if m else end


def _earlier_level(text: str, figures: list[Figure], i: int) -> int | None:
    """The earlier level printed with level ``i`` in its clause: the next amount of its
    money within 80 characters ("$112.17 billion vs $110.06 billion a year ago")."""
    f = figures[i]
    for j in range(i + 1, len(figures)):
        g = figures[j]
        if g.sentence_no != f.sentence_no or g.start - f.end > 80:
            return None
        if g.unit not in _AMOUNTS:
            continue
        if g.unit != f.unit or g.currency != f.currency:
            return None
        if _clause_end(text, f.end, g.start) < g.start or not is_earlier(text, g):
            return None
        return j
    return None


def _fits(figures: list[Figure], rate: int, direction: int, level: int, earlier: int) -> bool:
    """Whether ``level`` over ``earlier`` matches the stated rate within rounding."""
    r, x, e = figures[rate], figures[level], figures[earlier]
    if e.lo <= 0 or r.unit != "percent":
        return False
    lo, hi = 100 * (x.lo / e.hi - 1), 100 * (x.hi / e.lo - 1)
    s_lo, s_hi = (-r.hi, -r.lo) if direction < 0 else (r.lo, r.hi)
    return lo <= s_hi and s_lo <= hi


def find_implied_earlier(
    text: str,
    figures: list[Figure],
    sentences: list[tuple[int, int]],
    relations: list[Relation],
    rates: list[tuple[int, int]],
) -> list[Relation]:
    """``growth_of_total`` relations for the rates whose earlier level a ``sum_of`` of
    ``relations`` implies; ``rates`` are (figure, direction) of the growth-cued rates."""
    sums = [r for r in relations if r.kind == "sum_of" and r.direction == 1 and r.members]
    if not sums or not rates:
        return []
    own_rate = {
        r.a: (r.stated, r.direction)
        for r in relations
        if r.kind == "growth" and r.a is not None and r.b is None
    }
    linked = {r.stated for r in relations if r.kind in ("growth", "growth_of_total")}
    checked = {r.stated for r in relations if r.kind == "growth_of_total"}
    out: list[Relation] = []
    for s in sums:
        figs = (s.stated, *s.members)
        earlier: dict[int, int | None] = {}
        missing = []
        for i in figs:  # all but one with an earlier level: stop at the second without
            earlier[i] = _earlier_level(text, figures, i)
            if earlier[i] is None:
                missing.append(i)
                if len(missing) > 1:
                    break
        if len(missing) != 1 or len(earlier) != len(figs):
            continue
        q = missing[0]
        rate = own_rate.get(q)
        readings = 1
        if rate is None and q == s.stated:
            rate = _rate_of_role(text, figures, sentences, q, rates, linked)
        if (
            rate is not None
            and q == s.stated
            and figures[rate[0]].sentence_no != figures[q].sentence_no
            and any(_fits(figures, rate[0], rate[1], p, earlier[p]) for p in s.members)  # type: ignore[arg-type]
        ):
            readings = 2  # said of the total's role in another sentence: maybe a part's rate
        if rate is None or figures[rate[0]].unit != "percent" or rate[0] in checked:
            continue
        if not _same_period(figures[rate[0]], figures[q]) or not _same_words_of_time(
            text, sentences, figures[rate[0]], figures[q]
        ):
            continue  # a month's rate never goes with a quarter's level
        said = _comparison(_rate_words(text, figures, sentences, rate[0]))
        kinds = {_comparison(_after(text, figures[earlier[i]])) for i in figs if i != q}
        kinds.discard(None)
        # the earlier levels say what they compare with ("a year ago", "in April"), all
        # alike; a rate that says nothing is read year on year, as news mostly prints them
        if len(kinds) != 1 or (said or "year") not in kinds:
            continue
        others = [i for i in figs if i != q]
        sign = {i: 1 if q == s.stated or i == s.stated else -1 for i in others}
        members = tuple(x for i in others for x in (i, earlier[i]))
        signs = tuple(x for i in others for x in (sign[i], 0))
        what = "the parts'" if q == s.stated else "the total's and the other parts'"
        out.append(
            Relation(
                "growth_of_total",
                rate[0],
                q,
                None,
                figures[q].sentence_no,
                rate[1],
                phrase=f"{what} earlier levels … {s.cues or 'sum'}",
                members=members,  # type: ignore[arg-type]
                signs=signs,
                readings=readings,
            )
        )
        linked.add(rate[0])
        checked.add(rate[0])
    return out


def _same_period(x: Figure, y: Figure) -> bool:
    return (
        x.period_start is None
        or y.period_start is None
        or (x.period_start == y.period_start and x.period_end == y.period_end)
    )


_TIME_WORD = re.compile(
    r"(?i)\b(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december|quarter|half|week)\b"
)


def _same_words_of_time(text: str, sentences: list[tuple[int, int]], x: Figure, y: Figure) -> bool:
    """Two sentences that name periods name at least one in common ("in June" is no
    period of "in the second quarter"); one sentence says nothing of time: no conflict."""
    if x.sentence_no == y.sentence_no or max(x.sentence_no, y.sentence_no) >= len(sentences):
        return True
    words = [
        {w.lower() for w in _TIME_WORD.findall(text, *sentences[f.sentence_no])} for f in (x, y)
    ]
    return not (words[0] and words[1]) or bool(words[0] & words[1])


def _after(text: str, f: Figure) -> str:
    return text[f.end : f.end + 40]


def _rate_words(
    text: str, figures: list[Figure], sentences: list[tuple[int, int]], rate: int
) -> str:
    """The words of a rate's clause around it: what it compares with."""
    f = figures[rate]
    start, end = sentences[f.sentence_no] if f.sentence_no < len(sentences) else (0, len(text))
    return text[max(start, f.start - 60) : min(end, f.end + 60)]


def _rate_of_role(
    text: str,
    figures: list[Figure],
    sentences: list[tuple[int, int]],
    t: int,
    rates: list[tuple[int, int]],
    linked: set[int],
) -> tuple[int, int] | None:
    """The one unlinked rate of change said of total ``t``'s role ("Imports rose 5.9
    percent") within ``REACH`` sentences, in a sentence that states no amount."""
    total = figures[t]
    start = sentences[total.sentence_no][0] if total.sentence_no < len(sentences) else 0
    want = role(text, total, start)
    if want not in (EXPORT, IMPORT, TOTAL):
        return None
    found = []
    for i, direction in rates:
        g = figures[i]
        if i in linked or abs(g.sentence_no - total.sentence_no) > REACH:
            continue
        if any(f.sentence_no == g.sentence_no and f.unit in _AMOUNTS for f in figures):
            continue
        g_start = sentences[g.sentence_no][0] if g.sentence_no < len(sentences) else 0
        if role(text, g, g_start) == want:
            found.append((i, direction))
    return found[0] if len(found) == 1 else None


_TO_LEVEL = re.compile(
    r"[^.;,\d]{0,40}?\b(?:to|hitting|reaching|at)\b(?:\s+(?:reach|a|an|about|around))?\s*$",
    re.IGNORECASE,
)
_STEP = {1: "month", 3: "quarter"}  # the comparison a one-month or one-quarter rate makes


def _months(start: date, end: date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month + 1


def _months_before(day: date, n: int) -> date:
    k = day.year * 12 + day.month - 1 - n
    return date(k // 12, k % 12 + 1, 1)


def find_period_splits(
    text: str,
    figures: list[Figure],
    sentences: list[tuple[int, int]],
    relations: list[Relation],
    rates: list[tuple[int, int]],
) -> list[Relation]:
    """``growth_of_total`` relations for a quarter's (month's) rate on the period before
    ("the second quarter grew 7 percent quarter-on-quarter to 10.3 trillion"), when the level
    of both periods together is stated ("20.1 trillion in the first half"): the earlier
    level is that level less this one's. The stated pair's own parts stand for it when they
    pin it down more tightly (20.1 printed, exports 11.46 + imports 8.64)."""
    checked = {
        r.stated
        for r in relations
        if r.kind == "growth_of_total" or (r.kind == "growth" and r.b is not None)
    }
    out: list[Relation] = []
    for i, direction in rates:
        g = figures[i]
        if i in checked or g.period_start is None or g.period_end is None:
            continue
        n = _months(g.period_start, g.period_end)
        step = _STEP.get(n)
        if step is None or _comparison(_rate_words(text, figures, sentences, i)) != step:
            continue
        level = next((j for j in range(i + 1, len(figures)) if figures[j].unit in _AMOUNTS), None)
        if level is None or figures[level].sentence_no != g.sentence_no:
            continue
        x = figures[level]
        if not _TO_LEVEL.fullmatch(text, g.end, x.start) or x.period_start != g.period_start:
            continue
        start = sentences[x.sentence_no][0] if x.sentence_no < len(sentences) else 0
        want = role(text, x, start)
        before = _months_before(g.period_start, n)
        both = [
            j
            for j, f in enumerate(figures)
            if j != level
            and f.unit == x.unit
            and f.currency == x.currency
            and f.period_start == before
            and f.period_end == x.period_end
            and f.lo > x.hi  # both periods together exceed one of them
            and want is not None
            and role(text, f, sentences[f.sentence_no][0] if f.sentence_no < len(sentences) else 0)
            == want
            and not is_earlier(text, f)
        ]
        if len(both) != 1:
            continue
        c = both[0]
        parts = next(
            (
                r.members
                for r in relations
                if r.kind == "sum_of" and r.direction == 1 and r.stated == c
            ),
            (),
        )
        width = sum(figures[p].hi - figures[p].lo for p in parts)
        held = parts if parts and width < figures[c].hi - figures[c].lo else (c,)
        members = tuple(k for p in (*held, level) for k in (p, p))
        signs = tuple(s for p in held for s in (1, 0)) + (-1, 0)
        cue = f"{x.period_label} … {figures[c].surface} for {figures[c].period_label}"
        out.append(
            Relation(
                "growth_of_total",
                i,
                level,
                None,
                x.sentence_no,
                direction,
                phrase=f"{cue} less {x.surface}: the {step} before",
                members=members,
                signs=signs,
            )
        )
        checked.add(i)
    return out
