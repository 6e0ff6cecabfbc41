"""Runs of the pipeline's steps on a small folder of hand-written articles, into a warehouse
file and a reports folder, as a flow run makes them (no Prefect): for the tests of keys,
reviews, the corrections queue and exports."""

from __future__ import annotations

import json
import uuid
from dataclasses import replace
from pathlib import Path

from addsup import warehouse
from addsup.run import Run
from addsup.run import run as run_once

# Two failures and a pass, each sentence in words of our own. 480 of 1,200 is 40 percent,
# 300 of 1,000 is 30 percent; 20 of 80 is 25 percent.
SALES = "Dealers sold 480 of the 1,200 cars, or 45 percent, the firm said."
STAFF = "The firm employs 300 people in the town."
STANDS = "Exporters took 20 of the 80 stands, or 25 percent, they said."
VANS = "Buyers took 300 of the 1,000 vans, or 35 percent, it said."


def write_article(folder: Path, *sentences: str, name: str = "cars.txt") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text("date 2024-03-05 Acme's car sales\n" + " ".join(sentences) + "\n")
    return path


def run(
    db: Path, articles: Path, reports: Path, full: bool = False, inputs: tuple | None = None
) -> dict:
    """One run (``addsup.run``, in this process: no Prefect flow around it); returns its
    results.json with the run's counts as the flow's outcome has them under ``_counts``, and its report page.
    With ``inputs`` (tables and reference folders), a run with nothing new takes the last
    run's findings, as an hourly run does."""
    tables, reference = inputs or (None, None)
    with warehouse.warehouse(db) as con:
        plan = Run(str(uuid.uuid4()), articles, db, tables, reference, reports, connection=con)
        done = run_once(replace(plan, full=full or not inputs))
    paths, counts = done.published.paths, done.counts
    data = json.loads(paths.json.read_text()) if paths.json.is_file() else {}
    data["_counts"] = counts
    data["_html"] = paths.html.read_text()
    return data


def failures(data: dict) -> list[dict]:
    return [f for f in data["findings"] if f["status"] == "fail"]


def failure_in(data: dict, sentence: str) -> dict:
    """The one failure of ``data`` in ``sentence``."""
    found = [f for f in failures(data) if f["sentence"] == sentence]
    assert len(found) == 1, [f["sentence"] for f in failures(data)]
    return found[0]
