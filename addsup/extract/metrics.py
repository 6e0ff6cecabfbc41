"""Metric keys: what a level measures, so the same metric can be matched across articles.

Only a plain pattern is read, on purpose: "<Entity>'s <measure> <verb> <figure>" ("Jilin's
trade with Russia reached 12.6 billion yuan" -> ``jilin|trade with russia``), and for an
unstated whole, "<Entity>'s <measure>" ("China's overall foreign trade" -> ``china|foreign
trade``). Words that do not change what is measured (total, overall, the) are dropped.
Anything else gets no key, so agreement never compares figures it cannot pair for sure.
"""

from __future__ import annotations

import re

_DROP = frozenset(
    {"the", "a", "an", "its", "their", "total", "overall", "whole", "entire", "combined"}
)
_ENTITY = r"(?P<entity>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})(?:'s|’s)"
_VERB = (
    r"(?:reached|totaled|totalled|came\s+to|was|were|stood\s+at|hit|amounted\s+to|rose\s+to"
    r"|fell\s+to|grew\s+to|climbed\s+to|dropped\s+to|increased\s+to|decreased\s+to)"
)
_QUAL = r"(?:(?:about|around|roughly|approximately|some|nearly|almost|over|more\s+than)\s+)?"
_BEFORE_FIGURE = re.compile(rf"\b{_ENTITY}\s+(?P<words>(?:[\w-]+\s+){{1,8}}?){_VERB}\s+{_QUAL}$")
_PHRASE = re.compile(rf"^(?:the\s+)?{_ENTITY}\s+(?P<words>[\w\s-]+?)\s*$")


def _key(entity: str, words: str) -> str | None:
    kept = [w for w in words.lower().split() if w not in _DROP]
    return f"{entity.lower()}|{' '.join(kept)}" if kept else None


_ONE_WORD_VERBS = frozenset({"reached", "totaled", "totalled", "was", "were", "hit"})
_VERBS_BEFORE_TO = frozenset(
    {"came", "amounted", "rose", "fell", "grew", "climbed", "dropped", "increased", "decreased"}
)
_QUALIFIER_WORDS = frozenset(
    {
        "about",
        "around",
        "roughly",
        "approximately",
        "some",
        "nearly",
        "almost",
        "over",
        "more",
        "than",
    }
)


def _after_a_verb(text: str, start: int) -> bool:
    """Whether a level verb stands right before ``start`` (a cheap test before the regex)."""
    words = text[max(0, start - 40) : start].lower().split()
    while words and words[-1] in _QUALIFIER_WORDS:
        words.pop()
    if not words:
        return False
    if words[-1] in _ONE_WORD_VERBS:
        return True
    if len(words) >= 2 and words[-1] in ("to", "at"):
        return words[-2] in _VERBS_BEFORE_TO or (words[-2], words[-1]) == ("stood", "at")
    return False


def figure_metric(text: str, start: int) -> str | None:
    """The metric key of the level that starts at ``start``, or None."""
    if not _after_a_verb(text, start):
        return None
    m = _BEFORE_FIGURE.search(text, max(0, start - 160), start)
    return _key(m.group("entity"), m.group("words")) if m else None


def phrase_metric(phrase: str | None) -> str | None:
    """The metric key of a phrase naming an unstated quantity, or None."""
    m = _PHRASE.match(phrase or "")
    return _key(m.group("entity"), m.group("words")) if m else None
