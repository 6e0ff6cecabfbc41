"""The ``review`` flow: a person's decision on a finding, from the Prefect UI (Deployments ->
``review/addsup-review`` -> Run -> Custom run, with the key and the verdict). The same as
``addsup review`` (``addsup.reviews.record``); an unknown key fails the run with a message
that says where the keys are."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from prefect import flow, get_run_logger
from prefect.states import Completed, State

from addsup import reviews, warehouse
from addsup.paths import DEFAULT_REPORTS, PathNotAllowed, confine_all
from addsup.report.corrections import write_corrections
from addsup.writer import one_writer
from addsup_flows.outcome import failed, quiet_failures

quiet_failures()  # an unknown key ends the run with its message, not a traceback


@flow(name="review")
def review(
    key: str,
    verdict: Literal["false-alarm", "confirmed", "corrected"],
    note: str | None = None,
    by: str | None = None,
    warehouse_path: str = str(warehouse.DEFAULT_WAREHOUSE),
    reports_dir: str = str(DEFAULT_REPORTS),
) -> State:
    """Mark a finding false-alarm, confirmed or corrected.

    Args:
        key: The finding's key, as the report and results.json show it.
        verdict: false-alarm: no longer listed or counted as a failure (fail_on ignores it);
            confirmed: stays a failure and joins the corrections queue; corrected: leaves the
            queue (a later run that still finds it reopens it).
        note: Why, in a few words (shown in the report and the corrections queue).
        by: Who decided.
        warehouse_path: The DuckDB warehouse file (the reviews are kept beside it).
        reports_dir: The reports folder, whose corrections queue page is written again.
    """
    try:
        confine_all(warehouse_path=warehouse_path, reports_dir=reports_dir)
    except PathNotAllowed as err:
        return failed(f"refused: {err}")
    with (
        one_writer(Path(warehouse_path)),
        warehouse.warehouse(Path(warehouse_path)) as con,
    ):
        try:
            done = reviews.record(con, key, verdict, note, by)
        except reviews.ReviewRefused as err:
            return failed(str(err))
        if Path(reports_dir).is_dir():
            write_corrections(con, reviews.latest_run(con), Path(reports_dir))
    said = f"{done['key']} marked {done['verdict']}: {done['check']} · {done['title'] or done['article'] or ''}"
    get_run_logger().info("%s: %s", said, done["message"])
    return Completed(message=said, data=done)
