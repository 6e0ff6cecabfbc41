"""What a run reads: the files below an articles folder that changed since they were last
read in full (``plan``), read into articles and rejections (``read``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import polars as pl

from addsup import incremental
from addsup.articles import DEFAULT_MAX_BYTES, Article, Rejected, collect
from addsup.files import FILE_SCHEMA, input_files, scan_files


@dataclass
class Ingested:
    articles: list[Article]
    rejected: list[Rejected] = field(default_factory=list)
    out_of_range: int = 0
    unchanged: int = 0  # files passed over: as they were when last read in full
    files: dict[str, incremental.Stat] = field(default_factory=dict)  # read in full now
    listed: pl.Series | None = None  # every file of the folder (None: not a folder's read)


@dataclass
class Plan:
    """The files a run reads and how many it passes over.

    ``todo`` holds ``source``, ``size`` and ``mtime_ns`` of each file to read, sorted by
    source, and ``known``: whether a file of that name was read in full before (then the
    articles it held may be extracted already). Columns, not objects: a plan of a million
    files takes tens of megabytes."""

    folder: Path
    todo: pl.DataFrame
    unchanged: int
    listed: pl.Series  # every file of the folder: sources of files gone are forgotten

    def __len__(self) -> int:
        return self.todo.height

    def files(
        self, start: int = 0, stop: int | None = None
    ) -> tuple[list[tuple[Path, str]], dict[str, incremental.Stat]]:
        """``(path, source)`` of the files from ``start`` to ``stop`` and their stats: what
        ``read`` takes."""
        part = self._part(start, stop)
        sources = part["source"].to_list()
        stats = zip(part["size"].to_list(), part["mtime_ns"].to_list(), strict=True)
        return [(self.folder / s, s) for s in sources], dict(zip(sources, stats, strict=True))

    def known_sources(self, start: int = 0, stop: int | None = None) -> list[str]:
        """The sources from ``start`` to ``stop`` read in full by an earlier run."""
        return self._part(start, stop).filter(pl.col("known"))["source"].to_list()

    def _part(self, start: int, stop: int | None) -> pl.DataFrame:
        return self.todo.slice(start, None if stop is None else stop - start)


def in_range(published_on: date | None, start: date | None, end: date | None) -> bool:
    """Whether an article belongs to the date range; undated ones only when there is none."""
    if start is None and end is None:
        return True
    if published_on is None:
        return False
    return (start is None or published_on >= start) and (end is None or published_on <= end)


def plan(articles_dir: Path, known: pl.DataFrame | None = None) -> Plan:
    """Every file below ``articles_dir`` but those whose size and modification time are as
    ``known`` records them (``incremental.known_files``): their articles are loaded already."""
    if not articles_dir.is_dir():
        raise FileNotFoundError(f"articles folder {articles_dir} does not exist")
    files = scan_files(articles_dir, sort=False)
    if known is None or known.is_empty():
        todo = files.with_columns(known=pl.lit(False))
    else:
        known = known.select(list(FILE_SCHEMA)).cast(FILE_SCHEMA)
        todo = files.join(known, on=list(FILE_SCHEMA), how="anti")
        todo = todo.with_columns(known=pl.col("source").is_in(known["source"].implode()))
    return Plan(articles_dir, todo.sort("source"), files.height - todo.height, files["source"])


def plan_inputs(paths: tuple[Path, ...] | list[Path]) -> Plan:
    """The files and folders of a command line as a plan (``input_files``): every file is
    read, in the order given; the source of each is its path as given."""
    rows = []
    for path, source in input_files(paths):
        try:
            stat = path.stat()
            rows.append((source, stat.st_size, stat.st_mtime_ns))
        except OSError:
            rows.append((source, 0, 0))  # missing or unreadable: said by whoever reads it
    todo = pl.DataFrame(rows, schema=FILE_SCHEMA, orient="row").with_columns(known=pl.lit(False))
    return Plan(Path(""), todo, 0, todo["source"])


def read(
    todo: list[tuple[Path, str]],
    stats: dict[str, incremental.Stat],
    max_bytes: int = DEFAULT_MAX_BYTES,
    published_from: date | None = None,
    published_to: date | None = None,
    skeletons: dict[str, str] | None = None,
) -> Ingested:
    """Read ``todo``: the articles in the date range (the others are counted in
    ``out_of_range`` and read again by a run that wants them), the rejections, and the files
    taken whole (``files``: nothing refused, nothing left out), which later runs pass over."""
    articles, rejected = collect(todo, max_bytes, skeletons)
    kept = [a for a in articles if in_range(a.published_on, published_from, published_to)]
    left = {r.source for r in rejected if not r.loaded} | {a.source for a in articles} - {
        a.source for a in kept
    }
    left |= {s.rsplit(":", 1)[0] for s in left}  # "feed.jsonl:3" is a line of feed.jsonl
    taken = {source: stats[source] for _, source in todo if source not in left}
    return Ingested(kept, rejected, out_of_range=len(articles) - len(kept), files=taken)
