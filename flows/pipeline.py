"""The ``pipeline`` flow: (fetch ->) ingest -> extract -> load -> validate -> publish -> prune.

Each task wraps the library function of the same name in ``addsup.pipeline``; the
flow adds logging, artifacts, the run record and the final state. Articles are
processed in one batch per step, never one task per article.
"""

from __future__ import annotations

import uuid
from contextlib import suppress
from datetime import date
from pathlib import Path
from typing import Any, Literal

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NONE
from prefect.runtime import flow_run
from prefect.states import State

from addsup import incremental, retention, warehouse
from addsup import pipeline as steps
from addsup.findings import Finding
from addsup.paths import PathNotAllowed, confine, confine_all
from addsup.report import (
    ReportPaths,
    markdown_summary,
    report_data,
    unchanged_data,
    unchanged_markdown,
    unchanged_since,
)
from addsup.reviews import listed_as_failure, reviewed_since
from addsup.stream import lower_priority
from addsup.writer import one_writer
from addsup_flows.alerting import alert_message, send_alert
from addsup_flows.artifacts import ARTIFACT_ROWS, run_artifacts
from addsup_flows.outcome import failed, outcome, quiet_failures
from addsup_flows.progress import BatchLog
from addsup_flows.scale import extract_and_load
from addsup_flows.settle import settle_lost_runs

quiet_failures()  # a run that fails on purpose ends with its message, not a traceback


@task(cache_policy=NONE, retries=1, retry_delay_seconds=10)
def fetch(db: Path, sources: Path, articles_dir: Path, run_id: str) -> int:
    """Fetch the feeds and pages of the sources file into the articles folder's raw store."""
    with warehouse.warehouse(db) as con:
        done = steps.fetch(con, sources, articles_dir, run_id)
    get_run_logger().info(
        "fetched %d new page(s) into %s; %d unchanged since the last fetch; %d quarantined",
        len(done.stored),
        articles_dir / steps.FETCHED,
        len(done.unchanged),
        len(done.rejected),
    )
    return len(done.stored)


@task(cache_policy=NONE)
def prune(db: Path, keep_runs: int, keep_days: int) -> int:
    """Delete the rows of runs older than the last ``keep_runs`` and ``keep_days``."""
    with warehouse.warehouse(db) as con:
        pruned = retention.prune(con, retention.Retention(keep_runs, keep_days))
    if pruned:
        get_run_logger().info(
            "pruned %d old run(s) (keep_runs=%d, keep_days=%d)", pruned, keep_runs, keep_days
        )
    return pruned


@task(cache_policy=NONE)
def ingest(
    db: Path,
    articles_dir: Path,
    max_bytes: int,
    published_from: date | None,
    published_to: date | None,
    full: bool,
) -> steps.Ingested:
    known = None
    if not full:
        with warehouse.warehouse(db) as con:
            known = incremental.known_files(con)
    ingested = steps.ingest(articles_dir, max_bytes, published_from, published_to, known)
    get_run_logger().info(
        "read %d article(s) from %s (%d file(s) unchanged since last read, passed over); "
        "%d input(s) rejected or flagged; %d outside the date range",
        len(ingested.articles),
        articles_dir,
        ingested.unchanged,
        len(ingested.rejected),
        ingested.out_of_range,
    )
    return ingested


@task(cache_policy=NONE, retries=2, retry_delay_seconds=5)
def load_articles(
    db: Path,
    articles_dir: Path,
    run_id: str,
    full: bool,
    workers: int,
    batch_files: int,
    max_bytes: int,
    published_from: date | None,
    published_to: date | None,
) -> warehouse.LoadStats:
    """Ingest, extract and load in batches of files (a retry goes on from the batch that
    failed: the files of loaded batches are recorded and passed over)."""
    with warehouse.warehouse(db) as con:
        streamed = steps.load_articles(
            con,
            articles_dir,
            run_id,
            full=full,
            workers=workers,
            batch_files=batch_files,
            max_bytes=max_bytes,
            published_from=published_from,
            published_to=published_to,
            progress=BatchLog(),
        )
    get_run_logger().info(
        "read %d article(s) from %s in %d batch(es) on %d process(es) (%d file(s) unchanged "
        "since last read, passed over); extracted %d; %d input(s) rejected or flagged %s; "
        "%d outside the date range",
        streamed.articles_seen,
        articles_dir,
        streamed.batches,
        max(1, workers),
        streamed.unchanged,
        streamed.articles_extracted,
        streamed.rejected,
        streamed.reasons or "",
        streamed.out_of_range,
    )
    return streamed.stats()


@task(cache_policy=NONE, retries=2, retry_delay_seconds=5)
def load_tables(db: Path, tables_dir: Path, run_id: str) -> list[Finding]:
    with warehouse.warehouse(db) as con:
        return steps.load_tables(con, tables_dir, run_id)


@task(cache_policy=NONE, retries=2, retry_delay_seconds=5)
def load_reference(db: Path, reference_dir: Path, run_id: str) -> list[Finding]:
    with warehouse.warehouse(db) as con:
        return steps.load_reference(con, reference_dir, run_id)


@task(cache_policy=NONE)
def validate(
    db: Path,
    run_id: str,
    table_findings: list[Finding],
    stats: warehouse.LoadStats,
    inputs: tuple[Path, Path] | None,
    full: bool = False,
) -> dict[str, Any]:
    with warehouse.warehouse(db) as con:
        steps.validate(con, run_id, table_findings, inputs, full)
        counts = steps.finish(con, run_id, stats)
        previous = unchanged_since(con, run_id)
    if previous:
        get_run_logger().info("nothing new since run %s: its findings stand", previous)
    get_run_logger().info(
        "%d checks: %d failed (%d errors, %d warnings)",
        counts["checks_run"],
        counts["failures"],
        counts["errors"],
        counts["warnings"],
    )
    return counts


@task(cache_policy=NONE)
def publish(db: Path, run_id: str, reports_dir: Path) -> ReportPaths:
    with warehouse.warehouse(db) as con:
        previous = unchanged_since(con, run_id)
        reported = (reports_dir / "runs" / str(previous) / "report.html").is_file()
        if previous and reported and not reviewed_since(con, previous):
            # nothing new: a page that points to the report whose findings stand
            paths = steps.publish(con, run_id, reports_dir)
            summary = unchanged_markdown(
                unchanged_data(con, run_id, previous), paths.html.resolve()
            )
            failures = [
                {
                    "check": r[0],
                    "severity": r[2],
                    "title": r[6],
                    "article": r[5],
                    "subject": r[1],
                    "sentence": None,
                    "message": r[4],
                    "key": r[7],
                }
                for r in con.execute(
                    warehouse.sql("select_run_failures"), [run_id, ARTIFACT_ROWS]
                ).fetchall()
            ]
            failing = steps.counted(con, run_id)["failures"]
        else:
            data = report_data(con, run_id)
            paths = steps.publish(con, run_id, reports_dir, data)
            summary = markdown_summary(data, paths.html.resolve())
            failures = [f for f in data["findings"] if listed_as_failure(f)]
            failing = data["counts"]["fail"]
    run_artifacts(summary, failures, failing, paths.html)
    get_run_logger().info("report: %s", paths.html)
    return paths


def _waiting(holder: str) -> None:
    get_run_logger().info("waiting for the warehouse: it is being written by %s", holder)


def _mark_failed(flow: Any, run: Any, state: Any) -> None:
    """Record in the warehouse that the run stopped before it finished."""
    try:
        path = confine(
            "warehouse_path", run.parameters.get("warehouse_path", str(warehouse.DEFAULT_WAREHOUSE))
        )
    except PathNotAllowed:
        return  # refused before it started: nothing to record, and nowhere we may write
    # a warehouse that cannot be opened was said in the run's message already
    unusable = (warehouse.WarehouseDamaged, warehouse.WarehouseFull, warehouse.WarehouseBusy)
    with suppress(*unusable), warehouse.warehouse(path, timeout=30) as con:
        warehouse.fail_run(con, str(run.id))


@flow(name="pipeline", on_failure=[_mark_failed], on_crashed=[_mark_failed])
def pipeline(
    articles_dir: str = str(steps.DEFAULT_ARTICLES),
    tables_dir: str = str(steps.DEFAULT_TABLES),
    warehouse_path: str = str(warehouse.DEFAULT_WAREHOUSE),
    reports_dir: str = str(steps.DEFAULT_REPORTS),
    reference_dir: str = str(steps.DEFAULT_REFERENCE),
    published_from: date | None = None,
    published_to: date | None = None,
    fail_on: Literal["never", "error", "warning"] = "never",
    full: bool = False,
    max_bytes: int = 2_000_000,
    dask_address: str | None = None,
    dask_workers: int = 0,
    batch_size: int = 2000,
    workers: int = 1,
    sources: str | None = None,
    keep_runs: int = retention.DEFAULT_KEEP_RUNS,
    keep_days: int = retention.DEFAULT_KEEP_DAYS,
    alert_url: str | None = None,
) -> State:
    """Check that the numbers in news articles add up, and publish the report.

    Args:
        articles_dir: Folder of article files (.txt, .md, .jsonl, .html), relative to where the runs execute.
        tables_dir: Folder of curated CSV tables.
        warehouse_path: The DuckDB warehouse file.
        reports_dir: Folder for the HTML, Markdown and JSON reports.
        reference_dir: Folder of reference data (exchange rates, official statistics).
        published_from: Read only article files published on or after this date (the
            others are left unread); articles read by earlier runs stay in the warehouse
            and are checked and reported as before.
        published_to: Read only article files published on or before this date (as
            published_from).
        fail_on: Mark the run Failed when a finding of this severity does not add up.
        full: Extract every article again, not only new or changed ones.
        max_bytes: Files larger than this are quarantined unread.
        dask_address: A Dask scheduler (tcp://host:8786) to extract on, in batches.
        dask_workers: Without an address, extract on a local Dask cluster of this many
            processes (0: extract in the flow's own process).
        batch_size: Files per batch: read, extracted and loaded together (per Dask task
            with Dask), so memory is bounded by the batch.
        workers: Without Dask, the processes that read and extract batches while the
            flow's process loads them (2 on a 2-core machine).
        sources: A sources file (TOML: feeds and pages, docs/inputs.md) to fetch from before
            reading the articles folder; the pages go to its fetched/ folder. None: nothing
            is fetched.
        keep_runs: Keep the rows of at least the last this many runs (older ones are pruned
            unless keep_days keeps them).
        keep_days: Keep the rows of the runs of the last this many days.
        alert_url: A chat webhook (Slack-compatible) to post to when the run finds new
            error findings: the counts, the five newest and the report link. None: no alert.
    """
    try:
        confine_all(
            articles_dir=articles_dir,
            tables_dir=tables_dir,
            warehouse_path=warehouse_path,
            reports_dir=reports_dir,
            reference_dir=reference_dir,
            **({"sources": sources} if sources else {}),
        )
    except PathNotAllowed as err:
        return failed(f"refused: {err}")
    lower_priority()  # the server and its UI answer first on a busy machine
    run_id = flow_run.get_id() or str(uuid.uuid4())
    db = Path(warehouse_path)
    # the webhook address is a secret of the chat it posts to: not kept with the run
    params = {k: v for k, v in locals().items() if k not in ("run_id", "db", "alert_url")}
    with one_writer(db, waiting=_waiting):
        try:
            with warehouse.warehouse(db) as con:
                warehouse.start_run(con, run_id, params)
        except (warehouse.WarehouseDamaged, warehouse.WarehouseFull) as err:
            return failed(str(err))  # what to do is in the message; no traceback to read
        settle_lost_runs(db, run_id)
        if sources:
            fetch(db, Path(sources), Path(articles_dir), run_id)
        if dask_address or dask_workers:
            ingested = ingest(db, Path(articles_dir), max_bytes, published_from, published_to, full)
            stats = extract_and_load(
                db, ingested, full, run_id, dask_address, dask_workers, batch_size
            )
        else:
            stats = load_articles(
                db,
                Path(articles_dir),
                run_id,
                full,
                workers,
                batch_size,
                max_bytes,
                published_from,
                published_to,
            )
        table_findings = load_tables(db, Path(tables_dir), run_id)
        table_findings += load_reference(db, Path(reference_dir), run_id)
        inputs = (Path(tables_dir), Path(reference_dir))
        counts = validate(db, run_id, table_findings, stats, inputs, full)
        paths = publish(db, run_id, Path(reports_dir))
        alert = alert_message(db, run_id, counts, paths.html) if alert_url else None
        prune(db, keep_runs, keep_days)
    send_alert(alert_url, alert)  # after the warehouse is free: a slow receiver holds nothing
    return outcome(run_id, counts, str(paths.html), str(paths.latest_html), fail_on)
