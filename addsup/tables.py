"""Curated tables: ``data/tables/<name>.csv`` -> DuckDB table ``<name>``, checked by its schema.

* A file without a schema, unreadable, or missing a column is quarantined whole.
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
from addsup.findings import Finding, failing_rows
from addsup.warehouse import CORE_TABLES, registered, transaction

_IDENTIFIER = re.compile(r"^[a-z][a-z0-9_]{0,62}$")


def _hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def _columns(model: Any) -> dict[str, pl.DataType]:
    schema = model.to_schema()
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


def read_table(
    path: Path, model: Any, label: str = "tables"
) -> tuple[pl.DataFrame | None, list[Rejected]]:
    """The typed rows of one CSV that can be read, and what was rejected (with reasons)."""
    source = f"{label}/{path.name}"
    digest = _hash(path)
    try:
        raw = pl.read_csv(path, infer_schema=False)
    except Exception as err:  # polars raises several types for malformed CSV
        return None, [
            Rejected(source, "bad_csv", f"cannot read as CSV: {err}", content_hash=digest)
        ]
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
    typed = raw.select([_parse(c, t) for c, t in wanted.items()]).with_row_index("_line", offset=2)
    bad = pl.Series("bad", [False] * raw.height)
    for c in wanted:
        bad = bad | ((raw[c].str.strip_chars().fill_null("") != "") & typed[c].is_null())
    for row in typed.filter(bad).iter_rows(named=True):
        line = row["_line"]
        original = raw.row(line - 2, named=True)
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
        name = path.stem
        source = f"{label}/{path.name}"
        model = table_schemas.get(name)
        if (
            path.suffix.lower() != ".csv"
            or model is None
            or not _IDENTIFIER.match(name)
            or name in CORE_TABLES
        ):
            known = ", ".join(f"{n}.csv" for n in sorted(table_schemas))
            detail = f"not a known table (known: {known})"
            rejected.append(Rejected(source, "no_schema", detail, content_hash=_hash(path)))
            continue
        typed, problems = read_table(path, model, label)
        rejected.extend(problems)
        if typed is None:
            continue
        findings.extend(_table_findings(name, source, model, typed))
        with registered(con, {"batch_table": typed.drop("_line")}), transaction(con):
            # the name passed _IDENTIFIER and the schema registry above
            con.execute(f'CREATE OR REPLACE TABLE "{name}" AS SELECT * FROM batch_table')
    return findings, rejected


def _table_findings(name: str, source: str, model: Any, typed: pl.DataFrame) -> list[Finding]:
    failing, general = failing_rows(model, typed.drop("_line"))
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
