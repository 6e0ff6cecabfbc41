"""The Prefect server and its UI under load (docs/reliability.md): Run clicked in the UI while
another run keeps both cores busy."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx

from bench.corpus import NEWS, generate
from tests.conftest import ROOT, SAMPLE_REFERENCE, SAMPLE_TABLES

# about 10 s of extraction on both cores, and as long again to load, check and publish: it
# must outlast the clicks below (the test says so when it does not)
HEAVY_ARTICLES = 8000


def test_the_ui_answers_while_a_heavy_run_keeps_both_cores_busy(served, chromium, tmp_path):
    """Run clicked in the UI while another run extracts on both cores: the deployments page
    loads, the click creates a flow run at the first try (no 503), and a second run of the
    same deployment is queued behind it, not refused."""
    api = served["api"]
    generate(tmp_path / "big", HEAVY_ARTICLES, seed=9, figure_share=NEWS)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env |= {"PREFECT_API_URL": served["url"], "PREFECT_HOME": str(served["tmp"] / "prefect-home")}
    out = tmp_path / "heavy.out"
    heavy = subprocess.Popen(
        [str(Path(sys.executable).with_name("addsup")), "run", "--quiet", "--workers", "2"]
        + ["--articles", str(tmp_path / "big"), "--warehouse", str(tmp_path / "heavy.duckdb")]
        + ["--reports", str(tmp_path / "reports"), "--tables", str(SAMPLE_TABLES)]
        + ["--reference", str(SAMPLE_REFERENCE)],
        env=env,
        cwd=ROOT,
        stdout=out.open("w"),
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 120
        while "Beginning flow run" not in out.read_text():
            assert heavy.poll() is None and time.monotonic() < deadline, out.read_text()[-2000:]
            time.sleep(0.2)
        time.sleep(3)  # its extraction workers are busy now
        dep = api.deployment("addsup-hourly")
        before = {r["id"] for r in api.runs(dep["id"])}
        page = chromium.new_page(viewport={"width": 1400, "height": 900})
        page.goto(f"{served['ui']}/deployments", timeout=60_000)
        page.get_by_placeholder("Search deployments").fill("addsup-hourly")
        page.get_by_role("link", name="addsup-hourly", exact=True).click()
        page.wait_for_url("**/deployments/deployment/**")
        page.get_by_role("button", name="Run", exact=True).click()
        quick = page.get_by_text("Quick run", exact=True)
        with page.expect_response(lambda r: "/create_flow_run" in r.url, timeout=60_000) as info:
            quick.click()
        server_log = (served["tmp"] / "server.log").read_text()[-3000:]
        assert info.value.status == 201, (info.value.text()[:500], server_log)
        # a second run of the deployment while the first is queued or running: queued too
        second = httpx.post(
            f"{served['url']}/deployments/{dep['id']}/create_flow_run", json={}, timeout=60
        )
        assert second.status_code == 201, second.text[:500]
        still_heavy = heavy.poll() is None
        assert heavy.wait(timeout=600) == 0, out.read_text()[-3000:]
    finally:
        if heavy.poll() is None:
            heavy.kill()
    assert still_heavy, "the heavy run ended before the UI was used: make it heavier"
    new = [r for r in api.runs(dep["id"]) if r["id"] not in before]
    assert len(new) == 2
    finals = [api.wait_final(r["id"], timeout=300)["state"]["type"] for r in new]
    assert finals == ["COMPLETED", "COMPLETED"]
