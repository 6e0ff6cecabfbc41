"""``balance`` (exports - imports against a stated surplus or deficit) and
``growth_of_total`` (a total's, or a balance's, rate against the one its parts imply)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import polars as pl

from addsup import fmt
from addsup.checks.base import (
    Decided,
    Row,
    RowCheck,
    also,
    amount,
    decide,
    finding,
    pct,
    pct_interval,
)
from addsup.findings import Finding
from addsup_schemas import BalanceCheck, GrowthOfTotalCheck


def _severity(finding_: Finding, row: Row) -> Finding:
    """A failure of one reading among several is a warning: another may be meant."""
    if finding_.status == "fail" and row["readings"] > 1:
        return replace(finding_, severity="warning")
    return finding_


def _linked(row: Row) -> str:
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
        message + _linked(row),
        subject=row["relation_id"],
        figures=(row["stated_id"], *row["part_ids"]),
    )
    return _severity(made, row)


BALANCE = RowCheck(
    "balance",
    "select_check_balance",
    _decide_balance,
    _explain_balance,
    figures=("stated_id", "part_ids"),
)

validate_balance = BALANCE  # every finding of the view, explained


def _growth_skip(row: Row) -> str | None:
    if row["implied_lo"] is None:
        return (
            f"the parts' levels and rates ({', '.join(row['level_surfaces'])}; "
            f"{', '.join(row['rate_surfaces'])}) imply no positive previous "
            f"{'total' if row['is_total'] else 'balance'}: no growth can be computed"
        )
    return None


def _growth_words(row: Row, status: str, detail: Any) -> str:
    """The arithmetic of a growth_of_total row in words, and its verdict."""
    currency = row["currency"] or ""
    parts = [
        f"{'−' if sign < 0 else '+'} {rate_surface}"
        + ("" if level_id == rate_id else f" (then; now {level})")
        if is_level
        else f"{'−' if sign < 0 else '+'} {level} / (1 {'−' if rate < 0 else '+'} {rate_surface})"
        if is_rate
        else f"{'−' if sign < 0 else '+'} ({level} {'−' if rate > 0 else '+'} {rate_surface})"
        for level, sign, rate, rate_surface, is_rate, is_level, level_id, rate_id in zip(
            row["level_surfaces"],
            row["level_signs"],
            row["rate_values"],
            row["rate_surfaces"],
            row["rate_is_percent"],
            row.get("rate_is_level") or [False] * len(row["level_surfaces"]),
            row["level_ids"],
            row["rate_ids"],
            strict=True,
        )
    ]
    what = (
        "total"
        if row["is_total"]
        else "level"  # a part's: the earlier total less the other parts' earlier levels
        if any(row.get("rate_is_level") or [])
        else "balance"
    )
    previous = (
        f"previous {what} {' '.join(parts).removeprefix('+ ')} = "
        f"{amount(row['previous_value'])} ({fmt.interval(row['previous_lo'], row['previous_hi'], currency)})"
    )
    implied = fmt.interval(row["implied_lo"], row["implied_hi"], currency)
    said = fmt.interval(row["stated_lo"], row["stated_hi"], currency)
    change = "rise of" if row["direction"] > 0 else "fall of"
    if row["form"] == "level":
        arithmetic, stated = previous, f"earlier {what} of {row['growth_surface']} ({said})"
    elif row["form"] == "change":
        value = row["total_value"] - row["previous_value"] if row["previous_value"] else None
        arithmetic = f"{previous}; {row['total_surface']} less it = {amount(value)} ({implied})"
        stated = f"{change} {row['growth_surface']} ({said})"
    else:
        value = (
            100 * (row["total_value"] / row["previous_value"] - 1)
            if row["previous_value"] and row["previous_value"] > 0
            else None
        )
        arithmetic = (
            f"{previous}; {row['total_surface']} over it − 1 = {pct(value)} "
            f"({pct_interval(row['implied_lo'], row['implied_hi'])})"
        )
        stated = (
            f"{change} {row['growth_surface']} ({pct_interval(row['stated_lo'], row['stated_hi'])})"
        )
    if status == "pass":
        return f"{arithmetic} agrees with the stated {stated}"
    stated = stated if row["form"] == "level" else f"a {stated}"
    if "total_moves_with_its_parts" in detail:
        moved = "rose" if row["all_rose"] else "fell"
        return (
            f"every part {moved}, yet the article says {stated}: {arithmetic}"
            f"{also(detail, 'total_moves_with_its_parts')}"
        )
    return f"{arithmetic}, but the article says {stated}{also(detail, 'growth_agrees_with_parts')}"


def _decide_growth_of_total(frame: pl.DataFrame) -> Decided:
    return decide(frame, GrowthOfTotalCheck, _growth_skip, pl.col("implied_lo").is_null())


def _explain_growth_of_total(row: Row, status: str, detail: Any) -> Finding:
    message = detail
    if status != "skip":
        message = _growth_words(row, status, detail)
    made = finding(
        "growth_of_total",
        row,
        status,
        message + _linked(row),
        subject=row["relation_id"],
        figures=(row["growth_id"], row["total_id"], *row["level_ids"], *row["rate_ids"]),
    )
    return _severity(made, row)


GROWTH_OF_TOTAL = RowCheck(
    "growth_of_total",
    "select_check_growth_of_total",
    _decide_growth_of_total,
    _explain_growth_of_total,
    figures=("growth_id", "total_id", "level_ids", "rate_ids"),
)

validate_growth_of_total = GROWTH_OF_TOTAL  # every finding of the view, explained
