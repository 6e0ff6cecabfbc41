"""``addsup review | export``: the newsroom loop (people's decisions on findings, and the
findings out to other tools). Neither imports Prefect."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from addsup.cli.common import Reports, Warehouse, _console, app
from addsup.paths import DEFAULT_REPORTS, DEFAULT_WAREHOUSE


class Verdict(StrEnum):
    false_alarm = "false-alarm"
    confirmed = "confirmed"
    corrected = "corrected"


class ExportFormat(StrEnum):
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"


class Status(StrEnum):
    fail = "fail"
    skip = "skip"
    pass_ = "pass"


class YesNo(StrEnum):
    yes = "yes"
    no = "no"


@app.command()
def review(
    key: Annotated[str, typer.Argument(help="The finding's key (in the report and results.json).")],
    verdict: Annotated[
        Verdict, typer.Option("--as", help="What the finding is.", show_default=False)
    ],
    note: Annotated[str | None, typer.Option(help="Why, in a few words.")] = None,
    by: Annotated[str | None, typer.Option(help="Who decided (default: $USER).")] = None,
    db: Warehouse = DEFAULT_WAREHOUSE,
    reports: Reports = DEFAULT_REPORTS,
) -> None:
    """Record a person's decision on a failure.

    false-alarm: no longer listed or counted as a failure (fail_on ignores it); confirmed: stays
    a failure and joins the corrections queue; corrected: leaves the queue (a later run that
    still finds it reopens it). Kept in the reviews file beside the warehouse. Exit 2 when the
    key is unknown."""
    from addsup import reviews, warehouse

    err = _console(stderr=True)
    if not db.is_file():
        err.print(f"[red]no warehouse at {db}: run addsup first (or give --warehouse)[/red]")
        raise typer.Exit(2)
    try:
        done = reviews.review(db, reports, key, verdict.value, note, by)
    except (reviews.ReviewRefused, warehouse.WarehouseDamaged) as exc:
        err.print(f"[red]{exc}[/red]", highlight=False)
        raise typer.Exit(2) from None
    _console().print(f"{reviews.said(done)}\n  {done['message']}", highlight=False)


@app.command("export")
def export(
    what: Annotated[str, typer.Argument(help="What to export: findings.", metavar="findings")],
    fmt: Annotated[ExportFormat, typer.Option("--format", help="File format.")],
    db: Warehouse = DEFAULT_WAREHOUSE,
    run_id: Annotated[
        str | None, typer.Option("--run", help="The run (default: the latest).")
    ] = None,
    status: Annotated[Status | None, typer.Option(help="Only findings of this status.")] = None,
    check: Annotated[str | None, typer.Option(help="Only findings of this check.")] = None,
    reviewed: Annotated[
        YesNo | None, typer.Option(help="Only findings a review applies to (yes) or not (no).")
    ] = None,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="The file (default: standard output).")
    ] = None,
) -> None:
    """Export a run's findings: CSV, JSON lines, Parquet.

    One row per finding of the run (default: the latest), with the columns docs/contracts.md
    documents; filtered by status, check and review."""
    from addsup import export as exporting
    from addsup import warehouse

    err = _console(stderr=True)
    if what != "findings":
        err.print(f"[red]only findings can be exported, not {what!r}[/red]", highlight=False)
        raise typer.Exit(2)
    if not db.is_file():
        err.print(f"[red]no warehouse at {db}: run addsup first (or give --warehouse)[/red]")
        raise typer.Exit(2)
    if fmt is ExportFormat.parquet and output is None:
        err.print("[red]Parquet is written to a file: give -o FILE[/red]")
        raise typer.Exit(2)
    try:
        with warehouse.warehouse(db) as con:
            frames = exporting.finding_frames(
                con,
                run_id,
                status.value if status else None,
                check,
                None if reviewed is None else reviewed is YesNo.yes,
            )
            count = exporting.export_findings(frames, fmt.value, output or sys.stdout.buffer)
    except exporting.ExportError as exc:
        err.print(f"[red]{exc}[/red]", highlight=False)
        raise typer.Exit(2) from None
    if output is not None:
        err.print(f"{count} finding(s) written to {output}", highlight=False)
