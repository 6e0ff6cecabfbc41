"""Key-word prefilters of cue patterns (addsup/extract/cues.py)."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from addsup.extract.cues import Cue, Words

# anchored at its end like the cues before a figure; every match starts, at a word
# boundary, with one of the words (some of which start inside others: "up" in "jump")
_PATTERN = re.compile(r"\b(?:up|jumped|jump|rose|by)\s+(?:by\s+)?$", re.IGNORECASE)
_WORDS = Words("up", "jump", "rose", "by")
_PIECES = ["up", "jump", "jumped", "rose", "by", "UP", "Jump", " ", "x", "ed", "é", "İ", "5"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14).map("".join), st.integers(0, 6))
def test_words_find_what_the_pattern_finds_searched_everywhere(text, start):
    start = min(start, len(text))
    found, expected = _WORDS.search(_PATTERN, text, start), _PATTERN.search(text, start)
    assert (found and found.span()) == (expected and expected.span())


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14).map("".join))
def test_a_cue_read_twice_gives_what_one_read_gives(text):
    remembered = Cue(_PATTERN, ("up", "jump", "rose", "by"), starts=True, remember=True)
    plain = Cue(_PATTERN, ("up", "jump", "rose", "by"))
    for start in (4, 0, 2):  # a later start first: the cue remembered must still hold
        a, b = remembered.before(text, start, len(text)), plain.before(text, start, len(text))
        assert (a and a.span()) == (b and b.span())
