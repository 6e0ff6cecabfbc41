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


def figure_metric(text: str, start: int) -> str | None:
    """The metric key of the level that starts at ``start``, or None."""
    m = _BEFORE_FIGURE.search(text, max(0, start - 160), start)
    return _key(m.group("entity"), m.group("words")) if m else None


def phrase_metric(phrase: str | None) -> str | None:
    """The metric key of a phrase naming an unstated quantity, or None."""
    m = _PHRASE.match(phrase or "")
    return _key(m.group("entity"), m.group("words")) if m else None
