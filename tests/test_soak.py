"""The soak (bench/soak.py) at 20 runs: a corpus that changes a little each run ends with the
failures of one full run, a warehouse that stops growing, and nothing left behind.
``make soak`` runs 200 (docs/reliability.md)."""

from bench.soak import soak


def test_twenty_runs_in_a_row(prefect_server, tmp_path):
    figures = soak(20, tmp_path, keep_runs=5)
    assert figures["same_failures_as_a_full_run"], (
        figures["only_in_last"],
        figures["only_in_full"],
    )
    assert figures["failures_last_run"] > 0  # the planted inconsistencies are still there
    # once the data stop growing, so does the file (pruned runs make room for new ones)
    assert figures["warehouse_bytes_last"] <= figures["warehouse_bytes_first_half_max"] * 1.1
    assert figures["processes_left"] == 0
    assert figures["leftovers"] == []
