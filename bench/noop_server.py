"""A no-op run through Prefect, as a user sees it: the ``pipeline`` flow on a folder and a
warehouse it has already read, reporting to a running Prefect server.

    python -m bench.noop_server --articles DIR --db FILE --reports DIR [--workers N]

A server is started on a free loopback port under a temporary ``PREFECT_HOME`` and stopped
at the end. The flow runs twice with the tables and reference folders the library runs had,
so both runs have nothing new; the first also pays for Prefect's first flow run in this
process. With ``--add DIR``, the files of DIR are then moved into the articles folder and
the flow runs once more: a run that adds articles, with its ``validate`` and ``publish``
tasks' seconds as the server recorded them. Prints JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def prefect_server() -> Iterator[float]:
    """A Prefect server of the bench's own (a temporary PREFECT_HOME, a free port), stopped
    and removed after; yields the seconds it took to start."""
    home = Path(tempfile.mkdtemp(prefix="addsup-bench-prefect-"))
    os.environ["PREFECT_HOME"] = str(home)
    os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
    os.environ.pop("PREFECT_API_URL", None)
    from addsup.cli.server import ensure_server, stop_server

    t = time.perf_counter()
    url, _ = ensure_server(port=_free_port())
    started = time.perf_counter() - t
    os.environ["PREFECT_API_URL"] = url
    try:
        yield started
    finally:
        stop_server()
        shutil.rmtree(home, ignore_errors=True)


def _added_run(pipeline: Any, params: dict, folder: Path) -> dict:
    """Move the files of ``folder`` into the articles folder and run the flow once more."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    names = sorted(p.name for p in folder.iterdir())
    for name in names:
        (folder / name).rename(Path(params["articles_dir"]) / name)
    t = time.perf_counter()
    state = pipeline(**params, return_state=True)
    seconds = time.perf_counter() - t
    if not state.is_completed():
        raise RuntimeError(f"the flow run ended {state.name}: {state.message}")
    run_id = state.result()["run_id"]
    with get_client(sync_client=True) as client:
        tasks = client.read_task_runs(
            flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[run_id]))
        )
    took = {t.name.rsplit("-", 1)[0]: t.total_run_time.total_seconds() for t in tasks}
    return {
        "added_articles": len(names),
        "added_flow_run_seconds": round(seconds, 2),
        "added_flow_run_validate_seconds": round(took.get("validate", 0.0), 2),
        "added_flow_run_publish_seconds": round(took.get("publish", 0.0), 2),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=Path, required=True)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--reports", type=Path, required=True)
    parser.add_argument("--tables", type=Path, required=True)
    parser.add_argument("--reference", type=Path, required=True)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--add", type=Path, default=None, help="articles to add, then run again")
    args = parser.parse_args()
    with prefect_server() as started:
        from addsup.paths import allow
        from addsup.report import unchanged_since
        from addsup.warehouse import connect
        from addsup_flows.pipeline import pipeline

        allow(args.articles, args.db.parent, args.reports, args.tables, args.reference)
        params = {
            "articles_dir": str(args.articles),
            "tables_dir": str(args.tables),
            "reference_dir": str(args.reference),
            "warehouse_path": str(args.db),
            "reports_dir": str(args.reports),
            "workers": args.workers,
        }
        laps, run_ids = [], []
        for _ in range(2):
            t = time.perf_counter()
            state = pipeline(**params, return_state=True)
            laps.append(time.perf_counter() - t)
            if not state.is_completed():
                raise RuntimeError(f"the flow run ended {state.name}: {state.message}")
            run_ids.append(state.result()["run_id"])
        with connect(args.db) as con:
            reused = all(unchanged_since(con, r) is not None for r in run_ids)
        added = _added_run(pipeline, params, args.add) if args.add else {}
    print(
        json.dumps(
            {
                "server_start_seconds": round(started, 1),
                "noop_first_flow_run_seconds": round(laps[0], 2),
                "noop_flow_run_seconds": round(laps[1], 2),
                "noop_flow_run_took_the_last_findings": reused,
                **added,
            }
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
