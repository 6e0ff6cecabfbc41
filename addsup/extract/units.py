"""What stands around a number: currency before it, scale and unit after it, a qualifier,
a counted noun; and the ``Figure`` they make.

Used by the digit scanner (``figures.py``) and the number-word scanner (``words.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from addsup.extract.currencies import (
    LETTER_SIGNS,
    NAME_FIRSTS,
    PREFIX,
    PREFIX_CODES,
    PREFIX_SIGNS,
    by_place,
    suffix_currency,
)

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
    "bln": 1e9,
    "tln": 1e12,
    "trln": 1e12,
    "bil": 1e9,
    "mil": 1e6,
    "lakh": 1e5,
    "crore": 1e7,
    "lakh crore": 1e12,
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
    "exceed": "over",
    "exceeding": "over",
    "exceeded": "over",
    "just below": "nearly",
    "just under": "nearly",
    "at least": "at_least",
    "up to": "up_to",
    "under": "under",
    "less than": "under",
    "below": "under",
    "fewer than": "under",
}

_UNIT_AFTER = re.compile(
    r"(?:\.(?=[ \t]*per[ \t]*cent))?"  # "1.3. per cent": a stray full stop
    r"(?:-(?=(?:thousand|million|billion|trillion|crore|lakh)\b)|\s*)"  # "$5.74-billion"
    r"(?:(?P<scale>thousand|million|billion|trillion|mln|bln|tln|trln|bn|mn|tn|trn|bil|mil|crore"
    r"|lakh(?:\s+crore)?)\b)?"
    r"(?:-(?=fold\b)|\s*)"
    r"(?P<unit>percentage[\s-]+points?|pct[\s-]+points?|ppts?\b|pp\b|basis\s+points?|bps?\b"
    r"|percent\b|per[ \t]*cent\b"
    r"|pct\b|pc\b|%|points?\b|times\b|fold\b"
    r"|(?P<word>(?:[A-Za-z]\.){2,}|[^\W\d_]+))?",  # any other word: a currency's name?
    re.IGNORECASE,
)
_SIGN_ENDS = frozenset("$€£₩₽₹₱฿₫₺₴₦₪₮¥.")
# a span of years is a quantity but counts no things: "30 years ago", "for the first time in
# 18 years" (tonnes, metres and the like stay counts: their growth and shares are checked)
DURATIONS = frozenset({"years", "decades", "centuries"})

NEXT_WORDS = re.compile(r"(?:\s+[A-Za-z][A-Za-z'\-]*){1,4}")
_NOT_NOUN = frozenset(
    """
    and or of in on at to from for by with as than that which who were was are is be been
    have has had did do does will would could should can may might came come went set
    took made the a an this these those its their his her per each
    """.split()
)


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


_MONTHS = frozenset(
    "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july"
    " august september october november december".split()
)
PERIOD_NOUNS = frozenset({"months", "quarters", "weeks", "years", "days", "half", "quarter"})
_PERIOD_LEADS = frozenset({"first", "last", "past", "next", "previous", "final"})
_TWO_WORD_QUALIFIERS = {k: v for k, v in QUALIFIERS.items() if " " in k}
_QUALIFIER_ENDS = frozenset(k.split()[-1] for k in QUALIFIERS)
_RATE_CONTEXT = re.compile(r"percent|per cent|%|\brates?\b|\bshares?\b|\bratio|\bproportion")


def prefix_at(text: str, start: int) -> tuple[str, int] | None:
    """The currency sign or code written just before ``start`` ("$", "RM", "USD ", "Rp ")
    and where it begins."""
    j = start - 1 if start and text[start - 1] == " " else start
    if not j:
        return None
    c = text[j - 1]
    if not (c.isalpha() or c in _SIGN_ENDS) or (c.islower() and c not in "pskh"):
        return None  # only "Rp", "Rs", "Tk" and "KSh" end in a small letter
    m = PREFIX.search(text, max(0, j - 5), j)
    if not m:
        return None
    sign, at = m.group(0), m.start()
    if sign not in PREFIX_SIGNS and sign not in PREFIX_CODES:
        return None
    if sign in LETTER_SIGNS and j != start:
        return None  # "P1.2 billion" written close, never "P 5"
    if at and text[at - 1].isalpha() and sign[0].isalpha():
        return None  # "FIRM5", "GRUB 5": letters of a word, no code
    return sign, at


def words_before(text: str, start: int, reach: int = 24) -> list[str]:
    """The whole words just before ``start`` (lowercase), nearest last."""
    window = text[max(0, start - reach) : start]
    words = window.lower().split()
    if words and start - reach > 0 and not window[:1].isspace():
        words = words[1:]  # cut mid-word
    return words


def _qualifier(text: str, start: int) -> str:
    if not start or not text[start - 1].isspace():
        return "exact"
    j = start - 1
    i = text.rfind(" ", max(0, j - 20), j)
    if i >= 0:  # most words before a number end no qualifier: tell so without splitting
        word = text[i + 1 : j]
        if word.split() == [word] and word.lower().lstrip("([\"'“‘") not in _QUALIFIER_ENDS:
            return "exact"
    words = [w.lstrip("([\"'“‘") for w in words_before(text, start)[-2:]]
    if len(words) >= 2:
        q = _TWO_WORD_QUALIFIERS.get(f"{words[-2]} {words[-1]}")
        if q:
            return q
    return QUALIFIERS.get(words[-1], "exact") if words else "exact"


def _count_noun(text: str, pos: int) -> str | None:
    """The counted noun after a bare number: the first plural among the next few words."""
    m = NEXT_WORDS.match(text, pos)
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


def next_word(text: str, pos: int) -> str:
    m = NEXT_WORDS.match(text, pos)
    return m.group(0).split(None, 1)[0].lower() if m else ""


def in_period_phrase(text: str, start: int, end: int, before: list[str] | None = None) -> bool:
    """ "the first 10 months", "the past three years": the number is part of a period."""
    if before is None:
        before = words_before(text, start, 12)
    return bool(before) and before[-1] in _PERIOD_LEADS and next_word(text, end) in PERIOD_NOUNS


def is_date_part(text: str, start: int, end: int, before: list[str] | None = None) -> bool:
    """ "Aug. 29", "30 August", "30 of August"; ``before``: the words before, if read."""
    if before is None:
        before = words_before(text, start, 12)
    if before and before[-1].rstrip(".,") in _MONTHS:
        return True
    m = NEXT_WORDS.match(text, end)
    if not m:
        return False
    words = m.group(0).lower().split()
    if words[0] == "of" and len(words) > 1:
        words = words[1:]
    return words[0].rstrip(".") in _MONTHS


class Units:
    """The scale and unit words after a number, as read by ``_UNIT_AFTER``."""

    __slots__ = ("end", "scale", "unit", "currency", "assumed")

    def __init__(self, text: str, end: int, start: int):
        self.end, self.scale, self.unit, self.currency, self.assumed = end, 1.0, "", None, False
        after = _UNIT_AFTER.match(text, end)
        scale_word, unit_word, word = after.group("scale", "unit", "word")
        if scale_word:
            # most as written; else lowered, one space ("Billion", "lakh  crore")
            self.scale = SCALES.get(scale_word) or SCALES[" ".join(scale_word.lower().split())]
            self.end = after.end("scale")
        if not unit_word:
            return
        if word is not None:  # a currency named after the number?
            if word in NAME_FIRSTS or word.lower() in NAME_FIRSTS:
                named = suffix_currency(text, after.start("word"))
                if named:
                    self.unit = "currency"
                    self.currency, self.assumed, self.end = named
            return
        unit_word = unit_word.lower()
        norm = " ".join(unit_word.replace("-", " ").split())
        if norm.startswith(("percentage point", "pct point", "ppt")) or norm == "pp":
            self.unit = "percentage_point"
        elif norm in ("percent", "per cent", "%", "pct", "pc") or norm.startswith("per"):
            self.unit = "percent"
        elif norm.startswith("basis point") or norm in ("bps", "bp"):
            self.unit = "basis_point"
        elif norm in ("times", "fold"):
            self.unit = "multiple"  # "1.4 times", "2.8-fold"
        elif norm in ("point", "points"):
            # "points" are percentage points where the talk is of rates, else a count
            window = text[max(0, start - 160) : after.end() + 80].lower()
            if not _RATE_CONTEXT.search(window):
                return
            self.unit = "percentage_point"
        self.end = after.end()


def make_figure(text, start, end, value, decimals, units: Units, prefix, upper=None) -> Figure:
    currency, assumed = None, False
    if prefix:
        currency, assumed = PREFIX_SIGNS.get(prefix[0], (prefix[0], False))
        start = prefix[1]
    if units.currency and (currency is None or assumed):
        currency, assumed = units.currency, units.assumed
    if assumed:  # "¥", "Rs", "pesos": the currency of the country the text names most
        currency = by_place(currency, text)
    unit = "currency" if currency else (units.unit or "count")
    if start and text[start - 1] in "+-−" and (start == 1 or not text[start - 2].isalnum()):
        start -= 1  # "+RM1.1 billion", "-$5 million": the sign belongs to the figure
        if text[start] != "+" and value > 0:
            value = -value
    qualifier = "range" if upper is not None else _qualifier(text, start)
    noun = _count_noun(text, end) if unit == "count" else None
    if noun in DURATIONS:
        unit = "other"
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
