"""A budget's deficit (or surplus) and the revenue and spending that make it, wherever the
story prints them: "The deficit reached Rp353 trillion ... The government booked Rp1,957.2
trillion in revenue ... Spending reached Rp2,310.2 trillion".

Budget copy names the balance first and its two sides paragraphs later, often each with its
own period words ("January to December", "last year", "in 2019"), which the trade linker
(``addsup.extract.balance``) does not pair. Here every pair of an amount named as revenue
(receipts, income) and one named as spending (expenditure, outlays), of the balance's
currency, within ``REACH`` sentences, is a reading; only a pair whose difference meets the
stated balance within rounding is linked (a search proves no inconsistency, it only ties
the figures a reader would tie). A side printed with "last year" is no earlier level here:
budget copy says so of the year just closed, and the arithmetic decides.
"""

from __future__ import annotations

import re

from addsup.extract.amount_roles import SIDE_KEYS, is_change
from addsup.extract.figures import Figure
from addsup.extract.relations import Relation

REACH = 12  # sentences between a balance and each of its sides
_BEFORE = re.compile(
    r"(?i)\b(?P<word>deficit|surplus|shortfall|trade\s+gap)s?\b(?:[^.;]|\.\d){0,80}$"
)
_AFTER = re.compile(
    r"(?i)\s*(?:trade\s+|budget\s+|fiscal\s+)?(?P<word>deficit|surplus|shortfall)\b"
)
_REVENUE = re.compile(r"(?i)\b(?:revenues?|receipts|income)\b")
_SPENDING = re.compile(r"(?i)\b(?:spending|expenditures?|outlays)\b")


_CLAUSE_SPLIT = re.compile(r"[;,.]\s|\bwhile\b|\band\b")


def _named(text: str, f: Figure, rx: re.Pattern[str], floor: int) -> bool:
    """Whether the words just before an amount (back to its clause) or right after it
    name the side ``rx`` ("revenue of Rp322.6 trillion", "Rp1,957.2 trillion in revenue")."""
    head = text[max(floor, f.start - 60) : f.start]
    head = _CLAUSE_SPLIT.split(head)[-1]
    return bool(rx.search(head) or rx.search(text[f.end : f.end + 14]))


def find_budget_balances(
    text: str, figures: list[Figure], sentences: list[tuple[int, int]], known: list[Relation]
) -> list[Relation]:
    """``balance`` relations: a stated deficit or surplus and the revenue and spending whose
    difference meets it, for the balances ``known`` does not link or links to parts that do
    not meet it (the caller puts these in place of those)."""
    if not SIDE_KEYS.near(text, 0, len(text)):
        return []  # no deficit, surplus or shortfall
    low = text.lower()
    if not (
        ("deficit" in low or "surplus" in low or "shortfall" in low)
        and ("revenue" in low or "receipts" in low or "income" in low)
        and ("spending" in low or "expenditure" in low or "outlays" in low)
    ):
        return []
    taken = {r.stated: r for r in known if r.kind == "balance"}
    amounts = [
        i
        for i, f in enumerate(figures)
        if f.unit == "currency" and f.lo > 0 and not is_change(text, f)
    ]
    floor = {i: sentences[figures[i].sentence_no][0] if sentences else 0 for i in amounts}
    revenue = [i for i in amounts if _named(text, figures[i], _REVENUE, floor[i])]
    spending = [i for i in amounts if _named(text, figures[i], _SPENDING, floor[i])]
    if not revenue or not spending:
        return []
    out = []
    for i in amounts:
        f = figures[i]
        word = balance_word(text, figures, sentences, i)
        if not word or (i in taken and _holds(figures, taken[i])):
            continue  # a reading that holds is kept; one that fails gives way to one that holds
        sign = 1 if word.lower() == "surplus" else -1
        lo, hi = (f.lo, f.hi) if sign > 0 else (-f.hi, -f.lo)
        pairs = [
            (x, m)
            for x in revenue
            for m in spending
            if x != i
            and m != i
            and figures[x].currency == figures[m].currency == f.currency
            and max(
                abs(figures[x].sentence_no - f.sentence_no),
                abs(figures[m].sentence_no - f.sentence_no),
            )
            <= REACH
            and figures[x].lo - figures[m].hi <= hi
            and lo <= figures[x].hi - figures[m].lo
        ]
        if not pairs:
            continue
        x, m = min(
            pairs,
            key=lambda p: (
                abs(figures[p[0]].sentence_no - f.sentence_no)
                + abs(figures[p[1]].sentence_no - f.sentence_no)
            ),
        )
        kind = "surplus" if sign > 0 else "deficit"
        out.append(
            Relation(
                "balance",
                i,
                x,
                m,
                f.sentence_no,
                sign,
                phrase=f"revenue … spending … {kind}",
                members=(x, m),
                signs=(1, -1),
            )
        )
        taken[i] = out[-1]
    return out


def balance_word(
    text: str, figures: list[Figure], sentences: list[tuple[int, int]], i: int
) -> str | None:
    """ "deficit", "surplus", "shortfall" or "trade gap" when amount ``i`` is one: the word in
    its own clause before it (no figure between) or right after it ("a $3.1 billion deficit")."""
    f = figures[i]
    start = sentences[f.sentence_no][0] if sentences else 0
    k = i - 1
    while k >= 0 and _CHANGE_TO.fullmatch(text, figures[k].end, f.start):
        k -= 1  # "the goods deficit fell $1.6 billion to $73.7 billion": past the change
    floor = max(start, figures[k].end if k >= 0 else 0)
    m = _BEFORE.search(text, max(floor, f.start - 100), f.start) or _AFTER.match(text, f.end)
    if m:
        return m.group("word")
    if i and figures[i - 1].end >= start and _GAPPED.fullmatch(text, figures[i - 1].end, f.start):
        # "a surplus of $2.2 billion in May and $9.8 billion in five months"
        return balance_word(text, figures, sentences, i - 1)
    return None


_CHANGE_TO = re.compile(r"\s+to\s+(?:a\s+|an\s+)?")
_GAPPED = re.compile(r"[^.;:\d]{0,40}\band\s+(?:a\s+|an\s+)?", re.IGNORECASE)


def _holds(figures: list[Figure], r: Relation) -> bool:
    lo = sum(
        k * (figures[j].lo if k > 0 else figures[j].hi)
        for j, k in zip(r.members, r.signs, strict=True)
    )
    hi = sum(
        k * (figures[j].hi if k > 0 else figures[j].lo)
        for j, k in zip(r.members, r.signs, strict=True)
    )
    s = figures[r.stated]
    s_lo, s_hi = (s.lo, s.hi) if r.direction > 0 else (-s.hi, -s.lo)
    return lo <= s_hi and s_lo <= hi
