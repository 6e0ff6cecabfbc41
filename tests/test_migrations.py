"""An old warehouse reaches the shape of a fresh one (addsup/sql/migrations/ on connect)."""

import re
from pathlib import Path

import duckdb

from addsup import pipeline as steps
from addsup.ddl import applied_digest, schema_digest, view_statements
from addsup.warehouse import connect

SQL = Path(__file__).resolve().parents[1] / "addsup" / "sql"
ADDED = re.compile(r"ALTER TABLE (\w+) ADD COLUMN IF NOT EXISTS (\w+)")
NULLABLE = re.compile(r"ALTER TABLE (\w+) ALTER COLUMN (\w+) DROP NOT NULL")


def _unordered(sql: str) -> str:
    """DuckDB writes a view read back from the file with its EXCLUDE lists in another order
    than the view it just made: the same view, so the lists are compared sorted."""
    return re.sub(
        r"EXCLUDE \(([^)]*)\)", lambda m: f"EXCLUDE ({', '.join(sorted(m[1].split(', ')))})", sql
    )


def _shape(con) -> dict[str, list]:
    """Every column (its place, type, NULL or not, default), constraint, view and macro."""
    return {
        "columns": con.execute(
            "SELECT table_name, column_index, column_name, data_type, is_nullable, column_default "
            "FROM duckdb_columns() WHERE NOT internal ORDER BY ALL"
        ).fetchall(),
        "constraints": con.execute(
            "SELECT table_name, constraint_type, constraint_text FROM duckdb_constraints() "
            "ORDER BY ALL"
        ).fetchall(),
        "views": [
            (name, _unordered(sql))
            for name, sql in con.execute(
                "SELECT view_name, sql FROM duckdb_views() WHERE NOT internal ORDER BY ALL"
            ).fetchall()
        ],
        "macros": [
            (name, _unordered(sql))
            for name, sql in con.execute(
                "SELECT function_name, macro_definition FROM duckdb_functions() "
                "WHERE NOT internal AND function_type LIKE '%macro' ORDER BY ALL"
            ).fetchall()
        ],
    }


def _undo(migration: str) -> str:
    """The statement that takes a fresh warehouse back to before ``migration``."""
    text = re.sub(r"--[^\n]*", "", migration)
    if found := ADDED.search(text):
        return f"ALTER TABLE {found[1]} DROP COLUMN {found[2]}"
    if found := NULLABLE.search(text):
        return f"ALTER TABLE {found[1]} ALTER COLUMN {found[2]} SET NOT NULL"
    raise AssertionError(f"a migration this test cannot undo: {migration!r}")


def _oldest(path: Path) -> None:
    """A warehouse with the tables as the first version made them: the tables of now
    without what every migration added, with a run and a finding in it."""
    con = duckdb.connect(str(path))
    for table in sorted((SQL / "tables").glob("*.sql")):
        con.execute(table.read_text())
    for migration in sorted((SQL / "migrations").glob("*.sql"), reverse=True):
        con.execute(_undo(migration.read_text()))
    con.execute("INSERT INTO runs (run_id, started_at, status) VALUES ('old', now(), 'completed')")
    con.execute(
        "INSERT INTO check_results (run_id, check_name, severity, status, subject, message) "
        "VALUES ('old', 'share_of', 'error', 'fail', 'r1', 'it does not add up')"
    )
    con.close()


def test_an_old_warehouse_ends_like_a_fresh_one(tmp_path, articles_dir):
    with connect(tmp_path / "fresh.duckdb") as con:
        fresh = _shape(con)
    old = tmp_path / "old.duckdb"
    _oldest(old)
    with duckdb.connect(str(old)) as con:
        assert len(_shape(con)["columns"]) < len(fresh["columns"])
    with connect(old) as con:
        assert _shape(con) == fresh
        assert con.execute("SELECT run_id, unreported, seq FROM runs").fetchall() == [
            ("old", False, None)
        ]
        assert con.execute("SELECT subject, message FROM check_results").fetchall() == [
            ("r1", "it does not add up")
        ]
        ingested = steps.ingest(articles_dir)
        steps.load(con, ingested, steps.extract(ingested.articles), "r1")
        assert steps.validate(con, "r1")  # the views read the migrated tables


def test_connecting_again_changes_nothing(tmp_path):
    with connect(tmp_path / "w.duckdb") as con:
        first = _shape(con)
    with connect(tmp_path / "w.duckdb") as con:
        assert _shape(con) == first


def test_each_view_is_made_after_the_views_and_macros_it_reads():
    made = [re.search(r"(?:VIEW|MACRO) (\w+)", s)[1] for s in view_statements()]
    assert len(made) == len(set(made))
    for before, after in [
        ("current_articles", "check_share_of"),
        ("share_implied", "check_share_of"),
        ("check_share_of", "derived_figures"),
        ("check_growth", "derived_figures"),
        ("check_pp_difference", "derived_figures"),
        ("derived_figures", "check_reference"),
        ("derived_figures", "check_agreement"),
        ("run_findings", "finding_keys"),
        ("finding_keys", "new_failures"),
        ("latest_reviews", "reviewed_findings"),
    ]:
        assert made.index(before) < made.index(after), (before, after)


def test_the_schema_is_applied_once_and_again_after_another_version_made_the_views(tmp_path):
    db = tmp_path / "w.duckdb"
    current = next(s for s in view_statements() if re.search(r"VIEW current_articles\b", s))

    def views(con) -> set[str]:
        return {name for name, _ in _shape(con)["views"]}

    with connect(db) as con:
        assert applied_digest(con) == schema_digest()
        con.execute("DROP VIEW check_growth")  # a view this addsup makes
    with connect(db) as con:  # applied already: nothing is made again
        assert "check_growth" not in views(con)
        con.execute(current)  # as an addsup that keeps no digest does on every connect
        assert applied_digest(con) is None
    with connect(db) as con:  # made by another version: made again
        assert "check_growth" in views(con)
        assert applied_digest(con) == schema_digest()
