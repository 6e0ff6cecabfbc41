"""Links between figures that arithmetic can check.

This first version finds ``share_of``: a percentage introduced by a share cue
("accounting for", "making up", "or", "representing") is the share; the nearest
amount or count before it is the part; an amount of the same kind introduced by
"of" / "out of" / "a total of" anywhere in the sentence is the whole. Without such
an amount the whole is unstated and the check derives it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from addsup.extract.cues import Cue
from addsup.extract.figures import Figure

_SHARE_CUE = re.compile(
    r"(?:\baccount(?:ing|ed|s)?\s+for|\bmak(?:ing|es)\s+up|\bmade\s+up|\bmake\s+up"
    r"|\b(?:took|taken|take|takes|taking)\s+up"
    r"|\brepresent(?:ing|ed|s)?|\bequal\s+to|\bequivalent\s+to|\bshare\s+of|,\s*or|\bor"
    r"|\bwhich\s+(?:is|was|are|were))\s+(?:\w+\s+){0,1}$"
    r"|(?P<paren>\()\s*$",
    re.IGNORECASE,
)
_WHOLE_CUE = re.compile(
    r"\b(?:of|out\s+of|total\s+of|total(?:ed|led|ing|ling)|among)\s+(?:the\s+|a\s+|all\s+)?$",
    re.IGNORECASE,
)
_SHARE = Cue(
    _SHARE_CUE,
    ("account", "mak", "made", "represent", "equ", "share", ",", "or", "which", "(", "took", "tak"),
    starts=True,
)
_WHOLE = Cue(_WHOLE_CUE, ("of", "out", "total", "among"), starts=True)
_MEASURES = frozenset({"currency", "count"})
# "a decrease of $1.4 billion, or 16.7 percent": the amount is a change, the percent its rate
_CHANGE_BEFORE = re.compile(
    r"\b(?<!made\s)(?<!make\s)(?<!makes\s)(?<!making\s)(?<!taken\s)(?<!took\s)(?:increase[sd]?|decrease[sd]?|rise|rose|fall|fell|drop(?:ped)?|decline[sd]?|gain(?:ed)?"
    r"|loss|growth|jump(?:ed)?|up|down|by)\s+(?:of\s+)?(?:\w+\s+)?$",
    re.IGNORECASE,
)
_CHANGE = Cue(
    _CHANGE_BEFORE,
    (
        "increase",
        "decrease",
        "ris",
        "ros",
        "fall",
        "fell",
        "drop",
        "declin",
        "gain",
        "loss",
        "growth",
        "jump",
        "up",
        "down",
        "by",
    ),
    starts=True,
)
_OF_WHICH = re.compile(r"\s*,\s*of\s+which\b[^,;.]*$", re.IGNORECASE)
_OF_PHRASE = re.compile(
    r"\s*of\s+((?:[\w'’-]+\s+){0,6}?[\w'’-]+)(?=[,.;:)]|\s+(?:in|during|for|from|said|according)\b|$)"
)


def of_phrase(text: str, end: int) -> str | None:
    """The "of ..." phrase right after a share: what the unstated whole is."""
    m = _OF_PHRASE.match(text, end)
    return m.group(1) if m else None


@dataclass(frozen=True, slots=True)
class Relation:
    """``stated`` is the figure the check tests; ``a`` and ``b`` are its operands.

    ``direction`` is +1 / -1 for rises and falls, "higher" and "lower" gaps (and for
    ``sum_of``: 1 when the parts make up the whole total, 0 when they are only part of it);
    ``phrase`` names an operand that is not stated ("the national average"); ``members``
    are the parts of a ``sum_of``. ``signs`` go with ``members`` and ``readings`` counts
    the ways the figures could be linked (``balance`` and ``growth_of_total``, see
    addsup.extract.balance).
    """

    kind: str
    stated: int
    a: int | None
    b: int | None
    sentence_no: int
    direction: int = 0
    phrase: str | None = None
    members: tuple[int, ...] = ()
    metric: str | None = None
    signs: tuple[int, ...] = ()
    readings: int = 1
    cues: str | None = None  # the words that linked the figures


def _same_kind(x: Figure, y: Figure) -> bool:
    return x.unit == y.unit and (x.unit != "currency" or x.currency is not None)


def _has_whole_cue(text: str, f: Figure) -> bool:
    return bool(_WHOLE.before(text, max(0, f.start - 30), f.start))


def is_change_amount(text: str, f: Figure) -> bool:
    """Whether the amount ``f`` is a change ("a decrease of $1.4 billion", "up by 300")."""
    return bool(_CHANGE.before(text, max(0, f.start - 30), f.start))


def _part_and_whole(
    text: str, figures: list[Figure], members: list[int], pos: int
) -> tuple[int | None, int | None]:
    """The part and the whole of the share at ``members[pos]``, as indices into ``figures``.

    The whole is an amount introduced by "of" / "out of" / "a total of": first one after
    the share ("8.1 percent of total trade of 155.2 billion yuan"), else one before the
    part ("Of the 1,200 exhibitors, 312 ...", "180 of the 1,200 booths, or 18 percent").
    The part is the nearest amount before the share that is not the whole.
    """
    before = [j for j in members[:pos] if figures[j].unit in _MEASURES]
    if not before:
        return None, None
    after = [j for j in members[pos + 1 :] if figures[j].unit in _MEASURES]
    whole = next((j for j in after if _has_whole_cue(text, figures[j])), None)
    if whole is None and len(before) >= 2:
        # a cued amount before is the whole only if a part of its kind stands before the
        # share too: in "revenue of 9.2 billion yuan, accounting for 12 percent" it is the part
        cued = [
            j
            for j in reversed(before)
            if _has_whole_cue(text, figures[j])
            and any(k != j and _same_kind(figures[k], figures[j]) for k in before)
        ]
        whole = cued[0] if cued else None
    part = next((j for j in reversed(before) if j != whole), None)
    if part is None:
        return None, None
    if whole is None:
        # "earnings were $1.9 billion, of which Japan paid $640 million, or 34 percent"
        whole = next(
            (
                j
                for j in before
                if j != part and _OF_WHICH.match(text, figures[j].end, figures[part].start)
            ),
            None,
        )
    if whole is not None and not _same_kind(figures[part], figures[whole]):
        whole = None
    return part, whole


# a list that goes on with the same whole: "A for 65.1 percent, B 28.5 percent and C 3.8 percent"
_LIST_GAP = re.compile(r"^[^.;:%\d]{1,120}$")
# parallel clauses keep their own sides: no part across "..., while B took up 17.5 percent"
_CLAUSE_BREAK = re.compile(r",\s*(?:while|whereas|but)\b|;|\bwhile\b|\bwhereas\b", re.IGNORECASE)


def clause_breaks(text: str, start: int, end: int) -> bool:
    """Whether a clause breaks between ``start`` and ``end`` (", while", ";", "whereas"):
    the pattern is run only on a stretch with a comma, a semicolon or "wh" in it (every
    break holds one; no letter but "W" lowers to "w", nor any but "H" to "h")."""
    gap = text[start:end]
    return ("," in gap or ";" in gap or "wh" in gap.lower()) and bool(
        _CLAUSE_BREAK.search(text, start, end)
    )


_LIST_END = re.compile(r"^[^.;]{0,30}\b(?:respectively|separately)\b", re.IGNORECASE)


def _shares_without_part(
    text: str, figures: list[Figure], members: list[int], pos: int, cue: re.Match[str]
) -> list[Relation]:
    """A share with no amount before it whose whole is named ("made up 65.1 percent of total
    exports"), and the shares a list gaps after it ("B 28.5 percent and C 3.8 percent,
    respectively"): shares of one whole, which together cannot pass 100 percent."""
    i = members[pos]
    phrase = of_phrase(text, figures[i].end)
    if phrase is None:
        return []
    cues = " ".join(cue.group(0).split()) or None
    out = [Relation("share_of", i, None, None, figures[i].sentence_no, phrase=phrase, cues=cues)]
    listed: list[int] = []
    previous = figures[i]
    for j in members[pos + 1 :]:
        f = figures[j]
        gap = text[previous.end : f.start]
        own = of_phrase(text, f.end)
        if (
            f.unit != "percent"
            or not _LIST_GAP.match(gap)
            or _SHARE.before(text, previous.end, f.start)
            or (own is not None and own.lower() != phrase.lower())  # a whole of its own
        ):
            break
        listed.append(j)
        previous = f
    if not listed or not _LIST_END.match(text[previous.end : previous.end + 40]):
        return []  # a share alone, with neither part nor whole, checks nothing
    out.extend(
        Relation(
            "share_of", j, None, None, figures[j].sentence_no, phrase=phrase, cues="respectively"
        )
        for j in listed
    )
    return out


def find_share_relations(text: str, figures: list[Figure]) -> list[Relation]:
    """``share_of`` relations among figures (indices into ``figures``) of one text."""
    relations: list[Relation] = []
    by_sentence: dict[int, list[int]] = {}
    for i, f in enumerate(figures):
        by_sentence.setdefault(f.sentence_no, []).append(i)
    for sentence_no, members in by_sentence.items():
        for pos, i in enumerate(members):
            share = figures[i]
            if share.unit != "percent":
                continue
            window_start = figures[members[pos - 1]].end if pos else max(0, share.start - 60)
            cue = _SHARE.before(text, window_start, share.start)
            if not cue or (cue.group("paren") and of_phrase(text, share.end) is None):
                continue  # "(5.5 percent of total)" is a share; "(5.5 percent)" alone is not
            if cue.group("paren"):  # "$290 million (5.5 percent of total)": the amount before
                before = [j for j in members[:pos] if figures[j].unit in _MEASURES]
                part_idx, whole_idx = (before[-1] if before else None), None
            else:
                part_idx, whole_idx = _part_and_whole(text, figures, members, pos)
            if part_idx is not None and clause_breaks(text, figures[part_idx].end, share.start):
                part_idx, whole_idx = None, None  # the amount is the other clause's
            if part_idx is None:
                relations.extend(_shares_without_part(text, figures, members, pos, cue))
                continue
            nearest = max(j for j in (part_idx, whole_idx) if j is not None and j < i)
            if is_change_amount(text, figures[nearest]):
                continue  # "a fall of $1.4 billion, or 16.7 percent" is a rate of change
            phrase = None if whole_idx is not None else of_phrase(text, share.end)
            relations.append(
                Relation(
                    "share_of",
                    i,
                    part_idx,
                    whole_idx,
                    sentence_no,
                    phrase=phrase,
                    cues=" ".join(cue.group(0).split()) or None,
                )
            )
    return relations
