"""One run writes a warehouse at a time: a lock held for the whole run, owned by its process.

DuckDB lets one process open a file for writing, but a run opens the warehouse once per
step; a second run could slip in between two steps of the first. So a run holds
``<warehouse>.lock`` (an ``flock``) from its first step to its last. The operating system
releases it when the process ends, however it ends (kill -9, a Prefect server that went
away), so it is never left held: a lock kept on the Prefect server (a global concurrency
limit) stays taken when the server restarts mid-run, and every later run waited forever.

The lock file itself stays beside the warehouse (empty while no run holds it); it holds
the pid and start time of the run that holds it, for the message of a run that waits.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path


class WriterTimeout(RuntimeError):
    """Another run held the warehouse for longer than this run would wait."""


def lock_path(warehouse: str | Path) -> Path:
    return Path(f"{warehouse}.lock")


def holder(warehouse: str | Path) -> str:
    """Who holds the lock, as its file says ("pid 123 since 2026-12-01 06:30:00 UTC")."""
    try:
        return lock_path(warehouse).read_text(encoding="utf-8").strip() or "another run"
    except OSError:
        return "another run"


@contextmanager
def one_writer(
    warehouse: str | Path,
    *,
    timeout: float | None = None,
    waiting: Callable[[str], None] | None = None,
    poll: float = 0.5,
) -> Iterator[None]:
    """Hold the writer lock of ``warehouse`` for the block; wait for it while another run
    holds it (calling ``waiting`` once with who holds it), up to ``timeout`` s (None:
    as long as it takes). ``:memory:`` needs no lock."""
    if str(warehouse) == ":memory:":
        yield
        return
    path = lock_path(warehouse)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+", encoding="utf-8") as fh:
        deadline = None if timeout is None else time.monotonic() + timeout
        told = False
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if not told and waiting:
                    waiting(holder(warehouse))
                    told = True
                if deadline is not None and time.monotonic() >= deadline:
                    raise WriterTimeout(
                        f"the warehouse {warehouse} is being written by {holder(warehouse)} "
                        f"(waited {timeout:.0f} s); try again when that run has finished"
                    ) from None
                time.sleep(poll)
        try:
            fh.seek(0)
            fh.truncate()
            stamp = time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime())
            fh.write(f"pid {os.getpid()} since {stamp}\n")
            fh.flush()
            yield
        finally:
            fh.seek(0)
            fh.truncate()
            fh.flush()
            fcntl.flock(fh, fcntl.LOCK_UN)
