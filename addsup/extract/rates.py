"""The rates of change of the amounts with a role (``addsup.extract.roles``).

A rate is a percentage with a word of change between the role word and the level ("exports
rose 6.1% to ..."), right after the level ("..., up 15.2%"), or just before the role word
("a 13.1 percent increase in exports to ..."); a change in money ("down by $2.01 billion")
right after a level counts too. It says year on year or month on month by the cue after
(or right before) it, or does not say.
"""

from __future__ import annotations

import re

from addsup.extract.amount_roles import ROLE_KEYS
from addsup.extract.figures import Figure
from addsup.extract.period_cues import MONTHS
from addsup.extract.role_words import ROLE, ROLE_KINDS, role_words, scope_of
from addsup.extract.roles import CHANGE_BEFORE, Rate, Role, same_money
from addsup.extract.scan import Scanner

_YEAR_AGO = re.compile(
    r"[^.;]{0,25}?\b(?:a\s+year\s+(?:ago|earlier|before)|(?:last|previous|prior)\s+year"
    r"|year[- ]earlier|(?:the\s+)?same\s+(?:period|month|quarter)\s+(?:of\s+|in\s+)?(?:last|the\s+previous|a)"
    r"|(?:the\s+)?same\s+(?:period|month|quarter)\s+(?:of|in)\s+(?:19|20)\d\d\b)",
    re.IGNORECASE,
)
_MONTH_AGO = re.compile(
    rf"[^.;]{{0,12}}?\b(?:in\s+{MONTHS}|(?:last|previous|prior|the\s+previous)\s+month"
    r"|a\s+month\s+(?:ago|earlier))",
    re.IGNORECASE,
)
_YOY = re.compile(
    r"year[- ]on[- ]year|\by-o-y\b|\byoy\b|on-year|\bannual|a\s+year\s+(?:ago|earlier|before)"
    r"|year[- ]earlier|(?:last|previous|prior)\s+year|same\s+(?:period|month|quarter)",
    re.IGNORECASE,
)
_MOM = re.compile(
    rf"month[- ]on[- ]month|\bm-o-m\b|\bmom\b|(?:previous|prior|preceding|last)\s+month"
    rf"|month\s+earlier|(?:versus|against|from|over|than)\s+(?:in\s+)?{MONTHS}\b",
    re.IGNORECASE,
)
# every match of _YOY, of _MOM holds one of these (a plain test before the slow patterns)
_YOY_WORDS = ("year", "yoy", "y-o-y", "annual", "same")
_MOM_WORDS = ("month", "m-o-m", "mom", *MONTHS.strip("(?:)").lower().split("|"))
_MORE_THAN = re.compile(r"\s+(?:more|less|higher|lower|above|below)\s+than\b", re.IGNORECASE)
_FALL = re.compile(
    r"\b(?:fell|fall|falling|fallen|declin\w*|drop\w*|decreas\w*|down|shr[ai]nk\w*|contract\w*"
    r"|slid|skid\w*|slump\w*|plung\w*|lower|dived|dove|narrow\w*|less|tumbl\w*|sank|sunk|dipp?\w*|slipp?\w*)\b",
    re.IGNORECASE,
)
_RISE = re.compile(
    r"\b(?:rose|ris\w*|increas\w*|grew|grow\w*|up|jump\w*|climb\w*|gain\w*|expan\w*|surg\w*"
    r"|soar\w*|advanc\w*|higher|widen\w*|more|leap\w*|spik\w*|rebound\w*|swell\w*|swollen)\b",
    re.IGNORECASE,
)

_FALL_SCAN = Scanner("(?i)" + _FALL.pattern)
_RISE_SCAN = Scanner("(?i)" + _RISE.pattern)


def _rate_kind(text: str, f: Figure, limit: int, lead: str = "") -> str | None:
    """Month on month or year on year by the cue after the rate (before ``limit``, the next
    figure), else by one right before it ("a month-on-month increase of 5.3 percent");
    None when the rate does not say."""
    end = min(limit, f.end + 45)
    for window in (text[f.end : end], lead[-35:]):
        low = window.lower()
        if any(w in low for w in _MOM_WORDS) and _MOM.search(window):
            return "mom"
        if any(w in low for w in _YOY_WORDS) and _YOY.search(window):
            return "yoy"
    return None


_RATE_BEFORE_ROLE = re.compile(
    r"\s*(?:[\w-]+\s+)?(?:increase|rise|decrease|fall|drop|gain|growth|decline|jump|contraction)"
    r"\s+in\s+(?:the\s+)?(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)


_STOP_OR_DIGIT = re.compile(r";|\d")
_AND_JOINED = re.compile(r"\s*,?\s*and\s+")
_AND = re.compile(r"\band\b")
_AND_LEAD = re.compile(r"[^,;:]{0,40}\band\s+")


def find_rates(
    text: str, sentences: list[tuple[int, int]], figures: list[Figure], roles: dict[int, Role]
) -> dict[int, list[Rate]]:
    """The rates of change of each level with a role, read in its clause: between the role
    word and the level ("exports rose 6.1% to ..."), right after the level ("..., up 15.2%"),
    or just before the role word ("a 13.1 percent increase in exports to ...")."""
    out: dict[int, list[Rate]] = {}
    for i in sorted(roles):
        f = figures[i]
        s_start, s_end = sentences[f.sentence_no] if sentences else (0, len(text))
        cue = None
        for m in role_words(text, max(s_start, f.start - 150), f.start):
            cue = m
        others = [j for j in roles if j != i and figures[j].sentence_no == f.sentence_no]
        floor = max([s_start, *(figures[j].end for j in others if figures[j].end <= f.start)])
        left = max(cue.start() if cue else f.start, floor)
        found: list[Rate] = []
        direction = last_end = 0
        for j, g in enumerate(figures):
            if g.sentence_no != f.sentence_no:
                continue
            amount = (
                g.unit != "percent"
                and j not in roles
                and f.end <= g.start
                and same_money(g, f)
                and (
                    bool(CHANGE_BEFORE.search(text, max(f.end, g.start - 30), g.start))
                    or bool(_MORE_THAN.match(text, g.end))  # "$1.2 billion more than June's"
                )
            )
            if g.unit != "percent" and not amount:
                continue
            if left <= g.start < f.start:
                lead = text[max(left, g.start - 40) : g.start]
                trail = text[g.end : min(g.end + 30, f.start)]
            elif f.end <= g.start:
                gap = text[max(f.end, last_end) : g.start]
                if (
                    len(gap) > 45
                    or _STOP_OR_DIGIT.search(gap)
                    or (ROLE_KEYS.near(text, f.end, g.start) and ROLE.search(gap))
                ):
                    continue
                joined = found and _AND_JOINED.fullmatch(gap)  # "to $30 billion and 2%"
                if _AND.search(gap) and not (last_end or joined):
                    continue  # "..., up 9.1% on the month and up 22.6% on the year" chains
                last_end = g.end
                lead, trail = gap, text[g.end : min(g.end + 30, s_end)]
            elif cue and floor <= g.start and _RATE_BEFORE_ROLE.fullmatch(text, g.end, cue.start()):
                lead, trail = text[max(floor, g.start - 40) : g.start], text[g.end : cue.start()]
            else:
                continue
            d = _direction(lead) or _direction(trail)
            if not d and direction and _AND_LEAD.fullmatch(lead[-45:] or ""):
                d = direction  # "grew 5.7% on the month and 15.8% on the year"
            if not d:
                continue  # no word of change: a share or a ratio, not a rate
            direction = d
            limit = figures[j + 1].start if j + 1 < len(figures) else s_end
            kind = _rate_kind(text, g, min(limit, s_end), lead)
            found.append(Rate(j, direction, kind, amount))
        if found:
            out[i] = found
    _rates_without_levels(text, sentences, figures, roles, out)
    return out


_OBJECT = re.compile(r"\b(?:on|in|of|for|from|to|into|with)\s+(?:the\s+)?$", re.IGNORECASE)
_RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)
_LEVEL_BEFORE = 4  # sentences back where a rate without a level finds its level


_LISTED_GAP = re.compile(r"\s*(?:,|and|,\s*and)\s*")
_HEAD_BREAK = re.compile(r";|,\s*(?:while|whereas|but)\b")


def _rates_without_levels(
    text: str,
    sentences: list[tuple[int, int]],
    figures: list[Figure],
    roles: dict[int, Role],
    out: dict[int, list[Rate]],
) -> None:
    """Rates whose clause names a role but no level go with the latest level of that role
    and scope: "The surplus shrank 38.2 percent from a year earlier" (the surplus of the
    sentence before); "imports and total trade grew by 3.9 per cent and 0.4 per cent,
    respectively" (one rate for each role, in order)."""
    used = {r.index for rates in out.values() for r in rates}
    groups: list[list[int]] = []
    for j, g in enumerate(figures):
        if g.unit != "percent" or j in used:
            continue
        last = groups[-1][-1] if groups else None
        if (
            last is not None
            and figures[last].sentence_no == g.sentence_no
            and _LISTED_GAP.fullmatch(text[figures[last].end : g.start])
        ):
            groups[-1].append(j)
        else:
            groups.append([j])
    for group in groups:
        first, end = figures[group[0]], figures[group[-1]].end
        s_start, s_end = sentences[first.sentence_no] if sentences else (0, len(text))
        if not ROLE_KEYS.near(text, s_start, first.start):
            continue  # no role named before it in its sentence (the head below is within)
        before = [f for f in figures if s_start <= f.end <= first.start]
        head_start = max([s_start, *(f.end for f in before)])
        for sep in _HEAD_BREAK.finditer(text[head_start : first.start]):
            head_start = head_start + sep.end()
        if not ROLE_KEYS.near(text, head_start, first.start):
            continue  # no role named: a rate of something else
        head = text[head_start : first.start]
        direction = _direction(head[-40:])
        if not direction:
            continue
        words = role_words(text, head_start, first.start)
        if words and _OBJECT.search(text, head_start, words[-1].start()):
            continue  # "spent $55 billion on imports, up 24.2%": the rate of that amount
        if len(group) > 1:
            # "respectively" ends the sentence, or this list
            if not _RESPECTIVELY.search(text, end, s_end) or len(words) < len(group):
                continue
            words = words[-len(group) :]
        else:
            words = words[-1:]
        if len(words) != len(group):
            continue  # no role named: a rate of something else
        kind = _rate_kind(text, figures[group[-1]], s_end, head)
        for j, m in zip(group, words, strict=True):
            role = next(k for k in ROLE_KINDS if m.group(k))
            scope = scope_of(text, m, s_start)
            same = [
                i
                for i in sorted(roles)
                if roles[i].kind == role and roles[i].scope == scope and not roles[i].base
            ]
            # the latest level before, else one in the next sentence ("... as export growth
            # moderated to 1.6%. Exports stood at $84.8 billion.")
            level = next(
                (
                    i
                    for i in reversed(same)
                    if figures[i].start < first.start
                    and first.sentence_no - figures[i].sentence_no <= _LEVEL_BEFORE
                ),
                next(
                    (
                        i
                        for i in same
                        if figures[i].start > first.start
                        and figures[i].sentence_no - first.sentence_no <= 1
                    ),
                    None,
                ),
            )
            if level is None or any(r.kind == kind for r in out.get(level, [])):
                continue
            out.setdefault(level, []).append(Rate(j, direction, kind))


def _ends(pattern: re.Pattern[str], scanner: Scanner, words: str) -> list[int]:
    """Where the matches of ``pattern`` end; RE2 (``scanner``, the same pattern) reads ASCII
    text alike and far faster."""
    if words.isascii():
        return [e for _, e in scanner.spans(words)]
    return [m.end() for m in pattern.finditer(words)]


def _direction(words: str) -> int:
    fall = _ends(_FALL, _FALL_SCAN, words)
    rise = _ends(_RISE, _RISE_SCAN, words)
    if not fall and not rise:
        return 0
    return -1 if max(fall, default=-1) > max(rise, default=-1) else 1


def base_kind(text: str, f: Figure) -> str | None:
    """What a base level is compared over: "a year ago" (yoy), "in August" (mom)."""
    after = text[f.end : f.end + 45]
    if _YEAR_AGO.match(after):
        return "yoy"
    if _MONTH_AGO.match(after):
        return "mom"
    return None
