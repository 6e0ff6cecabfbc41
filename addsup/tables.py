"""Curated tables: ``data/tables/<name>.csv`` (or ``.parquet``) -> DuckDB table ``<name>``.

A table is checked by its contract, ``<name>.toml`` beside it (``addsup.contracts``: columns
and arithmetic, docs/tables.md), or else by a pandera model of ``schemas.TABLE_SCHEMAS`` (for
checks a contract cannot say).

* A file without a contract or schema, unreadable, or missing a column is quarantined whole;
  so is a table whose contract cannot be used (the message names the line).
* A row whose value cannot be read as its column's type is quarantined alone.
* Extra columns are left out of the table, with a warning that names them.
* Rows that break a consistency check are loaded and reported as findings.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from addsup.articles import Rejected
from addsup.contracts import NUMERIC, Contract, ContractError, read_contract, schema
from addsup.findings import Finding, failing_rows
from addsup.table_checks import HALF, contract_findings, printed_half_units
from addsup.warehouse import CORE_TABLES, registered, transaction

_IDENTIFIER = re.compile(r"^[a-z][a-z0-9_]{0,62}$")
TABLE_SUFFIXES = (".csv", ".parquet")


def _hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def _columns(model: Any) -> dict[str, pl.DataType]:
    schema = model.to_schema() if hasattr(model, "to_schema") else model
    return {name: col.dtype.type for name, col in schema.columns.items()}


def _parse(column: str, dtype: pl.DataType) -> pl.Expr:
    """Text to the column's type; what does not parse becomes null (and is reported)."""
    text = pl.col(column).str.strip_chars()
    text = pl.when(text == "").then(None).otherwise(text)
    if dtype == pl.Date:
        return text.str.to_date("%Y-%m-%d", strict=False).alias(column)
    if dtype == pl.Datetime:
        return text.str.to_datetime(strict=False).alias(column)
    return text.cast(dtype, strict=False).alias(column)


def _read_raw(path: Path) -> pl.DataFrame:
    """The cells as text (a CSV's printed digits are kept), or a Parquet file's values."""
    if path.suffix.lower() == ".parquet":
        return pl.read_parquet(path)
    return pl.read_csv(path, infer_schema=False)


def read_table(
    path: Path, model: Any, label: str = "tables", digits: tuple[str, ...] = ()
) -> tuple[pl.DataFrame | None, list[Rejected]]:
    """The typed rows of one CSV (or Parquet) file that can be read, and what was rejected
    (with reasons). ``digits``: number columns whose printed rounding is kept, as
    ``<column>__half`` (half a unit of the last printed digit of each cell)."""
    source = f"{label}/{path.name}"
    digest = _hash(path)
    try:
        raw = _read_raw(path)
    except Exception as err:  # polars raises several types for malformed CSV
        kind = "Parquet" if path.suffix.lower() == ".parquet" else "CSV"
        return None, [
            Rejected(source, "bad_csv", f"cannot read as {kind}: {err}", content_hash=digest)
        ]
    if path.suffix.lower() == ".parquet":  # typed already: no printed digits to keep
        digits = ()
        raw = raw.select([pl.col(c).cast(pl.String) for c in raw.columns])
    wanted = _columns(model)
    missing = [c for c in wanted if c not in raw.columns]
    if missing:
        detail = f"missing column(s) {', '.join(missing)}; expected {', '.join(wanted)}"
        return None, [Rejected(source, "missing_columns", detail, content_hash=digest)]
    rejected: list[Rejected] = []
    extra = [c for c in raw.columns if c not in wanted]
    if extra:
        rejected.append(
            Rejected(
                source,
                "extra_columns",
                f"column(s) {', '.join(extra)} not in the schema: left out",
                loaded=True,
                content_hash=digest,
            )
        )
    halves = [printed_half_units(pl.col(c)).alias(c + HALF) for c in digits]
    typed = raw.select([*(_parse(c, t) for c, t in wanted.items()), *halves])
    # a CSV's first data line is line 2 (after the header); a Parquet table's rows count from 1
    typed = typed.with_row_index("_line", offset=1 if path.suffix.lower() == ".parquet" else 2)
    bad = pl.Series("bad", [False] * raw.height)
    for c in wanted:
        bad = bad | ((raw[c].str.strip_chars().fill_null("") != "") & typed[c].is_null())
    for row in typed.filter(bad).iter_rows(named=True):
        line = row["_line"]
        original = raw.row(line - typed["_line"][0], named=True)
        cols = [c for c in wanted if original[c] not in (None, "") and row[c] is None]
        detail = "; ".join(f"{c}={original[c]!r} is not {wanted[c]}" for c in cols)
        rejected.append(Rejected(f"{source}:{line}", "bad_value", detail, content_hash=digest))
    return typed.filter(~bad), rejected


def load_tables(
    con: duckdb.DuckDBPyConnection,
    tables_dir: Path,
    table_schemas: dict[str, Any],
    label: str = "tables",
) -> tuple[list[Finding], list[Rejected]]:
    """Load every CSV under ``tables_dir``; return the schema findings and the rejections.

    ``label`` names the folder in sources and messages (``tables/x.csv:3``).
    """
    findings: list[Finding] = []
    rejected: list[Rejected] = []
    if not tables_dir.is_dir():
        return findings, rejected
    for path in sorted(tables_dir.iterdir()):
        if path.name.startswith(".") or not path.is_file() or path.name == "README.md":
            continue
        name, suffix = path.stem, path.suffix.lower()
        source = f"{label}/{path.name}"
        if suffix == ".toml":  # a contract is read with its table
            if not any(path.with_suffix(s).is_file() for s in TABLE_SUFFIXES):
                detail = f"a contract without its table ({name}.csv or {name}.parquet)"
                rejected.append(Rejected(source, "no_table", detail, content_hash=_hash(path)))
            continue
        named = _IDENTIFIER.match(name) and name not in CORE_TABLES
        if named and suffix in TABLE_SUFFIXES and path.with_suffix(".toml").is_file():
            found, problems = _load_contract_table(con, path, label, table_schemas.get(name))
            findings.extend(found)
            rejected.extend(problems)
            continue
        model = table_schemas.get(name)
        if suffix != ".csv" or model is None or not named:
            detail = (
                f"no contract ({name}.toml beside it, docs/tables.md) and not a table "
                f"addsup knows ({', '.join(f'{n}.csv' for n in sorted(table_schemas))})"
            )
            rejected.append(Rejected(source, "no_schema", detail, content_hash=_hash(path)))
            continue
        typed, problems = read_table(path, model, label)
        rejected.extend(problems)
        if typed is None:
            continue
        findings.extend(_table_findings(name, source, model, typed))
        _store(con, name, typed)
    return findings, rejected


def _store(con: duckdb.DuckDBPyConnection, name: str, typed: pl.DataFrame) -> None:
    values = typed.select([c for c in typed.columns if c != "_line" and not c.endswith(HALF)])
    with registered(con, {"batch_table": values}), transaction(con):
        # the name passed _IDENTIFIER and the contract or schema registry
        con.execute(f'CREATE OR REPLACE TABLE "{name}" AS SELECT * FROM batch_table')


def _load_contract_table(
    con: duckdb.DuckDBPyConnection, path: Path, label: str, rules: Any = None
) -> tuple[list[Finding], list[Rejected]]:
    """One table checked by its contract, and by the named checks of a pandera model of
    ``schemas.TABLE_SCHEMAS`` (``rules``) for what a contract cannot say (its column rules
    are the contract's); a contract that cannot be used quarantines both."""
    contract_path = path.with_suffix(".toml")
    where = f"{label}/{contract_path.name}"
    try:
        contract = read_contract(contract_path)
        if path.suffix.lower() == ".parquet":
            _rounding_of_parquet(contract, contract_path)
    except ContractError as err:
        detail = f"{contract_path.name} {err}; {path.name} is not loaded"
        return [], [Rejected(where, "bad_contract", detail, content_hash=_hash(contract_path))]
    used = {c for check in contract.checks for c in check.columns()}
    digits = tuple(c for c in sorted(used) if contract.columns[c].type in NUMERIC)
    typed, rejected = read_table(path, schema(contract), label, digits)
    if typed is None:
        return [], rejected
    source = f"{label}/{path.name}"
    findings = contract_findings(con, contract, source, typed)
    if rules is not None:  # its named checks only: the contract says the columns
        findings += _table_findings(contract.name, source, rules, typed, named_only=True)
    _store(con, contract.name, typed)
    return findings, rejected


def _rounding_of_parquet(contract: Contract, contract_path: Path) -> None:
    """A Parquet table has no printed digits: its float columns in checks need half_unit."""
    for check in contract.checks:
        for name in check.columns():
            column = contract.columns[name]
            if column.type == "float" and column.half_unit is None:
                text = contract_path.read_text(encoding="utf-8")
                line = next(
                    (i for i, t in enumerate(text.splitlines(), 1) if f"columns.{name}]" in t), 0
                )
                raise ContractError(
                    f"columns.{name}.half_unit: a Parquet table has no printed digits, so its "
                    f"rounding must be given (e.g. half_unit = 0.05 for one decimal)",
                    line,
                )


def _table_findings(
    name: str, source: str, model: Any, typed: pl.DataFrame, named_only: bool = False
) -> list[Finding]:
    """The failures of a pandera model on a table; ``named_only``: its named dataframe checks
    alone (column checks are named ``column:check``)."""
    values = typed.select([c for c in typed.columns if c != "_line" and not c.endswith(HALF)])
    failing, general = failing_rows(model, values)
    if named_only:
        general = []
        failing = {
            i: [c for c in cs if ":" not in c and "uniqueness" not in c]
            for i, cs in failing.items()
        }
        failing = {i: cs for i, cs in failing.items() if cs}
    findings = [
        Finding(f"{name}.schema", "fail", "error", f"{source}:{i}", f"{source}: {text}")
        for i, text in enumerate(general)
    ]
    for index, checks in sorted(failing.items()):
        row = typed.row(index, named=True)
        for check in sorted({c.split("(")[0] for c in checks}):
            findings.append(
                Finding(
                    check=f"{name}.{check}",
                    status="fail",
                    severity="error",
                    subject=f"{source}:{row['_line']}",
                    message=f"{source} line {row['_line']}: {model.describe_failure(check, row)}",
                )
            )
    return findings
