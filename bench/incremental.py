"""The cost of a run against what it brought, as a user runs it: ``addsup run`` (the whole
command) against a running Prefect server, on a corpus at news density.

    python -m bench.incremental [--articles N] [--added M] [--workdir DIR]

Runs, each timed as a whole command: the first run (everything new: a full run), a run
after ``--added`` more articles, a run with nothing new, and a run after a tenth of the added
articles were edited in place; with the seconds of each run's ``validate`` and ``publish``
tasks as the server recorded them, and the CPU seconds of the command (its worker processes
included; the server's not): less sensitive than wall time to a machine shared with other
work. A server is started on a free loopback port under a
temporary ``PREFECT_HOME`` and stopped at the end. Prints JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.corpus import NEWS, generate
from bench.noop_server import prefect_server

ROOT = Path(__file__).resolve().parent.parent


def _tasks(run_id: str) -> dict[str, float]:
    """Seconds of each task of the flow run ``run_id``, as the server recorded them."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    with get_client(sync_client=True) as client:
        runs = client.read_task_runs(
            flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[run_id]))
        )
    out: dict[str, float] = {}
    for r in runs:
        name = r.name.rsplit("-", 1)[0]
        out[name] = round(out.get(name, 0.0) + r.total_run_time.total_seconds(), 2)
    return out


def _last_run(db: Path) -> str:
    import duckdb

    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("SELECT run_id FROM runs ORDER BY started_at DESC LIMIT 1").fetchall()[
            0
        ][0]


def _cpu() -> float:
    """CPU seconds of the finished children of this process (and theirs, when waited for)."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def _run(args: list[str], db: Path) -> dict:
    t, cpu = time.perf_counter(), _cpu()
    done = subprocess.run(
        [str(Path(sys.executable).with_name("addsup")), "run", "-q", *args],
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = round(time.perf_counter() - t, 2)
    cpu = round(_cpu() - cpu, 2)
    if done.returncode != 0:
        raise RuntimeError(f"addsup run failed: {done.stdout}\n{done.stderr}")
    return {"seconds": seconds, "cpu_seconds": cpu, "tasks": _tasks(_last_run(db))}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--added", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--figure-share", type=float, default=NEWS)
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="addsup-bench-incremental-"))
    work.mkdir(parents=True, exist_ok=True)
    staged, articles = work / "staged", work / "articles"
    tables, db, reports = work / "tables", work / "warehouse.duckdb", work / "reports"
    tables.mkdir(exist_ok=True)
    t = time.perf_counter()
    generate(staged, args.articles + args.added, figure_share=args.figure_share)
    names = sorted(p.name for p in staged.iterdir())
    articles.mkdir()
    for name in names[: args.articles]:
        (staged / name).rename(articles / name)
    generated = round(time.perf_counter() - t, 1)
    os.environ["ADDSUP_ALLOWED_ROOTS"] = os.pathsep.join([str(work), str(ROOT)])
    common = [
        *("--articles", str(articles), "--tables", str(tables)),
        *("--reference", str(ROOT / "data" / "reference"), "--warehouse", str(db)),
        *("--reports", str(reports), "--workers", str(args.workers)),
    ]
    result: dict = {"articles": args.articles, "added": args.added, "generated_s": generated}
    try:
        with prefect_server():
            result["full"] = _run(common, db)
            for name in names[args.articles :]:
                (staged / name).rename(articles / name)
            result["added_run"] = _run(common, db)
            result["noop"] = _run(common, db)
            for name in names[args.articles :][: max(1, args.added // 10)]:
                path = articles / name
                path.write_text(path.read_text() + "\nThe port hired more staff.\n")
            result["edited_run"] = _run(common, db)
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
