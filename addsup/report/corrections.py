"""The corrections queue: one page (``corrections.html``) and its JSON (``corrections.json``)
in the reports folder, across all runs: confirmed errors not yet marked corrected, and
corrected ones a later run still finds (reopened), oldest first (``reviews.corrections_queue``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import orjson

from addsup.reviews import corrections_queue


def corrections_data(con: duckdb.DuckDBPyConnection, run_id: str | None) -> dict[str, Any]:
    """The queue as of ``run_id`` (the run whose findings say what is still found)."""
    queue = corrections_queue(con, run_id)
    return {"as_of_run": run_id, "count": len(queue), "corrections": queue}


def write_corrections(
    con: duckdb.DuckDBPyConnection, run_id: str | None, reports_dir: Path
) -> tuple[Path, Path]:
    """Write ``corrections.html`` and ``corrections.json`` into ``reports_dir`` (atomically)."""
    from addsup.report.render import ENV, replace_file

    data = corrections_data(con, run_id)
    reports_dir.mkdir(parents=True, exist_ok=True)
    html, json_path = reports_dir / "corrections.html", reports_dir / "corrections.json"
    tmp = json_path.with_suffix(".json.tmp")
    tmp.write_bytes(orjson.dumps(data, option=orjson.OPT_INDENT_2))
    tmp.replace(json_path)
    replace_file(html, ENV.get_template("corrections.html.j2").render(data=data))
    return html, json_path
