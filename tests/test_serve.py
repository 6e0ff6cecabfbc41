"""End to end: a real Prefect server and `addsup serve` on free loopback ports, the Prefect UI
in headless Chromium (Debian's package) clicking Run as a user would, and custom runs through
the API. Everything started here is stopped here."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLE_ARTICLES, SAMPLE_REFERENCE, SAMPLE_TABLES, planted


def test_deployments_have_schedules_that_create_runs(served):
    api = served["api"]
    for name, cron in (("addsup-hourly", "0 * * * *"), ("addsup-daily", "30 6 * * *")):
        dep = api.deployment(name)
        assert [s["schedule"]["cron"] for s in dep["schedules"]] == [cron]
        assert dep["global_concurrency_limit"]["limit"] == 1
        assert dep["description"]
        assert dep["parameter_openapi_schema"]["additionalProperties"] is False
        # the scheduler really creates runs from the cron (not just "a schedule is shown")
        deadline = time.monotonic() + 60
        while not (scheduled := api.runs(dep["id"], ["SCHEDULED"])) and time.monotonic() < deadline:
            time.sleep(1)
        assert scheduled, f"the scheduler created no run for {name}"
        starts = sorted(datetime.fromisoformat(r["expected_start_time"]) for r in scheduled)
        assert all(t > datetime.now(UTC) for t in starts)
        minute = 0 if name == "addsup-hourly" else 30
        assert all(t.minute == minute and t.second == 0 for t in starts)


def test_click_run_in_the_prefect_ui(served, chromium, tmp_path):
    api = served["api"]
    dep = api.deployment("addsup-hourly")
    before = {r["id"] for r in api.runs(dep["id"])}

    page = chromium.new_page(viewport={"width": 1400, "height": 900})
    page.goto(f"{served['ui']}/deployments")
    page.get_by_placeholder("Search deployments").fill("addsup-hourly")
    page.get_by_role("link", name="addsup-hourly", exact=True).click()
    page.wait_for_url("**/deployments/deployment/**")
    run_button = page.get_by_role("button", name="Run", exact=True)
    run_button.wait_for()
    # Click Run > Quick run as a user would. The UI calls the API without retrying; under
    # SQLite lock contention the server can answer 503 ("Oops. Something went wrong."), and
    # a user clicks again: so does this test, on a 503 only, at most three times.
    statuses = []
    for _ in range(3):
        run_button.click()
        quick = page.get_by_text("Quick run", exact=True)
        quick.wait_for()
        with page.expect_response(lambda r: "/create_flow_run" in r.url, timeout=30_000) as info:
            quick.click()
        response = info.value
        statuses.append(response.status)
        if response.status != 503:
            break
        page.wait_for_timeout(1000)
    page.screenshot(path=str(tmp_path / "after-click.png"))
    assert statuses[-1] == 201, (
        f"the UI's create_flow_run answered {statuses}: {response.text()[:500]}"
    )
    new = [r for r in api.runs(dep["id"]) if r["id"] not in before]
    assert len(new) == 1, "clicking Quick run created no flow run"
    run = api.wait_final(new[0]["id"])
    assert run["state"]["type"] == "COMPLETED", run["state"]
    assert run["state"]["message"].startswith(f"{len(planted())} error(s), 0 warning(s) in ")

    run_dir = served["tmp"] / "reports" / "runs" / run["id"]
    results = json.loads((run_dir / "results.json").read_text())
    assert results["counts"]["errors"] == len(planted())
    assert (run_dir / "report.html").exists() and (
        served["tmp"] / "reports" / "latest.html"
    ).exists()
    artifacts = api.artifacts(run["id"])
    assert set(artifacts) == {"addsup-summary", "addsup-failures", "addsup-report"}
    # what failed and why come first in the failures table
    first_row = artifacts["addsup-failures"]["data"]
    first_row = json.loads(first_row)[0] if isinstance(first_row, str) else first_row[0]
    assert list(first_row)[:2] == ["what does not add up", "sentence"]

    # the report link is served over HTTP by addsup serve, and opens in the browser
    link = artifacts["addsup-report"]
    # (Prefect stores a link artifact as Markdown: [text](url))
    report_url = f"{served['reports']}runs/{run['id']}/report.html"
    assert f"]({report_url})" in link["data"]
    page.goto(report_url)
    assert page.locator("#failures ~ article.finding.fail").count() == len(planted())

    # the flow run page shows the run's final state to the user
    page.goto(f"{served['ui']}/runs/flow-run/{run['id']}")
    page.get_by_text("Completed").first.wait_for()


def test_custom_run_parameters_are_used(served):
    api = served["api"]
    tmp = served["tmp"]
    subset = tmp / "subset"
    subset.mkdir()
    for name in (
        "2024-01-25-heilongjiang-russia.txt",
        "2024-01-20-russia-crude.txt",
        "2023-08-28-japanese-booths.txt",
        "2024-02-10-korea-liaoning-investment.txt",
    ):
        shutil.copy(SAMPLE_ARTICLES / name, subset / name)
    (tmp / "no-tables").mkdir()
    params = {
        "articles_dir": str(subset),
        "tables_dir": str(tmp / "no-tables"),
        "warehouse_path": str(tmp / "custom.duckdb"),
        "reports_dir": str(tmp / "custom-reports"),
        "published_from": "2024-01-01",
        "fail_on": "error",
    }
    dep = api.deployment("addsup-hourly")
    response = api.call(
        "POST", f"/deployments/{dep['id']}/create_flow_run", json={"parameters": params}
    )
    assert response.status_code == 201, response.text
    run = api.wait_final(response.json()["id"])

    assert run["state"]["type"] == "FAILED", run["state"]  # fail_on=error and two planted errors
    assert run["state"]["message"].startswith(
        "2 error-severity finding(s) do not add up (fail_on=error)"
    )
    api.assert_failed_quietly(run, "(fail_on=error)")
    results = json.loads((tmp / "custom-reports" / "runs" / run["id"] / "results.json").read_text())
    assert results["run"]["params"]["published_from"] == "2024-01-01"
    assert results["counts"]["articles"] == 3  # the 2023 article is outside the date range
    assert {f["article"] for f in results["findings"] if f["status"] == "fail"} == {
        "2024-01-25-heilongjiang-russia.txt",
        "2024-01-20-russia-crude.txt",
    }


def test_an_hourly_run_fetches_what_a_sources_file_names(served, tmp_path):
    """A local site with a feed of three pages: the hourly deployment, run from the API with
    a sources file, fetches them into the raw store and reports them as articles."""
    import threading
    from functools import partial
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    api, tmp = served["api"], served["tmp"]
    site = tmp_path / "site"
    shutil.copytree(ROOT / "tests" / "html", site)
    handler = partial(SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *args: None
    web = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    base = f"http://127.0.0.1:{web.server_address[1]}"
    items = "".join(
        f"<item><title>{name}</title><link>{base}/{name}</link></item>"
        for name in ("harbour.html", "cafe-latin1.html", "port-list.html")
    )
    (site / "feed.xml").write_text(
        f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>'
    )
    sources = tmp / "sources.toml"
    sources.write_text(
        f'[settings]\ndelay_seconds = 0\n\n[[feeds]]\nname = "site"\nurl = "{base}/feed.xml"\n'
    )
    threading.Thread(target=web.serve_forever, daemon=True).start()
    try:
        (tmp / "fetch-articles").mkdir()
        params = {
            "articles_dir": str(tmp / "fetch-articles"),
            "warehouse_path": str(tmp / "fetch.duckdb"),
            "reports_dir": str(tmp / "fetch-reports"),
            "sources": str(sources),
        }
        dep = api.deployment("addsup-hourly")
        response = api.call(
            "POST", f"/deployments/{dep['id']}/create_flow_run", json={"parameters": params}
        )
        assert response.status_code == 201, response.text
        run = api.wait_final(response.json()["id"])
    finally:
        web.shutdown()
        web.server_close()
    assert run["state"]["type"] == "COMPLETED", run["state"]
    results = json.loads((tmp / "fetch-reports" / "runs" / run["id"] / "results.json").read_text())
    assert results["counts"]["articles"] == 3
    assert len(list((tmp / "fetch-articles" / "fetched").glob("*.html"))) == 3
    page = (tmp / "fetch-reports" / "runs" / run["id"] / "report.html").read_text()
    assert "Harbour trade climbs in spring" in page
    assert "https://ledger.example.org/business/harbour-trade-climbs" in page  # its URL linked


@pytest.mark.parametrize(
    ("parameters", "reason"),
    [
        ({"bogus": 1}, "'bogus' was unexpected"),
        ({"fail_on": "sometimes"}, "'sometimes' is not one of"),
    ],
)
def test_bad_parameters_are_refused_before_a_run_exists(served, parameters, reason):
    api = served["api"]
    dep = api.deployment("addsup-hourly")
    response = api.call(
        "POST", f"/deployments/{dep['id']}/create_flow_run", json={"parameters": parameters}
    )
    assert response.status_code == 409
    assert reason in response.text


def test_a_malformed_date_fails_the_run_with_a_clear_message(served):
    """JSON Schema does not enforce date formats, so the server accepts the run; the flow's
    own parameter validation then fails it, naming the parameter (not a bare crash)."""
    api = served["api"]
    dep = api.deployment("addsup-hourly")
    response = api.call(
        "POST",
        f"/deployments/{dep['id']}/create_flow_run",
        json={"parameters": {"published_from": "not a date"}},
    )
    assert response.status_code == 201, response.text
    run = api.wait_final(response.json()["id"])
    api.assert_failed_quietly(run, "published_from: Input should be a valid date")


def test_a_path_outside_the_allowed_folders_is_refused(served):
    api = served["api"]
    dep = api.deployment("addsup-hourly")
    response = api.call(
        "POST",
        f"/deployments/{dep['id']}/create_flow_run",
        json={"parameters": {"articles_dir": "/etc", "warehouse_path": "/etc/addsup.duckdb"}},
    )
    assert response.status_code == 201, response.text
    run = api.wait_final(response.json()["id"])
    api.assert_failed_quietly(
        run, "refused: articles_dir='/etc' resolves to /etc, outside the allowed folders"
    )
    assert not Path("/etc/addsup.duckdb").exists()


def test_a_finding_is_marked_through_the_review_flow_as_a_custom_run_does(served):
    """The UI's Custom run of review/addsup-review: a flow run of the deployment with the key
    and the verdict, executed by addsup serve; an unknown key fails it with a clear message."""
    from tests.looping import SALES, STAFF, failure_in, run, write_article

    api, tmp = served["api"], served["tmp"]
    db, reports = tmp / "reviewed" / "warehouse.duckdb", tmp / "reviewed-reports"
    write_article(tmp / "reviewed-articles", SALES, STAFF)
    key = failure_in(run(db, tmp / "reviewed-articles", reports), SALES)["key"]
    dep = api.deployment("addsup-review")
    assert dep["parameter_openapi_schema"]["properties"]["verdict"]["enum"] == [
        "false-alarm",
        "confirmed",
        "corrected",
    ]
    params = {
        "key": key,
        "verdict": "confirmed",
        "note": "tell the desk",
        "by": "ana",
        "warehouse_path": str(db),
        "reports_dir": str(reports),
    }
    response = api.call(
        "POST", f"/deployments/{dep['id']}/create_flow_run", json={"parameters": params}
    )
    assert response.status_code == 201, response.text
    done = api.wait_final(response.json()["id"])
    assert done["state"]["type"] == "COMPLETED", done["state"]
    assert done["state"]["message"].startswith(f"{key} marked confirmed: share_of")
    (line,) = db.with_name("warehouse.reviews.jsonl").read_text().splitlines()
    assert json.loads(line) | {"at": None} == json.loads(line) | {
        "key": key,
        "verdict": "confirmed",
        "note": "tell the desk",
        "by": "ana",
        "at": None,
    }
    queue = json.loads((reports / "corrections.json").read_text())
    assert [q["key"] for q in queue["corrections"]] == [key]

    params |= {"key": "0000000000"}
    response = api.call(
        "POST", f"/deployments/{dep['id']}/create_flow_run", json={"parameters": params}
    )
    refused = api.wait_final(response.json()["id"])
    api.assert_failed_quietly(refused, "no failure has the key '0000000000'")
    bad = api.call(
        "POST",
        f"/deployments/{dep['id']}/create_flow_run",
        json={"parameters": params | {"verdict": "maybe"}},
    )
    assert bad.status_code == 409 and "maybe" in bad.text


def test_addsup_run_shows_its_server_and_a_progress_bar_on_a_terminal(served, tmp_path):
    import pty

    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")} | {
        "PREFECT_API_URL": served["url"],
        "PREFECT_HOME": str(served["tmp"] / "prefect-home"),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "TERM": "xterm-256color",
        "COLUMNS": "120",
    }
    args = [
        str(Path(sys.executable).with_name("addsup")),
        "run",
        "--articles",
        str(served["tmp"] / "articles"),
        "--warehouse",
        str(tmp_path / "w.duckdb"),
        "--reports",
        str(tmp_path / "reports"),
        "--tables",
        str(SAMPLE_TABLES),
        "--reference",
        str(SAMPLE_REFERENCE),
        "--batch-files",
        "5",
    ]
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        args, stdin=subprocess.DEVNULL, stdout=slave, stderr=slave, env=env, cwd=ROOT
    )
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    assert proc.wait(timeout=300) == 0
    os.close(master)
    written = b"".join(chunks).decode("utf-8", "replace")
    written = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", written)  # colours and cursor moves
    assert f"Prefect server: {served['url']} (from PREFECT_API_URL)" in written
    assert "files" in written and "━" in written  # the bar, drawn while batches load
    assert "Completed" in written


def test_a_damaged_warehouse_is_named_and_rebuild_makes_it_again(served, tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")} | {
        "PREFECT_API_URL": served["url"],
        "PREFECT_HOME": str(served["tmp"] / "prefect-home"),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    }
    db = tmp_path / "w.duckdb"
    db.write_text("a spreadsheet saved over the warehouse\n" * 100)
    folders = ["--articles", str(served["tmp"] / "articles"), "--warehouse", str(db)]
    folders += ["--reports", str(tmp_path / "reports"), "--tables", str(SAMPLE_TABLES)]
    folders += ["--reference", str(SAMPLE_REFERENCE), "--quiet"]
    addsup = str(Path(sys.executable).with_name("addsup"))

    def cli(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [addsup, *args, *folders],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=300,
        )

    broken = cli("run")
    assert broken.returncode != 0
    said = broken.stdout + broken.stderr
    assert (
        "is not a DuckDB database or is damaged" in said
        and f"addsup rebuild --warehouse {db}" in said
    )
    assert "Traceback" not in said
    rebuilt = cli("rebuild")
    assert rebuilt.returncode == 0, rebuilt.stdout + rebuilt.stderr
    assert "set" in rebuilt.stderr and "aside as" in rebuilt.stderr
    [aside] = tmp_path.glob("w.duckdb.damaged-*")
    assert aside.read_text().startswith("a spreadsheet")
    results = json.loads((tmp_path / "reports" / "latest.json").read_text())
    assert results["counts"]["errors"] == len(planted())
