"""What a run decides again (addsup/scope.py): a corpus grown over incremental runs (files
added, edited, deleted, reference data updated) has, finding by finding, the findings of one
full run over the same inputs, and each incremental run stores only what it decided."""

import shutil
import uuid

import pytest

from addsup import incremental, retention, warehouse
from addsup import pipeline as steps
from addsup.report.history import delta_run, previous_run
from tests.conftest import SAMPLE_ARTICLES, SAMPLE_REFERENCE, SAMPLE_TABLES

# an agreement pair's right side, and an article with a converts_to failure
HELD_BACK = ("2023-08-15-jilin-russia-summary.txt", "2023-09-20-mongolia-minerals.txt")
EDITED = "2023-07-20-jilin-russia-trade.txt"  # the left side of that agreement pair
DELETED = "2023-09-10-jilin-exports-recap.txt"  # the right side of a failing agreement
COLUMNS = (
    "check_name, subject, status, severity, article_id, sentence_no, figure_ids, "
    "stated_lo, stated_hi, implied_lo, implied_hi, tolerance, message"
)


def _run(con, articles, reference, full=False):
    run_id = str(uuid.uuid4())
    warehouse.start_run(con, run_id, {})
    ingested = steps.ingest(articles, known=incremental.known_files(con))
    stats = steps.load(con, ingested, steps.extract(steps.pending(con, ingested.articles)), run_id)
    extra = steps.load_tables(con, SAMPLE_TABLES, run_id)
    extra += steps.load_reference(con, reference, run_id)
    steps.validate(con, run_id, extra, (SAMPLE_TABLES, reference), full)
    steps.finish(con, run_id, stats)
    return run_id


def _findings(con, run_id):
    rows = con.execute(f"SELECT {COLUMNS} FROM run_findings WHERE for_run = ?", [run_id])
    return {(*r[:6], tuple(r[6] or ()), *r[7:]) for r in rows.fetchall()}


def _full_findings(articles, reference):
    """The findings of one full run over the inputs as they are, on a new warehouse."""
    with warehouse.warehouse(":memory:") as fresh:
        return _findings(fresh, _run(fresh, articles, reference, full=True))


def _changed(con, run_id, delta):
    """The keys of the failures new in the run, and of those it fixed."""
    previous = previous_run(con, run_id)
    query = "SELECT key FROM new_failures(?, ?, delta := ?)"
    new = con.execute(query, [run_id, previous, delta]).fetchall()
    fixed = con.execute(query, [previous, run_id, delta]).fetchall()
    return set(new), set(fixed)


def _made(con, run_id):
    return con.execute(
        "SELECT count(*), count(DISTINCT article_id) FROM check_results WHERE run_id = ?",
        [run_id],
    ).fetchall()[0]


@pytest.fixture
def inputs(tmp_path):
    return copied_inputs(tmp_path)


def copied_inputs(tmp_path):
    """Writable copies of the sample articles (but those held back) and reference data."""
    articles, reference = tmp_path / "articles", tmp_path / "reference"
    shutil.copytree(SAMPLE_ARTICLES, articles)
    shutil.copytree(SAMPLE_REFERENCE, reference)
    held = tmp_path / "held"
    held.mkdir()
    for name in HELD_BACK:
        (articles / name).rename(held / name)
    return articles, reference, held


def _grow(articles, reference, held):
    """Each change of the corpus in turn, as a step name and the change made."""
    yield "first", lambda: None
    yield "added", lambda: [(held / n).rename(articles / n) for n in HELD_BACK]
    edited = articles / EDITED
    yield "edited", lambda: edited.write_text(edited.read_text() + "\nThe port hired staff.\n")
    yield "deleted", lambda: (articles / DELETED).unlink()
    stats = reference / "official_stats.csv"
    yield "reference", lambda: stats.write_text(stats.read_text().replace(",3.685,", ",3.1,"))


def test_incremental_runs_find_what_a_full_run_finds(con, inputs):
    articles, reference, _ = inputs
    made_before, changed = 0, set()
    for step, change in _grow(*inputs):
        change()
        run_id = _run(con, articles, reference)
        found = _findings(con, run_id)
        if step in ("edited", "reference"):  # a full run costs a second: twice is enough
            assert found == _full_findings(articles, reference), step
        assert {f[2] for f in found} == {"pass", "fail", "skip"}
        made, _ = _made(con, run_id)
        if step == "first":
            made_before = made
            assert made == len(found)  # no base yet: everything checked
        else:
            assert made < len(found), step  # the rest carried, not copied
            # new and fixed failures from what the run decided, as from every failure
            assert delta_run(con, run_id, previous_run(con, run_id)) == run_id
            new, fixed = _changed(con, run_id, run_id)
            assert (new, fixed) == _changed(con, run_id, None), step
            changed |= {(step, "new") for _ in new} | {(step, "fixed") for _ in fixed}
    assert made_before > 0
    assert {("deleted", "fixed"), ("reference", "new")} <= changed


def test_a_run_decides_only_the_articles_that_changed(con, inputs):
    articles, reference, held = inputs
    first = _run(con, articles, reference)
    (held / HELD_BACK[0]).rename(articles / HELD_BACK[0])
    second = _run(con, articles, reference)
    added = warehouse.sql("select_article_source_map")
    sources = dict(con.execute(added).fetchall())
    made = con.execute(
        "SELECT DISTINCT check_name, article_id FROM check_results WHERE run_id = ? "
        "AND article_id IS NOT NULL",
        [second],
    ).fetchall()
    made = {(check, sources[a]) for check, a in made}
    # the new article's rows, and the agreement pair it makes with an older article (whose
    # source sorts first, so the row is that article's): nothing of the other articles
    assert ("agreement", EDITED) in made
    assert {m for m in made if m[1] != HELD_BACK[0]} == {("agreement", EDITED)}
    assert _made(con, first)[0] > 0
    rows = con.execute("SELECT count(*) FROM check_results").fetchall()[0][0]
    assert rows == _made(con, first)[0] + _made(con, second)[0]


@pytest.mark.parametrize("full", [True, False])
def test_a_full_run_checks_everything_again(con, inputs, full):
    articles, reference, _ = inputs
    _run(con, articles, reference)
    (articles / DELETED).unlink()
    again = _run(con, articles, reference, full=full)
    made, _ = _made(con, again)
    assert (made == len(_findings(con, again))) is full


def test_pruning_keeps_the_findings_a_kept_run_carries(con, inputs):
    articles, reference, held = inputs
    first = _run(con, articles, reference)
    (held / HELD_BACK[0]).rename(articles / HELD_BACK[0])
    second = _run(con, articles, reference)
    before = _findings(con, second)
    assert retention.prune(con, retention.Retention(keep_runs=1, keep_days=0)) == 1
    assert con.execute("SELECT run_id FROM runs").fetchall() == [(second,)]
    assert _findings(con, second) == before
    left = con.execute("SELECT count(*) FROM check_results WHERE run_id = ?", [first])
    assert 0 < left.fetchall()[0][0] < _made(con, first)[0] + 1
