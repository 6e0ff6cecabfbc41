"""``balance``: exports - imports (each part times its sign) agrees with the stated surplus
or deficit. The view (``balance.sql``) does the arithmetic, the model decides, and the words
below say what was found."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pandera.polars as pa
import polars as pl
from pandera.api.polars.types import PolarsData

from addsup import fmt
from addsup.checks.base import CheckView, Decided, Row, RowCheck, decide
from addsup.checks.words import also, amount, finding
from addsup.findings import Finding
from addsup_schemas.checks import IntervalRows, overlap_named

VIEWS = ("balance",)  # the view files beside this module, in the order they are created


class BalanceCheck(IntervalRows):
    """Rows of ``check_balance``: exports minus imports against a stated surplus or deficit."""

    relation_id: str = pa.Field(unique=True)
    direction: int = pa.Field(isin=[-1, 1])
    readings: int = pa.Field(ge=1)

    class Config:
        # balance_agrees_with_parts: exports - imports, as an interval, overlaps the signed
        # surplus or deficit
        intervals_overlap = overlap_named("balance_agrees_with_parts")

    @pa.dataframe_check
    def sign_agrees_with_parts(cls, data: PolarsData) -> pl.LazyFrame:
        """A surplus needs exports that can exceed imports; a deficit, imports that can."""
        surplus = pl.col("direction") > 0
        return data.lazyframe.select(
            pl.when(surplus).then(pl.col("implied_hi") >= 0).otherwise(pl.col("implied_lo") <= 0)
        )


# severity and linked: the words of growth_of_total too (its relations are read the same way)


def severity(finding_: Finding, row: Row) -> Finding:
    """A failure of one reading among several is a warning: another may be meant."""
    if finding_.status == "fail" and row["readings"] > 1:
        return replace(finding_, severity="warning")
    return finding_


def linked(row: Row) -> str:
    more = f"; one of {row['readings']} readings tried" if row["readings"] > 1 else ""
    return f" (linked by: {row['cues']}{more})" if row["cues"] else ""


def _terms(surfaces: list[str], signs: list[int]) -> str:
    """ "A − B", "A − 2 × B": the parts with their signs."""
    out = []
    for k, (surface, sign) in enumerate(zip(surfaces, signs, strict=True)):
        times = f"{abs(sign)} × " if abs(sign) != 1 else ""
        op = ("−" if sign < 0 else "+") if k else ("−" if sign < 0 else "")
        out.append(f"{op} {times}{surface}".strip() if k else f"{op}{times}{surface}")
    return " ".join(out)


_SLIPS = {10: "ten", 100: "a hundred", 1000: "a thousand", 1_000_000: "a million"}


def _slip(stated: float | None, parts: float | None) -> str:
    """ "(ten times the parts' balance: a misplaced decimal point or scale word?)" when the
    stated balance is a power of ten off what its parts give."""
    if not stated or not parts:
        return ""
    ratio = abs(stated / parts)
    for factor, words in _SLIPS.items():
        for r, way in ((ratio, "times"), (1 / ratio, "times less than")):
            if abs(r / factor - 1) < 0.03:
                return (
                    f" ({words} {way} what the parts give: a misplaced decimal point or scale"
                    " word?)"
                )
    return ""


def _decide_balance(frame: pl.DataFrame) -> Decided:
    return decide(frame, BalanceCheck)


def _explain_balance(row: Row, status: str, detail: Any) -> Finding:
    currency = row["currency"] or ""
    # a trade or budget balance names its roles ("exports … imports … surplus"); a stated
    # difference between two amounts only its comparison ("more than")
    balance = "…" in (row["cues"] or "…")
    said = ("surplus" if row["direction"] > 0 else "deficit") if balance else "difference"
    arithmetic = (
        f"{_terms(row['part_surfaces'], row['part_signs'])} = "
        f"{amount(row['parts_value'])} ({fmt.interval(row['implied_lo'], row['implied_hi'], currency)})"
    )
    stated = (
        f"{said} of {row['stated_surface']} "
        f"({fmt.interval(row['stated_lo'], row['stated_hi'], currency)})"
    )
    if status == "pass":
        message = f"{arithmetic} agrees with the stated {stated}"
    elif "sign_agrees_with_parts" in detail:
        side = "below" if row["direction"] > 0 else "above"
        first, second = ("exports", "imports") if balance else row["part_surfaces"]
        message = (
            f"the article states a {stated}, but {first} {'are' if balance else 'is'} "
            f"{side} {second}: "
            f"{arithmetic}"
            f"{also(detail, 'sign_agrees_with_parts')}"
        )
    else:
        message = (
            f"{arithmetic}, but the article says a {stated}"
            f"{_slip(row['stated_value'], row['parts_value'])}"
            f"{also(detail, 'balance_agrees_with_parts')}"
        )
    made = finding(
        "balance",
        row,
        status,
        message + linked(row),
        subject=row["relation_id"],
        figures=(row["stated_id"], *row["part_ids"]),
    )
    return severity(made, row)


CHECK = RowCheck(
    "balance",
    CheckView("check_balance", ("relation_id",)),
    _decide_balance,
    _explain_balance,
    figures=("stated_id", "part_ids"),
)
