"""Run a check view through its pandera schema: every row passes, fails or is skipped."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

import duckdb
import polars as pl
import pyarrow as pa

from addsup.findings import Finding, failing_rows
from addsup.warehouse import registered, sql
from addsup_schemas.checks import at_edge_expr

Row = dict[str, Any]
ROUNDING = "rounding of every printed figure (docs/checks.md)"
# a row that holds only at the edge of rounding: a failure of warning severity
AT_EDGE = "holds_only_at_the_edge_of_rounding"
_INTERVALS = ("stated_lo", "stated_hi", "implied_lo", "implied_hi")


@cache
def _declared(schema: Any) -> list[str]:
    return list(schema.to_schema().columns)


@dataclass
class Decided:
    """A check view and what its schema decided for each row (no message built yet)."""

    frame: pl.DataFrame
    skipped: dict[int, str]  # row -> why it cannot be checked
    failing: dict[int, list[str]]  # row -> the schema checks it fails

    def status(self, i: int) -> str:
        return "skip" if i in self.skipped else "fail" if i in self.failing else "pass"

    def at_edge(self, i: int) -> bool:
        """Whether row ``i`` fails only by holding at the edge of rounding (a warning)."""
        return self.failing.get(i) == [AT_EDGE]


CHUNK_ROWS = 250_000  # rows of a view decided at a time: memory stays bounded

# a report lists a run's first 10,000 passes (results.json; all of them in a run of up to
# about 600 articles), and validation words those passes as it stores them: reading each
# check view again for the report's words would cost a second pass
PASSES_LISTED = 10_000


# the articles a run decides again (``addsup.scope``), as a frame; None: every article
Within = pl.DataFrame | None


@dataclass(frozen=True)
class CheckView:
    """A check's view (its SQL beside its module under ``schemas/``), read in ``order``."""

    name: str
    order: tuple[str, ...]

    def relation(self, con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyRelation:
        return con.table(self.name).order(", ".join(self.order))


Source = str | CheckView  # a query of ``addsup/sql/<name>.sql``, or a check's view


def view(
    con: duckdb.DuckDBPyConnection,
    query: Source,
    within: Within = None,
    columns: tuple[str, ...] = ("article_id",),
) -> duckdb.DuckDBPyRelation:
    """The rows of ``addsup/sql/<query>.sql`` (or of a check's view), in its order; with
    ``within``, only the rows whose ``columns`` name one of its articles (any of them)."""
    relation = con.sql(sql(query)) if isinstance(query, str) else query.relation(con)
    if within is None:
        return relation
    scope_articles = within  # noqa: F841  (read by the filter, by name)
    return relation.filter(
        " OR ".join(f"{c} IN (SELECT article_id FROM scope_articles)" for c in columns)
    )


def read_view(
    con: duckdb.DuckDBPyConnection,
    query: Source,
    within: Within = None,
    columns: tuple[str, ...] = ("article_id",),
) -> pl.DataFrame:
    """The rows of ``addsup/sql/<query>.sql`` through Arrow (``view``)."""
    return view(con, query, within, columns).pl()


def read_view_chunks(
    con: duckdb.DuckDBPyConnection,
    query: Source,
    key: str,
    rows: int = CHUNK_ROWS,
    within: Within = None,
) -> Iterator[pl.DataFrame]:
    """The rows of ``addsup/sql/<query>.sql`` through Arrow, in frames of about ``rows``
    rows, streamed: the whole view is never held at once.

    The query is ordered by ``key``, and a frame never ends inside a run of equal keys, so a
    ``unique`` check on ``key`` decides on a frame as on the whole view. ``con`` must run no
    other statement until the frames are consumed (give it a ``con.cursor()`` of its own).
    With ``within``, only the rows of those articles (``view``).
    """
    return chunks_by_key(view(con, query, within).to_arrow_reader(rows), key, rows)


def chunks_by_key(batches: Iterable[pa.RecordBatch], key: str, rows: int) -> Iterator[pl.DataFrame]:
    """Frames of about ``rows`` rows from ``batches`` sorted by ``key``, each ending where
    the key changes (a run of equal keys is never split)."""
    carry, held_batches, held = None, [], 0
    for batch in batches:
        held_batches.append(batch)
        held += batch.num_rows
        if held >= rows:
            frame = _joined(carry, held_batches)
            tail = frame[key].eq_missing(frame[key][-1]).arg_true()[0]
            if tail:
                yield frame[:tail]
            carry, held_batches, held = frame[tail:], [], frame.height - tail
    frame = _joined(carry, held_batches)
    if frame is not None and frame.height:
        yield frame


def _joined(carry: pl.DataFrame | None, batches: list[pa.RecordBatch]) -> pl.DataFrame | None:
    if not batches:
        return carry
    frame = pl.from_arrow(pa.Table.from_batches(batches))
    return frame if carry is None else pl.concat([carry, frame])


def decide(
    frame: pl.DataFrame,
    schema: Any,
    skip_reason: Callable[[Row], str | None] | None = None,
    maybe_skipped: pl.Expr | None = None,
    edge: pl.Expr | bool = True,
) -> Decided:
    """Pass, fail or skip for every row of a check view, the part that scales.

    Rows are validated by ``schema`` (pandera, polars backend) in one pass; its failure
    cases say which rows fail. ``skip_reason`` runs in Python only on the rows that
    ``maybe_skipped`` marks (all rows when it is None): it must return None for the others.
    Without ``skip_reason`` every row is checked and no row goes through Python.

    A passing row whose stated and implied intervals meet only at their edges (``edge``
    marks the rows where that test applies; every row with the four interval columns by
    default) fails with ``AT_EDGE`` alone: a warning, never a pass, never an error.
    """
    if skip_reason is None:
        candidates: range | list[int] = []
    elif maybe_skipped is None:
        candidates = range(frame.height)
    else:
        candidates = frame.with_row_index("_i").filter(maybe_skipped)["_i"].to_list()
    rows = frame[list(candidates)].to_dicts() if candidates else []
    skipped = (
        {i: r for i, row in zip(candidates, rows, strict=True) if (r := skip_reason(row))}
        if skip_reason is not None
        else {}
    )
    checkable = [i for i in range(frame.height) if i not in skipped] if skipped else None
    subset = frame if checkable is None else frame[checkable]
    failing: dict[int, list[str]] = {}
    if subset.height:
        # only the columns the schema declares: pandera then carries half the data
        found, general = failing_rows(schema, subset.select(_declared(schema)))
        if general:
            raise ValueError(f"the view does not match {schema.__name__}: {general}")
        failing = found if checkable is None else {checkable[k]: v for k, v in found.items()}
    if edge is not False and all(c in frame.columns for c in _INTERVALS):
        test = at_edge_expr(("stated_lo", "stated_hi"), ("implied_lo", "implied_hi"))
        if edge is not True:
            test = test & edge.fill_null(False)
        marked = frame.select(test.alias("e")).with_row_index("_i").filter(pl.col("e"))["_i"]
        for i in marked.to_list():
            if i not in skipped and i not in failing:
                failing[i] = [AT_EDGE]
    return Decided(frame, skipped, failing)


def run_view(
    con: duckdb.DuckDBPyConnection,
    query: Source,
    schema: Any,
    skip_reason: Callable[[Row], str | None] | None = None,
    maybe_skipped: pl.Expr | None = None,
    frame: pl.DataFrame | None = None,
    edge: pl.Expr | bool = True,
    within: Within = None,
    columns: tuple[str, ...] = ("article_id",),
) -> list[tuple[Row, str, Any]]:
    """``(row, status, detail)`` for every row of the query ``addsup/sql/<query>.sql``
    (or of ``frame``, the view already read; ``within``: of those articles' rows, ``view``):
    ``decide``, then each row as a dict.

    ``detail`` is the skip reason for ``skip``, the failing check names for ``fail``.
    """
    decided = decide(
        frame if frame is not None else read_view(con, query, within, columns),
        schema,
        skip_reason,
        maybe_skipped,
        edge,
    )
    return rows_of(decided)


@dataclass(frozen=True)
class RowCheck:
    """A check with one finding per row of its view, whose passes can be stored as numbers.

    ``decide`` says pass, fail or skip for every row; ``explain`` turns one row into its
    finding with the arithmetic in words. A pass needs no words to be stored: its subject,
    figures and intervals are columns (``figures`` names the figure-id columns in the order
    ``explain`` gives them; a list column adds its ids), and ``explain`` writes the message
    when the pass is shown (``pass_words``).
    """

    name: str
    query: CheckView
    decide_frame: Callable[[pl.DataFrame], Decided]
    explain: Callable[[Row, str, Any], Finding]
    figures: tuple[str, ...]
    subject: str = "relation_id"
    tolerance: str = ROUNDING

    def decide(self, con: duckdb.DuckDBPyConnection, within: Within = None) -> Decided:
        return self.decide_frame(read_view(con, self.query, within))

    def decide_chunks(
        self, con: duckdb.DuckDBPyConnection, rows: int = CHUNK_ROWS, within: Within = None
    ) -> Iterator[Decided]:
        """``decide`` on the view read in frames of about ``rows`` rows (each row is
        decided on its own, so the chunks decide as the whole view does; ``within``: the
        rows of those articles)."""
        for frame in read_view_chunks(con, self.query, self.subject, rows, within):
            yield self.decide_frame(frame)

    def findings(self, decided: Decided, statuses: tuple[str, ...]) -> list[Finding]:
        """The findings of the rows whose status is one of ``statuses``, explained."""
        wanted = [i for i in range(decided.frame.height) if decided.status(i) in statuses]
        if not wanted:
            return []
        rows = decided.frame[wanted].to_dicts()
        return [
            self.explain(
                _mark(row, decided, i),
                decided.status(i),
                decided.skipped.get(i, decided.failing.get(i, [])),
            )
            for i, row in zip(wanted, rows, strict=True)
        ]

    def passes(
        self, decided: Decided, run_id: str, worded: int = 0, through: str | None = None
    ) -> pl.DataFrame:
        """The passing rows as ``check_results`` rows, built by column, the message left out
        but for the first ``worded`` passes, the rest of the last one's article, and the
        articles up to ``through`` (rows are in article order; a chunk may begin inside an
        article worded in the one before): the passes a report lists first get their words
        here, from the frame at hand, not from the view read again for the report."""
        frame = decided.frame.with_row_index("_i")
        others = [*decided.skipped, *decided.failing]
        if others:
            frame = frame.filter(~pl.col("_i").is_in(others))
        messages = pl.lit(None, pl.String)
        nth = min(worded, frame.height) - 1  # the last of the first ``worded`` passes
        last = max(
            filter(None, [frame["article_id"][nth] if nth >= 0 else None, through]), default=None
        )
        if last is not None:
            first = frame.filter(pl.col("article_id") <= last)
            words = {
                row[self.subject]: self.explain(row, "pass", []).message
                for row in first.drop("_i").iter_rows(named=True)
            }
            messages = pl.col(self.subject).replace_strict(
                words, default=None, return_dtype=pl.String
            )
        ids = [
            pl.col(c) if frame.schema[c] == pl.List(pl.String) else pl.concat_list(pl.col(c))
            for c in self.figures
        ]
        return frame.select(
            run_id=pl.lit(run_id),
            check_name=pl.lit(self.name),
            severity=pl.lit("error"),
            status=pl.lit("pass"),
            subject=pl.col(self.subject),
            article_id=pl.col("article_id"),
            sentence_no=pl.col("sentence_no").cast(pl.Int32),
            figure_ids=pl.concat_list(ids).list.drop_nulls(),
            stated_lo=pl.col("stated_lo"),
            stated_hi=pl.col("stated_hi"),
            implied_lo=pl.col("implied_lo"),
            implied_hi=pl.col("implied_hi"),
            tolerance=pl.lit(self.tolerance),
            message=messages,
        )

    def __call__(self, con: duckdb.DuckDBPyConnection, within: Within = None) -> list[Finding]:
        """Every row's finding, explained: a check like the others in ``ALL_CHECKS``."""
        return self.findings(self.decide(con, within), ("pass", "fail", "skip"))

    def pass_words(
        self, con: duckdb.DuckDBPyConnection, article_ids: list[str], subjects: set[str]
    ) -> dict[str, str]:
        """The words of the stored passes for ``subjects`` (in ``article_ids``): their rows of
        the view, read again for those articles only, each worded as the pass it was stored
        as (nothing is decided again)."""
        if not subjects:
            return {}
        wanted = pl.DataFrame({"article_id": article_ids}, schema={"article_id": pl.String})
        with registered(con, {"wanted_articles": wanted}):
            frame = (
                view(con, self.query)
                .filter("article_id IN (SELECT article_id FROM wanted_articles)")
                .pl()
            )
        found = frame.filter(pl.col(self.subject).is_in(list(subjects)))
        return {
            row[self.subject]: self.explain(row, "pass", []).message
            for row in found.iter_rows(named=True)
        }


def _mark(row: Row, decided: Decided, i: int) -> Row:
    """``row`` marked when it holds only at the edge of rounding: ``finding`` makes it a warning."""
    if decided.at_edge(i):
        row["_at_edge"] = True
    return row


def rows_of(decided: Decided) -> list[tuple[Row, str, Any]]:
    """Each row of a decided view as a dict, with its status and detail (the skip reason, or
    the failing check names): what the messages are built from."""
    out: list[tuple[Row, str, Any]] = []
    for i, row in enumerate(decided.frame.iter_rows(named=True)):
        if i in decided.skipped:
            out.append((row, "skip", decided.skipped[i]))
        else:
            problems = decided.failing.get(i, [])
            out.append((_mark(row, decided, i), "fail" if problems else "pass", problems))
    return out
