"""What a run decides again, and what it carries.

The findings that stand are the rows of ``check_results`` made since the last full
validation (the base) that no later run retired (``until_seq``); the ``run_findings`` view
gives every run the rows that stood at it, by reference: nothing is copied. A run re-decides

* every check of the articles that are new, edited (a new id), moved to another file or
  removed since the standing findings were made (``checked_articles``), and retires their
  old rows; an ``agreement`` pair is re-decided when either of its articles is;
* with new reference data (exchange rates, official statistics), every ``converts_to`` and
  ``reference`` row;
* the curated tables' and reference files' own findings (they are made every run);

and everything, as a full run, when asked to, when there is no base, or when the check code
(``incremental.check_code_digest``, which names the extractor version) or the curated tables
changed (``checked_inputs``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import polars as pl

from addsup import incremental
from addsup.warehouse import sql

TOUCHED_SCHEMA = {"article_id": pl.String}


@dataclass(frozen=True)
class Scope:
    """What a run decides: everything (``full``), or the checks of ``decided`` articles,
    retiring the standing rows of ``touched`` ones (``reference``: and every row of the
    checks that read reference data)."""

    seq: int | None
    base: int | None
    full: bool = True
    touched: pl.DataFrame = field(default_factory=lambda: pl.DataFrame(schema=TOUCHED_SCHEMA))
    decided: pl.DataFrame = field(default_factory=lambda: pl.DataFrame(schema=TOUCHED_SCHEMA))
    reference: bool = False
    digests: dict[str, str] = field(default_factory=dict)

    def within(self, check: str) -> pl.DataFrame | None:
        """The articles whose rows of ``check`` are decided (None: every article)."""
        if self.full or (self.reference and check in REFERENCE_CHECKS):
            return None
        return self.decided


# the checks that read reference data (fx_monthly, official_stats)
REFERENCE_CHECKS = frozenset({"converts_to", "reference"})


def digests(tables: Path | None, reference: Path | None) -> dict[str, str]:
    """What the standing findings were checked with, by kind."""
    return {
        "code": incremental.check_code_digest(),
        "tables": incremental.folder_digest(tables),
        "reference": incremental.folder_digest(reference),
    }


def scope(
    con: duckdb.DuckDBPyConnection,
    run_id: str,
    inputs: tuple[Path | None, Path | None] | None,
    full: bool = False,
) -> Scope:
    """What run ``run_id`` decides: everything with ``full`` or without ``inputs`` (the
    tables and reference folders), else what changed since the standing findings."""
    base, seq = con.execute(sql("select_checked_base"), [run_id]).fetchall()[0]
    now = digests(*inputs) if inputs is not None else {}
    before = dict(con.execute(sql("select_checked_inputs")).fetchall())
    if (
        full
        or not now
        or base is None
        or seq is None
        or any(before.get(k) != now[k] for k in ("code", "tables"))
    ):
        return Scope(seq, seq, digests=now if seq is not None else {})
    touched = con.sql(sql("select_touched_articles")).pl()
    return Scope(
        seq,
        base,
        full=False,
        touched=touched.select("article_id"),
        decided=touched.filter(pl.col("current")).select("article_id"),
        reference=before.get("reference") != now["reference"],
        digests=now,
    )


def retire(con: duckdb.DuckDBPyConnection, scope: Scope) -> None:
    """End the standing rows that ``scope`` decides again (inside the run's transaction)."""
    if scope.full:
        return
    scope_touched = scope.touched  # noqa: F841  (read by the statement, by name)
    con.execute(sql("retire_findings"), [scope.seq, scope.base, scope.reference])


def record(con: duckdb.DuckDBPyConnection, run_id: str, scope: Scope) -> None:
    """Remember what the standing findings now describe (inside the run's transaction): the
    articles decided again and their files (all of them after a full validation), the digests
    of what checked them, and the run's base."""
    scope_touched = scope.touched  # noqa: F841  (read by the statements, by name)
    con.execute(sql("delete_unchecked_articles"), [scope.full])
    con.execute(sql("insert_checked_articles"), [scope.full])
    for kind in ("code", "tables", "reference"):
        con.execute(sql("upsert_checked_inputs"), [kind, scope.digests.get(kind, "")])
    con.execute(sql("set_run_base"), [scope.base, run_id])
