"""How a pipeline run ends: Completed with its counts, or Failed on purpose with a message.

A run that fails on purpose (``fail_on`` met, a refused path, a malformed parameter) is an
outcome, not a crash. Prefect re-raises a Failed run's exception when the engine runs a
deployment's flow and then logs "Engine execution exited with unexpected exception" with
its traceback; that traceback says nothing the state's message does not, so it is dropped
for exactly these failures (``QuietFailures``) and kept for every other exception.
"""

from __future__ import annotations

import logging
from contextlib import suppress
from typing import Any

import httpx
from prefect import get_run_logger
from prefect.exceptions import MissingContextError, ParameterTypeError
from prefect.states import Completed, Failed, State

from addsup import warehouse
from addsup.run import verdict

ENGINE_EXIT = "Engine execution exited with unexpected exception"


class RunFailed(Exception):
    """A run that ended Failed on purpose; ``result`` holds what it found (empty if refused)."""

    def __init__(self, message: str, result: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.result = result or {}


def failed(message: str, result: dict[str, Any] | None = None) -> State:
    """A Failed state whose exception is a ``RunFailed`` carrying ``result``."""
    return Failed(message=message, data=RunFailed(message, result))


def outcome(run_id: str, counts: dict[str, Any], report: str, latest: str, fail_on: str) -> State:
    """The run's final state: Failed when ``fail_on`` says so, with the counts in its message."""
    result = {"run_id": run_id, **counts, "report": report, "latest": latest}
    summary = (
        f"{counts['errors']} error(s), {counts['warnings']} warning(s) in {counts['checks_run']} "
        f"checks; report: {report}"
    )
    reason = verdict(counts, fail_on)
    if reason:
        return failed(f"{reason} (fail_on={fail_on}): {summary}", result)
    return Completed(message=summary, data=result)


def result_of(state: State) -> dict[str, Any] | None:
    """What a finished run found (Completed or Failed on purpose), None when it did not finish."""
    result = state.result(raise_on_failure=False)
    if isinstance(result, RunFailed):
        return result.result or None
    return result if isinstance(result, dict) else None


# errors whose message says what happened and what to do: a Prefect server that is away, a
# warehouse that cannot be used (logged without their traceback)
SAID = (httpx.TransportError, warehouse.WarehouseDamaged, warehouse.WarehouseFull)


class QuietFailures(logging.Filter):
    """Drops the engine's traceback for a run that failed on purpose (the state says why), and
    the traceback of an error whose message says all (``SAID``)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and record.getMessage() == ENGINE_EXIT:
            return not isinstance(record.exc_info[1], (RunFailed, ParameterTypeError))
        if record.exc_info and isinstance(record.exc_info[1], SAID):
            record.exc_info = None  # its message says all a traceback would
        return True


class ServerAway(logging.Filter):
    """While the Prefect server does not answer, Prefect's event client warns every few
    seconds and its worker logs each event it drops, whole: the first of each is kept, the
    repeats (which say nothing new) are dropped."""

    REPEATS = ("Unable to connect to", "Service 'EventsWorker' failed to process item")

    def __init__(self) -> None:
        super().__init__()
        self.seen: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        for repeat in self.REPEATS:
            if message.startswith(repeat):
                if repeat in self.seen:
                    return False
                self.seen.add(repeat)
                record.msg, record.args = message[:300], ()
                record.exc_info = None
        return True


class RunLog(logging.Handler):
    """The library's log lines (logger ``addsup``) in the log of the flow or task run."""

    def emit(self, record: logging.LogRecord) -> None:
        with suppress(MissingContextError):
            get_run_logger().log(record.levelno, record.getMessage())


def quiet_failures() -> None:
    """Install ``QuietFailures`` on Prefect's flow-run and task-run loggers, ``ServerAway``
    on the loggers of its event client, and ``RunLog`` on the library's logger (once)."""
    for name, kind in (
        ("prefect.flow_runs", QuietFailures),
        ("prefect.task_runs", QuietFailures),
        ("prefect.events.clients", ServerAway),
        ("prefect._internal.concurrency", ServerAway),
    ):
        logger = logging.getLogger(name)
        if not any(isinstance(f, kind) for f in logger.filters):
            logger.addFilter(kind())
    library = logging.getLogger("addsup")
    library.setLevel(logging.INFO)
    if not any(isinstance(h, RunLog) for h in library.handlers):
        library.addHandler(RunLog())
