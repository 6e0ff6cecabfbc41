"""``addsup run | extract | check | report``.

``run`` orchestrates through Prefect (imported only there); ``extract`` and ``check``
need no server and work on any files.
"""

from __future__ import annotations

import json
import math
import os
import signal
import sys
import uuid
import webbrowser
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from addsup import pipeline as steps
from addsup.articles import DEFAULT_MAX_BYTES, Article, Rejected, read_article_file
from addsup.extract import extract as extract_text
from addsup.paths import allow
from addsup.warehouse import DEFAULT_WAREHOUSE, warehouse

app = typer.Typer(
    pretty_exceptions_show_locals=False,
    add_completion=False,
    no_args_is_help=True,
    help="Check that the numbers in news articles add up.",
)
err = Console(stderr=True, soft_wrap=True)
out = Console(soft_wrap=True)

Articles = Annotated[Path, typer.Option("--articles", help="Folder of article files.")]
Tables = Annotated[Path, typer.Option("--tables", help="Folder of curated CSV tables.")]
Warehouse = Annotated[Path, typer.Option("--warehouse", help="DuckDB warehouse file.")]
Reports = Annotated[Path, typer.Option("--reports", help="Folder of the reports.")]
Reference = Annotated[
    Path, typer.Option("--reference", help="Folder of reference data (exchange rates, statistics).")
]
Port = Annotated[
    int,
    typer.Option(
        "--port", help="Port of the local Prefect server (when PREFECT_API_URL is unset)."
    ),
]


class ExtractFormat(StrEnum):
    jsonl = "jsonl"
    table = "table"


class CheckFormat(StrEnum):
    json = "json"
    text = "text"


class FailOn(StrEnum):
    never = "never"
    error = "error"
    warning = "warning"


def _num(x: float | None) -> float | None:
    return None if x is None or (isinstance(x, float) and (math.isinf(x) or math.isnan(x))) else x


def figure_records(
    path: Path, max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[list[dict], list[Rejected]]:
    """The ``addsup extract`` records of one file (offsets into the whole file for txt/md)."""
    records: list[dict] = []
    rejected: list[Rejected] = []
    for item in read_article_file(path, str(path), max_bytes):
        if isinstance(item, Rejected):
            rejected.append(item)
            continue
        article: Article = item
        x = extract_text(article.text, article.published_on)
        line = article.source.rsplit(":", 1)[1] if path.suffix.lower() == ".jsonl" else None
        for f in x.figures:
            rec = {
                "article": str(path),
                "surface": f.surface,
                "start": f.start + article.body_offset,
                "end": f.end + article.body_offset,
                "value": _num(abs(f.value)),  # as printed; a sign stays in the surface
                "scale": f.scale,
                "unit": f.unit,
                "currency": f.currency,
                "currency_assumed": f.currency_assumed,
                "qualifier": f.qualifier,
                "decimals": f.decimals,
                "period_start": f.period_start.isoformat() if f.period_start else None,
                "period_end": f.period_end.isoformat() if f.period_end else None,
                "noun": f.noun,
                "sentence": f.sentence_no,
                "lo": _num(f.lo),
                "hi": _num(f.hi),
            }
            if line is not None:
                rec["line"] = int(line)
            records.append(rec)
    return records, rejected


def _bundled_reference() -> Path | None:
    """The reference data bundled with the project, when this is a checkout of it."""
    for candidate in (
        steps.DEFAULT_REFERENCE,
        Path(__file__).resolve().parent.parent / "data" / "reference",
    ):
        if candidate.is_dir():
            return candidate
    return None


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Article files (.txt, .md, .jsonl).")],
    format: Annotated[ExtractFormat, typer.Option("--format", "-f")] = ExtractFormat.jsonl,
) -> None:
    """Print every figure found in the given files."""
    table = Table("article", "surface", "value", "scale", "unit", "currency", "qualifier", "period")
    for path in paths:
        if not path.is_file():
            err.print(f"[red]{path}: no such file[/red]")
            continue
        records, rejected = figure_records(path)
        for r in rejected:
            err.print(f"[yellow]{r.source}: {r.reason}: {r.detail}[/yellow]")
        for rec in records:
            if format is ExtractFormat.jsonl:
                sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
            else:
                table.add_row(
                    rec["article"],
                    rec["surface"],
                    f"{rec['value']:g}",
                    f"{rec['scale']:g}",
                    rec["unit"],
                    rec["currency"] or "",
                    rec["qualifier"],
                    rec["period_start"] or "",
                )
    if format is ExtractFormat.table:
        out.print(table)


@app.command("eval")
def evaluate_gold(
    folder: Annotated[Path, typer.Argument(help="Gold folder.")] = Path("tests/gold"),
    seeds: Annotated[
        Path, typer.Option(help="The seed articles the seed gold refers to (skipped if absent).")
    ] = Path("../shared/seeds"),
    errors: Annotated[bool, typer.Option("--errors", help="List every miss.")] = False,
    min_f1: Annotated[float, typer.Option(help="Exit 1 when figure F1 is below this.")] = 0.0,
    realnews: Annotated[
        Path | None,
        typer.Option(help="A folder of real news with figures.jsonl and score.py, also scored."),
    ] = None,
) -> None:
    """Precision, recall and F1 of the extractor per field, on hand-annotated gold articles."""
    from addsup.evaluation import evaluate, load_gold, table

    articles = load_gold(folder, seeds if seeds.is_dir() else None)
    result = evaluate(articles)
    figures = sum(len(a.figures) for a in articles)
    relations = sum(len(a.relations) for a in articles)
    out.print(f"{result.articles} gold articles, {figures} figures, {relations} relations")
    sys.stdout.write(table(result) + "\n")
    if errors:
        for line in result.errors:
            sys.stdout.write(line + "\n")
    elif result.errors:
        out.print(f"{len(result.errors)} miss(es): add --errors to list them")
    if realnews is not None and (realnews / "figures.jsonl").is_file():
        _evaluate_realnews(realnews, errors)
    if result.figure.f1 < min_f1:
        err.print(f"[red]figure F1 {result.figure.f1:.3f} is below {min_f1}[/red]")
        raise typer.Exit(1)


def _evaluate_realnews(folder: Path, errors: bool) -> None:
    from addsup import realnews

    scores, misses = realnews.evaluate_folder(folder)
    n = len(list(folder.glob("*.txt")))
    out.print(f"\n{folder}: {n} real news passages, {scores['span'].gold} figures")
    sys.stdout.write(realnews.table(scores) + "\n")
    line = realnews.relations_line(folder, lambda p: _check_json(check_data([p])))
    sys.stdout.write(line + "\n")
    if errors:
        for miss in misses:
            sys.stdout.write(miss + "\n")
    elif misses:
        out.print(f"{len(misses)} miss(es): add --errors to list them")


def check_data(paths: list[Path], tables: Path | None = None, reference: Path | None = None):
    """The report data of extraction and checks on ``paths`` alone (in memory)."""
    ingested = steps.ingest_paths(paths)
    with warehouse(":memory:") as con:
        run_id = f"check-{uuid.uuid4()}"
        steps.run_checks(con, ingested, run_id, tables, reference or _bundled_reference())
        from addsup.report import report_data

        return report_data(con, run_id, passes_listed=None, flagged_listed=None)


def _check_json(data: dict) -> str:
    public = [{k: v for k, v in f.items() if not k.startswith("_")} for f in data["findings"]]
    payload = {"findings": public, "counts": data["counts"], "quarantine": data["quarantine"]}
    return json.dumps(payload, indent=2, ensure_ascii=False, default=str)


@app.command()
def check(
    paths: Annotated[list[Path], typer.Argument(help="Article files (.txt, .md, .jsonl).")],
    format: Annotated[CheckFormat, typer.Option("--format", "-f")] = CheckFormat.text,
    fail_on: Annotated[
        FailOn, typer.Option(help="Exit 1 when a finding of this severity fails.")
    ] = FailOn.never,
    tables: Annotated[
        Path | None, typer.Option(help="Also load and check the CSV tables in this folder.")
    ] = None,
    reference: Annotated[
        Path | None,
        typer.Option(help="Reference data folder (default: the bundled data/reference)."),
    ] = None,
) -> None:
    """Run the pipeline's extraction and checks on the given files alone (in memory, no server)."""
    data = check_data(paths, tables, reference)
    findings = data["findings"]
    if format is CheckFormat.json:
        sys.stdout.write(_check_json(data) + "\n")
    else:
        for f in findings:
            if f["status"] == "pass":
                continue
            colour = "red" if f["status"] == "fail" else "dim"
            where = (
                f"{f['article']} sentence {f['sentence_no'] + 1}" if f["article"] else f["subject"]
            )
            out.print(
                f"[{colour}]{f['status'].upper():4}[/{colour}] {f['check']:10} {where}: {f['message']}"
            )
        c = data["counts"]
        out.print(
            f"{c['checks']} checks: {c['pass']} passed, {c['fail']} failed, {c['skip']} skipped"
        )
        for q in data["quarantine"]:
            err.print(f"[yellow]{q['source']}: {q['reason']}: {q['detail']}[/yellow]")
    failing = {f["severity"] for f in findings if f["status"] == "fail"}
    if (fail_on is FailOn.error and "error" in failing) or (fail_on is FailOn.warning and failing):
        raise typer.Exit(1)


def _prefect_environment(port: int) -> bool:
    """Point Prefect at the local server (started if needed); True when we started it."""
    os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
    os.environ.setdefault("PREFECT_HOME", str(Path(".prefect").resolve()))
    if os.environ.get("PREFECT_API_URL"):
        return False
    from flows.server import DEFAULT_HOST, ensure_server

    url, started = ensure_server(DEFAULT_HOST, port)
    os.environ["PREFECT_API_URL"] = url
    return started


@app.command()
def run(
    articles: Articles = steps.DEFAULT_ARTICLES,
    tables: Tables = steps.DEFAULT_TABLES,
    db: Warehouse = DEFAULT_WAREHOUSE,
    reports: Reports = steps.DEFAULT_REPORTS,
    reference: Reference = steps.DEFAULT_REFERENCE,
    fail_on: Annotated[
        FailOn, typer.Option(help="Fail the run (exit 1) on findings of this severity.")
    ] = FailOn.never,
    port: Port = 4200,
    full: Annotated[
        bool, typer.Option(help="Extract and check everything again, changed or not.")
    ] = False,
    workers: Annotated[
        int, typer.Option(help="Processes that read and extract batches of files.")
    ] = 1,
    batch_files: Annotated[
        int, typer.Option(help="Files per batch (memory is bounded by the batch).")
    ] = 2000,
    dask_workers: Annotated[
        int, typer.Option(help="Extract on a local Dask cluster of this many processes.")
    ] = 0,
    dask_address: Annotated[
        str | None, typer.Option(help="Extract on the Dask scheduler at this address.")
    ] = None,
) -> None:
    """Run the pipeline flow once (through Prefect) and print where the report is."""
    allow(articles, tables, reports, reference, db.parent)
    _prefect_environment(port)
    from flows.deployments import ensure_warehouse_limit
    from flows.pipeline import pipeline

    ensure_warehouse_limit()

    state = pipeline(
        articles_dir=str(articles),
        tables_dir=str(tables),
        reference_dir=str(reference),
        warehouse_path=str(db),
        reports_dir=str(reports),
        fail_on=fail_on.value,
        full=full,
        workers=workers,
        batch_size=batch_files,
        dask_workers=dask_workers,
        dask_address=dask_address,
        return_state=True,
    )
    result = state.result(raise_on_failure=False)
    if not isinstance(result, dict):
        err.print(f"[red]the run did not finish: {state.name}: {state.message}[/red]")
        raise typer.Exit(2)
    out.print(f"[bold]{state.name}[/bold]: {state.message}")
    out.print(f"report: {Path(result['report']).resolve()}")
    out.print(f"latest: {Path(result['latest']).resolve()}")
    ui = os.environ["PREFECT_API_URL"].removesuffix("/api")
    out.print(f"Prefect UI: {ui}/runs/flow-run/{result['run_id']}")
    if state.is_failed():
        raise typer.Exit(1)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


@app.command()
def serve(
    articles: Articles = steps.DEFAULT_ARTICLES,
    tables: Tables = steps.DEFAULT_TABLES,
    db: Warehouse = DEFAULT_WAREHOUSE,
    reports: Reports = steps.DEFAULT_REPORTS,
    reference: Reference = steps.DEFAULT_REFERENCE,
    allowed: Annotated[
        list[Path] | None,
        typer.Option("--allow", help="Another folder custom runs may use (repeatable)."),
    ] = None,
    hourly_cron: Annotated[str, typer.Option(help="Schedule of addsup-hourly.")] = "0 * * * *",
    daily_cron: Annotated[str, typer.Option(help="Schedule of addsup-daily.")] = "30 6 * * *",
    port: Port = 4200,
) -> None:
    """Serve the scheduled deployments in the foreground (Ctrl-C stops what this started)."""
    allow(articles, tables, reports, reference, db.parent, *(allowed or []))
    started = _prefect_environment(port)
    from flows.deployments import serve_deployments
    from flows.server import stop_server

    ui = os.environ["PREFECT_API_URL"].removesuffix("/api")
    out.print(
        f"Prefect UI: {ui}/deployments  (deployments pipeline/addsup-hourly, pipeline/addsup-daily)"
    )
    params = {
        "articles_dir": str(articles.resolve()),
        "tables_dir": str(tables.resolve()),
        "reference_dir": str(reference.resolve()),
        "warehouse_path": str(db.resolve()),
        "reports_dir": str(reports.resolve()),
    }
    signal.signal(signal.SIGTERM, _interrupt)  # a service manager's stop = Ctrl-C
    try:
        serve_deployments(params, hourly_cron=hourly_cron, daily_cron=daily_cron)
    except KeyboardInterrupt:
        pass
    finally:
        if started:
            out.print("stopping the Prefect server this command started")
            stop_server()


@app.command()
def report(
    reports: Reports = steps.DEFAULT_REPORTS,
    open_: Annotated[bool, typer.Option("--open", help="Open it in a browser.")] = False,
) -> None:
    """Print the path of the latest report."""
    latest = reports / "latest.html"
    if not latest.exists():
        err.print(f"no report yet in {reports}: run `addsup run` first")
        raise typer.Exit(1)
    typer.echo(str(latest.resolve()))
    if open_:
        webbrowser.open(latest.resolve().as_uri())


if __name__ == "__main__":
    app()
