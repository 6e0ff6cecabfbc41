"""``addsup extract | check | eval | report``: the library on files, in memory, no server."""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from addsup.cli.common import (
    UNREADABLE_EXIT,
    Bar,
    CheckFormat,
    ExtractFormat,
    FailOn,
    Inputs,
    Quiet,
    Reports,
    _bundled_reference,
    _console,
    _report_unreadable,
    app,
)
from addsup.paths import DEFAULT_REPORTS

if TYPE_CHECKING:
    from addsup.articles import Rejected


def _num(x: float | None) -> float | None:
    return None if x is None or (isinstance(x, float) and (math.isinf(x) or math.isnan(x))) else x


def figure_records(
    path: Path, source: str | None = None, max_bytes: int | None = None
) -> tuple[list[dict], list[Rejected]]:
    """The ``addsup extract`` records of one file (offsets into the whole file for txt/md)."""
    from addsup.articles import DEFAULT_MAX_BYTES, Article, Rejected, read_article_file
    from addsup.extract import extract as extract_text

    source = source or str(path)
    if not path.is_file():
        return [], [Rejected(source, "not_found", "no such file")]
    records: list[dict] = []
    rejected: list[Rejected] = []
    for item in read_article_file(path, source, max_bytes or DEFAULT_MAX_BYTES):
        if isinstance(item, Rejected):
            rejected.append(item)
            continue
        article: Article = item
        x = extract_text(article.text, article.published_on, article.title)
        line = article.source.rsplit(":", 1)[1] if path.suffix.lower() == ".jsonl" else None
        for f in x.figures:
            rec = {
                "article": source,
                "surface": f.surface,
                "start": f.start + article.body_offset,
                "end": f.end + article.body_offset,
                "value": _num(abs(f.value)),  # as printed; a sign stays in the surface
                "scale": f.scale,
                "unit": f.unit,
                "currency": f.currency,
                "currency_assumed": f.currency_assumed,
                "qualifier": f.qualifier,
                "decimals": f.decimals,
                "period_start": f.period_start.isoformat() if f.period_start else None,
                "period_end": f.period_end.isoformat() if f.period_end else None,
                "noun": f.noun,
                "sentence": f.sentence_no,
                "lo": _num(f.lo),
                "hi": _num(f.hi),
            }
            if line is not None:
                rec["line"] = int(line)
            records.append(rec)
    return records, rejected


@app.command()
def extract(
    paths: Inputs,
    format: Annotated[
        ExtractFormat,
        typer.Option(
            "--format",
            "-f",
            help="jsonl: one JSON object per figure (docs/contracts.md); table: for reading.",
        ),
    ] = ExtractFormat.jsonl,
) -> None:
    """Print every figure found in the given files.

    Exit status 2 when an input cannot be read (one line each on stderr)."""
    from addsup.files import input_files

    rows: list[dict] = []
    unreadable = False
    for path, source in input_files(paths):
        records, rejected = figure_records(path, source)
        unreadable |= _report_unreadable(rejected)
        if format is ExtractFormat.jsonl:
            for rec in records:
                sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
        else:
            rows.extend(records)
    if format is ExtractFormat.table:
        from rich.table import Table

        columns = ("article", "surface", "value", "scale", "unit", "currency", "qualifier")
        table = Table(*columns, "period")
        for rec in rows:
            cells = [rec[c] if rec[c] is not None else "" for c in columns]
            cells[2], cells[3] = f"{rec['value']:g}", f"{rec['scale']:g}"
            table.add_row(*cells, rec["period_start"] or "")
        _console().print(table)
    if unreadable:
        raise typer.Exit(UNREADABLE_EXIT)


@app.command("eval")
def evaluate_gold(
    folder: Annotated[Path, typer.Argument(help="Gold folder.")] = Path("tests/gold"),
    seeds: Annotated[
        Path, typer.Option(help="The seed articles the seed gold refers to (skipped if absent).")
    ] = Path("../shared/seeds"),
    errors: Annotated[bool, typer.Option("--errors", help="List every miss.")] = False,
    min_f1: Annotated[float, typer.Option(help="Exit 1 when figure F1 is below this.")] = 0.0,
    realnews: Annotated[
        Path | None,
        typer.Option(help="A folder of real news with figures.jsonl and score.py, also scored."),
    ] = None,
) -> None:
    """Score the extractor on hand-annotated gold articles.

    Precision, recall and F1 per field."""
    from addsup.evaluation import evaluate, load_gold, table

    out = _console()
    articles = load_gold(folder, seeds if seeds.is_dir() else None)
    result = evaluate(articles)
    figures = sum(len(a.figures) for a in articles)
    relations = sum(len(a.relations) for a in articles)
    out.print(f"{result.articles} gold articles, {figures} figures, {relations} relations")
    sys.stdout.write(table(result) + "\n")
    if errors:
        for line in result.errors:
            sys.stdout.write(line + "\n")
    elif result.errors:
        out.print(f"{len(result.errors)} miss(es): add --errors to list them")
    if realnews is not None and (realnews / "figures.jsonl").is_file():
        _evaluate_realnews(realnews, errors)
    if result.figure.f1 < min_f1:
        _console(stderr=True).print(
            f"[red]figure F1 {result.figure.f1:.3f} is below {min_f1}[/red]"
        )
        raise typer.Exit(1)


def _evaluate_realnews(folder: Path, errors: bool) -> None:
    from addsup import realnews

    out = _console()
    scores, misses = realnews.evaluate_folder(folder)
    n = len(list(folder.glob("*.txt")))
    out.print(f"\n{folder}: {n} real news passages, {scores['span'].gold} figures")
    sys.stdout.write(realnews.table(scores) + "\n")
    line = realnews.relations_line(folder, lambda p: _check_json(check_data([p])[0]))
    sys.stdout.write(line + "\n")
    if errors:
        for miss in misses:
            sys.stdout.write(miss + "\n")
    elif misses:
        out.print(f"{len(misses)} miss(es): add --errors to list them")


def check_data(
    paths: list[Path],
    tables: Path | None = None,
    reference: Path | None = None,
    bar: Bar | None = None,
) -> tuple[dict[str, Any], list[Rejected]]:
    """The report data of extraction and checks on ``paths`` alone (in memory), and the
    inputs that could not be read or were read with a warning; ``bar`` shows the progress."""
    import uuid

    from addsup.articles import Rejected
    from addsup.files import input_files
    from addsup.report import report_data
    from addsup.run import Run, run
    from addsup.warehouse import warehouse

    stage = bar.stage("reading and extracting", len(input_files(paths))) if bar else None
    shown = 0

    def progress(done: Any, total: int) -> None:
        nonlocal shown
        stage(done.files_read - shown)
        shown = done.files_read

    with warehouse(":memory:") as con:
        plan = Run(
            f"check-{uuid.uuid4()}",
            tuple(paths),
            tables_dir=tables,
            reference_dir=reference or _bundled_reference(),
            params={"mode": "check"},
            connection=con,
            progress=progress if stage else None,
        )
        run(plan)
        if bar:
            bar.stage("checking", None)
        data = report_data(con, plan.run_id, passes_listed=None, flagged_listed=None)
    rejected = [
        Rejected(q["source"], q["reason"], q["detail"], q["loaded"]) for q in data["quarantine"]
    ]
    return data, rejected


def _check_json(data: dict) -> str:
    public = [{k: v for k, v in f.items() if not k.startswith("_")} for f in data["findings"]]
    payload = {"findings": public, "counts": data["counts"], "quarantine": data["quarantine"]}
    return json.dumps(payload, indent=2, ensure_ascii=False, default=str)


@app.command()
def check(
    paths: Inputs,
    format: Annotated[
        CheckFormat,
        typer.Option(
            "--format",
            "-f",
            help="text: what failed, one line each; json: every finding (docs/contracts.md).",
        ),
    ] = CheckFormat.text,
    fail_on: Annotated[
        FailOn, typer.Option(help="Exit 1 when a finding of this severity fails.")
    ] = FailOn.never,
    tables: Annotated[
        Path | None, typer.Option(help="Also load and check the CSV tables in this folder.")
    ] = None,
    reference: Annotated[
        Path | None,
        typer.Option(help="Reference data folder (default: the bundled data/reference)."),
    ] = None,
    quiet: Quiet = False,
) -> None:
    """Check the given files alone (in memory, no server).

    The pipeline's extraction and checks on these files only. Exit status 1 when
    --fail-on is met, 2 when an input cannot be read (one line each on stderr)."""
    with Bar(quiet) as bar:
        data, rejected = check_data(paths, tables, reference, bar)
    findings = data["findings"]
    if format is CheckFormat.json:
        sys.stdout.write(_check_json(data) + "\n")
    else:
        from rich.markup import escape

        out = _console()
        for f in findings:
            if f["status"] == "pass":
                continue
            colour = "red" if f["status"] == "fail" else "dim"
            where = (
                f"{f['article']} sentence {f['sentence_no'] + 1}" if f["article"] else f["subject"]
            )
            line = escape(f"{f['check']:10} {where}: {f['message']} (key {f['key']})")
            out.print(f"[{colour}]{f['status'].upper():4}[/{colour}] {line}")
        c = data["counts"]
        out.print(
            f"{c['checks']} checks: {c['pass']} passed, {c['fail']} failed, {c['skip']} skipped"
        )
    if _report_unreadable(rejected):
        raise typer.Exit(UNREADABLE_EXIT)
    from addsup.run import verdict

    failing = [f["severity"] for f in findings if f["status"] == "fail"]
    counts = {"errors": failing.count("error"), "warnings": failing.count("warning")}
    if verdict(counts, fail_on.value):
        raise typer.Exit(1)


@app.command()
def report(
    reports: Reports = DEFAULT_REPORTS,
    open_: Annotated[bool, typer.Option("--open", help="Open it in a browser.")] = False,
) -> None:
    """Print the path of the latest report."""
    latest = reports / "latest.html"
    if not latest.exists():
        typer.echo(f"no report yet in {reports}: run `addsup run` first", err=True)
        raise typer.Exit(1)
    typer.echo(str(latest.resolve()))
    if open_:
        import webbrowser

        webbrowser.open(latest.resolve().as_uri())
