"""What an amount is, in the words a trade story uses: exports, imports, or a total of both
("total trade", "turnover", "import and export"), and whether it is an earlier level
("from $6 billion", "a year earlier") or a change ("up $1.8 billion") rather than a level.

The role is read from the words of the figure's clause before it (the last role word
wins), or from "in exports" right after it. Anything else has no role: linking that needs
one then does not link.
"""

from __future__ import annotations

import re

from addsup.extract.cues import Keys, Words
from addsup.extract.figures import Figure

EXPORT, IMPORT, TOTAL, BALANCE = "export", "import", "total", "balance"

_TOTAL_WORDS = (
    r"imports?\s+and\s+exports?|exports?\s+and\s+imports?|import\s+and\s+export|export\s+and\s+import"
    r"|total\s+trade|trade\s+volume|trade\s+value|volume\s+of\s+trade|two-way\s+trade|turnover"
    r"|bilateral(?:\s+goods)?\s+trade|foreign\s+trade|overall\s+trade|goods\s+trade|total\s+trade\s+with"
    r"|traded\s+goods|total\s+value"
)
_ROLE_WORD = re.compile(
    rf"\b(?:(?P<total>{_TOTAL_WORDS})|(?P<export>exports?|exported|exporting|shipments|outbound)"
    r"|(?P<import>imports?|imported|importing|inbound|import\s+bill)"
    r"|(?P<balance>surplus|deficit|balance|gap))\b",
    re.IGNORECASE,
)
# the role words of both readings of a trade story (this module's and ``role_words.ROLE``):
# every match of either starts with one of these, and one pass over a text finds them all
ROLE_KEYS = Keys(
    "export",
    "import",
    "total",
    "trade",
    "volume",
    "two-way",
    "turnover",
    "bilateral",
    "foreign",
    "overall",
    "goods",
    "shipment",
    "outbound",
    "inbound",
    "surplus",
    "deficit",
    "balance",
    "gap",
    "shortfall",
    "revenue",
    "receipt",
    "expenditure",
    "spending",
    "outlay",
    "budget",
    "fiscal",
    "external",
)
TOTAL_KEYS = Keys(_TOTAL_WORDS)  # a text without these has no total of trade
# every word of a balance ("surplus", "deficit", "trade gap") or of the side it subtracts
# ("imports", "spending") holds one of these: a text without them has neither ("ı": ``re``
# lets "i" match a dotless i, RE2 does not)
SIDE_KEYS = Keys(
    "surplus",
    "defic[iı]t",
    "shortfall",
    "gap",
    "[iı]mport",
    "[iı]nbound",
    "expend[iı]ture",
    "spend[iı]ng",
    "outlay",
)
_CLAUSE_WORDS = Words(";", ":", ",", "while", "whereas")  # every _CLAUSE_END holds one
_PAIR = re.compile(r"(exports?|imports?)\s+and\s+(exports?|imports?)", re.IGNORECASE)
_AFTER = re.compile(r"^\s+(?:in|of|worth\s+of)\s+(?P<word>exports?|imports?)\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[;:]|,\s+(?:while|whereas|and|but)\b|\bwhile\b|\bwhereas\b", re.I)
_EARLIER = re.compile(
    r"(?:\bfrom|\bcompared\s+(?:with|to)|\bagainst|\bversus|\bthan)\s+(?:the\s+|a\s+|last\s+year['’]?s\s+)?"
    r"(?:(?:about|around|some|nearly)\s+)?$",
    re.IGNORECASE,
)
_EARLIER_AFTER = re.compile(
    r"^[^,;.]{0,30}?\b(?:(?:a|one|the\s+previous)\s+(?:year|month|quarter)\s+(?:earlier|ago|before)"
    r"|last\s+year|in\s+the\s+same\s+period\s+(?:of\s+)?last\s+year)",
    re.IGNORECASE,
)
_EARLIER_KEYS = Words("from", "compared", "against", "versus", "than")  # every _EARLIER starts so
_EARLIER_AFTER_KEYS = Words("year", "month", "quarter", "last")
_CHANGE_KEYS = Words(  # every match of _CHANGE starts with one of these
    "a",
    "increase",
    "decrease",
    "rose",
    "fell",
    "gain",
    "lost",
    "added",
    "up",
    "down",
    "by",
    "rise",
    "fall",
    "drop",
    "decline",
)
_CHANGE = re.compile(
    r"\b(?:increased|decreased|rose|fell|gained|gaining|lost|added|up|down|by|an?\s+(?:increase|decrease|"
    r"rise|fall|drop|decline)\s+of)\s+(?:(?:about|around|some|nearly)\s+)?$",
    re.IGNORECASE,
)


def role(text: str, f: Figure, sentence_start: int) -> str | None:
    """``EXPORT``, ``IMPORT``, ``TOTAL``, ``BALANCE`` or None for the amount ``f``."""
    if not ROLE_KEYS.near(text, sentence_start, f.end + 30):
        return None  # the role words before it and "in exports" after it all hold a key
    after = _AFTER.match(text[f.end : f.end + 30])
    if after:
        return EXPORT if after.group("word").lower().startswith("export") else IMPORT
    if not ROLE_KEYS.near(text, sentence_start, f.start):
        return None
    start = sentence_start
    if _CLAUSE_WORDS.near(text, sentence_start, f.start):
        for m in _CLAUSE_END.finditer(text, sentence_start, f.start):
            start = m.end()
    words = ROLE_KEYS.matches(_ROLE_WORD, text, start, f.start)
    if not words:
        return None
    found = words[-1]
    if found.group(TOTAL):
        pair = _PAIR.fullmatch(found.group(TOTAL))
        if pair and "respectively" in text[f.end : f.end + 80].lower():
            # "exports and imports stood at A and B, respectively": A the first, B the second
            first = not any(c.isdigit() for c in text[found.end() : f.start])
            return pair.group(1 if first else 2).lower().rstrip("s")
        return TOTAL
    for name in (EXPORT, IMPORT):
        if found.group(name):
            return name
    return BALANCE


def is_earlier(text: str, f: Figure) -> bool:
    """An earlier level: "from $6.04 billion", "$10.56 billion a year earlier"."""
    start = max(0, f.start - 40)
    return (bool(_EARLIER_KEYS.search(_EARLIER, text, start, f.start))) or (
        _EARLIER_AFTER_KEYS.near(text, f.end, f.end + 60)
        and bool(_EARLIER_AFTER.match(text[f.end : f.end + 60]))
    )


def is_change(text: str, f: Figure) -> bool:
    """A change, not a level: "increased $1.8 billion on-month", "up by $300 million"."""
    start = max(0, f.start - 40)
    return bool(_CHANGE_KEYS.search(_CHANGE, text, start, f.start))
