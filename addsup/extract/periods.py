"""The period each sentence's figures refer to, resolved against the article's date."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class Period:
    start: date
    end: date
    label: str


_HALF = re.compile(
    r"\b(?P<which>first|second)\s+half\s+of\s+(?:(?P<rel>this|last|the\s+previous)\s+year"
    r"|(?P<year>(?:19|20)\d\d))\b"
    r"|\b(?P<bare>first|second)\s+half\b"
    r"|\bH(?P<h>[12])\s*(?P<hyear>(?:19|20)\d\d)?\b",
    re.IGNORECASE,
)
_SAME = re.compile(r"\b(?:the\s+)?same\s+(?:year|period)\b", re.IGNORECASE)
_YEAR = re.compile(
    r"\b(?:in|during|for|throughout|of|by)\s+(?:the\s+(?:whole\s+|full\s+)?year\s+)?"
    r"(?P<year>(?:19|20)\d\d)\b(?![-/]\d)",
    re.IGNORECASE,
)
_RELATIVE_YEAR = re.compile(r"\b(?P<rel>last|this|previous)\s+year\b", re.IGNORECASE)


def _year(y: int) -> Period:
    return Period(date(y, 1, 1), date(y, 12, 31), str(y))


def _half(y: int, second: bool) -> Period:
    if second:
        return Period(date(y, 7, 1), date(y, 12, 31), f"{y}-H2")
    return Period(date(y, 1, 1), date(y, 6, 30), f"{y}-H1")


def _relative(word: str, published_on: date | None) -> int | None:
    if published_on is None:
        return None
    word = word.lower()
    return (
        published_on.year - 1 if word.startswith(("last", "the", "previous")) else published_on.year
    )


def sentence_period(
    sentence: str, published_on: date | None, previous: Period | None
) -> Period | None:
    """The period a sentence speaks of, or None when it names none we can resolve."""
    m = _HALF.search(sentence)
    if m:
        if m.group("h"):
            year = int(m.group("hyear")) if m.group("hyear") else _relative("this", published_on)
            second = m.group("h") == "2"
        elif m.group("bare"):
            year = _relative("this", published_on)
            second = m.group("bare").lower() == "second"
        else:
            year = (
                int(m.group("year")) if m.group("year") else _relative(m.group("rel"), published_on)
            )
            second = m.group("which").lower() == "second"
        return _half(year, second) if year else None
    if _SAME.search(sentence):
        return previous
    m = _YEAR.search(sentence)
    if m:
        return _year(int(m.group("year")))
    m = _RELATIVE_YEAR.search(sentence)
    if m:
        year = _relative(m.group("rel"), published_on)
        return _year(year) if year else None
    return None
