"""``addsup tables infer``: a contract proposed for a table (docs/tables.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from addsup.cli.common import UNREADABLE_EXIT, _console, app

tables_app = typer.Typer(
    help="Table contracts (docs/tables.md).", no_args_is_help=True, rich_markup_mode=None
)
app.add_typer(tables_app, name="tables")


@tables_app.command("infer")
def infer(
    path: Annotated[Path, typer.Argument(help="A CSV table.", show_default=False)],
    force: Annotated[bool, typer.Option(help="Replace a contract that is there.")] = False,
) -> None:
    """Write a proposed contract beside a CSV table.

    <name>.toml beside <name>.csv: column types, a key, and the sums, shares, growth rates, differences and shares of one
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
