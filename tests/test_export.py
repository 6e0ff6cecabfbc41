"""``addsup export findings``: CSV, JSON lines and Parquet with the columns docs/contracts.md
documents, the same rows in each, and the filters."""

from __future__ import annotations

import json
import re

import polars as pl
import pytest
from typer.testing import CliRunner

from addsup.cli import app
from tests.conftest import ROOT
from tests.looping import SALES, STAFF, STANDS, VANS, failure_in, run, write_article

runner = CliRunner()


def documented_columns() -> list[str]:
    text = (ROOT / "docs" / "contracts.md").read_text()
    section = text.split("## `addsup export findings")[1].split("\n## ")[0]
    return re.findall(r"^\| `(\w+)` \|", section, flags=re.M)


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("export")
    db, articles, reports = tmp / "warehouse.duckdb", tmp / "articles", tmp / "reports"
    write_article(articles, SALES, STAFF, STANDS, VANS)
    data = run(db, articles, reports)
    alarm = failure_in(data, SALES)["key"]
    said = runner.invoke(
        app,
        [
            "review",
            alarm,
            "--as",
            "false-alarm",
            "--note",
            'a, "quoted" note',
            "--warehouse",
            str(db),
        ],
    )
    assert said.exit_code == 0, said.output
    data = run(db, articles, reports)

    def export(fmt, *options):
        out = tmp / f"{fmt}-{len(options)}-{'-'.join(options)}.{fmt}"
        args = ["export", "findings", "--warehouse", str(db), "--format", fmt, "-o", str(out)]
        result = runner.invoke(app, [*args, *options])
        assert result.exit_code == 0, result.output
        return out

    return {"data": data, "alarm": alarm, "export": export, "db": db}


def _jsonl(path):
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_the_three_formats_have_the_documented_columns_and_the_same_rows(exported):
    columns = documented_columns()
    assert len(columns) > 20
    rows = _jsonl(exported["export"]("jsonl"))
    assert [list(r) for r in rows] == [columns] * len(rows)
    assert len(rows) == len(exported["data"]["findings"])
    assert {r["key"] for r in rows} == {f["key"] for f in exported["data"]["findings"]}
    as_json = pl.DataFrame(rows, schema=pl.read_parquet(exported["export"]("parquet")).schema)
    for fmt in ("csv", "parquet"):
        path = exported["export"](fmt)
        back = (
            pl.read_parquet(path) if fmt == "parquet" else pl.read_csv(path, schema=as_json.schema)
        )
        assert back.columns == columns
        assert back.sort("key").equals(as_json.sort("key"), null_equal=True), fmt


@pytest.mark.parametrize(
    "options, wanted",
    [
        (("--status", "fail"), lambda r: r["status"] == "fail"),
        (("--status", "pass"), lambda r: r["status"] == "pass"),
        (("--check", "share_of"), lambda r: r["check"] == "share_of"),
        (("--reviewed", "yes"), lambda r: r["review"] is not None),
        (
            ("--reviewed", "no", "--status", "fail"),
            lambda r: r["review"] is None and r["status"] == "fail",
        ),
    ],
)
def test_filters(exported, options, wanted):
    every = _jsonl(exported["export"]("jsonl"))
    chosen = _jsonl(exported["export"]("jsonl", *options))
    assert chosen and chosen == [r for r in every if wanted(r)]


def test_the_reviewed_false_alarm_is_exported_with_its_review(exported):
    (row,) = _jsonl(exported["export"]("jsonl", "--reviewed", "yes"))
    assert row["key"] == exported["alarm"] and row["review"] == "false-alarm"
    assert row["review_note"] == 'a, "quoted" note' and row["sentence"] == SALES
    finding = failure_in(exported["data"], SALES)
    assert row["figures"] == "|".join(g["surface"] for g in finding["figures"])
    assert {"480", "1,200", "45 percent"} == set(row["figures"].split("|"))


def test_an_unknown_run_is_refused(exported):
    result = runner.invoke(
        app,
        [
            "export",
            "findings",
            "--warehouse",
            str(exported["db"]),
            "--run",
            "nope",
            "--format",
            "csv",
        ],
    )
    assert result.exit_code == 2 and "no run 'nope'" in result.output


@pytest.mark.parametrize(
    "command", [["review", "abc", "--as", "confirmed"], ["export", "findings", "--format", "csv"]]
)
def test_no_warehouse_is_said_and_none_is_made(tmp_path, command):
    missing = tmp_path / "none.duckdb"
    result = runner.invoke(app, [*command, "--warehouse", str(missing)])
    assert result.exit_code == 2 and f"no warehouse at {missing}" in result.output
    assert not missing.exists()
