"""Web pages as articles (addsup/pages.py): the main text, title, date and URL of a page;
what a menu, a list of related stories, a caption or a footer prints is never read."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from addsup.articles import Article, Rejected, read_article_file
from addsup.cli import app
from addsup.extract import extract
from addsup.fetch import TRAILER

PAGES = Path(__file__).parent / "html"


def _article(path: Path, source: str | None = None) -> Article:
    items = read_article_file(path, source or path.name)
    return next(x for x in items if isinstance(x, Article))


@pytest.mark.parametrize(
    ("page", "title", "published", "kept", "left_out"),
    [
        (
            "harbour.html",
            "Harbour trade climbs in spring",
            date(2024, 5, 2),
            ["$60 billion", "40 percent", "8.5 percent", "300,000"],
            ["24/7", "Top 50", "$9.99", "23 percent", "1,500 drivers", "3 million people"]
            + ["4,000 ships", "17 Agency"],
        ),
        (
            "cafe-latin1.html",
            "Café chain widens losses",
            date(2023, 11, 14),
            ["£4.5 billion", "£3.0 billion", "£12.6 billion", "15 percent"],
            ["from £5", "Top 10", "45 staff"],
        ),
        (
            "port-list.html",
            "Port volumes by terminal",
            date(2024, 2, 10),
            ["9.6 million", "4.1 million", "3.3 million", "2.2 million", "42.7 percent"],
            ["top 100", "30 percent", "12 Harbour"],
        ),
    ],
)
def test_a_page_gives_its_story_and_none_of_its_boilerplate(page, title, published, kept, left_out):
    article = _article(PAGES / page)
    assert (article.title, article.published_on) == (title, published)
    surfaces = [f.surface for f in extract(article.text, article.published_on).figures]
    for figure in kept:
        assert any(figure in s for s in surfaces), (figure, surfaces)
    for boilerplate in left_out:  # not in the text, so no figure of it can be read
        assert boilerplate not in article.text


def test_a_page_names_its_canonical_url():
    assert _article(PAGES / "harbour.html").url == (
        "https://ledger.example.org/business/harbour-trade-climbs"
    )


def test_a_stored_page_names_where_it_was_fetched_from(tmp_path):
    body = (PAGES / "port-list.html").read_bytes()
    stored = tmp_path / "stored.html"
    stored.write_bytes(body + TRAILER % b"http://127.0.0.1:9/news/port.html")
    article = _article(stored)
    assert article.url == "http://127.0.0.1:9/news/port.html"
    assert "fetched from" not in article.text
    assert article.article_id == _article(PAGES / "port-list.html").article_id


def test_a_page_of_links_only_is_quarantined_with_its_reason(tmp_path):
    page = tmp_path / "menu.htm"
    links = "".join(f'<li><a href="/s{i}">Story {i}</a></li>' for i in range(8))
    page.write_text(f"<html><body><nav><ul>{links}</ul></nav></body></html>")
    [rejected] = read_article_file(page, page.name)
    assert isinstance(rejected, Rejected)
    assert (rejected.reason, rejected.loaded) == ("no_text", False)
    assert "no article text" in rejected.detail


def test_a_page_checks_as_its_text_does(tmp_path):
    """The findings of a page are those of the same text in a .txt file."""
    article = _article(PAGES / "harbour.html")
    txt = tmp_path / "harbour.txt"
    txt.write_text(f"date {article.published_on} {article.title}\n{article.text}", encoding="utf-8")
    runner = CliRunner()

    def findings(path: Path) -> list[tuple]:
        result = runner.invoke(app, ["check", str(path), "--format", "json"])
        assert result.exit_code == 0, result.output
        rows = json.loads(result.stdout)["findings"]
        return sorted((f["check"], f["status"], f["message"]) for f in rows)

    from_page = findings(PAGES / "harbour.html")
    assert from_page and from_page == findings(txt)
