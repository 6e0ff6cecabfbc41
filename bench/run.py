"""``make bench``: measure addsup on a synthetic corpus and write bench/results/latest.json.

    python -m bench.run --articles 20000          # the default of make bench
    python -m bench.run --articles 100000         # the 100k end-to-end figure of issue 8
    python -m bench.run --quick                   # 60 articles: what the test runs

Measured, in one run: extraction throughput (articles per second on one core), the pipeline
end to end (files to report, library steps, no Prefect) with peak memory, a no-op incremental
run, validation time against the same checks written as one hand-written SQL pass, and recall
and precision of the planted inconsistencies. Speeds are reported, never asserted.
"""

from __future__ import annotations

import argparse
import json
import math
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import date
from pathlib import Path

import duckdb
import orjson

from addsup.articles import collect
from addsup.checks import ROW_CHECKS
from addsup.extract import extract
from addsup.report import unchanged_since
from addsup.run import Run
from addsup.run import run as run_once
from addsup.validate import validate_into
from addsup.warehouse import connect
from bench.corpus import DENSE, NEWS, generate
from bench.memory import PeakMemory
from bench.scale import replicate

RESULTS = Path(__file__).parent / "results"
SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
REFERENCE = Path(__file__).resolve().parents[1] / "data" / "reference"
# the same share, growth, pp and sum checks as the views, as one hand-written pass
HAND_SQL = (Path(__file__).parent / "hand_checks.sql").read_text()


def _extraction_rate(texts: list[tuple[str, date]], rounds: int = 3) -> float:
    """Articles per second on one core: the best of a few 2-second rounds (a shared machine
    only ever makes a round slower)."""
    return max(_one_round(texts, 2.0) for _ in range(rounds))


def _one_round(texts: list[tuple[str, date]], seconds: float) -> float:
    done, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds or done == 0:
        for text, published in texts:
            extract(text, published)
            done += 1
            if time.perf_counter() - start >= seconds:
                break
    return done / (time.perf_counter() - start)


def _news_density_texts(folder: Path, seed: int, n: int = 500) -> list[tuple[str, date]]:
    """Articles of about 3 KB with about 12 figures each: the density of the seed articles."""
    generate(folder, n, seed, figure_share=NEWS)
    return [(p.read_text(encoding="utf-8"), date(2023, 1, 1)) for p in sorted(folder.glob("*.txt"))]


def _figures_per_article(texts: list[tuple[str, date]]) -> float:
    sample = texts[:100]
    return round(sum(len(extract(t, d).figures) for t, d in sample) / max(1, len(sample)), 1)


def _flagged(results: Path) -> set[tuple[str, str, str]]:
    """(article, check, stated figure) of every failure in the run's ``results.json``."""
    return {
        (f["article"], f["check"], f["figures"][0]["surface"])
        for f in orjson.loads(results.read_bytes())["findings"]
        if f["status"] == "fail"
    }


def _best(runs: int, fn) -> float:
    """The shortest of ``runs`` timings of ``fn()`` (other load on the machine only adds)."""
    best = math.inf
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def _decide_all(con: duckdb.DuckDBPyConnection) -> int:
    """What validation decides, as it does it: each row check's view read in chunks through
    Arrow and decided by pandera. Returns the rows decided."""
    return sum(d.frame.height for check in ROW_CHECKS for d in check.decide_chunks(con))


def validation_at_scale(db: Path, target: int, workdir: Path) -> dict:
    """The checks on a warehouse grown to ``target`` figures (copies of the bench's own
    articles, ``bench/scale.py``): hand-written SQL against addsup's decisions (views through
    Arrow and pandera, best of two each) and against the whole validation, messages included."""
    big = workdir / "scaled.duckdb"
    shutil.copyfile(db, big)
    with connect(big) as con:
        con.execute("SET enable_progress_bar = false")
        base = con.execute("SELECT count(*) FROM figures").fetchall()[0][0]
        t = time.perf_counter()
        replicate(con, max(0, math.ceil(target / max(base, 1)) - 1))
        con.execute("CHECKPOINT")  # as a load leaves the warehouse validation reads
        grown = time.perf_counter() - t
        figures, relations = con.execute(
            "SELECT (SELECT count(*) FROM figures), (SELECT count(*) FROM relations)"
        ).fetchall()[0]
        hand = _best(2, lambda: con.execute(HAND_SQL).fetchall())
        decided = _best(2, lambda: _decide_all(con))
        t = time.perf_counter()
        findings = validate_into(con, "bench-scaled")
        full = time.perf_counter() - t
        stored = con.execute(
            "SELECT count(*) FROM check_results WHERE run_id = 'bench-scaled'"
        ).fetchall()[0][0]
    big.unlink()
    return {
        "scaled_figures": figures,
        "scaled_relations": relations,
        "scaled_grow_seconds": round(grown, 1),
        "scaled_hand_sql_seconds": round(hand, 2),
        "scaled_decisions_seconds": round(decided, 2),
        "scaled_decisions_vs_hand_sql": round(decided / hand, 2) if hand else None,
        "scaled_validation_stored_seconds": round(full, 1),
        "scaled_results_stored": stored,
        "scaled_findings_explained": len(findings),
    }


def _pipeline(
    db: Path, articles_dir: Path, run_id: str, reports: Path, workers: int
) -> tuple[dict, PeakMemory]:
    """One run, files to report, as the pipeline flow does it (library steps, no Prefect):
    articles streamed in batches on ``workers`` processes, no curated tables, the bundled
    reference data. Returns seconds per step and the peak resident memory of the process tree
    (all workers included), per step."""
    tables = _no_tables(reports)
    laps, t = {}, time.perf_counter()

    def lap(name: str) -> None:
        nonlocal t
        laps[name] = round(time.perf_counter() - t, 2)
        peak.lap(name)
        t = time.perf_counter()

    with PeakMemory() as peak, connect(db) as con:
        plan = Run(
            run_id,
            articles_dir,
            tables_dir=tables,
            reference_dir=REFERENCE,
            reports_dir=reports,
            workers=workers,
            params={"bench": True},
            connection=con,
        )

        def step(function, *args):  # each step in this process, timed to the end of the three
            result = function(*args)
            if function.__name__ in ("load_articles", "validate", "publish"):
                lap(function.__name__)
            return result

        run_once(plan, step)
    return laps, peak


def _no_tables(reports: Path) -> Path:
    tables = reports.parent / "no-tables"
    tables.mkdir(parents=True, exist_ok=True)
    return tables


def _noop_through_prefect(
    db: Path, articles_dir: Path, reports: Path, workers: int, added: Path | None = None
) -> dict:
    """``bench/noop_server.py`` in its own process: the pipeline flow, with a Prefect server
    running, on the folder, tables, reference and warehouse of the library runs (then, with
    ``added``, once more after those articles were added)."""
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "bench.noop_server",
            "--articles",
            str(articles_dir),
            "--db",
            str(db),
            "--reports",
            str(reports),
            "--tables",
            str(_no_tables(reports)),
            "--reference",
            str(REFERENCE),
            "--workers",
            str(workers),
            *(["--add", str(added)] if added else []),
        ],
        cwd=Path(__file__).resolve().parents[1],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        raise RuntimeError(f"bench.noop_server failed: {done.stderr.strip()[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def run(
    n: int,
    workdir: Path,
    seed: int = 1,
    validation_figures: int = 0,
    workers: int = 2,
    figure_share: float = DENSE,
    added: int = 0,
) -> dict:
    """The measures of the module's doc; ``added`` articles are added for one more flow run
    through Prefect after the no-op ones (its validation against the full run's)."""
    articles_dir = workdir / "articles"
    t = time.perf_counter()
    key = generate(articles_dir, n, seed, figure_share=figure_share)
    generated = time.perf_counter() - t

    db = workdir / "warehouse.duckdb"
    run_id = str(uuid.uuid4())
    t = time.perf_counter()
    stages, peak = _pipeline(db, articles_dir, run_id, workdir / "reports", workers)
    end_to_end = time.perf_counter() - t

    t = time.perf_counter()
    _pipeline(db, articles_dir, again := str(uuid.uuid4()), workdir / "reports", workers)
    noop = time.perf_counter() - t
    with connect(db) as con:
        reused = unchanged_since(con, again) == run_id
    if added:
        generate(workdir / "added", added, seed + 1, figure_share=figure_share, first=n)
    through_prefect = _noop_through_prefect(
        db, articles_dir, workdir / "reports", workers, workdir / "added" if added else None
    )

    with connect(db) as con:
        t = time.perf_counter()
        validate_into(con, "bench-validation")
        pandera_seconds = time.perf_counter() - t
        t = time.perf_counter()
        hand = con.execute(HAND_SQL).fetchall()
        hand_seconds = time.perf_counter() - t
        figures = con.execute("SELECT count(*) FROM figures").fetchall()[0][0]
        relations = con.execute("SELECT count(*) FROM relations").fetchall()[0][0]

    expected = {(p.where, p.check, p.stated) for p in key}
    flagged = _flagged(workdir / "reports" / "runs" / run_id / "results.json")
    hand_flagged = {(r[0], r[1], r[2]) for r in hand}
    sample = collect([(p, p.name) for p in sorted(articles_dir.iterdir())[:500]])[0]
    dense = [(a.text, a.published_on or date(2023, 1, 1)) for a in sample]
    news = _news_density_texts(workdir / "news", seed)
    rate = _extraction_rate(news)
    seeds = [
        (p.read_text(encoding="utf-8"), date(2023, 8, 29)) for p in sorted(SEEDS.glob("*.txt"))
    ]
    seed_rate = _extraction_rate(seeds) if seeds else None
    dense_rate = _extraction_rate(dense)
    return {
        "machine": {
            "python": platform.python_version(),
            "cpus": __import__("os").cpu_count(),
            "duckdb": duckdb.__version__,
        },
        "articles": n,
        "figure_share": figure_share,
        "figures": figures,
        "relations": relations,
        "generate_seconds": round(generated, 2),
        "extraction_seed_articles_per_second_one_core": round(seed_rate) if seed_rate else None,
        "extraction_seed_figures_per_article": _figures_per_article(seeds) if seeds else None,
        "extraction_articles_per_second_one_core": round(rate),
        "extraction_figures_per_article": _figures_per_article(news),
        "extraction_dense_articles_per_second_one_core": round(dense_rate),
        "extraction_dense_figures_per_article": _figures_per_article(dense),
        "end_to_end_workers": workers,
        "end_to_end_seconds": round(end_to_end, 2),
        "end_to_end_steps_seconds": stages,
        "end_to_end_articles_per_second": round(n / end_to_end, 1),
        "peak_memory_mb": peak.mb,
        "peak_memory_steps_mb": peak.laps,
        "noop_incremental_seconds": round(noop, 2),
        "noop_took_the_last_findings": reused,
        **through_prefect,
        "full_run_validate_seconds": stages.get("validate"),
        "validation_seconds": round(pandera_seconds, 3),
        "hand_sql_seconds": round(hand_seconds, 3),
        "validation_vs_hand_sql": round(pandera_seconds / hand_seconds, 2)
        if hand_seconds
        else None,
        "planted": len(expected),
        "flagged": len(flagged),
        "recall": round(len(expected & flagged) / len(expected), 4) if expected else 1.0,
        "precision": round(len(expected & flagged) / len(flagged), 4) if flagged else 1.0,
        "hand_sql_agrees": hand_flagged == {(w, c, s) for w, c, s in flagged},
        "report": str(workdir / "reports" / "runs" / run_id / "report.html"),
        **(validation_at_scale(db, validation_figures, workdir) if validation_figures else {}),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--quick", action="store_true", help="60 articles: a smoke run")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--workers", type=int, default=2, help="processes that read and extract (end to end)"
    )
    parser.add_argument(
        "--figure-share",
        type=float,
        default=DENSE,
        help=f"share of sentences with figures: {DENSE} dense (about 61 figures an article), "
        f"{NEWS} about the seed articles' density (about 16)",
    )
    parser.add_argument("--out", type=Path, default=RESULTS / "latest.json")
    parser.add_argument(
        "--validation-figures",
        type=int,
        default=10_000_000,
        help="grow the warehouse to this many figures for the validation comparison (0: skip)",
    )
    parser.add_argument(
        "--added",
        type=int,
        default=None,
        help="articles added for one more flow run (default: 1 %% of --articles, at most 1,000)",
    )
    args = parser.parse_args()
    n = 60 if args.quick else args.articles
    added = args.added if args.added is not None else min(1000, max(1, n // 100))
    figures = 7_000 if args.quick else args.validation_figures  # quick: two copies
    with tempfile.TemporaryDirectory(prefix="addsup-bench-") as tmp:
        result = run(n, Path(tmp), args.seed, figures, args.workers, args.figure_share, added)
    result.pop("report")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    width = max(len(k) for k in result)
    for k, v in result.items():
        print(f"{k:<{width}}  {v}")
    print(f"written: {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
