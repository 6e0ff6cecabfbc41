"""Deployments of the ``pipeline`` flow, served by one long-running process.

* ``addsup-hourly``: every hour, picks up new or changed articles.
* ``addsup-daily``: every morning, extracts everything again and fails on errors.
* ``review/addsup-review`` (no schedule): a person marks a finding from the UI's Custom run.

Both allow one run at a time, and every run holds the warehouse's writer lock for its
whole length (``addsup.writer``), so two runs never write the warehouse at once, even
across deployments or with ``addsup run`` beside them.
"""

from __future__ import annotations

from typing import Any

from prefect import serve
from prefect.deployments.runner import RunnerDeployment
from prefect.utilities.callables import ParameterSchema

from addsup.parameters import DAILY_CRON, HOURLY_CRON
from addsup_flows.pipeline import pipeline


class StrictParameterSchema(ParameterSchema):
    """The flow's parameter schema, closed: the server refuses a run with an unknown parameter.

    Without this, an unknown parameter is accepted and the run then crashes with only
    "Process exited with status code: 1" in the UI.
    """

    additionalProperties: bool = False


def _strict(deployment: RunnerDeployment) -> RunnerDeployment:
    schema = deployment._parameter_openapi_schema.model_dump()
    deployment._parameter_openapi_schema = StrictParameterSchema(
        **schema, additionalProperties=False
    )
    return deployment


def build_deployments(
    parameters: dict[str, Any],
    sources: str | None = None,
    hourly_cron: str = HOURLY_CRON,
    daily_cron: str = DAILY_CRON,
) -> list[RunnerDeployment]:
    """The two scheduled deployments, with ``parameters`` as their defaults; with a sources
    file, the hourly one fetches from it first."""
    deployments = [
        pipeline.to_deployment(
            name="addsup-hourly",
            cron=hourly_cron,
            parameters={**parameters, **({"sources": sources} if sources else {})},
            concurrency_limit=1,
            tags=["addsup"],
            description=(
                "Checks new or changed articles every hour and publishes the report. "
                "Click Run for a check now; Custom run to choose folders, a date range or fail_on."
            ),
        ),
        pipeline.to_deployment(
            name="addsup-daily",
            cron=daily_cron,
            parameters={**parameters, "full": True, "fail_on": "error"},
            concurrency_limit=1,
            tags=["addsup"],
            description=(
                "Every morning: extracts every article again, re-runs every check, and marks "
                "the run Failed when an error-severity figure does not add up."
            ),
        ),
    ]
    return [_strict(d) for d in deployments]


def review_deployment(parameters: dict[str, Any]) -> RunnerDeployment:
    """``review/addsup-review``: no schedule; Run -> Custom run with a finding's key and the
    verdict marks it (the warehouse and reports folder of ``parameters`` by default)."""
    from addsup_flows.review import review

    defaults = {k: parameters[k] for k in ("warehouse_path", "reports_dir") if k in parameters}
    return _strict(
        review.to_deployment(
            name="addsup-review",
            parameters=defaults,
            tags=["addsup"],
            description=(
                "Mark a finding: Run -> Custom run, with its key (in the report) and the verdict "
                "false-alarm, confirmed or corrected."
            ),
        )
    )


def serve_deployments(parameters: dict[str, Any], sources: str | None = None, **crons: str) -> None:
    """Register the deployments and run their flow runs until interrupted."""
    serve(*build_deployments(parameters, sources, **crons), review_deployment(parameters))
