"""``addsup run | serve | check | extract | eval | report``.

Quick to start: only typer is imported here; each command imports what it needs when it
runs (``run`` and ``serve`` Prefect, the others the library), so ``addsup --help`` takes a
fraction of a second and ``check`` / ``extract`` never import Prefect.
"""

from addsup.cli import inputs, loop, runs, tables  # noqa: F401  (the commands register on app)
from addsup.cli.common import UNREADABLE_EXIT, app

__all__ = ["UNREADABLE_EXIT", "app"]

if __name__ == "__main__":
    app()
