"""The period each sentence's figures refer to, resolved against the article's date."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from addsup.extract.numerals import ONES, alternation
from addsup.extract.scan import Scanner


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
_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
}
_YEAR_OF = r"(?:\s+of\s+(?:(?P<rel>this|last|the\s+previous)\s+year|(?P<year>(?:19|20)\d\d)))?"
_FIRST_N = re.compile(
    rf"\bfirst\s+(?P<n>\d{{1,2}}|{alternation(ONES, 1, 12)})\s+"
    r"(?P<what>months|quarters)" + _YEAR_OF,
    re.IGNORECASE,
)
_QUARTER = re.compile(
    r"\b(?:Q(?P<q>[1-4])(?:\s+(?P<qyear>(?:19|20)\d\d))?"
    r"|(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter" + _YEAR_OF + r")",
    re.IGNORECASE,
)
_SAME = re.compile(r"\b(?:the\s+)?same\s+(?:year|period|half|quarter)\b", re.IGNORECASE)
_YEAR = re.compile(
    r"\b(?:in|during|for|throughout|of|by)\s+(?:the\s+(?:whole\s+|full\s+)?year\s+)?"
    r"(?P<year>(?:19|20)\d\d)\b(?![-/]\d)",
    re.IGNORECASE,
)
_RELATIVE_YEAR = re.compile(r"\b(?P<rel>last|this|previous)\s+year\b", re.IGNORECASE)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_ON_WEEKDAY = re.compile(r"\bon\s+(?P<day>" + "|".join(_WEEKDAYS) + r")\b", re.IGNORECASE)
# "exports of 5 billion yuan a year earlier": the figure just before it is a year back
YEAR_EARLIER = Scanner(
    r"(?i)\b(?:(?:a|one)\s+year\s+(?:earlier|ago|before)|the\s+year\s+before"
    r"|(?:in\s+)?the\s+same\s+period\s+(?:of\s+)?(?:last|the\s+previous)\s+year)\b"
)
# every period pattern above contains one of these words: sentences without one are skipped
# (RE2 scans a whole article in one pass, several times faster than the patterns one by one)
_CUES = Scanner(
    r"(?i)\b(?:half|h[12]|q[1-4]|quarters?|months|same|years?|(?:19|20)\d\d"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
)


def cue_positions(text: str) -> list[int]:
    """Where ``text`` has a word that may name a period, in order."""
    return [s for s, _ in _CUES.spans(text)]


def _a_year_back(d: date) -> date:
    if d == _month_end(d.year, d.month):  # a month's end stays one: Feb 28 -> Feb 29
        return _month_end(d.year - 1, d.month)
    return d.replace(year=d.year - 1)


def year_earlier(period: Period) -> Period:
    """The same period one year back: 2023-H1 -> 2022-H1."""
    start, end = _a_year_back(period.start), _a_year_back(period.end)
    label = f"{start.year}{period.label[4:]}" if period.label[:4].isdigit() else period.label
    return Period(start, end, label)


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


def _month_end(year: int, month: int) -> date:
    return date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)


def _year_of(m: re.Match[str], published_on: date | None) -> int | None:
    if m.group("year"):
        return int(m.group("year"))
    return _relative(m.group("rel") or "this", published_on)


def _first_n(m: re.Match[str], published_on: date | None) -> Period | None:
    n = int(m.group("n")) if m.group("n").isdigit() else ONES[m.group("n").lower()]
    months = n if m.group("what").lower() == "months" else 3 * n
    year = _year_of(m, published_on)
    if year is None or not 1 <= months <= 12:
        return None
    label = (
        f"{year}-M01-M{months:02d}" if m.group("what").lower() == "months" else f"{year}-Q1-Q{n}"
    )
    return Period(date(year, 1, 1), _month_end(year, months), label)


def _quarter(m: re.Match[str], published_on: date | None) -> Period | None:
    if m.group("q"):
        q = int(m.group("q"))
        year = int(m.group("qyear")) if m.group("qyear") else _relative("this", published_on)
    else:
        q = _ORDINALS[m.group("ord").lower()]
        year = _year_of(m, published_on)
    if year is None:
        return None
    return Period(date(year, 3 * q - 2, 1), _month_end(year, 3 * q), f"{year}-Q{q}")


def sentence_period(
    sentence: str, published_on: date | None, previous: Period | None
) -> Period | None:
    """The period a sentence speaks of, or None when it names none we can resolve.

    Each pattern is tried only where a word it needs is in the sentence (lowered: no letter
    of those words matches any but itself in either case, as "i", "k" and "s" do)."""
    low = sentence.lower()
    m = _HALF.search(sentence) if "half" in low or "h1" in low or "h2" in low else None
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
    m = _FIRST_N.search(sentence) if "month" in low or "quarter" in low else None
    if m:
        return _first_n(m, published_on)
    m = _QUARTER.search(sentence) if "q" in low else None
    if m:
        return _quarter(m, published_on)
    if "ame" in low and _SAME.search(sentence):
        return previous
    m = _YEAR.search(sentence) if "19" in sentence or "20" in sentence else None
    if m:
        return _year(int(m.group("year")))
    m = _RELATIVE_YEAR.search(sentence) if "year" in low else None
    if m:
        year = _relative(m.group("rel"), published_on)
        return _year(year) if year else None
    m = _ON_WEEKDAY.search(sentence) if "day" in low else None
    if m and published_on:
        # "on Sunday" is the latest Sunday up to the article's date
        back = (published_on.weekday() - _WEEKDAYS.index(m.group("day").lower())) % 7
        day = published_on - timedelta(days=back)
        return Period(day, day, day.isoformat())
    return None
