"""``addsup run | serve | check | extract | eval | report``.

Quick to start: only typer is imported here; each command imports what it needs when it
runs (``run`` and ``serve`` Prefect, the others the library), so ``addsup --help`` takes a
fraction of a second and ``check`` / ``extract`` never import Prefect.
"""

from __future__ import annotations

import json
import math
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from addsup import __version__
from addsup.paths import (
    DEFAULT_ARTICLES,
    DEFAULT_REFERENCE,
    DEFAULT_REPORTS,
    DEFAULT_TABLES,
    DEFAULT_WAREHOUSE,
)

if TYPE_CHECKING:
    from rich.console import Console

    from addsup.articles import Rejected

app = typer.Typer(
    pretty_exceptions_show_locals=False,
    add_completion=False,
    no_args_is_help=True,
    help="Check that the numbers in news articles add up.",
    rich_markup_mode=None,
)

RUNNER_POLL_SECONDS = 2  # how often addsup serve asks the server for runs to start
UNREADABLE_EXIT = 2  # an input could not be read (missing, unsupported type, empty, binary)

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
        "--port",
        help="Port of the local Prefect server to use or start (when PREFECT_API_URL is unset).",
    ),
]
Inputs = Annotated[
    list[Path],
    typer.Argument(
        help="Article files (.txt, .md, .jsonl, .html) or folders (every file below, as an articles folder).",
        show_default=False,
        metavar="PATH",
    ),
]
Sources = Annotated[
    Path | None,
    typer.Option(
        "--sources",
        help="A sources file (TOML: feeds and pages, docs/inputs.md) to fetch from before "
        "reading the articles; without one nothing is fetched.",
        show_default=False,
    ),
]
Quiet = Annotated[
    bool, typer.Option("--quiet", "-q", help="No progress bar (none is shown on a pipe either).")
]


def _console(stderr: bool = False) -> Console:
    from rich.console import Console

    return Console(stderr=stderr, soft_wrap=True)


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


def _version(value: bool) -> None:
    if value:
        typer.echo(f"addsup {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", help="Print the version and exit.", is_eager=True, callback=_version
        ),
    ] = False,
) -> None:
    """Check that the numbers in news articles add up."""


def _report_unreadable(rejected: list[Rejected]) -> bool:
    """One line on stderr per input that could not be read (or was read with a warning);
    True when any could not be read."""
    from rich.markup import escape

    err = _console(stderr=True)
    for r in rejected:
        colour = "yellow" if r.loaded else "red"
        err.print(f"[{colour}]{escape(f'{r.source}: {r.reason}: {r.detail}')}[/{colour}]")
    return any(not r.loaded for r in rejected)


def _num(x: float | None) -> float | None:
    return None if x is None or (isinstance(x, float) and (math.isinf(x) or math.isnan(x))) else x


def figure_records(
    path: Path, source: str | None = None, max_bytes: int | None = None
) -> tuple[list[dict], list[Rejected]]:
    """The ``addsup extract`` records of one file (offsets into the whole file for txt/md)."""
    from addsup.articles import DEFAULT_MAX_BYTES, Article, Rejected, read_article_file
    from addsup.extract import extract as extract_text

    source = source or str(path)
    if not path.is_file():
        return [], [Rejected(source, "not_found", "no such file")]
    records: list[dict] = []
    rejected: list[Rejected] = []
    for item in read_article_file(path, source, max_bytes or DEFAULT_MAX_BYTES):
        if isinstance(item, Rejected):
            rejected.append(item)
            continue
        article: Article = item
        x = extract_text(article.text, article.published_on)
        line = article.source.rsplit(":", 1)[1] if path.suffix.lower() == ".jsonl" else None
        for f in x.figures:
            rec = {
                "article": source,
                "surface": f.surface,
                "start": f.start + article.body_offset,
                "end": f.end + article.body_offset,
                "value": _num(f.value),
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
        DEFAULT_REFERENCE,
        Path(__file__).resolve().parent.parent / "data" / "reference",
    ):
        if candidate.is_dir():
            return candidate
    return None


class Bar:
    """A progress bar on stderr while files are read and articles extracted: only on a
    terminal and never with ``--quiet`` (nothing is written to a pipe)."""

    def __init__(self, quiet: bool) -> None:
        self.console = _console(stderr=True)
        self.shown = not quiet and self.console.is_terminal
        self.progress: Any = None
        self.task: Any = None

    def __enter__(self) -> Bar:
        if self.shown:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeRemainingColumn,
            )

            self.progress = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=self.console,
                transient=True,
            )
            self.progress.start()
        return self

    def stage(self, description: str, total: int | None) -> Any:
        """A new stage of ``total`` steps; the callable it returns advances it."""
        if self.progress is None:
            return None
        if self.task is not None:
            self.progress.update(self.task, visible=False)
        self.task = self.progress.add_task(description, total=total)
        task = self.task
        return lambda n: self.progress.advance(task, n)

    def show(self, description: str, done: int, total: int) -> None:
        """Set the bar of ``description`` to ``done`` of ``total``."""
        if self.progress is None:
            return
        if self.task is None or self.progress.tasks[-1].description != description:
            self.stage(description, total)
        self.progress.update(self.task, completed=done, total=total)

    def __exit__(self, *exc: object) -> None:
        if self.progress is not None:
            self.progress.stop()


@app.command()
def extract(
    paths: Inputs,
    format: Annotated[
        ExtractFormat,
        typer.Option(
            "--format",
            "-f",
            help="jsonl: one JSON object per figure (docs/contracts.md); table: for reading.",
        ),
    ] = ExtractFormat.jsonl,
) -> None:
    """Print every figure found in the given files.

    Exit status 2 when an input cannot be read (one line each on stderr)."""
    from addsup.files import input_files

    rows: list[dict] = []
    unreadable = False
    for path, source in input_files(paths):
        records, rejected = figure_records(path, source)
        unreadable |= _report_unreadable(rejected)
        if format is ExtractFormat.jsonl:
            for rec in records:
                sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
        else:
            rows.extend(records)
    if format is ExtractFormat.table:
        from rich.table import Table

        columns = ("article", "surface", "value", "scale", "unit", "currency", "qualifier")
        table = Table(*columns, "period")
        for rec in rows:
            cells = [rec[c] if rec[c] is not None else "" for c in columns]
            cells[2], cells[3] = f"{rec['value']:g}", f"{rec['scale']:g}"
            table.add_row(*cells, rec["period_start"] or "")
        _console().print(table)
    if unreadable:
        raise typer.Exit(UNREADABLE_EXIT)


@app.command("eval")
def evaluate_gold(
    folder: Annotated[Path, typer.Argument(help="Gold folder.")] = Path("tests/gold"),
    seeds: Annotated[
        Path, typer.Option(help="The seed articles the seed gold refers to (skipped if absent).")
    ] = Path("../shared/seeds"),
    errors: Annotated[bool, typer.Option("--errors", help="List every miss.")] = False,
    min_f1: Annotated[float, typer.Option(help="Exit 1 when figure F1 is below this.")] = 0.0,
) -> None:
    """Score the extractor on hand-annotated gold articles.

    Precision, recall and F1 per field."""
    from addsup.evaluation import evaluate, load_gold, table

    out = _console()
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
    if result.figure.f1 < min_f1:
        _console(stderr=True).print(
            f"[red]figure F1 {result.figure.f1:.3f} is below {min_f1}[/red]"
        )
        raise typer.Exit(1)


@app.command()
def check(
    paths: Inputs,
    format: Annotated[
        CheckFormat,
        typer.Option(
            "--format",
            "-f",
            help="text: what failed, one line each; json: every finding (docs/contracts.md).",
        ),
    ] = CheckFormat.text,
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
    quiet: Quiet = False,
) -> None:
    """Check the given files alone (in memory, no server).

    The pipeline's extraction and checks on these files only. Exit status 1 when
    --fail-on is met, 2 when an input cannot be read (one line each on stderr)."""
    import uuid

    from addsup import pipeline as steps
    from addsup.files import input_files
    from addsup.report import report_data
    from addsup.warehouse import warehouse

    with Bar(quiet) as bar:
        reading = bar.stage("reading", len(input_files(paths)))
        ingested = steps.ingest_paths(paths, progress=reading)
        extracting = bar.stage("extracting", len(ingested.articles))
        with warehouse(":memory:") as con:
            run_id = f"check-{uuid.uuid4()}"
            reference = reference or _bundled_reference()
            steps.run_checks(con, ingested, run_id, tables, reference, progress=extracting)
            bar.stage("checking", None)
            data = report_data(con, run_id, passes_listed=None, flagged_listed=None)
    findings = data["findings"]
    if format is CheckFormat.json:
        public = [{k: v for k, v in f.items() if not k.startswith("_")} for f in findings]
        payload = {"findings": public, "counts": data["counts"], "quarantine": data["quarantine"]}
        sys.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False, default=str) + "\n")
    else:
        from rich.markup import escape

        out = _console()
        for f in findings:
            if f["status"] == "pass":
                continue
            colour = "red" if f["status"] == "fail" else "dim"
            where = (
                f"{f['article']} sentence {f['sentence_no'] + 1}" if f["article"] else f["subject"]
            )
            line = escape(f"{f['check']:10} {where}: {f['message']}")
            out.print(f"[{colour}]{f['status'].upper():4}[/{colour}] {line}")
        c = data["counts"]
        out.print(
            f"{c['checks']} checks: {c['pass']} passed, {c['fail']} failed, {c['skip']} skipped"
        )
    if _report_unreadable(ingested.rejected):
        raise typer.Exit(UNREADABLE_EXIT)
    failing = {f["severity"] for f in findings if f["status"] == "fail"}
    if (fail_on is FailOn.error and "error" in failing) or (fail_on is FailOn.warning and failing):
        raise typer.Exit(1)


def _prefect_environment(port: int) -> bool:
    """Point Prefect at a server and say which: PREFECT_API_URL's when set (it must answer),
    else the local one on ``port`` (started if needed). True when this started it; one line
    and exit status 2 when no server can be used."""
    from flows.server import DEFAULT_HOST, ServerUnavailable, check_api_url, ensure_server

    os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
    os.environ.setdefault("PREFECT_HOME", str(Path(".prefect").resolve()))
    err = _console(stderr=True)
    try:
        if url := os.environ.get("PREFECT_API_URL"):
            check_api_url(url)
            err.print(f"Prefect server: {url} (from PREFECT_API_URL)")
            return False
        err.print(f"Prefect server: looking for one on {DEFAULT_HOST}:{port} …")
        url, started = ensure_server(DEFAULT_HOST, port)
    except ServerUnavailable as exc:
        err.print(f"[red]{exc}[/red]", highlight=False)
        raise typer.Exit(2) from None
    os.environ["PREFECT_API_URL"] = url
    err.print(f"Prefect server: {url} ({'started now' if started else 'already running'})")
    return started


@app.command()
def run(
    articles: Articles = DEFAULT_ARTICLES,
    tables: Tables = DEFAULT_TABLES,
    db: Warehouse = DEFAULT_WAREHOUSE,
    reports: Reports = DEFAULT_REPORTS,
    reference: Reference = DEFAULT_REFERENCE,
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
    sources: Sources = None,
    quiet: Quiet = False,
) -> None:
    """Run the pipeline once, through Prefect.

    One flow run on a local Prefect server (started if needed) or PREFECT_API_URL's; prints
    where the report is. Exit status 1 when --fail-on is met, 2 when no server can be used."""
    from addsup.paths import allow

    allow(articles, tables, reports, reference, db.parent, *([sources.parent] if sources else []))
    keep = _retention()
    _prefect_environment(port)
    from flows.deployments import ensure_warehouse_limit
    from flows.outcome import result_of
    from flows.pipeline import pipeline
    from flows.progress import shown_by

    ensure_warehouse_limit()

    with Bar(quiet) as bar, shown_by(lambda done, total, _: bar.show("files", done, total)):
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
            sources=str(sources) if sources else None,
            keep_runs=keep.keep_runs,
            keep_days=keep.keep_days,
            return_state=True,
        )
    out, err = _console(), _console(stderr=True)
    result = result_of(state)
    if result is None:
        err.print(f"[red]the run did not finish: {state.name}: {state.message}[/red]")
        raise typer.Exit(2)
    out.print(f"[bold]{state.name}[/bold]: {state.message}")
    out.print(f"report: {Path(result['report']).resolve()}")
    out.print(f"latest: {Path(result['latest']).resolve()}")
    ui = os.environ["PREFECT_API_URL"].removesuffix("/api")
    out.print(f"Prefect UI: {ui}/runs/flow-run/{result['run_id']}")
    if state.is_failed():
        raise typer.Exit(1)


def _retention() -> Any:
    """The retention settings (ADDSUP_KEEP_RUNS, ADDSUP_KEEP_DAYS); one line and exit 2 when
    one is not a number."""
    from addsup.retention import Retention

    try:
        return Retention.from_env()
    except ValueError as exc:
        _console(stderr=True).print(f"[red]{exc}[/red]", highlight=False)
        raise typer.Exit(2) from None


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


@app.command()
def serve(
    articles: Articles = DEFAULT_ARTICLES,
    tables: Tables = DEFAULT_TABLES,
    db: Warehouse = DEFAULT_WAREHOUSE,
    reports: Reports = DEFAULT_REPORTS,
    reference: Reference = DEFAULT_REFERENCE,
    allowed: Annotated[
        list[Path] | None,
        typer.Option("--allow", help="Another folder custom runs may use (repeatable)."),
    ] = None,
    hourly_cron: Annotated[str, typer.Option(help="Schedule of addsup-hourly.")] = "0 * * * *",
    daily_cron: Annotated[str, typer.Option(help="Schedule of addsup-daily.")] = "30 6 * * *",
    port: Port = 4200,
    reports_port: Annotated[
        int | None,
        typer.Option(
            help="Port to serve the reports folder on, read-only, for the report links in the "
            "Prefect UI (default: the Prefect port + 1; -1: do not serve it).",
        ),
    ] = None,
    sources: Sources = None,
) -> None:
    """Serve the scheduled deployments and the reports.

    The hourly and daily deployments (and the Run button in the Prefect UI) until Ctrl-C or
    SIGTERM, which also stop a server this started; the reports folder over HTTP, read-only."""
    import signal
    from urllib.parse import urlsplit

    from addsup.paths import allow
    from addsup.report.server import ReportsServer

    allow(articles, tables, reports, reference, db.parent, *(allowed or []))
    if sources:
        allow(sources.parent)
    keep = _retention()
    # look for runs to start every 2 s, not Prefect's 10 s: a Quick run starts sooner
    os.environ.setdefault("PREFECT_RUNNER_POLL_FREQUENCY", str(RUNNER_POLL_SECONDS))
    started = _prefect_environment(port)
    from flows.deployments import serve_deployments
    from flows.server import stop_server

    out = _console()
    ui = os.environ["PREFECT_API_URL"].removesuffix("/api")
    out.print(
        f"Prefect UI: {ui}/deployments  (deployments pipeline/addsup-hourly, pipeline/addsup-daily)"
    )
    web = None
    if reports_port != -1:
        host = urlsplit(ui).hostname or "127.0.0.1"
        host = host if host in ("127.0.0.1", "localhost", "::1") else "127.0.0.1"
        try:
            web = ReportsServer(reports, host, port + 1 if reports_port is None else reports_port)
        except OSError as exc:
            _console(stderr=True).print(
                f"[yellow]reports not served over HTTP ({exc}): the report artifact says where "
                "the file is; choose a free port with --reports-port N[/yellow]"
            )
        else:
            web.advertise()
            out.print(f"Reports: {web.url}latest.html  (the folder {web.folder}, read-only)")
    params = {
        "articles_dir": str(articles.resolve()),
        "tables_dir": str(tables.resolve()),
        "reference_dir": str(reference.resolve()),
        "warehouse_path": str(db.resolve()),
        "reports_dir": str(reports.resolve()),
        "keep_runs": keep.keep_runs,
        "keep_days": keep.keep_days,
    }
    fetching = str(sources.resolve()) if sources else None
    signal.signal(signal.SIGTERM, _interrupt)  # a service manager's stop = Ctrl-C
    try:
        serve_deployments(params, fetching, hourly_cron=hourly_cron, daily_cron=daily_cron)
    except KeyboardInterrupt:
        pass
    finally:
        if web is not None:
            web.close()
        if started:
            out.print("stopping the Prefect server this command started")
            stop_server()


@app.command()
def rebuild(
    articles: Articles = DEFAULT_ARTICLES,
    tables: Tables = DEFAULT_TABLES,
    db: Warehouse = DEFAULT_WAREHOUSE,
    reports: Reports = DEFAULT_REPORTS,
    reference: Reference = DEFAULT_REFERENCE,
    port: Port = 4200,
    quiet: Quiet = False,
) -> None:
    """Make the warehouse again from the articles, tables and reference data.

    For a warehouse that is damaged or not a DuckDB database: the file (and its log) is set
    aside beside it, as <name>.damaged-<time>, and a full run makes a new one."""
    from addsup.warehouse import set_aside

    aside = set_aside(db)
    note = f"set {db} aside as {aside}" if aside else f"no warehouse at {db}: making one"
    _console(stderr=True).print(note, highlight=False)
    run(
        articles=articles,
        tables=tables,
        db=db,
        reports=reports,
        reference=reference,
        fail_on=FailOn.never,
        port=port,
        full=True,
        workers=1,
        batch_files=2000,
        dask_workers=0,
        dask_address=None,
        sources=None,
        quiet=quiet,
    )


tables_app = typer.Typer(
    help="Table contracts (docs/tables.md).", no_args_is_help=True, rich_markup_mode=None
)
app.add_typer(tables_app, name="tables")


@tables_app.command("infer")
def infer(
    path: Annotated[Path, typer.Argument(help="A CSV table.", show_default=False)],
    force: Annotated[bool, typer.Option(help="Replace a contract that is there.")] = False,
) -> None:
    """Propose a contract for a CSV table and write it beside it (<name>.toml).

    Column types, a key, and the sums, shares, growth rates, differences and shares of one
    whole that hold within the printed rounding on at least 90 % of the rows."""
    from addsup.infer import infer_contract

    err = _console(stderr=True)
    target = path.with_suffix(".toml")
    if target.exists() and not force:
        err.print(f"{target} is there already: --force to replace it", highlight=False)
        raise typer.Exit(1)
    try:
        text, checks = infer_contract(path)
    except (OSError, ValueError) as exc:  # polars says why a CSV cannot be read
        err.print(f"{path}: cannot read it as a CSV table: {exc}", highlight=False)
        raise typer.Exit(UNREADABLE_EXIT) from None
    target.write_text(text, encoding="utf-8")
    kinds = ", ".join(f"{c['kind']}" for c in checks) or "no arithmetic found"
    typer.echo(f"{target}: {len(checks)} check(s) ({kinds}); read it, then run addsup")


@app.command()
def report(
    reports: Reports = DEFAULT_REPORTS,
    open_: Annotated[bool, typer.Option("--open", help="Open it in a browser.")] = False,
) -> None:
    """Print the path of the latest report."""
    latest = reports / "latest.html"
    if not latest.exists():
        typer.echo(f"no report yet in {reports}: run `addsup run` first", err=True)
        raise typer.Exit(1)
    typer.echo(str(latest.resolve()))
    if open_:
        import webbrowser

        webbrowser.open(latest.resolve().as_uri())


if __name__ == "__main__":
    app()
