"""Runs the Prefect server still shows as Running, though they ended while it could not hear.

A run whose server went away (or whose process was killed) finishes, or stops, without
telling the server; once the server is back it would show that run as Running forever.
The warehouse knows better: the next run, holding the writer lock, marks failed the runs
still marked running there (no other run can be alive: ``addsup.run.start``), and this gives
the server's Running runs the state the warehouse recorded for them.
"""

from __future__ import annotations

import uuid

import httpx
from prefect import get_run_logger
from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import (
    FlowRunFilter,
    FlowRunFilterId,
    FlowRunFilterState,
    FlowRunFilterStateType,
)
from prefect.client.schemas.objects import StateType
from prefect.states import Completed, Crashed, State


def _state(status: str) -> State:
    if status == "completed":
        return Completed(
            message="ended while the Prefect server could not hear it; the warehouse "
            "recorded it as completed (its report was written)"
        )
    return Crashed(
        message=f"stopped without telling the Prefect server; the warehouse recorded it as {status}"
    )


def settle_lost_runs(ended: dict[str, str]) -> list[str]:
    """Give the server's Running runs that the warehouse says ended (``ended``: run id ->
    status, ``addsup.run.start``) their recorded end; the ids settled. Never fails the run
    that calls it (a server that does not answer: none settled)."""
    ids = []
    for key in ended:
        try:
            ids.append(uuid.UUID(key))
        except ValueError:
            continue  # a run of addsup check: never on the server
    if not ids:
        return []
    settled = []
    try:
        with get_client(sync_client=True) as client:
            running = client.read_flow_runs(
                flow_run_filter=FlowRunFilter(
                    id=FlowRunFilterId(any_=ids),
                    state=FlowRunFilterState(type=FlowRunFilterStateType(any_=[StateType.RUNNING])),
                )
            )
            for lost in running:
                client.set_flow_run_state(lost.id, _state(ended[str(lost.id)]), force=True)
                settled.append(str(lost.id))
    except httpx.HTTPError as err:
        get_run_logger().warning("could not settle earlier runs on the server: %s", err)
    if settled:
        get_run_logger().info(
            "%d earlier run(s) ended while the server could not hear them; their state now "
            "says how they ended: %s",
            len(settled),
            ", ".join(settled),
        )
    return settled
