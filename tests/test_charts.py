"""The report's charts: SVG written by addsup, read back as XML."""

from __future__ import annotations

import base64
import xml.etree.ElementTree as ET
from datetime import datetime

from hypothesis import given
from hypothesis import strategies as st

from addsup.report.charts import failures_by_check, failures_over_time, nice_ticks

SVG = "{http://www.w3.org/2000/svg}"


def _svg(uri: str) -> ET.Element:
    head, data = uri.split(",", 1)
    assert head == "data:image/svg+xml;base64"
    return ET.fromstring(base64.b64decode(data))


@given(st.integers(min_value=0, max_value=10**9))
def test_ticks_start_at_zero_reach_the_top_and_are_few(top):
    ticks = nice_ticks(top)
    assert ticks[0] == 0 and ticks[-1] >= top and 2 <= len(ticks) <= 6
    step = ticks[1]
    assert all(b - a == step for a, b in zip(ticks, ticks[1:], strict=False))
    assert str(step).lstrip("0")[0] in "125" and set(str(step)[1:]) <= {"0"}


def _run(hour: int, errors: int | None, warnings: int, new: int = 0) -> dict:
    return {
        "started_at": datetime(2026, 12, 1, hour),
        "errors": errors,
        "warnings": warnings,
        "new_failures": new,
        "confirmed": 0,
        "reviewed": 0,
    }


def test_one_stacked_bar_per_finished_run_oldest_first_with_its_counts():
    history = [_run(3, None, 0), _run(2, 4, 1, new=2), _run(1, 2, 3)]  # newest first
    svg = _svg(failures_over_time(history))
    tips = [t.text for t in svg.iter(f"{SVG}title")]
    bars = [t for t in tips if "error(s)" in t]
    assert (
        bars
        == ["12-01 01:00: 2 error(s), 3 warning(s)"] * 2
        + ["12-01 02:00: 4 error(s), 1 warning(s)"] * 2
    )
    assert "new: 2" in tips  # the line of new failures, drawn as some run has them
    assert not any(t.startswith("confirmed") for t in tips)  # none confirmed: no line


def test_bars_by_check_most_first_and_labels_escaped():
    svg = _svg(failures_by_check({"sum_of": 1, "growth": 12, "a<b": 3}))
    words = [t.text for t in svg.iter(f"{SVG}text") if t.text and not t.text.isdigit()]
    assert words[-3:] == ["growth", "a<b", "sum_of"]
    assert [t.text for t in svg.iter(f"{SVG}title")] == [
        "growth: 12 failure(s)",
        "a<b: 3 failure(s)",
        "sum_of: 1 failure(s)",
    ]
