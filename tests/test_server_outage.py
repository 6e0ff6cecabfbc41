"""The Prefect server stops during a run (docs/reliability.md): the run's work is committed
whole, the command says what the warehouse recorded, and once the server is back the next
run completes and gives the lost run the state it ended in."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import httpx

from addsup.cli.server import prefect_env, wait_healthy
from bench.corpus import NEWS, generate
from tests.conftest import SAMPLE_REFERENCE, SAMPLE_TABLES
from tests.serving import _free_port, _stop

ARTICLES = 400


def _server(port: int, env: dict, log: Path) -> subprocess.Popen:
    server = subprocess.Popen(
        [str(Path(sys.executable).with_name("prefect")), "server", "start"]
        + ["--host", "127.0.0.1", "--port", str(port)],
        env=env,
        start_new_session=True,
        stdout=log.open("a"),
        stderr=subprocess.STDOUT,
    )
    assert wait_healthy(f"http://127.0.0.1:{port}/api", timeout=120), log.read_text()[-2000:]
    return server


def _run(tmp: Path, port: int, env: dict, out: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [str(Path(sys.executable).with_name("addsup")), "run", "--port", str(port), "--quiet"]
        + ["--articles", str(tmp / "articles"), "--warehouse", str(tmp / "w.duckdb")]
        + ["--reports", str(tmp / "reports"), "--tables", str(SAMPLE_TABLES)]
        + ["--reference", str(SAMPLE_REFERENCE)],
        env=env,
        stdout=out.open("w"),
        stderr=subprocess.STDOUT,
    )


def _runs(tmp: Path) -> list[tuple]:
    with duckdb.connect(str(tmp / "w.duckdb"), read_only=True) as con:
        return con.execute(
            "SELECT run_id, status, failures, unreported FROM runs ORDER BY started_at"
        ).fetchall()


def _articles(tmp: Path) -> tuple[int, int]:
    with duckdb.connect(str(tmp / "w.duckdb"), read_only=True) as con:
        return con.execute("SELECT count(*), count(extractor_version) FROM articles").fetchall()[0]


def test_the_server_stops_during_a_run(tmp_path):
    generate(tmp_path / "articles", ARTICLES, seed=5, figure_share=NEWS)
    port = _free_port()
    env = prefect_env() | {"PREFECT_HOME": str(tmp_path / "prefect-home")}
    env.pop("PREFECT_API_URL", None)
    # the client's retries only make the lost run take longer to give up
    env["PREFECT_CLIENT_MAX_RETRIES"] = "1"
    server = _server(port, env, tmp_path / "server.log")
    first = tmp_path / "first.out"
    run = _run(tmp_path, port, env, first)
    try:
        deadline = time.monotonic() + 180
        while "Beginning flow run" not in first.read_text():
            assert run.poll() is None and time.monotonic() < deadline, first.read_text()[-3000:]
            time.sleep(0.2)
        os.killpg(server.pid, signal.SIGKILL)  # the server dies as the run begins its work
        server.wait()
        assert run.wait(timeout=600) == 2
    finally:
        _stop(run)
        _stop(server)
    said = first.read_text()
    assert "stopped answering before this run could tell it how it ended" in said, said[-3000:]
    assert "Traceback" not in said, said[-3000:]
    # its work is committed whole: every article extracted, the run completed, and marked
    # as one whose end the server did not hear
    [(lost, status, failures, unreported)] = _runs(tmp_path)
    assert (status, unreported) == ("completed", True)
    assert f"recorded run {lost} as completed" in said
    assert _articles(tmp_path) == (ARTICLES, ARTICLES)
    assert (tmp_path / "reports" / "latest.json").is_file()

    server = _server(port, env, tmp_path / "server.log")
    second = tmp_path / "second.out"
    try:
        rerun = _run(tmp_path, port, env, second)
        assert rerun.wait(timeout=600) == 0, second.read_text()[-3000:]
        lost_state = httpx.get(f"http://127.0.0.1:{port}/api/flow_runs/{lost}", timeout=30).json()
    finally:
        _stop(server)
    # the next run completes normally, finds what a run on the same articles finds, and the
    # lost run is no longer shown as Running
    [_, (_, status, again, _)] = _runs(tmp_path)
    assert (status, again) == ("completed", failures)
    assert lost_state["state"]["type"] == "COMPLETED"
    assert "could not hear it" in lost_state["state"]["message"]
