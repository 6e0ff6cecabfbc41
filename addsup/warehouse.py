"""The DuckDB warehouse: connection with lock waiting, DDL, idempotent batch loads.

Every load is one transaction: a batch lands whole or not at all. Data from Python
reaches SQL as registered Arrow/polars frames or bound parameters, never as text.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from addsup import reviews
from addsup.articles import Rejected
from addsup.ddl import apply_schema
from addsup.extract import EXTRACTOR_VERSION
from addsup.frames import QUARANTINE_SCHEMA
from addsup.paths import DEFAULT_WAREHOUSE  # noqa: F401  (re-exported)

CORE_TABLES = frozenset(
    {
        "articles",
        "article_sources",
        "sentences",
        "figures",
        "relations",
        "runs",
        "check_results",
        "quarantine",
        "current_articles",
    }
)


# DuckDB's buffer manager may hold this much (its own default is 80 % of the machine's RAM):
# past it, large sorts, joins and aggregates spill to ``<warehouse>.tmp``. The environment
# variable overrides it for every process that opens the warehouse (flows, CLI, bench).
MEMORY_LIMIT_ENV = "ADDSUP_DUCKDB_MEMORY_LIMIT"
DEFAULT_MEMORY_LIMIT = "2GB"


def memory_limit() -> str:
    return os.environ.get(MEMORY_LIMIT_ENV, "").strip() or DEFAULT_MEMORY_LIMIT


# DuckDB writes the write-ahead log into the database file (a checkpoint) once the log passes
# this size. Its default, 16 MB, checkpoints after nearly every batch of a large load, and a
# checkpoint's cost grows with the tables: 30 of 75 s of loading 100,000 articles. Changes
# not checkpointed yet stay in memory: at 1 GB a million-article load left validation short
# of memory under the 2 GB limit, so a streamed load also checkpoints when it ends. The log
# is replayed after a crash either way.
CHECKPOINT_THRESHOLD = "256MB"


def _config() -> dict[str, str]:
    return {"memory_limit": memory_limit(), "checkpoint_threshold": CHECKPOINT_THRESHOLD}


class WarehouseBusy(RuntimeError):
    """Another process holds the warehouse's write lock for longer than we waited."""


class WarehouseDamaged(RuntimeError):
    """The warehouse file is not a DuckDB database, or is damaged; the message says how to
    recover (the warehouse holds only what runs derive: ``addsup rebuild`` re-creates it)."""


# what DuckDB says of a file that is not a database, cut short, or scribbled over
_DAMAGE = (
    "not a valid duckdb database",
    "corrupt database",
    "could not read enough bytes",
    "checksum",
    "invalid database",
    "not a duckdb",
)


class WarehouseFull(RuntimeError):
    """The disk that holds the warehouse is full; what was committed before is kept."""


def disk_full(path: str | Path, err: BaseException) -> WarehouseFull | None:
    """The clear error for ``err`` when it says the warehouse's disk is full, else None."""
    if not isinstance(err, duckdb.Error | OSError) or "no space left" not in str(err).lower():
        return None
    return WarehouseFull(
        f"no space left on the disk that holds the warehouse {path}: the batches committed "
        f"before are kept, the one being written is not. Free some space (or set "
        f"ADDSUP_DUCKDB_MEMORY_LIMIT lower, so that less spills to {path}.tmp) and run again."
    )


def clear_error(path: str | Path, err: BaseException) -> RuntimeError | None:
    """``err`` said in words a person can act on, when it is about the warehouse file."""
    return damaged(path, err) or disk_full(path, err)


def damaged(path: str | Path, err: BaseException) -> WarehouseDamaged | None:
    """The clear error for ``err`` when it says the warehouse file is damaged, else None."""
    text = str(err)
    if not isinstance(err, duckdb.Error) or not any(m in text.lower() for m in _DAMAGE):
        return None
    first = text.splitlines()[0] if text else type(err).__name__
    return WarehouseDamaged(
        f"the warehouse {path} is not a DuckDB database or is damaged ({first}). It holds only "
        f"what runs derive from the articles, tables and reference data: run "
        f"`addsup rebuild --warehouse {path}` to set it aside and make it again."
    )


def sql(name: str) -> str:
    """The text of ``addsup/sql/<name>.sql``."""
    return resources.files("addsup.sql").joinpath(f"{name}.sql").read_text(encoding="utf-8")


def connect(
    path: str | Path = DEFAULT_WAREHOUSE, *, timeout: float = 120.0
) -> duckdb.DuckDBPyConnection:
    """Open (creating if needed) the warehouse, waiting up to ``timeout`` s for another writer."""
    target = str(path)
    if target != ":memory:":
        Path(target).parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + timeout
    delay = 0.05
    while True:
        try:
            con = duckdb.connect(target, config=_config())
            break
        except duckdb.IOException as err:
            if "lock" not in str(err).lower():
                clear = clear_error(target, err)
                if clear:
                    raise clear from err
                raise
            if time.monotonic() >= deadline:
                raise WarehouseBusy(
                    f"the warehouse {target} is in use by another process "
                    f"(waited {timeout:.0f} s); try again when that run has finished"
                ) from err
            time.sleep(delay)
            delay = min(delay * 2, 1.0)
    try:
        apply_schema(con)
        unkey(con)
        reviews.sync(con)  # people's decisions, kept beside the warehouse (addsup/reviews.py)
    except duckdb.Error as err:
        con.close()
        clear = clear_error(target, err)
        if clear:
            raise clear from err
        raise
    return con


def set_aside(path: Path) -> Path | None:
    """Move a warehouse file (and its write-ahead log) out of the way, to
    ``<name>.damaged-<time>``; returns where it went (None when there was none)."""
    if not path.exists():
        return None
    aside = path.with_name(f"{path.name}.damaged-{time.strftime('%Y%m%dT%H%M%S')}")
    path.rename(aside)
    wal = path.with_name(path.name + ".wal")
    if wal.exists():
        wal.rename(aside.with_name(aside.name + ".wal"))
    return aside


def unkey(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Rebuild, without their primary key, the tables of extracted rows made with one by an
    older addsup (sql/tables/figures.sql says why), in one transaction; returns their names. A
    one-time copy: about 16 s for 16 million figures."""
    keyed = [name for (name,) in con.execute(sql("select_keyed_bulk_tables")).fetchall()]
    if not keyed:
        return []
    with transaction(con):
        for name in keyed:  # names from the fixed list of the query, never from input
            con.execute(f"ALTER TABLE {name} RENAME TO {name}__keyed")
        apply_schema(con, force=True)
        for name in keyed:
            con.execute(f"INSERT INTO {name} BY NAME SELECT * FROM {name}__keyed")
            con.execute(f"DROP TABLE {name}__keyed")
    return keyed


@contextmanager
def warehouse(
    path: str | Path = DEFAULT_WAREHOUSE, *, timeout: float = 120.0
) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection for the block; an error about the warehouse file (damaged, disk full)
    leaves it as ``WarehouseDamaged`` / ``WarehouseFull``, which say what to do."""
    con = connect(path, timeout=timeout)
    try:
        yield con
    except (duckdb.Error, OSError) as err:
        clear = clear_error(path, err)
        if clear:
            raise clear from err
        raise
    finally:
        with suppress(duckdb.Error):  # a connection the error invalidated
            con.close()


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    con.execute("BEGIN TRANSACTION")
    try:
        yield
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


@contextmanager
def registered(con: duckdb.DuckDBPyConnection, frames: dict[str, pl.DataFrame]) -> Iterator[None]:
    """Make polars frames visible to SQL by name; use outside ``transaction`` so a
    rollback happens before they are unregistered."""
    for name, frame in frames.items():
        con.register(name, frame)
    try:
        yield
    finally:
        for name in frames:
            con.unregister(name)


def extracted_ids(con: duckdb.DuckDBPyConnection, version: str = EXTRACTOR_VERSION) -> set[str]:
    """Ids of articles already extracted by this extractor version."""
    return {row[0] for row in con.execute(sql("select_extracted_ids"), [version]).fetchall()}


def extracted_of_sources(
    con: duckdb.DuckDBPyConnection, sources: list[str], version: str = EXTRACTOR_VERSION
) -> frozenset[str]:
    """Ids of the articles, extracted already by this extractor version, that the files
    ``sources`` held when they were last read: a file read again whose text is as it was
    need not be extracted again."""
    if not sources:
        return frozenset()
    rows = con.execute(sql("select_extracted_of_sources"), [version, sources]).fetchall()
    return frozenset(row[0] for row in rows)


@dataclass(frozen=True)
class LoadStats:
    articles_seen: int
    articles_new: int
    articles_extracted: int
    figures_loaded: int
    relations_loaded: int


def load_frames(
    con: duckdb.DuckDBPyConnection, frames: dict[str, pl.DataFrame], run_id: str
) -> LoadStats:
    """Load ``article_frames`` and ``extraction_frames`` in one transaction; re-loading
    changes nothing. The frames may come from other processes or machines."""
    before = con.execute("SELECT count(*) FROM articles").fetchall()[0][0]
    with registered(con, frames), transaction(con):
        con.execute(sql("insert_articles"), [run_id])
        con.execute(sql("upsert_article_sources"))
        # rows to replace only when an article was extracted before (by any version): a
        # batch of new articles skips three scans of the largest tables
        if con.execute(sql("count_extracted_before")).fetchall()[0][0]:
            for step in ("delete_relations", "delete_figures", "delete_sentences"):
                con.execute(sql(step))
        for step in ("insert_sentences", "insert_figures", "insert_relations"):
            con.execute(sql(step))
        con.execute(sql("mark_extracted"), [EXTRACTOR_VERSION])
    after = con.execute("SELECT count(*) FROM articles").fetchall()[0][0]
    return LoadStats(
        articles_seen=frames["batch_articles"].height,
        articles_new=after - before,
        articles_extracted=frames["batch_extracted"].height,
        figures_loaded=frames["batch_figures"].height,
        relations_loaded=frames["batch_relations"].height,
    )


def load_quarantine(
    con: duckdb.DuckDBPyConnection, rejected: Iterable[Rejected], run_id: str
) -> int:
    """Record rejected inputs (and inputs loaded with a warning); returns how many."""
    rows = [(r.source, r.reason, r.content_hash, r.detail, r.loaded) for r in rejected]
    frame = pl.DataFrame(rows, schema=QUARANTINE_SCHEMA, orient="row").unique(
        subset=["source", "reason", "content_hash"], keep="first"
    )
    with registered(con, {"batch_quarantine": frame}), transaction(con):
        con.execute(sql("upsert_quarantine"), [run_id, run_id])
    return frame.height


def start_run(con: duckdb.DuckDBPyConnection, run_id: str, params: dict[str, Any]) -> None:
    con.execute(sql("insert_run"), [run_id, json.dumps(params, default=str)])


def finish_run(
    con: duckdb.DuckDBPyConnection, run_id: str, status: str, counts: dict[str, int]
) -> None:
    con.execute(
        sql("finish_run"),
        [
            status,
            counts.get("articles_seen"),
            counts.get("articles_new"),
            counts.get("figures_total"),
            counts.get("checks_run"),
            counts.get("failures"),
            counts.get("quarantined"),
            counts.get("errors"),
            counts.get("warnings"),
            run_id,
        ],
    )


def fail_run(con: duckdb.DuckDBPyConnection, run_id: str) -> None:
    """Mark a run that stopped before it finished (a finished run keeps its status)."""
    con.execute(sql("fail_run"), [run_id])


def fail_abandoned_runs(con: duckdb.DuckDBPyConnection, run_id: str) -> list[str]:
    """Mark failed the runs still marked running, other than ``run_id`` (which holds the
    writer lock, so no other run is alive); their ids."""
    return [r[0] for r in con.execute(sql("fail_abandoned_runs"), [run_id]).fetchall()]


def ended_runs(
    con: duckdb.DuckDBPyConnection, at_least: float = 0.0, limit: int = 20
) -> dict[str, str]:
    """The last ``limit`` runs that ended ``at_least`` seconds ago or more, or whose end their
    Prefect server did not hear: run id -> status."""
    return dict(con.execute(sql("select_ended_runs"), [at_least, limit]).fetchall())


def mark_unreported(con: duckdb.DuckDBPyConnection, run_id: str) -> None:
    """Record that the Prefect server did not hear how ``run_id`` ended."""
    con.execute(sql("mark_run_unreported"), [run_id])


def current_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    articles, figures, relations = con.execute(sql("count_current")).fetchall()[0]
    return {"articles": articles, "figures": figures, "relations": relations}
