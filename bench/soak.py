"""A soak: many pipeline flow runs in a row on a corpus that changes a little each time.

Each run adds an article, edits one, deletes one added earlier (so the corpus stops growing
after the first runs) and, every seventh run, updates the reference data. At the end:

* the failures of the last run equal those of one full run on a fresh warehouse over the same
  inputs, finding by finding;
* the warehouse file stops growing once the data stop growing (retention keeps the last runs);
* no process, lock or temporary folder is left behind.

``make soak`` runs 200 and writes docs-ready figures to bench/results/soak.json; the tests run
20 (``tests/test_soak.py``). Usage: ``python -m bench.soak --runs 200 [--keep-runs 10]``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data"


NOTE = "\nA later note counted {} new cranes.\n"
VARIANTS = 6  # the added articles cycle through this many texts: the data stop growing


def _mutate(articles: Path, step: int, rng: random.Random) -> None:
    """Add one article, edit one (a note added, or taken away again) and delete the one added
    three runs ago. Texts repeat, so after the first runs the data stop growing."""
    samples = sorted(p for p in articles.glob("*.txt") if not p.name.startswith("soak-"))
    base = samples[step % VARIANTS].read_text(encoding="utf-8")
    added = base.replace("\n\n", f"\n\nThe port hired {10 + step % VARIANTS} workers.\n", 1)
    (articles / f"soak-{step:04d}.txt").write_text(added, encoding="utf-8")
    edited = rng.choice(samples)
    text, note = edited.read_text(encoding="utf-8"), NOTE.format(len(edited.name))
    text = text.removesuffix(note) if text.endswith(note) else text.rstrip("\n") + note
    edited.write_text(text, encoding="utf-8")
    (articles / f"soak-{step - 3:04d}.txt").unlink(missing_ok=True)


def _update_reference(reference: Path, step: int) -> None:
    """Revise one month of the exchange rates a little (low, mean and high together)."""
    path = reference / "fx_monthly.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    head, row = lines[0], lines[1].split(",")
    factor = 1 + 0.0001 * (step % 5 + 1)
    for i in (3, 4, 5):  # low, mean, high
        row[i] = f"{float(row[i]) * factor:.6f}"
    path.write_text("\n".join([head, ",".join(row), *lines[2:]]) + "\n", encoding="utf-8")


def _failures(results_json: Path) -> set[tuple[str, str, str]]:
    findings = json.loads(results_json.read_text())["findings"]
    return {
        (f["check"], f.get("article") or "", f["message"])
        for f in findings
        if f["status"] == "fail"
    }


def _leftovers(work: Path) -> list[str]:
    """Temporary folders and write-ahead logs a finished run should not leave."""
    return sorted(
        str(p.relative_to(work)) for p in work.rglob("*") if p.name.endswith((".tmp", ".wal"))
    )


def soak(runs: int, work: Path, keep_runs: int = 10, seed: int = 1) -> dict:
    """``runs`` flow runs in ``work`` (a Prefect API must be reachable); returns the figures."""
    import psutil

    from addsup_flows.pipeline import pipeline

    rng = random.Random(seed)
    work.mkdir(parents=True, exist_ok=True)
    for name in ("articles", "tables", "reference"):
        shutil.copytree(SAMPLE / name, work / name)
    dirs = {
        "articles_dir": str(work / "articles"),
        "tables_dir": str(work / "tables"),
        "reference_dir": str(work / "reference"),
        "reports_dir": str(work / "reports"),
    }
    db = work / "warehouse.duckdb"
    children_before = {p.pid for p in psutil.Process().children(recursive=True)}
    sizes, seconds = [], []
    result = None
    for step in range(runs):
        _mutate(work / "articles", step, rng)
        if step % 7 == 6:
            _update_reference(work / "reference", step)
        start = time.perf_counter()
        result = pipeline(**dirs, warehouse_path=str(db), keep_runs=keep_runs, keep_days=0)
        seconds.append(time.perf_counter() - start)
        sizes.append(db.stat().st_size)
    assert result is not None
    last = _failures(work / "reports" / "runs" / result["run_id"] / "results.json")
    full = pipeline(
        **{**dirs, "reports_dir": str(work / "full-reports")},
        warehouse_path=str(work / "full.duckdb"),
        full=True,
    )
    fresh = _failures(work / "full-reports" / "runs" / full["run_id"] / "results.json")
    children = {p.pid for p in psutil.Process().children(recursive=True)} - children_before
    half = max(1, runs // 2)
    return {
        "runs": runs,
        "keep_runs": keep_runs,
        "seconds_per_run": round(sum(seconds) / len(seconds), 2),
        "warehouse_bytes_first_half_max": max(sizes[:half]),
        "warehouse_bytes_last": sizes[-1],
        "warehouse_bytes_max": max(sizes),
        "failures_last_run": len(last),
        "failures_full_run": len(fresh),
        "same_failures_as_a_full_run": last == fresh,
        "only_in_last": sorted(last - fresh)[:5],
        "only_in_full": sorted(fresh - last)[:5],
        "processes_left": len(children),
        "leftovers": _leftovers(work),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--keep-runs", type=int, default=10)
    args = parser.parse_args()
    os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
    with tempfile.TemporaryDirectory(prefix="addsup-soak-") as tmp:
        os.environ["PREFECT_HOME"] = str(Path(tmp) / "prefect-home")
        from prefect.testing.utilities import prefect_test_harness

        from addsup.paths import allow

        allow(tmp)  # the soak's folders are the runs' folders
        with prefect_test_harness(server_startup_timeout=120):  # a server of its own
            figures = soak(args.runs, Path(tmp) / "work", args.keep_runs)
    print(json.dumps(figures, indent=1))
    out = ROOT / "bench" / "results" / "soak.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(figures, indent=1) + "\n")


if __name__ == "__main__":
    main()
