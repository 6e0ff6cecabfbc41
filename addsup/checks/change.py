"""``growth`` (current / previous - 1) and ``pp_difference`` (a - b in percentage points)."""

from __future__ import annotations

import duckdb
import polars as pl

from addsup import fmt
from addsup.checks.base import (
    Decided,
    Row,
    decide,
    finding,
    pct,
    pct_interval,
    read_view,
    rows_of,
    verdict,
)
from addsup.findings import Finding
from schemas import GrowthCheck, GrowthStated, PpDifferenceCheck


def _change(row: Row) -> str:
    return "a rise of" if row["direction"] > 0 else "a fall of"


def _growth_skip(row: Row) -> str | None:
    if row["stated_hi"] is not None and row["stated_hi"] <= -100:
        return None  # checked below: a fall of 100 % or more is impossible
    if row["previous_id"] is None:
        lo, hi = row["implied_previous_lo"], row["implied_previous_hi"]
        return (
            f"previous level not stated: {row['current_surface']} after {_change(row)} "
            f"{row['growth_surface']} implies {fmt.interval(lo, hi, row['currency'] or '')} before"
        )
    if row["current_id"] is None:
        return f"current level not stated: only {row['previous_surface']} before {_change(row)} {row['growth_surface']}"
    if row["implied_lo"] is None:
        return (
            f"the previous level {row['previous_surface']} may be zero: no growth can be computed"
        )
    return None


def decide_growth(con: duckdb.DuckDBPyConnection) -> tuple[Decided, set[str]]:
    """The growth rows decided, and the relations whose stated fall exceeds 100 %."""
    frame = read_view(con, "select_check_growth")  # read once, validated by two schemas
    impossible = {frame["relation_id"][i] for i in decide(frame, GrowthStated).failing}
    maybe = (
        pl.col("previous_id").is_null()
        | pl.col("current_id").is_null()
        | pl.col("implied_lo").is_null()
    )
    return decide(frame, GrowthCheck, _growth_skip, maybe), impossible


def validate_growth(con: duckdb.DuckDBPyConnection) -> list[Finding]:
    findings = []
    decided, impossible = decide_growth(con)
    for row, status, detail in rows_of(decided):
        stated = f"{_change(row)} {row['growth_surface']} ({pct_interval(row['stated_lo'], row['stated_hi'])})"
        message = detail
        if row["relation_id"] in impossible:
            status, message = (
                "fail",
                f"{stated} would take the level below zero: a fall cannot exceed 100 %",
            )
        elif status != "skip":
            value = (
                100 * (row["current_value"] / row["previous_value"] - 1)
                if row["previous_value"]
                else None
            )
            arithmetic = (
                f"{row['current_surface']} / {row['previous_surface']} − 1 = {pct(value)} "
                f"({pct_interval(row['implied_lo'], row['implied_hi'])})"
            )
            message = verdict(status, arithmetic, stated, detail, "growth_agrees_with_levels")
        findings.append(
            finding(
                "growth",
                row,
                status,
                message,
                subject=row["relation_id"],
                figures=(row["growth_id"], row["current_id"], row["previous_id"]),
            )
        )
    return findings


def _gap_skip(row: Row) -> str | None:
    if row["b_id"] is None:
        other = row["phrase"] or "the other rate"
        return (
            f"{other} not stated: {row['a_surface']} {'−' if row['direction'] > 0 else '+'} "
            f"{row['gap_surface']} implies {pct_interval(row['implied_other_lo'], row['implied_other_hi'])}"
        )
    return None


def decide_pp_difference(con: duckdb.DuckDBPyConnection) -> Decided:
    frame = read_view(con, "select_check_pp_difference")
    return decide(frame, PpDifferenceCheck, _gap_skip, pl.col("b_id").is_null())


def validate_pp_difference(con: duckdb.DuckDBPyConnection) -> list[Finding]:
    findings = []
    for row, status, detail in rows_of(decide_pp_difference(con)):
        message = detail
        if status != "skip":
            higher = row["direction"] > 0
            first, second = (row["a_surface"], row["b_surface"])[:: 1 if higher else -1]
            value = (row["a_value"] - row["b_value"]) * (1 if higher else -1)
            arithmetic = (
                f"{first} − {second} = {value:.2f} points "
                f"({fmt.interval(row['implied_lo'], row['implied_hi'], 'points')})"
            )
            stated = f"{row['gap_surface']} {'higher' if higher else 'lower'}"
            message = verdict(status, arithmetic, stated, detail, "gap_agrees_with_both_sides")
        findings.append(
            finding(
                "pp_difference",
                row,
                status,
                message,
                subject=row["relation_id"],
                figures=(row["gap_id"], row["a_id"], row["b_id"]),
            )
        )
    return findings
