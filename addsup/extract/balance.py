"""``balance`` and ``growth_of_total``: exports, imports and what they make, across a passage.

The amounts' roles and rates are read by ``addsup.extract.roles`` and ``.rates``.

A ``balance`` links a stated surplus or deficit to exports and imports of the same currency,
scope, base and period kind, anywhere in the passage: every pair is a reading; the first
that agrees within rounding (nearest first) is kept, else the nearest, and ``readings``
says how many were tried (a failure among several readings is only a warning).

A ``growth_of_total`` links a total (or a balance) and its rate of change to exports and
imports each with their level and rate of the same kind (year on year, or month on month):
the parts' levels over their rates give the previous total, which the total's rate must
reach. ``members`` are (level, rate) pairs; ``signs`` give each level's sign in the total
(+1 for a total, exports - imports for a surplus, imports - exports for a deficit) and
each rate's direction.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import product

from addsup.extract.amount_roles import SIDE_KEYS
from addsup.extract.figures import Figure
from addsup.extract.rates import base_kind, find_rates
from addsup.extract.relations import Relation
from addsup.extract.roles import Rate, Role, find_roles, renumber, same_money
from addsup.intervals import overlap

_NEAR = 10  # sentences either side of a stated figure where its parts are looked for


def periods_agree(a: str | None, b: str | None) -> bool:
    """None (not said) goes with any period; "the month" with any one month."""
    if a is None or b is None or a == b:
        return True
    return "month" in (a, b) and a.startswith("month") and b.startswith("month")


def _compatible(part: Role, stated: Role, follows: bool) -> bool:
    """Whether a part can go with a stated balance or total. A part that names no partner
    goes with a balance with a partner in the same sentence or the next one (``follows``):
    "a deficit with China ..., after imports rose ... while exports jumped ..."."""
    if part.base != stated.base or part.scope[0] != stated.scope[0]:
        return False
    if part.scope[1] != stated.scope[1] and not (
        follows and not part.scope[1] and not part.overall
    ):
        return False
    return periods_agree(part.period, stated.period)


def _signed(f: Figure, sign: int) -> tuple[float, float]:
    return (f.lo, f.hi) if sign > 0 else (-f.hi, -f.lo)


def _balance_holds(
    figures: list[Figure], stated: int, sign: int, parts: tuple[tuple[int, int], ...]
) -> bool:
    """Whether the signed parts, as intervals, can add up to the signed stated balance."""
    lo = sum(k * (figures[j].lo if k > 0 else figures[j].hi) for j, k in parts)
    hi = sum(k * (figures[j].hi if k > 0 else figures[j].lo) for j, k in parts)
    return overlap((lo, hi), _signed(figures[stated], sign))


def _candidates(
    figures: list[Figure],
    roles: dict[int, Role],
    i: int,
    kind: str,
    loose: bool = False,
    as_role: Role | None = None,
) -> list[int]:
    """The parts of role ``kind`` that can go with the stated figure ``i`` (read as
    ``as_role``), nearest first; ``loose``: whatever word qualifies them."""
    f, role = figures[i], as_role or roles[i]
    if loose:
        role = replace(role, scope=("", role.scope[1]))
    stated_in = {figures[j].sentence_no for j, r in roles.items() if r.kind in "sdt" and j != i}

    def follows(j: int) -> bool:
        n = figures[j].sentence_no
        return n == f.sentence_no or (n == f.sentence_no + 1 and n not in stated_in)

    out = [
        j
        for j, r in roles.items()
        if r.kind == kind
        and j != i
        and _compatible(
            replace(r, scope=("", r.scope[1])) if loose else r,
            role,
            follows(j),
        )
        and same_money(figures[j], f)
        and abs(figures[j].sentence_no - f.sentence_no) <= _NEAR
    ]
    return sorted(out, key=lambda j: (abs(figures[j].sentence_no - f.sentence_no), abs(j - i)))


def _balances(figures: list[Figure], roles: dict[int, Role]) -> list[Relation]:
    out = []
    for i, role in roles.items():
        if role.kind not in "sd":
            continue
        sign = 1 if role.kind == "s" else -1
        found = {k: _candidates(figures, roles, i, k) for k in "xmt"}
        loose = not (found["x"] and found["m"]) and role.scope[0] == ""
        if loose:  # "the trade deficit" of a story about merchandise exports and imports
            found = {k: _candidates(figures, roles, i, k, loose=True) for k in "xmt"}
        # exports - imports; or, with only one of them, the total trade less twice it
        readings = [((x, 1), (m, -1)) for x, m in product(found["x"], found["m"])]
        if not readings:
            readings = [((t, 1), (m, -2)) for t, m in product(found["t"], found["m"])]
            readings += [((x, 2), (t, -1)) for x, t in product(found["x"], found["t"])]
        readings = [r for r in readings if roles[r[0][0]].scope[0] == roles[r[1][0]].scope[0]]
        if loose:
            readings += _combined(figures, roles, found)
        readings = sorted(
            readings,
            key=lambda r: (
                sum(roles[j].listed for j, _ in r),  # sentences before the lines of a table
                max(abs(figures[j].sentence_no - figures[i].sentence_no) for j, _ in r),
                sum(abs(j - i) for j, _ in r),
            ),
        )
        if not readings:
            continue
        chosen = next((r for r in readings if _balance_holds(figures, i, sign, r)), readings[0])
        parts = [j for j, _ in chosen]
        a = next(j for j, k in chosen if k > 0)
        b = next(j for j, k in chosen if k < 0)
        cues = f"{roles[a].cue} … {roles[b].cue} … {role.cue}"
        # a reading that derives exports or imports from total trade is never sure
        sure = (
            _same_period(role, *(roles[j] for j in parts))
            and not loose
            and [k for _, k in chosen] == [1, -1]
            and not any(_lent(figures, roles, i, j) for j in parts)
        )
        out.append(
            Relation(
                "balance",
                i,
                a,
                b,
                figures[i].sentence_no,
                sign,
                phrase=cues,
                members=tuple(parts),
                signs=tuple(k for _, k in chosen),
                readings=max(len(readings), 1 if sure else 2),
            )
        )
    return out


def _lent(figures: list[Figure], roles: dict[int, Role], stated: int, part: int) -> bool:
    """Whether the part takes the stated balance's partner from the sentence before: a
    reading of several, the part may be the whole country's."""
    lent = roles[stated].scope[1] and not roles[part].scope[1]
    return bool(lent) and figures[part].sentence_no != figures[stated].sentence_no


def _combined(
    figures: list[Figure], roles: dict[int, Role], found: dict[str, list[int]]
) -> list[tuple[tuple[int, int], ...]]:
    """With exports and imports each of two kinds ("merchandise", "services"), the whole
    balance is the sum of both: (x1 + x2) - (m1 + m2), the nearest of each kind."""
    kinds: dict[str, dict[str, int]] = {}
    for k in "xm":
        for j in found[k]:  # nearest first: the first of each kind is kept
            kinds.setdefault(roles[j].scope[0], {}).setdefault(k, j)
    whole = [v for q, v in kinds.items() if q and len(v) == 2]
    if len(whole) != 2:
        return []
    (x1, m1), (x2, m2) = ((v["x"], v["m"]) for v in whole)
    return [((x1, 1), (x2, 1), (m1, -1), (m2, -1))]


def _same_period(stated: Role, *parts: Role) -> bool:
    """The periods agree: all said alike, or a part says the stated figure's period."""

    def alike(a: str | None, b: str | None) -> bool:
        return a == b

    return all(alike(p.period, stated.period) for p in parts) or (
        stated.period is not None and any(alike(p.period, stated.period) for p in parts)
    )


def _taken(figures: list[Figure], relations: list[Relation]) -> list[Relation]:
    """A failing balance whose parts agree with another stated balance is one reading of
    several: the parts are that balance's."""

    def holds(r: Relation) -> bool:
        return _balance_holds(
            figures, r.stated, r.direction, tuple(zip(r.members, r.signs, strict=True))
        )

    taken = {r.members for r in relations if holds(r)}
    return [
        replace(r, readings=max(r.readings, 2)) if r.members in taken and not holds(r) else r
        for r in relations
    ]


def _rate_interval(f: Figure, direction: int) -> tuple[float, float]:
    lo, hi = _signed(f, direction)
    return lo / 100, hi / 100


def _previous(
    figures: list[Figure], parts: list[tuple[int, Rate, int]]
) -> tuple[float, float] | None:
    """The previous total of the signed parts: each level over one plus its rate, or less
    its change in money."""
    lo = hi = 0.0
    for level, rate, sign in parts:
        f = figures[level]
        if rate.amount:
            c_lo, c_hi = _signed(figures[rate.index], rate.direction)
            a, b = f.lo - c_hi, f.hi - c_lo
        else:
            g_lo, g_hi = _rate_interval(figures[rate.index], rate.direction)
            if g_lo <= -1:
                return None
            a, b = f.lo / (1 + g_hi), f.hi / (1 + g_lo)
        lo, hi = (lo + a, hi + b) if sign > 0 else (lo - b, hi - a)
    return lo, hi


def _growth_holds(
    figures: list[Figure], total: int, rate: Rate, parts: list[tuple[int, Rate, int]]
) -> bool:
    prev = _previous(figures, parts)
    stated = figures[rate.index]
    if prev is None:
        return False
    if total == rate.index:  # the stated figure is the previous level itself
        return overlap(prev, (stated.lo, stated.hi))
    t = figures[total]
    if rate.amount:
        return overlap((t.lo - prev[1], t.hi - prev[0]), _signed(stated, rate.direction))
    if prev[0] <= 0:
        return False
    implied = (t.lo / prev[1] - 1, t.hi / prev[0] - 1)
    return overlap(implied, _rate_interval(stated, rate.direction))


def _same_comparison(a: str | None, b: str | None) -> bool:
    """Year on year is never mixed with month on month; a rate that does not say may be
    either (the reading is then one of several)."""
    return a == b or a is None or b is None


def _growths(
    text: str, figures: list[Figure], roles: dict[int, Role], rates: dict[int, list[Rate]]
) -> list[Relation]:
    """Each total or balance with a rate (or change) of its own, and each year-earlier or
    month-earlier one, against its parts' levels and rates of the same kind."""
    out = []
    for i, role in roles.items():
        if role.kind not in "sdt":
            continue
        if role.base:
            kind = base_kind(text, figures[i])
            # the parts are today's levels: their rates lead back to the base
            stated_rates = [Rate(i, 1, kind)] if kind else []
            month = role.period and role.period.startswith("month")
            role = replace(role, base=False, period="month" if month else role.period)
        else:
            stated_rates = rates.get(i, [])
        signs = {"t": (1, 1), "s": (1, -1), "d": (-1, 1)}[role.kind]
        for rate in stated_rates:
            xs = [
                (j, r)
                for j in _candidates(figures, roles, i, "x", as_role=role)
                for r in rates.get(j, [])
                if _same_comparison(r.kind, rate.kind)
            ]
            ms = [
                (j, r)
                for j in _candidates(figures, roles, i, "m", as_role=role)
                for r in rates.get(j, [])
                if _same_comparison(r.kind, rate.kind)
            ]
            readings = [
                [(x, rx, signs[0]), (m, rm, signs[1])] for (x, rx), (m, rm) in product(xs, ms)
            ]
            if not readings:
                continue
            chosen = next((p for p in readings if _growth_holds(figures, i, rate, p)), readings[0])
            (x, rx, sx), (m, rm, sm) = chosen
            cues = f"{roles[x].cue} … {roles[m].cue} … {role.cue}"
            said = {rx.kind, rm.kind, rate.kind}
            sure = len(said) == 1 and _same_period(role, roles[x], roles[m])
            out.append(
                Relation(
                    "growth_of_total",
                    rate.index,
                    i if rate.index != i else None,
                    None,
                    figures[i].sentence_no,
                    rate.direction,
                    phrase=cues,
                    members=(x, rx.index, m, rm.index),
                    signs=(sx, rx.direction, sm, rm.direction),
                    readings=max(len(readings), 1 if sure else 2),
                )
            )
    return out


_DIFFERENCE = re.compile(
    r"\s+(?:(?P<more>more|higher|greater|larger|above)|(?P<less>less|lower|smaller|below))"
    r"\s+than\s+(?:(?:the|that\s+of|in|a)\s+)?(?:[\w'’-]+\s+){0,3}?$",
    re.IGNORECASE,
)


_LIST_BREAK = re.compile(r"[;:]|\band\b")


def _differences(text: str, figures: list[Figure]) -> list[Relation]:
    """A difference stated between two amounts: "exports of $5.0 billion, $0.8 billion more
    than the $4.2 billion of imports" is 5.0 - 4.2 = 0.8 (a balance of two parts)."""
    out = []
    for k in range(1, len(figures) - 1):
        a, gap, b = figures[k - 1], figures[k], figures[k + 1]
        if not (a.sentence_no == gap.sentence_no == b.sentence_no):
            continue
        if not (same_money(a, gap) and same_money(gap, b)):
            continue
        m = _DIFFERENCE.match(text[gap.end : b.start])
        between = text[a.end : gap.start]
        if not m or len(between) > 40 or _LIST_BREAK.search(between):
            continue
        cue = f"{(m.group('more') or m.group('less')).lower()} than"
        out.append(
            Relation(
                "balance",
                k,
                k - 1,
                k + 1,
                gap.sentence_no,
                1 if m.group("more") else -1,
                phrase=cue,
                members=(k - 1, k + 1),
                signs=(1, -1),
            )
        )
    return out


def find_balance_relations(
    text: str, sentences: list[tuple[int, int]], figures: list[Figure]
) -> list[Relation]:
    """``balance`` and ``growth_of_total`` relations among the figures of one passage."""
    found = _differences(text, figures)
    # a balance needs a surplus or deficit, a growth of a total its imports (or spending)
    if SIDE_KEYS.near(text, 0, len(text)):  # else no role is read
        numbered, spans = renumber(text, sentences, figures)
        roles = find_roles(text, spans, numbered)
        if any(r.kind in "sdt" for r in roles.values()):
            rates = find_rates(text, spans, numbered, roles)
            found = (
                _taken(numbered, _balances(numbered, roles))
                + _growths(text, numbered, roles, rates)
                + found
            )
    relations = [
        replace(r, sentence_no=figures[r.stated if r.a is None else r.a].sentence_no) for r in found
    ]
    seen: set[tuple[str, int]] = set()
    unique = []
    for r in relations:  # one relation of a kind per stated figure (its id)
        if (r.kind, r.stated) not in seen:
            seen.add((r.kind, r.stated))
            unique.append(r)
    return unique
