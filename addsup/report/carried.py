"""``results.json`` of an incremental run in proportion to what it changed.

A run that decided again only what changed since the findings that stood before it
(``history.delta_run``) writes its results from the results of those findings: the lines of
what it carries are read from that file (failures and skips all listed there, passes up to
the listed number), the rows it retired are left out, and only the findings it made are read
from the warehouse and explained; the two are merged in the report's order. The file is the
one a full write would make (``tests/test_report_carried.py``); when fewer of the passes listed
before still come first, the next ones are read from the warehouse.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import duckdb
import orjson

from addsup.report.history import delta_run, previous_run
from addsup.warehouse import sql

Finding = dict[str, Any]


def standing(con: duckdb.DuckDBPyConnection, run_id: str, reports_dir: Path) -> Path | None:
    """The results file of the findings that stood just before run ``run_id``, when the run
    changed only what it decided again (None otherwise, when that file is not there, or when
    a review since then changed what its findings say)."""
    from addsup.reviews import reviewed_since

    previous = previous_run(con, run_id)
    if delta_run(con, run_id, previous) is None or reviewed_since(con, str(previous)):
        return None
    holder = con.execute(sql("select_findings_run"), [previous]).fetchall()[0][0]
    path = reports_dir / "runs" / str(holder) / "results.json"
    return path if path.is_file() else None


def _last(value: Any) -> tuple[bool, Any]:
    """A sort key part that puts NULL last, as DuckDB orders."""
    return (value is None, "" if value is None else value)


def _shown(f: Finding) -> tuple:
    """The order of the findings in a report (``select_run_findings``' ORDER BY)."""
    return (
        f["status"],
        f["check"],
        _last(f["article"]),
        _last(f["sentence_no"]),
        f["subject"],
    )


def _chosen(f: Finding) -> tuple:
    """The order in which the first passes are chosen (``select_run_findings``' LIMIT)."""
    return (f["check"], _last(f["article_id"]), _last(f["sentence_no"]), f["subject"])


def _struct(key: tuple) -> dict[str, Any]:
    """A ``_chosen`` key as the struct ``select_run_findings`` compares with."""
    check, (an, a), (sn, sentence), subject = key
    return {"c": check, "an": an, "a": a, "sn": sn, "s": sentence, "j": subject}


def _lines(path: Path) -> Iterator[bytes]:
    """The findings of a results file, a line each (``render.write_results``' layout)."""
    with path.open("rb") as fh:
        fh.readline()  # the run, counts and changes, then '"findings":['
        for line in fh:
            line = line.rstrip(b"\n").removesuffix(b",")
            if line and line != b"]}":
                yield line


def merged(
    con: duckdb.DuckDBPyConnection,
    run_id: str,
    before: Path,
    iter_findings: Callable[..., Iterator[list[Finding]]],
    passes_listed: int,
) -> list[Finding | bytes]:
    """The findings of ``results.json`` for ``run_id``, in order (a carried finding as its
    line, with ``new`` false: it stood before)."""
    seq = con.execute(sql("select_run_seq"), [run_id]).fetchall()[0][0]
    retired = {tuple(r) for r in con.execute(sql("select_retired_findings"), [run_id]).fetchall()}
    made = [f for chunk in iter_findings(con, run_id, made=seq) for f in chunk]
    kept: list[tuple[Finding, bytes | None]] = [(f, None) for f in made]
    old_passes, cutoff = 0, None
    for line in _lines(before):
        f = orjson.loads(line)
        if f["status"] == "pass":
            old_passes += 1
            cutoff = _chosen(f) if cutoff is None else max(cutoff, _chosen(f))
        if (f["check"], f["subject"]) in retired:
            continue
        if f.get("new"):
            f["new"] = False
            line = None
        kept.append((f, line))
    passes = sorted((k for k in kept if k[0]["status"] == "pass"), key=lambda k: _chosen(k[0]))
    if old_passes >= passes_listed:  # passes after the cutoff were not listed: unknown here
        passes = [k for k in passes if _chosen(k[0]) <= cutoff]
        if len(passes) < passes_listed:  # as many more, from the warehouse
            more = iter_findings(
                con, run_id, flagged=0, passes=passes_listed - len(passes), after=_struct(cutoff)
            )
            passes += [(f, None) for chunk in more for f in chunk]
    out = [k for k in kept if k[0]["status"] != "pass"] + passes[:passes_listed]
    out.sort(key=lambda k: _shown(k[0]))
    return [line if line is not None else f for f, line in out]
