"""Shares in a list that name their whole once: "Japan bought $866 million, 16.6 percent of
the total. Next came the United States at $738 million (14.1 percent) and China at $667
million (12.7 percent)." The bare "(14.1 percent)" after an amount is a share of the whole
the list's first share was read against ("of the total" -> total exports).

A list runs from a share whose whole is resolved and whose words name a total ("of the
total", "of total exports") through the amounts that follow it, each with its share in
brackets right after it, into the next sentence at most; it ends at the first amount
without one. A share of the list whose own whole is not stated takes the list's. Each part
must be smaller than the whole. The link is the linker's reading: a failure is a warning.
"""

from __future__ import annotations

import re
from dataclasses import replace

from addsup.extract.figures import Figure
from addsup.extract.relations import Relation

_AMOUNTS = frozenset({"currency", "count"})
_OPEN = re.compile(r"\s*\(\s*(?:about\s+|around\s+|or\s+)?$")
_CLOSE = re.compile(r"\s*(?:of\s+(?:the\s+)?total\s*)?\)")


def _bracketed(text: str, figures: list[Figure], j: int) -> int | None:
    """The share in brackets right after amount ``j`` ("$738 million (14.1 percent)")."""
    if j + 1 >= len(figures):
        return None
    f, k = figures[j], figures[j + 1]
    if k.unit != "percent" or k.surface[:1] in "+-−" or not _OPEN.fullmatch(text[f.end : k.start]):
        return None  # "(+20.0%)" is a rate of change
    return j + 1 if _CLOSE.match(text, k.end) else None


def find_listed_shares(
    text: str, figures: list[Figure], relations: list[Relation]
) -> list[Relation]:
    """``relations`` with the shares of lists linked to the list's whole: new ``share_of``
    relations for bare bracketed shares, and the whole filled in where one was missing."""
    anchors = [
        r
        for r in relations
        if r.kind == "share_of"
        and r.a is not None
        and r.b is not None
        and r.phrase
        and "total" in r.phrase.lower()
    ]
    if not anchors:
        return relations
    by_stated = {r.stated: n for n, r in enumerate(relations) if r.kind == "share_of"}
    out = list(relations)
    for anchor in anchors:
        whole = figures[anchor.b]  # type: ignore[index]
        last = figures[anchor.stated].sentence_no
        j = anchor.stated + 1
        while j < len(figures):
            f = figures[j]
            if f.unit not in _AMOUNTS or not any(c.isdigit() for c in f.surface):
                j += 1  # "the top five": no amount of the list
                continue
            k = _bracketed(text, figures, j)
            if k is None or f.sentence_no - last > 1:
                break
            if f.unit != whole.unit or f.currency != whole.currency or f.hi >= whole.lo:
                break
            n = by_stated.get(k)
            linked = Relation(
                "share_of",
                k,
                j,
                anchor.b,
                figures[k].sentence_no,
                phrase=anchor.phrase,
                cues=f"a list after “{figures[anchor.stated].surface} {anchor.phrase}”",
            )
            if n is None:
                out.append(linked)
                by_stated[k] = len(out) - 1
            elif out[n].b is None and out[n].a == j:
                out[n] = replace(out[n], b=anchor.b, cues=linked.cues)
            last = f.sentence_no
            j = k + 1
    return out
