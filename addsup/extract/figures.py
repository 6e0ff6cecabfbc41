"""Numbers stated in text: value, scale, unit, currency, qualifier, precision.

The scanner finds every run of digits that stands alone (not inside "G20",
"COVID-19", "5G", "2023-08-30"), then reads the words around it: a currency sign
or code before it, a qualifier before that, a scale word, a unit or an ordinal
suffix after it. Years and day numbers are not figures.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date

from addsup.extract.scan import Scanner

SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mln": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "trn": 1e12,
}

QUALIFIERS = {
    "about": "about",
    "around": "about",
    "roughly": "about",
    "approximately": "about",
    "some": "about",
    "close to": "nearly",
    "nearly": "nearly",
    "almost": "nearly",
    "over": "over",
    "more than": "over",
    "above": "over",
    "at least": "at_least",
    "up to": "up_to",
    "under": "under",
    "less than": "under",
    "below": "under",
    "fewer than": "under",
}

# currency written before the number, longest first
_PREFIX_CURRENCY = [
    ("U.S.$", "USD", False),
    ("US$", "USD", False),
    ("HK$", "HKD", False),
    ("$", "USD", True),
    ("RMB", "CNY", False),
    ("CNY", "CNY", False),
    ("USD", "USD", False),
    ("JPY", "JPY", False),
    ("KRW", "KRW", False),
    ("RUB", "RUB", False),
    ("MNT", "MNT", False),
    ("EUR", "EUR", False),
    ("€", "EUR", False),
    ("£", "GBP", False),
    ("₩", "KRW", False),
    ("₽", "RUB", False),
    ("¥", None, True),  # CNY or JPY: decided from context below
]

_PREFIX_CODES = {sign: (code, assumed) for sign, code, assumed in _PREFIX_CURRENCY}
_SUFFIX_CURRENCY = {
    "u.s. dollars": "USD",
    "us dollars": "USD",
    "american dollars": "USD",
    "dollars": "USD",
    "usd": "USD",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rmb": "CNY",
    "cny": "CNY",
    "yen": "JPY",
    "jpy": "JPY",
    "won": "KRW",
    "krw": "KRW",
    "rubles": "RUB",
    "roubles": "RUB",
    "rub": "RUB",
    "tugriks": "MNT",
    "tugrik": "MNT",
    "mnt": "MNT",
    "euros": "EUR",
    "eur": "EUR",
}
# a bare "dollars" is assumed to be US dollars: flag it
_ASSUMED_SUFFIX = {"dollars"}

# a run of digits; what may stand before and after it is checked in Python (faster than
# look-arounds, which defeat the regex engine's first-character scan)
_DIGITS = re.compile(
    r"(?P<int>\d(?:\d{0,2}(?:,\d{3})+(?!\d)|\d*))(?P<frac>\.\d+)?"
    r"(?:(?P<exp>[eE][+-]?\d+)|\^(?P<pow>[+-]?\d+))?(?P<ord>st|nd|rd|th)?"
)
_INSIDE = frozenset("_.,/^-−–") | frozenset("0123456789")
_DASHES = frozenset("-−–")
_SIGNS = frozenset("-−")
_UNIT_AFTER = re.compile(
    r"\s*(?:(?P<scale>thousand|million|billion|trillion|mln|bn|mn|tn|trn)\b)?"
    r"\s*(?P<unit>percentage[\s-]+points?|pp\b|basis\s+points?|bps\b|percent\b|per\s+cent\b|pct\b|%"
    r"|points?\b"
    r"|u\.s\.\s+dollars\b|us\s+dollars\b|american\s+dollars\b|dollars\b|usd\b|yuan\b"
    r"|renminbi\b|rmb\b|cny\b|yen\b|jpy\b|won\b|krw\b|rubles\b|roubles\b|rub\b|tugriks?\b"
    r"|mnt\b|euros\b|eur\b)?",
    re.IGNORECASE,
)
# "5bn", "$5m", "3pp": a scale or unit written against the number
_ATTACHED = re.compile(r"(?P<scale>bn|mln|mn|tn|trn|[kmb])?(?P<unit>pp|bps)?(?![\w\-−–/^])")
# "5 to 7 percent", "10-15 percent", "between 5 and 7": the upper end of a range
_RANGE_TO = re.compile(
    r"(?:\s*[-–]\s*|\s+to\s+)(?P<int>\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?P<frac>\.\d+)?(?![\w\-−–/^]|[.,]\d)"
)
_RANGE_AND = re.compile(
    r"\s+and\s+(?P<int>\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?P<frac>\.\d+)?(?![\w\-−–/^]|[.,]\d)"
)
_NUMBER_WORD_PATTERN = (
    r"(?i)\b(?:(?P<dozen>(?:half\s+)?a\s+dozen|dozens?)"
    r"|(?P<tens>twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?P<tail>one|two|three"
    r"|four|five|six|seven|eight|nine))?"
    r"|(?P<ones>zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
    r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
    r"|(?P<nth>(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?:first|second|third"
    r"|fourth|fifth|sixth|seventh|eighth|ninth)|third|fourth|fifth|sixth|seventh|eighth|ninth"
    r"|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth"
    r"|nineteenth|twentieth|thirtieth))"
    r"(?:\s+(?P<hundred>hundred))?\b"
)
# found by RE2 (about 30 times faster over a whole text), its groups read with re
_NUMBER_WORDS = Scanner(_NUMBER_WORD_PATTERN)
_NUMBER_WORD = re.compile(_NUMBER_WORD_PATTERN)
_NEXT_WORDS = re.compile(r"(?:\s+[A-Za-z][A-Za-z'\-]*){1,4}")
_NOT_NOUN = frozenset(
    """
    and or of in on at to from for by with as than that which who were was are is be been
    have has had did do does will would could should can may might came come went set
    took made the a an this these those its their his her per each
    """.split()
)
_JAPAN_CONTEXT = re.compile(r"\b(japan|japanese|tokyo|osaka|yen)\b", re.IGNORECASE)


@dataclass(slots=True)
class Figure:
    """One number as stated in a text; offsets are into the text that was scanned."""

    start: int
    end: int
    surface: str
    value: float
    decimals: int
    scale: float
    unit: str
    currency: str | None = None
    currency_assumed: bool = False
    qualifier: str = "exact"
    noun: str | None = None
    upper: float | None = None  # the top of a range: "5 to 7 percent"
    # filled in by addsup.extract.extract()
    sentence_no: int = -1
    lo: float = float("nan")
    hi: float = float("nan")
    period_start: date | None = None
    period_end: date | None = None
    period_label: str | None = None
    metric: str | None = None

    @property
    def absolute(self) -> float:
        """The value in base units: 606 billion is 6.06e11."""
        return self.value * self.scale


_ONES = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
        " fifteen sixteen seventeen eighteen nineteen".split()
    )
}
_TENS = {
    w: 10 * i
    for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)
}
_NTH = {
    w: i
    for i, w in enumerate(
        "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth"
        " thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth".split()
    )
} | {"twentieth": 20, "thirtieth": 30}
_MONTHS = frozenset(
    "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july"
    " august september october november december".split()
)
_PERIOD_NOUNS = frozenset({"months", "quarters", "weeks", "years", "days", "half", "quarter"})
_PERIOD_LEADS = frozenset({"first", "last", "past", "next", "previous", "final"})
_TWO_WORD_QUALIFIERS = {k: v for k, v in QUALIFIERS.items() if " " in k}
_RATE_CONTEXT = re.compile(r"percent|per cent|%|\brates?\b|\bshares?\b|\bratio|\bproportion")
_CODES = frozenset({"RMB", "CNY", "USD", "JPY", "KRW", "RUB", "MNT", "EUR"})


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
    return float(f"{digits}{frac}{exp or ''}"), decimals


def _prefix(text: str, start: int) -> tuple[str, int] | None:
    """The currency sign or code written just before ``start`` and where it begins."""
    j = start - 1 if start and text[start - 1] == " " else start
    if not j:
        return None
    c = text[j - 1]
    if c == "$":
        for sign in ("U.S.$", "US$", "HK$"):
            if text.startswith(sign, j - len(sign), j):
                return sign, j - len(sign)
        return "$", j - 1
    if c in "€£₩₽¥":
        return c, j - 1
    if c.isupper() and j >= 3:
        code = text[j - 3 : j]
        if code in _CODES and (j == 3 or not text[j - 4].isalpha()):
            return code, j - 3
    return None


def _words_before(text: str, start: int, reach: int = 24) -> list[str]:
    """The whole words just before ``start`` (lowercase), nearest last."""
    window = text[max(0, start - reach) : start]
    words = window.lower().split()
    if words and start - reach > 0 and not window[:1].isspace():
        words = words[1:]  # cut mid-word
    return words


def _qualifier(text: str, start: int) -> str:
    if not start or not text[start - 1].isspace():
        return "exact"
    words = [w.lstrip("([\"'“‘") for w in _words_before(text, start)[-2:]]
    if len(words) >= 2:
        q = _TWO_WORD_QUALIFIERS.get(f"{words[-2]} {words[-1]}")
        if q:
            return q
    return QUALIFIERS.get(words[-1], "exact") if words else "exact"


def _count_noun(text: str, pos: int) -> str | None:
    """The counted noun after a bare number: the first plural among the next few words."""
    m = _NEXT_WORDS.match(text, pos)
    if not m:
        return None
    words: list[str] = []
    for word in m.group(0).lower().split():
        word = word.removesuffix("'s").removesuffix("’s").rstrip("'’")
        if word in _NOT_NOUN and word != "and":
            break
        if word != "and":
            words.append(word)
    if not words:
        return None
    plurals = [w for w in words if w.endswith("s")]
    return plurals[0] if plurals else words[-1]


def _next_word(text: str, pos: int) -> str:
    m = _NEXT_WORDS.match(text, pos)
    return m.group(0).split(None, 1)[0].lower() if m else ""


def _in_period_phrase(text: str, start: int, end: int) -> bool:
    """ "the first 10 months", "the past three years": the number is part of a period."""
    before = _words_before(text, start, 12)
    return bool(before) and before[-1] in _PERIOD_LEADS and _next_word(text, end) in _PERIOD_NOUNS


def _is_date_part(text: str, start: int, end: int) -> bool:
    """ "Aug. 29", "30 August", "30 of August"."""
    before = _words_before(text, start, 12)
    if before and before[-1].rstrip(".,") in _MONTHS:
        return True
    m = _NEXT_WORDS.match(text, end)
    if not m:
        return False
    words = m.group(0).lower().split()
    if words[0] == "of" and len(words) > 1:
        words = words[1:]
    return words[0].rstrip(".") in _MONTHS


class _Units:
    """The scale and unit words after a number, as read by ``_UNIT_AFTER``."""

    __slots__ = ("end", "scale", "unit", "currency", "assumed")

    def __init__(self, text: str, end: int, start: int):
        self.end, self.scale, self.unit, self.currency, self.assumed = end, 1.0, "", None, False
        after = _UNIT_AFTER.match(text, end)
        scale_word = (after.group("scale") or "").lower()
        unit_word = (after.group("unit") or "").lower()
        if scale_word:
            self.scale = SCALES[scale_word]
            self.end = after.end("scale")
        if not unit_word:
            return
        norm = " ".join(unit_word.replace("-", " ").split())
        if norm in ("percent", "per cent", "%", "pct"):
            self.unit = "percent"
        elif norm.startswith("percentage point") or norm == "pp":
            self.unit = "percentage_point"
        elif norm.startswith("basis point") or norm == "bps":
            self.unit = "basis_point"
        elif norm in ("point", "points"):
            # "points" are percentage points where the talk is of rates, else a count
            window = text[max(0, start - 160) : after.end() + 80].lower()
            if not _RATE_CONTEXT.search(window):
                return
            self.unit = "percentage_point"
        else:
            self.unit = "currency"
            self.currency = _SUFFIX_CURRENCY[norm]
            self.assumed = norm in _ASSUMED_SUFFIX
        self.end = after.end()


def _make(text, start, end, value, decimals, units: _Units, prefix, upper=None) -> Figure:
    currency, assumed = None, False
    if prefix:
        currency, assumed = _PREFIX_CODES[prefix[0]]
        start = prefix[1]
        if currency is None:  # "¥": yen where the text is about Japan, else yuan
            window = text[max(0, start - 300) : end + 300]
            currency = "JPY" if _JAPAN_CONTEXT.search(window) else "CNY"
    if units.currency and (currency is None or assumed):
        currency, assumed = units.currency, units.assumed
    unit = "currency" if currency else (units.unit or "count")
    qualifier = "range" if upper is not None else _qualifier(text, start)
    noun = _count_noun(text, end) if unit == "count" else None
    return Figure(
        start,
        end,
        text[start:end],
        value,
        decimals,
        units.scale,
        unit,
        currency,
        assumed,
        qualifier,
        noun,
        upper=upper,
    )


def _bad_after(text: str, end: int) -> bool:
    """A number that runs on into a word, code, date or another number ("5G", "2023-08")."""
    c = text[end]
    return c.isalnum() or c in "_-−–/^" or (c in ".," and text[end + 1 : end + 2].isdigit())


def _digit_figures(text: str) -> list[Figure]:
    figures: list[Figure] = []
    n = len(text)
    covered = 0  # the end of the last figure: the top of a range is not a figure again
    for m in _DIGITS.finditer(text):
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
            elif c.isalnum() or c in _INSIDE:
                continue
        ordinal = m.group("ord")
        attached = None
        dash = False
        if end < n:
            c = text[end]
            if c.isalnum() and not ordinal:
                attached = _ATTACHED.match(text, end)
                if not attached or attached.end() == end:
                    continue
            elif c in "-–" and not ordinal:
                dash = True
            elif _bad_after(text, end):
                continue
        exotic = m.group("frac") or sign or m.group("exp") or m.group("pow")
        if ordinal:
            if not exotic:
                figures.append(
                    Figure(start, end, m.group(0), float(m.group("int")), 0, 1.0, "ordinal")
                )
            continue
        value, decimals = _value(m.group("int"), m.group("frac"), m.group("exp"), m.group("pow"))
        if sign:
            value, start = -value, start - 1
        upper = None
        if attached:
            units = _Units(text, attached.end(), start)
            scale = (attached.group("scale") or "").lower()
            if scale:
                if len(scale) == 1 and not _prefix(text, start):
                    continue  # "5m" may be metres; only "$5m" is money
                units.scale = SCALES[scale]
            if attached.group("unit"):
                units.unit = "percentage_point" if attached.group("unit") == "pp" else "basis_point"
                units.end = attached.end()
        else:
            rng = _range(text, start, end)
            if dash and not rng:
                continue
            if rng:
                upper, hi_decimals, range_end = rng
                decimals = max(decimals, hi_decimals)
                units = _Units(text, range_end, start)
            else:
                units = _Units(text, end, start)
        bare = not exotic and units.scale == 1.0 and not units.unit
        if bare and _is_year_or_date(text, m, start, end, value, upper):
            continue
        figures.append(
            _make(text, start, units.end, value, decimals, units, _prefix(text, start), upper)
        )
        covered = units.end
    return figures


def _is_year_or_date(
    text: str, m: re.Match[str], start: int, end: int, value: float, upper: float | None
) -> bool:
    """Years, day numbers and "the first 10 months" are not figures."""
    if upper is not None:
        return _looks_like_year(value) and _looks_like_year(upper)  # "2019-2023"
    if _looks_like_year(value) and "," not in m.group("int"):
        return True
    return _is_date_part(text, start, end) or _in_period_phrase(text, start, end)


def _looks_like_year(value: float) -> bool:
    return 1800 <= value <= 2100 and value == int(value)


def _range(text: str, start: int, end: int) -> tuple[float, int, int] | None:
    """The upper end of "5 to 7", "10-15" or "between 5 and 7" after a number; None if none."""
    before = _words_before(text, start, 12)
    last = before[-1] if before else ""
    if last == "between":
        m = _RANGE_AND.match(text, end)
    elif last == "from":
        return None  # "from 5 to 7 percent" is a change, not a range
    else:
        m = _RANGE_TO.match(text, end)
    if not m:
        return None
    value, decimals = _value(m.group("int"), m.group("frac"))
    return value, decimals, m.end()


def _word_figures(text: str) -> list[Figure]:
    figures: list[Figure] = []
    for at, _ in _NUMBER_WORDS.spans(text):
        m = _NUMBER_WORD.match(text, at)
        if m is None:  # RE2's \b is ASCII-only: "éfive" is a hit there, not here
            continue
        start, end = m.start(), m.end()
        if text[end : end + 1] == "-":
            continue  # "one-third", "five-year"
        if m.group("nth"):
            word = m.group("nth").lower()
            if "-" in word:
                tens, nth = word.split("-")
                value = _TENS[tens] + _NTH[nth]
            else:
                value = _NTH[word]
            if _next_word(text, end) in _PERIOD_NOUNS:
                continue  # "the third quarter" is a period
            figures.append(Figure(start, end, text[start:end], float(value), 0, 1.0, "ordinal"))
            continue
        if m.group("dozen"):
            word = m.group("dozen").lower()
            if word.startswith("dozens"):
                continue  # "dozens of" is not a number
            value = 6 if word.startswith("half") else 12
        elif m.group("tens"):
            value = _TENS[m.group("tens").lower()] + (
                _ONES[m.group("tail").lower()] if m.group("tail") else 0
            )
        else:
            value = _ONES[m.group("ones").lower()]
        if m.group("hundred"):
            value *= 100
        units = _Units(text, end, start)
        if units.scale == 1.0 and not units.unit:
            # a bare word is a figure only when it counts something: "five provinces"
            if m.group("ones") and m.group("ones").lower() == "one" and not m.group("hundred"):
                continue
            nxt = _next_word(text, end)
            if not nxt or nxt in _NOT_NOUN or nxt in _ONES or _in_period_phrase(text, start, end):
                continue
        figures.append(_make(text, start, units.end, float(value), 0, units, None))
    return figures


def find_figures(text: str) -> list[Figure]:
    """Every figure stated in ``text``, in order of position."""
    figures = _digit_figures(text)
    words = _word_figures(text)
    if words:
        figures.extend(words)
        figures.sort(key=lambda f: f.start)
    return figures
