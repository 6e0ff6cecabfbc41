"""What a run reads: the files below an articles folder that changed since they were last
read in full (``plan``), read into articles and rejections (``read``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from addsup import incremental
from addsup.articles import DEFAULT_MAX_BYTES, Article, Rejected, collect, scan_files


@dataclass
class Ingested:
    articles: list[Article]
    rejected: list[Rejected] = field(default_factory=list)
    out_of_range: int = 0
    unchanged: int = 0  # files passed over: as they were when last read in full
    files: dict[str, incremental.Stat] = field(default_factory=dict)  # read in full now


@dataclass
class Plan:
    """The files a run reads (``todo``, with their size and mtime) and how many it passes over."""

    todo: list[tuple[Path, str]]
    stats: dict[str, incremental.Stat]
    unchanged: int


def in_range(published_on: date | None, start: date | None, end: date | None) -> bool:
    """Whether an article belongs to the date range; undated ones only when there is none."""
    if start is None and end is None:
        return True
    if published_on is None:
        return False
    return (start is None or published_on >= start) and (end is None or published_on <= end)


def plan(articles_dir: Path, known: dict[str, incremental.Stat] | None = None) -> Plan:
    """Every file below ``articles_dir`` but those whose size and modification time are as
    ``known`` records them (``incremental.known_files``): their articles are loaded already."""
    if not articles_dir.is_dir():
        raise FileNotFoundError(f"articles folder {articles_dir} does not exist")
    files = scan_files(articles_dir)
    known = known or {}
    todo = [(path, source, stat) for path, source, stat in files if known.get(source) != stat]
    return Plan(
        [(Path(path), source) for path, source, _ in todo],
        {source: stat for _, source, stat in todo},
        len(files) - len(todo),
    )


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
