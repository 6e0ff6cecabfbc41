"""The steps of a run as plain functions: (fetch ->) ingest -> extract -> load -> validate ->
publish.

``flows/pipeline.py`` wraps each in a Prefect task of the same name; ``run_checks`` runs
them all in one process for ``addsup check`` (no Prefect, any DuckDB connection).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from addsup import incremental, reviews, warehouse
from addsup.articles import DEFAULT_MAX_BYTES, Article, Rejected, collect
from addsup.extract import Extraction
from addsup.extract import extract as extract_text
from addsup.fetch import Fetched, fetch_sources
from addsup.files import input_files
from addsup.findings import Finding
from addsup.frames import article_frames, concat_frames, extraction_frames
from addsup.ingest import Ingested, plan, read
from addsup.paths import (  # noqa: F401  (re-exported as steps.DEFAULT_*)
    DEFAULT_ARTICLES,
    DEFAULT_REFERENCE,
    DEFAULT_REPORTS,
    DEFAULT_TABLES,
)
from addsup.report import ReportPaths, unchanged_since, write_reports, write_unchanged_report
from addsup.report.corrections import write_corrections
from addsup.scope import scope
from addsup.sources import SourcesError, read_sources
from addsup.stream import load_articles as load_articles  # the streamed ingest-extract-load
from addsup.tables import load_tables as load_table_files
from addsup.validate import validate_into

FETCHED = "fetched"  # the raw store of fetched pages, inside the articles folder


def fetch(
    con: duckdb.DuckDBPyConnection, sources: Path, articles_dir: Path, run_id: str
) -> Fetched:
    """Download what the sources file names into the raw store (``articles_dir/fetched``),
    which ingest then reads as part of the articles folder; what cannot be fetched, and a
    sources file that cannot be read, are quarantined for this run."""
    try:
        done = fetch_sources(read_sources(sources), articles_dir / FETCHED)
    except SourcesError as err:
        done = Fetched(rejected=[Rejected(str(sources), "bad_sources", str(err))])
    warehouse.load_quarantine(con, done.rejected, run_id)
    return done


def ingest(
    articles_dir: Path,
    max_bytes: int = DEFAULT_MAX_BYTES,
    published_from: date | None = None,
    published_to: date | None = None,
    known: pl.DataFrame | None = None,
) -> Ingested:
    """Read every article file below ``articles_dir``; unreadable ones come back rejected.

    With a date range, only articles published in it are kept; the others are counted in
    ``out_of_range`` (they stay where they are and are read again by a run that wants them).
    With ``known`` (``incremental.known_files``), files whose size and modification time
    are as recorded there are passed over: their articles are in the warehouse already.
    All of it is held in memory: ``addsup.stream`` reads a large folder in batches.
    """
    planned = plan(articles_dir, known)
    ingested = read(*planned.files(), max_bytes, published_from, published_to)
    ingested.unchanged, ingested.listed = planned.unchanged, planned.listed
    return ingested


def ingest_paths(
    paths: Sequence[Path],
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Callable[[int], None] | None = None,
) -> Ingested:
    """Read the given files and folders (for ``addsup check``): a folder as an articles
    folder, every file below it; the source of each is its path as given (below the folder
    as given). ``progress`` is told of each file read."""
    files = input_files(paths)
    if progress is not None:
        files = _counted(files, progress)
    articles, rejected = collect(files, max_bytes)
    return Ingested(articles, rejected)


def _counted(items: list[Any], progress: Callable[[int], None]) -> Iterator[Any]:
    for item in items:
        yield item
        progress(1)


def pending(con: duckdb.DuckDBPyConnection, articles: list[Article]) -> list[Article]:
    """The articles not yet extracted by this extractor version (new or edited ones)."""
    if not articles:
        return []
    done = warehouse.extracted_ids(con)
    return [a for a in articles if a.article_id not in done]


def to_extract(
    con: duckdb.DuckDBPyConnection, articles: list[Article], full: bool
) -> list[Article]:
    """What a run extracts: every article with ``full``, else the ``pending`` ones."""
    return list(articles) if full else pending(con, articles)


def extract(
    articles: list[Article], progress: Callable[[int], None] | None = None
) -> dict[str, Extraction]:
    """Figures, periods and relations of each article, by article id (``progress`` is told
    of each article done)."""
    if progress is None:
        return {a.article_id: extract_text(a.text, a.published_on, a.title) for a in articles}
    return {
        a.article_id: extract_text(a.text, a.published_on, a.title)
        for a in _counted(articles, progress)
    }


def extract_frames(articles: list[Article]) -> dict[str, pl.DataFrame]:
    """``extract`` of a batch as the frames a load takes: what a Dask worker returns."""
    return extraction_frames(extract(articles))


def batches(articles: list[Article], size: int) -> list[list[Article]]:
    """The articles in batches of ``size``, in order (files stay together)."""
    return [articles[i : i + size] for i in range(0, len(articles), size)]


def load_frames(
    con: duckdb.DuckDBPyConnection,
    ingested: Ingested,
    parts: list[dict[str, pl.DataFrame]],
    run_id: str,
) -> warehouse.LoadStats:
    """``load`` with extractions made elsewhere (``extract_frames`` of each batch)."""
    frames = {**article_frames(ingested.articles), **concat_frames(parts)}
    stats = warehouse.load_frames(con, frames, run_id)
    warehouse.load_quarantine(con, ingested.rejected, run_id)
    incremental.record_files(con, ingested.files)
    if ingested.listed is not None:  # the read of a whole folder: files gone are forgotten
        incremental.forget_missing(con, ingested.listed)
    return stats


def load(
    con: duckdb.DuckDBPyConnection,
    ingested: Ingested,
    extractions: dict[str, Extraction],
    run_id: str,
) -> warehouse.LoadStats:
    """Load the batch and its rejections; loading the same batch again changes nothing."""
    return load_frames(con, ingested, [extraction_frames(extractions)], run_id)


def load_tables(con: duckdb.DuckDBPyConnection, tables_dir: Path, run_id: str) -> list[Finding]:
    """Load the curated CSV tables; their schema failures are findings of this run."""
    from addsup_schemas import TABLE_SCHEMAS

    findings, rejected = load_table_files(con, tables_dir, TABLE_SCHEMAS)
    warehouse.load_quarantine(con, rejected, run_id)
    return findings


def load_reference(
    con: duckdb.DuckDBPyConnection, reference_dir: Path, run_id: str
) -> list[Finding]:
    """Load the reference data (exchange rates, official statistics), checked by their schemas."""
    from addsup_schemas import REFERENCE_SCHEMAS

    findings, rejected = load_table_files(con, reference_dir, REFERENCE_SCHEMAS, "reference")
    warehouse.load_quarantine(con, rejected, run_id)
    return findings


def validate(
    con: duckdb.DuckDBPyConnection,
    run_id: str,
    extra: Sequence[Finding] = (),
    inputs: Sequence[Path | None] | None = None,
    full: bool = False,
) -> list[Finding]:
    """Run the checks on the warehouse and store the findings (with ``extra``) for the run;
    returns the failures and skips made (passes are stored as numbers: ``validate_into``).

    With ``inputs`` (the tables and reference folders of the run) and not ``full``, a run
    whose inputs are exactly those of the last completed run takes its findings (``extra``
    included, as the tables are the same; nothing is checked or copied) and returns an empty
    list; any other run decides again only what changed since the findings that stand and
    carries the rest (``addsup.scope``). ``full`` (or no ``inputs``) checks everything.
    """
    digest = incremental.inputs_digest(con, *inputs) if inputs is not None else None
    previous = incremental.reusable_run(con, run_id, digest) if digest and not full else None
    if previous:
        incremental.reuse(con, run_id, previous, digest)
        return []
    tables, reference = inputs if inputs is not None else (None, None)
    within = scope(con, run_id, (tables, reference) if inputs is not None else None, full)
    findings = validate_into(con, run_id, extra, scope=within)
    if digest:
        incremental.record_inputs(con, run_id, digest)
    return findings


def counted(con: duckdb.DuckDBPyConnection, run_id: str) -> dict[str, int]:
    """Checks run, failures, errors and warnings among the findings stored for the run
    (made by it, or taken from the run it points to); the failures reviewed as false alarms
    are counted apart (``reviewed``), not as failures, errors or warnings."""
    passed, failures, skipped, errors, warnings, reviewed = con.execute(
        warehouse.sql("count_run_statuses"), [run_id]
    ).fetchall()[0]
    return {
        "checks_run": passed + failures + skipped + reviewed,
        "failures": failures,
        "errors": errors,
        "warnings": warnings,
        "reviewed": reviewed,
    }


FAIL_ON = ("never", "error", "warning")


def verdict(counts: dict[str, Any], fail_on: str) -> str | None:
    """Why the run should count as failed under ``fail_on``, or None when it should not."""
    if fail_on not in FAIL_ON:
        raise ValueError(f"fail_on must be one of {', '.join(FAIL_ON)}, not {fail_on!r}")
    errors, warnings = counts.get("errors", 0), counts.get("warnings", 0)
    if fail_on == "error" and errors:
        return f"{errors} error-severity finding(s) do not add up"
    if fail_on == "warning" and (errors or warnings):
        return f"{errors} error(s) and {warnings} warning(s) do not add up"
    return None


def finish(
    con: duckdb.DuckDBPyConnection, run_id: str, stats: warehouse.LoadStats
) -> dict[str, Any]:
    """Record the run's counts (of the findings stored for it) and status. A run that took
    the findings of an earlier one had its current articles: it takes its count of figures."""
    previous = unchanged_since(con, run_id)
    if previous:
        figures = con.execute(warehouse.sql("select_run_figures"), [previous]).fetchall()[0][0]
    else:
        figures = warehouse.current_counts(con)["figures"]
    counts = {
        "articles_seen": stats.articles_seen,
        "articles_new": stats.articles_new,
        "figures_total": figures,
        "quarantined": con.execute(warehouse.sql("count_run_quarantined"), [run_id]).fetchall()[0][
            0
        ],
        **counted(con, run_id),
    }
    warehouse.finish_run(con, run_id, "completed", counts)
    reviews.record_run_counts(con, run_id, counts["reviewed"])
    return counts


def publish(
    con: duckdb.DuckDBPyConnection,
    run_id: str,
    reports_dir: Path,
    data: dict[str, Any] | None = None,
) -> ReportPaths:
    """Write the run's HTML, Markdown and JSON reports (from ``data`` when already built).

    A run that took the findings of an earlier one gets a page that points to its report.
    The corrections queue (``corrections.html`` and ``.json``) is written as of this run."""
    write_corrections(con, run_id, reports_dir)
    previous = unchanged_since(con, run_id)
    previous_report = reports_dir / "runs" / str(previous) / "report.html"
    if (
        previous
        and data is None
        and previous_report.is_file()
        and not reviews.reviewed_since(con, previous)
    ):
        return write_unchanged_report(con, run_id, previous, reports_dir)
    return write_reports(con, run_id, reports_dir, data)


def run_checks(
    con: duckdb.DuckDBPyConnection,
    ingested: Ingested,
    run_id: str,
    tables_dir: Path | None = None,
    reference_dir: Path | None = None,
    incremental: bool = False,
    progress: Callable[[int], None] | None = None,
) -> list[Finding]:
    """Every step but publishing, in this process: what ``addsup check`` runs.

    ``incremental``: take the findings of the last completed run when nothing changed
    (see ``validate``); the returned list is then empty. ``progress`` is told of each
    article extracted."""
    warehouse.start_run(con, run_id, {"mode": "check"})
    extractions = extract(pending(con, ingested.articles), progress)
    stats = load(con, ingested, extractions, run_id)
    table_findings = load_tables(con, tables_dir, run_id) if tables_dir else []
    if reference_dir:
        table_findings += load_reference(con, reference_dir, run_id)
    inputs = (tables_dir, reference_dir) if incremental else None
    findings = validate(con, run_id, table_findings, inputs)
    finish(con, run_id, stats)
    return findings
