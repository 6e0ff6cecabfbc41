"""Extraction on a Dask cluster (prefect-dask's ``DaskTaskRunner``), partitioned by file batches.

The pipeline flow calls ``extract_on_dask`` when it is given a scheduler address or a number
of local workers: each batch of articles is one task on the cluster, extracted there and
returned as the frames a load takes (``addsup.pipeline.extract_frames``); the load itself
stays one transaction in the flow's process, the warehouse's single writer. Several machines:
``docs/performance.md``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import polars as pl
from prefect import flow, get_run_logger, task
from prefect.cache_policies import NONE

from addsup import pipeline as steps
from addsup import warehouse
from addsup.articles import Article

if TYPE_CHECKING:
    from prefect_dask import DaskTaskRunner


def dask_runner(address: str | None, workers: int) -> DaskTaskRunner:
    """A runner on the scheduler at ``address``, else on a local cluster of ``workers``
    single-threaded processes (extraction is pure Python: threads would share one core).
    Imported here: Dask takes half a second to import, and most runs do without it."""
    from prefect_dask import DaskTaskRunner

    if address:
        return DaskTaskRunner(address=address)
    return DaskTaskRunner(
        cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True}
    )


@task(cache_policy=NONE, retries=1)
def extract_batch(articles: list[Article]) -> dict[str, pl.DataFrame]:
    return steps.extract_frames(articles)


@flow(name="extract-on-dask")
def extract_on_dask(batches: list[list[Article]]) -> list[dict[str, pl.DataFrame]]:
    """Every batch extracted on the cluster; the frames come back in batch order."""
    futures = extract_batch.map(batches)
    parts = [f.result() for f in futures]
    get_run_logger().info(
        "extracted %d batch(es), %d article(s) on dask",
        len(parts),
        sum(p["batch_extracted"].height for p in parts),
    )
    return parts


@task(cache_policy=NONE)
def plan_batches(db: Path, ingested: steps.Ingested, full: bool, size: int) -> list[list[Article]]:
    with warehouse.warehouse(db) as con:
        return steps.batches(steps.to_extract(con, ingested.articles, full), size)


@task(cache_policy=NONE, retries=2, retry_delay_seconds=5)
def load_frames(
    db: Path, ingested: steps.Ingested, parts: list[dict[str, pl.DataFrame]], run_id: str
) -> warehouse.LoadStats:
    with warehouse.warehouse(db) as con:
        return steps.load_frames(con, ingested, parts, run_id)


def extract_and_load(
    db: Path,
    ingested: steps.Ingested,
    full: bool,
    run_id: str,
    address: str | None,
    workers: int,
    batch_size: int,
) -> warehouse.LoadStats:
    """The extract and load steps with the extraction on Dask."""
    batches = plan_batches(db, ingested, full, batch_size)
    runner = dask_runner(address, workers)
    parts = extract_on_dask.with_options(task_runner=runner)(batches)
    return load_frames(db, ingested, parts, run_id)
