"""Reading article files into normalised records; what cannot be read is rejected with a reason.

Supported inputs (docs/inputs.md):

* ``.txt`` / ``.md``: an optional first line ``date YYYY-MM-DD Title`` or a front-matter
  block (``---`` / ``key: value`` lines / ``---``) with ``date``, ``title``, ``url``;
  the rest is the body.
* ``.jsonl``: one article per line, an object with ``text`` and optionally ``id``,
  ``date``, ``title``, ``url``.
* ``.html`` / ``.htm``: a web page; its main text, title, date and URL (``addsup.pages``).

The article id is a hash of the normalised body (Unicode NFC, whitespace folded), so
the same text gives the same id wherever it comes from.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from addsup.extract.dates import infer_date
from addsup.files import article_files
from addsup.pages import HTML_SUFFIXES, parse_html
from addsup.parameters import DEFAULT_MAX_BYTES

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".jsonl"}) | HTML_SUFFIXES

_HEADER = re.compile(r"[ \t\ufeff]*date[ \t]+(\d{4}-\d{2}-\d{2})[ \t]*([^\n]*)\n")
_FRONT = re.compile(r"---[ \t]*\n(.*?)\n---[ \t]*\n", re.DOTALL)
_KEY_VALUE = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")


@dataclass(frozen=True, slots=True)
class Article:
    article_id: str
    source: str
    text: str
    body_offset: int = 0
    title: str | None = None
    published_on: date | None = None
    url: str | None = None
    external_id: str | None = None


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input that was quarantined (``loaded=False``) or loaded with a warning."""

    source: str
    reason: str
    detail: str
    loaded: bool = False
    content_hash: str = ""


def normalise(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


_NOT_WORDS = re.compile(r"[\d\W_]+")


def skeleton(text: str) -> str:
    """The words of a text without its numbers and punctuation: equal for near-duplicates."""
    return " ".join(_NOT_WORDS.sub(" ", unicodedata.normalize("NFC", text).lower()).split())


def article_id(text: str) -> str:
    """A stable id: the first 16 hex digits of SHA-256 over the normalised text."""
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()[:16]


def _hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def _parse_date(value: str) -> date | None:
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _decode(data: bytes, source: str) -> tuple[str, Rejected | None]:
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as err:
        text = data.decode("utf-8", errors="replace")
        bad = text.count("\ufffd")
        return text, Rejected(
            source,
            "invalid_utf8",
            f"not valid UTF-8 (first bad byte at offset {err.start}); "
            f"{bad} undecodable character(s) replaced with U+FFFD",
            loaded=True,
            content_hash=_hash(data),
        )


def date_from_text(text: str, source: str) -> tuple[date | None, Rejected]:
    """The date the text implies, with a warning that says how; or a ``no_date`` warning."""
    inferred = infer_date(text)
    if inferred is None:
        detail = "no publication date, and none can be inferred: relative periods stay unresolved"
        return None, Rejected(source, "no_date", detail, loaded=True)
    return inferred.value, Rejected(source, "date_inferred", inferred.note, loaded=True)


def parse_text_article(raw: str, source: str) -> tuple[Article | None, list[Rejected]]:
    """One ``.txt`` / ``.md`` article from its decoded file text."""
    notes: list[Rejected] = []
    title = url = None
    published: date | None = None
    offset = 0
    header = _HEADER.match(raw)
    front = _FRONT.match(raw)
    if header:
        published = _parse_date(header.group(1))
        title = header.group(2).strip() or None
        offset = header.end()
    elif front:
        meta = {}
        for line in front.group(1).splitlines():
            kv = _KEY_VALUE.match(line)
            if kv:
                meta[kv.group(1).lower()] = kv.group(2).strip().strip("\"'")
        published = _parse_date(meta["date"]) if meta.get("date") else None
        if meta.get("date") and published is None:
            notes.append(
                Rejected(
                    source,
                    "bad_date",
                    f"front matter date {meta['date']!r} is not YYYY-MM-DD",
                    loaded=True,
                )
            )
        title, url = meta.get("title"), meta.get("url")
        offset = front.end()
    body = raw[offset:]
    if not body.strip():
        return None, [*notes, Rejected(source, "empty", "the file has no article text")]
    if published is None:
        published, note = date_from_text(body, source)
        notes.append(note)
    return Article(article_id(body), source, body, offset, title, published, url), notes


def parse_jsonl(raw: str, source: str) -> Iterator[Article | Rejected]:
    """Articles from a JSON Lines file; a bad line is rejected, the others still load."""
    for lineno, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as err:
            yield Rejected(
                where,
                "bad_json",
                f"line {lineno} is not JSON: {err.msg} at column {err.colno}",
                content_hash=_hash(line.encode()),
            )
            continue
        if (
            not isinstance(obj, dict)
            or not isinstance(obj.get("text"), str)
            or not obj["text"].strip()
        ):
            yield Rejected(
                where,
                "no_text",
                f"line {lineno} has no non-empty string field 'text'",
                content_hash=_hash(line.encode()),
            )
            continue
        published = _parse_date(str(obj["date"])) if obj.get("date") else None
        if published is None:
            published, note = date_from_text(obj["text"], where)
            yield note
        ext = obj.get("id")
        yield Article(
            article_id(obj["text"]),
            where,
            obj["text"],
            0,
            str(obj["title"]) if obj.get("title") else None,
            published,
            str(obj["url"]) if obj.get("url") else None,
            str(ext) if ext is not None else None,
        )


def read_article_file(
    path: Path, source: str, max_bytes: int = DEFAULT_MAX_BYTES
) -> list[Article | Rejected]:
    """Everything one file yields: articles, and rejections or warnings with their reasons."""
    suffix = path.suffix.lower()
    if suffix not in ARTICLE_SUFFIXES:
        return [
            Rejected(
                source,
                "unsupported_type",
                f"'{suffix or path.name}' is not one of {', '.join(sorted(ARTICLE_SUFFIXES))}",
            )
        ]
    size = path.stat().st_size
    if size > max_bytes:
        return [Rejected(source, "too_large", f"{size:,} bytes is over the limit of {max_bytes:,}")]
    data = path.read_bytes()
    if not data.strip():
        return [Rejected(source, "empty", "the file is empty", content_hash=_hash(data))]
    if b"\x00" in data:
        return [
            Rejected(
                source, "binary", "the file contains NUL bytes: not text", content_hash=_hash(data)
            )
        ]
    if suffix in HTML_SUFFIXES:  # a page names its own charset
        article, notes = parse_html(data, source)
        return [*notes, article] if article else notes
    raw, warning = _decode(data, source)
    out: list[Article | Rejected] = [warning] if warning else []
    if suffix == ".jsonl":
        out.extend(parse_jsonl(raw, source))
    else:
        article, notes = parse_text_article(raw, source)
        out.extend(notes)
        if article:
            out.append(article)
    return out


def collect(
    files: Iterable[tuple[Path, str]],
    max_bytes: int = DEFAULT_MAX_BYTES,
    skeletons: dict[str, str] | None = None,
) -> tuple[list[Article], list[Rejected]]:
    """Read ``(path, source)`` pairs: each distinct text once, duplicates and near-duplicates
    reported, everything unreadable rejected with its reason.

    ``skeletons`` (skeleton key -> first source) is filled in for the caller: a batch read
    elsewhere hands it back so that near-duplicates across batches are found too."""
    articles: dict[str, Article] = {}
    skeletons = {} if skeletons is None else skeletons
    rejected: list[Rejected] = []
    for path, source in files:
        if not path.is_file():
            rejected.append(Rejected(source, "not_found", "no such file"))
            continue
        for item in read_article_file(path, source, max_bytes):
            if isinstance(item, Rejected):
                rejected.append(item)
            elif item.article_id in articles:
                first = articles[item.article_id].source
                detail = f"same text as {first}; loaded once"
                rejected.append(Rejected(item.source, "duplicate", detail, loaded=True))
            else:
                articles[item.article_id] = item
                rejected.extend(_near_duplicate(item, skeletons))
    return list(articles.values()), rejected


def read_articles(
    directory: Path, max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[list[Article], list[Rejected]]:
    """All articles below ``directory`` (sorted by path; dot-files are skipped)."""
    return collect(article_files(directory), max_bytes)


def skeleton_key(text: str) -> str:
    """A hash of the words of ``text`` with numbers and punctuation left out."""
    return hashlib.sha256(skeleton(text).encode()).hexdigest()


def near_duplicate_detail(first: str) -> str:
    return (
        f"the same words as {first} with other numbers or punctuation: both loaded, "
        "their figures checked against each other"
    )


def _near_duplicate(article: Article, seen: dict[str, str]) -> list[Rejected]:
    """A warning when an article has the same words as an earlier one (numbers aside)."""
    key = skeleton_key(article.text)
    if key not in seen:
        seen[key] = article.source
        return []
    return [
        Rejected(article.source, "near_duplicate", near_duplicate_detail(seen[key]), loaded=True)
    ]
