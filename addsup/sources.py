"""The sources file (``data/sources.toml``): the feeds and the pages a run fetches.

```toml
[settings]                 # all optional
delay_seconds = 1.0        # between two requests to the same host
timeout_seconds = 10.0     # to connect, and between two reads of a response
retries = 3                # after a connection error, a timeout, a 5xx or a 429 (never a 4xx)
max_bytes = 2000000        # a larger response is quarantined unread

[[feeds]]                  # RSS or Atom: every item's link is fetched as a page
name = "customs"
url = "https://example.org/news/feed.xml"
include = ["trade", "/economy/"]   # regular expressions, searched in the item's link and
exclude = ["/sport/"]              # title: kept if any include matches (or none is given)
                                   # and no exclude does
[[pages]]                  # pages to watch
name = "watch"
urls = ["https://example.org/a.html", "https://example.org/b.html"]
```

A file that cannot be read, or says something it should not, raises ``SourcesError`` with a
message that names the key; a run quarantines it and goes on with the articles it has.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from addsup.parameters import DEFAULT_MAX_BYTES

DEFAULT_SOURCES = Path("data/sources.toml")


class SourcesError(ValueError):
    """The sources file cannot be used; the message says where and why."""


@dataclass(frozen=True)
class Settings:
    delay_seconds: float = 1.0
    timeout_seconds: float = 10.0
    retries: int = 3
    max_bytes: int = DEFAULT_MAX_BYTES
    max_redirects: int = 5
    backoff_seconds: float = 0.5


@dataclass(frozen=True)
class Source:
    """One feed (``kind`` "feed", one URL) or one list of pages (``kind`` "pages")."""

    kind: str
    name: str
    urls: tuple[str, ...]
    include: tuple[re.Pattern[str], ...] = ()
    exclude: tuple[re.Pattern[str], ...] = ()

    def wants(self, *texts: str) -> bool:
        """Whether an item (its link, its title) passes the include and exclude patterns."""
        seen = " ".join(t for t in texts if t)
        if self.include and not any(p.search(seen) for p in self.include):
            return False
        return not any(p.search(seen) for p in self.exclude)


@dataclass(frozen=True)
class Sources:
    feeds: tuple[Source, ...] = ()
    pages: tuple[Source, ...] = ()
    settings: Settings = field(default_factory=Settings)


def _url(value: object, where: str) -> str:
    parts = urlsplit(value) if isinstance(value, str) else None
    if parts is None or parts.scheme not in ("http", "https") or not parts.netloc:
        raise SourcesError(f"{where}: {value!r} is not an http(s) URL")
    return value  # type: ignore[return-value]


def _patterns(entry: dict, key: str, where: str) -> tuple[re.Pattern[str], ...]:
    values = entry.get(key, [])
    if isinstance(values, str):
        values = [values]
    if not isinstance(values, list):
        raise SourcesError(f"{where}.{key}: a list of regular expressions")
    try:
        return tuple(re.compile(v, re.IGNORECASE) for v in values)
    except (re.error, TypeError) as err:
        raise SourcesError(f"{where}.{key}: not a regular expression ({err})") from err


def _source(kind: str, entry: object, where: str) -> Source:
    if not isinstance(entry, dict):
        raise SourcesError(f"{where}: a table with name and {'url' if kind == 'feed' else 'urls'}")
    known = {"name", "include", "exclude", "url" if kind == "feed" else "urls"}
    unknown = sorted(set(entry) - known)
    if unknown:
        raise SourcesError(f"{where}: unknown key(s) {', '.join(unknown)}")
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise SourcesError(f"{where}.name: a non-empty string")
    if kind == "feed":
        urls = (_url(entry.get("url"), f"{where}.url"),)
    else:
        listed = entry.get("urls")
        if not isinstance(listed, list) or not listed:
            raise SourcesError(f"{where}.urls: a non-empty list of URLs")
        urls = tuple(_url(u, f"{where}.urls[{i}]") for i, u in enumerate(listed))
    return Source(
        kind,
        name,
        urls,
        _patterns(entry, "include", where),
        _patterns(entry, "exclude", where),
    )


def _settings(entry: object) -> Settings:
    if not isinstance(entry, dict):
        raise SourcesError("settings: a table")
    defaults = Settings()
    values = {}
    for key, value in entry.items():
        if not hasattr(defaults, key):
            raise SourcesError(f"settings: unknown key {key!r}")
        wanted = type(getattr(defaults, key))
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            raise SourcesError(f"settings.{key}: a number, 0 or more")
        values[key] = wanted(value)
    return Settings(**values)


def parse_sources(text: str) -> Sources:
    """The sources a TOML text names (``SourcesError`` says what is wrong and where)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise SourcesError(f"not valid TOML: {err}") from err
    unknown = sorted(set(data) - {"feeds", "pages", "settings"})
    if unknown:
        raise SourcesError(f"unknown section(s) {', '.join(unknown)} (feeds, pages, settings)")
    for key in ("feeds", "pages"):
        if not isinstance(data.get(key, []), list):
            raise SourcesError(f"{key}: an array of tables ([[{key}]])")
    feeds = tuple(_source("feed", e, f"feeds[{i}]") for i, e in enumerate(data.get("feeds", [])))
    pages = tuple(_source("pages", e, f"pages[{i}]") for i, e in enumerate(data.get("pages", [])))
    return Sources(feeds, pages, _settings(data.get("settings", {})))


def read_sources(path: Path) -> Sources:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise SourcesError(f"cannot read {path}: {err}") from err
    return parse_sources(text)
