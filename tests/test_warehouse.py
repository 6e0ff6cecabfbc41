import subprocess
import sys
import textwrap

import pytest

from addsup import pipeline as steps
from addsup.warehouse import WarehouseBusy, connect, current_counts

TABLES = ["articles", "article_sources", "sentences", "figures", "relations", "quarantine"]


def _snapshot(con):
    out = {}
    for table in TABLES:
        cols = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()]
        keep = [c for c in cols if c not in ("ingested_at", "seen_at")]
        out[table] = con.execute(f"SELECT {', '.join(keep)} FROM {table} ORDER BY ALL").fetchall()
    return out


def _load_dir(con, directory, run_id):
    ingested = steps.ingest(directory)
    extractions = steps.extract(steps.pending(con, ingested.articles))
    return steps.load(con, ingested, extractions, run_id)


def test_loading_twice_changes_nothing(con, articles_dir):
    first = _load_dir(con, articles_dir, "r1")
    before = _snapshot(con)
    second = _load_dir(con, articles_dir, "r2")
    assert first.articles_new == len(before["articles"]) >= 12
    assert second.articles_new == 0
    assert second.articles_extracted == 0  # nothing re-extracted
    assert _snapshot(con) == before


def test_an_edited_article_replaces_its_figures_and_keeps_history(con, articles_dir):
    _load_dir(con, articles_dir, "r1")
    path = articles_dir / "2023-08-28-japanese-booths.txt"
    path.write_text(path.read_text().replace("or 18 percent", "or 15 percent"))
    _load_dir(con, articles_dir, "r2")
    rows = con.execute(
        "SELECT a.article_id, a.article_id IN (SELECT article_id FROM current_articles) "
        "FROM articles a WHERE source = ? ORDER BY ingested_at",
        ["2023-08-28-japanese-booths.txt"],
    ).fetchall()
    assert [current for _, current in rows] == [False, True]  # old version kept, not current
    surfaces = {
        r[0]
        for r in con.execute(
            "SELECT surface FROM figures f JOIN current_articles a USING (article_id) WHERE a.source = ?",
            ["2023-08-28-japanese-booths.txt"],
        ).fetchall()
    }
    assert "15 percent" in surfaces and "18 percent" not in surfaces
    assert current_counts(con)["articles"] == len(list(articles_dir.iterdir())) + 1  # jsonl holds 2


def test_a_failed_batch_leaves_nothing_behind(con, articles_dir, monkeypatch):
    ingested = steps.ingest(articles_dir)
    extractions = steps.extract(ingested.articles)
    import addsup.warehouse as wh

    real_sql = wh.sql
    monkeypatch.setattr(
        wh,
        "sql",
        lambda name: "SELECT error('boom')" if name == "insert_relations" else real_sql(name),
    )
    with pytest.raises(Exception, match="boom"):
        steps.load(con, ingested, extractions, "r1")
    assert con.execute("SELECT count(*) FROM articles").fetchall() == [(0,)]
    assert con.execute("SELECT count(*) FROM figures").fetchall() == [(0,)]


def test_a_second_writer_waits_then_gives_a_clear_message(tmp_path):
    db = tmp_path / "w.duckdb"
    connect(db).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
            import duckdb, sys, time
            con = duckdb.connect({str(db)!r})
            print("locked", flush=True)
            time.sleep(30)
        """),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(WarehouseBusy, match="in use by another process"):
            connect(db, timeout=1.0)
    finally:
        holder.kill()
        holder.wait()
    connect(db, timeout=10).close()  # free again once the other process is gone
