"""Gather a run's findings with their articles and sentences, and write the reports."""

from __future__ import annotations

import json
import math
import shutil
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb
import jinja2

from addsup.warehouse import sql

_ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("addsup.report", "templates"),
    autoescape=jinja2.select_autoescape(["html", "j2"], default=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
_MD_ENV = _ENV.overlay(autoescape=False)
_MD_ENV.filters["cell"] = lambda v: (
    str(v if v is not None else "").replace("|", "\\|").replace("\n", " ")
)


@dataclass(frozen=True)
class ReportPaths:
    run_dir: Path
    html: Path
    markdown: Path
    json: Path
    latest_html: Path
    latest_json: Path


def _bound(x: float | None) -> float | None:
    return None if x is None or math.isinf(x) or math.isnan(x) else x


def _interval(lo: float | None, hi: float | None) -> dict[str, float | None] | None:
    if lo is None and hi is None:
        return None
    return {"lo": _bound(lo), "hi": _bound(hi)}


def _rows(con: duckdb.DuckDBPyConnection, name: str, params: list[Any]) -> list[dict[str, Any]]:
    cursor = con.execute(sql(name), params)
    cols = [d[0] for d in cursor.description]
    return [dict(zip(cols, row, strict=True)) for row in cursor.fetchall()]


def _segments(
    sentence: str,
    start: int,
    figures: list[dict[str, Any]],
    marked: set[str],
    mark: str = "fig-marked",
) -> list[dict[str, Any]]:
    """Split a sentence into plain text and figure spans (offsets into the article body)."""
    out: list[dict[str, Any]] = []
    pos = 0
    for f in figures:
        s, e = f["start_char"] - start, f["end_char"] - start
        if s < pos or e > len(sentence):
            continue
        if s > pos:
            out.append({"text": sentence[pos:s], "cls": None})
        cls = f"fig {mark}" if f["figure_id"] in marked else "fig"
        title = f"{f['unit']}{' ' + f['currency'] if f['currency'] else ''}, {f['qualifier']}"
        if f["period_label"]:
            title += f", period {f['period_label']}"
        if f["currency_assumed"]:
            title += ", currency assumed"
        out.append({"text": sentence[s:e], "cls": cls, "title": title})
        pos = e
    if pos < len(sentence):
        out.append({"text": sentence[pos:], "cls": None})
    return out


def report_data(con: duckdb.DuckDBPyConnection, run_id: str) -> dict[str, Any]:
    """Everything a report shows, as plain JSON-able data (the ``results.json`` contract)."""
    run_rows = _rows(con, "select_run", [run_id])
    if not run_rows:
        raise KeyError(f"no run {run_id!r} in the warehouse")
    run = run_rows[0]
    results = _rows(con, "select_run_findings", [run_id])
    article_ids = sorted({r["article_id"] for r in results if r["article_id"]})
    figures: dict[str, dict[str, Any]] = {}
    by_sentence: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for f in _rows(con, "select_figures_of_articles", [article_ids]):
        figures[f["figure_id"]] = f
        by_sentence.setdefault((f["article_id"], f["sentence_no"]), []).append(f)

    findings = []
    for r in results:
        offset = r["body_offset"] or 0
        figs = [figures[i] for i in r["figure_ids"] or [] if i in figures]
        findings.append(
            {
                "article": r["source"],
                "article_id": r["article_id"],
                "title": r["title"],
                "published_on": r["published_on"].isoformat() if r["published_on"] else None,
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
                        "start": f["start_char"] + offset,
                        "end": f["end_char"] + offset,
                    }
                    for f in figs
                ],
                "stated": _interval(r["stated_lo"], r["stated_hi"]),
                "implied": _interval(r["implied_lo"], r["implied_hi"]),
                "tolerance": r["tolerance"],
                "message": r["message"],
                "_segments": _segments(
                    r["sentence"],
                    r["sentence_start"],
                    by_sentence.get((r["article_id"], r["sentence_no"]), []),
                    set(r["figure_ids"] or []),
                    "fig-marked" if r["status"] == "fail" else "fig-involved",
                )
                if r["sentence"] is not None
                else None,
            }
        )
    counts = {
        "articles": run["articles_seen"],
        "articles_new": run["articles_new"],
        "figures": run["figures_total"],
        "checks": len(findings),
        **{s: sum(f["status"] == s for f in findings) for s in ("pass", "fail", "skip")},
        "errors": sum(f["status"] == "fail" and f["severity"] == "error" for f in findings),
        "warnings": sum(f["status"] == "fail" and f["severity"] == "warning" for f in findings),
        "quarantined": 0,
    }
    quarantine = _rows(con, "select_run_quarantine", [run_id])
    counts["quarantined"] = sum(not q["loaded"] for q in quarantine)
    counts["loaded_with_warning"] = sum(bool(q["loaded"]) for q in quarantine)

    failing_articles = sorted(
        {f["article_id"] for f in findings if f["status"] != "pass" and f["article_id"]}
    )
    articles: dict[str, dict[str, Any]] = {}
    for s in _rows(con, "select_article_sentences", [failing_articles]):
        art = articles.setdefault(
            s["article_id"],
            {
                "article_id": s["article_id"],
                "source": s["source"],
                "title": s["title"],
                "published_on": s["published_on"].isoformat() if s["published_on"] else None,
                "sentences": [],
            },
        )
        marked = {
            i
            for f in findings
            if f["article_id"] == s["article_id"] and f["status"] == "fail"
            for i in (g["figure_id"] for g in f["figures"])
        }
        art["sentences"].append(
            {
                "no": s["sentence_no"],
                "_segments": _segments(
                    s["sentence"],
                    s["start_char"],
                    by_sentence.get((s["article_id"], s["sentence_no"]), []),
                    marked,
                ),
            }
        )
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
        "_articles": list(articles.values()),
    }


def _public(data: Any) -> Any:
    """Drop the rendering helpers (keys starting with ``_``) for the JSON contract."""
    if isinstance(data, dict):
        return {k: _public(v) for k, v in data.items() if not k.startswith("_")}
    if isinstance(data, list):
        return [_public(v) for v in data]
    if isinstance(data, (date, datetime)):
        return data.isoformat()
    return data


def markdown_summary(data: dict[str, Any], html_path: Path | None = None, limit: int = 20) -> str:
    """The top of the report in Markdown: small enough for a Prefect artifact."""
    return _MD_ENV.get_template("report.md.j2").render(data=data, html_path=html_path, limit=limit)


def write_reports(con: duckdb.DuckDBPyConnection, run_id: str, reports_dir: Path) -> ReportPaths:
    """Write ``runs/<run id>/report.{html,md}``, ``results.json`` and the ``latest`` copies."""
    data = report_data(con, run_id)
    run_dir = reports_dir / "runs" / run_id
    run_dir.mkdir(parents=True, exist_ok=True)
    paths = ReportPaths(
        run_dir=run_dir,
        html=run_dir / "report.html",
        markdown=run_dir / "report.md",
        json=run_dir / "results.json",
        latest_html=reports_dir / "latest.html",
        latest_json=reports_dir / "latest.json",
    )
    paths.html.write_text(_ENV.get_template("report.html.j2").render(data=data), encoding="utf-8")
    paths.markdown.write_text(markdown_summary(data, paths.html, limit=1000), encoding="utf-8")
    paths.json.write_text(json.dumps(_public(data), indent=2, ensure_ascii=False), encoding="utf-8")
    for src, dst in ((paths.html, paths.latest_html), (paths.json, paths.latest_json)):
        tmp = dst.with_suffix(dst.suffix + ".tmp")
        shutil.copyfile(src, tmp)
        tmp.replace(dst)
    return paths
