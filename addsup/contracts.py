"""Table contracts: ``data/tables/<name>.toml`` beside ``<name>.csv`` (or ``.parquet``)
declares the table's columns and the arithmetic its rows must agree with (docs/tables.md).

A contract is read into a ``Contract``; ``schema`` makes the pandera (polars) schema of its
columns (types, nullability, ranges, allowed values, uniqueness) and ``addsup.table_checks``
runs its arithmetic checks with the same interval arithmetic as the article checks. A
contract that cannot be used raises ``ContractError``, whose message names the line.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pandera.polars as pa
import polars as pl

TYPES: dict[str, type[pl.DataType]] = {
    "int": pl.Int64,
    "float": pl.Float64,
    "str": pl.String,
    "bool": pl.Boolean,
    "date": pl.Date,
}
NUMERIC = frozenset({"int", "float"})
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")
_COLUMN_KEYS = {"type", "nullable", "min", "max", "isin", "unique", "half_unit", "description"}

# each kind of check: the keys naming one column, the keys naming several, the other keys
KINDS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "sum": (("total",), ("parts",), ()),
    "share": (("part", "whole", "share"), (), ()),
    "shares_of_one_whole": (("share",), ("group_by",), ("at_most",)),
    "growth": (("current", "previous", "rate"), (), ()),
    "pp_difference": (("a", "b", "difference"), (), ()),
    "balance": (("exports", "imports", "balance"), (), ()),
}


class ContractError(ValueError):
    """A contract that cannot be used: ``line`` is where (1-based; 0 when unknown)."""

    def __init__(self, message: str, line: int = 0) -> None:
        super().__init__(f"line {line}: {message}" if line else message)
        self.line = line


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    nullable: bool = False
    min: float | None = None
    max: float | None = None
    isin: tuple[Any, ...] | None = None
    unique: bool = False
    half_unit: float | None = None  # overrides the printed digits (required for Parquet)


@dataclass(frozen=True)
class Check:
    """One arithmetic check: ``kind`` and its columns by role (``parts``/``group_by`` are
    tuples); ``number`` counts the checks of the contract from 1."""

    kind: str
    number: int
    roles: dict[str, Any] = field(default_factory=dict)
    name: str = ""  # the check's name in findings: its own, else the kind (numbered if repeated)

    def columns(self) -> list[str]:
        out: list[str] = []
        for value in self.roles.values():
            out.extend(value if isinstance(value, tuple) else [value])
        return [c for c in out if isinstance(c, str)]


@dataclass(frozen=True)
class Contract:
    name: str
    description: str
    columns: dict[str, Column]
    checks: tuple[Check, ...] = ()
    unique: tuple[str, ...] = ()

    @property
    def key(self) -> tuple[str, ...]:
        """The columns that name a row in messages: the unique key, else every text column."""
        return self.unique or tuple(c.name for c in self.columns.values() if c.type == "str")


def _line_of(text: str, pattern: str, start: int = 0) -> int:
    """The 1-based line where ``pattern`` (a regular expression) first matches from ``start``."""
    m = re.compile(pattern, re.MULTILINE).search(text, start)
    return text.count("\n", 0, m.start()) + 1 if m else 0


def _check_line(text: str, number: int) -> int:
    starts = [m.start() for m in re.finditer(r"^[ \t]*\[\[checks\]\]", text, re.MULTILINE)]
    return text.count("\n", 0, starts[number - 1]) + 1 if len(starts) >= number else 0


def _column(name: str, spec: Any, text: str) -> Column:
    line = _line_of(text, rf"^[ \t]*\[columns\.{re.escape(name)}\]") or _line_of(
        text, re.escape(name)
    )
    if not _NAME.match(name):
        raise ContractError(f"column {name!r}: not a plain name (letters, digits, _)", line)
    if not isinstance(spec, dict):
        raise ContractError(f"columns.{name}: a table of settings", line)
    unknown = sorted(set(spec) - _COLUMN_KEYS)
    if unknown:
        raise ContractError(f"columns.{name}: unknown key(s) {', '.join(unknown)}", line)
    kind = spec.get("type")
    if kind not in TYPES:
        raise ContractError(f"columns.{name}.type: {kind!r} is not one of {', '.join(TYPES)}", line)
    for key in ("min", "max", "half_unit"):
        value = spec.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int | float)):
            raise ContractError(f"columns.{name}.{key}: a number", line)
    if ("min" in spec or "max" in spec or "half_unit" in spec) and kind not in NUMERIC:
        raise ContractError(f"columns.{name}: min, max and half_unit need a number type", line)
    isin = spec.get("isin")
    if isin is not None and not isinstance(isin, list):
        raise ContractError(f"columns.{name}.isin: a list of the allowed values", line)
    return Column(
        name,
        kind,
        bool(spec.get("nullable", False)),
        spec.get("min"),
        spec.get("max"),
        tuple(isin) if isin is not None else None,
        bool(spec.get("unique", False)),
        spec.get("half_unit"),
    )


def _check(number: int, spec: Any, columns: dict[str, Column], text: str) -> Check:
    line = _check_line(text, number)
    if not isinstance(spec, dict):
        raise ContractError(f"checks[{number}]: a table with a kind", line)
    kind = spec.get("kind")
    if kind not in KINDS:
        raise ContractError(
            f"checks[{number}].kind: {kind!r} is not one of {', '.join(KINDS)}", line
        )
    single, several, other = KINDS[kind]
    unknown = sorted(set(spec) - {"kind", "name", *single, *several, *other})
    if unknown:
        raise ContractError(f"checks[{number}] ({kind}): unknown key(s) {', '.join(unknown)}", line)
    roles: dict[str, Any] = {}
    for role in single:
        roles[role] = spec.get(role)
    for role in several:
        value = spec.get(role)
        roles[role] = tuple(value) if isinstance(value, list) else value
    for role in other:
        if role in spec:
            roles[role] = spec[role]
    for role, value in roles.items():
        if role in other:
            continue
        names = value if isinstance(value, tuple) else (value,)
        if value is None or not names:
            raise ContractError(f"checks[{number}] ({kind}): {role} is required", line)
        for col in names:
            if col not in columns:
                raise ContractError(f"checks[{number}] ({kind}).{role}: no column {col!r}", line)
            if role != "group_by" and columns[col].type not in NUMERIC:
                raise ContractError(
                    f"checks[{number}] ({kind}).{role}: column {col!r} is not a number", line
                )
    if kind == "sum" and not 1 <= len(roles["parts"]) <= 50:
        raise ContractError(f"checks[{number}] (sum).parts: a list of 1 to 50 columns", line)
    name = spec.get("name", "")
    if name and not _NAME.match(str(name)):
        raise ContractError(f"checks[{number}].name: a plain name (letters, digits, _)", line)
    return Check(kind, number, roles, str(name))


def parse_contract(text: str, name: str) -> Contract:
    """The contract a TOML text declares for table ``name``."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        found = re.search(r"line (\d+)", str(err))
        raise ContractError(f"not valid TOML: {err}", int(found.group(1)) if found else 0) from err
    unknown = sorted(set(data) - {"table", "columns", "checks"})
    if unknown:
        bad = unknown[0]
        raise ContractError(
            f"unknown section(s) {', '.join(unknown)} (table, columns, checks)",
            _line_of(text, rf"^[ \t]*\[+{re.escape(bad)}"),
        )
    table = data.get("table", {})
    columns_spec = data.get("columns", {})
    if not isinstance(columns_spec, dict) or not columns_spec:
        raise ContractError("no [columns.<name>] table: a contract declares its columns")
    columns = {n: _column(n, spec, text) for n, spec in columns_spec.items()}
    unique = table.get("unique", [])
    unique = [unique] if isinstance(unique, str) else unique
    for col in unique:
        if col not in columns:
            raise ContractError(
                f"table.unique: no column {col!r}", _line_of(text, r"^[ \t]*unique")
            )
    checks = data.get("checks", [])
    if not isinstance(checks, list):
        raise ContractError("checks: an array of tables ([[checks]])", _line_of(text, "checks"))
    made = [_check(i, spec, columns, text) for i, spec in enumerate(checks, start=1)]
    kinds = [c.kind for c in made]
    named = [
        c
        if c.name
        else replace(c, name=c.kind if kinds.count(c.kind) == 1 else f"{c.kind}_{c.number}")
        for c in made
    ]
    names = [c.name for c in named]
    for c in named:
        if names.count(c.name) > 1:
            raise ContractError(
                f"checks[{c.number}].name: {c.name!r} is used twice", _check_line(text, c.number)
            )
    return Contract(name, str(table.get("description", "")), columns, tuple(named), tuple(unique))


def read_contract(path: Path) -> Contract:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise ContractError(f"cannot read {path.name}: {err}") from err
    return parse_contract(text, path.stem)


def schema(contract: Contract) -> pa.DataFrameSchema:
    """The pandera (polars) schema of the contract's columns."""
    columns = {}
    for col in contract.columns.values():
        checks = []
        if col.min is not None:
            checks.append(pa.Check.ge(col.min))
        if col.max is not None:
            checks.append(pa.Check.le(col.max))
        if col.isin is not None:
            checks.append(pa.Check.isin(list(col.isin)))
        columns[col.name] = pa.Column(
            TYPES[col.type], checks=checks, nullable=col.nullable, unique=col.unique
        )
    return pa.DataFrameSchema(
        columns,
        unique=list(contract.unique) or None,
        coerce=True,
        name=contract.name,
        description=contract.description or None,
    )
