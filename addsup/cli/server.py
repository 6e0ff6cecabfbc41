"""Find or start the local Prefect server (on loopback) that flows report to.

No Prefect import here: this runs before Prefect's settings are fixed, so that the
API address can still be put into the environment.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 4200


def api_url(host: str = DEFAULT_HOST, port: int = DEFAULT_PORT) -> str:
    return f"http://{host}:{port}/api"


def healthy(url: str, timeout: float = 2.0) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/health", timeout=timeout) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError, ValueError):
        return False


def wait_healthy(url: str, timeout: float = 90.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if healthy(url):
            return True
        time.sleep(0.5)
    return False


# What a server addsup starts is told (docs/reliability.md), unless the environment says
# otherwise. Concurrency leases kept in memory are lost when the server restarts, and the
# slot a lost lease held is then held forever: no later run of that deployment would start.
# Kept in files (under PREFECT_HOME), an orphaned lease expires and its slot comes back.
# A busy machine makes SQLite slow, not wrong: a statement may take 30 s, not 10, before
# the API answers 503.
SERVER_SETTINGS = {
    "PREFECT_SERVER_CONCURRENCY_LEASE_STORAGE": "prefect.server.concurrency.lease_storage.filesystem",
    "PREFECT_SERVER_DATABASE_TIMEOUT": "30",
}


def prefect_env(home: Path | None = None) -> dict[str, str]:
    """The environment for a Prefect process: home under the project, no telemetry, and
    the server settings above where the environment does not choose its own."""
    env = SERVER_SETTINGS | dict(os.environ)
    env.setdefault("PREFECT_HOME", str((home or Path(".prefect")).resolve()))
    env["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
    return env


def _prefect() -> str:
    prefect = Path(sys.executable).with_name("prefect")
    return str(prefect) if prefect.exists() else "prefect"


def stop_server() -> None:
    """Stop the background server that ``ensure_server`` started (its pid file is in PREFECT_HOME)."""
    subprocess.run(
        [_prefect(), "server", "stop"], env=prefect_env(), capture_output=True, check=False
    )


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _clear_stale_pid(pid_file: Path) -> None:
    """Remove the pid file of a background server that is gone (after a reboot or a kill):
    Prefect would otherwise refuse to start a new one."""
    try:
        pid = int(pid_file.read_text().strip())
    except (OSError, ValueError):
        return
    if not _alive(pid):
        pid_file.unlink(missing_ok=True)


class ServerUnavailable(RuntimeError):
    """No Prefect server can be used: the message says why, in one line."""


def port_taken(host: str, port: int) -> bool:
    """Whether a program listens on ``host:port`` already."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.settimeout(1.0)
        return probe.connect_ex((host, port)) == 0


def check_api_url(url: str) -> None:
    """Raise ``ServerUnavailable`` when no Prefect server answers at ``url`` (PREFECT_API_URL)."""
    if not healthy(url, timeout=5.0):
        raise ServerUnavailable(
            f"PREFECT_API_URL is {url} but no Prefect server answers there "
            f"({url.rstrip('/')}/health): start that server, or unset PREFECT_API_URL to use a "
            "local one"
        )


def ensure_server(
    host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, timeout: float = 90.0
) -> tuple[str, bool]:
    """The API URL of a healthy server on ``host:port``, and whether we had to start it.

    A port held by another program fails at once (``ServerUnavailable``), not after the
    server we would start has given up."""
    url = api_url(host, port)
    if healthy(url):
        return url, False
    if port_taken(host, port) and not healthy(url, timeout=5.0):
        raise ServerUnavailable(
            f"port {port} on {host} is taken by another program (not a Prefect server): "
            "choose another port with --port N (make run PORT=N)"
        )
    env = prefect_env()
    _clear_stale_pid(Path(env["PREFECT_HOME"]) / "server.pid")
    env["PREFECT_SERVER_API_HOST"] = host
    env["PREFECT_SERVER_API_PORT"] = str(port)
    Path(env["PREFECT_HOME"]).mkdir(parents=True, exist_ok=True)
    prefect = Path(sys.executable).with_name("prefect")
    cmd = [
        str(prefect) if prefect.exists() else "prefect",
        "server",
        "start",
        "--background",
        "--host",
        host,
        "--port",
        str(port),
        "--analytics-off",
    ]
    result = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120, check=False)
    if not wait_healthy(url, timeout):
        raise ServerUnavailable(
            f"the Prefect server did not become healthy at {url} within {timeout:.0f} s "
            f"(prefect said: {(result.stdout + result.stderr).strip()[-500:]})"
        )
    return url, True
