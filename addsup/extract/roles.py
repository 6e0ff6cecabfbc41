"""The roles of the amounts of a trade or budget story, and their rates of change.

Each amount is given a role by the last role word before it in its clause (or a role word
right after it: "a $3.25 billion trade deficit"): exports (or revenue), imports (or spending),
a surplus, a deficit, total trade. Its scope is the word that qualifies the role word
("merchandise exports", "exports of steel") and the partner it names ("exports to Japan"),
read by ``addsup.extract.role_words``; its period kind (one month, some days, or months added up) is the period cue nearest to it
in its sentence (or the sentence before). An amount after "as against", "compared with",
"from", "vs" is a base: a year-earlier level of the role before it.
"""

from __future__ import annotations

import bisect
import re
from copy import copy
from dataclasses import dataclass

from addsup.extract.amount_roles import ROLE_KEYS
from addsup.extract.cues import Keys, Words
from addsup.extract.figures import Figure
from addsup.extract.period_cues import SentenceCues, period_of
from addsup.extract.role_words import ROLE_KINDS, STOP_WORDS, norm, role_words, scope_of

_OVERALL = re.compile(
    r"\b(?:overall|total|global|worldwide|all)\s+(?:[\w-]+\s+)?(?:exports?|imports?|shipments)"
    r"(?:\s+\S+){0,8}\s*$",
    re.IGNORECASE,
)
_OVERALL_WORDS = Words("overall", "total", "global", "worldwide", "all")
_LABEL = re.compile(r"\W*[A-Z][\w ]{0,30}:\s*")
_ROLE_AFTER = re.compile(
    r"\s*(?:[-‐]?\s*)?(?:\([^()]{0,40}\)\s*)?(?:in\s+)?(?:trade\s+|budget\s+)?(?P<r>surplus|deficit)\b",
    re.I,
)
_BALANCE_WORD = re.compile(r"(?P<modifier>[\w-]+)\s+(?:trade\s+)?balance\b[^,;]*$", re.I)
_GAPPED = re.compile(r"[^.;:\d]{0,40}\band\s+(?:a\s+|an\s+)?", re.IGNORECASE)
_CHANGE_AFTER = re.compile(r"\s+to\s+(?:a\s+|an\s+)?(?:record\s+)?(?:[$¥€£]|[A-Z]{2,3}\$?\s?)?\d")
_BASE_BEFORE = re.compile(
    r"(?:\bas\s+against|\bcompared\s+(?:with|to)|\bagainst|\bfrom|\bvs\.?|\bversus|\bthan)"
    r"\s+(?:the\s+)?(?:a\s+)?$",
    re.IGNORECASE,
)
# every match of _BASE_BEFORE, of CHANGE_BEFORE starts with one of these
_BASE_KEYS = Words("as", "against", "compared", "from", "vs", "versus", "than")
CHANGE_KEYS = Words(
    "up",
    "down",
    "rose",
    "fell",
    "increase",
    "decrease",
    "grew",
    "drop",
    "widened",
    "narrowed",
    "rise",
    "fall",
    "growth",
)
CHANGE_BEFORE = re.compile(
    r"\b(?:up|down|rose|fell|increased|decreased|grew|dropped|widened|narrowed|rise|fall"
    r"|increase|decrease|growth|drop)\s+(?:by\s+)?(?:of\s+)?(?:some\s+|about\s+)?$",
    re.IGNORECASE,
)
_PARTNER_AFTER = re.compile(
    r"[^,;.]{0,30}?\s+with\s+(?:the\s+|all\s+of\s+)?(?P<partner>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)"
)
_PARTNER_BEFORE = re.compile(
    r"\b[Ww]ith\s+(?:(?:its|their)\s+[a-z][\w\s]*?,\s+)?(?:the\s+)?"
    r"(?P<partner>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)"
)
_MEASURES = frozenset({"currency", "count"})
_ASIDE = re.compile(r"\([^()]*\)\s*")  # "(seasonally adjusted) "
_RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)
_LISTED_GAP = re.compile(r"\s*(?:,|and|,\s*and)\s*")


@dataclass(frozen=True, slots=True)
class Role:
    """What an amount is in a trade or budget story."""

    kind: str  # x exports/revenue, m imports/spending, s surplus, d deficit, t total trade
    scope: tuple[str, str]  # (qualifying word, partner)
    base: bool  # a year-earlier level ("as against $422 billion")
    period: str | None  # "month", "cumulative" or None (not said)
    cue: str  # the words that gave the role
    listed: bool = False  # in a "Label: $5 billion" line of a table, not in a sentence
    overall: bool = False  # "overall exports", "total imports": never a partner's share


@dataclass(frozen=True, slots=True)
class Rate:
    index: int
    direction: int
    kind: str | None  # "yoy", "mom", or None: not said
    amount: bool = False  # a change in money ("down by $2 billion"), not a rate


_RUN_ON = re.compile(r"(?<=[A-Za-z)\]”\"])[.!?](?=[A-Z“\"][a-z])")
_RUN_ON_KEYS = Keys(r"[.!?][A-Z“\"]")


def _refined(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences, also split where a full stop has no space after it ("said.Imports")."""
    spans = sentences or [(0, len(text))]
    if not _RUN_ON_KEYS.near(text, 0, len(text)):
        return list(spans)
    out = []
    for start, end in spans:
        if not _RUN_ON_KEYS.near(text, start, end):
            out.append((start, end))
            continue
        for m in _RUN_ON.finditer(text, start, end):
            out.append((start, m.end()))
            start = m.end()
        out.append((start, end))
    return out


def renumber(
    text: str, sentences: list[tuple[int, int]], figures: list[Figure]
) -> tuple[list[Figure], list[tuple[int, int]]]:
    """The figures numbered by the refined sentences: copies of those whose number changes
    (the extractor's stay as they are)."""
    spans = _refined(text, sentences)
    starts = [s for s, _ in spans]
    out = []
    for f in figures:
        n = max(0, bisect.bisect_right(starts, f.start) - 1)
        if n != f.sentence_no:
            f = copy(f)
            f.sentence_no = n
        out.append(f)
    return out, spans


def _aside(text: str, start: int, at: int, end: int) -> bool:
    """Whether ``at`` is inside a dash or bracket aside between ``start`` and ``end``:
    "the trade gap — the difference between exports and imports — was up from ..." """
    before, after = text[start:at], text[at:end]
    return (before.count("—") % 2 == 1 and "—" in after) or before.count("(") > before.count(")")


def _base(text: str, f: Figure, s_start: int) -> bool:
    """A year-earlier level: "as against $391 billion"."""
    return bool(_BASE_KEYS.search(_BASE_BEFORE, text[max(s_start, f.start - 40) : f.start]))


_TO_BEFORE = re.compile(r"\bto\s+$")


def _change(text: str, f: Figure, s_start: int) -> bool:
    """An amount of change, not a level: "increased $0.7 billion", "(+$1.1 billion)"."""
    h_start = max(s_start, f.start - 40)
    return (
        (
            CHANGE_KEYS.search(CHANGE_BEFORE, text[h_start : f.start])
            and not _TO_BEFORE.search(text[h_start : f.start])
        )
        or bool(_CHANGE_AFTER.match(text, f.end))  # "a decrease of $1.6 billion to $73.7 billion"
        or f.surface[:1] in "+-−"  # "(+$1.1 billion)"
        or text[max(0, f.start - 1) : f.start] in ("+", "-", "−")
    )


def _settled(
    text: str,
    sentences: list[tuple[int, int]],
    figures: list[Figure],
    previous: int | None,
    pending: list[int],
) -> int | None:
    """The last amount that is not a change, of ``previous`` and the ``pending`` after it."""
    for k in reversed(pending):
        g = figures[k]
        if not _change(text, g, sentences[g.sentence_no][0] if sentences else 0):
            previous = k
            break
    pending.clear()
    return previous


def find_roles(
    text: str, sentences: list[tuple[int, int]], figures: list[Figure]
) -> dict[int, Role]:
    roles: dict[int, Role] = {}
    cues = SentenceCues(text, sentences)
    previous: int | None = None  # the amount before, for a base that names no role
    # amounts after ``previous`` not yet read for a change: an amount with no role word
    # near it takes no role unless ``previous`` has one, and is read only when that matters
    pending: list[int] = []
    for i, f in enumerate(figures):
        if f.unit not in _MEASURES:
            continue
        s_start, s_end = sentences[f.sentence_no] if sentences else (0, len(text))
        # ROLE_KEYS hold "surplus" and "deficit" too: with none near, neither reading holds
        worded = ROLE_KEYS.near(text, max(s_start, f.start - 150), f.end + 200)
        after = worded and _ROLE_AFTER.match(text, f.end)
        if not (
            after or (worded and ROLE_KEYS.near(text, max(s_start, f.start - 150), f.start))
        ) and (previous is None or previous not in roles):
            pending.append(i)
            continue
        previous = _settled(text, sentences, figures, previous, pending)
        floor = max(s_start, f.start - 150)
        if previous is not None and figures[previous].sentence_no == f.sentence_no:
            floor = max(floor, figures[previous].end)
        change = _change(text, f, s_start)
        found = None
        if after:
            kind = "s" if after.group("r").lower() == "surplus" else "d"
            partner = _PARTNER_AFTER.match(text, after.end())
            named = _BALANCE_WORD.search(text[s_start : f.start])
            modifier = named.group("modifier").lower() if named else ""
            scope = (
                "" if modifier in STOP_WORDS else norm(modifier),
                norm(partner.group("partner")) if partner else "",
            )
            found = (kind, scope, _ASIDE.sub("", after.group(0)).strip(), None)
        else:
            last = None
            for m in role_words(text, floor, f.start):
                if not _aside(text, floor, m.start(), f.start):
                    last = m
            if last is not None:
                kind = next(k for k in "sdxmt" if last.group(k))
                scope = scope_of(text, last, s_start)
                if kind in "sd":
                    partner = _PARTNER_AFTER.match(text, f.end)
                    if partner and not scope[1]:
                        scope = (scope[0], norm(partner.group("partner")))
                found = (kind, scope, last.group(0), None)
            elif previous is not None and previous in roles:
                prior = roles[previous]
                gap = text[figures[previous].end : f.start]
                if len(gap) < 60 and _base(
                    text, f, s_start
                ):  # "$422 billion as against $391 billion"
                    found = (prior.kind, prior.scope, prior.cue, None)
                elif not prior.base and _GAPPED.fullmatch(gap):
                    # "a surplus of $2.2 billion in May and $9.8 billion in five months"
                    found = (prior.kind, prior.scope, prior.cue, None)
        if not change:  # "increased $0.7 billion to $55.1 billion": the role goes past it
            previous = i
        if found is None or change:
            continue
        kind, scope, cue, _ = found
        base = _base(text, f, s_start)
        if kind in "sd" and not scope[1]:
            # "With the European Union, Japan had a deficit of ..."
            named = _PARTNER_BEFORE.search(text, s_start, f.start)
            if named:
                scope = (scope[0], norm(named.group("partner")))
        period = period_of(cues[f.sentence_no], f) if sentences else None
        line = text[text.rfind("\n", 0, f.start) + 1 : f.start]
        o_start = max(s_start, f.start - 100)
        whole = _OVERALL_WORDS.near(text, o_start, f.start) and bool(
            _OVERALL.search(text, o_start, f.start)
        )
        roles[i] = Role(kind, scope, base, period, cue, bool(_LABEL.fullmatch(line)), whole)
    _respectively(text, sentences, figures, roles, cues)
    return roles


def _respectively(
    text: str,
    sentences: list[tuple[int, int]],
    figures: list[Figure],
    roles: dict[int, Role],
    cues: SentenceCues,
) -> None:
    """ "Exports and imports stood at $84.8 billion and $77.2 billion, respectively": the
    listed roles go to the listed amounts, in order."""
    if not _RESPECTIVELY_KEYS.near(text, 0, len(text)):
        return
    for m in _RESPECTIVELY.finditer(text):
        listed = [
            i
            for i, f in enumerate(figures)
            if f.unit in _MEASURES
            and f.end <= m.start()
            and sentences
            and sentences[f.sentence_no][0] <= f.start
            and f.sentence_no == _sentence_of(sentences, m.start())
        ]
        run = listed[-1:]
        for i in reversed(listed[:-1]):
            gap = text[figures[i].end : figures[run[0]].start]
            if not _LISTED_GAP.fullmatch(gap):
                break
            run.insert(0, i)
        if len(run) < 2:
            continue
        s_start = sentences[figures[run[0]].sentence_no][0]
        words = role_words(text, s_start, figures[run[0]].start)[-len(run) :]
        if len(words) != len(run):
            continue
        if not all(
            _LISTED.fullmatch(text, a.end(), b.start())
            for a, b in zip(words, words[1:], strict=False)
        ):
            continue  # "Exports and imports ...": the roles are listed together
        for i, w in zip(run, words, strict=True):
            f = figures[i]
            kind = next(k for k in ROLE_KINDS if w.group(k))
            period = period_of(cues[f.sentence_no], f)
            roles[i] = Role(kind, scope_of(text, w, s_start), False, period, w.group(0))


_RESPECTIVELY_KEYS = Keys("respectively")
_LISTED = re.compile(r"\s*(?:,|and|,\s*and)\s*(?:the\s+)?")


def _sentence_of(sentences: list[tuple[int, int]], at: int) -> int:
    return max(0, bisect.bisect_right([s for s, _ in sentences], at) - 1)


def same_money(a: Figure, b: Figure) -> bool:
    """Same unit and currency; "¥" amounts of one passage are one currency, whichever the
    extractor guessed for each."""
    if a.unit != b.unit:
        return False
    return a.currency == b.currency or (
        a.surface.lstrip("+-").startswith("¥") and b.surface.lstrip("+-").startswith("¥")
    )
