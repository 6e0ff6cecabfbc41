"""Numbers written as words: "five", "twenty-five", "a dozen", "three hundred", "ten to
twelve", and ordinals from "third" on ("fourteenth")."""

from __future__ import annotations

import re

from addsup.extract.numerals import NTH, ONES, TENS, alternation
from addsup.extract.scan import Scanner
from addsup.extract.units import (
    PERIOD_NOUNS,
    Figure,
    Units,
    in_period_phrase,
    make_figure,
    next_word,
)

_TENS_WORDS = alternation(TENS, 20, 90)
_NUMBER_WORD_PATTERN = (
    r"(?i)\b(?:(?P<dozen>(?:half\s+)?a\s+dozen|dozens?)|(?P<ahundred>a\s+hundred)"
    rf"|(?P<tens>{_TENS_WORDS})(?:-(?P<tail>{alternation(ONES, 1, 9)}))?"
    rf"|(?P<ones>{alternation(ONES, 0, 19)})"
    rf"|(?P<nth>(?:{_TENS_WORDS})-(?:{alternation(NTH, 1, 9)})|{alternation(NTH, 3, 30)}))"
    r"(?:\s+(?P<hundred>hundred))?\b"
)
# found by RE2 (about 30 times faster over a whole text), its groups read with re
_NUMBER_WORDS = Scanner(_NUMBER_WORD_PATTERN)
_NUMBER_WORD = re.compile(_NUMBER_WORD_PATTERN)

_WORD_RANGE = re.compile(r"\s+to\s+")


def _word_value(m: re.Match[str]) -> int | None:
    """The value of a cardinal number word; None for "dozens", which counts nothing exact."""
    if m.group("dozen"):
        word = m.group("dozen").lower()
        if word.startswith("dozens"):
            return None
        value = 6 if word.startswith("half") else 12
    elif m.group("tens"):
        tail = m.group("tail")
        value = TENS[m.group("tens").lower()] + (ONES[tail.lower()] if tail else 0)
    elif m.group("ahundred"):
        value = 100
    else:
        value = ONES[m.group("ones").lower()]
    return value * 100 if m.group("hundred") else value


def _word_ordinal(text: str, m: re.Match[str]) -> Figure | None:
    word = m.group("nth").lower()
    if "-" in word:
        tens, nth = word.split("-")
        value = TENS[tens] + NTH[nth]
    else:
        value = NTH[word]
    if next_word(text, m.end()) in PERIOD_NOUNS:
        return None  # "the third quarter" is a period
    return Figure(m.start(), m.end(), m.group(0), float(value), 0, 1.0, "ordinal")


def word_figures(text: str) -> list[Figure]:
    figures: list[Figure] = []
    # RE2's \b is ASCII-only: "éfive" is a hit there and no match here
    matches = [m for at, _ in _NUMBER_WORDS.spans(text) if (m := _NUMBER_WORD.match(text, at))]
    covered = 0
    for i, m in enumerate(matches):
        start, end = m.span()
        if start < covered or text[end : end + 1] == "-":
            continue  # the top of a range already read; "one-third", "five-year"
        if m.group("nth"):
            ordinal = _word_ordinal(text, m)
            if ordinal:
                figures.append(ordinal)
            continue
        value = _word_value(m)
        if value is None:
            continue
        upper = None
        nxt = matches[i + 1] if i + 1 < len(matches) else None
        if nxt and not nxt.group("nth") and _WORD_RANGE.fullmatch(text, end, nxt.start()):
            top = _word_value(nxt)
            if top and top > value:  # "ten to twelve"
                upper, end = float(top), nxt.end()
        units = Units(text, end, start)
        if units.scale == 1.0 and not units.unit and upper is None:
            # a bare word counts like digits, but "one official said" counts nothing
            if m.group("ones") and m.group("ones").lower() == "one" and not m.group("hundred"):
                continue
            if next_word(text, end) in ONES or in_period_phrase(text, start, end):
                continue
        figures.append(make_figure(text, start, units.end, float(value), 0, units, None, upper))
        covered = units.end
    return figures
