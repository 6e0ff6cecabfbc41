"""Reports of a run: a self-contained HTML page, a Markdown summary and JSON."""

from addsup.report.render import ReportPaths, markdown_summary, report_data, write_reports

__all__ = ["ReportPaths", "markdown_summary", "report_data", "write_reports"]
