"""The reports as a person sees them: rendered by headless Chromium from the file alone."""

from __future__ import annotations

import uuid

from addsup.report import write_reports
from tests.conftest import SAMPLE_REFERENCE, SAMPLE_TABLES, check_run, planted


def _run(con, articles_dir, reports_dir, tables_dir=SAMPLE_TABLES):
    run_id = str(uuid.uuid4())
    check_run(con, articles_dir, run_id, tables_dir, SAMPLE_REFERENCE)
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
    assert second[:8] in rows.first.inner_text()  # newest first, the run id shortened
    assert rows.first.get_by_role("link").get_attribute("title") == second
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

    reports = tmp_path / "reports"
    runs = []
    for _ in range(2):
        run_id = str(uuid.uuid4())
        done = check_run(con, articles_dir, run_id, SAMPLE_TABLES, SAMPLE_REFERENCE, reports)
        runs.append((run_id, done.published.paths))
    (first, _), (second, paths) = runs
    page, requests, _ = _open(chromium, paths.html)
    assert [u for u in requests if not u.startswith("data:")] == [paths.html.resolve().as_uri()]
    assert page.locator("h1").inner_text() == "Nothing new since the last run"
    assert f"{len(planted())} error(s)" in page.locator("body").inner_text()
    page.locator(f"a[href$='runs/{first}/report.html']").first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith(f"runs/{first}/report.html")
    assert page.locator("#failures ~ article.finding.fail").count() == len(planted())


PHONE = {"width": 390, "height": 844}


def _overflow(page) -> dict:
    """How far the page is wider than the phone, and what clips or hides overflow to fit."""
    return page.evaluate(
        """() => {
        const doc = document.documentElement;
        const hidden = [document.documentElement, document.body]
            .filter(e => ['hidden', 'clip'].includes(getComputedStyle(e).overflowX))
            .map(e => e.tagName);
        // elements (outside a scrolling box) that stick out on the right
        const out = [...document.body.querySelectorAll('*')].filter(e => {
            if (e.closest('.scroll')) return false;
            const r = e.getBoundingClientRect();
            return r.width > 0 && r.right > doc.clientWidth + 1;
        }).map(e => e.tagName + '.' + e.className + ': ' + (e.textContent || '').slice(0, 60));
        return {extra: doc.scrollWidth - doc.clientWidth, hidden, out};
    }"""
    )


def test_the_report_fits_a_phone_without_clipping(con, articles_dir, tmp_path, chromium):
    # a long check name and an unbroken path, as a report can hold
    long = articles_dir / ("a-very-long-file-name-without-any-spaces-" * 3 + "x.txt")
    long.write_text(
        "date 2024-03-01 Growth\n\nExports rose 12 percent to 560 tonnes from 500 tonnes.\n"
    )
    (articles_dir / "notes.csv").write_text("a,b\n")  # quarantined: the table of inputs
    reports = tmp_path / "reports"
    _run(con, articles_dir, reports)
    _, paths = _run(con, articles_dir, reports)
    for page_path in (paths.html, reports / "index.html"):
        page = chromium.new_page(viewport=PHONE)
        page.goto(page_path.resolve().as_uri())
        page.wait_for_load_state("load")
        page.screenshot(path=str(tmp_path / f"phone-{page_path.stem}.png"), full_page=True)
        measured = _overflow(page)
        assert measured == {"extra": 0, "hidden": [], "out": []}, page_path
    # the runs table scrolls inside its own box rather than widening the page
    box = page.locator(".scroll").first
    assert box.evaluate("e => getComputedStyle(e).overflowX") == "auto"
    # the counts do not fill the first screen: the failures begin on it
    page = chromium.new_page(viewport=PHONE)
    page.goto(paths.html.resolve().as_uri())
    cards = page.locator("section.cards").bounding_box()
    assert cards["y"] + cards["height"] < PHONE["height"] * 0.75


def test_the_report_explains_its_intervals_and_names_the_other_article(
    con, articles_dir, tmp_path, chromium
):
    _, paths = _run(con, articles_dir, tmp_path / "reports")
    page, _, _ = _open(chromium, paths.html)
    note = page.locator("header #intervals")
    assert "16.35 to 16.45" in note.inner_text()
    # nothing like "28.14 billion to 28.14 billion" anywhere
    body = page.locator("body").inner_text()
    import re

    for lo, hi in re.findall(r"([\d.,]+ \w+) to ([\d.,]+ \w+)", body):
        assert lo != hi, lo
    # the agreement failure names the other article by its title and date, and links to it
    finding = page.locator("article.finding.fail", has_text="89.4 billion yuan")
    other = finding.locator("p.other")
    assert "Liaoning's trade with Japan holds steady" in other.inner_text()
    assert "14 Feb 2023" in other.inner_text()
    target = other.get_by_role("link", name="Liaoning's trade with Japan holds steady")
    href = target.get_attribute("href")
    assert href.startswith("#a-") and page.locator(href).count() == 1
    assert page.locator(href).get_by_role("link").first.get_attribute("href") == (
        "https://example.org/addsup-sample/wire-0001"
    )
    target.click()
    assert page.url.endswith(href)


def test_one_run_shows_a_count_and_people_times(con, articles_dir, tmp_path, chromium):
    run_id, paths = _run(con, articles_dir, tmp_path / "reports")
    page, _, _ = _open(chromium, paths.html)
    assert page.locator("img[alt^='Errors and warnings per run']").count() == 0
    assert f"{len(planted())} error(s)" in page.locator(".first-run").inner_text()
    meta = page.locator("header .meta").inner_text()
    assert run_id[:8] in meta and run_id not in meta
    import re

    assert re.search(r"\b\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} UTC\b", meta), meta
    # with a second run the chart appears
    _, second = _run(con, articles_dir, tmp_path / "reports")
    page, _, _ = _open(chromium, second.html)
    assert page.locator("img[alt^='Errors and warnings per run']").count() == 1
    assert page.locator(".first-run").count() == 0
