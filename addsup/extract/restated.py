"""One measure printed twice for one period: "In the first eight months, the total retail
sales of consumer goods reached 2,754.0 billion yuan" and, a paragraph later, "From January
to August, the total retail sales of consumer goods reached 21,050.5 billion yuan".

Two levels are the same quantity when the words that name them (their clause before the
figure, from its last comma) are the same, at least ``MIN_WORDS`` of them, and their
sentences name the same months ("first eight months", "January-August", "from January to
August", or the period the extractor resolved). Each such pair becomes a ``magnitude``
relation of direction 2: the two must agree within rounding, and a ratio near 10 or 1,000 is
named as the slip it likely is.
"""

from __future__ import annotations

import re

from addsup.extract.amount_roles import is_change, is_earlier
from addsup.extract.figures import Figure
from addsup.extract.numerals import ONES, alternation
from addsup.extract.relations import Relation
from addsup.extract.scan import Scanner

MIN_WORDS = 4  # words naming the measure, at least (fewer name too little to be sure)
_AMOUNTS = frozenset({"currency", "count"})
_MONTHS = (
    "jan feb mar apr may jun jul aug sep oct nov dec".split()  # the first three letters
)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_SPAN = re.compile(
    rf"\b(?:from\s+)?(?P<a>{_MONTH})\s*(?:-|–|to|through|until)\s*(?P<b>{_MONTH})"
    r"(?:\s+(?P<year>(?:19|20)\d\d))?"
    rf"|\bfirst\s+(?P<n>\d{{1,2}}|{alternation(ONES, 2, 11)})\s+months"
    r"(?:\s+of\s+(?P<nyear>(?:19|20)\d\d))?",
    re.IGNORECASE,
)
# "From January to August last year": another year than the span says, so no match
_RELATIVE = re.compile(
    r"(?i)\b(?:last|previous|prior|a|one)\s+year\b|\byear\s+(?:ago|earlier|before)\b"
    r"|\bsame\s+period\b"
)
# a story that names no span of months is skipped in one RE2 pass (see addsup.extract.scan)
_CUE = Scanner(r"(?i)\bmonths\b|\b" + _MONTH + r"\s*(?:-|–|to|through|until)\s*" + _MONTH)


def _month(word: str) -> int | None:
    w = word.lower()[:3]
    return _MONTHS.index(w) + 1 if w in _MONTHS else None


def _span(text: str, start: int, end: int) -> tuple[int | None, int, int] | None:
    """(year or None, first month, last month) of the one month span a stretch names."""
    found = set()
    for m in _SPAN.finditer(text, start, end):
        if m.group("n"):
            n = m.group("n").lower()
            last = int(n) if n.isdigit() else ONES[n]
            year = m.group("nyear")
            first: int | None = 1
        else:
            first, last_month = _month(m.group("a")), _month(m.group("b"))
            if first is None or last_month is None or last_month <= first:
                continue
            last, year = last_month, m.group("year")
        if 1 <= last <= 12:
            found.add((int(year) if year else None, first, last))
    return found.pop() if len(found) == 1 else None  # type: ignore[return-value]


def _figure_span(f: Figure) -> tuple[int | None, int, int] | None:
    s, e = f.period_start, f.period_end
    if s is None or e is None or s.year != e.year or s.day != 1 or e.month <= s.month:
        return None
    return (s.year, s.month, e.month)


def _phrase(text: str, f: Figure, start: int) -> str:
    """The words that name an amount: its clause before it, from the last comma."""
    head = text[start : f.start]
    cut = max(head.rfind(","), head.rfind(";"), head.rfind(":"))
    words = head[cut + 1 :].lower().split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def find_restated(
    text: str, figures: list[Figure], sentences: list[tuple[int, int]], known: list[Relation]
) -> list[Relation]:
    """``magnitude`` relations (direction 2) between the levels printed twice for one
    measure and one period; ``known`` relations keep their stated figures."""
    if not _CUE.spans(text):
        return []
    taken = {r.stated for r in known if r.kind == "magnitude"}
    seen: dict[tuple[str, str, str | None, int, int], list[tuple[int | None, int]]] = {}
    out: list[Relation] = []
    for i, f in enumerate(figures):
        if f.unit not in _AMOUNTS or f.sentence_no >= len(sentences):
            continue
        start, end = sentences[f.sentence_no]
        phrase = _phrase(text, f, start)
        if len(phrase.split()) < MIN_WORDS or any(c.isdigit() for c in phrase):
            continue
        span = _figure_span(f) or _span(text, start, f.start)
        if (
            span is None
            or is_change(text, f)
            or is_earlier(text, f)
            or _RELATIVE.search(text, start, end)
        ):
            continue
        year, first, last = span
        key = (phrase, f.unit, f.currency, first, last)
        for other_year, j in seen.get(key, []):
            g = figures[j]
            if g.sentence_no == f.sentence_no or i in taken:
                continue
            if year is not None and other_year is not None and year != other_year:
                continue
            out.append(Relation("magnitude", i, j, i, f.sentence_no, 2, cues=phrase))
            taken.add(i)
        seen.setdefault(key, []).append((year, i))
    return out
