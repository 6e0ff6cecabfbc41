"""The arithmetic checks of a table contract (``addsup.contracts``), row by row.

Each number stands for its rounding interval, read from how it was printed in the file:
``15.3`` is 15.25 to 15.35, ``15`` is 14.5 to 15.5, ``15.30`` is 15.295 to 15.305; a column's
``half_unit`` overrides the printed digits (and gives a Parquet column, which has none, its
rounding). The implied interval of each check comes from the same SQL macros as the article
checks (``share_implied``, ``growth_implied``, ``difference_implied``), and the decision is
the registered pandera check ``intervals_overlap`` (``schemas.tables.TableArithmetic``):
a row fails only when no values inside all the intervals make the arithmetic hold.
"""

from __future__ import annotations

import math
from typing import Any

import duckdb
import polars as pl

from addsup import fmt
from addsup.contracts import Check, Contract
from addsup.findings import Finding, failing_rows
from addsup.warehouse import registered, sql

HALF = "__half"  # the suffix of a column's half-unit column, read from its printed digits


def printed_half_units(text: pl.Expr) -> pl.Expr:
    """Half a unit of the last printed digit of each cell: 0.05 for "15.3", 0.5 for "1,500"."""
    cleaned = text.str.strip_chars().str.replace_all(",", "")
    mantissa = cleaned.str.replace(r"[eE][-+]?\d+$", "")
    exponent = cleaned.str.extract(r"[eE]([-+]?\d+)$").cast(pl.Int64).fill_null(0)
    decimals = mantissa.str.extract(r"\.(\d*)$").str.len_chars().fill_null(0).cast(pl.Int64)
    return pl.lit(0.5) * pl.lit(10.0).pow((exponent - decimals).cast(pl.Float64))


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def interval_rows(frame: pl.DataFrame, contract: Contract) -> pl.DataFrame:
    """``line`` and each number column with its interval (``c__lo``, ``c__hi``)."""
    used = {c for check in contract.checks for c in check.columns()}
    exprs: list[pl.Expr] = [pl.col("_line").alias("line")]
    for name in sorted(used):
        column = contract.columns[name]
        if column.type not in ("int", "float"):
            exprs.append(pl.col(name))
            continue
        if column.half_unit is not None:
            half = pl.lit(float(column.half_unit))
        elif name + HALF in frame.columns:
            half = pl.col(name + HALF)
        else:  # an int column of a Parquet table: whole numbers
            half = pl.lit(0.5)
        value = pl.col(name).cast(pl.Float64)
        exprs += [value.alias(name), (value - half).alias(f"{name}__lo")]
        exprs.append((value + half).alias(f"{name}__hi"))
    return frame.select(exprs)


def _statement(check: Check) -> str:
    names: dict[str, str] = {}
    for role, value in check.roles.items():
        if isinstance(value, str):
            names[role] = _quoted(value)
            names[f"{role}_lo"] = _quoted(f"{value}__lo")
            names[f"{role}_hi"] = _quoted(f"{value}__hi")
    if check.kind == "sum":
        parts = check.roles["parts"]
        names["parts_lo"] = " + ".join(_quoted(f"{p}__lo") for p in parts)
        names["parts_hi"] = " + ".join(_quoted(f"{p}__hi") for p in parts)
        names["parts_not_null"] = " AND ".join(f"{_quoted(p)} IS NOT NULL" for p in parts)
    if check.kind == "shares_of_one_whole":
        names["group_by"] = ", ".join(_quoted(c) for c in check.roles["group_by"])
    # identifiers only: the contract's column names, checked against the table and quoted
    return sql(f"select_table_check_{check.kind}").format(**names)


def check_rows(con: duckdb.DuckDBPyConnection, rows: pl.DataFrame, check: Check) -> pl.DataFrame:
    """The stated and implied interval of every row (or group) the check applies to."""
    params = [0.0 if check.roles.get("at_most") else 100.0]
    params = params if check.kind == "shares_of_one_whole" else []
    with registered(con, {"contract_rows": rows}):
        return con.sql(_statement(check), params=params or None).pl()


def _formula(check: Check) -> str:
    r = check.roles
    return {
        "sum": " + ".join(r.get("parts") or ()),
        "share": f"{r.get('part')} / {r.get('whole')} × 100",
        "growth": f"({r.get('current')} / {r.get('previous')} − 1) × 100",
        "pp_difference": f"{r.get('a')} − {r.get('b')}",
        "balance": f"{r.get('exports')} − {r.get('imports')}",
        "shares_of_one_whole": f"the sum of {r.get('share')}",
    }[check.kind]


def _stated(check: Check) -> str:
    r = check.roles
    name = {"sum": "total", "share": "share", "growth": "rate", "pp_difference": "difference"}
    if check.kind == "shares_of_one_whole":
        return "100 or less" if r.get("at_most") else "100"
    return r[name.get(check.kind, "balance")]


def _row_name(contract: Contract, row: dict[str, Any] | None) -> str:
    if not row:
        return ""
    named = [f"{k}={row[k]}" for k in contract.key if k in row and row[k] is not None]
    return f" ({', '.join(named)})" if named else ""


def _rule(contract: Contract, rule: str, row: dict[str, Any]) -> str:
    """A broken column rule of a contract, in words, with the value and the rule's bound."""
    column, _, check = rule.partition(":")
    spec, value = contract.columns.get(column), row.get(column)
    if rule == "multiple_fields_uniqueness":
        return f"another row has the same {', '.join(contract.unique)}"
    if spec is None:
        return f"fails {rule}"
    words = {
        "greater_than_or_equal_to": f"is below its minimum {spec.min}",
        "less_than_or_equal_to": f"is above its maximum {spec.max}",
        "isin": f"is not one of {', '.join(map(str, spec.isin or ()))}",
        "field_uniqueness": "is on another row too",
        "not_nullable": "is empty",
    }
    return f"{column} = {value!r} {words[check]}" if check in words else f"fails {rule}"


def explain(contract: Contract, check: Check, decided: dict[str, Any], row: dict | None) -> str:
    """One failing row of a check, with its arithmetic and both intervals."""
    implied = fmt.interval(decided["implied_lo"], decided["implied_hi"])
    stated = fmt.interval(decided["stated_lo"], decided["stated_hi"])
    middle = (decided["implied_lo"] + decided["implied_hi"]) / 2
    lines = f" (lines {decided['lines']})" if decided.get("lines") else ""
    if check.kind == "shares_of_one_whole":
        wanted = "at most 100" if check.roles.get("at_most") else "100"
        total = fmt.number((decided["stated_lo"] + decided["stated_hi"]) / 2)
        return (
            f"{_row_name(contract, row)}{lines}: {_formula(check)} is {total} ({stated}), "
            f"but the shares of one whole add up to {wanted}"
        )
    said = fmt.number((decided["stated_lo"] + decided["stated_hi"]) / 2)
    return (
        f"{_row_name(contract, row)}: {_formula(check)} = {fmt.number(middle)} ({implied}), "
        f"but {_stated(check)} says {said} ({stated})"
    )


def contract_findings(
    con: duckdb.DuckDBPyConnection, contract: Contract, source: str, typed: pl.DataFrame
) -> list[Finding]:
    """The schema failures and the arithmetic failures of one table under its contract."""
    from addsup.contracts import schema
    from addsup_schemas.tables import TableArithmetic

    values = typed.select([c for c in typed.columns if not c.endswith(HALF) and c != "_line"])
    failing, general = failing_rows(schema(contract), values)
    findings = [
        Finding(f"{contract.name}.schema", "fail", "error", f"{source}:{i}", f"{source}: {text}")
        for i, text in enumerate(general)
    ]
    for index, names in sorted(failing.items()):
        line = typed["_line"][index]
        row = typed.row(index, named=True)
        for rule in sorted({n.split("(")[0] for n in names}):  # "year:greater_than_or_equal_to"
            message = (
                f"{source} line {line}{_row_name(contract, row)}: {_rule(contract, rule, row)}"
            )
            check = f"{contract.name}.{rule}"
            findings.append(Finding(check, "fail", "error", f"{source}:{line}", message))
    rows = interval_rows(typed, contract)
    by_line = {r["_line"]: r for r in typed.iter_rows(named=True)}
    for check in contract.checks:
        decided = check_rows(con, rows, check)
        unknown = decided.filter(pl.col("implied_lo").is_null() | pl.col("implied_hi").is_null())
        for d in unknown.iter_rows(named=True):
            findings.append(
                Finding(
                    f"{contract.name}.{check.name}",
                    "skip",
                    "warning",
                    f"{source}:{d['line']}",
                    f"{source} line {d['line']}: {_formula(check)} cannot be computed (a divisor may be zero)",
                )
            )
        known = decided.filter(
            pl.col("implied_lo").is_not_null() & pl.col("implied_hi").is_not_null()
        )
        bad, _ = failing_rows(
            TableArithmetic, known.select(list(TableArithmetic.to_schema().columns))
        )
        for index in sorted(bad):
            d = known.row(index, named=True)
            stated, implied = (d["stated_lo"], d["stated_hi"]), (d["implied_lo"], d["implied_hi"])
            message = (
                f"{source} line {d['line']}{explain(contract, check, d, by_line.get(d['line']))}"
            )
            findings.append(
                Finding(
                    f"{contract.name}.{check.name}",
                    "fail",
                    "error",
                    f"{source}:{d['line']}",
                    message,
                    stated=stated,
                    implied=implied if all(map(math.isfinite, implied)) else None,
                    tolerance="rounding of the printed digits",
                )
            )
    return findings
