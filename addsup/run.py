"""A run of addsup, written once: start -> (fetch ->) load articles -> load tables and
reference -> validate -> publish -> (alert ->) prune.

``run`` owns the sequence; whoever runs it says how each step is run. ``addsup check`` and
the bench call every step here (``in_process``); the pipeline flow runs each as a Prefect
task named after it (``flows/pipeline.py``). A step is a function of this module that takes
the ``Run`` first and opens the warehouse for itself, so that it can be retried alone and
readers of the warehouse get in between steps. What a step has to say goes to the logger
``addsup.run`` (the flow puts it in the run's log).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext, suppress
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import duckdb

from addsup import pipeline as steps
from addsup import retention, warehouse
from addsup.findings import Finding
from addsup.ingest import plan_inputs
from addsup.parameters import DEFAULT_BATCH_FILES, DEFAULT_MAX_BYTES
from addsup.paths import PathNotAllowed, confine, confine_all
from addsup.report.publish import Published
from addsup.report.unchanged import unchanged_since
from addsup.stream import Streamed, batch_pool
from addsup.writer import one_writer

log = logging.getLogger("addsup.run")
T = TypeVar("T")
Step = Callable[..., Any]  # step(function, *args): runs one step, returns what it returns


def in_process(function: Callable[..., T], *args: Any) -> T:
    """Run the step here and now."""
    return function(*args)


@dataclass(frozen=True)
class Run:
    """What one run reads and writes, and how (the pipeline flow's parameters).

    ``articles`` is an articles folder, or the files and folders of a command line
    (``addsup check``). ``connection``, when given, is the warehouse every step uses (an
    in-memory one); else each step opens ``warehouse`` for itself. ``reports_dir`` None:
    no reports are written; ``keep`` None: nothing is pruned."""

    run_id: str
    articles: Path | tuple[Path, ...]
    warehouse: Path = warehouse.DEFAULT_WAREHOUSE
    tables_dir: Path | None = None
    reference_dir: Path | None = None
    reports_dir: Path | None = None
    published_from: date | None = None
    published_to: date | None = None
    full: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES
    batch_size: int = DEFAULT_BATCH_FILES
    workers: int = 1
    dask_address: str | None = None
    dask_workers: int = 0
    sources: Path | None = None
    keep: retention.Retention | None = None
    alert: bool = False
    params: dict[str, Any] = field(default_factory=dict)  # recorded with the run
    connection: duckdb.DuckDBPyConnection | None = None
    progress: Callable[[Streamed, int], None] | None = None

    @classmethod
    def of_params(cls, run_id: str, params: dict[str, Any], **more: Any) -> Run:
        """The run that the pipeline flow's parameters (``flows/pipeline.py``) ask for; they
        are recorded with it. ``PathNotAllowed`` when a path lies outside the allowed roots
        (a run from the UI chooses only among the folders the operator allowed)."""
        p, path = params, Path
        names = ("articles_dir", "tables_dir", "warehouse_path", "reports_dir", "reference_dir")
        confine_all(
            **{n: p[n] for n in names}, **({"sources": p["sources"]} if p["sources"] else {})
        )
        return cls(
            run_id,
            path(p["articles_dir"]),
            warehouse=path(p["warehouse_path"]),
            tables_dir=path(p["tables_dir"]),
            reference_dir=path(p["reference_dir"]),
            reports_dir=path(p["reports_dir"]),
            published_from=p["published_from"],
            published_to=p["published_to"],
            full=p["full"],
            max_bytes=p["max_bytes"],
            batch_size=p["batch_size"],
            workers=p["workers"],
            dask_address=p["dask_address"],
            dask_workers=p["dask_workers"],
            sources=path(p["sources"]) if p["sources"] else None,
            keep=retention.Retention(p["keep_runs"], p["keep_days"]),
            params=params,
            **more,
        )

    def open(self) -> AbstractContextManager[duckdb.DuckDBPyConnection]:
        if self.connection is not None:
            return nullcontext(self.connection)
        return warehouse.warehouse(self.warehouse)


@dataclass(frozen=True)
class Done:
    """What a run did: its counts, what it published, its alert (None: nothing to say) and
    the earlier runs the warehouse says have ended (run id -> status)."""

    run_id: str
    counts: dict[str, Any]
    published: Published | None
    alert: dict[str, Any] | None
    ended: dict[str, str]


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


# ended runs younger than this may still be telling their server themselves
GRACE_SECONDS = 300.0


def start(run: Run) -> dict[str, str]:
    """Record the run as started; runs left marked running are marked failed (the writer
    lock says none is alive). Returns the runs that have ended, by id, with their status."""
    with run.open() as con:
        warehouse.start_run(con, run.run_id, run.params)
        abandoned = warehouse.fail_abandoned_runs(con, run.run_id)
        ended = warehouse.ended_runs(con, GRACE_SECONDS)
    return ended | dict.fromkeys(abandoned, "failed")


def fetch(run: Run) -> int:
    """Fetch the feeds and pages of the sources file into the articles folder's raw store."""
    assert run.sources is not None and isinstance(run.articles, Path)
    with run.open() as con:
        done = steps.fetch(con, run.sources, run.articles, run.run_id)
    log.info(
        "fetched %d new page(s) into %s; %d unchanged since the last fetch; %d quarantined",
        len(done.stored),
        run.articles / steps.FETCHED,
        len(done.unchanged),
        len(done.rejected),
    )
    return len(done.stored)


def load_articles(run: Run) -> warehouse.LoadStats:
    """Read, extract and load the articles in batches of files (a retry goes on from the
    batch that failed: the files of loaded batches are recorded and passed over)."""
    plan = plan_inputs(run.articles) if isinstance(run.articles, tuple) else None
    with run.open() as con, batch_pool(run.workers, run.dask_address, run.dask_workers) as pool:
        streamed = steps.load_articles(
            con,
            run.articles if plan is None else plan,
            run.run_id,
            full=run.full,
            pool=pool,
            batch_files=run.batch_size,
            max_bytes=run.max_bytes,
            published_from=run.published_from,
            published_to=run.published_to,
            progress=run.progress,
        )
    where = pool.name if pool else "in this process"
    log.info(
        "read %d article(s) in %d batch(es) %s (%d file(s) unchanged since last read, passed "
        "over); extracted %d; %d input(s) rejected or flagged %s; %d outside the date range",
        streamed.articles_seen,
        streamed.batches,
        where,
        streamed.unchanged,
        streamed.articles_extracted,
        streamed.rejected,
        streamed.reasons or "",
        streamed.out_of_range,
    )
    return streamed.stats()


def load_tables(run: Run) -> list[Finding]:
    """Load the curated tables; their schema failures are findings of the run."""
    if run.tables_dir is None:
        return []
    with run.open() as con:
        return steps.load_tables(con, run.tables_dir, run.run_id)


def load_reference(run: Run) -> list[Finding]:
    """Load the reference data (exchange rates, official statistics)."""
    if run.reference_dir is None:
        return []
    with run.open() as con:
        return steps.load_reference(con, run.reference_dir, run.run_id)


def validate(run: Run, found: Sequence[Finding], stats: warehouse.LoadStats) -> dict[str, Any]:
    """Decide what the run's changes touch (everything with ``full``), store the findings
    and the run's counts."""
    with run.open() as con:
        steps.validate(con, run.run_id, found, (run.tables_dir, run.reference_dir), run.full)
        counts = steps.finish(con, run.run_id, stats)
        previous = unchanged_since(con, run.run_id)
    if previous:
        log.info("nothing new since run %s: its findings stand", previous)
    log.info(
        "%d checks: %d failed (%d errors, %d warnings)",
        counts["checks_run"],
        counts["failures"],
        counts["errors"],
        counts["warnings"],
    )
    return counts


def publish(run: Run) -> Published:
    """Write the run's reports (and the corrections queue)."""
    from addsup.report.publish import publish as write

    assert run.reports_dir is not None
    with run.open() as con:
        published = write(con, run.run_id, run.reports_dir)
    log.info("report: %s", published.paths.html)
    return published


def alert_message(run: Run, counts: dict[str, Any], report: Path) -> dict[str, Any] | None:
    """The run's alert, or None when it has no new error finding."""
    from addsup import alerts
    from addsup.report.server import report_url

    with run.open() as con:
        return alerts.message(con, run.run_id, counts, report_url(report) or str(report.resolve()))


def prune(run: Run) -> int:
    """Delete the rows of runs older than ``keep`` keeps."""
    assert run.keep is not None
    with run.open() as con:
        pruned = retention.prune(con, run.keep)
    if pruned:
        log.info(
            "pruned %d old run(s) (keep_runs=%d, keep_days=%d)",
            pruned,
            run.keep.keep_runs,
            run.keep.keep_days,
        )
    return pruned


def record_stopped(warehouse_path: str | None, run_id: str) -> None:
    """Record in the warehouse that the run stopped before it finished (a path that is not
    allowed, or a warehouse that cannot be opened, was said in the run's message already)."""
    unusable = (warehouse.WarehouseDamaged, warehouse.WarehouseFull, warehouse.WarehouseBusy)
    with suppress(PathNotAllowed, *unusable):
        path = confine("warehouse_path", warehouse_path or warehouse.DEFAULT_WAREHOUSE)
        with warehouse.warehouse(path, timeout=30) as con:
            warehouse.fail_run(con, run_id)


def run(plan: Run, step: Step = in_process, waiting: Callable[[str], None] | None = None) -> Done:
    """The run, start to end, holding the warehouse's writer lock (``waiting`` is told who
    holds it, if another run does). Each step goes through ``step``."""
    lock = ":memory:" if plan.connection is not None else plan.warehouse
    with one_writer(lock, waiting=waiting):
        ended = step(start, plan)
        if plan.sources:
            step(fetch, plan)
        stats = step(load_articles, plan)
        found = step(load_tables, plan) + step(load_reference, plan)
        counts = step(validate, plan, found, stats)
        published = step(publish, plan) if plan.reports_dir else None
        alert = step(alert_message, plan, counts, published.paths.html) if plan.alert else None
        if plan.keep:
            step(prune, plan)
    return Done(plan.run_id, counts, published, alert, ended)
