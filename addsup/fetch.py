"""The fetch step: what the sources file names is downloaded into the raw store, which the
run then reads like any articles folder.

The raw store (``<articles>/fetched/`` by default, docs/inputs.md) holds each page once, named
by the hash of its bytes (``<sha256:20>.html``), with a last line that says where it came from
(``<!-- addsup: fetched from URL -->``, read back by ``addsup.pages``); ``.state.json`` keeps,
per URL, the validators of its last answer (ETag, Last-Modified) and the file that holds it.
A page that changes replaces its earlier file, as an edited article file would.

A good web citizen (``Politeness``): one HTTP client with timeouts and an identifying
User-Agent; robots.txt asked once per host and obeyed; at most one request per
``delay_seconds`` to a host; conditional requests, so an unchanged feed or page costs a 304;
redirects followed up to ``max_redirects``; retries with backoff after connection errors,
timeouts, 5xx and 429 only, never after another 4xx; a response larger than ``max_bytes``
left unread. Whatever cannot be fetched is quarantined with its URL and reason, and a run
never loses what earlier runs fetched.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import httpx

import addsup
from addsup.articles import Rejected
from addsup.sources import Settings, Source, Sources

USER_AGENT = f"addsup/{addsup.__version__} (checks that the figures in news articles add up)"
TRAILER = b"\n<!-- addsup: fetched from %s -->\n"
_RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
_PAGE_TYPES = ("text/html", "application/xhtml+xml")


class Refused(Exception):
    """A URL that cannot be fetched; ``reason`` is the quarantine's reason."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason, self.detail = reason, detail


@dataclass
class Answer:
    status: int
    url: str
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)


class Politeness:
    """One HTTP client for a run, with the rules above."""

    def __init__(self, settings: Settings, client: httpx.Client | None = None) -> None:
        self.settings = settings
        self.client = client or httpx.Client(
            headers={"User-Agent": USER_AGENT},
            timeout=httpx.Timeout(settings.timeout_seconds),
            follow_redirects=True,
            max_redirects=settings.max_redirects,
        )
        self._last: dict[str, float] = {}
        self._robots: dict[str, RobotFileParser] = {}

    def close(self) -> None:
        self.client.close()

    def _wait_turn(self, url: str) -> None:
        host = urlsplit(url).netloc
        wait = self._last.get(host, -1e9) + self.settings.delay_seconds - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        self._last[host] = time.monotonic()

    def allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        robots = self._robots.get(parts.netloc)
        if robots is None:
            robots = RobotFileParser()
            try:
                answer = self._get(f"{parts.scheme}://{parts.netloc}/robots.txt", {}, 500_000)
            except Refused:  # unreachable: RFC 9309 says assume everything is disallowed
                robots.disallow_all = True
            else:
                if answer.status >= 500:
                    robots.disallow_all = True
                elif answer.status >= 400:
                    robots.allow_all = True
                else:
                    robots.parse(answer.body.decode("utf-8", "replace").splitlines())
            self._robots[parts.netloc] = robots
        return robots.can_fetch(USER_AGENT, url)

    def _get(self, url: str, headers: dict[str, str], limit: int) -> Answer:
        """One GET with retries; the body read up to ``limit`` bytes."""
        attempts = self.settings.retries + 1
        for attempt in range(attempts):
            self._wait_turn(url)
            try:
                answer = self._once(url, headers, limit)
            except httpx.TooManyRedirects as err:
                limit_text = f"more than {self.settings.max_redirects} redirects"
                raise Refused("redirect_loop", limit_text) from err
            except httpx.TransportError as err:  # connection errors and timeouts: again
                if attempt + 1 == attempts:
                    timeout = isinstance(err, httpx.TimeoutException)
                    kind = "timeout" if timeout else "connection_error"
                    detail = f"{kind.replace('_', ' ')} after {attempts} attempt(s): {err!r}"
                    raise Refused(kind, detail) from err
                time.sleep(self.settings.backoff_seconds * 2**attempt)
                continue
            except httpx.HTTPError as err:  # a response that cannot be read
                raise Refused("bad_response", f"cannot read the response: {err!r}") from err
            if answer.status in _RETRY_STATUS and attempt + 1 < attempts:
                time.sleep(self._retry_after(answer, attempt))
                continue
            return answer
        raise AssertionError("unreachable")  # the loop returns or raises

    def _retry_after(self, answer: Answer, attempt: int) -> float:
        backoff = self.settings.backoff_seconds * 2**attempt
        value = answer.headers.get("retry-after", "")
        try:
            return min(30.0, max(backoff, float(value)))
        except ValueError:
            try:
                return min(
                    30.0, max(backoff, parsedate_to_datetime(value).timestamp() - time.time())
                )
            except (TypeError, ValueError):
                return backoff

    def _once(self, url: str, headers: dict[str, str], limit: int) -> Answer:
        with self.client.stream("GET", url, headers=headers) as response:
            size = int(response.headers.get("content-length") or 0)
            if size > limit:
                raise Refused("too_large", f"{size:,} bytes is over the limit of {limit:,}")
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > limit:
                    raise Refused("too_large", f"over the limit of {limit:,} bytes")
            return Answer(
                response.status_code,
                str(response.url),
                bytes(body),
                {k.lower(): v for k, v in response.headers.items()},
            )

    def get(self, url: str, headers: dict[str, str]) -> Answer:
        """A GET that robots.txt allows, ``Refused`` when it cannot be had."""
        if not self.allowed(url):
            raise Refused("robots_disallowed", "robots.txt of the host disallows it")
        answer = self._get(url, headers, self.settings.max_bytes)
        if answer.status >= 400:
            raise Refused("http_error", f"HTTP {answer.status}")
        return answer


class Store:
    """The raw store: pages by the hash of their bytes, and the validators of each URL."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.state_file = folder / ".state.json"
        try:
            self.state: dict[str, dict] = json.loads(self.state_file.read_text())
        except (OSError, ValueError):
            self.state = {}

    def validators(self, url: str) -> dict[str, str]:
        known = self.state.get(url, {})
        headers = {}
        if known.get("etag"):
            headers["If-None-Match"] = known["etag"]
        if known.get("last_modified"):
            headers["If-Modified-Since"] = known["last_modified"]
        return headers

    def remember(self, url: str, answer: Answer, name: str | None = None) -> None:
        self.state[url] = {
            "etag": answer.headers.get("etag"),
            "last_modified": answer.headers.get("last-modified"),
            "file": name,
            "final_url": answer.url,
        }

    def put(self, url: str, answer: Answer) -> str | None:
        """Store a page; its file name when it is new, None when the store had it already."""
        name = hashlib.sha256(answer.body).hexdigest()[:20] + ".html"
        earlier = self.state.get(url, {}).get("file")
        self.remember(url, answer, name)
        if earlier and earlier != name and not self._held(earlier):
            (self.folder / earlier).unlink(missing_ok=True)
        path = self.folder / name
        if path.exists():
            return None
        self.folder.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{name}.tmp")
        tmp.write_bytes(answer.body + TRAILER % answer.url.encode())
        os.replace(tmp, path)
        return name

    def _held(self, name: str) -> bool:
        return any(entry.get("file") == name for entry in self.state.values())

    def save(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        tmp = self.state_file.with_name(".state.json.tmp")
        tmp.write_text(json.dumps(self.state, indent=1, sort_keys=True))
        os.replace(tmp, self.state_file)


@dataclass
class Fetched:
    """What a fetch did: files new in the store, URLs unchanged since the last run (304 or the
    same bytes), and what was quarantined."""

    stored: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)


def _feed_links(source: Source, body: bytes) -> list[str]:
    import feedparser  # imported here: only runs with a sources file pay for it

    feed = feedparser.parse(body)
    if feed.bozo and not any(entry.get("link") for entry in feed.entries):
        raise Refused("bad_feed", f"not an RSS or Atom feed: {feed.get('bozo_exception')!r}")
    links = []
    for entry in feed.entries:
        link = entry.get("link")
        if link and source.wants(link, entry.get("title", "")) and link not in links:
            links.append(link)
    return links


def _fetch_page(web: Politeness, store: Store, url: str, done: Fetched) -> None:
    try:
        answer = web.get(url, store.validators(url))
        if answer.status == 304:
            done.unchanged.append(url)
            return
        kind = answer.headers.get("content-type", "").split(";")[0].strip().lower()
        if kind and kind not in _PAGE_TYPES:
            raise Refused("not_a_page", f"content type {kind!r} is not a web page")
        name = store.put(url, answer)
        (done.stored if name else done.unchanged).append(name or url)
    except Refused as why:
        done.rejected.append(Rejected(url, why.reason, why.detail))


def fetch_sources(sources: Sources, store_dir: Path, web: Politeness | None = None) -> Fetched:
    """Fetch every feed and page of ``sources`` into the raw store at ``store_dir``."""
    store = Store(store_dir)
    web = web or Politeness(sources.settings)
    done = Fetched()
    try:
        for feed in sources.feeds:
            url = feed.urls[0]
            try:
                answer = web.get(url, store.validators(url))
                if answer.status == 304:
                    done.unchanged.append(url)
                    continue
                links = _feed_links(feed, answer.body)
                store.remember(url, answer)
            except Refused as why:
                done.rejected.append(Rejected(url, why.reason, f"feed {feed.name}: {why.detail}"))
                continue
            for link in links:
                _fetch_page(web, store, link, done)
        for pages in sources.pages:
            for url in pages.urls:
                if pages.wants(url):
                    _fetch_page(web, store, url, done)
    finally:
        store.save()
        web.close()
    return done
