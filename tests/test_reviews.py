"""Finding keys, reviews and what they change: the Reviewed section, fail_on, the corrections
queue, reopening; reviews survive a rebuild and a retention prune."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from addsup import retention, reviews, warehouse
from addsup.cli import app
from addsup.report import charts
from addsup.report.article_view import rows
from addsup.run import verdict
from tests.looping import SALES, STAFF, STANDS, VANS, failure_in, failures, run, write_article

runner = CliRunner()


@pytest.fixture
def place(tmp_path):
    return {
        "db": tmp_path / "w" / "warehouse.duckdb",
        "articles": tmp_path / "articles",
        "reports": tmp_path / "reports",
    }


def _run(place, full=False):
    return run(place["db"], place["articles"], place["reports"], full)


def _review(place, key, verdict, *extra):
    return runner.invoke(
        app,
        [
            "review",
            key,
            "--as",
            verdict,
            "--warehouse",
            str(place["db"]),
            "--reports",
            str(place["reports"]),
            *extra,
        ],
    )


def test_keys_are_unique_within_a_run_even_for_a_repeated_sentence(place):
    write_article(place["articles"], SALES, STAFF, STANDS, SALES, VANS)
    data = _run(place)
    keys = [f["key"] for f in data["findings"]]
    assert all(keys) and len(keys) == len(set(keys))
    repeated = [f["key"] for f in failures(data) if f["sentence"] == SALES]
    assert len(repeated) == 2 and repeated[1] == repeated[0] + "-2"


@pytest.mark.parametrize(
    "edit",
    [
        lambda: (STAFF, SALES, STANDS, VANS),  # a sentence inserted above
        lambda: (SALES, "The firm now employs 310 people in two towns.", STANDS, VANS),
        lambda: (SALES, STANDS, VANS),  # a sentence removed
    ],
)
def test_a_key_is_unchanged_by_an_edit_to_another_sentence(place, edit):
    write_article(place["articles"], SALES, STAFF, STANDS, VANS)
    before = failure_in(_run(place), SALES)["key"]
    write_article(place["articles"], *edit())
    after = failure_in(_run(place), SALES)
    assert after["key"] == before and after["new"] is False


@pytest.mark.parametrize(
    "changed",
    [
        SALES.replace("45 percent", "46 percent"),  # a figure of the finding
        SALES.replace("the firm said", "the company said"),  # its sentence
    ],
)
def test_a_key_changes_with_its_figures_or_its_sentence(place, changed):
    write_article(place["articles"], SALES, STAFF)
    before = failure_in(_run(place), SALES)["key"]
    write_article(place["articles"], changed, STAFF)
    after = failure_in(_run(place), changed)
    assert after["key"] != before and after["new"] is True


def test_the_loop_end_to_end(place):
    write_article(place["articles"], SALES, STAFF, STANDS, VANS)
    first = _run(place)
    alarm, error = failure_in(first, SALES)["key"], failure_in(first, VANS)["key"]
    assert first["_counts"]["errors"] == 2

    said = _review(
        place, alarm, "false-alarm", "--note", "the 45 percent is of revenue", "--by", "ana"
    )
    assert said.exit_code == 0, said.output
    assert alarm in said.output and "false-alarm" in said.output
    assert _review(place, error, "confirmed", "--note", "ask the desk").exit_code == 0
    refused = _review(place, "0123456789", "confirmed")
    assert refused.exit_code == 2 and "no failure has the key '0123456789'" in refused.output

    second = _run(place, full=True)
    reviewed = failure_in(second, SALES)
    assert reviewed["review"]["verdict"] == "false-alarm"
    assert reviewed["review"]["note"] == "the 45 percent is of revenue"
    assert reviewed["review"]["by"] == "ana" and reviewed["new"] is False
    counts = second["_counts"]
    assert counts["errors"] == first["_counts"]["errors"] - 1 == 1
    assert counts["reviewed"] == 1 and second["counts"]["fail"] == 1
    assert verdict(counts, "error") == "1 error-severity finding(s) do not add up"
    html = second["_html"]
    listed, rest = html.split('<h2 id="reviewed">')
    assert alarm not in listed.split('<h2 id="failures">')[1]  # not listed as a failure
    assert "Reviewed: false alarms (1)" in rest and alarm in rest.split('<h2 id="fixed">')[0]
    queue = json.loads((place["reports"] / "corrections.json").read_text())
    assert [q["key"] for q in queue["corrections"]] == [error]
    assert queue["corrections"][0]["note"] == "ask the desk"
    assert queue["corrections"][0]["sentence"] == VANS
    assert "300 / 1,000" in queue["corrections"][0]["message"]
    assert error in (place["reports"] / "corrections.html").read_text()

    # the run history keeps, for the trend chart, each run's new, confirmed and false alarms
    with warehouse.warehouse(place["db"]) as con:
        history = rows(con, "select_run_history", [10])
    assert [(r["new_failures"], r["confirmed"], r["reviewed"]) for r in history] == [
        (0, 1, 1),
        (2, 0, 0),
    ]
    plain = [{**r, "confirmed": 0, "reviewed": 0} for r in history]
    assert charts.failures_over_time(history) != charts.failures_over_time(plain)

    # the confirmed figure changes: the review no longer applies, the finding is new again
    edited = VANS.replace("35 percent", "36 percent")
    write_article(place["articles"], SALES, STAFF, STANDS, edited)
    third = _run(place)
    again = failure_in(third, edited)
    assert again["key"] != error and again["new"] is True and again["review"] is None
    assert third["_counts"]["errors"] == 1
    queue = json.loads((place["reports"] / "corrections.json").read_text())["corrections"]
    assert [(q["key"], q["still_found"]) for q in queue] == [(error, False)]

    # marked corrected, then a run finds it again: reopened, and back in the queue
    assert _review(place, error, "corrected").exit_code == 0
    assert json.loads((place["reports"] / "corrections.json").read_text())["count"] == 0
    write_article(place["articles"], SALES, STAFF, STANDS, VANS)
    fourth = _run(place)
    assert failure_in(fourth, VANS)["review"]["verdict"] == "reopened"
    queue = json.loads((place["reports"] / "corrections.json").read_text())["corrections"]
    assert [(q["key"], q["reopened"]) for q in queue] == [(error, True)]


def test_a_run_with_nothing_new_after_a_review_reports_it(place, tmp_path):
    write_article(place["articles"], SALES, STAFF, VANS)
    (tmp_path / "tables").mkdir()
    inputs = (tmp_path / "tables", tmp_path / "tables")
    first = run(place["db"], place["articles"], place["reports"], inputs=inputs)
    unchanged = run(place["db"], place["articles"], place["reports"], inputs=inputs)
    assert "Nothing new" in unchanged["_html"]  # the page that points to the first report
    alarm = failure_in(first, SALES)["key"]
    assert _review(place, alarm, "false-alarm").exit_code == 0
    after = run(place["db"], place["articles"], place["reports"], inputs=inputs)
    assert after["_counts"]["errors"] == 1 and after["_counts"]["reviewed"] == 1
    assert "Reviewed: false alarms (1)" in after["_html"]
    assert failure_in(after, SALES)["review"]["verdict"] == "false-alarm"


def test_reviews_survive_a_rebuild_and_a_retention_prune(place):
    write_article(place["articles"], SALES, STAFF, VANS)
    alarm = failure_in(_run(place), SALES)["key"]
    assert _review(place, alarm, "false-alarm").exit_code == 0
    with warehouse.warehouse(place["db"]) as con:
        retention.prune(con, retention.Retention(keep_runs=0, keep_days=0))
        assert con.execute("SELECT count(*) FROM runs").fetchall() == [(0,)]
        assert con.execute("SELECT key FROM reviews").fetchall() == [(alarm,)]
    warehouse.set_aside(place["db"])  # what addsup rebuild does, then a full run
    rebuilt = _run(place, full=True)
    assert failure_in(rebuilt, SALES)["review"]["verdict"] == "false-alarm"
    assert rebuilt["_counts"]["errors"] == 1


def test_a_review_file_line_cut_short_or_malformed_is_passed_over(place):
    path = reviews.reviews_path(place["db"])
    path.parent.mkdir(parents=True)
    good = {"key": "abc", "verdict": "confirmed", "at": "2026-01-02T03:04:05"}
    bad_time = {**good, "key": "ghi", "at": "yesterday"}
    bad_verdict = {**good, "key": "jkl", "verdict": "maybe"}
    lines = [json.dumps(r) for r in (good, bad_time, bad_verdict)] + ['{"key": "def", "verd']
    path.write_text("\n".join(lines))
    assert [r["key"] for r in reviews.read_reviews(path)] == ["abc"]
    with warehouse.warehouse(place["db"]) as con:  # and the warehouse opens with the good one
        assert con.execute("SELECT key, verdict FROM reviews").fetchall() == [("abc", "confirmed")]


@pytest.mark.parametrize("verdict", ["wrong", "", "False-Alarm"])
def test_an_unknown_verdict_is_refused(place, verdict):
    with warehouse.warehouse(place["db"]) as con, pytest.raises(reviews.ReviewRefused):
        reviews.record(con, "abc", verdict)


WORDS = ["river", "market", "quiet", "evening", "council", "harbour", "opened", "winter", "road"]


@settings(
    max_examples=3, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(st.lists(st.sampled_from(WORDS), min_size=2, max_size=8), min_size=1, max_size=3),
    st.integers(min_value=0, max_value=3),
)
def test_inserted_sentences_anywhere_else_keep_the_keys(tmp_path_factory, added, at):
    tmp = tmp_path_factory.mktemp("keys")
    place = {"db": tmp / "w.duckdb", "articles": tmp / "articles", "reports": tmp / "reports"}
    sentences = [SALES, STAFF, STANDS]
    write_article(place["articles"], *sentences)
    before = sorted((f["sentence"], f["check"], f["key"]) for f in _run(place)["findings"])
    extra = [" ".join(words).capitalize() + "." for words in added]
    write_article(place["articles"], *sentences[:at], *extra, *sentences[at:])
    after = sorted((f["sentence"], f["check"], f["key"]) for f in _run(place)["findings"])
    assert after == before
