"""The bundled corpus: the checks flag exactly the inconsistencies planted in it (data/planted.csv)."""

import csv
import uuid

from addsup import pipeline as steps
from addsup.report import report_data
from tests.conftest import ROOT, SAMPLE_ARTICLES, SAMPLE_TABLES


def _planted():
    with open(ROOT / "data" / "planted.csv", newline="") as fh:
        return {(r["where"], r["check"], r["stated"]) for r in csv.DictReader(fh)}


def _flagged(data):
    flagged = set()
    for f in data["findings"]:
        if f["status"] != "fail":
            continue
        if f["article"]:
            stated = next(g["surface"] for g in f["figures"])  # the stated figure comes first
            flagged.add((f["article"], f["check"], stated))
        else:
            flagged.add((f["subject"], f["check"], ""))  # a table row: no figure in an article
    return flagged


def test_exactly_the_planted_inconsistencies_are_flagged(con):
    run_id = str(uuid.uuid4())
    steps.run_checks(con, steps.ingest(SAMPLE_ARTICLES), run_id, SAMPLE_TABLES)
    data = report_data(con, run_id)
    assert _flagged(data) == _planted()
    assert data["counts"]["pass"] >= 6  # and the consistent ones were really checked
    assert data["quarantine"] == []


def test_the_seed_figures_raise_no_false_error(con, seeds_dir):
    run_id = str(uuid.uuid4())
    steps.run_checks(con, steps.ingest(seeds_dir), run_id)
    data = report_data(con, run_id)
    assert [f for f in data["findings"] if f["status"] == "fail"] == []
    assert {f["status"] for f in data["findings"]} == {"skip"}  # the unstated whole of 16.4 percent
