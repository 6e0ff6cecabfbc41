"""Resident memory of this process and all its descendants, sampled in a thread.

``resource.getrusage`` gives the peak of this process and of its largest finished child,
which misses workers alive at the same time; this sums every live process each tick.
"""

from __future__ import annotations

import contextlib
import threading

import psutil


def tree_rss() -> int:
    """Bytes resident in this process and its descendants now."""
    me = psutil.Process()
    total = me.memory_info().rss
    for child in me.children(recursive=True):
        with contextlib.suppress(psutil.Error):  # it ended since the listing
            total += child.memory_info().rss
    return total


class PeakMemory:
    """``with PeakMemory() as peak: ...`` then ``peak.mb`` (the whole tree), and
    ``peak.lap(name)`` to note the peak since the previous lap under ``name``."""

    def __init__(self, every: float = 0.05) -> None:
        self.every = every
        self.peak = 0
        self._since = 0
        self.laps: dict[str, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.is_set():
            now = tree_rss()
            self.peak = max(self.peak, now)
            self._since = max(self._since, now)
            self._stop.wait(self.every)

    def lap(self, name: str) -> None:
        self._since = max(self._since, tree_rss())
        self.laps[name] = round(self._since / 2**20)
        self._since = 0

    @property
    def mb(self) -> int:
        return round(self.peak / 2**20)

    def __enter__(self) -> PeakMemory:
        self.peak = self._since = tree_rss()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, tree_rss())
