"""What each parameter of a run means, in one place: the pipeline flow's parameters in the
Prefect UI and the options of ``addsup run`` say the same (``documented`` writes a flow's
docstring from them; the CLI takes its help from them). Nothing heavy is imported here:
``addsup --help`` reads it."""

from __future__ import annotations

from collections.abc import Callable
from inspect import signature
from typing import TypeVar

DEFAULT_BATCH_FILES = 2000  # files per batch: read, extracted and loaded together
DEFAULT_MAX_BYTES = 2_000_000  # a larger file is quarantined unread
# the schedules of the served deployments (``addsup serve --hourly-cron/--daily-cron``)
HOURLY_CRON = "0 * * * *"
DAILY_CRON = "30 6 * * *"

RUN = {
    "articles_dir": "Folder of article files (.txt, .md, .jsonl, .html), relative to where "
    "the runs execute.",
    "tables_dir": "Folder of curated CSV tables.",
    "warehouse_path": "The DuckDB warehouse file.",
    "reports_dir": "Folder for the HTML, Markdown and JSON reports.",
    "reference_dir": "Folder of reference data (exchange rates, official statistics).",
    "published_from": "Read only article files published on or after this date (the others "
    "are left unread); articles read by earlier runs stay in the warehouse and are checked "
    "and reported as before.",
    "published_to": "Read only article files published on or before this date (as published_from).",
    "fail_on": "Mark the run Failed when a finding of this severity does not add up.",
    "full": "Extract and check everything again, not only new or changed articles.",
    "max_bytes": "Files larger than this are quarantined unread.",
    "dask_address": "A Dask scheduler (tcp://host:8786) to extract on, in batches.",
    "dask_workers": "Without an address, extract on a local Dask cluster of this many "
    "processes (0: no Dask).",
    "batch_size": "Files per batch: read, extracted and loaded together, so memory is "
    "bounded by the batch.",
    "workers": "Without Dask, the processes that read and extract batches while the run's "
    "process loads them (2 on a 2-core machine).",
    "sources": "A sources file (TOML: feeds and pages, docs/inputs.md) to fetch from before "
    "reading the articles folder; the pages go to its fetched/ folder. None: nothing is "
    "fetched.",
    "keep_runs": "Keep the rows of at least the last this many runs (older ones are pruned "
    "unless keep_days keeps them).",
    "keep_days": "Keep the rows of the runs of the last this many days.",
    "alert_url": "A chat webhook (Slack-compatible JSON) to post to once per run that finds "
    "new errors: the counts, the five newest and the report link (never when nothing is "
    "new). None: no alert.",
}

REVIEW = {
    "key": "The finding's key, as the report and results.json show it.",
    "verdict": "false-alarm: no longer listed or counted as a failure (fail_on ignores it); "
    "confirmed: stays a failure and joins the corrections queue; corrected: leaves the "
    "queue (a later run that still finds it reopens it).",
    "note": "Why, in a few words (shown in the report and the corrections queue).",
    "by": "Who decided.",
    "warehouse_path": "The DuckDB warehouse file (the reviews are kept beside it).",
    "reports_dir": "The reports folder, whose corrections queue page is written again.",
}

F = TypeVar("F", bound=Callable)


def documented(summary: str, described: dict[str, str]) -> Callable[[F], F]:
    """Give a function the docstring ``summary`` and, under ``Args:``, the description of
    each of its parameters (the form Prefect reads into a flow's parameter descriptions)."""

    def document(function: F) -> F:
        args = [f"    {name}: {described[name]}" for name in signature(function).parameters]
        function.__doc__ = f"{summary}\n\nArgs:\n" + "\n".join(args)
        return function

    return document
