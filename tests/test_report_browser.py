"""The reports as a person sees them: rendered by headless Chromium from the file alone."""

from __future__ import annotations

import uuid

from addsup import pipeline as steps
from addsup.report import write_reports
from tests.conftest import SAMPLE_REFERENCE, SAMPLE_TABLES, planted


def _run(con, articles_dir, reports_dir, tables_dir=SAMPLE_TABLES):
    run_id = str(uuid.uuid4())
    steps.run_checks(con, steps.ingest(articles_dir), run_id, tables_dir, SAMPLE_REFERENCE)
    return run_id, write_reports(con, run_id, reports_dir)


def _open(chromium, path):
    """Load a report file; return the page and every URL it requested."""
    page = chromium.new_page(viewport={"width": 1280, "height": 1600})
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(path.resolve().as_uri())
    page.wait_for_load_state("load")
    return page, requests, dialogs


def test_report_renders_offline_with_the_planted_failures(con, articles_dir, tmp_path, chromium):
    _, paths = _run(con, articles_dir, tmp_path / "reports")
    page, requests, _ = _open(chromium, paths.html)
    page.screenshot(path=str(tmp_path / "report.png"), full_page=True)

    # nothing but the file itself (the charts are data: images, which are not requests)
    assert [u for u in requests if not u.startswith("data:")] == [paths.html.resolve().as_uri()]
    failures = page.locator("#failures ~ article.finding.fail")
    assert failures.count() == len(planted())
    for where, check, surface in planted():
        if not surface:
            continue  # a table row has no sentence
        marked = page.locator(
            "article.finding.fail p.sentence mark.fig-marked", has_text=surface
        ).filter(has_text=surface)
        assert marked.count() >= 1, (where, check, surface)
    assert page.get_by_text("180 / 1,200 × 100 = 15.00 %").count() >= 1
    # both charts decoded and drawn
    for img in page.locator("section.charts img").all():
        assert img.evaluate("i => i.complete && i.naturalWidth > 0")
    # a failure links to its sentence in the article view
    link = page.get_by_role("link", name="Japanese carmakers return to the expo floor")
    target = link.first.get_attribute("href")
    assert page.locator(target).count() == 1


def test_index_lists_runs_and_opens_offline(con, articles_dir, tmp_path, chromium):
    reports = tmp_path / "reports"
    first, _ = _run(con, articles_dir, reports)
    second, _ = _run(con, articles_dir, reports)
    page, requests, _ = _open(chromium, reports / "index.html")
    assert all(u.startswith(("file:", "data:")) for u in requests)
    rows = page.locator("tbody tr")
    assert rows.count() == 2
    assert second in rows.first.inner_text()  # newest first
    rows.nth(1).get_by_role("link").click()
    page.wait_for_url(f"**/runs/{first}/report.html")


def test_article_markup_never_runs(con, tmp_path, chromium):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "evil.txt").write_text(
        "date 2023-01-01 <script>window.pwned = 'title'</script> title\n\n"
        "Firms took 180 of the 1,200 booths, or 18 percent, <script>window.pwned = 'body'</script> "
        "said <img src=x onerror=\"window.pwned = 'img'; alert(1)\"> and <b>bold</b>.\n"
    )
    _, paths = _run(con, folder, tmp_path / "reports", tables_dir=None)
    page, requests, dialogs = _open(chromium, paths.html)
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert dialogs == []
    assert page.locator("script").count() == 0
    assert page.locator("b", has_text="bold").count() == 0  # markup shown as text, not rendered
    assert page.get_by_text("<b>bold</b>", exact=False).count() >= 1
    assert page.locator("img:not([src^='data:'])").count() == 0
    assert page.get_by_text("<script>window.pwned = 'body'</script>", exact=False).count() >= 1
    assert not [u for u in requests if u.endswith("/x") or u == "x"]


def test_new_and_fixed_across_two_runs(con, articles_dir, tmp_path, chromium):
    reports = tmp_path / "reports"
    _run(con, articles_dir, reports)
    booths = articles_dir / "2023-08-28-japanese-booths.txt"
    booths.write_text(booths.read_text().replace("or 18 percent", "or 15 percent"))  # fixed
    korean = articles_dir / "2023-08-28-korean-exhibitors.txt"
    korean.write_text(
        korean.read_text().replace("accounting for 26 percent", "accounting for 29 percent")
    )  # new
    _, paths = _run(con, articles_dir, reports)

    page, _, _ = _open(chromium, paths.html)
    new = page.locator("article.finding.fail", has=page.locator(".tag.new"))
    assert new.count() == 1
    assert "29 percent" in new.inner_text()
    fixed = page.locator("article.finding.fixed")
    assert fixed.count() == 1
    assert "Japanese carmakers" in fixed.inner_text() and "18 percent" in fixed.inner_text()
    assert page.locator(".card.new b").inner_text() == "1"
    assert page.locator(".card.good b").last.inner_text() == "1"


def test_a_run_with_nothing_new_shows_a_page_that_leads_to_the_report(
    con, articles_dir, tmp_path, chromium
):
    from addsup import incremental

    reports = tmp_path / "reports"
    runs = []
    for _ in range(2):
        run_id = str(uuid.uuid4())
        ingested = steps.ingest(articles_dir, known=incremental.known_files(con))
        steps.run_checks(con, ingested, run_id, SAMPLE_TABLES, SAMPLE_REFERENCE, incremental=True)
        runs.append((run_id, steps.publish(con, run_id, reports)))
    (first, _), (second, paths) = runs
    page, requests, _ = _open(chromium, paths.html)
    assert [u for u in requests if not u.startswith("data:")] == [paths.html.resolve().as_uri()]
    assert page.locator("h1").inner_text() == "Nothing new since the last run"
    assert f"{len(planted())} error(s)" in page.locator("body").inner_text()
    page.locator(f"a[href$='runs/{first}/report.html']").first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith(f"runs/{first}/report.html")
    assert page.locator("#failures ~ article.finding.fail").count() == len(planted())
