"""Every check, in one list: a module of this package per check, named as the check, holding
its pandera model, its words and ``CHECK`` (what validation runs), with its view's SQL in
``.sql`` files beside it (``VIEWS``: their names, in the order they are created).

Validation runs the checks in this order; the warehouse creates their views, after every
table and macro exists, with ``view_files`` (CREATE OR REPLACE VIEW: on every connect, on a
new warehouse as on an old one).
"""

from __future__ import annotations

from functools import cache
from importlib import import_module, resources
from importlib.resources.abc import Traversable
from types import ModuleType
from typing import Any

NAMES = (
    "share_of",
    "shares_of_one_whole",
    "pp_difference",
    "growth",
    "sum_of",
    "converts_to",
    "balance",
    "growth_of_total",
    "magnitude",
    "agreement",
    "reference",
)


@cache
def modules() -> tuple[ModuleType, ...]:
    """The module of each check, in ``NAMES`` order."""
    return tuple(import_module(f"addsup_schemas.{name}") for name in NAMES)


def checks() -> tuple[Any, ...]:
    """What validation runs for each check: a ``RowCheck`` (``addsup.checks.base``) or a
    function of the connection and the articles to check again."""
    return tuple(m.CHECK for m in modules())


def view_files() -> list[Traversable]:
    """The SQL files of every check's views, each once, in the order they are created (a
    view after those it reads: ``derived_figures`` after share_of, pp_difference, growth)."""
    folder = resources.files("addsup_schemas")
    names = dict.fromkeys(view for m in modules() for view in m.VIEWS)
    return [folder.joinpath(f"{name}.sql") for name in names]
