"""The columns of each table, read from its CREATE TABLE (addsup/columns.py), and what takes
its columns from there: the frames a load takes and the figure schema."""

import re

import duckdb
import polars as pl
import pytest

from addsup import columns
from addsup.frames import (
    ARTICLE_SCHEMA,
    FIGURE_SCHEMA,
    QUARANTINE_SCHEMA,
    RELATION_SCHEMA,
    SENTENCE_SCHEMA,
    extraction_frames,
)
from addsup.warehouse import connect
from addsup_schemas import FigureSchema
from tests.conftest import ROOT


@pytest.mark.parametrize("table", columns.tables())
def test_the_columns_read_are_those_duckdb_makes(table):
    con = duckdb.connect()
    con.execute(columns.table_statement(table))
    made = con.execute(
        "SELECT column_name, data_type, is_nullable, column_default FROM duckdb_columns() "
        "WHERE table_name = ? ORDER BY column_index",
        [table],
    ).fetchall()
    assert [(c.name, c.sql_type, c.nullable, c.default) for c in columns.columns(table)] == made
    for c in columns.columns(table):
        assert c.dtype is not None  # every type has its polars type


def test_a_statement_that_makes_no_table_is_refused():
    with pytest.raises(ValueError, match="not a CREATE TABLE"):
        columns.parse("CREATE OR REPLACE VIEW v AS SELECT 1;")
    with pytest.raises(ValueError, match="no columns"):
        columns.frame_schema("figures", ("no_such_column",))


def test_each_frame_has_the_columns_of_its_table():
    assert list(FIGURE_SCHEMA) == list(columns.names("figures"))
    assert list(RELATION_SCHEMA) == list(columns.names("relations"))
    assert list(SENTENCE_SCHEMA) == list(columns.names("sentences"))
    # the load's SQL fills in the rest
    assert list(ARTICLE_SCHEMA) == list(columns.names("articles"))[:8]
    assert list(QUARANTINE_SCHEMA) == list(columns.names("quarantine"))[:5]
    assert FIGURE_SCHEMA["value_upper"] == pl.Float64
    assert RELATION_SCHEMA["members"] == pl.List(pl.String)


def test_a_figure_row_holds_each_attribute_under_its_column():
    from addsup.extract import extract

    x = extract("Exports rose 5 to 7 percent to $1.2 billion in 2023.", None)
    row = extraction_frames({"a" * 16: x})["batch_figures"].row(0, named=True)
    first = x.figures[0]
    assert row["figure_id"] == f"{'a' * 16}:{first.start}"
    assert (row["start_char"], row["end_char"], row["surface"]) == (
        first.start,
        first.end,
        first.surface,
    )
    assert (row["value"], row["value_upper"], row["qualifier"]) == (5.0, 7.0, "range")


def test_the_figure_schema_has_the_columns_of_the_table():
    schema = FigureSchema.columns
    assert list(schema) == list(columns.names("figures"))
    for c in columns.columns("figures"):
        assert schema[c.name].nullable == c.nullable, c.name
        assert schema[c.name].dtype.type == c.dtype, c.name


def _sections(text: str) -> dict[str, str]:
    """The text under each `### `name`` heading of a page."""
    out: dict[str, str] = {}
    for part in re.split(r"^### ", text, flags=re.MULTILINE)[1:]:
        heading, _, body = part.partition("\n")
        found = re.match(r"`(\w+)`", heading)
        if found:
            out[found.group(1)] = re.split(r"^##", body, flags=re.MULTILINE)[0]
    return out


def test_the_data_model_names_every_column_of_every_table_and_every_view():
    text = (ROOT / "docs" / "data-model.md").read_text(encoding="utf-8")
    sections = _sections(text)
    for table in columns.tables():
        assert table in sections, f"docs/data-model.md has no section on {table}"
        unnamed = [c for c in columns.names(table) if f"`{c}`" not in sections[table]]
        assert not unnamed, f"docs/data-model.md does not name {table}.{unnamed}"
    con = connect(":memory:")
    made = con.execute(
        "SELECT view_name FROM duckdb_views() WHERE NOT internal UNION "
        "SELECT function_name FROM duckdb_functions() "
        "WHERE NOT internal AND function_type LIKE '%macro'"
    ).fetchall()
    unnamed = [name for (name,) in made if f"`{name}" not in text and not name.startswith("check_")]
    assert not unnamed, f"docs/data-model.md does not name {unnamed}"


def test_addsup_extract_reports_columns_of_the_figures_table(tmp_path):
    """`addsup extract` keeps the names of its contract (docs/contracts.md) where they differ
    from the table's; every other key is a column of `figures`."""
    from addsup.cli.inputs import figure_records

    path = tmp_path / "a.txt"
    path.write_text("Exports rose 5 percent to $1.2 billion in 2023.\n", encoding="utf-8")
    records, _ = figure_records(path)
    contract = {"start": "start_char", "end": "end_char", "sentence": "sentence_no"}
    keys = set(records[0]) - {"article", "line"}
    assert {contract.get(k, k) for k in keys} <= set(columns.names("figures"))


def test_a_relation_row_holds_each_field_under_its_column():
    from addsup.extract import extract

    x = extract(
        "Exports of $30 billion accounted for 40 percent of its trade of $75 billion.", None
    )
    (r,) = [r for r in x.relations if r.kind == "share_of"]
    row = extraction_frames({"a" * 16: x})["batch_relations"].row(0, named=True)
    assert (row["kind"], row["cues"], row["metric"]) == ("share_of", r.cues, r.metric)
    assert row["cues"] and row["readings"] == r.readings
