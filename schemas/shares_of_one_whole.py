"""``shares_of_one_whole``: the shares of one whole in one article add up to at most 100. The
view (``shares_of_one_whole.sql``) adds them up, the model decides, and the words below say
what was found."""

from __future__ import annotations

import duckdb
import pandera.polars as pa
import polars as pl
from pandera.api.polars.types import PolarsData

from addsup.checks.base import CheckView, Within, run_view
from addsup.checks.words import finding, linked_across
from addsup.findings import Finding

VIEWS = ("shares_of_one_whole",)  # the view files beside this module, in the order they are created
VIEW = CheckView("check_shares_of_one_whole", ("article_id", "whole_key"))


class SharesOfOneWholeCheck(pa.DataFrameModel):
    """Rows of ``check_shares_of_one_whole``."""

    article_id: str
    whole_key: str
    shares: int = pa.Field(ge=2)
    stated_lo: float

    class Config:
        coerce = True

    @pa.dataframe_check
    def shares_do_not_exceed_100(cls, data: PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(pl.col("stated_lo") <= 100)


def validate_shares_of_one_whole(
    con: duckdb.DuckDBPyConnection, within: Within = None
) -> list[Finding]:
    findings = []
    view = run_view(con, VIEW, SharesOfOneWholeCheck, within=within)
    for row, status, _ in view:
        outcome = "at most 100 percent" if status == "pass" else "more than the whole"
        message = (
            f"shares of one whole: {' + '.join(row['share_surfaces'])} = at least "
            f"{row['stated_lo']:.2f} %, {outcome}"
        )
        findings.append(
            finding(
                "shares_of_one_whole",
                row,
                status,
                message,
                subject=f"{row['article_id']}:{row['whole_key']}",
                figures=tuple(row["share_ids"]),
                implied=(0.0, 100.0),
                severity=linked_across(row, status),
            )
        )
    return findings


CHECK = validate_shares_of_one_whole
