"""Numbers stated in text: value, scale, unit, currency, qualifier, precision.

The scanner finds every run of digits that stands alone (not inside "G20",
"COVID-19", "5G", "2023-08-30"), then reads the words around it (``units.py``): a
currency sign or code before it, a qualifier before that, a scale word, a unit or an
ordinal suffix after it. Years and day numbers are not figures. Number words ("five",
"a dozen") are read by ``words.py``.
"""

from __future__ import annotations

import math
import re

from addsup.extract.units import (
    SCALES,
    Figure,
    Units,
    in_period_phrase,
    is_date_part,
    make_figure,
    prefix_at,
    words_before,
)
from addsup.extract.words import word_figures

__all__ = ["Figure", "find_figures"]

# a run of digits; what may stand before and after it is checked in Python (faster than
# look-arounds, which defeat the regex engine's first-character scan)
_DIGITS = re.compile(
    r"(?P<int>\d(?:\d{0,2}(?:,\d{3})+(?!\d)|\d*))(?P<frac>\.\d+)?"
    r"(?:(?P<exp>[eE][+-]?\d+)|\^(?P<pow>[+-]?\d+))?(?P<ord>st|nd|rd|th)?"
)
# the same for a text of ASCII only (most): the engine scans for "[0-9]" several times faster
# than for "\d", which is any Unicode digit (and none but "0" to "9" in such a text)
_ASCII_DIGITS = re.compile(_DIGITS.pattern.replace(r"\d", "[0-9]"))
_INSIDE = frozenset("_.,/^-−–") | frozenset("0123456789")
_DASHES = frozenset("-−–")
_SIGNS = frozenset("-−")

_ATTACHED = re.compile(r"(?P<scale>bn|mln|mn|tn|trn|[kmb])?(?P<unit>pp|bps|bp)?(?![\w\-−–/^])")
# "5 to 7 percent", "10-15 percent", "between 5 and 7": the upper end of a range
_RANGE_TO = re.compile(
    r"(?:\s*[-–]\s*|\s+to\s+)(?P<int>\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?P<frac>\.\d+)?(?![\w\-−–/^]|[.,]\d)"
)
_RANGE_AND = re.compile(
    r"\s+and\s+(?P<int>\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?P<frac>\.\d+)?(?![\w\-−–/^]|[.,]\d)"
)
_RANGE_STARTS = frozenset(" -–\t\n")
_RANGE_SECOND = frozenset("-–ta")  # after one space: what starts "- 7", "to 7", "and 7"
# "15 1/2": a whole number and a simple fraction
_FRACTION = re.compile(r"[ \t]+([1-9])/([2-9]|1[0-6])(?![\d/])")
_AM_PM = frozenset("apAP")
_CLOCK = re.compile(r"\s?(?:[ap]\.m\.|[ap]m\b)", re.IGNORECASE)
# words that name a thing by its number: "Nikkei 225", "Model 3", "Chapter 11"
_NAMED_BY_NUMBER = frozenset(
    """
    Nikkei Kospi Kosdaq Stoxx Russell Fortune Forbes Big Boeing Airbus Model Windows
    Galaxy Pixel Chapter Route Highway Formula Level Phase Stage Tier Category Class Grade
    Series Version Generation Terminal Gate Hall Line Platform Gen
    """.split()
)
# words that make the number after them a label, not a figure
_LABELS = frozenset(
    "exhibit table chart figure fig. graph graphic page section chapter annex appendix"
    " paragraph clause article item code".split()
)


def _value(int_part: str, frac: str | None, exp: str | None = None, pow_: str | None = None):
    """The value and stated decimals; "1e400" and "10^30" are read (and may be infinite)."""
    digits = int_part.replace(",", "")
    frac = frac or ""
    decimals = len(frac) - 1 if frac else 0
    if pow_:  # base ^ power, "10^30"
        try:
            return float(f"{digits}{frac}") ** int(pow_), decimals
        except OverflowError:
            return math.inf, decimals
    return float(f"{digits}{frac}{exp}" if exp else digits + frac), decimals


def _bad_after(text: str, end: int) -> bool:
    """A number that runs on into a word, code, date or another number ("5G", "2023-08")."""
    c = text[end]
    return c.isalnum() or c in "_-−–/^" or (c in ".,:" and text[end + 1 : end + 2].isdigit())


def _digit_figures(text: str) -> list[Figure]:
    figures: list[Figure] = []
    n = len(text)
    covered = 0  # the end of the last figure: the top of a range is not a figure again
    for m in (_ASCII_DIGITS if text.isascii() else _DIGITS).finditer(text):
        start, end = m.span()
        if start < covered:
            continue
        sign = False
        if start:
            c = text[start - 1]
            if c in _SIGNS and (
                start == 1 or not (text[start - 2].isalnum() or text[start - 2] in _INSIDE)
            ):
                sign = True
            elif (c.isalpha() or c == ".") and (p := prefix_at(text, start)):
                if len(p[0]) == 1 and Units(text, end, start).scale == 1.0:
                    continue  # "P1.2 billion" is pesos, "P1" is no money
                # "RM753.46 billion", "USD7.5 billion", "Rs.500 crore"
            elif c.islower() and _scaled_amount(text, end, start):
                pass  # "gained2,450.4billion yuan": a space lost in layout
            elif (
                c in " ." and "No." in text[max(0, start - 4) : start] and (rank := _rank(text, m))
            ):
                figures.append(rank)
                covered = rank.end
                continue
            elif (
                c.isalnum() or c in _INSIDE or (c == ":" and text[start - 2 : start - 1].isdigit())
            ):
                continue  # "G20", "COVID-19", "2023-08-30", the minutes of "10:30"
        int_part, frac, exp, pow_, ordinal = m.group("int", "frac", "exp", "pow", "ord")
        half = (
            _FRACTION.match(text, end)
            if text[end + 2 : end + 3] == "/" and not (frac or ordinal)
            else None
        )
        if half:  # "15 1/2 working days"
            end = half.end()
        attached = None
        dash = False
        if end < n:
            c = text[end]
            if c.isalnum() and not ordinal:
                attached = _ATTACHED.match(text, end)
                if not attached or attached.end() == end:
                    attached = None
                    if not _reads_on(text, end, start):
                        continue  # "5G", "10th-gen"; "10.9percent" and "5billion" are read
            elif c in "-–" and not ordinal:
                dash = True
            elif c != " " and _bad_after(text, end):
                continue
        exotic = frac or sign or exp or pow_
        if ordinal:
            if not exotic:
                figures.append(Figure(start, end, m.group(0), float(int_part), 0, 1.0, "ordinal"))
            continue
        value, decimals = _value(int_part, frac, exp, pow_)
        if half:
            value, decimals = value + int(half.group(1)) / int(half.group(2)), 1
        if sign:
            value, start = -value, start - 1
        upper = None
        if attached:
            units = Units(text, attached.end(), start)
            scale = (attached.group("scale") or "").lower()
            if scale:
                if len(scale) == 1 and not prefix_at(text, start):
                    continue  # "5m" may be metres; only "$5m" is money
                units.scale = SCALES[scale]
            if attached.group("unit"):
                units.unit = "percentage_point" if attached.group("unit") == "pp" else "basis_point"
                units.end = attached.end()
        else:
            rng = _range(text, start, end, value)
            if dash and not rng and not _reads_on(text, end, start):
                continue
            if rng:
                upper, hi_decimals, range_end = rng
                decimals = max(decimals, hi_decimals)
                units = Units(text, range_end, start)
            else:
                units = Units(text, end, start)
        bare = not exotic and units.scale == 1.0 and not units.unit
        if bare and _is_year_or_date(text, m, start, units.end if upper else end, value, upper):
            continue
        figures.append(
            make_figure(
                text, start, units.end, value, decimals, units, prefix_at(text, start), upper
            )
        )
        covered = units.end
    return figures


def _scaled_amount(text: str, end: int, start: int) -> bool:
    units = Units(text, end, start)
    return units.scale != 1.0 and bool(units.unit)


def _rank(text: str, m: re.Match[str]) -> Figure | None:
    """ "No. 9", "No.1": a rank, an ordinal (never a count)."""
    start = m.start()
    at = start - (4 if text[start - 1] == " " else 3)
    if (
        at < 0
        or text[at : at + 3] != "No."
        or (at and text[at - 1].isalnum())
        or m.group("frac")
        or m.group("ord")
        or (m.end() < len(text) and _bad_after(text, m.end()))
    ):
        return None
    value = float(m.group("int").replace(",", ""))
    return Figure(at, m.end(), text[at : m.end()], value, 0, 1.0, "ordinal")


def _in_name(text: str, start: int) -> bool:
    """ "S&P 500", "FTSE 100", "Boeing 737", "Big 12": a number that is part of a name (an
    acronym, a word with "&", or a word that names things by number)."""
    if start < 3 or text[start - 1] != " " or not text[start - 2].isalpha():
        return False
    at = text.rfind(" ", max(0, start - 24), start - 1) + 1
    word = text[at : start - 1]
    if not (word[0].isupper() or "&" in word) or not word.replace("&", "").isalpha():
        return False
    return "&" in word or (word.isupper() and len(word) > 1) or word in _NAMED_BY_NUMBER


def _reads_on(text: str, end: int, start: int) -> bool:
    """A scale or unit written against the number: "5billion", "10.9percent", "5.7-billion"."""
    units = Units(text, end, start)
    return units.end > end and (units.end == len(text) or not text[units.end].isalnum())


def _is_year_or_date(
    text: str, m: re.Match[str], start: int, end: int, value: float, upper: float | None
) -> bool:
    """Years, day numbers and "the first 10 months" are not figures."""
    if upper is not None:  # "2019-2023", "Dec. 1-20"
        return (_looks_like_year(value) and _looks_like_year(upper)) or is_date_part(
            text, start, end
        )
    if _looks_like_year(value) and "," not in m.group("int"):
        return True
    before = words_before(text, start, 12)
    if before and before[-1].lstrip("([") in _LABELS:
        return True  # "exhibit 2", "Table 3": a label
    if text[end + 1 : end + 2] in _AM_PM and _CLOCK.match(text, end):
        return True  # "3 p.m."
    if "," not in m.group("int") and not m.group("frac") and _in_name(text, start):
        return True
    return is_date_part(text, start, end, before) or in_period_phrase(text, start, end, before)


def _looks_like_year(value: float) -> bool:
    return 1800 <= value <= 2100 and value == int(value)


def _range(text: str, start: int, end: int, low: float) -> tuple[float, int, int] | None:
    """The upper end of "5 to 7", "10-15" or "between 5 and 7" after a number; None if none."""
    c = text[end : end + 1]
    if c not in _RANGE_STARTS:
        return None  # most numbers: no dash, "to" or "and" follows (and no words to read)
    after = text[end + 1 : end + 2]
    if c == " " and after not in _RANGE_SECOND and not after.isspace():
        return None  # "5 billion": one space, then neither a dash nor "to" nor "and"
    m = _RANGE_TO.match(text, end)
    m_and = None if m else _RANGE_AND.match(text, end)
    if not (m or m_and):
        return None
    before = words_before(text, start, 12)
    last = before[-1] if before else ""
    if last == "between":
        m = m_and
    elif last == "from":
        return None  # "from 5 to 7 percent" is a change, not a range
    if not m:
        return None
    value, decimals = _value(m.group("int"), m.group("frac"))
    if value <= low:
        return None  # "beat Harbin 4 to 2" is a score, not a range
    return value, decimals, m.end()


def find_figures(text: str) -> list[Figure]:
    """Every figure stated in ``text``, in order of position."""
    figures = _digit_figures(text)
    words = word_figures(text)
    if words:
        figures.extend(words)
        figures.sort(key=lambda f: f.start)
    return figures
