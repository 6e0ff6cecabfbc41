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
