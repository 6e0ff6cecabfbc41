"""Charts as SVG written here, embedded as ``data:`` images (no network, no script, no
plotting library: a chart costs milliseconds, so a run that adds one article does not pay
for a plotting library's import). Each bar carries a ``<title>``: its numbers on hover."""

from __future__ import annotations

import base64
from collections.abc import Sequence
from html import escape
from typing import Any

ERROR = "#b42318"
WARNING = "#dc6803"
NEW = "#6941c6"
CONFIRMED = "#7a271a"
REVIEWED = "#667085"
INK = "#344054"
RULE = "#d0d5dd"
# (column of the run history, colour, dashes, legend) of the lines over the bars
LINES = (
    ("new_failures", NEW, "", "new"),
    ("confirmed", CONFIRMED, "6 3", "confirmed errors"),
    ("reviewed", REVIEWED, "2 3", "false alarms (reviewed)"),
)
CHAR = 6.2  # width of a character at 11 px, near enough to lay out labels


def nice_ticks(top: float) -> list[int]:
    """Integer ticks from 0 up to at least ``top``: at most six, a step of 1, 2 or 5 × 10^k."""
    scale = 1
    while True:
        for m in (1, 2, 5):
            step = m * scale
            if top <= 5 * step:
                last = max(step, -(-int(top) // step) * step)
                return list(range(0, last + 1, step))
        scale *= 10


def _uri(width: float, height: float, body: list[str]) -> str:
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" font-family="sans-serif" font-size="11" '
        f'fill="{INK}">' + "".join(body) + "</svg>"
    )
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def _rect(x: float, y: float, w: float, h: float, colour: str, title: str = "") -> str:
    tip = f"<title>{escape(title)}</title>" if title else ""
    return (
        f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(w, 0):.1f}" height="{max(h, 0):.1f}" '
        f'fill="{colour}">{tip}</rect>'
    )


def _text(x: float, y: float, text: str, anchor: str = "start", extra: str = "") -> str:
    return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}"{extra}>{escape(text)}</text>'


def _legend(items: list[tuple[str, str, str]], y: float) -> list[str]:
    """Swatches (a square for bars, a line for lines) and their words, left to right."""
    out, x = [], 4.0
    for label, colour, kind in items:
        if kind == "bar":
            out.append(_rect(x, y - 8, 10, 10, colour))
        else:
            dash = f' stroke-dasharray="{kind}"' if kind != "line" else ""
            out.append(
                f'<line x1="{x:.1f}" y1="{y - 3:.1f}" x2="{x + 14:.1f}" y2="{y - 3:.1f}" '
                f'stroke="{colour}" stroke-width="2"{dash}/>'
            )
        out.append(_text(x + 18, y, label))
        x += 34 + CHAR * len(label)
    return out


def failures_over_time(history: Sequence[dict[str, Any]]) -> str:
    """Stacked bars of errors and warnings per run, oldest to newest; over them, lines of
    the run's new failures, its failures confirmed as errors and those reviewed as false
    alarms (runs made before reviews existed have none)."""
    runs = [r for r in reversed(history) if r["errors"] is not None]  # runs that finished
    labels = [r["started_at"].strftime("%m-%d %H:%M") if r["started_at"] else "?" for r in runs]
    errors = [r["errors"] or 0 for r in runs]
    warnings = [r["warnings"] or 0 for r in runs]
    lines = [(c, k, d, w, [r.get(c) or 0 for r in runs]) for c, k, d, w in LINES]
    lines = [line for line in lines if any(line[4])]
    ticks = nice_ticks(
        max(
            [e + w for e, w in zip(errors, warnings, strict=True)]
            + [v for *_, values in lines for v in values]
            + [1]
        )
    )
    width, height, left, top, bottom = 560.0, 250.0, 44.0, 30.0, 196.0
    slot = (width - left - 8) / max(1, len(runs))

    def y(v: float) -> float:
        return bottom - v / ticks[-1] * (bottom - top)

    body = _legend(
        [("errors", ERROR, "bar"), ("warnings", WARNING, "bar")]
        + [(w, k, d or "line") for _, k, d, w, _ in lines],
        14,
    )
    for t in ticks:
        body.append(
            f'<line x1="{left}" y1="{y(t):.1f}" x2="{width - 8}" y2="{y(t):.1f}" '
            f'stroke="{RULE}" stroke-width="0.5"/>'
        )
        body.append(_text(left - 6, y(t) + 4, str(t), "end"))
    body.append(
        _text(
            12,
            (top + bottom) / 2,
            "failures",
            "middle",
            f' transform="rotate(-90 12 {(top + bottom) / 2:.1f})"',
        )
    )
    for i, (label, e, w) in enumerate(zip(labels, errors, warnings, strict=True)):
        x = left + i * slot + slot * 0.15
        tip = f"{label}: {e} error(s), {w} warning(s)"
        body.append(_rect(x, y(e), slot * 0.7, bottom - y(e), ERROR, tip))
        body.append(_rect(x, y(e + w), slot * 0.7, y(e) - y(e + w), WARNING, tip))
        cx = left + (i + 0.5) * slot
        body.append(
            _text(
                cx,
                bottom + 12,
                label,
                "end",
                f' font-size="9" transform="rotate(-45 {cx:.1f} {bottom + 12:.1f})"',
            )
        )
    for _, colour, dash, words, values in lines:
        points = [(left + (i + 0.5) * slot, y(v)) for i, v in enumerate(values)]
        style = f' stroke-dasharray="{dash}"' if dash else ""
        path = " ".join(f"{px:.1f},{py:.1f}" for px, py in points)
        body.append(
            f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="1.5"{style}/>'
        )
        body += [
            f'<circle cx="{px:.1f}" cy="{py:.1f}" r="2.5" fill="{colour}">'
            f"<title>{escape(words)}: {v}</title></circle>"
            for (px, py), v in zip(points, values, strict=True)
        ]
    return _uri(width, height, body)


def failures_by_check(counts: dict[str, int]) -> str:
    """Horizontal bars: how many checks of each kind failed in this run, most at the top."""
    items = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ticks = nice_ticks(max([v for _, v in items] + [1]))
    left = 12 + CHAR * max([len(k) for k, _ in items] + [4])
    width, row, top = 560.0, 22.0, 6.0
    bottom = top + row * max(1, len(items))
    span = width - left - 12

    def x(v: float) -> float:
        return left + v / ticks[-1] * span

    body = []
    for t in ticks:
        body.append(
            f'<line x1="{x(t):.1f}" y1="{top}" x2="{x(t):.1f}" y2="{bottom}" '
            f'stroke="{RULE}" stroke-width="0.5"/>'
        )
        body.append(_text(x(t), bottom + 14, str(t), "middle"))
    body.append(_text(left + span / 2, bottom + 30, "failures", "middle"))
    for i, (name, n) in enumerate(items):
        ty = top + i * row
        body.append(_text(left - 6, ty + row / 2 + 4, name, "end"))
        body.append(_rect(left, ty + 4, x(n) - left, row - 8, ERROR, f"{name}: {n} failure(s)"))
    return _uri(width, bottom + 38, body)
