"""A finding: one check on one subject (a relation, a figure, a table row), with its arithmetic."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

import pandera.errors
import polars as pl

STATUSES = ("pass", "fail", "skip")
SEVERITIES = ("error", "warning")


@dataclass(frozen=True)
class Finding:
    check: str
    status: str
    severity: str
    subject: str
    message: str
    article_id: str | None = None
    sentence_no: int | None = None
    figure_ids: tuple[str, ...] = field(default=())
    stated: tuple[float, float] | None = None
    implied: tuple[float, float] | None = None
    tolerance: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def failing_rows(model: Any, frame: pl.DataFrame) -> tuple[dict[int, list[str]], list[str]]:
    """Validate ``frame`` lazily; return failing row index -> check names, and frame-level errors.

    Column checks are named ``column:check``; dataframe checks by their own name.
    """
    try:
        model.validate(frame, lazy=True)
    except pandera.errors.SchemaErrors as err:
        rows: dict[int, list[str]] = {}
        general: list[str] = []
        for case in err.failure_cases.to_dicts():
            name = case["check"]
            if case["schema_context"] == "Column":
                name = f"{case['column']}:{name}"
            if case["index"] is None:
                general.append(f"{name} ({case['failure_case']})")
            else:
                rows.setdefault(int(case["index"]), []).append(name)
        return rows, general
    return {}, []
