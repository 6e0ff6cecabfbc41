"""``magnitude`` relations: two amounts of one kind whose order or size the text asserts.

* a comparison: "X, lower than the Y", "X is larger than Y" (X below / above Y); "X, up from
  Y" / "X, down from Y"; where X is not in the sentence ("The figures were still lower than
  Y"), the levels of the two sentences before that are not themselves earlier levels ("from
  Y", "a year earlier") are the readings, and the check tries each;
* a ranking: "the largest buyer with X, followed by B with Y" (Y not above X);
* a comparison without a direction ("X, compared with Y"): the check asks only that the two
  are not a thousand times apart, which no comparison of one measure means.

``direction`` is +1 when the stated figure must be the larger, -1 the smaller, 0 for
neither; ``b`` is the other amount, ``members`` the other readings of it; ``phrase`` keeps
the cue words.
"""

from __future__ import annotations

import re

from addsup.extract.cues import Cue, Keys
from addsup.extract.figures import Figure
from addsup.extract.relations import Relation

_AMOUNTS = frozenset({"currency", "count"})
_QUAL = r"(?:(?:about|around|roughly|approximately|some|nearly|almost|just)\s+)?"
_LOWER = r"lower|less|smaller|below|fewer"
_HIGHER = r"higher|larger|bigger|greater|above"
# "X ..., lower than the Y": the comparative and "than" just before Y
_THAN = re.compile(
    rf"\b(?:(?P<low>{_LOWER})|(?P<high>{_HIGHER}))\s+than\s+(?:that\s+of\s+)?(?:the\s+|a\s+)?{_QUAL}$",
    re.IGNORECASE,
)
_THAN_CUE = Cue(_THAN, ("than",))
# "X, up from Y" / "X, down from Y"
_FROM = re.compile(
    r"\b(?:(?P<high>up)|(?P<low>down))\s+from\s+(?:the\s+|a\s+)?" + _QUAL + "$", re.I
)
_FROM_CUE = Cue(_FROM, ("from",))
_FOLLOWED = re.compile(r"\bfollowed\s+by\b[^,;:.]{0,40}?\bwith\s+" + _QUAL + "$", re.IGNORECASE)
_FOLLOWED_CUE = Cue(_FOLLOWED, ("followed",), starts=True)
_COMPARED = re.compile(
    r"\b(?:compared\s+(?:with|to)|versus|against|as\s+against)\s+(?:the\s+|a\s+)?" + _QUAL + "$",
    re.IGNORECASE,
)
_COMPARED_CUE = Cue(_COMPARED, ("compared", "versus", "against", "as"), starts=True)
# every cue above holds one of these
_CUE_WORDS = Keys("than", r"(?:up|down)\s+from", "followed", "compared", "versus", "against")
# an earlier level: not what "the figure" of the next sentence refers back to
_EARLIER = re.compile(
    r"(?:\bfrom|\bcompared\s+(?:with|to)|\bagainst|\bversus)\s+(?:the\s+|a\s+)?" + _QUAL + "$",
    re.IGNORECASE,
)
_EARLIER_AFTER = re.compile(r"^[^,;.]{0,30}\b(?:a|one|the\s+previous)\s+year\s+(?:earlier|ago)")
_BACK = 2  # sentences a comparison without its first side looks back
# the first side named by a word that points back: "The figures were still lower than ..."
_POINTS_BACK = re.compile(
    r"\b(?:the\s+figures?|this|that|these|it|the\s+(?:surplus|deficit|total|amount|value|sum|level))\b",
    re.IGNORECASE,
)


def _same_kind(x: Figure, y: Figure) -> bool:
    return x.unit == y.unit and x.currency == y.currency and x.unit in _AMOUNTS


def _earlier_level(text: str, f: Figure) -> bool:
    return bool(_EARLIER.search(text, max(0, f.start - 30), f.start)) or bool(
        _EARLIER_AFTER.match(text[f.end : f.end + 50])
    )


def _cue_words(text: str, m: re.Match[str]) -> str:
    return " ".join(text[m.start() : m.end()].split())


def find_comparisons(text: str, figures: list[Figure]) -> list[Relation]:
    """``magnitude`` relations among the amounts of ``text`` (indices into ``figures``)."""
    out: list[Relation] = []
    seen: set[int] = set()
    for j, y in enumerate(figures):
        if y.unit not in _AMOUNTS or j in seen:
            continue
        if not _CUE_WORDS.near(text, max(0, y.start - 80), y.start):
            continue  # no cue can end at it
        window = max(0, y.start - 60)

        def before(j: int = j, y: Figure = y) -> list[int]:
            return [
                i
                for i in range(j)
                if figures[i].sentence_no == y.sentence_no and _same_kind(figures[i], y)
            ]

        rel = None
        if m := _THAN_CUE.before(text, window, y.start):
            direction = -1 if m.group("low") else 1
            readings = before()[-1:]
            if not readings and _POINTS_BACK.search(
                text, _sentence_start(figures, j, text), m.start()
            ):
                readings = _referents(text, figures, j)
            rel = _relation(readings, j, y, direction, _cue_words(text, m))
        elif (m := _FROM_CUE.before(text, window, y.start)) and (b := before()):
            rel = _relation(b[-1:], j, y, 1 if m.group("high") else -1, _cue_words(text, m))
        elif (m := _FOLLOWED_CUE.before(text, max(0, y.start - 80), y.start)) and (b := before()):
            rel = _relation(b[-1:], j, y, 1, _cue_words(text, m))
        elif (m := _COMPARED_CUE.before(text, window, y.start)) and (b := before()):
            rel = _relation(b[-1:], j, y, 0, _cue_words(text, m))
        if rel is not None:
            out.append(rel)
            seen.add(rel.stated)
    return out


def _relation(readings: list[int], j: int, y: Figure, direction: int, cue: str) -> Relation | None:
    """X (the first reading) stands ``direction`` of Y; the other readings are members."""
    if not readings:
        return None
    x = readings[0]
    return Relation(
        "magnitude", x, x, j, y.sentence_no, direction, members=tuple(readings[1:]), cues=cue
    )


def _sentence_start(figures: list[Figure], j: int, text: str) -> int:
    """Where the sentence of ``figures[j]`` starts (after the last stop before it)."""
    y = figures[j]
    stop = max(text.rfind(c, 0, y.start) for c in ".!?\n")
    return stop + 1 if stop >= 0 else 0


def _referents(text: str, figures: list[Figure], j: int) -> list[int]:
    """The levels "the figure" may refer back to: amounts of Y's kind in the ``_BACK``
    sentences before Y's, latest first, that are not earlier levels themselves."""
    y = figures[j]
    return [
        i
        for i in range(j - 1, -1, -1)
        if y.sentence_no - _BACK <= figures[i].sentence_no < y.sentence_no
        and _same_kind(figures[i], y)
        and not _earlier_level(text, figures[i])
    ]
