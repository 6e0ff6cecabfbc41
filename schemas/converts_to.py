"""``converts_to``: two amounts in two currencies agree with the reference rate of the month.
The view (``converts_to.sql``) does the arithmetic, the model decides, and the words below say
what was skipped and why and what was found."""

from __future__ import annotations

import duckdb
import pandera.polars as pa
import polars as pl

from addsup.checks.base import CheckView, Row, Within, run_view
from addsup.checks.words import also, finding
from addsup.findings import Finding
from addsup_schemas.checks import IntervalRows, overlap_named

VIEWS = ("converts_to",)  # the view files beside this module, in the order they are created
VIEW = CheckView("check_converts_to", ("relation_id",))


class ConvertsToCheck(IntervalRows):
    """Rows of ``check_converts_to`` with a reference rate for the period."""

    relation_id: str = pa.Field(unique=True)
    stated_lo: float = pa.Field(gt=0)
    implied_lo: float = pa.Field(gt=0)

    class Config:
        # rate_agrees_with_reference: The rate the two amounts imply overlaps the reference range
        # for the period.
        intervals_overlap = overlap_named("rate_agrees_with_reference")


def _rate(x: float | None) -> str:
    return "?" if x is None else f"{x:.4g}"


def _fx_skip(row: Row) -> str | None:
    if row["stated_lo"] is None:
        return f"{row['b_surface']} may be zero: no rate can be computed"
    if not row["months"]:
        return (
            f"no reference rate for {row['a_currency']} and {row['b_currency']} from "
            f"{row['first_month'] or '?'} to {row['last_month'] or '?'} (data/reference/README.md)"
        )
    return None


def _overlaps(row: Row, lo: str, hi: str) -> bool:
    return (
        row["stated_lo"] is not None
        and row[lo] is not None
        and row["stated_lo"] <= row[hi]
        and row[lo] <= row["stated_hi"]
    )


def validate_converts_to(con: duckdb.DuckDBPyConnection, within: Within = None) -> list[Finding]:
    findings = []
    maybe = pl.col("stated_lo").is_null() | (pl.col("months").fill_null(0) == 0)
    for row, status, detail in run_view(
        con, VIEW, ConvertsToCheck, _fx_skip, maybe, edge=False, within=within
    ):
        message = detail
        severity = "error"
        earlier = status == "fail" and _overlaps(row, "wide_lo", "wide_hi")
        if earlier:  # the rate of an earlier month of the period fits: a warning at most
            severity = "warning"
            message = (
                f"{row['a_surface']} / {row['b_surface']} implies "
                f"{_rate(row['stated_lo'])} to {_rate(row['stated_hi'])} "
                f"{row['a_currency']} per {row['b_currency']}: off the ECB rate of "
                f"{row['last_month']} ({_rate(row['implied_lo'])} to {_rate(row['implied_hi'])}, "
                f"give or take 3 %), though within 3 % of a monthly rate since {row['first_month']}"
            )
        elif status != "skip":
            rate = row["a_value"] / row["b_value"] if row["b_value"] else None
            arithmetic = (
                f"{row['a_surface']} / {row['b_surface']} = {_rate(rate)} "
                f"{row['a_currency']} per {row['b_currency']} "
                f"({_rate(row['stated_lo'])} to {_rate(row['stated_hi'])})"
            )
            reference = f"the ECB reference rate of {row['last_month']}, give or take 3 %, was {_rate(row['implied_lo'])} to {_rate(row['implied_hi'])}"
            if row.get("reading"):  # a bare "¥" read the other way
                reference += f" (read as {row['reading']}: the symbol is ambiguous)"
            message = (
                f"{arithmetic}; {reference}: agrees"
                if status == "pass"
                else f"{arithmetic}, but {reference}{also(detail, 'rate_agrees_with_reference')}"
            )
        findings.append(
            finding(
                "converts_to",
                row,
                status,
                message,
                subject=row["relation_id"],
                figures=(row["b_id"], row["a_id"]),
                tolerance="rounding of both amounts; the ECB rate of the month, ±3 %",
                severity=severity,
            )
        )
    return findings


CHECK = validate_converts_to
