"""The consistency checks: each reads its SQL view, validates it with its pandera schema,
and says for every row whether the numbers as printed can all be true.

Each check lives in one module of ``schemas/`` (``addsup_schemas.registry`` lists them);
this package holds what they share: reading and deciding a view (``base``), the words
(``words``). The names below are looked up in the registry when first asked for.
"""

from __future__ import annotations

from typing import Any

import duckdb

__all__ = ["ALL_CHECKS", "DECISIONS", "ROW_CHECKS", "explain_passes"]

GONE = "passed when checked; its article has changed since"


def explain_passes(con: duckdb.DuckDBPyConnection, rows: list[dict]) -> None:
    """Write the message of each stored pass in ``rows`` (``check_results`` rows with
    ``check_name``, ``subject``, ``article_id``, ``message``) that has none, in place: each
    check words its own passes (``RowCheck.pass_words``)."""
    by_name = {c.name: c for c in __getattr__("ROW_CHECKS")}
    todo: dict[str, list[dict]] = {}
    for r in rows:
        if r["message"] is None and r["check_name"] in by_name:
            todo.setdefault(r["check_name"], []).append(r)
    for name, wanted in todo.items():
        articles = sorted({r["article_id"] for r in wanted})
        messages = by_name[name].pass_words(con, articles, {r["subject"] for r in wanted})
        for r in wanted:
            r["message"] = messages.get(r["subject"], GONE)


def __getattr__(name: str) -> Any:
    from addsup.checks.base import RowCheck
    from addsup_schemas import registry

    if name == "ALL_CHECKS":
        return registry.checks()
    if name == "ROW_CHECKS":
        # the checks with one finding per relation, whose passes are stored as numbers
        return tuple(c for c in registry.checks() if isinstance(c, RowCheck))
    if name == "DECISIONS":
        # their decision step alone (views read through Arrow, pandera in one pass, no
        # message built): what bench/hand_checks.sql writes by hand and make bench compares
        return {c.name: c.decide for c in __getattr__("ROW_CHECKS")}
    if name.startswith("validate_") and name.removeprefix("validate_") in registry.NAMES:
        return registry.modules()[registry.NAMES.index(name.removeprefix("validate_"))].CHECK
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
