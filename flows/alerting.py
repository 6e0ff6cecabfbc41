"""Alerts of a pipeline run: the message (``addsup.alerts``, made by ``addsup.run``) posted to a chat webhook through
Prefect's Webhook block, by a task Prefect retries; a post that still fails is logged and the
run goes on (the task's state is taken, never raised)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from prefect import get_run_logger, task
from prefect.blocks.webhook import Webhook
from prefect.cache_policies import NONE
from prefect.utilities.asyncutils import run_coro_as_sync

RETRY_DELAYS = [1, 2]  # seconds before the second and the third try


@task(cache_policy=NONE, retries=len(RETRY_DELAYS), retry_delay_seconds=RETRY_DELAYS)
def post_alert(url: str, payload: dict[str, Any]) -> int:
    """POST the Slack-compatible ``payload`` to ``url`` (a Webhook block); an answer other
    than 2xx is an error, so Prefect retries it."""
    response = run_coro_as_sync(Webhook(url=url).call(payload))
    response.raise_for_status()
    return response.status_code


def send_alert(url: str | None, payload: dict[str, Any] | None) -> bool:
    """Post ``payload`` when there is one and a URL to post it to; True when it was posted.
    Never raises: a post that failed after its retries is a warning in the run's log."""
    if not url or not payload:
        return False
    state = post_alert(url, payload, return_state=True)
    if state.is_completed():
        get_run_logger().info("alert posted to %s", urlsplit(url).netloc)
        return True
    get_run_logger().warning(
        "the alert could not be posted to %s after %d tries (%s); the run goes on",
        urlsplit(url).netloc,
        len(RETRY_DELAYS) + 1,
        state.message,
    )
    return False
