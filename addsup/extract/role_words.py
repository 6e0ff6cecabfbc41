"""The role words of a trade or budget story, and the scope they name.

A role word is one of ``ROLE``'s: exports (or revenue), imports (or spending), a surplus, a
deficit, total trade (its named group is the kind, one of ``ROLE_KINDS``). Its scope is the
word that qualifies it ("merchandise exports", "exports of steel") and the partner it names
("exports to Japan"), each normalised by ``norm`` ("U.S." and "America" are "us", plurals
singular).
"""

from __future__ import annotations

import re

from addsup.extract.amount_roles import ROLE_KEYS

ROLE = re.compile(
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
        r"|data|partners?|industr(?:y|ies)|firms?|companies|hubs?)\b",
    ),
    re.IGNORECASE,
)
ROLE_KINDS = "sdxmt"  # the named groups of ROLE


# the text last read and its role words by window (``find_rates`` reads those of the
# windows ``find_roles`` read): one tuple, so a thread reading another text never sees a mix
_read: list[tuple[str, dict[tuple[int, int], list[re.Match[str]]]]] = [("", {})]


def role_words(text: str, start: int, end: int) -> list[re.Match[str]]:
    """``ROLE.finditer(text, start, end)``, tried only where a key word starts."""
    read = _read[0]
    if read[0] is not text:
        read = _read[0] = (text, {})
    found = read[1].get((start, end))
    if found is None:
        found = read[1][start, end] = ROLE_KEYS.matches(ROLE, text, start, end)
    return found


STOP_WORDS = frozenset(
    """the a an its their total overall and of while in with as on to by that which whereas
    but after before budget federal state government fiscal country nation also
    whole combined trade its' estimated monthly annual january february march april may june
    july august september october november december""".split()
)
_AFTER_SCOPE = re.compile(
    r"\s+(?:(?P<of>of)\s+(?P<what>[a-z][\w-]+)|(?:to|from|with)\s+(?:the\s+|all\s+of\s+)?"
    r"(?P<partner>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*))"
)


def norm(word: str) -> str:
    """A scope word as compared: lower case, "us" for the United States, a plural singular."""
    w = word.lower().strip(".’'")
    if w in ("us", "u.s", "u.s.", "usa", "america", "united states"):
        return "us"
    return w[:-1] if w.endswith("s") and len(w) > 3 else w


_WORD = re.compile(r"[A-Za-z][\w.-]*")
_ALNUM = re.compile(r"[^\W_]")
_LOWER_WORD = re.compile(r"[a-z][\w-]*")


def scope_of(text: str, m: re.Match[str], sentence_start: int) -> tuple[str, str]:
    line = text.rfind("\n", 0, m.start()) + 1  # a line of a list starts like a sentence
    before = [
        w
        for w in text[max(sentence_start, line, m.start() - 30) : m.start()].split()
        if _ALNUM.search(w)  # not a bullet
    ]
    word = before[-1] if before else ""
    modifier = ""
    if word.endswith(("'s", "’s")) and word[:1].islower():
        word = word[:-2]  # "the sector's import bill"
    bound = ""
    if word.lower().endswith("-bound"):  # "U.S.-bound exports" are exports to the U.S.
        word, bound = "", norm(word[: -len("-bound")])
    if (
        word
        and not word.endswith(("'s", "’s"))
        and word.lower().strip(",;:(") not in STOP_WORDS
        and _WORD.fullmatch(word)
        and not word.lower().endswith(("ed", "ing", "ly"))  # "reduced spending": a verb
        and not (norm(word) == "service" and len(before) >= 2 and before[-2].lower() == "and")
        and not (word[0].isupper() and (len(before) >= 2 or "." in word or word.isupper()))
    ):
        modifier = norm(word)  # "merchandise exports"; not "Chinese exports", "U.S. exports"
    elif len(before) >= 4 and norm(word) == "service" and before[-3].lower() == "goods":
        # "the average goods and services deficit": what qualifies the whole balance
        ahead = before[-4]
        if ahead.lower() not in STOP_WORDS and _LOWER_WORD.fullmatch(ahead):
            modifier = norm(ahead)
    if modifier == "good" and m.group(0).lower().startswith("trade"):
        modifier = ""  # "goods trade surplus": the trade in goods the story is about
    partner = bound
    after = _AFTER_SCOPE.match(text, m.end())
    if after:
        if after.group("of"):
            modifier = modifier or norm(after.group("what"))
        else:
            partner = norm(after.group("partner"))
    return modifier, partner
