"""The fetch step (addsup/fetch.py, addsup/sources.py) against a local HTTP server that the
tests start: feeds, pages, conditional requests, retries, timeouts, redirects, robots.txt."""

from __future__ import annotations

import hashlib
import re
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from addsup.articles import Article, Rejected, read_article_file
from addsup.fetch import Politeness, fetch_sources
from addsup.sources import Settings, SourcesError, parse_sources
from tests.conftest import check_run

PAGES = Path(__file__).parent / "html"

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Coastal business</title>
<item><title>Harbour trade climbs</title><link>{base}/news/harbour.html</link></item>
<item><title>Cafe chain losses</title><link>{base}/news/cafe.html</link></item>
<item><title>Port volumes</title><link>{base}/go/port</link></item>
<item><title>Sport: cup final</title><link>{base}/sport/final.html</link></item>
</channel></rss>
"""


class Site(BaseHTTPRequestHandler):
    """Routes of the test site; every request is logged as (path, status)."""

    log: list[tuple[str, int, float]]
    hits: Counter
    base: str

    def log_message(self, *args: object) -> None:  # quiet
        pass

    def _send(self, status: int, body: bytes = b"", kind: str = "text/html", **headers: str):
        etag = '"' + hashlib.md5(body).hexdigest() + '"'
        if status == 200 and self.headers.get("If-None-Match") == etag:
            status, body = 304, b""
        self.log.append((self.path, status, time.monotonic()))
        self.send_response(status)
        if status in (200, 304):
            headers["ETag"] = etag
        for key, value in headers.items():
            self.send_header(key.replace("_", "-"), value)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        path = self.path
        self.hits[path] += 1
        if path == "/robots.txt":
            return self._send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
        if path == "/feed.xml":
            return self._send(200, FEED.format(base=self.base).encode(), "application/rss+xml")
        if path == "/bad-feed.xml":
            return self._send(200, b"<rss><channel><item><title>broken", "application/rss+xml")
        pages = {
            "/news/harbour.html": "harbour.html",
            "/news/cafe.html": "cafe-latin1.html",
            "/news/port.html": "port-list.html",
            "/private/secret.html": "harbour.html",
            "/sport/final.html": "harbour.html",
        }
        if path in pages:
            kind = "text/html; charset=iso-8859-1" if "cafe" in path else "text/html"
            return self._send(200, (PAGES / pages[path]).read_bytes(), kind)
        if path == "/go/port":
            return self._send(301, Location=f"{self.base}/news/port.html")
        if path in ("/loop/a", "/loop/b"):
            return self._send(
                302, Location=f"{self.base}/loop/{'b' if path.endswith('a') else 'a'}"
            )
        if path == "/flaky.html":  # fails once, then answers
            if self.hits[path] == 1:
                return self._send(500, b"busy")
            return self._send(200, (PAGES / "port-list.html").read_bytes())
        if path == "/slow.html":
            time.sleep(1.5)
            return self._send(200, b"<html><body><p>late</p></body></html>")
        if path == "/big.html":
            return self._send(
                200, b"<html><body>" + b"<p>12 percent</p>" * 20_000 + b"</body></html>"
            )
        if path == "/report.pdf":
            return self._send(200, b"%PDF-1.4", "application/pdf")
        return self._send(404, b"not here")


class Server(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:  # a client that gave up: fine
        pass


@pytest.fixture
def site():
    """A local web site on a free port; yields (base URL, handler class with log and hits)."""
    handler = type("TestSite", (Site,), {"log": [], "hits": Counter()})
    server = Server(("127.0.0.1", 0), handler)
    handler.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield handler.base, handler
    server.shutdown()
    server.server_close()


def _sources(base: str, settings: str = "") -> str:
    return f"""
[settings]
delay_seconds = 0
timeout_seconds = 0.5
retries = 1
backoff_seconds = 0.01
max_bytes = 100000
{settings}

[[feeds]]
name = "coastal"
url = "{base}/feed.xml"
exclude = ["/sport/"]

[[feeds]]
name = "broken"
url = "{base}/bad-feed.xml"

[[pages]]
name = "watch"
urls = ["{base}/missing.html", "{base}/flaky.html", "{base}/slow.html", "{base}/loop/a",
        "{base}/big.html", "{base}/private/secret.html", "{base}/report.pdf"]
"""


def _read_store(store: Path) -> list[Article]:
    out = []
    for path in sorted(store.glob("*.html")):
        out.extend(x for x in read_article_file(path, path.name) if isinstance(x, Article))
    return out


def test_each_source_ends_as_an_article_or_a_quarantine_row(site, tmp_path):
    base, handler = site
    done = fetch_sources(parse_sources(_sources(base)), tmp_path / "store")
    reasons = {r.source.removeprefix(base): r.reason for r in done.rejected}
    assert reasons == {
        "/bad-feed.xml": "bad_feed",
        "/missing.html": "http_error",
        "/slow.html": "timeout",
        "/loop/a": "redirect_loop",
        "/big.html": "too_large",
        "/private/secret.html": "robots_disallowed",
        "/report.pdf": "not_a_page",
    }
    assert all(isinstance(r, Rejected) and r.detail for r in done.rejected)
    articles = _read_store(tmp_path / "store")
    # the three feed items (one through a redirect) and the page that recovered on retry;
    # flaky.html holds the same bytes as port.html, so the store keeps them once
    assert len(done.stored) == 3 and len(articles) == 3
    urls = {a.url.removeprefix(base) for a in articles}
    assert urls == {
        "/news/port.html",  # where the redirect led
        "/news/cafe.html",
        "https://ledger.example.org/business/harbour-trade-climbs",  # its canonical link
    }
    cafe = next(a for a in articles if "Café" in (a.title or ""))
    assert "São Paulo" in cafe.text and "£4.5 billion" in cafe.text  # its own charset read
    assert handler.hits["/flaky.html"] == 2  # retried once after the 500
    assert handler.hits["/missing.html"] == 1  # a 404 is never retried
    assert handler.hits["/private/secret.html"] == 0  # robots.txt said no
    assert handler.hits["/sport/final.html"] == 0  # excluded by the feed's pattern
    assert handler.hits["/loop/a"] >= 2


def test_a_second_run_gets_304s_and_fetches_nothing(site, tmp_path):
    base, handler = site
    sources = parse_sources(_sources(base))
    first = fetch_sources(sources, tmp_path / "store")
    files = sorted(p.name for p in (tmp_path / "store").iterdir())
    handler.log.clear()
    again = fetch_sources(sources, tmp_path / "store")
    assert first.stored and again.stored == []
    assert sorted(p.name for p in (tmp_path / "store").iterdir()) == files
    answered = {path: status for path, status, _ in handler.log}
    assert answered["/feed.xml"] == 304
    assert answered["/flaky.html"] == 304
    again_200 = {p for p, s, _ in handler.log if s == 200 and p.endswith(".html")}
    assert again_200 == {"/slow.html", "/big.html"}  # refused the first time, asked again


def test_a_changed_page_replaces_its_earlier_file(site, tmp_path):
    base, _ = site
    store = tmp_path / "store"
    sources = parse_sources(
        f'[settings]\ndelay_seconds = 0\n[[pages]]\nname = "w"\nurls = ["{base}/flaky.html"]\n'
    )
    fetch_sources(sources, store)  # a 500 then the page
    before = sorted(store.glob("*.html"))
    state = (store / ".state.json").read_text().replace('"etag": "', '"etag": "stale')
    (store / ".state.json").write_text(state)
    assert fetch_sources(sources, store).stored == []  # the same bytes: stored once
    assert sorted(store.glob("*.html")) == before


def test_requests_to_one_host_keep_their_distance(monkeypatch):
    """On a clock of the test's own: the second request to a host waits out the delay, a
    request to another host does not wait."""
    from addsup import fetch

    now, slept = [100.0], []
    monkeypatch.setattr(fetch.time, "monotonic", lambda: now[0])

    def sleep(seconds: float) -> None:
        slept.append(round(seconds, 6))
        now[0] += seconds

    monkeypatch.setattr(fetch.time, "sleep", sleep)
    web = Politeness(Settings(delay_seconds=1.5))
    try:
        web._wait_turn("http://one.example/a")
        now[0] += 0.5
        web._wait_turn("http://one.example/b")  # 0.5 s after the first: waits 1.0 s
        web._wait_turn("http://two.example/a")  # another host: no wait
        now[0] += 2.0
        web._wait_turn("http://one.example/c")  # 2 s after: no wait
    finally:
        web.close()
    assert slept == [1.0]


def test_fetched_pages_read_as_the_same_pages_from_a_folder(site, tmp_path):
    base, _ = site
    text = f'[settings]\ndelay_seconds = 0\n[[pages]]\nname = "w"\nurls = ["{base}/news/harbour.html", "{base}/news/cafe.html", "{base}/news/port.html"]\n'
    fetch_sources(parse_sources(text), tmp_path / "store")
    fetched = {a.article_id: a for a in _read_store(tmp_path / "store")}
    local = {a.article_id: a for a in _read_store(PAGES)}
    assert fetched.keys() == local.keys()
    for key, page in local.items():
        assert (fetched[key].title, fetched[key].published_on) == (page.title, page.published_on)


def test_a_user_agent_names_addsup(site, tmp_path):
    base, _ = site
    web = Politeness(Settings(delay_seconds=0))
    try:
        answer = web.get(f"{base}/news/port.html", {})
        assert answer.status == 200
        assert web.client.headers["User-Agent"].startswith("addsup/")
    finally:
        web.close()


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("[[feeds]]\nname = 'x'\n", "feeds[0].url"),
        ("[[feeds]]\nurl = 'https://example.org/f.xml'\n", "feeds[0].name"),
        ("[[pages]]\nname = 'x'\nurls = []\n", "pages[0].urls"),
        ("[[pages]]\nname = 'x'\nurls = ['ftp://example.org/a']\n", "pages[0].urls[0]"),
        ("[[feeds]]\nname = 'x'\nurl = 'https://e.org/f'\ninclude = ['(']\n", "feeds[0].include"),
        ("[[feeds]]\nname = 'x'\nurl = 'https://e.org/f'\ncolour = 1\n", "unknown key(s) colour"),
        ("[settings]\ndelay_seconds = -1\n", "settings.delay_seconds"),
        ("[other]\n", "unknown section(s) other"),
        ("[[feeds]\n", "not valid TOML"),
    ],
)
def test_a_wrong_sources_file_says_where(text, says):
    with pytest.raises(SourcesError, match=re.escape(says)):
        parse_sources(text)


def test_patterns_keep_and_leave_out_items():
    sources = parse_sources(
        "[[feeds]]\nname = 'x'\nurl = 'https://e.org/f'\ninclude = ['trade']\nexclude = ['sport']\n"
    )
    feed = sources.feeds[0]
    assert feed.wants("https://e.org/trade/1", "")
    assert feed.wants("https://e.org/a", "Trade rises")
    assert not feed.wants("https://e.org/sport/trade", "")
    assert not feed.wants("https://e.org/b", "Weather")


def test_a_run_reads_what_it_fetched_and_quarantines_what_it_could_not(site, con, tmp_path):
    from addsup import pipeline as steps

    base, _ = site
    sources = tmp_path / "sources.toml"
    sources.write_text(_sources(base))
    articles = tmp_path / "articles"
    articles.mkdir()
    steps.warehouse.start_run(con, "r1", {})
    steps.fetch(con, sources, articles, "r1")
    check_run(con, articles, "r2")
    rows = con.execute("SELECT url, title FROM articles ORDER BY title").fetchall()
    assert [title for _, title in rows] == [
        "Café chain widens losses",
        "Harbour trade climbs in spring",
        "Port volumes by terminal",
    ]
    assert rows[2][0] == f"{base}/news/port.html"
    quarantined = con.execute("SELECT source, reason FROM quarantine ORDER BY source").fetchall()
    assert (f"{base}/missing.html", "http_error") in quarantined
    assert (f"{base}/slow.html", "timeout") in quarantined
    assert len([q for q in quarantined if q[0].startswith(base)]) == 7


def test_a_sources_file_that_cannot_be_read_is_quarantined(con, tmp_path):
    from addsup import pipeline as steps

    sources = tmp_path / "sources.toml"
    sources.write_text("[[feeds]]\nname = 'x'\n")
    steps.warehouse.start_run(con, "r1", {})
    done = steps.fetch(con, sources, tmp_path / "articles", "r1")
    assert done.stored == []
    [(reason, detail)] = con.execute("SELECT reason, detail FROM quarantine").fetchall()
    assert reason == "bad_sources" and "feeds[0].url" in detail
