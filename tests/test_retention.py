"""Retention (addsup/retention.py): old runs are pruned by the setting; what is kept still
reports, new and fixed failures included."""

from __future__ import annotations

import json

import pytest

from addsup.report.publish import publish
from addsup.retention import Retention, prunable_runs, prune
from tests.conftest import check_run

STORY = """date 2024-05-02 Harbour trade

The harbour's exports of $30 billion accounted for {share} percent of its trade of $60 billion
last year.
"""


def _run(con, folder, run_id, share="40", incremental=False):
    (folder / "story.txt").write_text(STORY.format(share=share))
    check_run(con, (folder / "story.txt",), run_id, full=not incremental)


def _runs(con):
    return [r for (r,) in con.execute("SELECT run_id FROM runs ORDER BY started_at").fetchall()]


def test_the_last_runs_are_kept_and_the_older_ones_pruned_whole(con, tmp_path):
    for i in range(5):
        _run(con, tmp_path, f"r{i}")
    assert prune(con, Retention(keep_runs=2, keep_days=0)) == 3
    assert _runs(con) == ["r3", "r4"]
    left = {r for (r,) in con.execute("SELECT DISTINCT run_id FROM check_results").fetchall()}
    assert left == {"r3", "r4"}
    assert prune(con, Retention(keep_runs=2, keep_days=0)) == 0  # again: nothing more


def test_runs_of_the_last_days_are_kept(con, tmp_path):
    for i in range(4):
        _run(con, tmp_path, f"r{i}")
    con.execute(
        "UPDATE runs SET started_at = started_at - INTERVAL 40 DAY WHERE run_id IN ('r0', 'r1')"
    )
    assert prunable_runs(con, Retention(keep_runs=1, keep_days=30)) == ["r0", "r1"]
    assert prunable_runs(con, Retention(keep_runs=3, keep_days=30)) == ["r0"]
    assert prunable_runs(con, Retention(keep_runs=1, keep_days=60)) == []


def test_a_run_that_holds_the_findings_of_a_kept_run_is_kept(con, tmp_path):
    _run(con, tmp_path, "r0", incremental=True)
    _run(con, tmp_path, "r1", incremental=True)  # nothing new: points to r0
    holder = con.execute("SELECT unchanged_since FROM runs WHERE run_id = 'r1'").fetchall()
    assert holder == [("r0",)]
    before = con.execute("SELECT count(*) FROM run_findings WHERE for_run = 'r1'").fetchall()
    assert prune(con, Retention(keep_runs=1, keep_days=0)) == 0
    after = con.execute("SELECT count(*) FROM run_findings WHERE for_run = 'r1'").fetchall()
    assert after == before and before[0][0] > 0


def test_after_a_prune_the_report_knows_new_and_fixed_failures(con, tmp_path):
    for i in range(3):
        _run(con, tmp_path, f"r{i}", share="40")  # 30 / 60 is 50, not 40: a failure
    prune(con, Retention(keep_runs=1, keep_days=0))
    _run(con, tmp_path, "r3", share="50")  # corrected
    paths = publish(con, "r3", tmp_path / "reports").paths
    latest = json.loads(paths.latest_json.read_text())
    assert (latest["counts"]["fixed"], latest["counts"]["fail"]) == (1, 0)
    assert _runs(con) == ["r2", "r3"]


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, Retention(200, 30)),
        ({"ADDSUP_KEEP_RUNS": "10"}, Retention(10, 30)),
        ({"ADDSUP_KEEP_RUNS": "10", "ADDSUP_KEEP_DAYS": "0"}, Retention(10, 0)),
    ],
)
def test_the_setting_comes_from_the_environment(monkeypatch, env, expected):
    for name in ("ADDSUP_KEEP_RUNS", "ADDSUP_KEEP_DAYS"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert Retention.from_env() == expected


def test_a_wrong_setting_names_its_variable(monkeypatch):
    monkeypatch.setenv("ADDSUP_KEEP_DAYS", "a month")
    with pytest.raises(ValueError, match="ADDSUP_KEEP_DAYS"):
        Retention.from_env()
