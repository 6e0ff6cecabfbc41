"""The wheel (pyproject.toml): built from the repository and installed into a fresh virtual
environment outside the checkout, it runs ``addsup check`` and ``addsup run``.

The environment gets the wheel alone; its dependencies come from the project's own venv through
a path file (a ``.pth`` line adds that folder, and the ``.pth`` files inside it, among them the
editable install of the checkout, are not processed), so what runs is the wheel's code and
nothing of the checkout.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from tests.conftest import ROOT

# a story written for this test: a share that does not agree with its part and whole, and an
# amount in two currencies that agrees with the ECB rate of its month (from the bundled
# reference data: about 154 yen to the dollar in April 2024)
STORY = """date 2024-05-02 Harbour trade grows

The harbour's exports of $30 billion accounted for 40 percent of its trade of $60 billion
last year, the harbour authority said.

Its imports from Japan were worth 100 billion yen ($649 million) in April.
"""
_LEFT_OUT = (".git", ".venv", ".prefect", "reports", "build", "dist", "*.egg-info", "*.duckdb*")
_LEFT_OUT += ("__pycache__", ".pytest_cache", ".ruff_cache")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The ``bin`` folder of a fresh venv that holds the wheel of this repository."""
    tmp = tmp_path_factory.mktemp("wheel")
    source = tmp / "source"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(*_LEFT_OUT))
    wheels = tmp / "wheels"
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "wheel", "--no-deps", "-w", wheels, source], check=True)
    env = tmp / "env"
    venv.create(env, with_pip=False)
    python = env / "bin" / "python"
    wheel = next(wheels.glob("addsup-*.whl"))
    subprocess.run([*pip, "--python", python, "install", "--no-deps", wheel], check=True)
    purelib = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    Path(purelib, "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    # the console script that installing the prefect dependency would have written
    script = Path(sys.executable).with_name("prefect").read_text().splitlines()
    (env / "bin" / "prefect").write_text("\n".join([f"#!{python}", *script[1:]]) + "\n")
    (env / "bin" / "prefect").chmod(0o755)
    return env / "bin"


def _run(
    installed: Path, cwd: Path, *args: str, timeout: float = 300
) -> subprocess.CompletedProcess:
    env = {**os.environ, "PREFECT_HOME": str(cwd / "prefect-home")}
    env.pop("PREFECT_API_URL", None)
    return subprocess.run(
        [installed / args[0], *args[1:]],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_the_wheel_holds_the_library_and_none_of_the_checkout(installed, tmp_path):
    where = _run(installed, tmp_path, "python", "-c", "import addsup; print(addsup.__file__)")
    assert where.returncode == 0, where.stderr
    assert Path(where.stdout.strip()).is_relative_to(installed.parent)


def test_check_from_the_wheel_outside_the_checkout(installed, tmp_path):
    (tmp_path / "story.txt").write_text(STORY)
    result = _run(installed, tmp_path, "addsup", "check", "story.txt", "--format", "json")
    assert result.returncode == 0, result.stderr
    findings = json.loads(result.stdout)["findings"]
    failed = [f for f in findings if f["status"] == "fail"]
    assert [f["check"] for f in failed] == ["share_of"], findings
    # the exchange rates came with the wheel
    assert [f["status"] for f in findings if f["check"] == "converts_to"] == ["pass"], findings


def test_run_from_the_wheel_outside_the_checkout(installed, tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "story.txt").write_text(STORY)
    (tmp_path / "tables").mkdir()
    args = ["--articles", "articles", "--tables", "tables"]  # the wheel's reference data
    args += ["--warehouse", "warehouse.duckdb", "--reports", "reports"]
    try:
        result = _run(installed, tmp_path, "addsup", "run", *args, "--port", str(_free_port()))
    finally:
        _run(installed, tmp_path, "prefect", "server", "stop", timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Completed" in result.stdout
    latest = json.loads((tmp_path / "reports" / "latest.json").read_text())
    assert (latest["counts"]["fail"], latest["counts"]["errors"]) == (1, 1), latest["counts"]
    converted = [f["status"] for f in latest["findings"] if f["check"] == "converts_to"]
    assert converted == ["pass"], latest["findings"]
