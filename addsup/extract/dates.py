"""An article's date from its text, when it has no date line: a dateline ("CHANGCHUN, Aug. 29")
or "on Sept 1", the weekday it mentions ("on Friday"), and the latest year it mentions.

The year is the first one, from the latest year mentioned on, whose month and day fall on the
weekday mentioned (within eight years); every other year that fits is recorded, so the
ambiguity stays visible: "Sept 1" + "Friday" + 2016 gives 2017-09-01, and 2023-09-01 is a
Friday too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(?P<day>\d{1,2})\b(?!,?\s*(?:19|20)\d\d)"
)
_DATELINE = re.compile(r"^\s*[A-Z][A-Z .'’-]{2,},\s+" + _MONTH, re.IGNORECASE | re.MULTILINE)
_ON_DATE = re.compile(r"\bon\s+" + _MONTH, re.IGNORECASE)
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_WEEKDAY = re.compile(r"\bon\s+(" + "|".join(_WEEKDAYS) + r")\b", re.IGNORECASE)
_YEAR = re.compile(r"(?<![\d-])((?:19|20)\d\d)(?![\d-])")
SPAN = 8


@dataclass(frozen=True)
class InferredDate:
    value: date
    note: str
    alternatives: tuple[date, ...] = ()


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def infer_date(text: str) -> InferredDate | None:
    """The article's date as its text implies it, with how it was inferred; None if it cannot be."""
    m = _DATELINE.search(text) or _ON_DATE.search(text)
    years = [int(y) for y in _YEAR.findall(text)]
    if not m or not years:
        return None
    month, day = (
        _MONTHS[
            m.group("month").lower()[:4].rstrip("t")
            if m.group("month").lower().startswith("sept")
            else m.group("month").lower()[:3]
        ],
        int(m.group("day")),
    )
    latest = max(years)
    w = _WEEKDAY.search(text)
    weekday = _WEEKDAYS.index(w.group(1).lower()) if w else None
    days = [d for y in range(latest, latest + SPAN) if (d := _day(y, month, day))]
    fitting = [d for d in days if weekday is None or d.weekday() == weekday] or days
    if not fitting:
        return None
    chosen = fitting[0]
    used = f"'{m.group(0).strip()}'" + (f" and '{w.group(0)}'" if w else "")
    note = f"{chosen.isoformat()} inferred from {used} and the latest year mentioned ({latest})"
    others = tuple(d for d in fitting[1:] if weekday is not None)
    if weekday is not None and fitting is days:
        note += f"; no year from {latest} on puts it on a {w.group(1)}: weekday ignored"
        others = ()
    if others:
        note += "; also possible: " + ", ".join(d.isoformat() for d in others)
    return InferredDate(chosen, note, others)
