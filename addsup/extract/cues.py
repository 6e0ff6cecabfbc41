"""Cue words just before a figure ("accounting for", "rose", "a total of"), and the key words
that let a text without them skip the cue patterns altogether.

The cue patterns are anchored at the figure (``...$``), so a regex search tries every
position of the window before it: slow when run for every figure. ``Cue`` first checks that
one of the pattern's key words occurs in the window at all (a substring test, far cheaper),
and runs the pattern only then. The keys must cover every way the pattern can match.

``Keys`` does the same for a whole text: one RE2 pass finds where any of its words occurs
(kept for the text last read, which every linker of one extraction shares), and
``Keys.near`` says whether one lies in a stretch of it, by bisection. Every match of a
pattern guarded by ``Keys`` (or ``Words``, the same test by substrings of a short stretch)
must contain one of its words; then a stretch with none cannot hold a match, and the
pattern is not run there.
"""

from __future__ import annotations

import bisect
import re

from addsup.extract.scan import Scanner


class Cue:
    """A cue pattern anchored at a figure (``...$``), its key words, and (``remember``) the
    cues last read: for a cue asked about the same figure twice, with windows of different
    starts (the leftmost match from an earlier start is also the leftmost from a later one,
    unless it starts before it)."""

    __slots__ = ("pattern", "keys", "_words", "_starts", "_remember", "_read")

    def __init__(
        self,
        pattern: re.Pattern[str],
        keys: tuple[str, ...],
        starts: bool = False,
        remember: bool = False,
    ):
        """``starts``: every match starts with one of the keys, and is tried only there."""
        self.pattern, self.keys = pattern, keys
        self._words, self._starts, self._remember = Words(*keys), starts, remember
        # the text last read, and for each end searched: the start and what was found
        self._read: tuple[str, dict[int, tuple[int, re.Match[str] | None]]] = ("", {})

    def before(self, text: str, start: int, end: int) -> re.Match[str] | None:
        """The cue ending at ``end`` within ``text[start:end]``, or None."""
        if not self._remember:
            if self._starts:
                return self._words.search(self.pattern, text, start, end)
            return self._search(text, start, end)
        read = self._read
        if read[0] is not text:
            read = self._read = (text, {})
        known = read[1].get(end)
        if known is not None and known[0] <= start:
            found = known[1]
            if found is None or found.start() >= start:
                return found
        found = self._search(text, start, end)
        if known is None or start < known[0]:
            read[1][end] = (start, found)
        return found

    def _search(self, text: str, start: int, end: int) -> re.Match[str] | None:
        if self._starts:
            return self._words.search(self.pattern, text, start, end)
        return self.pattern.search(text, start, end) if self._words.near(text, start, end) else None


# the text asked about more than once and its lower case, or None when lowering changes
# its length (and so the offsets): one tuple, so a thread reading another text never sees a
# mix; and the text last asked about (a stretch cut out for one test is not lowered whole)
_lowered: list[tuple[str, str | None]] = [("", None)]
_asked: list[str] = [""]


def _lowered_text(text: str) -> str | None:
    """``text.lower()`` for a text asked about before, made once, if it keeps the offsets."""
    read = _lowered[0]
    if read[0] is not text:
        if _asked[0] is not text:
            _asked[0] = text
            return None
        low = text.lower()
        read = _lowered[0] = (text, low if len(low) == len(text) else None)
    return read[1]


def _by_first_letter(words: tuple[str, ...]) -> str:
    """``a|b|c`` of the words, those that start alike grouped (in their order): "rose|rise"
    as "r(?:ose|ise)". The same hits as the plain alternation (of two words that both match
    at one place, the first still wins), but each place is tried against one group, not
    every word: about twice as fast where most letters start some word."""
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[0], []).append(w)
    return "|".join(
        re.escape(g[0])
        if len(g) == 1
        else re.escape(first) + "(?:" + "|".join(re.escape(w[1:]) for w in g) + ")"
        for first, g in groups.items()
    )


class Words:
    """Plain words (lower case) looked for in a short stretch of a text: for a pattern read
    only at a few figures, where one pass of ``Keys`` over the whole text costs more.

    A text asked about again is lowered whole, once, and its stretches read in place (each
    letter lowers alone, and the words are plain ASCII: the stretch lowered alone holds
    them at the same places)."""

    __slots__ = ("words", "_any")

    def __init__(self, *words: str):
        self.words = words
        self._any = re.compile(_by_first_letter(words))

    def near(self, text: str, start: int, end: int) -> bool:
        """Whether one of the words is in ``text[start:end]``."""
        low = _lowered_text(text) if 0 <= start < end <= len(text) else None
        if low is None:
            return self._any.search(text[start:end].lower()) is not None
        return self._any.search(low, start, end) is not None

    def search(
        self, pattern: re.Pattern[str], text: str, start: int = 0, end: int | None = None
    ) -> re.Match[str] | None:
        """``pattern.search(text, start, end)`` for a pattern every match of which starts
        with one of the words, at a word boundary (``\\b``) or with a sign: tried only where
        one starts (a pattern anchored at its end, ``...$``, is slow to try at every
        position of a window). A word that starts inside another's hit ("up" in "jump")
        is not tried: it starts within a word, where no such match can."""
        end = len(text) if end is None else end
        low = _lowered_text(text) if 0 <= start < end <= len(text) else None
        if low is not None:
            hits, shift = self._any.finditer(low, start, end), 0
        else:
            window = text[start:end].lower()
            if len(window) != end - start:  # lowering changed the offsets: search it all
                return pattern.search(text, start, end)
            hits, shift = self._any.finditer(window), start
        for at in hits:
            m = pattern.match(text, shift + at.start(), end)
            if m:
                return m
        return None


class Keys:
    """Where any of some words (regular expressions, case ignored unless ``case``) occurs
    in a text."""

    __slots__ = ("_scanner", "_read")

    def __init__(self, *words: str, case: bool = False):
        self._scanner = Scanner(("" if case else "(?i)") + "(?:" + "|".join(words) + ")")
        # the text last read and the starts and ends of the hits in it (one tuple, so a
        # thread reading another text never sees a mix of the two)
        self._read: tuple[str, list[int], list[int]] = ("", [], [])

    def near(self, text: str, start: int, end: int) -> bool:
        """Whether one of the words overlaps ``text[start:end]``."""
        read = self._read
        if read[0] is not text:
            spans = self._scanner.spans(text)
            read = self._read = (text, [s for s, _ in spans], [e for _, e in spans])
        i = bisect.bisect_left(read[1], end) - 1  # the last hit starting before ``end``
        return i >= 0 and read[2][i] > start

    def starts(self, text: str, start: int, end: int) -> list[int]:
        """Where the hits in ``text[start:end]`` start."""
        self.near(text, start, end)
        hits = self._read[1]
        return hits[bisect.bisect_left(hits, start) : bisect.bisect_left(hits, end)]

    def matches(
        self, pattern: re.Pattern[str], text: str, start: int, end: int
    ) -> list[re.Match[str]]:
        """``pattern.finditer(text, start, end)`` for a pattern every match of which starts
        with one of the words: tried only where one starts (a pattern of many alternatives
        is slow to try at every position)."""
        out: list[re.Match[str]] = []
        for at in self.starts(text, start, end):
            if out and at < out[-1].end():
                continue
            m = pattern.match(text, at, end)
            if m:
                out.append(m)
        return out

    def search(
        self, pattern: re.Pattern[str], text: str, start: int, end: int
    ) -> re.Match[str] | None:
        """``pattern.search(text, start, end)``, skipped where none of the words is."""
        return pattern.search(text, start, end) if self.near(text, start, end) else None

    def finditer(
        self, pattern: re.Pattern[str], text: str, start: int, end: int
    ) -> list[re.Match[str]]:
        """``pattern.finditer(text, start, end)``, skipped where none of the words is."""
        return list(pattern.finditer(text, start, end)) if self.near(text, start, end) else []
