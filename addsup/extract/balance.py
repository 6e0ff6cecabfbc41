"""``balance`` and ``growth_of_total``: exports, imports and what they make, across a passage.

Each amount is given a role by the last role word before it in its clause (or a role word
right after it: "a $3.25 billion trade deficit"): exports (or revenue), imports (or spending),
a surplus, a deficit, total trade. Its scope is the word that qualifies the role word
("merchandise exports", "exports of steel") and the partner it names ("exports to Japan");
its period kind (one month, or months added up) is the period cue nearest to it in its
sentence. An amount after "as against", "compared with", "from", "vs" is a base: a
year-earlier level of the role before it.

A ``balance`` links a stated surplus or deficit to exports and imports of the same currency,
scope, base and period kind, anywhere in the passage: every pair is a reading; the first
that agrees within rounding (nearest first) is kept, else the nearest, and ``readings``
says how many were tried (a failure among several readings is only a warning).

A ``growth_of_total`` links a total (or a balance) and its rate of change to exports and
imports each with their level and rate of the same kind (year on year, or month on month):
the parts' levels over their rates give the previous total, which the total's rate must
reach. ``members`` are (level, rate) pairs; ``signs`` give each level's sign in the total
(+1 for a total, exports - imports for a surplus, imports - exports for a deficit) and
each rate's direction.
"""

from __future__ import annotations

import bisect
import re
from copy import copy
from dataclasses import dataclass, replace
from itertools import product

from addsup.extract.figures import Figure
from addsup.extract.relations import Relation
from addsup.intervals import overlap

_ROLE = re.compile(
    r"\b(?:(?P<s>(?:trade\s+)?surplus(?:es)?)"
    r"|(?P<d>(?:(?:trade|budget|fiscal)\s+)?(?:deficits?|shortfall)|trade\s+gap)"
    r"|(?P<x>exports?(?:\s+(?:turnover|value|earnings|revenues?))?(?!\s+_NOUN)|exported"
    r"|outbound\s+shipments|shipments|revenues?|receipts)"
    r"|(?P<m>imports?(?:\s+(?:turnover|value|bills?))?(?!\s+_NOUN)|imported|inbound\s+shipments"
    r"|expenditures?|spending|outlays)"
    r"|(?P<t>(?:total|overall|foreign|external|two-way)\s+trade|trade(?!\s+(?:surplus|deficit"
    r"|balance|gap|data|ministry|figures?|policy|war|talks|tensions?|body|office|bodies))"
    r"|turnover))\b".replace(
        "_NOUN",  # "import items", "export markets": not the trade itself
        r"(?:items?|markets?|dut(?:y|ies)|orders?|prices?|licen[cs]es?|controls?|bans?|curbs?"
        r"|destinations?|sectors?|credits?|tax(?:es)?|volumes?|goods|products|commodit(?:y|ies)"
        r"|growth|data|partners?|industr(?:y|ies)|firms?|companies|hubs?)\b",
    ),
    re.IGNORECASE,
)
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
_CHANGE_BEFORE = re.compile(
    r"\b(?:up|down|rose|fell|increased|decreased|grew|dropped|widened|narrowed|rise|fall"
    r"|increase|decrease|growth|drop)\s+(?:by\s+)?(?:of\s+)?(?:some\s+|about\s+)?$",
    re.IGNORECASE,
)
_STOP = frozenset(
    """the a an its their total overall and of while in with as on to by that which whereas
    but after before budget federal state government fiscal country nation goods also
    whole combined trade its' estimated monthly annual january february march april may june
    july august september october november december""".split()
)
_AFTER_SCOPE = re.compile(
    r"\s+(?:(?P<of>of)\s+(?P<what>[a-z][\w-]+)|(?:to|from|with)\s+(?:the\s+|all\s+of\s+)?"
    r"(?P<partner>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*))"
)
_PARTNER_AFTER = re.compile(
    r"[^,;.]{0,30}?\s+with\s+(?:the\s+|all\s+of\s+)?(?P<partner>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)"
)
_PARTNER_BEFORE = re.compile(
    r"\b[Ww]ith\s+(?:(?:its|their)\s+[a-z][\w\s]*?,\s+)?(?:the\s+)?"
    r"(?P<partner>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)"
)
_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_DAYS = re.compile(
    rf"\b(?:first\s+\d+\s+days(?:\s+of\s+(?:the\s+month|{_MONTHS}))?"
    rf"|{_MONTHS}\s+\d{{1,2}}\s*[-–]\s*\d{{1,2}}|\w+\.?\s+\d{{1,2}}\s*[-–]\s*\d{{1,2}}\s+period)",
    re.IGNORECASE,
)
_CUMULATIVE = re.compile(
    rf"\b(?:first\s+\w+\s+months|{_MONTHS}[\s–-]*(?:-|–|to|through|till|until)[\s–-]*{_MONTHS}"
    r"|so\s+far\s+this\s+year|as\s+of\s+[A-Z]\w+"
    r"|year[- ]to[- ]date|\w+\s+months|fiscal\s+year|financial\s+year|full\s+year|quarter)\b",
    re.IGNORECASE,
)
_SINGLE_MONTH = re.compile(
    rf"\b(?:(?:in|during|for)\s+(?:early\s+|late\s+)?{_MONTHS}(?!\s*(?:-|–|to|through)\s*{_MONTHS})"
    r"|this\s+month|the\s+month|(?:in|for)\s+[A-Z][a-z]{2,8}\.?\s+alone)\b".replace(
        "{_MONTHS}", _MONTHS
    ),
    re.IGNORECASE,
)
_YEAR_AGO = re.compile(
    r"[^.;]{0,25}?\b(?:a\s+year\s+(?:ago|earlier|before)|(?:last|previous|prior)\s+year"
    r"|year[- ]earlier|(?:the\s+)?same\s+(?:period|month|quarter)\s+(?:of\s+|in\s+)?(?:last|the\s+previous|a)"
    r"|in\s+(?:19|20)\d\d\b)",
    re.IGNORECASE,
)
_MONTH_AGO = re.compile(
    rf"[^.;]{{0,12}}?\b(?:in\s+{_MONTHS}|(?:last|previous|prior|the\s+previous)\s+month"
    r"|a\s+month\s+(?:ago|earlier))",
    re.IGNORECASE,
)
_YOY = re.compile(
    r"year[- ]on[- ]year|\by-o-y\b|\byoy\b|on-year|\bannual|a\s+year\s+(?:ago|earlier|before)"
    r"|year[- ]earlier|(?:last|previous|prior)\s+year|same\s+(?:period|month|quarter)",
    re.IGNORECASE,
)
_MONTH_NAME = re.compile(_MONTHS + r"|\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b")
_MOM = re.compile(
    rf"month[- ]on[- ]month|\bm-o-m\b|\bmom\b|(?:previous|prior|preceding|last)\s+month"
    rf"|month\s+earlier|(?:versus|against|from|over)\s+{_MONTHS}\b",
    re.IGNORECASE,
)
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
_MEASURES = frozenset({"currency", "count"})
_NEAR = 10  # sentences either side of a stated figure where its parts are looked for


@dataclass(frozen=True, slots=True)
class Role:
    """What an amount is in a trade or budget story."""

    kind: str  # x exports/revenue, m imports/spending, s surplus, d deficit, t total trade
    scope: tuple[str, str]  # (qualifying word, partner)
    base: bool  # a year-earlier level ("as against $422 billion")
    period: str | None  # "month", "cumulative" or None (not said)
    cue: str  # the words that gave the role


@dataclass(frozen=True, slots=True)
class Rate:
    index: int
    direction: int
    kind: str | None  # "yoy", "mom", or None: not said
    amount: bool = False  # a change in money ("down by $2 billion"), not a rate


_RUN_ON = re.compile(r"(?<=[A-Za-z)\]”\"])[.!?](?=[A-Z“\"][a-z])")


def _refined(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences, also split where a full stop has no space after it ("said.Imports")."""
    out = []
    for start, end in sentences or [(0, len(text))]:
        for m in _RUN_ON.finditer(text, start, end):
            out.append((start, m.end()))
            start = m.end()
        out.append((start, end))
    return out


def _renumber(
    text: str, sentences: list[tuple[int, int]], figures: list[Figure]
) -> tuple[list[Figure], list[tuple[int, int]]]:
    """Copies of the figures numbered by the refined sentences (the extractor's stay as they are)."""
    spans = _refined(text, sentences)
    starts = [s for s, _ in spans]
    out = []
    for f in figures:
        g = copy(f)
        g.sentence_no = max(0, bisect.bisect_right(starts, f.start) - 1)
        out.append(g)
    return out, spans


def _norm(word: str) -> str:
    w = word.lower().strip(".’'")
    if w in ("us", "u.s", "u.s.", "usa", "america", "united states"):
        return "us"
    return w[:-1] if w.endswith("s") and len(w) > 3 else w


def _scope(text: str, m: re.Match[str], sentence_start: int) -> tuple[str, str]:
    before = text[max(sentence_start, m.start() - 30) : m.start()].split()
    word = before[-1] if before else ""
    modifier = ""
    if word.endswith(("'s", "’s")) and word[:1].islower():
        word = word[:-2]  # "the sector's import bill"
    if (
        word
        and not word.endswith(("'s", "’s"))
        and word.lower().strip(",;:(") not in _STOP
        and re.fullmatch(r"[A-Za-z][\w.-]*", word)
        and not re.search(r"(?:ed|ing|ly)$", word.lower())  # "reduced spending": a verb
        and not (_norm(word) == "service" and len(before) >= 2 and before[-2].lower() == "and")
        and not (word[0].isupper() and (len(before) >= 2 or "." in word or word.isupper()))
    ):
        modifier = _norm(word)  # "merchandise exports"; not "Chinese exports", "U.S. exports"
    if modifier.endswith("-bound"):  # "U.S.-bound exports" are exports to the U.S.
        modifier, bound = "", _norm(modifier.removesuffix("-bound"))
    else:
        bound = ""
    if modifier == "good" and m.group(0).lower().startswith("trade"):
        modifier = ""  # "goods trade surplus": the trade in goods the story is about
    partner = bound
    after = _AFTER_SCOPE.match(text, m.end())
    if after:
        if after.group("of"):
            modifier = modifier or _norm(after.group("what"))
        else:
            partner = _norm(after.group("partner"))
    return modifier, partner


def _aside(text: str, start: int, at: int, end: int) -> bool:
    """Whether ``at`` is inside a dash or bracket aside between ``start`` and ``end``:
    "the trade gap — the difference between exports and imports — was up from ..." """
    before, after = text[start:at], text[at:end]
    return (before.count("—") % 2 == 1 and "—" in after) or before.count("(") > before.count(")")


def _period_cues(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The period cues of ``text[start:end]`` as (start, end, kind); a cue inside a longer
    one is dropped ("the month" in "the first 20 days of the month")."""
    cues = []
    for pattern, kind in ((_DAYS, "days"), (_CUMULATIVE, "cumulative"), (_SINGLE_MONTH, "month")):
        for m in pattern.finditer(text, start, end):
            named = _MONTH_NAME.search(m.group(0)) if kind == "month" else None
            cues.append(
                (m.start(), m.end(), f"month:{named.group(0).lower()[:3]}" if named else kind)
            )
    return [c for c in cues if not any(o != c and o[0] <= c[0] and c[1] <= o[1] for o in cues)]


def _period(cues: list[tuple[int, int, str]], f: Figure) -> str | None:
    """The period kind whose cue is nearest to ``f``; a cue right after the figure goes
    with it ("$2.2 billion in May and $9.8 billion in five months")."""
    best: tuple[int, str] | None = None
    for start, end, kind in cues:
        d = start - f.end if start >= f.end else f.start - end + 5
        if best is None or d < best[0]:
            best = (d, kind)
    return best[1] if best else None


def _sentence_cues(text: str, sentences: list[tuple[int, int]]) -> list[list[tuple[int, int, str]]]:
    """Each sentence's period cues; a sentence with none keeps the one before's ("In the
    first five months, trade reached ... Exports were ...")."""
    out: list[list[tuple[int, int, str]]] = []
    for start, end in sentences:
        cues = _period_cues(text, start, end)
        if not cues and out and out[-1]:
            cues = [(c[0] - 10**6, c[1] - 10**6, c[2]) for c in out[-1][-1:]]  # far away
        out.append(cues)
    return out


def _roles(text: str, sentences: list[tuple[int, int]], figures: list[Figure]) -> dict[int, Role]:
    roles: dict[int, Role] = {}
    cues = _sentence_cues(text, sentences)
    previous: int | None = None  # the amount before, for a base that names no role
    for i, f in enumerate(figures):
        if f.unit not in _MEASURES:
            continue
        s_start, s_end = sentences[f.sentence_no] if sentences else (0, len(text))
        floor = max(s_start, f.start - 150)
        if previous is not None and figures[previous].sentence_no == f.sentence_no:
            floor = max(floor, figures[previous].end)
        head = text[max(s_start, f.start - 40) : f.start]
        base = bool(_BASE_BEFORE.search(head))
        change = (bool(_CHANGE_BEFORE.search(head)) and not re.search(r"\bto\s+$", head)) or bool(
            _CHANGE_AFTER.match(text, f.end)
        )  # "a decrease of $1.6 billion to $73.7 billion"
        after = _ROLE_AFTER.match(text, f.end)
        found = None
        if after:
            kind = "s" if after.group("r").lower() == "surplus" else "d"
            partner = _PARTNER_AFTER.match(text, after.end())
            named = _BALANCE_WORD.search(text[s_start : f.start])
            modifier = named.group("modifier").lower() if named else ""
            scope = (
                "" if modifier in _STOP else _norm(modifier),
                _norm(partner.group("partner")) if partner else "",
            )
            found = (kind, scope, re.sub(r"\([^()]*\)\s*", "", after.group(0)).strip(), None)
        else:
            last = None
            for m in _ROLE.finditer(text, floor, f.start):
                if not _aside(text, floor, m.start(), f.start):
                    last = m
            if last is not None:
                kind = next(k for k in "sdxmt" if last.group(k))
                scope = _scope(text, last, s_start)
                if kind in "sd":
                    partner = _PARTNER_AFTER.match(text, f.end)
                    if partner and not scope[1]:
                        scope = (scope[0], _norm(partner.group("partner")))
                found = (kind, scope, last.group(0), None)
            elif previous is not None and previous in roles:
                prior = roles[previous]
                gap = text[figures[previous].end : f.start]
                if base and len(gap) < 60:  # "$422 billion as against $391 billion"
                    found = (prior.kind, prior.scope, prior.cue, None)
                elif not prior.base and _GAPPED.fullmatch(gap):
                    # "a surplus of $2.2 billion in May and $9.8 billion in five months"
                    found = (prior.kind, prior.scope, prior.cue, None)
        previous = i
        if found is None or change:
            continue
        kind, scope, cue, _ = found
        if kind in "sd" and not scope[1]:
            # "With the European Union, Japan had a deficit of ..."
            named = _PARTNER_BEFORE.search(text, s_start, f.start)
            if named:
                scope = (scope[0], _norm(named.group("partner")))
        period = _period(cues[f.sentence_no], f) if sentences else None
        roles[i] = Role(kind, scope, base, period, cue)
    return roles


def _rate_kind(text: str, f: Figure, limit: int, lead: str = "") -> str | None:
    """Month on month or year on year by the cue after the rate (before ``limit``, the next
    figure), else by one right before it ("a month-on-month increase of 5.3 percent");
    None when the rate does not say."""
    end = min(limit, f.end + 45)
    for window in (text[f.end : end], lead[-35:]):
        if _MOM.search(window):
            return "mom"
        if _YOY.search(window):
            return "yoy"
    return None


_RATE_BEFORE_ROLE = re.compile(
    r"\s*(?:[\w-]+\s+)?(?:increase|rise|decrease|fall|drop|gain|growth|decline|jump|contraction)"
    r"\s+in\s+(?:the\s+)?(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)


def _rates(
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
        for m in _ROLE.finditer(text, max(s_start, f.start - 150), f.start):
            cue = m
        others = [j for j in roles if j != i and figures[j].sentence_no == f.sentence_no]
        floor = max([s_start, *(figures[j].end for j in others if figures[j].end <= f.start)])
        left = max(cue.start() if cue else f.start, floor)
        found: list[Rate] = []
        direction = last_end = 0
        for j, g in enumerate(figures):
            amount = (
                j not in roles
                and f.end <= g.start
                and _same_money(g, f)
                and bool(_CHANGE_BEFORE.search(text, max(f.end, g.start - 30), g.start))
            )
            if (g.unit != "percent" and not amount) or g.sentence_no != f.sentence_no:
                continue
            if left <= g.start < f.start:
                lead = text[max(left, g.start - 40) : g.start]
                trail = text[g.end : min(g.end + 30, f.start)]
            elif f.end <= g.start:
                gap = text[max(f.end, last_end) : g.start]
                if len(gap) > 45 or re.search(r";|\d", gap) or _ROLE.search(gap):
                    continue
                joined = found and re.fullmatch(r"\s*,?\s*and\s+", gap)  # "to $30 billion and 2%"
                if re.search(r"\band\b", gap) and not (last_end or joined):
                    continue  # "..., up 9.1% on the month and up 22.6% on the year" chains
                last_end = g.end
                lead, trail = gap, text[g.end : min(g.end + 30, s_end)]
            elif cue and floor <= g.start and _RATE_BEFORE_ROLE.fullmatch(text, g.end, cue.start()):
                lead, trail = text[max(floor, g.start - 40) : g.start], text[g.end : cue.start()]
            else:
                continue
            d = _direction(lead) or _direction(trail)
            if not d and direction and re.fullmatch(r"[^,;:]{0,40}\band\s+", lead[-45:] or ""):
                d = direction  # "grew 5.7% on the month and 15.8% on the year"
            if not d:
                continue  # no word of change: a share or a ratio, not a rate
            direction = d
            limit = figures[j + 1].start if j + 1 < len(figures) else s_end
            kind = _rate_kind(text, g, min(limit, s_end), lead)
            found.append(Rate(j, direction, kind, amount))
        if found:
            out[i] = found
    return out


def _direction(words: str) -> int:
    fall = [m.end() for m in _FALL.finditer(words)]
    rise = [m.end() for m in _RISE.finditer(words)]
    if not fall and not rise:
        return 0
    return -1 if max(fall, default=-1) > max(rise, default=-1) else 1


def _compatible(part: Role, stated: Role, follows: bool) -> bool:
    """Whether a part can go with a stated balance or total. A part that names no partner
    goes with a balance with a partner in the same sentence or the next one (``follows``):
    "a deficit with China ..., after imports rose ... while exports jumped ..."."""
    if part.base != stated.base or part.scope[0] != stated.scope[0]:
        return False
    if part.scope[1] != stated.scope[1] and not (follows and not part.scope[1]):
        return False
    return _periods_agree(part.period, stated.period)


def _periods_agree(a: str | None, b: str | None) -> bool:
    """None (not said) goes with any period; "the month" with any one month."""
    if a is None or b is None or a == b:
        return True
    return "month" in (a, b) and a.startswith("month") and b.startswith("month")


def _same_money(a: Figure, b: Figure) -> bool:
    """Same unit and currency; "¥" amounts of one passage are one currency, whichever the
    extractor guessed for each."""
    if a.unit != b.unit:
        return False
    return a.currency == b.currency or (
        a.surface.lstrip("+-").startswith("¥") and b.surface.lstrip("+-").startswith("¥")
    )


def _signed(f: Figure, sign: int) -> tuple[float, float]:
    return (f.lo, f.hi) if sign > 0 else (-f.hi, -f.lo)


def _balance_holds(
    figures: list[Figure], stated: int, sign: int, parts: tuple[tuple[int, int], ...]
) -> bool:
    """Whether the signed parts, as intervals, can add up to the signed stated balance."""
    lo = sum(k * (figures[j].lo if k > 0 else figures[j].hi) for j, k in parts)
    hi = sum(k * (figures[j].hi if k > 0 else figures[j].lo) for j, k in parts)
    return overlap((lo, hi), _signed(figures[stated], sign))


def _candidates(
    figures: list[Figure],
    roles: dict[int, Role],
    i: int,
    kind: str,
    loose: bool = False,
    as_role: Role | None = None,
) -> list[int]:
    """The parts of role ``kind`` that can go with the stated figure ``i`` (read as
    ``as_role``), nearest first; ``loose``: whatever word qualifies them."""
    f, role = figures[i], as_role or roles[i]
    if loose:
        role = Role(role.kind, ("", role.scope[1]), role.base, role.period, role.cue)
    stated_in = {figures[j].sentence_no for j, r in roles.items() if r.kind in "sdt" and j != i}

    def follows(j: int) -> bool:
        n = figures[j].sentence_no
        return n == f.sentence_no or (n == f.sentence_no + 1 and n not in stated_in)

    out = [
        j
        for j, r in roles.items()
        if r.kind == kind
        and j != i
        and _compatible(
            Role(r.kind, ("", r.scope[1]), r.base, r.period, r.cue) if loose else r,
            role,
            follows(j),
        )
        and _same_money(figures[j], f)
        and abs(figures[j].sentence_no - f.sentence_no) <= _NEAR
    ]
    return sorted(out, key=lambda j: (abs(figures[j].sentence_no - f.sentence_no), abs(j - i)))


def _balances(figures: list[Figure], roles: dict[int, Role]) -> list[Relation]:
    out = []
    for i, role in roles.items():
        if role.kind not in "sd":
            continue
        sign = 1 if role.kind == "s" else -1
        found = {k: _candidates(figures, roles, i, k) for k in "xmt"}
        loose = not (found["x"] and found["m"]) and role.scope[0] == ""
        if loose:  # "the trade deficit" of a story about merchandise exports and imports
            found = {k: _candidates(figures, roles, i, k, loose=True) for k in "xmt"}
        # exports - imports; or, with only one of them, the total trade less twice it
        readings = [((x, 1), (m, -1)) for x, m in product(found["x"], found["m"])]
        if not readings:
            readings = [((t, 1), (m, -2)) for t, m in product(found["t"], found["m"])]
            readings += [((x, 2), (t, -1)) for x, t in product(found["x"], found["t"])]
        readings = sorted(
            [r for r in readings if roles[r[0][0]].scope == roles[r[1][0]].scope],
            key=lambda r: (
                max(abs(figures[j].sentence_no - figures[i].sentence_no) for j, _ in r),
                sum(abs(j - i) for j, _ in r),
            ),
        )
        if not readings:
            continue
        stated = figures[i]
        chosen = next((r for r in readings if _balance_holds(figures, i, sign, r)), readings[0])
        (a, sa), (b, sb) = chosen
        cues = f"{roles[a].cue} … {roles[b].cue} … {role.cue}"
        sure = _same_period(role, roles[a], roles[b]) and not loose
        out.append(
            Relation(
                "balance",
                i,
                a,
                b,
                stated.sentence_no,
                sign,
                phrase=cues,
                members=(a, b),
                signs=(sa, sb),
                readings=max(len(readings), 1 if sure else 2),
            )
        )
    return out


def _same_period(stated: Role, *parts: Role) -> bool:
    """The periods agree: all said alike, or a part says the stated figure's period."""

    def alike(a: str | None, b: str | None) -> bool:
        return a == b or (a is not None and b is not None and _periods_agree(a, b))

    return all(alike(p.period, stated.period) for p in parts) or (
        stated.period is not None and any(alike(p.period, stated.period) for p in parts)
    )


def _taken(figures: list[Figure], relations: list[Relation]) -> list[Relation]:
    """A failing balance whose parts agree with another stated balance is one reading of
    several: the parts are that balance's."""

    def holds(r: Relation) -> bool:
        return _balance_holds(
            figures, r.stated, r.direction, tuple(zip(r.members, r.signs, strict=True))
        )

    taken = {r.members for r in relations if holds(r)}
    return [
        replace(r, readings=max(r.readings, 2)) if r.members in taken and not holds(r) else r
        for r in relations
    ]


def _rate_interval(f: Figure, direction: int) -> tuple[float, float]:
    lo, hi = _signed(f, direction)
    return lo / 100, hi / 100


def _previous(
    figures: list[Figure], parts: list[tuple[int, Rate, int]]
) -> tuple[float, float] | None:
    lo = hi = 0.0
    for level, rate, sign in parts:
        g_lo, g_hi = _rate_interval(figures[rate.index], rate.direction)
        if g_lo <= -1:
            return None
        f = figures[level]
        a, b = f.lo / (1 + g_hi), f.hi / (1 + g_lo)
        lo, hi = (lo + a, hi + b) if sign > 0 else (lo - b, hi - a)
    return lo, hi


def _growth_holds(
    figures: list[Figure], total: int, rate: Rate, parts: list[tuple[int, Rate, int]]
) -> bool:
    prev = _previous(figures, parts)
    stated = figures[rate.index]
    if prev is None:
        return False
    if total == rate.index:  # the stated figure is the previous level itself
        return overlap(prev, (stated.lo, stated.hi))
    t = figures[total]
    if rate.amount:
        return overlap((t.lo - prev[1], t.hi - prev[0]), _signed(stated, rate.direction))
    if prev[0] <= 0:
        return False
    implied = (t.lo / prev[1] - 1, t.hi / prev[0] - 1)
    return overlap(implied, _rate_interval(stated, rate.direction))


def _same_comparison(a: str | None, b: str | None) -> bool:
    """Year on year is never mixed with month on month; a rate that does not say may be
    either (the reading is then one of several)."""
    return a == b or a is None or b is None


def _base_kind(text: str, f: Figure) -> str | None:
    """What a base level is compared over: "a year ago" (yoy), "in August" (mom)."""
    after = text[f.end : f.end + 45]
    if _YEAR_AGO.match(after):
        return "yoy"
    if _MONTH_AGO.match(after):
        return "mom"
    return None


def _growths(
    text: str, figures: list[Figure], roles: dict[int, Role], rates: dict[int, list[Rate]]
) -> list[Relation]:
    """Each total or balance with a rate (or change) of its own, and each year-earlier or
    month-earlier one, against its parts' levels and rates of the same kind."""
    out = []
    for i, role in roles.items():
        if role.kind not in "sdt":
            continue
        if role.base:
            kind = _base_kind(text, figures[i])
            # the parts are today's levels: their rates lead back to the base
            stated_rates = [Rate(i, 1, kind)] if kind else []
            month = role.period and role.period.startswith("month")
            role = replace(role, base=False, period="month" if month else role.period)
        else:
            stated_rates = rates.get(i, [])
        signs = {"t": (1, 1), "s": (1, -1), "d": (-1, 1)}[role.kind]
        for rate in stated_rates:
            xs = [
                (j, r)
                for j in _candidates(figures, roles, i, "x", as_role=role)
                for r in rates.get(j, [])
                if _same_comparison(r.kind, rate.kind) and not r.amount
            ]
            ms = [
                (j, r)
                for j in _candidates(figures, roles, i, "m", as_role=role)
                for r in rates.get(j, [])
                if _same_comparison(r.kind, rate.kind) and not r.amount
            ]
            readings = [
                [(x, rx, signs[0]), (m, rm, signs[1])] for (x, rx), (m, rm) in product(xs, ms)
            ]
            if not readings:
                continue
            chosen = next((p for p in readings if _growth_holds(figures, i, rate, p)), readings[0])
            (x, rx, sx), (m, rm, sm) = chosen
            cues = f"{roles[x].cue} … {roles[m].cue} … {role.cue}"
            said = {rx.kind, rm.kind, rate.kind}
            sure = len(said) == 1 and _same_period(role, roles[x], roles[m])
            out.append(
                Relation(
                    "growth_of_total",
                    rate.index,
                    i if rate.index != i else None,
                    None,
                    figures[i].sentence_no,
                    rate.direction,
                    phrase=cues,
                    members=(x, rx.index, m, rm.index),
                    signs=(sx, rx.direction, sm, rm.direction),
                    readings=max(len(readings), 1 if sure else 2),
                )
            )
    return out


def find_balance_relations(
    text: str, sentences: list[tuple[int, int]], figures: list[Figure]
) -> list[Relation]:
    """``balance`` and ``growth_of_total`` relations among the figures of one passage."""
    numbered, spans = _renumber(text, sentences, figures)
    roles = _roles(text, spans, numbered)
    if not any(r.kind in "sdt" for r in roles.values()):
        return []
    rates = _rates(text, spans, numbered, roles)
    relations = [
        replace(r, sentence_no=figures[r.stated if r.a is None else r.a].sentence_no)
        for r in _taken(numbered, _balances(numbered, roles))
        + _growths(text, numbered, roles, rates)
    ]
    seen: set[tuple[str, int]] = set()
    unique = []
    for r in relations:  # one relation of a kind per stated figure (its id)
        if (r.kind, r.stated) not in seen:
            seen.add((r.kind, r.stated))
            unique.append(r)
    return unique
