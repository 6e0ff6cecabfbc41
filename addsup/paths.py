"""Folders a run may touch. Paths that arrive as parameters (from the Prefect UI, the API, a
schedule) are resolved, symlinks included, and must lie inside an allowed root.

The allowed roots are ``ADDSUP_ALLOWED_ROOTS`` (separated by ``os.pathsep``), else the working
directory. ``addsup run`` and ``addsup serve`` add the folders given on their command line:
those are the operator's choice; a custom run from the UI can only point inside them.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV = "ADDSUP_ALLOWED_ROOTS"

# the default folders and files of a checkout (relative to where a run executes)
DEFAULT_ARTICLES = Path("data/articles")
DEFAULT_TABLES = Path("data/tables")
DEFAULT_REPORTS = Path("reports")
DEFAULT_REFERENCE = Path("data/reference")
DEFAULT_WAREHOUSE = Path("data/warehouse.duckdb")
# the reference data inside the package (a link to data/reference in a checkout, files in a
# wheel): used when the default folder is not there
BUNDLED_REFERENCE = Path(__file__).resolve().parent / "reference"


class PathNotAllowed(ValueError):
    """A path parameter resolves outside every allowed root."""


def allowed_roots() -> list[Path]:
    raw = os.environ.get(ENV, "")
    roots = [Path(p).resolve() for p in raw.split(os.pathsep) if p.strip()]
    return roots or [Path.cwd().resolve()]


def allow(*paths: str | Path) -> None:
    """Add folders to the allowed roots of this process and the runs it starts."""
    roots = [str(r) for r in allowed_roots()]
    for p in paths:
        resolved = str(Path(p).resolve())
        if resolved not in roots:
            roots.append(resolved)
    os.environ[ENV] = os.pathsep.join(roots)


def confine(name: str, path: str | Path, roots: list[Path] | None = None) -> Path:
    """``path`` resolved, when it lies inside an allowed root; else PathNotAllowed."""
    roots = roots if roots is not None else allowed_roots()
    resolved = Path(path).resolve()
    if any(resolved == root or root in resolved.parents for root in roots):
        return resolved
    shown = ", ".join(str(r) for r in roots)
    raise PathNotAllowed(
        f"{name}={str(path)!r} resolves to {resolved}, outside the allowed folders ({shown}); "
        f"an operator can allow more with {ENV} or addsup serve --allow"
    )


def confine_all(**paths: str | Path) -> dict[str, Path]:
    roots = allowed_roots()
    return {name: confine(name, p, roots) for name, p in paths.items()}
