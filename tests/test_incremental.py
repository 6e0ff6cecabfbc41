"""Doing nothing twice (addsup/incremental.py): unchanged files are not read again, and a run
whose inputs are those of the last completed run takes its findings."""

import os
import uuid

from addsup import incremental, warehouse
from addsup import pipeline as steps
from addsup.files import article_files
from addsup.report import unchanged_since
from addsup.report.publish import publish
from tests.conftest import SAMPLE_REFERENCE, SAMPLE_TABLES, check_run, planted


def _run(con, articles_dir, tables_dir=SAMPLE_TABLES):
    run_id = str(uuid.uuid4())
    ingested = steps.ingest(articles_dir, known=incremental.known_files(con))
    check_run(con, articles_dir, run_id, tables_dir, SAMPLE_REFERENCE)
    return run_id, ingested


def _results(con, run_id):
    return con.execute(
        "SELECT check_name, subject, status, message FROM run_findings WHERE for_run = ? "
        "ORDER BY ALL",
        [run_id],
    ).fetchall()


def test_unchanged_files_are_passed_over_and_changed_ones_read(con, articles_dir):
    first, ingested = _run(con, articles_dir)
    files = len(article_files(articles_dir))
    assert ingested.unchanged == 0 and len(ingested.files) == files
    _, again = _run(con, articles_dir)
    assert (again.articles, again.unchanged) == ([], files)
    edited = articles_dir / "2023-03-02-dalian-containers.txt"
    edited.write_text(edited.read_text() + "\nThe port hired 40 more workers.\n")
    _, third = _run(con, articles_dir)
    assert ([a.source for a in third.articles], third.unchanged) == ([edited.name], files - 1)


def test_a_touched_file_with_the_same_text_is_read_and_changes_nothing(con, articles_dir):
    first, _ = _run(con, articles_dir)
    path = articles_dir / "2023-03-02-dalian-containers.txt"
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    second, ingested = _run(con, articles_dir)
    assert [a.source for a in ingested.articles] == [path.name]
    assert unchanged_since(con, second) == first  # the same text: the same inputs


def test_a_refused_file_is_read_again_every_run(con, articles_dir):
    (articles_dir / "broken.txt").write_bytes(b"\xff\xfe\x00 not text \x00")
    _run(con, articles_dir)
    _, again = _run(con, articles_dir)
    assert [r.source for r in again.rejected] == ["broken.txt"]
    assert "broken.txt" not in incremental.known_files(con)["source"]


def test_a_run_with_nothing_new_takes_the_findings_of_the_last_one(con, articles_dir):
    first, _ = _run(con, articles_dir)
    second, _ = _run(con, articles_dir)
    third, _ = _run(con, articles_dir)
    assert unchanged_since(con, first) is None
    assert unchanged_since(con, second) == unchanged_since(con, third) == first
    assert _results(con, second) == _results(con, third) == _results(con, first)
    stored = con.execute("SELECT DISTINCT run_id FROM check_results").fetchall()
    assert stored == [(first,)]  # held once, by the run that made them
    failing = {r[1] for r in _results(con, second) if r[2] == "fail"}
    assert len(failing) == len(planted())
    counts = con.execute(
        "SELECT run_id, errors, checks_run, failures, figures_total FROM runs ORDER BY started_at"
    ).fetchall()
    assert counts[0][1:] == counts[1][1:] == counts[2][1:]
    assert counts[0][4] == warehouse.current_counts(con)["figures"] > 0


def test_any_change_of_input_makes_the_next_run_check_again(con, articles_dir, tables_dir):
    first, _ = _run(con, articles_dir, tables_dir)
    table = next(tables_dir.glob("*.csv"))
    table.write_text(table.read_text() + "\n")  # the same rows, another file
    second, _ = _run(con, articles_dir, tables_dir)
    assert unchanged_since(con, second) is None
    (articles_dir / "new.txt").write_text(
        "date 2023-09-01 New\n\nExports reached 5 billion yuan, up 10 percent.\n"
    )
    third, _ = _run(con, articles_dir, tables_dir)
    assert unchanged_since(con, third) is None
    fourth, _ = _run(con, articles_dir, tables_dir)
    assert unchanged_since(con, fourth) == third


def test_the_report_of_a_run_with_nothing_new_points_to_the_one_that_stands(
    con, articles_dir, tmp_path
):
    reports = tmp_path / "reports"
    first, _ = _run(con, articles_dir)
    publish(con, first, reports)
    latest = (reports / "latest.html").read_bytes()
    second, _ = _run(con, articles_dir)
    paths = publish(con, second, reports).paths
    page = paths.html.read_text()
    assert "Nothing new since the last run" in page
    assert f'href="../../runs/{first}/report.html"' in page
    assert (reports / "latest.html").read_bytes() == latest  # still the full report
    assert "nothing new" in (reports / "index.html").read_text()


def test_the_digest_of_code_counts_sources_and_not_bytecode(tmp_path):
    def digest():
        h = incremental.hashlib.sha256()
        incremental._digest_files(h, tmp_path)
        return h.hexdigest()

    (tmp_path / "check.py").write_text("LIMIT = 1\n")
    first = digest()
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "__pycache__" / "check.cpython-311.pyc").write_bytes(b"\x00compiled")
    (tmp_path / "stray.pyc").write_bytes(b"\x00compiled")
    assert digest() == first
    (tmp_path / "check.py").write_text("LIMIT = 2\n")
    assert digest() != first
