"""The ``pipeline`` flow: ingest -> extract -> load -> validate -> publish.

Each task wraps the library function of the same name in ``addsup.pipeline``; the
flow adds logging, artifacts and the run record. Articles are processed in one batch
per step, never one task per article.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_link_artifact, create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NONE
from prefect.runtime import flow_run

from addsup import pipeline as steps
from addsup import warehouse
from addsup.extract import Extraction
from addsup.findings import Finding
from addsup.report import ReportPaths, markdown_summary, report_data


@task(cache_policy=NONE)
def ingest(articles_dir: Path, max_bytes: int) -> steps.Ingested:
    ingested = steps.ingest(articles_dir, max_bytes)
    get_run_logger().info(
        "read %d article(s) from %s; %d input(s) rejected or flagged",
        len(ingested.articles),
        articles_dir,
        len(ingested.rejected),
    )
    return ingested


@task(cache_policy=NONE)
def extract(db: Path, ingested: steps.Ingested) -> dict[str, Extraction]:
    with warehouse.warehouse(db) as con:
        todo = steps.pending(con, ingested.articles)
    extractions = steps.extract(todo)
    get_run_logger().info(
        "extracted %d new or changed article(s) (%d unchanged skipped)",
        len(extractions),
        len(ingested.articles) - len(extractions),
    )
    return extractions


@task(cache_policy=NONE, retries=2, retry_delay_seconds=5)
def load(
    db: Path, ingested: steps.Ingested, extractions: dict[str, Extraction], run_id: str
) -> warehouse.LoadStats:
    with warehouse.warehouse(db) as con:
        return steps.load(con, ingested, extractions, run_id)


@task(cache_policy=NONE, retries=2, retry_delay_seconds=5)
def load_tables(db: Path, tables_dir: Path, run_id: str) -> list[Finding]:
    with warehouse.warehouse(db) as con:
        return steps.load_tables(con, tables_dir, run_id)


@task(cache_policy=NONE)
def validate(
    db: Path, run_id: str, table_findings: list[Finding], stats: warehouse.LoadStats
) -> dict[str, Any]:
    with warehouse.warehouse(db) as con:
        findings = steps.validate(con, run_id, table_findings)
        counts = steps.finish(con, run_id, stats, findings)
    get_run_logger().info(
        "%d checks: %d failed (%d errors, %d warnings)",
        counts["checks_run"],
        counts["failures"],
        counts["errors"],
        counts["warnings"],
    )
    return counts


@task(cache_policy=NONE)
def publish(db: Path, run_id: str, reports_dir: Path) -> ReportPaths:
    with warehouse.warehouse(db) as con:
        paths = steps.publish(con, run_id, reports_dir)
        data = report_data(con, run_id)
    failures = [f for f in data["findings"] if f["status"] == "fail"]
    create_markdown_artifact(
        key="addsup-summary",
        markdown=markdown_summary(data, paths.html.resolve()),
        description="What doesn't add up in this run",
    )
    create_table_artifact(
        key="addsup-failures",
        table=[
            {
                "check": f["check"],
                "severity": f["severity"],
                "article": f["title"] or f["article"] or "",
                "sentence": f["sentence"] or "",
                "arithmetic": f["message"],
            }
            for f in failures[:500]
        ]
        or [
            {
                "check": "",
                "severity": "",
                "article": "",
                "sentence": "",
                "arithmetic": "no failures",
            }
        ],
        description=f"{len(failures)} failing check(s)",
    )
    create_link_artifact(
        key="addsup-report",
        link=paths.html.resolve().as_uri(),
        link_text="HTML report",
        description="The full report of this run (a file on the machine that ran it)",
    )
    get_run_logger().info("report: %s", paths.html)
    return paths


def _mark_failed(flow: Any, run: Any, state: Any) -> None:
    """Record in the warehouse that the run failed (its findings so far stay)."""
    path = run.parameters.get("warehouse_path", str(warehouse.DEFAULT_WAREHOUSE))
    with warehouse.warehouse(path, timeout=30) as con:
        warehouse.finish_run(con, str(run.id), "failed", {})


@flow(name="pipeline", log_prints=True, on_failure=[_mark_failed], on_crashed=[_mark_failed])
def pipeline(
    articles_dir: str = str(steps.DEFAULT_ARTICLES),
    tables_dir: str = str(steps.DEFAULT_TABLES),
    warehouse_path: str = str(warehouse.DEFAULT_WAREHOUSE),
    reports_dir: str = str(steps.DEFAULT_REPORTS),
    max_bytes: int = 2_000_000,
) -> dict[str, Any]:
    """Check that the numbers in the articles add up, and publish the report."""
    run_id = flow_run.get_id() or str(uuid.uuid4())
    db = Path(warehouse_path)
    with warehouse.warehouse(db) as con:
        warehouse.start_run(
            con,
            run_id,
            {
                "articles_dir": articles_dir,
                "tables_dir": tables_dir,
                "warehouse_path": warehouse_path,
                "reports_dir": reports_dir,
            },
        )
    ingested = ingest(Path(articles_dir), max_bytes)
    extractions = extract(db, ingested)
    stats = load(db, ingested, extractions, run_id)
    table_findings = load_tables(db, Path(tables_dir), run_id)
    counts = validate(db, run_id, table_findings, stats)
    paths = publish(db, run_id, Path(reports_dir))
    return {"run_id": run_id, **counts, "report": str(paths.html), "latest": str(paths.latest_html)}
