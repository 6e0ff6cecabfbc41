"""Contracts proposed for a table (addsup/infer.py): the relations planted in a generated table
are found, and no others; a table of unrelated random numbers gets none."""

from __future__ import annotations

import random

from addsup.contracts import parse_contract
from addsup.infer import infer_contract
from addsup.tables import load_tables
from addsup_schemas import TABLE_SCHEMAS

PARTNERS = ["Japan", "Korea", "Mongolia", "Russia"]


def _planted_table(path, rows_per_partner=30, slips=()):
    """Trade by year and partner, printed with one decimal; ``slips``: lines whose total is off."""
    rng = random.Random(7)
    lines = [
        "year,partner,exports,imports,total,exports_share_pct,total_prev,growth_pct,balance,noise"
    ]
    for year in range(2000, 2000 + rows_per_partner):
        for partner in PARTNERS:
            exports, imports = round(rng.uniform(5, 300), 1), round(rng.uniform(5, 300), 1)
            total = round(exports + imports, 1)
            prev = round(total / rng.uniform(0.7, 1.4), 1)
            share = round(100 * exports / total, 1)
            growth = round(100 * (total / prev - 1), 1)
            balance = round(exports - imports, 1)
            noise = round(rng.uniform(0, 1000), 1)
            line = len(lines) + 1
            if line in slips:
                total = round(total + 7.3, 1)
            lines.append(
                f"{year},{partner},{exports},{imports},{total},{share},{prev},{growth},{balance},{noise}"
            )
    path.write_text("\n".join(lines) + "\n")
    return path


def _kinds(checks):
    out = set()
    for c in checks:
        roles = tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in c.items()))
        out.add(roles)
    return out


def test_infer_finds_the_planted_relations_and_no_others(tmp_path):
    text, checks = infer_contract(_planted_table(tmp_path / "trade.csv"))
    expected = [
        {"kind": "sum", "parts": ["exports", "imports"], "total": "total"},
        {"kind": "share", "part": "exports", "whole": "total", "share": "exports_share_pct"},
        {"kind": "growth", "current": "total", "previous": "total_prev", "rate": "growth_pct"},
        {"kind": "balance", "exports": "exports", "imports": "imports", "balance": "balance"},
    ]
    assert _kinds(checks) == _kinds(expected)
    contract = parse_contract(text, "trade")  # what it writes is a contract addsup reads
    assert contract.unique == ("year", "partner")
    assert contract.columns["year"].type == "int" and contract.columns["balance"].min is None
    assert contract.columns["exports"].min == 0


def test_rows_where_a_proposed_relation_fails_are_flagged_by_the_next_run(con, tmp_path):
    folder = tmp_path / "tables"
    folder.mkdir()
    table = _planted_table(folder / "trade.csv", slips=(5, 40))
    text, checks = infer_contract(table)
    assert {"kind": "sum", "parts": ["exports", "imports"], "total": "total"} in checks
    (folder / "trade.toml").write_text(text)
    findings, rejected = load_tables(con, folder, TABLE_SCHEMAS)
    assert rejected == []
    sums = sorted(f.subject for f in findings if f.check == "trade.sum")
    assert sums == ["tables/trade.csv:40", "tables/trade.csv:5"]


def test_unrelated_random_numbers_get_no_relation(tmp_path):
    rng = random.Random(11)
    header = ",".join(f"c{i}" for i in range(8))
    rows = [",".join(f"{rng.uniform(0, 1000):.2f}" for _ in range(8)) for _ in range(300)]
    path = tmp_path / "random.csv"
    path.write_text(header + "\n" + "\n".join(rows) + "\n")
    _, checks = infer_contract(path)
    assert checks == []


def test_shares_of_one_whole_by_group(tmp_path):
    rng = random.Random(3)
    lines = ["year,terminal,share_pct"]
    for year in range(2001, 2031):
        cuts = sorted(rng.uniform(0, 100) for _ in range(2))
        shares = [cuts[0], cuts[1] - cuts[0], 100 - cuts[1]]
        printed = [round(s, 1) for s in shares]
        for terminal, share in zip("NSW", printed, strict=True):
            lines.append(f"{year},{terminal},{share}")
    path = tmp_path / "terminals.csv"
    path.write_text("\n".join(lines) + "\n")
    _, checks = infer_contract(path)
    assert checks == [{"kind": "shares_of_one_whole", "share": "share_pct", "group_by": ["year"]}]
