"""What every command shares: the app, the options, the console, the progress bar.

Only typer is imported at the top of the cli modules; each command imports what it needs
when it runs, so ``addsup --help`` takes a fraction of a second.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from addsup import __version__
from addsup.parameters import RUN
from addsup.paths import BUNDLED_REFERENCE, DEFAULT_REFERENCE

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

Articles = Annotated[Path, typer.Option("--articles", help=RUN["articles_dir"])]
Tables = Annotated[Path, typer.Option("--tables", help=RUN["tables_dir"])]
Warehouse = Annotated[Path, typer.Option("--warehouse", help=RUN["warehouse_path"])]
Reports = Annotated[Path, typer.Option("--reports", help=RUN["reports_dir"])]
Reference = Annotated[Path, typer.Option("--reference", help=RUN["reference_dir"])]
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
        help=RUN["sources"],
        show_default=False,
    ),
]
AlertUrl = Annotated[
    str | None,
    typer.Option(
        "--alert-url",
        envvar="ADDSUP_ALERT_URL",
        help=RUN["alert_url"],
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


def _bundled_reference(reference: Path = DEFAULT_REFERENCE) -> Path | None:
    """``reference`` when it is a folder; for the default one that is not there (a command run
    outside the checkout), the reference data that comes with the package."""
    if reference.is_dir() or reference != DEFAULT_REFERENCE:
        return reference
    return BUNDLED_REFERENCE if BUNDLED_REFERENCE.is_dir() else None


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
