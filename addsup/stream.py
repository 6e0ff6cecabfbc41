"""Read, extract and load a folder of articles in batches of files, on several processes.

``addsup.pipeline.ingest`` holds a whole folder in memory; this holds one batch per worker.
Each batch of files is read and extracted in a worker process (``read_batch``), then loaded
by this process, the warehouse's single writer, in one transaction, and its files are
recorded: a run stopped half way goes on from the next batch. While one batch is loaded,
the workers extract the next ones.

Duplicates and near-duplicates are found across batches as in one batch: the article ids
and word skeletons seen so far stay in memory (about 200 bytes per article).
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path

import duckdb
import polars as pl

from addsup import incremental, warehouse
from addsup.articles import DEFAULT_MAX_BYTES, Rejected, near_duplicate_detail
from addsup.extract import extract
from addsup.frames import article_frames, extraction_frames
from addsup.ingest import Ingested, Plan, read
from addsup.ingest import plan as ingest_plan
from addsup.parameters import DEFAULT_BATCH_FILES


@dataclass
class Batch:
    """A batch of files read and extracted: what a worker sends back."""

    ingested: Ingested
    skeletons: dict[str, str]  # word skeleton -> first source, within the batch
    frames: dict[str, pl.DataFrame]  # extraction frames of the articles not extracted yet


@dataclass
class Streamed:
    """What a streamed load did, over all its batches."""

    batches: int = 0
    articles_seen: int = 0
    articles_new: int = 0
    articles_extracted: int = 0
    figures_loaded: int = 0
    relations_loaded: int = 0
    rejected: int = 0
    out_of_range: int = 0
    unchanged: int = 0
    reasons: dict[str, int] = field(default_factory=dict)
    files_read: int = 0  # the files of the batches done

    def stats(self) -> warehouse.LoadStats:
        return warehouse.LoadStats(
            self.articles_seen,
            self.articles_new,
            self.articles_extracted,
            self.figures_loaded,
            self.relations_loaded,
        )


def read_batch(
    todo: list[tuple],
    stats: dict[str, incremental.Stat],
    max_bytes: int = DEFAULT_MAX_BYTES,
    published_from: date | None = None,
    published_to: date | None = None,
    done: frozenset[str] = frozenset(),
) -> Batch:
    """Read a batch of files and extract the articles not in ``done`` (extracted already):
    the frames a load takes, built where the extraction ran."""
    skeletons: dict[str, str] = {}
    ingested = read(todo, stats, max_bytes, published_from, published_to, skeletons)
    todo_articles = [a for a in ingested.articles if a.article_id not in done]
    extractions = {a.article_id: extract(a.text, a.published_on, a.title) for a in todo_articles}
    return Batch(ingested, skeletons, extraction_frames(extractions))


class _Seen:
    """Article ids and word skeletons of the batches loaded so far."""

    def __init__(self) -> None:
        self.ids: dict[str, str] = {}
        self.skeletons: dict[str, str] = {}

    def screen(self, batch: Batch) -> tuple[set[str], list[Rejected]]:
        """The article ids of ``batch`` loaded by an earlier batch, and the warnings for them
        and for near-duplicates of earlier batches; then remembers the batch."""
        again, notes = set(), []
        for a in batch.ingested.articles:
            if a.article_id in self.ids:
                again.add(a.article_id)
                detail = f"same text as {self.ids[a.article_id]}; loaded once"
                notes.append(Rejected(a.source, "duplicate", detail, loaded=True))
        copies = {n.source for n in notes}  # an exact copy is not also a near one
        for key, source in batch.skeletons.items():
            if key in self.skeletons and source not in copies:
                notes.append(
                    Rejected(
                        source,
                        "near_duplicate",
                        near_duplicate_detail(self.skeletons[key]),
                        loaded=True,
                    )
                )
        for a in batch.ingested.articles:
            self.ids.setdefault(a.article_id, a.source)
        for key, source in batch.skeletons.items():
            self.skeletons.setdefault(key, source)
        return again, notes


Work = tuple[list[tuple[Path, str]], dict[str, incremental.Stat], frozenset[str]]


def _batched(con: duckdb.DuckDBPyConnection, plan: Plan, size: int) -> Iterator[Work]:
    """The plan in batches of ``size`` files, each with the articles extracted already that
    its files held when last read (a plan made without ``known`` files has none)."""
    for start in range(0, len(plan), size):
        known = plan.known_sources(start, start + size)
        yield *plan.files(start, start + size), warehouse.extracted_of_sources(con, known)


# Extraction is the CPU-heavy part of a run: it yields to the Prefect server (and its UI)
# on a busy machine, so that Run clicked during a long run still answers.
EXTRACTION_NICENESS = 10


def lower_priority(niceness: int = EXTRACTION_NICENESS) -> None:
    """Raise this process's niceness to at least ``niceness`` (never lower it again)."""
    with suppress(OSError):
        current = os.nice(0)
        if current < niceness:
            os.nice(niceness - current)


@dataclass
class Pool:
    """Processes that read and extract batches while this process loads them."""

    executor: Executor
    size: int  # batches in flight beyond the one being loaded
    name: str  # where the batches run, for the log


@contextmanager
def batch_pool(
    workers: int = 1, dask_address: str | None = None, dask_workers: int = 0
) -> Iterator[Pool | None]:
    """Where batches are read and extracted: a Dask cluster (the scheduler at
    ``dask_address``, else a local one of ``dask_workers`` single-threaded processes),
    else ``workers`` local processes; None (this process) for one worker. Dask is imported
    only here: it takes half a second to import, and most runs do without it."""
    if dask_address or dask_workers:
        from distributed import Client, LocalCluster

        cluster = None
        if not dask_address:
            cluster = LocalCluster(
                n_workers=dask_workers, threads_per_worker=1, processes=True, dashboard_address=None
            )
        try:
            with Client(dask_address or cluster) as client:
                size = max(1, dask_workers or len(client.scheduler_info()["workers"]))
                yield Pool(client.get_executor(), size, f"on dask ({size} worker(s))")
        finally:
            if cluster is not None:
                cluster.close()
        return
    if workers <= 1:
        yield None
        return
    context = multiprocessing.get_context("spawn")  # no fork of a process holding DuckDB
    with ProcessPoolExecutor(workers, mp_context=context, initializer=lower_priority) as pool:
        yield Pool(pool, workers, f"on {workers} process(es)")


def _results(work: Iterator[Work], reader: partial[Batch], pool: Pool | None) -> Iterator[Batch]:
    """The batches read and extracted by ``reader`` (``read_batch`` with its options), in
    order: here, or in ``pool`` with a few batches in flight (memory stays bounded)."""
    if pool is None:
        for todo, stats, done in work:
            yield reader(todo, stats, done=done)
        return
    pending: deque[Future[Batch]] = deque()
    for todo, stats, done in work:
        pending.append(pool.executor.submit(reader, todo, stats, done=done))
        if len(pending) > pool.size:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def load_articles(
    con: duckdb.DuckDBPyConnection,
    articles: Path | Plan,
    run_id: str,
    *,
    full: bool = False,
    pool: Pool | None = None,
    batch_files: int = DEFAULT_BATCH_FILES,
    max_bytes: int = DEFAULT_MAX_BYTES,
    published_from: date | None = None,
    published_to: date | None = None,
    progress: Callable[[Streamed, int], None] | None = None,
) -> Streamed:
    """``ingest``, ``extract`` and ``load`` of a folder (or of the files a plan names) in
    batches of ``batch_files`` files, read and extracted in ``pool`` (see the module;
    ``batch_pool``). Files as they were when last read in full are passed over, and articles
    extracted already are not extracted again, unless ``full``. ``progress`` is told, after
    each batch, what was done so far and how many files there are to read."""
    plan = articles
    if isinstance(articles, Path):
        plan = ingest_plan(articles, None if full else incremental.known_files(con))
    reader = partial(
        read_batch,
        max_bytes=max_bytes,
        published_from=published_from,
        published_to=published_to,
    )
    seen, out = _Seen(), Streamed(unchanged=plan.unchanged)
    for batch in _results(_batched(con, plan, batch_files), reader, pool):
        again, notes = seen.screen(batch)
        ingested = batch.ingested
        articles = [a for a in ingested.articles if a.article_id not in again]
        frames = batch.frames
        if again:
            keep = ~pl.col("article_id").is_in(list(again))
            frames = {name: frame.filter(keep) for name, frame in frames.items()}
        loaded = warehouse.load_frames(con, {**article_frames(articles), **frames}, run_id)
        rejected = [*ingested.rejected, *notes]
        warehouse.load_quarantine(con, rejected, run_id)
        incremental.record_files(con, ingested.files)
        out.batches += 1
        out.articles_seen += len(articles) + len(again)
        out.articles_new += loaded.articles_new
        out.articles_extracted += loaded.articles_extracted
        out.figures_loaded += loaded.figures_loaded
        out.relations_loaded += loaded.relations_loaded
        out.out_of_range += ingested.out_of_range
        out.rejected += len(rejected)
        for r in rejected:
            out.reasons[r.reason] = out.reasons.get(r.reason, 0) + 1
        out.files_read = min(out.batches * batch_files, len(plan))  # batches come in order
        if progress is not None:
            progress(out, len(plan))
    incremental.forget_missing(con, plan.listed)  # files gone from the folder
    # the load's changes into the file, out of memory, before validation reads the tables
    con.execute("CHECKPOINT")
    return out
