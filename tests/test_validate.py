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
    got = con.execute("SELECT value, value_upper, qualifier FROM figures ORDER BY start_char")
    assert got.fetchall() == [(5.0, 7.0, "range"), (7.0, None, "range")]  # "5", "7 percent"
    assert validate_figures(con) == []
    con.execute("UPDATE figures SET value_upper = 4 WHERE value_upper IS NOT NULL")
    (f,) = validate_figures(con)
    assert "range_runs_upwards" in f.message


def _stored(con, run_id):
    return {
        r[0:2]: r[2:]
        for r in con.execute(
            "SELECT check_name, subject, status, article_id, sentence_no, figure_ids, stated_lo,"
            " stated_hi, implied_lo, implied_hi, tolerance, message FROM check_results"
            " WHERE run_id = ?",
            [run_id],
        ).fetchall()
    }


def test_passes_stored_as_numbers_are_the_findings_validate_explains(
    con, articles_dir, monkeypatch
):
    from addsup import pipeline as steps
    from addsup import validate as validation
    from addsup.checks import explain_passes
    from addsup.validate import validate_into

    steps.load_articles(con, articles_dir, "r0")
    save_findings(con, "explained", validate(con))
    monkeypatch.setattr(validation, "PASSES_LISTED", 0)
    returned = validate_into(con, "numbers")
    explained, numbers = _stored(con, "explained"), _stored(con, "numbers")
    assert explained.keys() == numbers.keys()
    row_checks = {"share_of", "growth", "pp_difference", "sum_of"}
    passes = {k for k, v in numbers.items() if v[0] == "pass" and k[0] in row_checks}
    assert len(passes) > 10
    # the passes built by column carry the same numbers and figures, but no words yet
    for key, row in numbers.items():
        if key in passes:
            assert row[-1] is None and row[:-1] == explained[key][:-1], key
        else:
            assert row == explained[key], key
    # only failures and skips (and the other checks) were explained during validation
    assert {(f.check, f.subject) for f in returned} == numbers.keys() - passes
    # a report explains a pass exactly as validate does
    rows = [
        {"check_name": c, "subject": s, "article_id": numbers[(c, s)][1], "message": None}
        for c, s in sorted(passes)
    ]
    explain_passes(con, rows)
    assert {(r["check_name"], r["subject"]): r["message"] for r in rows} == {
        k: explained[k][-1] for k in passes
    }


def test_a_pass_whose_article_has_gone_says_so(con, articles_dir):
    from addsup import pipeline as steps
    from addsup.checks import explain_passes
    from addsup.validate import validate_into

    steps.load_articles(con, articles_dir, "r0")
    validate_into(con, "r1")
    subject, article = con.execute(
        "SELECT subject, article_id FROM check_results WHERE status = 'pass'"
        " AND check_name = 'share_of' ORDER BY subject LIMIT 1"
    ).fetchall()[0]
    con.execute("DELETE FROM relations WHERE relation_id = ?", [subject])
    rows = [{"check_name": "share_of", "subject": subject, "article_id": article, "message": None}]
    explain_passes(con, rows)
    assert rows[0]["message"] == "passed when checked; its article has changed since"


@pytest.mark.parametrize("rows", [1, 7, 50])
def test_validation_in_small_chunks_stores_what_one_chunk_does(con, articles_dir, rows):
    from addsup import pipeline as steps
    from addsup.validate import validate_into

    steps.load_articles(con, articles_dir, "r0")
    whole = validate_into(con, "whole", rows=10**9)
    chunked = validate_into(con, "chunked", rows=rows)
    assert len(whole) == len(chunked) and set(whole) == set(chunked)
    assert _stored(con, "whole") == _stored(con, "chunked")
    stored = _stored(con, "whole").values()
    assert {row[0] for row in stored} == {"pass", "fail", "skip"} and len(stored) > 40


def test_a_failed_validation_stores_nothing_for_its_run(con, articles_dir, monkeypatch):
    from addsup import pipeline as steps
    from addsup.checks import base
    from addsup.validate import validate_into

    steps.load_articles(con, articles_dir, "r0")
    calls, passes = [], base.RowCheck.passes

    def failing_after_the_first_chunk(self, decided, run_id, *words):
        calls.append(run_id)
        if len(calls) > 1:
            raise RuntimeError("the disk is full")
        return passes(self, decided, run_id, *words)

    monkeypatch.setattr(base.RowCheck, "passes", failing_after_the_first_chunk)
    with pytest.raises(RuntimeError, match="disk is full"):
        validate_into(con, "broken", rows=5)
    assert len(calls) == 2
    assert _stored(con, "broken") == {}


@pytest.mark.parametrize("worded", [1, 3])
def test_the_first_passes_of_each_check_are_worded_by_whole_articles(
    con, articles_dir, monkeypatch, worded
):
    from addsup import pipeline as steps
    from addsup import validate as validation
    from addsup.checks import ROW_CHECKS

    steps.load_articles(con, articles_dir, "r0")
    save_findings(con, "explained", validate(con))
    monkeypatch.setattr(validation, "PASSES_LISTED", worded)
    validation.validate_into(con, "numbers", rows=2)  # chunks of 2 rows: words cross chunks
    explained, numbers = _stored(con, "explained"), _stored(con, "numbers")
    for check in ROW_CHECKS:
        passes = sorted(
            (k[1], v[1], v[-1]) for k, v in numbers.items() if k[0] == check.name and v[0] == "pass"
        )
        if not passes:
            continue
        # in relation order, the passes up to the last article of the first ``worded`` ones
        last_article = passes[min(worded, len(passes)) - 1][1]
        for subject, article, message in passes:
            if article <= last_article:
                assert message == explained[(check.name, subject)][-1], subject
            else:
                assert message is None, subject
        assert sum(m is not None for *_, m in passes) >= min(worded, len(passes))


def test_balance_and_growth_of_total_are_stored_as_the_findings_validate_explains(con, monkeypatch):
    from addsup import validate as validation
    from addsup.checks import explain_passes
    from addsup.validate import validate_into

    _load(
        con,
        "Total trade rose 5.0 percent to $30.0 billion. Exports grew 4.0 percent to "
        "$16.0 billion. Imports grew 6.2 percent to $14.0 billion, for a trade surplus "
        "of $2.0 billion.",
        "Exports were $9.0 billion in the month. Exports were later put at $9.1 billion. "
        "Imports were $6.0 billion, for a trade surplus of $2.5 billion.",
    )
    save_findings(con, "explained", validate(con))
    monkeypatch.setattr(validation, "PASSES_LISTED", 0)
    validate_into(con, "numbers")
    explained, numbers = _stored(con, "explained"), _stored(con, "numbers")
    ours = {k: v for k, v in numbers.items() if k[0] in ("balance", "growth_of_total")}
    assert sorted((k[0], v[0]) for k, v in ours.items()) == [
        ("balance", "fail"),
        ("balance", "pass"),
        ("growth_of_total", "pass"),
    ]
    for key, row in ours.items():
        assert row[:-1] == explained[key][:-1], key
    severity = con.execute(
        "SELECT severity FROM check_results WHERE run_id = 'numbers' AND check_name = 'balance'"
        " AND status = 'fail'"
    ).fetchall()
    assert severity == [("warning",)]
    rows = [
        {"check_name": c, "subject": s, "article_id": v[1], "message": None}
        for (c, s), v in ours.items()
        if v[0] == "pass"
    ]
    explain_passes(con, rows)
    assert all(r["message"] == explained[(r["check_name"], r["subject"])][-1] for r in rows)
