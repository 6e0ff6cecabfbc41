"""Curated tables (addsup/tables.py): loading, quarantine, and the checks of their contract
or schema. The contract format itself is tested in tests/test_contracts.py."""

import shutil
from pathlib import Path

import pytest

from addsup.tables import load_tables
from addsup_schemas import TABLE_SCHEMAS
from tests.conftest import SAMPLE_TABLES

HEADER = "year,partner,exports_usd_bn,imports_usd_bn,total_usd_bn,source\n"


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(text)
    contract = SAMPLE_TABLES / name.replace(".csv", ".toml")
    if contract.is_file():  # a shipped table, with its contract beside it
        shutil.copy(contract, folder)
    return path


def test_bundled_tables_load_with_only_the_planted_failure(con, tables_dir):
    findings, rejected = load_tables(con, tables_dir, TABLE_SCHEMAS)
    assert rejected == []
    assert [(f.check, f.subject) for f in findings] == [
        ("trade_by_partner.sum", "tables/trade_by_partner.csv:9")
    ]
    assert (
        "line 9 (year=2023, partner=Mongolia): exports_usd_bn + imports_usd_bn = 24 "
        "(23.9 to 24.1), but total_usd_bn says 21 (20.95 to 21.05)"
    ) in findings[0].message
    assert con.execute("SELECT count(*) FROM trade_by_partner").fetchall() == [(8,)]
    assert con.execute("SELECT count(*) FROM expo_editions").fetchall() == [(2,)]


@pytest.mark.parametrize(
    ("exports", "imports", "total", "fails"),
    [
        ("10.0", "20.0", "30.0", False),
        ("10.0", "20.0", "30.1", False),  # within rounding: 29.9 to 30.1 against 30.05 to 30.15
        ("10.0", "20.0", "30.15", True),  # two decimals printed: 30.145 to 30.155
        ("10.0", "20.0", "30.2", True),
        ("10", "20", "31", False),  # whole numbers stand for more: 29 to 31 against 30.5 to 31.5
        ("10.0", "20.0", "31", True),  # the same values with a decimal printed: 29.9 to 30.1
        ("10.04", "20.04", "30.0", True),  # two decimals: 30.07 to 30.09 against 29.95 to 30.05
        ("10.04", "20.04", "30.1", False),
    ],
)
def test_sum_within_the_rounding_of_the_printed_digits(
    con, tmp_path, exports, imports, total, fails
):
    folder = tmp_path / "t"
    _write(folder, "trade_by_partner.csv", HEADER + f"2022,Japan,{exports},{imports},{total},x\n")
    findings, _ = load_tables(con, folder, TABLE_SCHEMAS)
    assert bool(findings) is fails


def test_missing_column_quarantines_the_file(con, tmp_path):
    folder = tmp_path / "t"
    _write(folder, "trade_by_partner.csv", "year,partner,exports_usd_bn\n2022,Japan,1.0\n")
    findings, rejected = load_tables(con, folder, TABLE_SCHEMAS)
    assert findings == []
    assert [(r.reason, r.loaded) for r in rejected] == [("missing_columns", False)]
    assert "imports_usd_bn" in rejected[0].detail


def test_bad_value_quarantines_the_row_only(con, tmp_path):
    folder = tmp_path / "t"
    body = "2022,Japan,1.0,2.0,3.0,x\n2022,Russia,lots,2.0,3.0,x\n"
    _write(folder, "trade_by_partner.csv", HEADER + body)
    _, rejected = load_tables(con, folder, TABLE_SCHEMAS)
    assert [(r.source, r.reason) for r in rejected] == [
        ("tables/trade_by_partner.csv:3", "bad_value")
    ]
    assert "exports_usd_bn='lots'" in rejected[0].detail
    assert con.execute("SELECT partner FROM trade_by_partner").fetchall() == [("Japan",)]


def test_extra_column_is_left_out_with_a_warning(con, tmp_path):
    folder = tmp_path / "t"
    _write(
        folder, "trade_by_partner.csv", HEADER.strip() + ",note\n2022,Japan,1.0,2.0,3.0,x,hello\n"
    )
    _, rejected = load_tables(con, folder, TABLE_SCHEMAS)
    assert [(r.reason, r.loaded) for r in rejected] == [("extra_columns", True)]
    cols = [r[0] for r in con.execute("DESCRIBE trade_by_partner").fetchall()]
    assert "note" not in cols


@pytest.mark.parametrize("name", ["unknown.csv", "articles.csv", "notes.txt", "Bad-Name.csv"])
def test_files_without_a_schema_are_quarantined(con, tmp_path, name):
    folder = tmp_path / "t"
    _write(folder, name, "a,b\n1,2\n")
    _, rejected = load_tables(
        con, folder, {**TABLE_SCHEMAS, "articles": TABLE_SCHEMAS["expo_editions"]}
    )
    assert [r.reason for r in rejected] == ["no_schema"]


def test_schema_rule_failures_are_findings(con, tmp_path):
    folder = tmp_path / "t"
    _write(
        folder,
        "expo_editions.csv",
        "edition,year,city,opened_on,closed_on,source\n3,2009,Changchun,2009-09-05,2009-09-01,x\n",
    )
    findings, _ = load_tables(con, folder, TABLE_SCHEMAS)
    assert [f.check for f in findings] == ["expo_editions.opens_before_it_closes"]
