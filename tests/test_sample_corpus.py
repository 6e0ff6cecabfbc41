"""The bundled corpus: the checks flag exactly the inconsistencies planted in it (data/planted.csv)."""

import uuid

from addsup.report import report_data
from tests.conftest import SAMPLE_ARTICLES, SAMPLE_REFERENCE, SAMPLE_TABLES, check_run, planted


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
    check_run(con, SAMPLE_ARTICLES, run_id, SAMPLE_TABLES, SAMPLE_REFERENCE)
    data = report_data(con, run_id)
    assert _flagged(data) == planted()
    # and every check had at least two consistent cases that were really checked
    passes = {}
    for f in data["findings"]:
        if f["status"] == "pass":
            passes[f["check"]] = passes.get(f["check"], 0) + 1
    checks = {
        "share_of",
        "shares_of_one_whole",
        "pp_difference",
        "growth",
        "sum_of",
        "converts_to",
        "agreement",
        "reference",
    }
    assert {c: passes.get(c, 0) >= 2 for c in checks} == dict.fromkeys(checks, True)
    fails = {c for _, c, _ in planted()}
    assert all(sum(1 for _, c2, _ in planted() if c2 == c) >= 2 for c in checks & fails)
    assert data["quarantine"] == []


def test_the_seed_figures_raise_no_false_error(con, seeds_dir):
    run_id = str(uuid.uuid4())
    check_run(con, seeds_dir, run_id, reference=SAMPLE_REFERENCE)
    data = report_data(con, run_id)
    assert [f for f in data["findings"] if f["status"] == "fail"] == []
    messages = " | ".join(f["message"] for f in data["findings"])
    # the unstated whole of the 16.4 percent share: about 3.7 trillion dollars, as the customs data say
    assert "implies 3.647 trillion to 3.743 trillion USD" in messages
    # the yuan/dollar pair: about 7.2 yuan per dollar, within the ECB range for the period
    assert "= 7.215 CNY per USD (7.123 to 7.31)" in messages
    # the national average behind "21.6 percentage points higher": about 3.7 percent
    assert (
        "the national average not stated: 25.3 percent − 21.6 percentage points implies 3.6 to 3.8 %"
        in messages
    )
    statuses = {(f["check"], f["status"]) for f in data["findings"]}
    assert {("converts_to", "pass"), ("reference", "pass")} <= statuses
