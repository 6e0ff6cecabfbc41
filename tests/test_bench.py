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
    assert result["noop_took_the_last_findings"] is True
    # and through Prefect: the flow, with a server running, took the last run's findings
    assert result["noop_flow_run_took_the_last_findings"] is True
    assert result["noop_flow_run_seconds"] > 0
    # then a flow run that added an article, and the time of its validation
    assert result["added_articles"] == 1
    assert result["added_flow_run_seconds"] > result["added_flow_run_validate_seconds"] > 0
    # the memory of the whole process tree, per step
    steps = result["peak_memory_steps_mb"]
    assert set(steps) == {"load_articles", "validate", "publish"}
    assert 0 < max(steps.values()) <= result["peak_memory_mb"]
    # the validation comparison ran on a grown warehouse: two copies of the corpus
    assert result["scaled_figures"] == 2 * result["figures"]
    assert result["scaled_results_stored"] >= 2 * (result["relations"] - 10)
    # only failures and skips were put in words; the passes were stored as numbers
    assert 0 < result["scaled_findings_explained"] < result["scaled_results_stored"] / 2
    assert set(result["end_to_end_steps_seconds"]) == {"load_articles", "validate", "publish"}


def test_copies_are_distinct_articles_with_the_same_findings(con):
    from addsup.checks import DECISIONS
    from bench.scale import replicate
    from tests.conftest import load_texts

    load_texts(
        con,
        "Of the 1,200 booths, 312 went to foreign firms, or 26 percent.",
        "Exports rose 10 percent to 5.5 billion yuan from 5 billion yuan.",
        "Retail sales grew 9.3 percent, 4.9 percentage points higher than the 4.4 percent seen.",
        "Guests came from Japan and Korea: 16 from Japan and 41 from Korea, a total of 57.",
        "Total trade rose 5 percent to $22.8 billion. Exports grew 4 percent to $12.5 billion "
        "and imports grew 6 percent to $10.3 billion, a trade surplus of $2.2 billion.",
    )

    def rows():
        return {k: decide(con).frame.height for k, decide in DECISIONS.items()}

    before = rows()
    assert all(before.values())
    assert (
        replicate(con, 2)
        == 3
        * con.execute(
            "SELECT count(*) FROM figures WHERE NOT contains(article_id, 'x')"
        ).fetchall()[0][0]
    )
    ids = [r[0] for r in con.execute("SELECT article_id FROM articles").fetchall()]
    assert len(set(ids)) == len(ids) == 15 and {len(i) for i in ids} == {16}
    # every copied relation points at figures of its own copy
    orphans = con.execute(
        "SELECT count(*) FROM relations AS r LEFT JOIN figures AS f ON f.figure_id = r.stated_id "
        "WHERE f.figure_id IS NULL OR f.article_id <> r.article_id"
    ).fetchall()[0][0]
    assert orphans == 0
    assert rows() == {k: 3 * v for k, v in before.items()}
