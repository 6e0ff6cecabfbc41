"""The kind of period each sentence of a story speaks of ("in May", "the first five months",
"the quarter", "fiscal year"): what keeps a monthly figure from being added to a
year-to-date one (``addsup.extract.roles``).
"""

from __future__ import annotations

import re

from addsup.extract.cues import Keys
from addsup.extract.figures import Figure

MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_COMPARED = re.compile(
    r"\b(?:compared\s+(?:to|with)|against|versus|vs\.?|than)\b[^,;.]{0,30}$", re.IGNORECASE
)
_DAYS = re.compile(
    rf"\b(?:first\s+\d+\s+days(?:\s+of\s+(?:the\s+month|{MONTHS}))?"
    rf"|{MONTHS}\s+\d{{1,2}}\s*[-–]\s*\d{{1,2}}|\w+\.?\s+\d{{1,2}}\s*[-–]\s*\d{{1,2}}\s+period)",
    re.IGNORECASE,
)
_CUMULATIVE = re.compile(
    rf"\b(?:first\s+\w+\s+months|{MONTHS}[\s–-]*(?:-|–|to|through|till|until)[\s–-]*{MONTHS}"
    r"|so\s+far\s+this\s+year|as\s+of\s+[A-Z]\w+|year[- ]to[- ]date|\w+\s+months)\b",
    re.IGNORECASE,
)
_QUARTER = re.compile(r"\b(?:quarter|Q[1-4])\b", re.IGNORECASE)
_HALF = re.compile(r"\b(?:(?:first|second)\s+half|half[- ]year|H[12])\b", re.IGNORECASE)
_YEAR = re.compile(
    r"\b(?:(?:fiscal|financial|full|calendar)\s+year|FY\s?\d{2,4}"
    r"|(?:in|for|during)\s+(?:fiscal\s+)?(?:19|20)\d\d(?:[-–/]\d\d)?)\b",
    re.IGNORECASE,
)
_SINGLE_MONTH = re.compile(
    rf"(?<!ended\s)(?<!ending\s)\b(?:(?:in|during|for)\s+(?:early\s+|late\s+)?{MONTHS}(?!\s*(?:-|–|to|through)\s*{MONTHS})"
    r"|this\s+month|the\s+month|last\s+month|(?:in|for)\s+[A-Z][a-z]{2,8}\.?\s+alone"
    r"|{MONTHS}(?:'s|’s)?\s+(?:exports?|imports?|trade|deficit|surplus|shipments))\b".replace(
        "{MONTHS}", MONTHS
    ),
    re.IGNORECASE,
)
# every cue above holds one of these: a sentence without one has no cue
_KEYS = Keys(
    MONTHS,
    "days",
    "period",
    "month",
    "year",
    r"as\s+of",
    "quarter",
    "q[1-4]",
    "half",
    "h[12]",
    "fy",
    r"(?:19|20)\d\d",
    "alone",
)
_MONTH_NAME = re.compile(MONTHS + r"|\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b")


_MONTH_WORDS = tuple(MONTHS.strip("(?:)").lower().split("|"))
# each pattern with the words one of which every match of it holds (a sentence without them
# is not searched)
_KINDS = (
    (_DAYS, "days", ("days", "period", *_MONTH_WORDS)),
    (_CUMULATIVE, "cumulative", ("month", "far", "of", "year", *_MONTH_WORDS)),
    (_QUARTER, "quarter", ("quarter", "q1", "q2", "q3", "q4")),
    (_HALF, "half", ("half", "h1", "h2")),
    (_YEAR, "year", ("year", "fy", "19", "20")),
    (_SINGLE_MONTH, "month", ("month", "alone", *_MONTH_WORDS)),
)
# the same words as one pattern each (a single search of a sentence)
_KIND_KEYS = tuple(
    (pattern, kind, re.compile("|".join(map(re.escape, keys)))) for pattern, kind, keys in _KINDS
)


def _period_cues(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The period cues of ``text[start:end]`` as (start, end, kind); a cue inside a longer
    one is dropped ("the month" in "the first 20 days of the month")."""
    cues = []
    low = text[start:end].lower()
    for pattern, kind, keys in _KIND_KEYS:
        if not keys.search(low):
            continue
        for m in pattern.finditer(text, start, end):
            if _COMPARED.search(text, max(start, m.start() - 40), m.start()):
                continue  # "compared to the same month in 2018": the base's period
            named = _MONTH_NAME.search(m.group(0)) if kind == "month" else None
            cues.append(
                (m.start(), m.end(), f"month:{named.group(0).lower()[:3]}" if named else kind)
            )
    return sorted(
        c for c in cues if not any(o != c and o[0] <= c[0] and c[1] <= o[1] for o in cues)
    )


def period_of(cues: list[tuple[int, int, str]], f: Figure) -> str | None:
    """The period kind whose cue is nearest to ``f``; a cue right after the figure goes
    with it ("$2.2 billion in May and $9.8 billion in five months")."""
    best: tuple[int, str] | None = None
    for start, end, kind in cues:
        d = start - f.end if start >= f.end else f.start - end + 5
        if best is None or d < best[0]:
            best = (d, kind)
    return best[1] if best else None


class SentenceCues:
    """Each sentence's period cues, read when a figure of it first needs them (most sentences
    of a story hold no amount with a role); a sentence with none keeps the first of the
    nearest one before ("In the first five months, trade reached ... Exports were ...")."""

    def __init__(self, text: str, sentences: list[tuple[int, int]]) -> None:
        self.text, self.sentences = text, sentences
        self.own: dict[int, list[tuple[int, int, str]]] = {}
        self._read: dict[int, list[tuple[int, int, str]]] = {}

    def _own(self, i: int) -> list[tuple[int, int, str]]:
        if i not in self.own:
            start, end = self.sentences[i]
            near = _KEYS.near(self.text, start, end)
            self.own[i] = _period_cues(self.text, start, end) if near else []
        return self.own[i]

    def __getitem__(self, i: int) -> list[tuple[int, int, str]]:
        if i not in self._read:
            self._read[i] = self._cues(i)
        return self._read[i]

    def _cues(self, i: int) -> list[tuple[int, int, str]]:
        j = i
        while j >= 0 and not self._own(j):
            if j != i and j in self._read:
                return self._read[j]  # a sentence without cues after the same one
            j -= 1
        if j == i or j < 0:
            return self.own.get(i, [])
        start, end, kind = self.own[j][0]
        return [(start - 10**6, end - 10**6, kind)]  # far away
