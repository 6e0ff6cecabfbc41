"""The pieces of a run, on a warehouse connection: fetch, load (``addsup.stream`` streams a
folder in batches; ``ingest``, ``extract`` and ``load`` do one batch in memory), tables and
reference, validate, finish. ``addsup.run`` puts them in order.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from addsup import incremental, reviews, warehouse
from addsup.articles import DEFAULT_MAX_BYTES, Article, Rejected
from addsup.extract import Extraction
from addsup.extract import extract as extract_text
from addsup.fetch import Fetched, fetch_sources
from addsup.findings import Finding
from addsup.frames import article_frames, extraction_frames
from addsup.ingest import Ingested, plan, read
from addsup.paths import (  # noqa: F401  (re-exported as steps.DEFAULT_*)
    DEFAULT_ARTICLES,
    DEFAULT_REFERENCE,
    DEFAULT_REPORTS,
    DEFAULT_TABLES,
)
from addsup.report.unchanged import unchanged_since
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


def pending(con: duckdb.DuckDBPyConnection, articles: list[Article]) -> list[Article]:
    """The articles not yet extracted by this extractor version (new or edited ones)."""
    if not articles:
        return []
    done = warehouse.extracted_ids(con)
    return [a for a in articles if a.article_id not in done]


def extract(articles: list[Article]) -> dict[str, Extraction]:
    """Figures, periods and relations of each article, by article id."""
    return {a.article_id: extract_text(a.text, a.published_on, a.title) for a in articles}


def load(
    con: duckdb.DuckDBPyConnection,
    ingested: Ingested,
    extractions: dict[str, Extraction],
    run_id: str,
) -> warehouse.LoadStats:
    """Load the batch and its rejections; loading the same batch again changes nothing."""
    frames = {**article_frames(ingested.articles), **extraction_frames(extractions)}
    stats = warehouse.load_frames(con, frames, run_id)
    warehouse.load_quarantine(con, ingested.rejected, run_id)
    incremental.record_files(con, ingested.files)
    if ingested.listed is not None:  # the read of a whole folder: files gone are forgotten
        incremental.forget_missing(con, ingested.listed)
    return stats


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
