"""Table contracts (addsup/contracts.py, addsup/table_checks.py): a TOML file beside a table
declares its columns and its arithmetic; each number's rounding comes from its printed digits."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from addsup.cli import app
from addsup.contracts import ContractError, parse_contract
from addsup.table_checks import printed_half_units
from addsup.tables import load_tables
from addsup_schemas import TABLE_SCHEMAS

# kind -> (contract, header, a consistent row, the same row with a slip)
KINDS = {
    "sum": (
        'parts = ["north", "south", "west"]\ntotal = "total"',
        "region,north,south,west,total",
        "A,4.1,3.3,2.2,9.6",
        "A,4.1,3.3,2.2,9.9",
    ),
    "share": (
        'part = "north"\nwhole = "total"\nshare = "north_pct"',
        "region,north,total,north_pct",
        "A,4.1,9.6,42.7",
        "A,4.1,9.6,47.2",
    ),
    "growth": (
        'current = "now"\nprevious = "before"\nrate = "growth_pct"',
        "region,now,before,growth_pct",
        "A,9.6,8.8,9.1",
        "A,9.6,8.8,19.1",
    ),
    "pp_difference": (
        'a = "rate_now"\nb = "rate_before"\ndifference = "gap_pp"',
        "region,rate_now,rate_before,gap_pp",
        "A,42.7,40.1,2.6",
        "A,42.7,40.1,6.2",
    ),
    "balance": (
        'exports = "exports"\nimports = "imports"\nbalance = "balance"',
        "region,exports,imports,balance",
        "A,25.6,27.2,-1.6",
        "A,25.6,27.2,1.6",  # a surplus where exports are below imports
    ),
}


def _contract(kind: str, header: str, roles: str) -> str:
    columns = "\n".join(
        f'[columns.{c}]\ntype = "{"str" if c == "region" else "float"}"\n'
        for c in header.split(",")
    )
    return f'[table]\nunique = ["region"]\n\n{columns}\n[[checks]]\nkind = "{kind}"\n{roles}\n'


def _table(folder: Path, name: str, contract: str, csv: str) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.toml").write_text(contract)
    (folder / f"{name}.csv").write_text(csv)
    return folder


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_each_kind_passes_when_consistent_and_names_the_row_of_a_slip(con, tmp_path, kind):
    roles, header, good, slip = KINDS[kind]
    body = f"{header}\n{good}\n{slip.replace('A,', 'B,', 1)}\n"
    folder = _table(tmp_path / "t", "regions", _contract(kind, header, roles), body)
    findings, rejected = load_tables(con, folder, TABLE_SCHEMAS)
    assert rejected == []
    assert [(f.check, f.status, f.subject) for f in findings] == [
        (f"regions.{kind}", "fail", "tables/regions.csv:3")
    ]
    assert "line 3 (region=B)" in findings[0].message
    assert findings[0].stated and findings[0].implied  # both intervals, for the report


def test_shares_of_one_whole_add_up_to_100_per_group(con, tmp_path):
    contract = (
        '[columns.year]\ntype = "int"\n[columns.terminal]\ntype = "str"\n'
        '[columns.share_pct]\ntype = "float"\n\n[[checks]]\nkind = "shares_of_one_whole"\n'
        'share = "share_pct"\ngroup_by = ["year"]\n'
    )
    body = "year,terminal,share_pct\n2023,N,42.7\n2023,S,34.4\n2023,W,22.9\n"
    body += "2024,N,45.0\n2024,S,35.0\n2024,W,25.0\n"
    folder = _table(tmp_path / "t", "terminals", contract, body)
    findings, _ = load_tables(con, folder, TABLE_SCHEMAS)
    assert [(f.check, f.subject) for f in findings] == [
        ("terminals.shares_of_one_whole", "tables/terminals.csv:5")
    ]
    assert "lines 5, 6, 7" in findings[0].message
    at_most = contract.replace('group_by = ["year"]', 'group_by = ["year"]\nat_most = true')
    (folder / "terminals.toml").write_text(at_most)
    (folder / "terminals.csv").write_text(body.replace("25.0", "15.0").replace("22.9", "12.9"))
    assert load_tables(con, folder, TABLE_SCHEMAS)[0] == []


@pytest.mark.parametrize(
    ("total", "fails"),
    [
        ("9.6", False),
        ("9.65", False),  # 9.55 to 9.75 of the parts meets 9.645 to 9.655
        ("9.8", False),  # 9.75 to 9.85 touches the parts' 9.45 to 9.75
        ("9.81", True),  # just outside
        ("9.9", True),
        ("10", False),  # printed whole: 9.5 to 10.5
        ("10.0", True),
    ],
)
def test_a_slip_inside_the_rounding_passes_and_one_just_outside_fails(con, tmp_path, total, fails):
    roles, header, _, _ = KINDS["sum"]
    body = f"{header}\nA,4.1,3.3,2.2,{total}\n"
    folder = _table(tmp_path / "t", "regions", _contract("sum", header, roles), body)
    findings, _ = load_tables(con, folder, TABLE_SCHEMAS)
    assert bool(findings) is fails, findings


def test_half_unit_overrides_the_printed_digits(con, tmp_path):
    roles, header, _, _ = KINDS["sum"]
    contract = _contract("sum", header, roles).replace(
        '[columns.total]\ntype = "float"', '[columns.total]\ntype = "float"\nhalf_unit = 0.5'
    )
    folder = _table(tmp_path / "t", "regions", contract, f"{header}\nA,4.1,3.3,2.2,10.0\n")
    assert load_tables(con, folder, TABLE_SCHEMAS)[0] == []  # 10.0 stands for 9.5 to 10.5


@pytest.mark.parametrize(
    ("contract", "line", "says"),
    [
        (
            '[columns.a]\ntype = "float"\n\n[[checks]]\nkind = "sum"\nparts = ["a", "b"]\ntotal = "a"\n',
            4,
            "no column 'b'",
        ),
        (
            '[columns.a]\ntype = "float"\n\n[[checks]]\nkind = "median"\n',
            4,
            "'median' is not one of",
        ),
        (
            '[columns.a]\ntype = "float"\n[columns.b]\ntype = "decimal"\n',
            3,
            "'decimal' is not one of",
        ),
        ('[columns.a]\ntype = "float"\nmin = 0\nmin = 1\n', 4, "not valid TOML"),
        ('[columns.a]\ntype = "float"\nbiggest = 3\n', 1, "unknown key(s) biggest"),
        (
            '[table]\nunique = ["z"]\n[columns.a]\ntype = "float"\n',
            2,
            "table.unique: no column 'z'",
        ),
        (
            '[columns.a]\ntype = "str"\n\n[[checks]]\nkind = "share"\npart = "a"\nwhole = "a"\nshare = "a"\n',
            4,
            "is not a number",
        ),
    ],
)
def test_a_wrong_contract_quarantines_its_table_and_names_the_line(
    con, tmp_path, contract, line, says
):
    folder = _table(tmp_path / "t", "regions", contract, "a,b\n1,2\n")
    findings, rejected = load_tables(con, folder, TABLE_SCHEMAS)
    assert findings == []
    assert [(r.source, r.reason) for r in rejected] == [("tables/regions.toml", "bad_contract")]
    assert f"line {line}:" in rejected[0].detail and says in rejected[0].detail
    assert "regions.csv is not loaded" in rejected[0].detail
    with pytest.raises(ContractError) as err:
        parse_contract(contract, "regions")
    assert err.value.line == line


def test_column_rules_of_a_contract_are_findings(con, tmp_path):
    contract = (
        '[table]\nunique = ["year", "port"]\n[columns.year]\ntype = "int"\nmin = 1990\n'
        '[columns.port]\ntype = "str"\nisin = ["Dalian", "Yingkou"]\n'
        '[columns.tonnes]\ntype = "float"\nmin = 0\nnullable = true\n'
    )
    body = "year,port,tonnes\n2023,Dalian,4.5\n1980,Dalian,1.0\n2023,Tianjin,\n2023,Dalian,-1\n"
    folder = _table(tmp_path / "t", "ports", contract, body)
    findings, rejected = load_tables(con, folder, TABLE_SCHEMAS)
    assert rejected == []
    failed = {(f.check, f.subject) for f in findings if f.status == "fail"}
    assert failed == {
        ("ports.year:greater_than_or_equal_to", "tables/ports.csv:3"),  # 1980
        ("ports.port:isin", "tables/ports.csv:4"),  # Tianjin
        ("ports.tonnes:greater_than_or_equal_to", "tables/ports.csv:5"),  # -1
        ("ports.multiple_fields_uniqueness", "tables/ports.csv:2"),  # 2023 Dalian twice
        ("ports.multiple_fields_uniqueness", "tables/ports.csv:5"),
    }
    [year] = [f for f in findings if f.subject.endswith(":3")]
    assert "line 3 (year=1980, port=Dalian): year = 1980 is below its minimum 1990" in year.message
    tianjin = next(f for f in findings if f.subject.endswith(":4"))
    assert "port = 'Tianjin' is not one of Dalian, Yingkou" in tianjin.message


def test_a_parquet_table_takes_its_rounding_from_the_contract(con, tmp_path):
    roles, header, _, _ = KINDS["sum"]
    folder = tmp_path / "t"
    folder.mkdir()
    frame = pl.DataFrame(
        {
            "region": ["A", "B"],
            "north": [4.1, 4.1],
            "south": [3.3, 3.3],
            "west": [2.2, 2.2],
            "total": [9.6, 9.9],
        }
    )
    frame.write_parquet(folder / "regions.parquet")
    contract = _contract("sum", header, roles)
    (folder / "regions.toml").write_text(contract)
    _, rejected = load_tables(con, folder, TABLE_SCHEMAS)
    assert [r.reason for r in rejected] == ["bad_contract"]
    assert "half_unit: a Parquet table has no printed digits" in rejected[0].detail
    (folder / "regions.toml").write_text(
        contract.replace('type = "float"', 'type = "float"\nhalf_unit = 0.05')
    )
    findings, rejected = load_tables(con, folder, TABLE_SCHEMAS)
    assert rejected == []
    assert [(f.check, f.subject) for f in findings] == [("regions.sum", "tables/regions.parquet:2")]


def test_a_contract_without_its_table_is_quarantined(con, tmp_path):
    folder = tmp_path / "t"
    folder.mkdir()
    (folder / "orphan.toml").write_text('[columns.a]\ntype = "int"\n')
    assert [r.reason for r in load_tables(con, folder, TABLE_SCHEMAS)[1]] == ["no_table"]


@given(st.integers(min_value=0, max_value=6), st.integers(min_value=0, max_value=10**6))
def test_the_half_unit_is_half_the_last_printed_digit(decimals, value):
    printed = f"{value / 10**decimals:.{decimals}f}"
    half = pl.select(printed_half_units(pl.lit(printed))).item()
    assert half == pytest.approx(0.5 * 10.0**-decimals)


@pytest.mark.parametrize(
    ("printed", "half"), [("1,500", 0.5), (" 15.30 ", 0.005), ("1.5e3", 50.0), ("-2.7", 0.05)]
)
def test_printed_forms(printed, half):
    assert pl.select(printed_half_units(pl.lit(printed))).item() == pytest.approx(half)


def test_check_validates_a_table_that_only_has_a_contract(tmp_path):
    roles, header, good, slip = KINDS["share"]
    folder = _table(
        tmp_path / "t",
        "regions",
        _contract("share", header, roles),
        f"{header}\n{good}\n{slip.replace('A,', 'B,', 1)}\n",
    )
    article = tmp_path / "story.txt"
    article.write_text("date 2024-01-02 Nothing\n\nThe port was quiet.\n")
    result = CliRunner().invoke(
        app, ["check", str(article), "--tables", str(folder), "--format", "json"]
    )
    findings = json.loads(result.stdout)["findings"]
    assert [(f["check"], f["status"]) for f in findings if f["status"] == "fail"] == [
        ("regions.share", "fail")
    ]
