"""The local Prefect server helper (flows/server.py)."""

import subprocess
import sys

from flows.server import _clear_stale_pid


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
