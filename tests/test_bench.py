"""The benchmark code must not rot: its quick mode runs here. Speeds are reported by
``make bench``, never asserted in tests."""

import json
import subprocess
import sys

from bench.corpus import generate
from tests.conftest import ROOT


def test_the_corpus_is_deterministic(tmp_path):
    a = generate(tmp_path / "a", 20, seed=7)
    b = generate(tmp_path / "b", 20, seed=7)
    assert a == b and a  # same answer key, and it plants something
    assert (tmp_path / "a" / "synthetic-0000003.txt").read_text() == (
        tmp_path / "b" / "synthetic-0000003.txt"
    ).read_text()
    sizes = [p.stat().st_size for p in (tmp_path / "a").iterdir()]
    assert min(sizes) > 2800 and max(sizes) < 4500  # about 3 KB each


def test_quick_bench_finds_exactly_the_planted_errors(tmp_path):
    out = tmp_path / "latest.json"
    subprocess.run(
        [sys.executable, "-m", "bench.run", "--quick", "--out", str(out)],
        check=True,
        cwd=ROOT,
        capture_output=True,
    )
    result = json.loads(out.read_text())
    assert result["articles"] == 60 and result["planted"] > 0
    assert (result["recall"], result["precision"]) == (1.0, 1.0)
    assert result["hand_sql_agrees"] is True
    for key in (
        "extraction_articles_per_second_one_core",
        "end_to_end_seconds",
        "peak_memory_mb",
        "noop_incremental_seconds",
        "validation_vs_hand_sql",
    ):
        assert result[key] is not None
