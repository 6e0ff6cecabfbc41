"""The report of a run that found nothing new: it points to the run whose findings stand."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import duckdb

from addsup.report.article_view import rows
from addsup.report.render import ENV, HISTORY_RUNS, ReportPaths, runs_chart, write_index
from addsup.warehouse import sql


def unchanged_since(con: duckdb.DuckDBPyConnection, run_id: str) -> str | None:
    """The run whose findings ``run_id`` took because nothing had changed, if any."""
    found = con.execute(sql("select_run_unchanged"), [run_id]).fetchall()
    return found[0][0] if found else None


def unchanged_data(con: duckdb.DuckDBPyConnection, run_id: str, previous: str) -> dict[str, Any]:
    run = rows(con, "select_run", [run_id])[0]
    before = rows(con, "select_run", [previous])[0]
    counts = {k: run[k] for k in ("checks_run", "failures", "articles_seen", "articles_new")}
    _, errors, warnings = con.execute(sql("select_run_unchanged"), [run_id]).fetchall()[0]
    counts |= {"errors": errors, "warnings": warnings}
    return {"run": run, "previous": before, "counts": counts}


def unchanged_markdown(data: dict[str, Any], html: Path | None = None) -> str:
    p = data["previous"]
    c = data["counts"]
    lines = [
        f"## Nothing new since run `{p['run_id']}`",
        "",
        "No article, curated table, reference file or check has changed since that run "
        f"(finished {p['finished_at']:%Y-%m-%d %H:%M:%S}), so its findings stand and nothing "
        "was checked again.",
        "",
        f"**{c['errors']} error(s), {c['warnings']} warning(s)** in {c['checks_run']} checks.",
    ]
    if html is not None:
        lines += ["", f"Report: `{html}` (it links to the full report of `{p['run_id']}`)"]
    return "\n".join(lines) + "\n"


def write_unchanged_report(
    con: duckdb.DuckDBPyConnection, run_id: str, previous: str, reports_dir: Path
) -> ReportPaths:
    """``runs/<run id>/`` with a page, a summary and JSON that point to ``previous``;
    ``latest.*`` stay as they are (the full report of ``previous``, the same findings)."""
    data = unchanged_data(con, run_id, previous)
    paths = ReportPaths.of(reports_dir, run_id)
    page = ENV.get_template("unchanged.html.j2")
    paths.html.write_text(page.render(**data, root="../../"), encoding="utf-8")
    paths.markdown.write_text(unchanged_markdown(data, paths.html), encoding="utf-8")
    results = {
        "run": {"run_id": run_id, "unchanged_since": previous},
        "counts": data["counts"],
        "findings_of": f"runs/{previous}/results.json",
    }
    paths.json.write_text(json.dumps(results, indent=2, default=str), encoding="utf-8")
    history = rows(con, "select_run_history", [HISTORY_RUNS])
    write_index(reports_dir, history, runs_chart(history))
    return paths
