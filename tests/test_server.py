"""The local Prefect server helper (addsup/cli/server.py)."""

import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from addsup.cli.server import _clear_stale_pid


def test_a_stale_pid_file_is_removed(tmp_path):
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    pid_file = tmp_path / "server.pid"
    pid_file.write_text(str(gone.pid))
    _clear_stale_pid(pid_file)
    assert not pid_file.exists()


def test_a_live_pid_file_is_kept(tmp_path):
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        pid_file = tmp_path / "server.pid"
        pid_file.write_text(str(alive.pid))
        _clear_stale_pid(pid_file)
        assert pid_file.exists()
    finally:
        alive.kill()
        alive.wait()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def squatter():
    """A program that is not Prefect holding a port: accepts connections, answers nothing."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    stop = threading.Event()

    def accept():
        sock.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = sock.accept()
                conn.close()
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield sock.getsockname()[1]
    stop.set()
    thread.join()
    sock.close()


def test_a_port_taken_by_another_program_fails_at_once(squatter):
    from addsup.cli.server import ServerUnavailable, ensure_server

    started = time.monotonic()
    with pytest.raises(ServerUnavailable, match=f"port {squatter} on 127.0.0.1 is taken"):
        ensure_server("127.0.0.1", squatter)
    assert time.monotonic() - started < 15


def test_a_prefect_api_url_without_a_server_is_named():
    from addsup.cli.server import ServerUnavailable, check_api_url

    url = f"http://127.0.0.1:{_free_port()}/api"
    with pytest.raises(ServerUnavailable, match=f"PREFECT_API_URL is {url} but no Prefect"):
        check_api_url(url)


def _addsup_run(env_extra: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"} | env_extra
    addsup = str(Path(sys.executable).with_name("addsup"))
    return subprocess.run(
        [addsup, "run", *args], capture_output=True, text=True, timeout=120, env=env
    )


def test_addsup_run_says_in_one_line_that_the_api_url_answers_nothing(tmp_path):
    url = f"http://127.0.0.1:{_free_port()}/api"
    done = _addsup_run({"PREFECT_API_URL": url, "PREFECT_HOME": str(tmp_path)})
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.strip().splitlines() == [
        f"PREFECT_API_URL is {url} but no Prefect server answers there ({url}/health): start "
        "that server, or unset PREFECT_API_URL to use a local one"
    ]


def test_addsup_run_on_a_taken_port_fails_at_once(squatter, tmp_path):
    started = time.monotonic()
    done = _addsup_run({"PREFECT_HOME": str(tmp_path)}, "--port", str(squatter))
    assert time.monotonic() - started < 20
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert lines[-1].startswith(f"port {squatter} on 127.0.0.1 is taken by another program")
    assert "Traceback" not in done.stderr
