"""Whole-text scans with RE2, for patterns with many alternatives.

Python's ``re`` tries such a pattern at every position of a text; RE2 runs it as one
automaton and is 10 to 30 times faster on a 3 KB article. RE2's Python wrapper, though,
builds a match object per hit at a cost of several microseconds, so ``spans`` calls the
automaton directly on ASCII text (where byte offsets are character offsets) and uses the
wrapper only for other text. Callers re-read a hit's groups with an anchored ``re`` match.

Most patterns find nothing in most texts: one pass of an RE2 set of every scanner's
pattern says which can match a text at all (kept for the text last read), and the others
are not run on it.
"""

from __future__ import annotations

import re2

_UNANCHORED = re2._Anchor.UNANCHORED  # noqa: SLF001 - the wrapper's own constant

_patterns: list[str] = []  # every scanner's, by its index
_compiled_set: list[re2.Set] = []  # the set of ``_patterns``, made when first needed
# the text last read and the indices of the patterns that match it (None: not known)
_read: list[tuple[str, frozenset[int] | None]] = [("", None)]


def _matching(text: str) -> frozenset[int] | None:
    """The indices of the patterns that match ``text`` somewhere; None when the set found
    none (which a set that ran out of memory also says: then every pattern is run)."""
    read = _read[0]
    if read[0] is not text:
        if not _compiled_set:
            patterns = re2.Set.SearchSet()
            for p in _patterns:
                patterns.Add(p)
            patterns.Compile()
            _compiled_set.append(patterns)
        hits = _compiled_set[0].Match(text)
        read = _read[0] = (text, frozenset(hits) if hits else None)
    return read[1]


class Scanner:
    """Where a pattern matches in a text, as ``(start, end)`` character offsets. Scanners are
    made once, at import: each joins the set for good."""

    __slots__ = ("_compiled", "_raw", "_index")

    def __init__(self, pattern: str):
        self._compiled = re2.compile(pattern)
        self._raw = self._compiled._regexp  # noqa: SLF001
        self._index = len(_patterns)
        _patterns.append(pattern)
        _compiled_set.clear()  # made again with this one
        _read[0] = ("", None)

    def spans(self, text: str) -> list[tuple[int, int]]:
        matching = _matching(text)
        if matching is not None and self._index not in matching:
            return []
        if not text.isascii():
            return [m.span() for m in self._compiled.finditer(text)]
        data = text.encode("ascii")
        n = len(data)
        out: list[tuple[int, int]] = []
        pos = 0
        while pos <= n:
            s, e = self._raw.Match(_UNANCHORED, data, pos, n)[0]
            if s < 0:
                break
            out.append((s, e))
            pos = e if e > s else e + 1
        return out
