"""Benchmark ``addsup tables infer`` (addsup/infer.py) on a generated table: 100,000 rows and
30 columns by default, with a sum, a share, a growth rate and a balance planted among 24
columns of unrelated numbers. Prints the seconds and what was found; writes
bench/results/infer.json.

    .venv/bin/python -m bench.infer [--rows 100000] [--columns 30]
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

import numpy as np
import polars as pl

from addsup.infer import infer_contract

PLANTED = {"sum", "share", "growth", "balance"}


def table(rows: int, columns: int, seed: int = 1) -> pl.DataFrame:
    rng = np.random.default_rng(seed)
    exports = np.round(rng.uniform(5, 300, rows), 1)
    imports = np.round(rng.uniform(5, 300, rows), 1)
    total = np.round(exports + imports, 1)
    prev = np.round(total / rng.uniform(0.7, 1.4, rows), 1)
    data = {
        "row": np.arange(rows),
        "exports": exports,
        "imports": imports,
        "total": total,
        "exports_share_pct": np.round(100 * exports / total, 1),
        "total_prev": prev,
        "growth_pct": np.round(100 * (total / prev - 1), 1),
        "balance": np.round(exports - imports, 1),
    }
    for i in range(columns - len(data)):
        data[f"noise_{i}"] = np.round(rng.uniform(0, 1000, rows), 2)
    return pl.DataFrame(data)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--columns", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "generated.csv"
        table(args.rows, args.columns).write_csv(path, float_precision=None)
        start = time.perf_counter()
        _, checks = infer_contract(path)
        seconds = time.perf_counter() - start
    kinds = sorted(str(c["kind"]) for c in checks)
    result = {
        "rows": args.rows,
        "columns": args.columns,
        "seconds": round(seconds, 2),
        "found": kinds,
        "planted_found": sorted(PLANTED & set(kinds)),
        "others": len(checks) - len(PLANTED & set(kinds)),
    }
    print(json.dumps(result))
    out = Path(__file__).parent / "results" / "infer.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(result, indent=1) + "\n")


if __name__ == "__main__":
    main()
