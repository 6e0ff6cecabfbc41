"""Sentence splitting with exact character offsets.

A sentence ends at ``.``, ``!`` or ``?`` (optionally followed by a closing quote or
bracket) when whitespace and a capital letter, digit or opening quote follow, unless
the word before the full stop is a known abbreviation ("Aug.", "Co.", "U.S.") or a
single initial. A blank line always ends a sentence, and so does a line break before a
dash or bullet; a stop with no space after it ends one between a lower-case word and a
capitalised one ("Monday.Outbound": a line break lost in copy).
"""

from __future__ import annotations

import re

from addsup.extract.cues import Keys

ABBREVIATIONS = frozenset(
    """
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    mr mrs ms dr prof gen col lt sgt rep sen gov st no nos vol fig approx est dept univ
    co corp inc ltd plc llc pharm bros intl assn govt jr sr vs etc
    """.split()
)
_LONGEST = max(map(len, ABBREVIATIONS))
# Words that commonly follow an abbreviation in a company name: "Pharm. Co., Ltd."
_NAME_CONTINUATIONS = frozenset({"co", "corp", "inc", "ltd", "llc", "plc", "group"})

# a stop, the closing quotes or brackets after it, then space and what starts a sentence: one
# pattern per stop, each found by the regex engine's fast scan for one character (a class of
# three is tried at every position, several times slower)
_END_AFTER = r"[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])"
_END_DOT = re.compile(r"\." + _END_AFTER)
_END_MARKS = (("!", re.compile("!" + _END_AFTER)), ("?", re.compile(r"\?" + _END_AFTER)))
# a stop with no space after it, between a lower-case word and a capitalised one
# ("...data showed Monday.Outbound shipments"): copy that lost its line break
_TIGHT_END = re.compile(r"(?<=[a-z%]{2})[.!?][\"'”’]?(?=[\"“]?[A-Z][^\W\d_])")
_TIGHT_KEYS = Keys(r"[a-z%]{2}[.!?][\"'”’]?[\"“]?[A-Z]", case=True)  # every _TIGHT_END is in one
# a line that starts with a dash or a bullet starts a sentence, whatever ends the line before
_BULLET = re.compile(r"\n(?=[ \t]*[—–•*-][ \t])")
_PARAGRAPH = re.compile(r"\n[ \t]*\n")
_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.")
_WORD_AFTER = re.compile(r"\s+[\"'“‘(\[]?([A-Za-z]+)")


def _word_before(text: str, dot: int) -> str:
    """The run of ASCII letters and full stops before the dot (at most 20 characters): most
    often a plain word after a space; else a walk back (cheaper than a regex searched over
    the window)."""
    lo = max(0, dot - 20)
    space = text.rfind(" ", lo, dot)
    if space >= 0:
        word = text[space + 1 : dot]
        if word.isalpha() and word.isascii():
            return word
    i = dot
    while i > lo and text[i - 1] in _WORD_CHARS:
        i -= 1
    return text[i:dot]


def _is_abbreviation(text: str, dot: int) -> bool:
    word = _word_before(text, dot).lstrip(".")
    if not word:
        return False
    if "." in word:  # "U.S", "e.g"
        return True
    if len(word) == 1 and word.isupper():  # an initial: "J. Smith"
        return True
    if word.lower() in ABBREVIATIONS:
        after = _WORD_AFTER.match(text, dot + 1)
        # "... in Aug. The next ..." is ambiguous; keep month abbreviations joined
        # only when a number or a name continuation follows, else trust the stop.
        if word.lower() in {"co", "corp", "inc", "ltd", "plc", "llc"}:
            return bool(after and after.group(1).lower() in _NAME_CONTINUATIONS)
        return True
    return False


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` spans of the sentences of ``text``, whitespace trimmed.

    ``text[start:end]`` is the sentence exactly as it stands in the input.
    """
    cuts: list[int] = []
    for match in _END_DOT.finditer(text):
        dot = match.start()
        # most full stops end a plain word of two letters or more that abbreviates nothing:
        # told so here, without ``_is_abbreviation``'s walk back
        space = text.rfind(" ", dot - 20 if dot > 20 else 0, dot)
        word = text[space + 1 : dot] if space >= 0 else ""
        if not (
            (len(word) > _LONGEST or (len(word) > 1 and word.lower() not in ABBREVIATIONS))
            and word.isalpha()
            and word.isascii()
        ) and _is_abbreviation(text, dot):
            continue
        cuts.append(match.end())
    for mark, end in _END_MARKS:
        if mark in text:
            cuts.extend(m.end() for m in end.finditer(text))
    if _TIGHT_KEYS.near(text, 0, len(text)):
        cuts.extend(m.end() for m in _TIGHT_END.finditer(text))
    cuts.extend(m.start() for m in _PARAGRAPH.finditer(text))
    cuts.extend(m.start() for m in _BULLET.finditer(text))
    cuts.sort()
    spans: list[tuple[int, int]] = []
    start = 0
    for cut in [*cuts, len(text)]:
        s, e = start, cut
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
        start = cut
    return spans
