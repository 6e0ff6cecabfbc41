"""The ``review`` flow: a person's decision on a finding, from the Prefect UI (Deployments ->
``review/addsup-review`` -> Run -> Custom run, with the key and the verdict). The same as
``addsup review`` (``addsup.reviews.review``); an unknown key fails the run with a message
that says where the keys are."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from prefect import flow, get_run_logger
from prefect.states import Completed, State

from addsup import reviews, warehouse
from addsup.parameters import REVIEW, documented
from addsup.paths import DEFAULT_REPORTS, PathNotAllowed, confine_all
from addsup_flows.outcome import failed, quiet_failures

quiet_failures()  # an unknown key ends the run with its message, not a traceback


@flow(name="review")
@documented("Mark a finding false-alarm, confirmed or corrected.", REVIEW)
def review(
    key: str,
    verdict: Literal["false-alarm", "confirmed", "corrected"],
    note: str | None = None,
    by: str | None = None,
    warehouse_path: str = str(warehouse.DEFAULT_WAREHOUSE),
    reports_dir: str = str(DEFAULT_REPORTS),
) -> State:
    try:
        confine_all(warehouse_path=warehouse_path, reports_dir=reports_dir)
    except PathNotAllowed as err:
        return failed(f"refused: {err}")
    try:
        done = reviews.review(Path(warehouse_path), Path(reports_dir), key, verdict, note, by)
    except reviews.ReviewRefused as err:
        return failed(str(err))
    get_run_logger().info("%s: %s", reviews.said(done), done["message"])
    return Completed(message=reviews.said(done), data=done)
