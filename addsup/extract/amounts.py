"""Relations between amounts: ``converts_to`` (one amount in two currencies) and ``sum_of``
(parts and their total)."""

from __future__ import annotations

import re

from addsup.extract.cues import Cue
from addsup.extract.figures import Figure
from addsup.extract.relations import Relation

_QUAL = r"(?:(?:about|around|roughly|approximately|some|nearly|almost)\s+)?"
_CONVERSION = re.compile(
    rf"^\s*(?:\(\s*|,?\s*(?:or|equivalent\s+to|equal\s+to|worth)\s+){_QUAL}$", re.IGNORECASE
)
# "$3.2 billion from coal sales, or roughly 11 trillion tugriks": a short phrase between
_CONVERSION_AFTER_PHRASE = re.compile(
    rf"^[^,;:()]{{1,60}},\s*(?:or|equivalent\s+to|equal\s+to|worth)\s+{_QUAL}$", re.IGNORECASE
)
_TOTAL_BEFORE = re.compile(
    r"\b(?:a\s+total\s+of|totall?ing|totall?ed|combined|altogether|in\s+all|in\s+total|together)\s+"
    r"(?:the\s+)?" + _QUAL + r"$",
    re.IGNORECASE,
)
_OF_THE = re.compile(r"\b(?:of|out\s+of)\s+(?:the|all|its)\s+" + _QUAL + r"$", re.IGNORECASE)

_TOTAL = Cue(_TOTAL_BEFORE, ("total", "combined", "altogether", "in all", "together"))
_OF_THE_CUE = Cue(_OF_THE, ("of", "out"), starts=True)


def _same_kind(x: Figure, y: Figure) -> bool:
    return x.unit == y.unit and x.currency == y.currency and x.unit in ("count", "currency")


def find_amount_relations(text: str, figures: list[Figure], members: list[int]) -> list[Relation]:
    """``converts_to`` and ``sum_of`` relations among one sentence's figures."""
    out: list[Relation] = []
    converted: set[int] = set()
    for x, y in zip(members, members[1:], strict=False):
        a, b = figures[x], figures[y]
        if (
            a.unit == b.unit == "currency"
            and a.currency
            and b.currency
            and a.currency != b.currency
            and (
                _CONVERSION.match(text[a.end : b.start])
                or _CONVERSION_AFTER_PHRASE.match(text[a.end : b.start])
            )
        ):
            out.append(Relation("converts_to", y, x, y, a.sentence_no))
            converted.add(y)
    amounts = [
        j for j in members if j not in converted and figures[j].unit in ("count", "currency")
    ]
    for pos, j in enumerate(amounts):
        if pos < 2 and len(amounts) - pos < 3:
            continue  # fewer than two amounts on either side: no parts, whatever the cue
        total = figures[j]
        if _TOTAL.before(text, max(0, total.start - 30), total.start):
            # "A and B, a total of T": the parts stand before it, after the last colon
            parts = tuple(
                k
                for k in amounts[:pos]
                if _same_kind(figures[k], total)
                and ":" not in text[figures[k].end : total.start]
                and figures[k].absolute != total.absolute  # the total, said before its parts
            )
            exhaustive = 1
        elif _OF_THE_CUE.before(text, max(0, total.start - 20), total.start):
            # "Of the T exhibitors, A came from X and B from Y": some of the whole
            parts = tuple(k for k in amounts[pos + 1 :] if _same_kind(figures[k], total))
            exhaustive = 0
        else:
            continue
        if len(parts) >= 2:
            out.append(
                Relation("sum_of", j, None, None, total.sentence_no, exhaustive, members=parts)
            )
            break
    return out
