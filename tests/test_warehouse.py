import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from addsup import pipeline as steps
from addsup import warehouse
from addsup.warehouse import WarehouseBusy, connect, current_counts

TABLES_SQL = Path(__file__).resolve().parents[1] / "addsup" / "sql" / "tables"

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


KEYED = {
    "sentences": (
        "    end_char    INTEGER NOT NULL\n",
        "    end_char    INTEGER NOT NULL,\n    PRIMARY KEY (article_id, sentence_no)\n",
    ),
    "figures": ("figure_id        VARCHAR NOT NULL,", "figure_id VARCHAR PRIMARY KEY,"),
    "relations": ("relation_id VARCHAR NOT NULL,", "relation_id VARCHAR PRIMARY KEY,"),
}


def _keyed_tables(con) -> set[str]:
    return {
        name
        for (name,) in con.execute(
            "SELECT table_name FROM duckdb_constraints() WHERE constraint_type = 'PRIMARY KEY'"
        ).fetchall()
    }


def test_a_warehouse_made_with_keys_on_extracted_rows_loses_them_and_keeps_its_rows(
    tmp_path, articles_dir
):
    """Warehouses made before 0.9 had a primary key on sentences, figures and relations."""
    db = tmp_path / "old.duckdb"
    with connect(db) as con:
        _load_dir(con, articles_dir, "r1")
        before = _snapshot(con)
        for name in ("sentences", "figures", "relations"):
            ddl = (TABLES_SQL / f"{name}.sql").read_text()
            old, keyed = KEYED[name]
            assert old in ddl
            con.execute(f"ALTER TABLE {name} RENAME TO {name}_now")
            con.execute(ddl.replace(old, keyed))
            for column, kind in con.execute(
                f"SELECT column_name, data_type FROM duckdb_columns() "
                f"WHERE table_name = '{name}_now' AND column_name NOT IN "
                f"(SELECT column_name FROM duckdb_columns() WHERE table_name = '{name}')"
            ).fetchall():
                con.execute(f"ALTER TABLE {name} ADD COLUMN {column} {kind}")
            con.execute(f"INSERT INTO {name} BY NAME SELECT * FROM {name}_now")
            con.execute(f"DROP TABLE {name}_now")
        assert {"sentences", "figures", "relations"} <= _keyed_tables(con)
    with connect(db) as con:
        assert not {"sentences", "figures", "relations"} & _keyed_tables(con)
        assert "articles" in _keyed_tables(con)
        assert _snapshot(con) == before
        assert steps.validate(con, "r2")  # the check views read the rebuilt tables


def _made_and_cut(path, keep):
    """A real warehouse with rows, then cut to ``keep`` of its bytes."""
    con = warehouse.connect(path)
    con.execute(
        "CREATE TABLE filler AS SELECT range AS i, md5(range::VARCHAR) AS s FROM range(200000)"
    )
    con.close()
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])


@pytest.mark.parametrize("damage", ["not a database", "cut short"])
def test_a_damaged_warehouse_says_how_to_recover(tmp_path, damage):
    path = tmp_path / "warehouse.duckdb"
    if damage == "not a database":
        path.write_text("these are notes, not a database\n" * 200)
    else:
        _made_and_cut(path, 0.3)
    with pytest.raises(warehouse.WarehouseDamaged, match=r"addsup rebuild --warehouse") as err:
        con = warehouse.connect(path, timeout=1)
        con.execute("SELECT count(*), max(s) FROM filler").fetchall()  # pragma: no cover
    assert str(path) in str(err.value)


def test_a_warehouse_set_aside_keeps_its_log_beside_it(tmp_path):
    path = tmp_path / "warehouse.duckdb"
    path.write_text("damaged")
    path.with_name("warehouse.duckdb.wal").write_text("log")
    aside = warehouse.set_aside(path)
    assert not path.exists() and aside.read_text() == "damaged"
    assert aside.with_name(aside.name + ".wal").read_text() == "log"
    assert warehouse.set_aside(path) is None
    warehouse.connect(path).close()  # a new one opens in its place


def test_a_headline_is_stored_as_sentences_before_the_body(con, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    title = "Grain exports rise 6.5% to $1.2 bln"
    body = "Grain exports rose 6.5% to $1.2 billion in May. Wheat led the gains."
    (folder / "a.txt").write_text(f"date 2024-06-03 {title}\n\n{body}\n", encoding="utf-8")
    _load_dir(con, folder, "r1")
    ids = [r[0] for r in con.execute("SELECT article_id FROM articles").fetchall()]
    got = con.execute(warehouse.sql("select_article_sentences"), [ids]).fetchall()
    assert [(r[5], r[7]) for r in got] == [
        (-1, title),
        (0, "Grain exports rose 6.5% to $1.2 billion in May."),
        (1, "Wheat led the gains."),
    ]
    heads = con.execute(
        "SELECT surface FROM figures WHERE sentence_no < 0 ORDER BY start_char"
    ).fetchall()
    assert heads == [("6.5%",), ("$1.2 bln",)]
