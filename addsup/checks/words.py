"""What a check's words are made of: numbers and intervals in words, the verdict, and the
finding of one row of a check view."""

from __future__ import annotations

import math

from addsup import fmt
from addsup.checks.base import AT_EDGE, ROUNDING, Row
from addsup.findings import Finding


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
    severity: str = "error",
) -> Finding:
    """A finding for one row of a check view; intervals from its stated_*/implied_* columns.

    A row that holds only at the edge of rounding (``decide``) is a warning, whatever else.
    The words that linked the figures (the view's ``cues``) end the message.
    """
    if row.get("cues"):
        message = f'{message} [cue: "{row["cues"]}"]'
    return Finding(
        check=check,
        status=status,
        severity="warning" if row.get("_at_edge") else severity,
        subject=subject,
        message=message,
        article_id=row["article_id"],
        sentence_no=row["sentence_no"],
        figure_ids=tuple(i for i in figures if i),
        stated=_pair(row, "stated_lo", "stated_hi"),
        implied=implied or _pair(row, "implied_lo", "implied_hi"),
        tolerance=tolerance,
    )


def linked_across(row: Row, status: str) -> str:
    """The severity of a row's failure: a warning when its figures were linked across
    sentences (``reach`` > 0), as the linker read them, not as one sentence says."""
    return "warning" if status == "fail" and (row.get("reach") or 0) > 0 else "error"


def verdict(status: str, arithmetic: str, stated: str, detail: list[str], main: str) -> str:
    """ "<arithmetic>, as the article says: <x>" or "<arithmetic>, but the article says <x>"
    (``stated`` may begin with words of its own: "a rise of 20 percent")."""
    if status == "pass":
        return f"{arithmetic}, as the article says: {stated}"
    if detail == [AT_EDGE]:
        return f"{arithmetic} meets what the article says, {stated}, {EDGE_WORDS}"
    return f"{arithmetic}, but the article says {stated}{also(detail, main)}"


EDGE_WORDS = (
    "only at the edge of rounding (every figure taken at the far end of its rounding): "
    "check the unrounded figures"
)
