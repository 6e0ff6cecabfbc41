"""One real run of each flow on a temporary Prefect server (prefect_test_harness)."""

import json
import uuid
from pathlib import Path

import pytest

from addsup import pipeline as steps
from tests.conftest import SAMPLE_REFERENCE, SAMPLE_TABLES, planted


@pytest.fixture
def run_dirs(tmp_path, articles_dir):
    return {
        "articles_dir": str(articles_dir),
        "tables_dir": str(SAMPLE_TABLES),
        "reference_dir": str(SAMPLE_REFERENCE),
        "warehouse_path": str(tmp_path / "w.duckdb"),
        "reports_dir": str(tmp_path / "reports"),
    }


def test_pipeline_flow(prefect_server, run_dirs, tmp_path, chromium):
    import duckdb
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId

    from addsup_flows.pipeline import pipeline

    first = pipeline(**run_dirs)
    assert (first["errors"], first["warnings"]) == (len(planted()), 0)
    results = json.loads(
        (tmp_path / "reports" / "runs" / first["run_id"] / "results.json").read_text()
    )
    assert results["run"]["run_id"] == first["run_id"]
    assert results["run"]["status"] == "completed"
    assert (tmp_path / "reports" / "latest.html").exists()

    # the flow's report, as a reader's browser shows it: nothing fetched, the failures there
    page = chromium.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    latest = (tmp_path / "reports" / "latest.html").resolve().as_uri()
    page.goto(latest)
    assert [u for u in requests if not u.startswith("data:")] == [latest]
    assert page.locator("#failures ~ article.finding.fail").count() == len(planted())
    page.screenshot(path=str(tmp_path / "flow-report.png"), full_page=True)

    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts(
            artifact_filter=ArtifactFilter(
                flow_run_id=ArtifactFilterFlowRunId(any_=[uuid.UUID(first["run_id"])])
            )
        )
    by_key = {a.key: a for a in artifacts}
    assert set(by_key) == {"addsup-summary", "addsup-failures", "addsup-report"}
    assert by_key["addsup-failures"].type == "table"
    assert f"**{len(planted())} error(s)**" in by_key["addsup-summary"].data
    # no reports server here: the artifact says where the file is (no dead file:// link)
    report = by_key["addsup-report"]
    assert report.type == "markdown" and "file://" not in report.data
    assert f"`{(tmp_path / 'reports' / 'runs' / first['run_id'] / 'report.html').resolve()}`" in (
        report.data
    )

    second = pipeline(**run_dirs)
    assert second["run_id"] != first["run_id"] and second["errors"] == len(planted())
    con = duckdb.connect(run_dirs["warehouse_path"], read_only=True)
    try:
        counts = con.execute(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM figures), (SELECT count(*) FROM runs)"
        ).fetchall()[0]
        runs = con.execute("SELECT articles_new FROM runs ORDER BY started_at").fetchall()
    finally:
        con.close()
    ingested = steps.ingest(Path(run_dirs["articles_dir"]))
    expected_figures = sum(len(x.figures) for x in steps.extract(ingested.articles).values())
    assert counts == (len(ingested.articles), expected_figures, 2)
    assert runs == [(len(ingested.articles),), (0,)]

    # nothing new: the second run passed over every file and took the first run's findings
    second_page = (tmp_path / "reports" / "runs" / second["run_id"] / "report.html").read_text()
    assert "Nothing new since the last run" in second_page
    assert f"runs/{first['run_id']}/report.html" in second_page
    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts(
            artifact_filter=ArtifactFilter(
                flow_run_id=ArtifactFilterFlowRunId(any_=[uuid.UUID(second["run_id"])])
            )
        )
    by_key = {a.key: a for a in artifacts}
    assert f"Nothing new since run `{first['run_id']}`" in by_key["addsup-summary"].data
    assert len(by_key["addsup-failures"].data) > 2  # the planted failures, as a table

    # one edited article: the third run reads it, checks everything again, full report
    edited = Path(run_dirs["articles_dir"]) / "2023-03-02-dalian-containers.txt"
    edited.write_text(edited.read_text() + "\nThe port hired 40 more workers.\n")
    third = pipeline(**run_dirs)
    third_page = (tmp_path / "reports" / "runs" / third["run_id"] / "report.html").read_text()
    assert "Nothing new" not in third_page and third["errors"] == len(planted())


def _tables(path):
    import duckdb

    con = duckdb.connect(path, read_only=True)
    try:
        return [
            con.execute(
                f"SELECT * EXCLUDE (ingested_at, first_run_id) FROM {t} ORDER BY ALL"
            ).fetchall()
            if t == "articles"
            else con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall()
            for t in ("articles", "figures", "relations", "sentences")
        ]
    finally:
        con.close()


def test_pipeline_on_a_local_dask_cluster(prefect_server, run_dirs, tmp_path):
    """The batches extracted on Dask workers (``addsup.stream.batch_pool``), loaded here."""
    from addsup_flows.pipeline import pipeline

    plain = {**run_dirs, "warehouse_path": str(tmp_path / "plain.duckdb")}
    expected = pipeline(**plain)
    on_dask = pipeline(**run_dirs, dask_workers=2, batch_size=8)
    assert (on_dask["errors"], on_dask["checks_run"]) == (
        expected["errors"],
        expected["checks_run"],
    )
    assert _tables(run_dirs["warehouse_path"]) == _tables(plain["warehouse_path"])
    # every article extracted again on the cluster (nothing passed over): nothing changes
    again = pipeline(**run_dirs, dask_workers=2, batch_size=8, full=True)
    assert (again["errors"], again["checks_run"]) == (expected["errors"], expected["checks_run"])
    assert _tables(run_dirs["warehouse_path"]) == _tables(plain["warehouse_path"])


def test_pipeline_on_two_worker_processes_in_batches(prefect_server, run_dirs, tmp_path):
    from addsup_flows.pipeline import pipeline

    plain = {**run_dirs, "warehouse_path": str(tmp_path / "plain.duckdb")}
    expected = pipeline(**plain)
    batched = pipeline(**run_dirs, workers=2, batch_size=5)
    assert (batched["errors"], batched["checks_run"], batched["articles_new"]) == (
        expected["errors"],
        expected["checks_run"],
        expected["articles_new"],
    )
    assert _tables(run_dirs["warehouse_path"]) == _tables(plain["warehouse_path"])


def _engine_exit(exc: BaseException):
    import logging

    try:
        raise exc
    except BaseException as raised:
        info = (type(raised), raised, raised.__traceback__)
    from addsup_flows.outcome import ENGINE_EXIT

    return logging.LogRecord("prefect.flow_runs", logging.ERROR, __file__, 1, ENGINE_EXIT, (), info)


@pytest.mark.parametrize(
    ("exc", "kept"),
    [
        ("run_failed", False),
        ("parameter", False),
        (TypeError("a real bug"), True),
        (RuntimeError("disk full"), True),
    ],
)
def test_the_engine_traceback_is_dropped_only_for_failures_on_purpose(exc, kept):
    from prefect.exceptions import ParameterTypeError

    from addsup_flows.outcome import QuietFailures, RunFailed

    exc = {"run_failed": RunFailed("refused: x"), "parameter": ParameterTypeError("bad date")}.get(
        exc, exc
    )
    assert QuietFailures().filter(_engine_exit(exc)) is kept


@pytest.mark.parametrize(("fail_on", "failed"), [("never", False), ("error", True)])
def test_outcome_keeps_the_counts_of_a_run_failed_on_purpose(fail_on, failed):
    from addsup_flows.outcome import outcome, result_of

    counts = {"errors": 2, "warnings": 0, "checks_run": 5}
    state = outcome("r1", counts, "/r/report.html", "/r/latest.html", fail_on)
    assert state.is_failed() is failed
    assert result_of(state) == {
        "run_id": "r1",
        **counts,
        "report": "/r/report.html",
        "latest": "/r/latest.html",
    }
    if failed:
        assert state.message.startswith("2 error-severity finding(s) do not add up (fail_on=error)")


class _Log:
    def __init__(self):
        self.lines = []

    def info(self, message, *args):
        self.lines.append(message % args)


def test_batch_progress_goes_to_the_sinks_and_now_and_then_to_the_log():
    from types import SimpleNamespace

    from addsup.progress import BatchLog, shown_by

    seen: list[tuple[int, int, int]] = []
    log = _Log()
    progress = BatchLog(every=3600, logger=log)
    with shown_by(lambda *told: seen.append(told)):
        for batch in (1, 2, 3):
            progress(
                SimpleNamespace(batches=batch, files_read=batch * 10, articles_extracted=batch), 30
            )
    progress(SimpleNamespace(batches=4, files_read=30, articles_extracted=4), 30)  # no sink now
    assert seen == [(10, 30, 1), (20, 30, 2), (30, 30, 3)]
    # not every batch: the last one (and one every `every` seconds)
    assert log.lines == [
        "loaded 30 of 30 file(s) in 3 batch(es): 3 article(s) extracted so far",
        "loaded 30 of 30 file(s) in 4 batch(es): 4 article(s) extracted so far",
    ]


def test_with_a_sources_file_the_hourly_deployment_fetches_and_the_daily_does_not():
    from addsup_flows.deployments import build_deployments

    hourly, daily = build_deployments({"keep_runs": 50}, "/data/sources.toml")
    assert hourly.parameters == {"keep_runs": 50, "sources": "/data/sources.toml"}
    assert daily.parameters["keep_runs"] == 50 and "sources" not in daily.parameters
    assert "sources" in hourly._parameter_openapi_schema.model_dump()["properties"]
