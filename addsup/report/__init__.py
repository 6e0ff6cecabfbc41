"""Reports of a run: a self-contained HTML page, a Markdown summary and JSON."""

from addsup.report.render import ReportPaths, markdown_summary, report_data, write_reports
from addsup.report.unchanged import (
    unchanged_data,
    unchanged_markdown,
    unchanged_since,
    write_unchanged_report,
)

__all__ = [
    "ReportPaths",
    "markdown_summary",
    "report_data",
    "unchanged_data",
    "unchanged_markdown",
    "unchanged_since",
    "write_reports",
    "write_unchanged_report",
]
