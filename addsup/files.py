"""Listing an articles folder: every file's size and modification time, which tell a run
the files it has read before from the ones it must read (``addsup.ingest.plan``).

A run with nothing new spends most of its time here. A stat is a system call, about 3
microseconds a file on this machine, so a million files take about 3 s: the names come from
one ``os.scandir`` pass (the folder entries say which are files, no stat), then each file is
stat'ed by name relative to its open folder (no path walk). Threads do not help: on two cores
they took twice as long, waiting on the interpreter lock between calls.
"""

from __future__ import annotations

import os
from pathlib import Path

import polars as pl

FILE_SCHEMA = {"source": pl.String, "size": pl.Int64, "mtime_ns": pl.Int64}


def _folders(directory: Path) -> list[tuple[str, str, list[str]]]:
    """``(folder, prefix, file names)`` of ``directory`` and every folder below it: the
    source of a file is ``prefix + name``. Dot-files and dot-folders are skipped, folder
    links not followed (as ``os.walk``)."""
    found: list[tuple[str, str, list[str]]] = []
    todo = [(str(directory), "")]
    while todo:
        folder, prefix = todo.pop()
        names: list[str] = []
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                if entry.is_dir(follow_symlinks=False):
                    todo.append((entry.path, f"{prefix}{entry.name}/"))
                elif entry.is_file():
                    names.append(entry.name)
        found.append((folder, prefix, names))
    return found


def _stat_into(folder: str, names: list[str], sizes: list[int], mtimes: list[int]) -> None:
    """Append size and mtime_ns of each file of ``folder``; -1 for one gone since listed."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        stat = os.stat
        for name in names:
            try:
                st = stat(name, dir_fd=fd)
            except FileNotFoundError:
                sizes.append(-1)
                mtimes.append(-1)
                continue
            sizes.append(st.st_size)
            mtimes.append(st.st_mtime_ns)
    finally:
        os.close(fd)


def scan_files(directory: Path, sort: bool = True) -> pl.DataFrame:
    """``source``, ``size`` and ``mtime_ns`` of every file below ``directory`` (the file is
    ``directory / source``), sorted by source unless ``sort`` is false (``plan`` sorts the
    few it keeps). Dot-files and dot-folders are skipped, and a file removed while the
    folder is listed is left out. Columns: a million files take about 40 MB as a frame,
    against 600 MB as path objects and tuples."""
    sources: list[str] = []
    sizes: list[int] = []
    mtimes: list[int] = []
    for folder, prefix, names in _folders(directory):
        sources.extend([prefix + name for name in names] if prefix else names)
        _stat_into(folder, names, sizes, mtimes)
    frame = pl.DataFrame({"source": sources, "size": sizes, "mtime_ns": mtimes}, FILE_SCHEMA)
    frame = frame.filter(pl.col("size") >= 0)
    return frame.sort("source") if sort else frame  # UTF-8 byte order: Python's str order


def article_files(directory: Path) -> list[tuple[Path, str]]:
    """``(path, source)`` of every file below ``directory``, sorted by source (``scan_files``)."""
    return [(directory / source, source) for source in scan_files(directory)["source"]]
