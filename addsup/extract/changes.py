"""Relations of change: ``growth`` (a level against an earlier one) and ``pp_difference``
(a gap in percentage points between two rates)."""

from __future__ import annotations

import re

from addsup.extract.cues import Cue
from addsup.extract.figures import Figure
from addsup.extract.relations import Relation, clause_breaks

_QUAL = r"(?:(?:about|around|roughly|approximately|some|nearly|almost|over|more\s+than|at\s+least|up\s+to|less\s+than|under)\s+)?"
_RISE = (
    r"rose|rise|rising|risen|increased|increase|increasing|grew|grow|growing|growth(?:\s+rate)?"
    r"|up|jumped|jump|climbed|climb|gained|gain|expanded|expansion|surged|surge|soared|advanced"
    r"|higher\s+by|skyrocketed"
)
_FALL = (
    r"fell|fall|falling|fallen|declined|decline|declining|dropped|drop|decreased|decrease"
    r"|down|shrank|shrink|contracted|contraction|slid|slump|slumped|plunged|plunge|lower\s+by"
)
_GROWTH_CUE = re.compile(
    rf"\b(?<!taken\s)(?<!took\s)(?<!take\s)(?<!takes\s)(?<!made\s)(?<!make\s)(?<!makes\s)(?:(?P<rise>{_RISE})|(?P<fall>{_FALL}))(?:\s+(?:of|by))?\s+{_QUAL}$",
    re.IGNORECASE,
)
_GAP_AFTER = re.compile(
    r"\s+(?:(?P<up>higher|more|above|greater|faster|over)|(?P<down>lower|less|below|smaller|slower|under))"
    r"(?:\s+than)?(?P<rest>[^,.;:]*)",
    re.IGNORECASE,
)
_THAN_PHRASE = re.compile(r"^\s*(?:that\s+of\s+)?((?:[\w'’-]+\s*){1,6})", re.IGNORECASE)
_TO = re.compile(r"\bto\s+" + _QUAL + r"$", re.IGNORECASE)
_FROM = re.compile(
    r"\b(?:from|compared\s+(?:with|to)|against)\s+(?:the\s+)?" + _QUAL + r"$", re.IGNORECASE
)
_GROWTH = Cue(
    _GROWTH_CUE,
    (
        "ros",
        "ris",
        "increas",
        "grew",
        "grow",
        "up",
        "jump",
        "climb",
        "gain",
        "expan",
        "surg",
        "soar",
        "advanc",
        "fell",
        "fall",
        "declin",
        "drop",
        "decreas",
        "down",
        "shr",
        "contract",
        "slid",
        "slump",
        "plung",
        "higher",
        "lower",
        "skyrocket",
    ),
    starts=True,
    remember=True,  # read again by ``growth_rates``
)
_TO_CUE = Cue(_TO, ("to",), starts=True)
_FROM_CUE = Cue(_FROM, ("from", "compared", "against"), starts=True)
_PARENTHESIS = Cue(re.compile(r"\(\s*" + _QUAL + r"$", re.IGNORECASE), ("(",), starts=True)
_MEASURES = frozenset({"currency", "count"})
_TIMES_THE = re.compile(
    r"(?:\s*(?:times|-?fold))?\s+(?:the|that\s+of|as\s+(?:much|large|high|big)\s+as)\b",
    re.IGNORECASE,
)
_RATE_THAN = re.compile(
    r"\s+(?:(?P<up>higher|more|above|greater)|(?P<down>lower|less|below|smaller))\s+than\b",
    re.IGNORECASE,
)


def _cue(cue: Cue, text: str, f: Figure, reach: int = 40) -> bool:
    return bool(cue.before(text, max(0, f.start - reach), f.start))


def _in_parentheses(text: str, f: Figure) -> bool:
    return bool(_PARENTHESIS.before(text, max(0, f.start - 20), f.start))


def find_change_relations(
    text: str, figures: list[Figure], members: list[int], shares: frozenset[int] = frozenset()
) -> list[Relation]:
    """``growth`` and ``pp_difference`` relations among one sentence's figures.

    ``shares`` are figures already read as shares ("making up 40 percent" is not a rise).
    """
    out: list[Relation] = []
    for pos, i in enumerate(members):
        f = figures[i]
        if i in shares:
            continue
        window = figures[members[pos - 1]].end if pos else max(0, f.start - 80)
        multiple = is_multiple(f)
        if f.unit == "percent" or multiple:
            m = _GROWTH.before(text, window, f.start)
            rel = (
                _growth(text, figures, members, pos, -1 if m.group("fall") else 1, m.group(0))
                if m
                else None
            )
            if rel is None and multiple and _TIMES_THE.match(text, f.end):
                rel = _times_the(figures, members, pos)
            if rel is None and f.unit == "percent":
                rel = _than(text, figures, members, pos)
            if rel:
                out.append(rel)
        elif f.unit == "percentage_point":
            rel = _gap(text, figures, members, pos)
            if rel:
                out.append(rel)
    return out


def growth_rates(text: str, figures: list[Figure]) -> list[tuple[int, int]]:
    """(figure, direction) of every percent a verb of change introduces ("rose 6.8 percent")."""
    out = []
    for i, f in enumerate(figures):
        if f.unit != "percent":
            continue
        m = _GROWTH.before(text, max(0, f.start - 40), f.start)
        if m:
            out.append((i, -1 if m.group("fall") else 1))
    return out


def is_multiple(f: Figure) -> bool:
    """ "1.4 times", "2.8-fold": a multiple, whatever unit the extractor gave it."""
    return f.unit == "multiple" or (f.noun or "").lower() in ("times", "fold")


def _times_the(figures: list[Figure], members: list[int], pos: int) -> Relation | None:
    """ "X, 162.4 times the Y": a ratio X / Y (the cue ``times the`` says: no other reading)."""
    i = members[pos]
    before = [j for j in members[:pos] if figures[j].unit in _MEASURES]
    after = [j for j in members[pos + 1 :] if figures[j].unit in _MEASURES]
    if not before or not after:
        return None
    a, b = figures[before[-1]], figures[after[0]]
    if a.unit != b.unit or a.currency != b.currency:
        return None
    return Relation(
        "growth",
        i,
        before[-1],
        after[0],
        figures[i].sentence_no,
        1,
        phrase="times the",
        cues="times the",
    )


def _than(text: str, figures: list[Figure], members: list[int], pos: int) -> Relation | None:
    """ "X, 2.4 percent lower than last year's Y": X against Y."""
    i = members[pos]
    m = _RATE_THAN.match(text, figures[i].end)
    if not m:
        return None
    before = [j for j in members[:pos] if figures[j].unit in _MEASURES]
    after = [
        j
        for j in members[pos + 1 :]
        if figures[j].unit in _MEASURES and figures[j].start - m.end() < 40
    ]
    if not before or not after:
        return None
    a, b = figures[before[-1]], figures[after[0]]
    if a.unit != b.unit or a.currency != b.currency:
        return None
    direction = 1 if m.group("up") else -1
    return Relation(
        "growth",
        i,
        before[-1],
        after[0],
        figures[i].sentence_no,
        direction,
        cues=m.group(0).strip(),
    )


def _growth(
    text: str, figures: list[Figure], members: list[int], pos: int, direction: int, cue: str
) -> Relation | None:
    i = members[pos]
    after = [j for j in members[pos + 1 :] if figures[j].unit in _MEASURES]
    before = [
        j
        for j in members[:pos]
        if figures[j].unit in _MEASURES
        and not _in_parentheses(text, figures[j])
        # parallel clauses keep their own sides: "A fell to X from Y, while B rose 30 percent"
        and not clause_breaks(text, figures[j].end, figures[i].start)
    ]
    after = [j for j in after if not clause_breaks(text, figures[i].end, figures[j].start)]
    previous = next((j for j in [*after, *before] if _cue(_FROM_CUE, text, figures[j])), None)
    current = next((j for j in after if _cue(_TO_CUE, text, figures[j])), None)
    if current is None:
        current = next((j for j in reversed(before) if j != previous), None)
    if current is not None and previous is not None:
        a, b = figures[current], figures[previous]
        if a.unit != b.unit or a.currency != b.currency:
            previous = None
    if current is None and previous is None:
        return None  # "grew 78.2 percent": no level, nothing to check
    cues = " ".join(cue.split())
    return Relation("growth", i, current, previous, figures[i].sentence_no, direction, cues=cues)


def _gap(text: str, figures: list[Figure], members: list[int], pos: int) -> Relation | None:
    i = members[pos]
    f = figures[i]
    m = _GAP_AFTER.match(text, f.end)
    if not m:
        return None
    direction = 1 if m.group("up") else -1
    rates_before = [j for j in members[:pos] if figures[j].unit == "percent"]
    rates_after = [j for j in members[pos + 1 :] if figures[j].unit == "percent"]
    a = rates_before[-1] if rates_before else None
    if a is None:
        return None
    b = rates_after[0] if rates_after else None
    phrase = None
    if b is None:
        p = _THAN_PHRASE.match(m.group("rest"))
        phrase = p.group(1).strip() if p else None
    cue = " ".join(m.group(0).split()[:2])
    return Relation("pp_difference", i, a, b, f.sentence_no, direction, phrase, cues=cue)
