"""The ``pipeline`` flow: one run of addsup, each step a Prefect task.

``addsup.run.run`` owns the sequence (start, fetch, load, validate, publish, prune); this
flow makes the ``Run`` of its parameters, runs each step as a task of the same name
(``as_task``: retries where a step may meet a passing fault), adds the run's artifacts and
ends in the run's state. Articles go in batches of files, never one task per article.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any, Literal

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NONE
from prefect.runtime import flow_run
from prefect.states import State

from addsup import retention, run, warehouse
from addsup.parameters import DEFAULT_BATCH_FILES, DEFAULT_MAX_BYTES, RUN, documented
from addsup.paths import (
    DEFAULT_ARTICLES,
    DEFAULT_REFERENCE,
    DEFAULT_REPORTS,
    DEFAULT_TABLES,
    PathNotAllowed,
)
from addsup.progress import BatchLog
from addsup.stream import lower_priority
from addsup_flows.alerting import send_alert
from addsup_flows.artifacts import run_artifacts
from addsup_flows.outcome import failed, outcome, quiet_failures
from addsup_flows.settle import settle_lost_runs

# (retries, seconds between tries) of the steps a passing fault may stop: a feed that does not
# answer, a warehouse briefly busy
RETRIES = {
    "fetch": (1, 10),
    "load_articles": (2, 5),
    "load_tables": (2, 5),
    "load_reference": (2, 5),
}


def as_task(step: Any, *args: Any) -> Any:
    """Run one step of ``addsup.run`` as a Prefect task named after it."""
    retries, delay = RETRIES.get(step.__name__, (0, 0))
    result = task(
        step, name=step.__name__, cache_policy=NONE, retries=retries, retry_delay_seconds=delay
    )(*args)
    if step is run.publish:
        run_artifacts(result)
    return result


quiet_failures()  # a run that fails on purpose ends with its message, not a traceback


def _waiting(holder: str) -> None:
    get_run_logger().info("waiting for the warehouse: it is being written by %s", holder)


def _mark_failed(flow: Any, stopped: Any, state: Any) -> None:
    run.record_stopped(stopped.parameters.get("warehouse_path"), str(stopped.id))


@flow(name="pipeline", on_failure=[_mark_failed], on_crashed=[_mark_failed])
@documented("Check that the numbers in news articles add up, and publish the report.", RUN)
def pipeline(
    articles_dir: str = str(DEFAULT_ARTICLES),
    tables_dir: str = str(DEFAULT_TABLES),
    warehouse_path: str = str(warehouse.DEFAULT_WAREHOUSE),
    reports_dir: str = str(DEFAULT_REPORTS),
    reference_dir: str = str(DEFAULT_REFERENCE),
    published_from: date | None = None,
    published_to: date | None = None,
    fail_on: Literal["never", "error", "warning"] = "never",
    full: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    dask_address: str | None = None,
    dask_workers: int = 0,
    batch_size: int = DEFAULT_BATCH_FILES,
    workers: int = 1,
    sources: str | None = None,
    keep_runs: int = retention.DEFAULT_KEEP_RUNS,
    keep_days: int = retention.DEFAULT_KEEP_DAYS,
    alert_url: str | None = None,
) -> State:
    params = {k: v for k, v in locals().items() if k != "alert_url"}  # a secret: not kept
    try:
        run_id = flow_run.get_id() or str(uuid.uuid4())
        plan = run.Run.of_params(run_id, params, alert=bool(alert_url), progress=BatchLog())
    except PathNotAllowed as err:
        return failed(f"refused: {err}")
    lower_priority()  # the server and its UI answer first on a busy machine
    try:
        done = run.run(plan, step=as_task, waiting=_waiting)
    except (warehouse.WarehouseDamaged, warehouse.WarehouseFull) as err:
        return failed(str(err))  # what to do is in the message; no traceback to read
    settle_lost_runs(done.ended)
    send_alert(alert_url, done.alert)  # after the warehouse is free: a slow receiver holds nothing
    paths = done.published.paths
    return outcome(done.run_id, done.counts, str(paths.html), str(paths.latest_html), fail_on)
