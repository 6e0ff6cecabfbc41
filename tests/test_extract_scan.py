"""Whole-text scans on RE2 (addsup/extract/scan.py)."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from addsup.extract.scan import Scanner


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*"ab yéΩ€\n.,", "year", "half", "Q3"]), max_size=40).map("".join))
def test_the_re2_scanner_reports_the_same_offsets_as_re(text):
    pattern = r"(?i)(?:year|half|q[1-4]|é+)"
    assert Scanner(pattern).spans(text) == [m.span() for m in re.finditer(pattern, text)]


def test_a_scanner_made_after_a_text_was_read_still_finds_its_hits_in_it():
    text = "Exports rose in the first half; imports fell."
    assert Scanner(r"(?i)half").spans(text) == [(text.index("half"), text.index("half") + 4)]
    assert Scanner(r"(?i)imports").spans(text) == [(32, 39)]
    assert Scanner(r"(?i)deficit").spans(text) == []
