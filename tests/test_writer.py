"""One writer at a time (addsup/writer.py): a run waits for the one that holds the warehouse,
and a lock is never left held by a process that is gone."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from addsup import warehouse
from addsup.writer import WriterTimeout, holder, lock_path, one_writer

HOLD = """
import sys, time
from addsup.writer import one_writer
with one_writer(sys.argv[1]):
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def _holding(db, seconds: float) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(db), str(seconds)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout.readline().strip() == "held"
    return proc


def test_a_second_writer_waits_and_is_told_who_holds_it(tmp_path):
    db = tmp_path / "w.duckdb"
    other = _holding(db, 1.5)
    told: list[str] = []
    start = time.monotonic()
    with one_writer(db, waiting=told.append, poll=0.05):
        waited = time.monotonic() - start
        assert holder(db).startswith(f"pid {os.getpid()} since")
    other.wait()
    assert waited >= 0.5
    assert len(told) == 1 and f"pid {other.pid} since" in told[0]
    assert lock_path(db).read_text() == ""  # nobody holds it now


def test_a_writer_that_waits_too_long_is_told_why(tmp_path):
    db = tmp_path / "w.duckdb"
    other = _holding(db, 30)
    try:
        with (
            pytest.raises(WriterTimeout, match=f"being written by pid {other.pid}"),
            one_writer(db, timeout=0.3, poll=0.05),
        ):
            pass
    finally:
        other.kill()
        other.wait()


def test_a_killed_writer_leaves_no_lock_held(tmp_path):
    db = tmp_path / "w.duckdb"
    other = _holding(db, 60)
    other.send_signal(signal.SIGKILL)
    other.wait()
    # at once: the kernel let go of the lock with the process
    with one_writer(db, timeout=0.5), warehouse.warehouse(db) as con:
        warehouse.start_run(con, "mine", {})


def test_the_next_writer_marks_failed_the_runs_a_dead_process_left_running(tmp_path):
    db = tmp_path / "w.duckdb"
    with one_writer(db), warehouse.warehouse(db) as con:
        warehouse.start_run(con, "killed", {})  # then the process died
    with one_writer(db), warehouse.warehouse(db) as con:
        warehouse.start_run(con, "next", {})
        assert warehouse.fail_abandoned_runs(con, "next") == ["killed"]
        assert warehouse.ended_runs(con) == {"killed": "failed"}
        assert warehouse.ended_runs(con, at_least=3600) == {}  # it ended just now
        warehouse.mark_unreported(con, "killed")
        assert warehouse.ended_runs(con, at_least=3600) == {"killed": "failed"}


def test_an_in_memory_warehouse_needs_no_lock(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with one_writer(":memory:"):
        pass
    assert list(tmp_path.iterdir()) == []
