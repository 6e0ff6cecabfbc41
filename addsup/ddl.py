"""The warehouse's tables, migrations, views and macros, applied on connect
(``addsup.warehouse.connect``) unless the warehouse holds this schema's digest already
(``applied_digest``); each statement may run again.

* ``sql/tables/<table>.sql``: each table as it is now (``CREATE TABLE IF NOT EXISTS``), the
  one declaration of its columns (``addsup.columns`` reads them);
* ``sql/migrations/``: what a warehouse made by an older addsup needs to reach that shape,
  in name order; nothing on a fresh one;
* ``sql/views/<name>.sql`` and the views of the checks (``.sql`` beside each check in
  ``schemas/``, ``addsup_schemas.registry.view_files``): made (again) each after the views
  and macros it names.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache
from importlib import resources

import duckdb


def _statements(folder: str) -> list[str]:
    """The statements of ``addsup/sql/<folder>/*.sql``, in name order."""
    files = resources.files("addsup.sql").joinpath(folder)
    names = sorted(p.name for p in files.iterdir() if p.name.endswith(".sql"))
    return [files.joinpath(n).read_text(encoding="utf-8") for n in names]


@cache
def schema_digest() -> str:
    """16 hex digits over every statement of the schema: what this addsup makes."""
    text = "\n".join((*_statements("tables"), *_statements("migrations"), *view_statements()))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def applied_digest(con: duckdb.DuckDBPyConnection) -> str | None:
    """The digest of the schema last applied to this warehouse, kept as the comment of the
    view ``current_articles``; None when none is kept (a new warehouse, one made by an addsup
    that kept none, or one whose views another addsup made since: ``CREATE OR REPLACE``
    drops the comment, so a warehouse opened by another version is made again)."""
    rows = con.execute(_sql("select_schema_digest")).fetchall()
    return rows[0][0] if rows else None


def apply_schema(con: duckdb.DuckDBPyConnection, *, force: bool = False) -> None:
    """Every table as it is now (``sql/tables/``, created when absent), what an older
    warehouse needs to reach that shape (``sql/migrations/``), then the views and macros;
    nothing when this schema is applied already (``force``: apply it all the same)."""
    digest = schema_digest()
    if not force and applied_digest(con) == digest:
        return
    for statement in (*_statements("tables"), *_statements("migrations")):
        con.execute(statement)
    apply_views(con)
    assert re.fullmatch("[0-9a-f]{16}", digest)  # COMMENT ON takes no parameter
    con.execute(f"COMMENT ON VIEW current_articles IS '{digest}'")


def _sql(name: str) -> str:
    return resources.files("addsup.sql").joinpath(f"{name}.sql").read_text(encoding="utf-8")


_CREATED = re.compile(r"CREATE\s+OR\s+REPLACE\s+(?:VIEW|MACRO)\s+(\w+)", re.IGNORECASE)
_COMMENT = re.compile(r"--[^\n]*")


@cache
def view_statements() -> tuple[str, ...]:
    """Every view and macro (``sql/views/``, then the checks' views), each after the views
    and macros its text names: a view is bound when it is made."""
    from addsup_schemas.registry import view_files  # the checks import the warehouse

    checks = [f.read_text(encoding="utf-8") for f in view_files()]
    statements = [*_statements("views"), *checks]
    made = {}
    for statement in statements:
        found = _CREATED.search(_COMMENT.sub("", statement))
        if found is None:
            raise ValueError(f"not a view or macro: {statement[:80]!r}")
        if found.group(1) in made:
            raise ValueError(f"{found.group(1)} is made twice")
        made[found.group(1)] = _COMMENT.sub("", statement)
    ordered: list[str] = []
    visiting: set[str] = set()

    def visit(name: str) -> None:
        if name in ordered:
            return
        if name in visiting:
            raise ValueError(f"the views and macros read each other: {name}")
        visiting.add(name)
        for other in made:
            if other != name and re.search(rf"\b{other}\b", made[name]):
                visit(other)
        ordered.append(name)

    for name in made:
        visit(name)
    text = dict(zip(made, statements, strict=True))
    return tuple(text[name] for name in ordered)


def apply_views(con: duckdb.DuckDBPyConnection) -> None:
    """(Re)make every view and macro, each after those it reads."""
    for statement in view_statements():
        con.execute(statement)
