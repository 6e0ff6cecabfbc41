"""What a scheduled job nobody watches must survive: bad input, kill -9 in the middle of a
load, and two runs at once. See docs/reliability.md."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb

from addsup import pipeline as steps
from addsup.extract import EXTRACTOR_VERSION
from addsup.warehouse import connect
from tests.conftest import (
    ROOT,
    SAMPLE_ARTICLES,
    SAMPLE_REFERENCE,
    SAMPLE_TABLES,
    check_run,
    planted,
)

BAD = ROOT / "tests" / "bad_inputs"


def test_bad_inputs_never_crash_a_run_and_nothing_is_dropped(prefect_server, tmp_path):
    from addsup_flows.pipeline import pipeline

    articles = tmp_path / "articles"
    shutil.copytree(BAD / "articles", articles)
    (articles / "too-large.txt").write_text(
        "date 2023-01-01 Big\n\n" + "Exports rose 5 percent. " * 400
    )
    tables = tmp_path / "tables"  # the bad tables, with the shipped contract of trade_by_partner
    shutil.copytree(BAD / "tables", tables)
    shutil.copy(SAMPLE_TABLES / "trade_by_partner.toml", tables)
    result = pipeline(
        articles_dir=str(articles),
        tables_dir=str(tables),
        warehouse_path=str(tmp_path / "w.duckdb"),
        reports_dir=str(tmp_path / "reports"),
        reference_dir=str(SAMPLE_REFERENCE),
        max_bytes=5_000,
    )
    data = json.loads(
        (tmp_path / "reports" / "runs" / result["run_id"] / "results.json").read_text()
    )
    assert data["run"]["status"] == "completed"

    reasons = {(q["source"], q["reason"]) for q in data["quarantine"]}
    assert reasons >= {
        ("empty.txt", "empty"),
        ("blank.md", "empty"),
        ("binary.txt", "binary"),
        ("image.png", "unsupported_type"),
        ("header-only.txt", "empty"),
        ("too-large.txt", "too_large"),
        ("latin1.txt", "invalid_utf8"),
        ("no-date.txt", "no_date"),
        ("bad-date.md", "bad_date"),
        ("malformed.jsonl:2", "bad_json"),
        ("malformed.jsonl:3", "no_text"),
        ("malformed.jsonl:4", "no_text"),
        ("duplicate-b.txt", "duplicate"),
        ("near-duplicate.txt", "near_duplicate"),
        ("tables/unknown.csv", "no_schema"),
        ("tables/expo_editions.csv", "missing_columns"),
        ("tables/trade_by_partner.csv:3", "bad_value"),
        ("tables/trade_by_partner.csv:4", "bad_value"),
        ("tables/trade_by_partner.csv", "extra_columns"),
    }
    # nothing silently dropped: every input file is an article source or quarantined
    con = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
    try:
        loaded = {
            r[0].split(":")[0] for r in con.execute("SELECT source FROM article_sources").fetchall()
        }
    finally:
        con.close()
    quarantined = {q["source"].split(":")[0] for q in data["quarantine"]}
    assert {p.name for p in articles.iterdir()} <= loaded | quarantined
    # absurd numbers are loaded with a warning, not dropped
    warnings = {f["message"] for f in data["findings"] if f["check"] == "figure_schema"}
    assert any("10^30 dollars" in m and "magnitude_is_plausible" in m for m in warnings)
    assert any("1e400 dollars" in m for m in warnings)
    assert any("'-5'" in m and "counts_are_not_negative" in m for m in warnings)
    # the report shows it all, and article markup stays text
    html = (tmp_path / "reports" / "latest.html").read_text()
    assert "<script>" not in html and "too-large.txt" in html


def _make_batch(folder: Path, n: int) -> None:
    """n distinct articles built from the sample corpus (numbers varied, so no duplicates)."""
    folder.mkdir()
    texts = [p.read_text() for p in sorted(SAMPLE_ARTICLES.glob("*.txt"))]
    for i in range(n):
        text = texts[i % len(texts)]
        (folder / f"a{i:05d}.txt").write_text(
            f"{text.rstrip()}\n\nThis is copy {i} of the story.\n"
        )


LOADER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from addsup import pipeline as steps
    from addsup.warehouse import warehouse
    articles, db = Path(sys.argv[1]), sys.argv[2]
    ingested = steps.ingest(articles)
    with warehouse(db) as con:
        todo = steps.pending(con, ingested.articles)
        extractions = steps.extract(todo)
        print("loading", flush=True)
        steps.load(con, ingested, extractions, "r")
        print("loaded", flush=True)
    print("done", flush=True)
""")


def _invariants(db: Path, n: int) -> int:
    con = connect(db)  # recovers the write-ahead log of the killed process
    try:
        q = lambda sql: con.execute(sql).fetchall()[0][0]  # noqa: E731
        articles = q("SELECT count(*) FROM articles")
        assert articles in (0, n), f"a partial batch: {articles} of {n} articles"
        assert (
            q(
                "SELECT count(*) FROM figures WHERE article_id NOT IN (SELECT article_id FROM articles)"
            )
            == 0
        )
        assert q("SELECT count(*) FROM articles WHERE extractor_version IS NULL") == 0
        assert (
            q(
                f"SELECT count(*) FROM articles WHERE extractor_version = '{EXTRACTOR_VERSION}' "
                "AND article_id NOT IN (SELECT article_id FROM sentences)"
            )
            == 0
        )
        assert q("SELECT count(*) FROM article_sources") == articles
        return articles
    finally:
        con.close()


def _tables(db: Path) -> dict:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            t: con.execute(f"SELECT * EXCLUDE ({x}) FROM {t} ORDER BY ALL").fetchall()
            if x
            else con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall()
            for t, x in (
                ("articles", "ingested_at, first_run_id"),
                ("figures", ""),
                ("relations", ""),
                ("sentences", ""),
                ("article_sources", "seen_at"),
            )
        }
    finally:
        con.close()


def _start_loader(batch: Path, db: Path) -> subprocess.Popen:
    """A process loading the batch, returned once it has started the load step."""
    proc = subprocess.Popen(
        [sys.executable, "-c", LOADER, str(batch), str(db)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert proc.stdout.readline().strip() == "loading"
    return proc


def _load(batch: Path, db: Path) -> float:
    """Load the batch in a process of its own; return how long the load step took."""
    proc = _start_loader(batch, db)
    start = time.monotonic()
    assert proc.stdout.readline().strip() == "loaded"
    seconds = time.monotonic() - start
    assert proc.stdout.readline().strip() == "done"
    proc.wait()
    return seconds


def test_kill_9_in_the_middle_of_a_load_leaves_no_partial_batch(tmp_path):
    batch = tmp_path / "batch"
    _make_batch(batch, 2000)
    n = len(steps.ingest(batch).articles)
    assert n == 2000
    clean = tmp_path / "clean.duckdb"
    load_seconds = _load(batch, clean)
    rng = random.Random(20261122)
    db = tmp_path / "w0.duckdb"
    killed_inside = 0
    for attempt in range(6):
        proc = _start_loader(batch, db)
        time.sleep(rng.uniform(0.0, 1.1 * load_seconds))  # mostly inside, sometimes just after
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if _invariants(db, n) == 0:
            killed_inside += 1
        else:  # the kill came after the commit: take a fresh warehouse for the next one
            db = tmp_path / f"w{attempt + 1}.duckdb"
    assert killed_inside >= 2, (
        f"only {killed_inside} of 6 kills landed inside a {load_seconds:.2f} s load"
    )
    # the next run completes the batch, and ends where a clean load ends
    _load(batch, db)
    assert _invariants(db, n) == n
    assert _tables(db) == _tables(clean)


def test_two_runs_at_once_never_corrupt_the_warehouse(prefect_server, tmp_path):
    from prefect.settings import get_current_settings

    articles = tmp_path / "articles"
    shutil.copytree(SAMPLE_ARTICLES, articles)
    env = dict(os.environ, PREFECT_API_URL=get_current_settings().api.url)
    cmd = [
        str(Path(sys.executable).with_name("addsup")),
        "run",
        "--articles",
        str(articles),
        "--tables",
        str(SAMPLE_TABLES),
        "--reference",
        str(SAMPLE_REFERENCE),
        "--warehouse",
        str(tmp_path / "w.duckdb"),
        "--reports",
        str(tmp_path / "reports"),
    ]
    procs = [
        subprocess.Popen(
            cmd, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        for _ in range(2)
    ]
    outputs = [p.communicate(timeout=300)[0] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs

    con = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
    try:
        runs = con.execute(
            "SELECT status, errors, started_at, finished_at FROM runs ORDER BY started_at"
        ).fetchall()
        articles_n = con.execute("SELECT count(*) FROM articles").fetchall()[0][0]
    finally:
        con.close()
    assert [(s, e) for s, e, _, _ in runs] == [("completed", len(planted()))] * 2
    assert runs[1][2] >= runs[0][3], "the second run started before the first finished"
    assert articles_n == len(steps.ingest(articles).articles)
    # and the data equal those of one run alone
    single = tmp_path / "single.duckdb"
    with connect(single) as con:
        check_run(con, articles, "solo", SAMPLE_TABLES, SAMPLE_REFERENCE)
    assert _tables(tmp_path / "w.duckdb") == _tables(single)
