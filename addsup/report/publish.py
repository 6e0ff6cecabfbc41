"""Publishing a run: its reports written, and what the Prefect UI shows of it (a Markdown
summary and the failures as rows), built from the same data."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from addsup.report.corrections import write_corrections
from addsup.report.render import ReportPaths, markdown_summary, report_data, write_reports
from addsup.report.unchanged import (
    unchanged_data,
    unchanged_markdown,
    unchanged_since,
    write_unchanged_report,
)
from addsup.reviews import listed_as_failure, reviewed_since
from addsup.warehouse import sql

SHOWN_FAILURES = 500  # failures listed for the UI (the report has the rest)
FAILURE_COLUMNS = ("what does not add up", "sentence", "article", "check", "severity", "key")


@dataclass(frozen=True)
class Published:
    """What a run published: where its reports are, their summary in Markdown, its first
    failures (as ``results.json`` words them) and how many fail in all."""

    paths: ReportPaths
    summary: str
    failures: list[dict[str, Any]]
    failing: int

    def failure_rows(self) -> list[dict[str, str]]:
        """The failures as table rows, what failed and why first (a UI shows the first
        columns, the rest scroll off); one row that says so when nothing fails."""
        rows = [
            {
                "what does not add up": f["message"],
                "sentence": f["sentence"] or "",
                "article": f["title"] or f["article"] or f["subject"],
                "check": f["check"],
                "severity": f["severity"],
                "key": f.get("key") or "",
            }
            for f in self.failures
        ]
        return rows or [dict.fromkeys(FAILURE_COLUMNS, "") | {FAILURE_COLUMNS[0]: "no failures"}]

    def failures_described(self) -> str:
        shown = len(self.failures)
        return f"{self.failing} failing check(s)" + (
            f", the first {shown} listed" if self.failing > shown else ""
        )


def _standing_failures(con: duckdb.DuckDBPyConnection, run_id: str) -> list[dict[str, Any]]:
    """The first failures of a run that took the findings of an earlier one."""
    cursor = con.execute(sql("select_run_failures"), [run_id, SHOWN_FAILURES])
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def publish(con: duckdb.DuckDBPyConnection, run_id: str, reports_dir: Path) -> Published:
    """Write the run's HTML, Markdown and JSON reports and the corrections queue as of it.

    A run that took the findings of an earlier one, whose report stands and has no review
    since, gets a page that points to that report (nothing is rendered again)."""
    write_corrections(con, run_id, reports_dir)
    previous = unchanged_since(con, run_id)
    reported = previous and (reports_dir / "runs" / str(previous) / "report.html").is_file()
    if reported and not reviewed_since(con, previous):
        paths = write_unchanged_report(con, run_id, previous, reports_dir)
        data = unchanged_data(con, run_id, previous)
        summary = unchanged_markdown(data, paths.html.resolve())
        return Published(
            paths, summary, _standing_failures(con, run_id), data["counts"]["failures"]
        )
    data = report_data(con, run_id)
    paths = write_reports(con, run_id, reports_dir, data)
    failures = [f for f in data["findings"] if listed_as_failure(f)]
    summary = markdown_summary(data, paths.html.resolve())
    return Published(paths, summary, failures[:SHOWN_FAILURES], data["counts"]["fail"])
