"""``addsup run | serve | rebuild``: through Prefect (imported only when they run)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer

from addsup.cli.common import (
    RUNNER_POLL_SECONDS,
    AlertUrl,
    Articles,
    Bar,
    FailOn,
    Port,
    Quiet,
    Reference,
    Reports,
    Sources,
    Tables,
    Warehouse,
    _bundled_reference,
    _console,
    app,
)
from addsup.parameters import DAILY_CRON, DEFAULT_BATCH_FILES, HOURLY_CRON, RUN
from addsup.paths import (
    DEFAULT_ARTICLES,
    DEFAULT_REFERENCE,
    DEFAULT_REPORTS,
    DEFAULT_TABLES,
    DEFAULT_WAREHOUSE,
)


def _prefect_environment(port: int) -> bool:
    """Point Prefect at a server and say which: PREFECT_API_URL's when set (it must answer),
    else the local one on ``port`` (started if needed). True when this started it; one line
    and exit status 2 when no server can be used."""
    from addsup.cli.server import DEFAULT_HOST, ServerUnavailable, check_api_url, ensure_server

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
        FailOn, typer.Option(help=RUN["fail_on"].removesuffix(".") + " (exit 1).")
    ] = FailOn.never,
    port: Port = 4200,
    full: Annotated[bool, typer.Option(help=RUN["full"])] = False,
    workers: Annotated[int, typer.Option(help=RUN["workers"])] = 1,
    batch_files: Annotated[int, typer.Option(help=RUN["batch_size"])] = DEFAULT_BATCH_FILES,
    dask_workers: Annotated[int, typer.Option(help=RUN["dask_workers"])] = 0,
    dask_address: Annotated[str | None, typer.Option(help=RUN["dask_address"])] = None,
    sources: Sources = None,
    alert_url: AlertUrl = None,
    quiet: Quiet = False,
) -> None:
    """Run the pipeline once, through Prefect.

    One flow run on a local Prefect server (started if needed) or PREFECT_API_URL's; prints
    where the report is. Exit status 1 when --fail-on is met, 2 when no server can be used."""
    from addsup.paths import allow

    reference = _bundled_reference(reference) or reference
    allow(articles, tables, reports, reference, db.parent, *([sources.parent] if sources else []))
    keep = _retention()
    _prefect_environment(port)
    from addsup.progress import shown_by
    from addsup_flows.outcome import result_of
    from addsup_flows.pipeline import pipeline

    with (
        _server_may_go(db, reports),
        Bar(quiet) as bar,
        shown_by(lambda done, total, _: bar.show("files", done, total)),
    ):
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
            alert_url=alert_url,
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


def _lost_server(exc: BaseException) -> BaseException | None:
    """The connection error behind ``exc`` when the Prefect server stopped answering."""
    import httpx

    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, httpx.HTTPError):
            return seen
        seen = seen.__cause__ or seen.__context__
    return None


@contextmanager
def _server_may_go(db: Path, reports: Path) -> Iterator[None]:
    """A server that stops answering during a run ends the command with one paragraph that
    says what the warehouse recorded (exit status 2), not the engine's traceback."""
    try:
        yield
    except Exception as exc:
        lost = _lost_server(exc)
        if lost is None:
            raise
        from addsup import warehouse

        with warehouse.warehouse(db) as con:
            last = warehouse.ended_runs(con, 0.0, 1)
            for run_id in last:
                warehouse.mark_unreported(con, run_id)
        url = os.environ.get("PREFECT_API_URL", "")
        err = _console(stderr=True)
        err.print(
            f"[red]the Prefect server at {url} stopped answering before this run could tell it "
            f"how it ended ({type(lost).__name__}: {lost}).[/red]",
            highlight=False,
        )
        for run_id, status in last.items():
            err.print(f"The warehouse recorded run {run_id} as {status}.", highlight=False)
            if status == "completed":
                err.print(f"Its report: {(reports / 'latest.html').resolve()}", highlight=False)
        err.print(
            "Start the server again (addsup run starts one): the next run shows this one "
            "in the UI as it ended.",
            highlight=False,
        )
        raise typer.Exit(2) from None


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
    hourly_cron: Annotated[str, typer.Option(help="Schedule of addsup-hourly.")] = HOURLY_CRON,
    daily_cron: Annotated[str, typer.Option(help="Schedule of addsup-daily.")] = DAILY_CRON,
    port: Port = 4200,
    reports_port: Annotated[
        int | None,
        typer.Option(
            help="Port to serve the reports folder on, read-only, for the report links in the "
            "Prefect UI (default: the Prefect port + 1; -1: do not serve it).",
        ),
    ] = None,
    sources: Sources = None,
    alert_url: AlertUrl = None,
) -> None:
    """Serve the scheduled deployments and the reports.

    The hourly and daily deployments (and the Run button in the Prefect UI) until Ctrl-C or
    SIGTERM, which also stop a server this started; the reports folder over HTTP, read-only."""
    import signal
    from urllib.parse import urlsplit

    from addsup.paths import allow
    from addsup.report.server import ReportsServer

    reference = _bundled_reference(reference) or reference
    allow(articles, tables, reports, reference, db.parent, *(allowed or []))
    if sources:
        allow(sources.parent)
    keep = _retention()
    # look for runs to start every 2 s, not Prefect's 10 s: a Quick run starts sooner
    os.environ.setdefault("PREFECT_RUNNER_POLL_FREQUENCY", str(RUNNER_POLL_SECONDS))
    started = _prefect_environment(port)
    from addsup.cli.server import stop_server
    from addsup_flows.deployments import serve_deployments

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
        **({"alert_url": alert_url} if alert_url else {}),
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
    """Make a damaged warehouse again, from the inputs.

    From the articles, tables and reference data, with a full run. For a warehouse that is damaged or not a DuckDB database: the file (and its log) is set
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
        batch_files=DEFAULT_BATCH_FILES,
        dask_workers=0,
        dask_address=None,
        sources=None,
        alert_url=None,
        quiet=quiet,
    )
