"""Run a check view through its pandera schema: every row passes, fails or is skipped."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import duckdb

from addsup import fmt
from addsup.findings import Finding, failing_rows
from addsup.warehouse import sql

Row = dict[str, Any]


def run_view(
    con: duckdb.DuckDBPyConnection,
    query: str,
    schema: Any,
    skip_reason: Callable[[Row], str | None],
) -> list[tuple[Row, str, Any]]:
    """``(row, status, detail)`` for every row of the query ``addsup/sql/<query>.sql``.

    ``detail`` is the skip reason for ``skip``, the failing check names for ``fail``.
    Rows are validated by ``schema``; its failure cases say which rows fail.
    """
    frame = con.sql(sql(query)).pl()
    rows = frame.to_dicts()
    reasons = [skip_reason(r) for r in rows]
    checkable = [i for i, reason in enumerate(reasons) if reason is None]
    out: list[tuple[Row, str, Any]] = [
        (rows[i], "skip", reasons[i]) for i in range(len(rows)) if reasons[i] is not None
    ]
    if checkable:
        failing, general = failing_rows(schema, frame[checkable])
        if general:
            raise ValueError(f"{query} does not match {schema.__name__}: {general}")
        for k, i in enumerate(checkable):
            problems = failing.get(k, [])
            out.append((rows[i], "fail" if problems else "pass", problems))
    return out


def pct(x: float | None) -> str:
    return "?" if x is None or math.isnan(x) else f"{x:.2f} %"


def pct_interval(lo: float | None, hi: float | None) -> str:
    return fmt.interval(lo, hi, "%") if lo is not None and hi is not None else "?"


def amount(x: float | None, currency: str | None = None) -> str:
    if x is None:
        return "?"
    return fmt.number(x) + (f" {currency}" if currency else "")


def also(problems: list[str], main: str) -> str:
    others = sorted({p for p in problems if p != main})
    return f" [also fails: {', '.join(others)}]" if others else ""


ROUNDING = "rounding of every printed figure (docs/checks.md)"


def _pair(row: Row, lo: str, hi: str) -> tuple[float, float] | None:
    return (row[lo], row[hi]) if row.get(lo) is not None else None


def finding(
    check: str,
    row: Row,
    status: str,
    message: str,
    *,
    subject: str,
    figures: tuple[str | None, ...],
    tolerance: str = ROUNDING,
    implied: tuple[float, float] | None = None,
) -> Finding:
    """A finding for one row of a check view; intervals from its stated_*/implied_* columns."""
    return Finding(
        check=check,
        status=status,
        severity="error",
        subject=subject,
        message=message,
        article_id=row["article_id"],
        sentence_no=row["sentence_no"],
        figure_ids=tuple(i for i in figures if i),
        stated=_pair(row, "stated_lo", "stated_hi"),
        implied=implied or _pair(row, "implied_lo", "implied_hi"),
        tolerance=tolerance,
    )


def verdict(status: str, arithmetic: str, stated: str, detail: list[str], main: str) -> str:
    """ "<arithmetic> agrees with the stated <x>" or "<arithmetic>, but the article says <x>"."""
    if status == "pass":
        return f"{arithmetic} agrees with the stated {stated}"
    return f"{arithmetic}, but the article says {stated}{also(detail, main)}"
