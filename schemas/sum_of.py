"""``sum_of``: listed parts add up to their total (or, some of them, fit in it). The view
(``sum_of.sql``) does the arithmetic, the model decides, and the words below say what was
found."""

from __future__ import annotations

from typing import Any

import pandera.polars as pa
import polars as pl
from pandera.api.polars.types import PolarsData

from addsup import fmt
from addsup.checks.base import AT_EDGE, CheckView, Decided, Row, RowCheck, decide
from addsup.checks.words import EDGE_WORDS, also, amount, finding, linked_across
from addsup.findings import Finding
from addsup_schemas.checks import IntervalRows, intervals_overlap_expr

VIEWS = ("sum_of",)  # the view files beside this module, in the order they are created


class SumOfCheck(IntervalRows):
    """Rows of ``check_sum_of``: listed parts and their total."""

    relation_id: str = pa.Field(unique=True)
    exhaustive: int = pa.Field(isin=[0, 1])

    @pa.dataframe_check
    def parts_add_up_to_total(cls, data: PolarsData) -> pl.LazyFrame:
        """All the parts: their sum overlaps the total. Some of them: their sum fits in it."""
        whole = intervals_overlap_expr(("stated_lo", "stated_hi"), ("implied_lo", "implied_hi"))
        fits = pl.col("implied_lo") <= pl.col("stated_hi")
        return data.lazyframe.select(pl.when(pl.col("exhaustive") == 1).then(whole).otherwise(fits))


def _decide_sum(frame: pl.DataFrame) -> Decided:
    # the edge of rounding means something only where the parts make the whole total
    return decide(frame, SumOfCheck, edge=pl.col("exhaustive") == 1)


def _explain_sum(row: Row, status: str, detail: Any) -> Finding:
    arithmetic = (
        f"{' + '.join(row['part_surfaces'])} = {amount(row['parts_value'])} "
        f"({fmt.interval(row['implied_lo'], row['implied_hi'])})"
    )
    total = f"{row['total_surface']} ({fmt.interval(row['stated_lo'], row['stated_hi'])})"
    if row["exhaustive"]:
        outcome = (
            f"agrees with the total {total}" if status == "pass" else f"but the total says {total}"
        )
    else:
        outcome = (
            f"fits in the whole {total}" if status == "pass" else f"more than the whole {total}"
        )
    extra = also(detail, "parts_add_up_to_total") if status == "fail" else ""
    if detail == [AT_EDGE]:
        outcome, extra = f"meets the total {total} {EDGE_WORDS}", ""
    cue = ""  # the cue words are shown by ``finding``
    return finding(
        "sum_of",
        row,
        status,
        f"{arithmetic}, {outcome}{extra}{cue}",
        severity=linked_across(row, status),
        subject=row["relation_id"],
        figures=(row["total_id"], *row["part_ids"]),
    )


CHECK = RowCheck(
    "sum_of",
    CheckView("check_sum_of", ("relation_id",)),
    _decide_sum,
    _explain_sum,
    figures=("total_id", "part_ids"),
)
