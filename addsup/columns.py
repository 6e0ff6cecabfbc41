"""The columns of the warehouse's tables, read from their one declaration: the
``CREATE TABLE`` of ``addsup/sql/tables/<table>.sql``.

The frames a load takes (``addsup.frames``), the figure schema (``schemas/figures.py``) and
``addsup extract`` take their columns from here, so a column is declared once, in SQL, where
the warehouse reads it. The files are written one column to a line (``name TYPE [NOT NULL]
[DEFAULT value]``, table constraints last); ``tests/test_columns.py`` checks that what is read
here is what DuckDB makes of the same statement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import polars as pl

# DuckDB's type -> polars' (a list type is its element's type + "[]")
_POLARS: dict[str, Any] = {
    "VARCHAR": pl.String,
    "JSON": pl.String,
    "BOOLEAN": pl.Boolean,
    "INTEGER": pl.Int32,
    "BIGINT": pl.Int64,
    "DOUBLE": pl.Float64,
    "DATE": pl.Date,
    "TIMESTAMP": pl.Datetime("us"),
}
_COMMENT = re.compile(r"--[^\n]*")
_CREATE = re.compile(r"CREATE TABLE IF NOT EXISTS (\w+)\s*\((.*)\)\s*;\s*$", re.DOTALL)
_DEFAULT = re.compile(r"\bDEFAULT\s+(\S+)", re.IGNORECASE)
_KEY = re.compile(r"PRIMARY KEY\s*\(([^)]*)\)", re.IGNORECASE)


@dataclass(frozen=True)
class Column:
    name: str
    sql_type: str  # as DuckDB names it: VARCHAR, INTEGER[], ...
    nullable: bool
    default: str | None = None

    @property
    def dtype(self) -> Any:
        """The polars type of the column."""
        if self.sql_type.endswith("[]"):
            return pl.List(_POLARS[self.sql_type[:-2]])
        return _POLARS[self.sql_type]


def _parts(body: str) -> list[str]:
    """The column and constraint definitions of a CREATE TABLE body (commas at depth 0)."""
    parts, depth, start = [], 0, 0
    for i, char in enumerate(body):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "," and depth == 0:
            parts.append(body[start:i])
            start = i + 1
    parts.append(body[start:])
    return [p.strip() for p in parts if p.strip()]


def parse(statement: str) -> tuple[str, tuple[Column, ...]]:
    """The table a ``CREATE TABLE IF NOT EXISTS`` statement makes and its columns."""
    found = _CREATE.search(_COMMENT.sub("", statement).strip())
    if found is None:
        raise ValueError(f"not a CREATE TABLE IF NOT EXISTS statement: {statement[:80]!r}")
    table, body = found.groups()
    columns: list[tuple[str, str, str]] = []
    keyed: set[str] = set()
    for part in _parts(body):
        key = _KEY.match(part)
        if key:
            keyed |= {name.strip().strip('"') for name in key.group(1).split(",")}
            continue
        name, sql_type, *rest = part.split()
        columns.append((name.strip('"'), sql_type.upper(), " ".join(rest).upper()))
    out = []
    for name, sql_type, rest in columns:
        default = _DEFAULT.search(rest)
        nullable = "NOT NULL" not in rest and "PRIMARY KEY" not in rest and name not in keyed
        out.append(Column(name, sql_type, nullable, default.group(1).lower() if default else None))
    return table, tuple(out)


def table_statement(table: str) -> str:
    """The text of ``addsup/sql/tables/<table>.sql``."""
    files = resources.files("addsup.sql").joinpath("tables")
    return files.joinpath(f"{table}.sql").read_text(encoding="utf-8")


@cache
def columns(table: str) -> tuple[Column, ...]:
    """The columns of ``table``, in the order of the table."""
    name, found = parse(table_statement(table))
    if name != table:
        raise ValueError(f"sql/tables/{table}.sql makes the table {name}")
    return found


def names(table: str) -> tuple[str, ...]:
    return tuple(c.name for c in columns(table))


def frame_schema(table: str, leave_out: tuple[str, ...] = ()) -> dict[str, Any]:
    """The polars schema of rows of ``table`` (without the columns ``leave_out``, which the
    SQL that loads the rows fills in)."""
    unknown = set(leave_out) - set(names(table))
    if unknown:
        raise ValueError(f"{table} has no columns {sorted(unknown)}")
    return {c.name: c.dtype for c in columns(table) if c.name not in leave_out}


def tables() -> list[str]:
    """Every table of ``addsup/sql/tables/``."""
    files = resources.files("addsup.sql").joinpath("tables")
    return sorted(p.name[: -len(".sql")] for p in files.iterdir() if p.name.endswith(".sql"))
