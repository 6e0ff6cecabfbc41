"""Gather a run's findings with their articles and sentences, and write the reports."""

from __future__ import annotations

import json
import math
import shutil
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import jinja2
import markupsafe
import orjson
import polars as pl

from addsup.checks import explain_passes
from addsup.checks.base import PASSES_LISTED
from addsup.report import carried, charts
from addsup.report.article_view import (
    article_views,
    figures_of_sentences,
    rows,
    segments,
    web_url,
)
from addsup.report.history import changes, delta_run, previous_run
from addsup.report.words import date_scope, day, run_label, when
from addsup.reviews import review_of
from addsup.warehouse import sql

ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("addsup.report", "templates"),
    autoescape=jinja2.select_autoescape(["html", "j2"], default=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
ENV.filters.update(when=when, day=day, run_label=run_label)
MD_ENV = ENV.overlay(autoescape=False)
MD_ENV.filters["cell"] = lambda v: (
    str(v if v is not None else "").replace("|", "\\|").replace("\n", " ")
)


PASSES_SHOWN = 200  # the HTML lists this many passed checks
FLAGGED_SHOWN = 2_000  # and this many failures, and as many skips
# results.json lists every failure and skip and the first PASSES_LISTED passes (the ones
# validation worded); the counts cover all, and every pass is a row of check_results
FINDING_ROWS = 50_000  # findings built at a time (each chunk reads the figures table once)


@dataclass(frozen=True)
class ReportPaths:
    run_dir: Path
    html: Path
    markdown: Path
    json: Path
    latest_html: Path
    latest_json: Path

    @classmethod
    def of(cls, reports_dir: Path, run_id: str) -> ReportPaths:
        """The files of a run's report (its folder is created)."""
        run_dir = reports_dir / "runs" / run_id
        run_dir.mkdir(parents=True, exist_ok=True)
        return cls(
            run_dir=run_dir,
            html=run_dir / "report.html",
            markdown=run_dir / "report.md",
            json=run_dir / "results.json",
            latest_html=reports_dir / "latest.html",
            latest_json=reports_dir / "latest.json",
        )


def _bound(x: float | None) -> float | None:
    return None if x is None or math.isinf(x) or math.isnan(x) else x


def _interval(lo: float | None, hi: float | None) -> dict[str, float | None] | None:
    if lo is None and hi is None:
        return None
    return {"lo": _bound(lo), "hi": _bound(hi)}


def iter_findings(
    con: duckdb.DuckDBPyConnection,
    run_id: str,
    *,
    flagged: int | None = None,
    passes: int | None = None,
    segments: bool = False,
    rows: int | None = None,
    made: int | None = None,
    after: dict[str, Any] | None = None,
) -> Iterator[list[dict[str, Any]]]:
    """The run's first ``flagged`` failures and as many skips and its first ``passes``
    passes (None: all), as ``results.json`` findings (with the highlighted sentence for the
    HTML when ``segments``), ``rows`` (default ``FINDING_ROWS``) at a time: read on a
    cursor of their own and streamed, so a run with a million findings is never held in
    memory at once. ``made``: the run's seq, for only the findings it made itself; ``after``:
    only the passes after that one (``select_run_findings``)."""
    previous = previous_run(con, run_id)
    delta = delta_run(con, run_id, previous)
    params = [run_id, flagged, flagged, passes, previous, delta, made, after]
    with closing(con.cursor()) as reader:
        query = reader.sql(sql("select_run_findings"), params=params)
        for batch in query.to_arrow_reader(rows or FINDING_ROWS):
            yield _findings(con, pl.from_arrow(batch).to_dicts(), segments)


def _findings(
    con: duckdb.DuckDBPyConnection, results: list[dict[str, Any]], with_segments: bool
) -> list[dict[str, Any]]:
    explain_passes(con, results)
    # the sentences of the findings, and every figure they involve (agreement spans two)
    by_sentence = figures_of_sentences(
        con,
        {(r["article_id"], r["sentence_no"]) for r in results if r["article_id"]},
        {i for r in results for i in r["figure_ids"] or []},
    )
    figures = {f["figure_id"]: f for fs in by_sentence.values() for f in fs}
    findings = []
    for r in results:
        figs = [figures[i] for i in r["figure_ids"] or [] if i in figures]
        finding = {
            "key": r["key"],
            "article": r["source"],
            "article_id": r["article_id"],
            "title": r["title"],
            "published_on": r["published_on"].isoformat() if r["published_on"] else None,
            "url": web_url(r["url"]),
            "check": r["check_name"],
            "status": r["status"],
            "severity": r["severity"],
            "subject": r["subject"],
            "sentence_no": r["sentence_no"],
            "sentence": r["sentence"],
            "figures": [
                {
                    "figure_id": f["figure_id"],
                    "surface": f["surface"],
                    "article": f["source"],
                    "start": f["start_char"] + (f["body_offset"] or 0),
                    "end": f["end_char"] + (f["body_offset"] or 0),
                }
                for f in figs
            ],
            "stated": _interval(r["stated_lo"], r["stated_hi"]),
            "implied": _interval(r["implied_lo"], r["implied_hi"]),
            "tolerance": r["tolerance"],
            "message": r["message"],
            "new": r["new"],
            "review": review_of(r),
        }
        if with_segments:
            finding["_others"] = _other_articles(r["article_id"], figs)
            finding["_segments"] = (
                segments(
                    r["sentence"],
                    r["sentence_start"],
                    by_sentence.get((r["article_id"], r["sentence_no"]), []),
                    set(r["figure_ids"] or []),
                    "fig-marked" if r["status"] == "fail" else "fig-involved",
                )
                if r["sentence"] is not None
                else None
            )
        findings.append(finding)
    return findings


def _other_articles(article_id: str | None, figures: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The other articles a finding's figures come from (an agreement spans two)."""
    others: dict[str, dict[str, Any]] = {}
    for f in figures:
        if f["article_id"] != article_id and f["article_id"] not in others:
            others[f["article_id"]] = {
                "article_id": f["article_id"],
                "source": f["source"],
                "title": f["title"],
                "published_on": f["published_on"].isoformat() if f["published_on"] else None,
                "url": web_url(f["url"]),
            }
    return list(others.values())


def report_data(
    con: duckdb.DuckDBPyConnection,
    run_id: str,
    passes_listed: int | None = PASSES_SHOWN,
    flagged_listed: int | None = FLAGGED_SHOWN,
) -> dict[str, Any]:
    """What a report page shows, as plain JSON-able data: the first ``flagged_listed``
    failures and as many skips, the first ``passes_listed`` passes (None: all), each
    explained, and the counts of all (``results.json`` lists more: ``write_results``)."""
    run_rows = rows(con, "select_run", [run_id])
    if not run_rows:
        raise KeyError(f"no run {run_id!r} in the warehouse")
    run = run_rows[0]
    findings = [
        f
        for chunk in iter_findings(
            con, run_id, flagged=flagged_listed, passes=passes_listed, segments=True
        )
        for f in chunk
    ]
    passed, failed, skipped, errors, warnings, reviewed = con.execute(
        sql("count_run_statuses"), [run_id]
    ).fetchall()[0]
    change = changes(con, run_id)
    quarantine = rows(con, "select_run_quarantine", [run_id])
    counts = {
        "articles": run["articles_seen"],
        "articles_new": run["articles_new"],
        "figures": run["figures_total"],
        "checks": passed + failed + skipped + reviewed,
        "pass": passed,
        "fail": failed,
        "skip": skipped,
        "errors": errors,
        "warnings": warnings,
        "reviewed": reviewed,
        "passes_listed": min(passed, PASSES_LISTED),
        "quarantined": sum(not q["loaded"] for q in quarantine),
        "loaded_with_warning": sum(bool(q["loaded"]) for q in quarantine),
        "new": change["new"],
        "fixed": change["fixed_count"],
    }
    views, left_out = article_views(con, findings)
    return {
        "run": {
            "run_id": run["run_id"],
            "started_at": run["started_at"].isoformat() if run["started_at"] else None,
            "finished_at": run["finished_at"].isoformat() if run["finished_at"] else None,
            "status": run["status"],
            "params": json.loads(run["params"]) if run["params"] else {},
        },
        "counts": counts,
        "findings": findings,
        "quarantine": quarantine,
        "changes": {"previous_run_id": change["previous_run_id"], "fixed": change["fixed"]},
        "_articles": views,
        "_articles_left_out": left_out,
    }


def write_results(
    con: duckdb.DuckDBPyConnection,
    run_id: str,
    data: dict[str, Any],
    path: Path,
    before: Path | None = None,
) -> None:
    """Write ``results.json``: the run, counts, quarantine and changes of ``data``, then every
    failure and skip and the first ``PASSES_LISTED`` passes, streamed from the warehouse a
    chunk at a time (a finding a line); atomically, so a reader sees the old file or the new
    one. orjson writes dates in ISO format, and an infinite bound as null. With ``before``
    (the results of the findings that stood before this incremental run: ``carried``), the
    findings it carries are taken from that file, and only those it made from the warehouse."""
    head = {k: v for k, v in data.items() if not k.startswith("_") and k != "findings"}
    findings = (
        carried.merged(con, run_id, before, iter_findings, PASSES_LISTED) if before else None
    ) or (f for chunk in iter_findings(con, run_id, passes=PASSES_LISTED) for f in chunk)
    tmp = path.with_suffix(path.suffix + ".tmp")
    with tmp.open("wb") as out:
        out.write(orjson.dumps(head)[:-1] + b',"findings":[')
        sep = b"\n"
        for finding in findings:
            out.write(sep + (finding if isinstance(finding, bytes) else orjson.dumps(finding)))
            sep = b",\n"
        out.write(b"\n]}\n")
    tmp.replace(path)


def markdown_summary(data: dict[str, Any], html_path: Path | None = None, limit: int = 20) -> str:
    """The top of the report in Markdown: small enough for a Prefect artifact."""
    return MD_ENV.get_template("report.md.j2").render(
        data=data, html_path=html_path, limit=limit, scope=date_scope(data["run"]["params"])
    )


HISTORY_RUNS = 1000
CHART_RUNS = 30


def replace_file(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically: readers see the old file or the new one."""
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def runs_chart(history: list[dict[str, Any]]) -> str | None:
    """Failures per run, once two runs have finished (one run makes a chart of a single bar:
    the counts say it better)."""
    if sum(r["errors"] is not None for r in history) < 2:
        return None
    return charts.failures_over_time(history[:CHART_RUNS])


def write_reports(
    con: duckdb.DuckDBPyConnection,
    run_id: str,
    reports_dir: Path,
    data: dict[str, Any] | None = None,
) -> ReportPaths:
    """Write ``runs/<run id>/report.{html,md}``, ``results.json`` and the ``latest`` copies
    (from ``data`` when the caller already has the run's ``report_data``)."""
    data = data if data is not None else report_data(con, run_id)
    paths = ReportPaths.of(reports_dir, run_id)
    history = rows(con, "select_run_history", [HISTORY_RUNS])
    by_check = dict(con.execute(sql("count_run_failures_by_check"), [run_id]).fetchall())
    chart = {
        "over_time": runs_chart(history),
        "finished": sum(r["errors"] is not None for r in history),
        "by_check": charts.failures_by_check(by_check) if by_check else None,
    }
    page = ENV.get_template("report.html.j2")
    paths.markdown.write_text(markdown_summary(data, paths.html, limit=1000), encoding="utf-8")
    write_results(con, run_id, data, paths.json, carried.standing(con, run_id, reports_dir))
    scope = date_scope(data["run"]["params"])
    # rendered once: the run's page and latest.html differ only in where the links start
    # (a raw "<ROOT>" never comes from escaped text)
    html = page.render(data=data, chart=chart, root=markupsafe.Markup("<ROOT>"), scope=scope)
    paths.html.write_text(html.replace("<ROOT>", "../../"), encoding="utf-8")
    replace_file(paths.latest_html, html.replace("<ROOT>", ""))
    shutil.copyfile(paths.json, paths.latest_json.with_suffix(".json.tmp"))
    paths.latest_json.with_suffix(".json.tmp").replace(paths.latest_json)
    write_index(reports_dir, history, chart["over_time"])
    return paths


def write_index(reports_dir: Path, history: list[dict[str, Any]], chart: str | None) -> None:
    """``index.html``: the runs of ``history`` (``select_run_history``) and their chart."""
    index = ENV.get_template("index.html.j2").render(runs=history, chart=chart)
    replace_file(reports_dir / "index.html", index)
