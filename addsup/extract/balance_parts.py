"""A balance made of two balances of opposite sign: "the merchandise trade deficit was $67.3
billion and the services surplus $47.0 billion", with "the trade deficit stood at $20.3
billion" (goods deficit less services surplus), or a non-oil surplus less an oil deficit.

Each triple of balance amounts (a deficit, surplus, gap or shortfall named in the amount's
own clause) of one currency within ``REACH`` sentences, none an earlier level or a change,
two of them of opposite sign, where the larger of those two equals the third plus the
smaller within rounding, is linked as a ``sum_of``: the larger is the total of the other two
("$67.26 billion deficit = $20.31 billion deficit + $46.95 billion surplus"). Only triples
that add up are linked (a search proves no inconsistency; it ties the figures a reader
would tie), and the cue says which balance is which.
"""

from __future__ import annotations

from itertools import permutations

from addsup.extract.amount_roles import SIDE_KEYS, is_change, is_earlier
from addsup.extract.budget_balance import balance_word
from addsup.extract.figures import Figure
from addsup.extract.relations import Relation

REACH = 10  # sentences a triple may span
PRECISE = 0.02  # each figure's rounding width, relative to it, at most


def find_balance_parts(
    text: str, figures: list[Figure], sentences: list[tuple[int, int]], known: list[Relation]
) -> list[Relation]:
    """``sum_of`` relations among balances of opposite sign; ``known`` relations keep their
    stated figures."""
    if not SIDE_KEYS.near(text, 0, len(text)):
        return []  # no surplus
    low = text.lower()
    if not ("surplus" in low and ("deficit" in low or "gap" in low or "shortfall" in low)):
        return []
    signed: dict[int, tuple[int, str]] = {}
    for i, f in enumerate(figures):
        if f.unit != "currency" or f.lo <= 0 or f.hi - f.lo > PRECISE * f.hi:
            continue
        word = balance_word(text, figures, sentences, i)
        if word and not is_change(text, f) and not is_earlier(text, f):
            signed[i] = (1 if word.lower().startswith("surplus") else -1, word.lower())
    if len(signed) < 3:
        return []
    taken = {r.stated for r in known if r.kind == "sum_of"}
    used: set[int] = set()
    out = []
    for big, small, third in permutations(signed, 3):
        if big in taken or {big, small, third} & used:
            continue
        f, s, t = figures[big], figures[small], figures[third]
        if (
            signed[big][0] == signed[small][0]
            or signed[third][0] != signed[big][0]
            or not (f.currency == s.currency == t.currency)
            or max(f.sentence_no, s.sentence_no, t.sentence_no)
            - min(f.sentence_no, s.sentence_no, t.sentence_no)
            > REACH
            or not (s.lo + t.lo <= f.hi and f.lo <= s.hi + t.hi)
            or t.value * t.scale >= f.value * f.scale
        ):
            continue
        cue = (
            f"{signed[big][1]} {f.surface} less {signed[small][1]} {s.surface} "
            f"is {signed[third][1]} {t.surface}"
        )
        out.append(
            Relation("sum_of", big, None, None, f.sentence_no, 1, cues=cue, members=(third, small))
        )
        used.update((big, small, third))
        taken.add(big)
    return out
