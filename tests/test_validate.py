"""Schema basics on the figures table, and the stored findings of a run."""

import pytest

from addsup.validate import save_findings, validate, validate_figures
from tests.conftest import load_texts as _load


def test_figure_schema_catches_a_bad_row(con):
    _load(con, "Trade rose 5 percent.")
    assert validate_figures(con) == []
    con.execute("UPDATE figures SET lo = hi + 1, currency = 'XXX'")
    findings = validate_figures(con)
    assert len(findings) == 1
    assert "interval_is_ordered" in findings[0].message
    assert "currency:isin" in findings[0].message


def test_findings_are_stored_once_per_run(con):
    _load(con, "Japanese firms took 180 of the 1,200 booths, or 18 percent, they said.")
    findings = validate(con)
    save_findings(con, "r1", findings)
    save_findings(con, "r2", findings)
    rows = con.execute(
        "SELECT run_id, check_name, status FROM check_results ORDER BY run_id"
    ).fetchall()
    assert rows == [("r1", "share_of", "fail"), ("r2", "share_of", "fail")]


@pytest.mark.parametrize(
    ("text", "check"),
    [
        ("The fund reached 10^30 dollars.", "magnitude_is_plausible"),
        ("Another 1e400 dollars was promised.", "magnitude_is_plausible"),
        ("Some -5 companies left.", "counts_are_not_negative"),
    ],
)
def test_absurd_figures_are_loaded_with_a_warning(con, text, check):
    _load(con, text)
    (f,) = validate_figures(con)
    assert (f.status, f.severity) == ("fail", "warning") and check in f.message


def test_a_deficit_is_not_absurd(con):
    _load(con, "The balance was -3.2 billion dollars.")
    assert validate_figures(con) == []


def test_a_range_passes_the_figure_schema_and_an_inverted_one_does_not(con):
    _load(con, "Growth is seen at 5 to 7 percent next year.")
    assert con.execute("SELECT value, value_upper, qualifier FROM figures").fetchall() == [
        (5.0, 7.0, "range")
    ]
    assert validate_figures(con) == []
    con.execute("UPDATE figures SET value_upper = 4")
    (f,) = validate_figures(con)
    assert "range_runs_upwards" in f.message
