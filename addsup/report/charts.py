"""Charts drawn with matplotlib as SVG, embedded as ``data:`` images (no network, no script).

matplotlib is imported when a chart is drawn (it takes most of a second to import, which
every flow run's process and ``addsup check`` would otherwise pay)."""

from __future__ import annotations

import base64
import io
from collections.abc import Sequence
from typing import Any

ERROR = "#b42318"
WARNING = "#dc6803"


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _data_uri(fig: Any) -> str:
    plt = _pyplot()
    buf = io.BytesIO()
    fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(fig)
    return "data:image/svg+xml;base64," + base64.b64encode(buf.getvalue()).decode("ascii")


NEW = "#6941c6"
CONFIRMED = "#7a271a"
REVIEWED = "#667085"


def failures_over_time(history: Sequence[dict[str, Any]]) -> str:
    """Stacked bars of errors and warnings per run, oldest to newest; beside them, lines of
    the run's new failures, its failures confirmed as errors and those reviewed as false
    alarms (runs made before reviews existed have none)."""
    runs = [r for r in reversed(history) if r["errors"] is not None]  # runs that finished
    labels = [r["started_at"].strftime("%m-%d %H:%M") if r["started_at"] else "?" for r in runs]
    errors = [r["errors"] or 0 for r in runs]
    warnings = [r["warnings"] or 0 for r in runs]
    fig, ax = _pyplot().subplots(figsize=(5.5, 2.4))
    x = range(len(runs))
    ax.bar(x, errors, color=ERROR, label="errors")
    ax.bar(x, warnings, bottom=errors, color=WARNING, label="warnings")
    for column, colour, style, label in (
        ("new_failures", NEW, "-", "new"),
        ("confirmed", CONFIRMED, "--", "confirmed errors"),
        ("reviewed", REVIEWED, ":", "false alarms (reviewed)"),
    ):
        values = [r.get(column) or 0 for r in runs]
        if any(values):
            ax.plot(list(x), values, style, color=colour, marker="o", markersize=3, label=label)
    ax.set_xticks(list(x), labels, rotation=45, ha="right", fontsize=7)
    ax.set_ylabel("failures")
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(frameon=False, fontsize=8, ncol=3, loc="lower left", bbox_to_anchor=(0, 1.0))
    return _data_uri(fig)


def failures_by_check(counts: dict[str, int]) -> str:
    """Horizontal bars: how many checks of each kind failed in this run."""
    items = sorted(counts.items(), key=lambda kv: (kv[1], kv[0]))
    fig, ax = _pyplot().subplots(figsize=(5.5, 0.6 + 0.35 * max(1, len(items))))
    ax.barh([k for k, _ in items], [v for _, v in items], color=ERROR)
    ax.set_xlabel("failures")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.tick_params(axis="y", labelsize=8)
    ax.spines[["top", "right"]].set_visible(False)
    return _data_uri(fig)
