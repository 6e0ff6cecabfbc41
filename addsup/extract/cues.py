"""Cue words just before a figure ("accounting for", "rose", "a total of").

The cue patterns are anchored at the figure (``...$``), so a regex search tries every
position of the window before it: slow when run for every figure. ``Cue`` first checks that
one of the pattern's key words occurs in the window at all (a substring test, far cheaper),
and runs the pattern only then. The keys must cover every way the pattern can match.
"""

from __future__ import annotations

import re


class Cue:
    __slots__ = ("pattern", "keys")

    def __init__(self, pattern: re.Pattern[str], keys: tuple[str, ...]):
        self.pattern, self.keys = pattern, keys

    def before(self, text: str, start: int, end: int) -> re.Match[str] | None:
        """The cue ending at ``end`` within ``text[start:end]``, or None."""
        window = text[start:end].lower()
        if not any(k in window for k in self.keys):
            return None
        return self.pattern.search(text, start, end)
