"""The artifacts a pipeline run leaves in the Prefect UI: the summary, the failures, the report.

They are a view of what the run wrote to the warehouse and the reports folder. When the
Prefect server has gone away during the run, they cannot be made; the run goes on (its
work is done and its report written) and says so once, instead of failing after the
client's retries.
"""

from __future__ import annotations

from pathlib import Path

import httpx
from prefect import get_run_logger
from prefect.artifacts import create_link_artifact, create_markdown_artifact, create_table_artifact
from prefect.settings import PREFECT_API_URL

from addsup.cli.server import healthy
from addsup.report.publish import Published
from addsup.report.server import report_url


def report_artifact(html: Path) -> None:
    """``addsup-report``: a link the UI can open when ``addsup serve`` serves the reports
    folder over HTTP; else where the file is (a browser will not open file:// from the UI)."""
    url = report_url(html)
    if url:
        create_link_artifact(
            key="addsup-report",
            link=url,
            link_text="HTML report",
            description="The full report of this run, served by addsup serve",
        )
        return
    create_markdown_artifact(
        key="addsup-report",
        markdown=(
            f"The full report of this run is a file on the machine that ran it:\n\n"
            f"`{html.resolve()}`\n\nOpen it there, or run `addsup serve` to have the "
            "reports folder served over HTTP and linked here."
        ),
        description="Where the full report of this run is",
    )


def server_answers() -> bool:
    """Whether the API the run reports to answers now (an in-process test server: yes)."""
    url = PREFECT_API_URL.value()
    return not url or healthy(url, timeout=5.0)


def run_artifacts(published: Published) -> bool:
    """Create the run's artifacts: its summary, its failures as a table and a link to its
    report; False, with one warning, when the server does not take them (the report is
    written already, so the run goes on)."""
    logger, html = get_run_logger(), published.paths.html
    if not server_answers():
        logger.warning(
            "the Prefect server does not answer: this run's artifacts are not made; "
            "its report is %s",
            html,
        )
        return False
    try:
        create_markdown_artifact(
            key="addsup-summary",
            markdown=published.summary,
            description="What doesn't add up in this run",
        )
        create_table_artifact(
            key="addsup-failures",
            table=published.failure_rows(),
            description=published.failures_described(),
        )
        report_artifact(html)
    except httpx.HTTPError as err:
        logger.warning(
            "the Prefect server stopped taking this run's artifacts (%s: %s); its report is %s",
            type(err).__name__,
            err,
            html,
        )
        return False
    return True
