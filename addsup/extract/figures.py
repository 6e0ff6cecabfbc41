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
_PREFIX = re.compile(
    r"(?P<sign>(?<![A-Za-z])(?:U\.S\.\$|US\$|HK\$|RMB|CNY|USD|JPY|KRW|RUB|MNT|EUR)|[$€£₩₽¥]) ?$"
)
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

_NUMBER = re.compile(
    # not inside a word, code, date or another number; a minus sign only as a sign
    r"(?:(?<![\w.,/\-−–^])(?P<sign>[-−])(?=\d)|(?<![\w.,/\-−–^]))"
    r"(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?P<frac>\.\d+)?"
    r"(?:(?P<exp>[eE][+-]?\d+)|\^(?P<pow>[+-]?\d+))?"
    r"(?P<ord>st|nd|rd|th)?"
    r"(?![\w\-−–/^]|[.,]\d)"
)
_UNIT_AFTER = re.compile(
    r"\s*(?:(?P<scale>thousand|million|billion|trillion|mln|bn|mn|tn|trn)\b)?"
    r"\s*(?P<unit>percentage[\s-]+points?|pp\b|basis\s+points?|bps\b|percent\b|per\s+cent\b|%"
    r"|u\.s\.\s+dollars\b|us\s+dollars\b|american\s+dollars\b|dollars\b|usd\b|yuan\b"
    r"|renminbi\b|rmb\b|cny\b|yen\b|jpy\b|won\b|krw\b|rubles\b|roubles\b|rub\b|tugriks?\b"
    r"|mnt\b|euros\b|eur\b)?",
    re.IGNORECASE,
)
_QUALIFIER_BEFORE = re.compile(
    r"\b(?P<q>about|around|roughly|approximately|some|close to|nearly|almost|over|more than"
    r"|above|at least|up to|under|less than|below|fewer than)\s+$",
    re.IGNORECASE,
)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_MONTH_BEFORE = re.compile(_MONTH + r"\.?\s+$", re.IGNORECASE)
_MONTH_AFTER = re.compile(r"\s+(?:of\s+)?" + _MONTH + r"\b", re.IGNORECASE)
_NOUN_WORDS = re.compile(r"\s+([A-Za-z][A-Za-z'\-]*)")
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


def _number_value(m: re.Match[str]) -> tuple[float, int]:
    """The value and stated decimals; "1e400" and "10^30" are read (and may be infinite)."""
    digits = m.group("int").replace(",", "")
    frac = m.group("frac") or ""
    decimals = len(frac) - 1 if frac else 0
    if m.group("pow"):  # base ^ power, "10^30"
        try:
            value = float(f"{digits}{frac}") ** int(m.group("pow"))
        except OverflowError:
            value = math.inf
    else:
        value = float(f"{digits}{frac}{m.group('exp') or ''}")
    return (-value if m.group("sign") else value), decimals


def _count_noun(text: str, pos: int) -> str | None:
    """The counted noun after a bare number: the first plural among the next few words."""
    words: list[str] = []
    while len(words) < 4:
        match = _NOUN_WORDS.match(text, pos)
        if not match:
            break
        word = match.group(1).lower()
        if word in _NOT_NOUN and word != "and":
            break
        words.append(word)
        pos = match.end()
    words = [w for w in words if w != "and"]
    if not words:
        return None
    plurals = [w for w in words if w.endswith("s")]
    return plurals[0] if plurals else words[-1]


def find_figures(text: str) -> list[Figure]:
    """Every figure stated in ``text``, in order of position."""
    figures: list[Figure] = []
    for m in _NUMBER.finditer(text):
        start, end = m.start(), m.end()
        value, decimals = _number_value(m)
        if m.group("ord"):
            if m.group("frac") or m.group("sign") or m.group("exp") or m.group("pow"):
                continue
            figures.append(Figure(start, end, m.group(0), value, 0, 1.0, "ordinal"))
            continue

        currency: str | None = None
        assumed = False
        prefix = _PREFIX.search(text, max(0, start - 7), start)
        if prefix:
            code, assumed = _PREFIX_CODES[prefix.group("sign")]
            start = prefix.start("sign")
            if code is None:
                window = text[max(0, start - 300) : end + 300]
                code = "JPY" if _JAPAN_CONTEXT.search(window) else "CNY"
            currency = code

        after = _UNIT_AFTER.match(text, end)
        scale_word = (after.group("scale") or "").lower() if after else ""
        unit_word = (after.group("unit") or "").lower() if after else ""
        scale = SCALES.get(scale_word, 1.0)
        unit = "count"
        if unit_word:
            norm = re.sub(r"[\s-]+", " ", unit_word)
            if norm in ("percent", "per cent", "%"):
                unit = "percent"
            elif norm.startswith("percentage point") or norm == "pp":
                unit = "percentage_point"
            elif norm.startswith("basis point") or norm == "bps":
                unit = "basis_point"
            else:
                code = _SUFFIX_CURRENCY[norm]
                if currency is None or assumed:
                    currency = code
                    assumed = norm in _ASSUMED_SUFFIX
                unit = "currency"
            end = after.end()
        elif scale_word:
            end = after.end("scale")
        if currency is not None:
            unit = "currency"

        if unit == "count" and not scale_word:
            # years and day numbers are not figures
            plain = not (m.group("frac") or m.group("sign") or m.group("exp") or m.group("pow"))
            if plain and "," not in m.group("int") and 1800 <= value <= 2100:
                continue
            if _MONTH_BEFORE.search(text, max(0, start - 12), start) or _MONTH_AFTER.match(
                text, end
            ):
                continue

        qualifier = "exact"
        q = _QUALIFIER_BEFORE.search(text, max(0, start - 16), start)
        if q:
            qualifier = QUALIFIERS[re.sub(r"\s+", " ", q.group("q").lower())]

        noun = _count_noun(text, end) if unit == "count" else None
        figures.append(
            Figure(
                start=start,
                end=end,
                surface=text[start:end],
                value=value,
                decimals=decimals,
                scale=scale,
                unit=unit,
                currency=currency,
                currency_assumed=assumed,
                qualifier=qualifier,
                noun=noun,
            )
        )
    return figures
