import json
import re
import uuid
from datetime import datetime, timedelta, timezone

import pytest

from addsup.report import write_reports
from tests.conftest import SAMPLE_REFERENCE, SAMPLE_TABLES, check_run, planted


def _run(con, articles_dir, reports_dir, tables=SAMPLE_TABLES, reference=SAMPLE_REFERENCE):
    run_id = str(uuid.uuid4())
    check_run(con, articles_dir, run_id, tables, reference)
    return run_id, write_reports(con, run_id, reports_dir)


def _article_text(articles_dir, source):
    """The text offsets point into: the file, or for ``file.jsonl:N`` line N's ``text``."""
    if ".jsonl:" in source:
        name, line = source.rsplit(":", 1)
        return json.loads((articles_dir / name).read_text().splitlines()[int(line) - 1])["text"]
    return (articles_dir / source).read_text()


def test_report_files_and_latest_copies(con, articles_dir, tmp_path):
    run_id, paths = _run(con, articles_dir, tmp_path / "reports")
    assert paths.html.parent.name == run_id
    for p in (paths.html, paths.markdown, paths.json, paths.latest_html, paths.latest_json):
        assert p.stat().st_size > 0
    # the same page; only the links to the run index and the corrections queue are relative
    # to where each copy lives
    latest = paths.latest_html.read_text()
    assert 'href="index.html"' in latest and 'href="corrections.html"' in latest
    for page in ("index.html", "corrections.html"):
        latest = latest.replace(f'href="{page}"', f'href="../../{page}"')
    assert latest == paths.html.read_text()
    assert (paths.latest_html.parent / "index.html").exists()
    assert json.loads(paths.latest_json.read_text())["run"]["run_id"] == run_id


def test_results_json_contract(con, articles_dir, tmp_path):
    _, paths = _run(con, articles_dir, tmp_path / "reports")
    data = json.loads(paths.json.read_text())
    assert set(data) == {"run", "counts", "findings", "quarantine", "changes"}
    assert data["changes"] == {"previous_run_id": None, "fixed": []}
    assert data["counts"]["new"] == len(planted()) and data["counts"]["fixed"] == 0
    fails = [f for f in data["findings"] if f["status"] == "fail"]
    assert len(fails) == len(planted()) == data["counts"]["fail"]
    for f in data["findings"]:
        assert {
            "article",
            "check",
            "status",
            "severity",
            "figures",
            "stated",
            "implied",
            "message",
            "key",
            "review",
        } <= set(f)
        assert not any(k.startswith("_") for k in f)
    # every figure of a finding points back into its article file
    for f in fails:
        assert f["new"] is True  # a first run: every failure is new
        if not f["article"]:
            continue  # a table row
        for g in f["figures"]:  # each in its own article (agreement spans two)
            text = _article_text(articles_dir, g["article"])
            assert text[g["start"] : g["end"]] == g["surface"]
        text = _article_text(articles_dir, f["article"])
        assert f["sentence"] in text


def test_html_shows_sentence_figures_and_arithmetic(con, articles_dir, tmp_path):
    _, paths = _run(con, articles_dir, tmp_path / "reports")
    html = paths.html.read_text()
    assert "180 / 1,200 × 100 = 15.00 %" in html
    assert '<mark class="fig fig-marked"' in html
    assert re.search(r'<mark class="fig fig-marked"[^>]*>18 percent</mark>', html)
    # self-contained: a web address appears only as a link to an article's original
    external = re.findall(r'<(\w+)[^>]*?\s([\w-]+)="https?://', html)
    assert external and set(external) == {("a", "href")}
    assert not re.search(r'(src|srcset|action|data|poster)="https?://', html)


def test_markdown_summary_lists_failures(con, articles_dir, tmp_path):
    _, paths = _run(con, articles_dir, tmp_path / "reports")
    md = paths.markdown.read_text()
    assert f"**{len(planted())} error(s)**" in md
    assert md.count("| share_of | new |") == 4
    header = next(line for line in md.splitlines() if line.startswith("| what does not add up"))
    assert header.split("|")[1:3] == [" what does not add up ", " sentence "]


def test_article_text_is_escaped(con, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "evil.txt").write_text(
        "date 2023-01-01 <b>Bold</b> title\n\n"
        "Firms took 180 of the 1,200 booths, or 18 percent, <script>alert(1)</script> said "
        '<img src=x onerror="alert(2)">.\n'
    )
    _, paths = _run(con, folder, tmp_path / "reports", tables=None, reference=None)
    html = paths.html.read_text()
    assert "<script>" not in html and "<b>Bold" not in html
    # the only images are the inline chart SVGs
    assert all(
        tag.startswith('<img src="data:image/svg+xml;base64,')
        for tag in re.findall(r"<img [^>]*>", html)
    )
    assert "&lt;script&gt;alert(" in html and "&lt;img src=x onerror=" in html


def test_the_html_lists_the_first_findings_and_counts_all(con, articles_dir, tmp_path):
    from addsup.report import report_data

    run_id, _ = _run(con, articles_dir, tmp_path / "reports")
    data = report_data(con, run_id, passes_listed=3, flagged_listed=2)
    paths = write_reports(con, run_id, tmp_path / "few", data)
    c = data["counts"]
    assert c["pass"] > 3 and c["fail"] > 2
    html = paths.html.read_text()
    failures = html[html.index('id="failures"') : html.index('id="fixed"')]
    assert f"Failures ({c['fail']})" in failures
    assert failures.count('<article class="finding fail">') == 2
    assert f"The first 2 of the {c['fail']} failures" in failures
    passed = html[html.index('id="passed"') :]
    assert passed.count('<article class="finding pass">') == 3
    assert f"Show 3 of the {c['pass']} checks that add up" in passed
    assert f"… and {c['pass'] - 3} more: every pass is stored in the warehouse" in passed
    # results.json is not cut by what the page shows
    listed = json.loads(paths.json.read_text())["findings"]
    assert sum(f["status"] == "fail" for f in listed) == c["fail"]
    assert sum(f["status"] == "pass" for f in listed) == c["pass"]


def test_results_json_lists_every_failure_and_the_first_passes_and_counts_all(
    con, articles_dir, tmp_path, monkeypatch
):
    import addsup.report.render as render

    run_id, paths = _run(con, articles_dir, tmp_path / "reports")
    everything = json.loads(paths.json.read_text())
    monkeypatch.setattr(render, "PASSES_LISTED", 3)
    monkeypatch.setattr(render, "FINDING_ROWS", 4)  # streamed in chunks of 4 findings
    few = json.loads(write_reports(con, run_id, tmp_path / "few").json.read_text())
    assert few["counts"] == {**everything["counts"], "passes_listed": 3}
    assert everything["counts"]["passes_listed"] == everything["counts"]["pass"] > 3
    assert len(everything["findings"]) == everything["counts"]["checks"]
    failures = [f for f in everything["findings"] if f["status"] != "pass"]
    assert [f for f in few["findings"] if f["status"] != "pass"] == failures
    listed = [f for f in few["findings"] if f["status"] == "pass"]
    assert len(listed) == 3
    # each pass listed is explained in words, as in the full list
    by_subject = {(f["check"], f["subject"]): f["message"] for f in everything["findings"]}
    for f in listed:
        assert f["message"] and f["message"] == by_subject[(f["check"], f["subject"])]


def test_changes_know_a_failure_by_its_figures_and_list_the_first_fixed(con, articles_dir):
    from addsup.report.history import changes

    first, _ = _run(con, articles_dir, articles_dir.parent / "r1")
    before = changes(con, first)
    assert before["previous_run_id"] is None and before["new"] == len(planted())
    booths = articles_dir / "2023-08-28-japanese-booths.txt"
    text = booths.read_text()
    # the failing sentence stays, the article is edited elsewhere: the same failure
    booths.write_text(text.replace("\n", "\n\nA new paragraph without numbers.\n", 1))
    articles = "SELECT count(*) FROM articles"
    read_before = con.execute(articles).fetchall()[0][0]
    second, _ = _run(con, articles_dir, articles_dir.parent / "r2")
    assert con.execute(articles).fetchall()[0][0] == read_before + 1  # a new version
    assert changes(con, second) == {
        "previous_run_id": first,
        "new": 0,
        "fixed": [],
        "fixed_count": 0,
    }
    # the relations gone, their failures are fixed: the first one listed, all counted
    con.execute("DELETE FROM relations")
    third = str(uuid.uuid4())
    check_run(con, (), third, SAMPLE_TABLES, SAMPLE_REFERENCE)
    failing = "SELECT count(*) FROM run_findings WHERE for_run = ? AND status = 'fail'"
    now, then = (con.execute(failing, [r]).fetchall()[0][0] for r in (third, second))
    fixed = changes(con, third, listed=1)
    assert fixed["fixed_count"] == then - now >= 5 and len(fixed["fixed"]) == 1
    assert set(fixed["fixed"][0]) == {"check", "article", "title", "subject", "severity", "message"}


@pytest.mark.parametrize(
    ("value", "said"),
    [
        (datetime(2026, 12, 1, 2, 36, 5), "1 Dec 2026, 02:36 UTC"),
        ("2026-12-01T02:36:05.123456", "1 Dec 2026, 02:36 UTC"),
        (
            datetime(2026, 12, 1, 3, 36, tzinfo=timezone(timedelta(hours=1))),
            "1 Dec 2026, 02:36 UTC",
        ),
        (None, ""),
    ],
)
def test_times_in_peoples_words(value, said):
    from addsup.report.words import when

    assert when(value) == said


@pytest.mark.parametrize(
    ("params", "said"),
    [
        ({}, None),
        ({"published_from": "2024-01-01"}, "published on or after 1 Jan 2024"),
        ({"published_to": "2023-12-31"}, "published on or before 31 Dec 2023"),
        (
            {"published_from": "2024-01-01", "published_to": "2024-02-29"},
            "published from 1 Jan 2024 to 29 Feb 2024",
        ),
    ],
)
def test_the_date_range_says_what_it_did(params, said):
    from addsup.report.words import date_scope

    scope = date_scope(params)
    if said is None:
        assert scope is None
    else:
        assert said in scope and "every article in the warehouse" in scope


def test_a_date_range_is_stated_in_the_report(con, articles_dir, tmp_path):
    run_id = str(uuid.uuid4())
    check_run(con, articles_dir, run_id, SAMPLE_TABLES, SAMPLE_REFERENCE)
    con.execute(
        "UPDATE runs SET params = ? WHERE run_id = ?",
        [json.dumps({"published_from": "2024-01-01"}), run_id],
    )
    paths = write_reports(con, run_id, tmp_path / "reports")
    for text in (paths.html.read_text(), paths.markdown.read_text()):
        assert "read only the articles published on or after 1 Jan 2024" in text
