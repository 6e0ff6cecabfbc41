"""How far a run's load has got: periodic counts in the run's log, and a progress bar for
whoever started the run in this process (``addsup run`` on a terminal)."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

LOG_EVERY_SECONDS = 10.0
log = logging.getLogger("addsup.run")

# (files read, files to read, articles extracted): told after each batch
Sink = Callable[[int, int, int], None]
_sinks: list[Sink] = []


@contextmanager
def shown_by(sink: Sink) -> Iterator[None]:
    """Tell ``sink`` of each batch loaded while the block runs (runs in this process)."""
    _sinks.append(sink)
    try:
        yield
    finally:
        _sinks.remove(sink)


class BatchLog:
    """A ``progress`` callback for ``addsup.stream.load_articles``: a log line at most every
    ``LOG_EVERY_SECONDS`` (and for the last batch), and every sink told of every batch."""

    def __init__(self, every: float = LOG_EVERY_SECONDS, logger: Any = None) -> None:
        self.every = every
        self.last = time.monotonic()
        self.logger = logger or log

    def __call__(self, done: Any, total: int) -> None:
        for sink in list(_sinks):
            sink(done.files_read, total, done.articles_extracted)
        now = time.monotonic()
        if now - self.last >= self.every or done.files_read >= total:
            self.last = now
            self.logger.info(
                "loaded %d of %d file(s) in %d batch(es): %d article(s) extracted so far",
                done.files_read,
                total,
                done.batches,
                done.articles_extracted,
            )
