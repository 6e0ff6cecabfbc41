"""The Prefect server and `addsup serve` of the end-to-end tests (tests/test_serve.py): free
loopback ports, a few REST calls that retry SQLite's 503s, and a clean stop."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from addsup.cli.server import wait_healthy
from tests.conftest import ROOT, SAMPLE_REFERENCE, SAMPLE_TABLES


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _stop(proc: subprocess.Popen, sig: int = signal.SIGINT) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, sig)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


class Api:
    """A few Prefect REST calls, retrying the 503s SQLite contention can cause."""

    def __init__(self, url: str) -> None:
        self.client = httpx.Client(base_url=url, timeout=30)

    def call(self, method: str, path: str, **kwargs) -> httpx.Response:
        for _ in range(10):
            response = self.client.request(method, path, **kwargs)
            if response.status_code != 503:
                return response
            time.sleep(1)
        return response

    def deployment(self, name: str) -> dict:
        found = self.call(
            "POST", "/deployments/filter", json={"deployments": {"name": {"any_": [name]}}}
        ).json()
        assert len(found) == 1, found
        return found[0]

    def runs(self, deployment_id: str, states: list[str] | None = None) -> list[dict]:
        body = {
            "deployments": {"id": {"any_": [deployment_id]}},
            "sort": "EXPECTED_START_TIME_DESC",
        }
        if states:
            body["flow_runs"] = {"state": {"type": {"any_": states}}}
        return self.call("POST", "/flow_runs/filter", json=body).json()

    def wait_final(self, run_id: str, timeout: float = 120) -> dict:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            run = self.call("GET", f"/flow_runs/{run_id}").json()
            if run["state"]["type"] in ("COMPLETED", "FAILED", "CRASHED", "CANCELLED"):
                return run
            time.sleep(1)
        raise AssertionError(f"flow run {run_id} did not finish in {timeout} s: {run['state']}")

    def logs(self, run_id: str, settle: float = 4, timeout: float = 60) -> list[dict]:
        """The run's logs once no new one has arrived for ``settle`` seconds (a run's process
        sends its logs in batches, the last when it exits)."""
        deadline = time.monotonic() + timeout
        seen = None
        while True:
            logs = self.call(
                "POST",
                "/logs/filter",
                json={"logs": {"flow_run_id": {"any_": [run_id]}}, "sort": "TIMESTAMP_ASC"},
            ).json()
            if logs and logs == seen or time.monotonic() > deadline:
                return logs
            seen = logs
            time.sleep(settle)

    def assert_failed_quietly(self, run: dict, message: str) -> None:
        """Failed with ``message`` in its state, and no traceback in its logs."""
        assert run["state"]["type"] == "FAILED", run["state"]
        assert message in run["state"]["message"]
        logs = self.logs(run["id"])
        noisy = [
            log["message"][:300]
            for log in logs
            if log["level"] >= 40 or "Traceback" in log["message"]
        ]
        assert noisy == []

    def artifacts(self, run_id: str) -> dict[str, dict]:
        found = self.call(
            "POST", "/artifacts/filter", json={"artifacts": {"flow_run_id": {"any_": [run_id]}}}
        ).json()
        return {a["key"]: a for a in found}


def _start(tmp, port, url, env, prefect, server_log, serve_log):
    reports_port = _free_port()
    server = subprocess.Popen(
        [prefect, "server", "start", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        cwd=tmp,
        start_new_session=True,
        stdout=server_log,
        stderr=subprocess.STDOUT,
    )
    serve = None
    try:
        assert wait_healthy(url, timeout=120), (tmp / "server.log").read_text()[-2000:]
        serve_env = env | {"PREFECT_API_URL": url, "PREFECT_RUNNER_POLL_FREQUENCY": "1"}
        serve = subprocess.Popen(
            [
                str(Path(sys.executable).with_name("addsup")),
                "serve",
                "--articles",
                str(tmp / "articles"),
                "--tables",
                str(SAMPLE_TABLES),
                "--reference",
                str(SAMPLE_REFERENCE),
                "--warehouse",
                str(tmp / "warehouse.duckdb"),
                "--reports",
                str(tmp / "reports"),
                "--reports-port",
                str(reports_port),
            ],
            env=serve_env,
            cwd=ROOT,
            start_new_session=True,
            stdout=serve_log,
            stderr=subprocess.STDOUT,
        )
        api = Api(url)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            names = {d["name"] for d in api.call("POST", "/deployments/filter", json={}).json()}
            if {"addsup-hourly", "addsup-daily", "addsup-review"} <= names:
                break
            assert serve.poll() is None, (tmp / "serve.log").read_text()[-2000:]
            time.sleep(0.5)
        yield {
            "api": api,
            "url": url,
            "ui": f"http://127.0.0.1:{port}",
            "reports": f"http://127.0.0.1:{reports_port}/",
            "tmp": tmp,
        }
    finally:
        if serve is not None:
            _stop(serve)
        _stop(server, signal.SIGTERM)
