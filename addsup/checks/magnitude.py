"""``magnitude``: two amounts said to stand in an order ("lower than", "up from", "followed
by") or merely compared ("compared with") agree with that order, and are not hundreds of
times apart; one measure printed twice for one period agrees within rounding; a ratio near
1,000 or 10 is named as the slip it likely is."""

from __future__ import annotations

import math

import duckdb

from addsup.checks.base import Row, Within, finding, run_view
from addsup.checks.slips import slip
from addsup.findings import Finding
from addsup_schemas import MagnitudeCheck

_ORDER = {-1: "below", 1: "above", 0: "comparable with"}


def _ratio(row: Row) -> float | None:
    return row["x_value"] / row["y_value"] if row["y_value"] else None


def _message(row: Row, status: str) -> str:
    said = (
        f"{row['x_surface']} and {row['y_surface']} are given for one measure and one period"
        if row["direction"] == 2
        else f"{row['x_surface']} is said to be {_ORDER[row['direction']]} {row['y_surface']}"
    )
    cue = ""  # the cue words are shown by ``finding``
    ratio = _ratio(row)
    if status == "pass":
        return f"{said}{cue}: the values agree"
    if ratio is None:
        return f"{said}{cue}, but {row['y_surface']} is zero"
    size = f"{ratio:,.0f}" if ratio >= 100 else f"{ratio:.3g}"
    likely = slip(ratio)
    if row["direction"] == 2 and ratio > 0:
        # one quantity printed twice: a slip only when the ratio is a power of ten nearly
        # exactly; else one of the two belongs to another period or measure
        exact = abs(math.log10(ratio) - round(math.log10(ratio))) <= math.log10(1.05)
        likely = (
            likely
            if likely and exact
            else "one of the two likely belongs to another period or measure"
        )
        return f"{said}, but {row['x_surface']} is {size} times {row['y_surface']}: {likely}"
    return f"{said}{cue}, but it is {size} times {row['y_surface']}" + (
        f": {likely}" if likely else ""
    )


def validate_magnitude(con: duckdb.DuckDBPyConnection, within: Within = None) -> list[Finding]:
    return [
        finding(
            "magnitude",
            row,
            status,
            _message(row, status),
            subject=row["relation_id"],
            figures=(row["x_id"], row["y_id"]),
            tolerance="rounding of both amounts; at most 500 times apart",
            implied=(row["y_lo"], row["y_hi"]),
        )
        for row, status, _ in run_view(
            con, "select_check_magnitude", MagnitudeCheck, edge=False, within=within
        )
    ]
