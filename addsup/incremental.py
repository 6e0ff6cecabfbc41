"""Doing nothing twice.

* A file whose size and modification time are those recorded when it was last read in full
  is not read again (``known_files``, ``record_files``): its articles are in the warehouse.
* A run whose inputs are those of the last completed run (the same current articles and
  extractor, the same tables and reference files, the same check code) takes that run's
  findings instead of checking again (``inputs_digest``, ``reusable_run``, ``reuse``): it
  points to the run that holds them, and the ``run_findings`` view reads them for it.

Anything that changes one of these inputs makes the next run read and check again.
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib.util import find_spec
from pathlib import Path

import duckdb
import polars as pl

import addsup
from addsup.extract import EXTRACTOR_VERSION
from addsup.warehouse import registered, sql, transaction

Stat = tuple[int, int]  # size in bytes, modification time in nanoseconds
_PACKAGE = Path(addsup.__file__).resolve().parent
# the pandera models: the checkout's schemas/, installed as addsup_schemas (found, not imported)
_SCHEMAS = Path(str(find_spec("addsup_schemas").origin)).resolve().parent
_CHECK_CODE = [_PACKAGE / "sql", _PACKAGE / "checks", _SCHEMAS]


def known_files(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """The files read in full by earlier runs, as they were then: ``source``, ``size`` and
    ``mtime_ns`` (``ingest.plan`` compares them with the files as they are, in columns)."""
    return con.sql(sql("select_source_files")).pl()


def record_files(con: duckdb.DuckDBPyConnection, stats: dict[str, Stat]) -> None:
    """Remember files read in full (all their articles loaded, none refused)."""
    if not stats:
        return
    frame = pl.DataFrame(
        [(s, size, mtime) for s, (size, mtime) in stats.items()],
        schema={"source": pl.String, "size": pl.Int64, "mtime_ns": pl.Int64},
        orient="row",
    )
    with registered(con, {"batch_files": frame}), transaction(con):
        con.execute(sql("upsert_source_files"))


def forget_missing(con: duckdb.DuckDBPyConnection, listed: pl.Series | list[str]) -> None:
    """Forget the sources whose file is no longer in the articles folder (``listed``: every
    file in it now), in one transaction: a deleted article is no longer checked or reported,
    as a full run on a fresh warehouse would not see it."""
    frame = pl.DataFrame({"source": listed}, schema={"source": pl.String})
    with registered(con, {"listed_files": frame}), transaction(con):
        con.execute(sql("delete_missing_article_sources"))
        con.execute(sql("delete_missing_source_files"))


def _digest_files(h: hashlib._Hash, folder: Path) -> None:
    """Each file's name and bytes; bytecode caches are left out (they change with the
    interpreter, not with what a run checks)."""
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and not _bytecode(p)):
        h.update(path.relative_to(folder).as_posix().encode() + b"\0")
        h.update(hashlib.sha256(path.read_bytes()).digest())


def _bytecode(path: Path) -> bool:
    return path.suffix == ".pyc" or "__pycache__" in path.parts


@cache
def check_code_digest() -> str:
    """The check views, queries, schemas and check code: a change to any of them counts."""
    h = hashlib.sha256(f"{addsup.__version__}|{EXTRACTOR_VERSION}".encode())
    for folder in _CHECK_CODE:
        if folder.is_dir():
            _digest_files(h, folder)
    return h.hexdigest()


def folder_digest(folder: Path | None) -> str:
    """The digest of a folder's files (curated tables, reference data); None has its own."""
    h = hashlib.sha256((str(folder) if folder else "").encode())
    if folder is not None and folder.is_dir():
        _digest_files(h, folder)
    return h.hexdigest()


def inputs_digest(con: duckdb.DuckDBPyConnection, *folders: Path | None) -> str:
    """What a run's findings depend on: the current articles and what extracted them, the
    files of ``folders`` (curated tables, reference data), and the check code."""
    h = hashlib.sha256(check_code_digest().encode())
    h.update(con.execute(sql("select_current_digest")).fetchall()[0][0].encode())
    for folder in folders:
        h.update(b"|" + folder_digest(folder).encode())
    return h.hexdigest()


def reusable_run(con: duckdb.DuckDBPyConnection, run_id: str, digest: str) -> str | None:
    """The last completed run, if its inputs were exactly ``digest``."""
    rows = con.execute(sql("select_last_completed_run"), [run_id]).fetchall()
    return rows[0][0] if rows and rows[0][1] == digest else None


def reuse(con: duckdb.DuckDBPyConnection, run_id: str, previous: str, digest: str) -> str:
    """Give ``run_id`` the findings of ``previous``: nothing is checked or copied, the run
    points to the run that holds them (``run_findings`` resolves it). Returns that run."""
    holder = con.execute(sql("select_findings_run"), [previous]).fetchall()[0][0]
    con.execute(sql("set_run_inputs"), [digest, holder, run_id])
    return holder


def record_inputs(con: duckdb.DuckDBPyConnection, run_id: str, digest: str) -> None:
    con.execute(sql("set_run_inputs"), [digest, None, run_id])
